#!/usr/bin/env bash
# bench/cmdb.sh: the CMDB's figures. Nothing here is an assertion: numbers
# to read. Touches no network. Run by hand:
#
#   bash bench/cmdb.sh [--assets 10000] [--software 800] [--samples 20]
#                      [--observations 1000000] [--memlimit 850MiB]
#                      [--store clickhouse://127.0.0.1:9000/bench] [--list 100000]
#                      [--annotated 10]
#
# No ClickHouse at hand? `go run ./bench/cmdb -mode chserver` runs a
# private one (the tests' set-up, own ports and temporary data) and prints
# its DSN; stop it with Ctrl-C.
#
# 1. SQLite ingest: one sweep of ASSETS hosts, each with SOFTWARE packages
#    and SAMPLES capacity samples (10,000 x (800 + 20) = 8.2 M rows), through
#    inventory.Ingest into a fresh SQLite file (WAL, synchronous=NORMAL) in
#    $TMPDIR. Prints rows/s (target: at least 100,000) and peak RSS. With
#    --store, the same sweep into that ClickHouse database instead (target:
#    at least 500,000 rows/s; user and password from env
#    NETCENSUS_CLICKHOUSE_USER / NETCENSUS_CLICKHOUSE_PASSWORD).
# 2. Listing (what `netcensus assets` does): a sweep of LIST assets (one
#    interface each, ANNOTATED percent of them annotated) stored, then
#    every asset listed with its annotation, several times; prints the
#    median. SQLite always; with --store, ClickHouse too, in the database
#    named like --store's with "_assets" appended, and then the whole
#    command as a user runs it over it, 7 times each: `netcensus assets`
#    as JSON lines (what it writes to a pipe; target on ClickHouse: at
#    most 300 ms for 100,000), CSV and a table.
# 3. Identity: OBSERVATIONS sightings of OBSERVATIONS/2.5 devices (ARP,
#    SNMP, mDNS, passive) resolved from nothing (a first sweep), and against
#    the assets a CMDB holds for those devices (every later sweep), each in
#    its own process (target: at most 5 s and 1 GB RSS). Run
#    twice: with Go's default GC, and with GOMEMLIMIT=MEMLIMIT (a soft
#    limit a deployment sets for large networks). Peak RSS is getrusage's
#    high-water mark, and /usr/bin/time's when installed.
set -euo pipefail

assets=10000 software=800 samples=20 observations=1000000 memlimit=850MiB store= list=100000 annotated=10
while [ $# -gt 0 ]; do
	case "$1" in
	--assets) assets=$2; shift 2 ;;
	--software) software=$2; shift 2 ;;
	--samples) samples=$2; shift 2 ;;
	--observations) observations=$2; shift 2 ;;
	--memlimit) memlimit=$2; shift 2 ;;
	--store) store=$2; shift 2 ;;
	--list) list=$2; shift 2 ;;
	--annotated) annotated=$2; shift 2 ;;
	*) echo "usage: $0 [--assets N] [--software N] [--samples N] [--observations N] [--memlimit SIZE] [--store clickhouse://HOST:PORT/DB] [--list N] [--annotated PCT]" >&2; exit 2 ;;
	esac
done

cd "$(dirname "$0")/.."
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/cmdb" ./bench/cmdb

timed() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "  (wall %es, peak RSS %M KB)" "$@"
	else
		"$@"
	fi
}

echo "== SQLite ingest: $assets assets x ($software software + $samples samples)"
timed "$bin/cmdb" -mode ingest -assets "$assets" -software "$software" -samples "$samples"
if [ -n "$store" ]; then
	echo "== ClickHouse ingest ($store): $assets assets x ($software software + $samples samples)"
	timed "$bin/cmdb" -mode ingest -store "$store" -assets "$assets" -software "$software" -samples "$samples"
fi
echo "== listing $list assets (SQLite)"
timed "$bin/cmdb" -mode assets -assets "$list" -software 0 -samples 2 -annotated "$annotated"
if [ -n "$store" ]; then
	echo "== listing $list assets (ClickHouse ${store}_assets)"
	timed "$bin/cmdb" -mode assets -store "${store}_assets" -assets "$list" -software 0 -samples 2 -annotated "$annotated"
	# The whole command, as a user runs it: process start, connection,
	# listing, output written (JSON lines: at most 300 ms).
	go build -o "$bin/netcensus" ./cmd/netcensus
	for format in jsonl csv table; do
		echo "== netcensus assets -o $format over those $list assets (7 runs, seconds)"
		for _ in 1 2 3 4 5 6 7; do
			TIMEFORMAT=%R
			{ time "$bin/netcensus" --store "${store}_assets" assets -o "$format" >/dev/null 2>&1; } 2>&1
		done | sort -n | awk '{a[NR] = $1} END {printf "  median %ss, min %ss, max %ss\n", a[4], a[1], a[7]}'
	done
fi
for known in false true; do
	echo "== identity: $observations observations, against stored assets: $known (default GC)"
	timed "$bin/cmdb" -mode identity -observations "$observations" -known=$known
	echo "== identity: $observations observations, against stored assets: $known (GOMEMLIMIT=$memlimit)"
	GOMEMLIMIT=$memlimit timed "$bin/cmdb" -mode identity -observations "$observations" -known=$known
done
