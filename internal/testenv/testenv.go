// Package testenv tells tests how much of the shared corpus to read.
//
// Parsing every recorded walk means bunzip2-ing about 11 million records:
// seconds normally, many minutes under the race detector. Corpus-wide tests
// therefore read only the small files under -short or -race, and CI runs
// them once more in full without -race (NETCENSUS_CORPUS=full forces that).
package testenv

import (
	"os"
	"testing"
)

// FullCorpus reports whether a corpus-wide test should read every file.
func FullCorpus() bool {
	if os.Getenv("NETCENSUS_CORPUS") == "full" {
		return true
	}
	return !testing.Short() && !RaceEnabled
}

// SmallFile is the size under which a corpus file is read even when
// FullCorpus is false.
const SmallFile = 48 << 10
