#!/usr/bin/env bash
# bench/fingerprints.sh: the device fingerprint engine's cost per walk, the
# same benchmark (bench/fpengine) run in this tree and in any other checkout
# of netcensus given (an older commit, for a before/after), over the same
# walks. Nothing is written into the trees: the benchmark is laid over each
# with go test -overlay.
#
#   bench/fingerprints.sh [-walks DIR] [-count N] [-n ITER] [TREE...]
#
# -walks DIR   snmprec walks (.snmprec, .snmprec.bz2) to fingerprint, searched
#              recursively (default: this tree's fingerprints/testdata/fixtures)
# -count N     benchmark repetitions per tree (default 5)
# -n ITER      fingerprints per repetition, spread over the walks in turn
#              (default 2000)
# TREE         checkouts to measure (default: this tree only)
#
# Prints, per tree, go test's lines (ns/op = mean per walk, walk-median-ns,
# walk-max-ns) and the profile count, then the load average it ran under.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
walks=$here/fingerprints/testdata/fixtures
count=5
iter=2000
trees=()
while (($#)); do
	case $1 in
	-walks) walks=$(cd "$2" && pwd); shift 2 ;;
	-count) count=$2; shift 2 ;;
	-n) iter=$2; shift 2 ;;
	-h|--help) sed -n '2,19p' "$0"; exit 0 ;;
	*) trees+=("$(cd "$1" && pwd)"); shift ;;
	esac
done
((${#trees[@]})) || trees=("$here")
command -v go >/dev/null || { echo "bench/fingerprints.sh: needs go" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "walks: $walks ($(find "$walks" -name '*.snmprec' -o -name '*.snmprec.bz2' | wc -l) files), $(nproc) CPUs"
for t in "${trees[@]}"; do
	[[ -d $t/fingerprints ]] || { echo "bench/fingerprints.sh: $t has no fingerprints package" >&2; exit 1; }
	printf '{"Replace":{"%s":"%s"}}\n' "$t/fingerprints/zz_walk_bench_test.go" "$here/bench/fpengine/walk_bench_test.go.txt" >"$tmp/overlay.json"
	profiles=$(cat "$t"/fingerprints/profiles/*.yaml | grep -c '^  - id:' || true)
	echo "== $t ($(git -C "$t" log -1 --format=%h 2>/dev/null || echo '?'), $profiles profiles)"
	(cd "$t" && NETCENSUS_BENCH_WALKS=$walks go test -overlay "$tmp/overlay.json" -run '^$' -timeout 0 \
		-bench '^BenchmarkWalkFingerprint$' -benchtime "${iter}x" -count "$count" ./fingerprints) |
		grep -E '^(Benchmark|ok|FAIL)'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
