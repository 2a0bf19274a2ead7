#!/usr/bin/env bash
# bench/views.sh: a search by MAC through the view assets_current, before
# and after schema 10, and on the assets table as netcensus reads it, in
# one run (BenchmarkAssetsCurrentByMAC, on the private clickhouse-server
# the package's tests start: its own loopback ports and temporary data).
# Numbers to read, no assertions; the load average is printed before and
# after (a figure taken while others build is not a figure).
#
#   bash bench/views.sh [--assets 100000] [--runs 30]
#
# view:  SELECT asset_id, ip, hostname FROM assets_current WHERE mac = ?
# before: the same through the assets_current of schemas 7 to 9
# table: the newest version of the assets any version of which has that
#        MAC, as netcensus reads it (no view)
set -euo pipefail

assets=100000 runs=30
while [ $# -gt 0 ]; do
	case "$1" in
	--assets) assets=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	*) echo "usage: $0 [--assets N] [--runs N]" >&2; exit 2 ;;
	esac
done
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin:/usr/sbin:/sbin
command -v go >/dev/null || { echo "go is not installed (https://go.dev/dl/ into /usr/local/go)" >&2; exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT

echo "== search by MAC over $assets assets (10% annotated), $runs searches each"
echo "  (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
NETCENSUS_LAB=1 NETCENSUS_BENCH_ASSETS=$assets go test -run '^$' -bench '^BenchmarkAssetsCurrentByMAC$' \
	-benchtime "${runs}x" -timeout 60m ./inventory/store/clickhouse | tee "$out"
echo "  (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
awk '/^BenchmarkAssetsCurrentByMAC\// {
	split($1, n, "/"); sub(/-[0-9]+$/, "", n[2]); ms[n[2]] = $3 / 1e6
}
END {
	if (!("view" in ms) || !("before" in ms) || !("table" in ms)) { print "no figures" > "/dev/stderr"; exit 1 }
	printf "  view %.1f ms, before %.1f ms, table %.1f ms a search\n", ms["view"], ms["before"], ms["table"]
	printf "  before/after: %.1fx; the view against the table: %.2fx\n", ms["before"] / ms["view"], ms["view"] / ms["table"]
}' "$out"
