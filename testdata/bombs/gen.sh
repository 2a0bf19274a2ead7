#!/bin/sh
# Makes the decompression bombs the readers' limit tests use: small files
# that expand far past what netcensus reads of one input. netcensus's own
# data (no licence beyond the project's). Run from this folder.
set -eu
# 129 MiB of snmprec comment lines (64 bytes each), bzip2-compressed:
# a --walk one MiB past the 128 MiB limit.
yes '# netcensus limit test: this line repeats past the walk size limit' | cut -c1-63 |
	head -c $((129 * 1024 * 1024)) | bzip2 -9 > walk-129MiB.snmprec.bz2
