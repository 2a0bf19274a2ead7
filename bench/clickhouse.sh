#!/usr/bin/env bash
# bench/clickhouse.sh: the ClickHouse CMDB's three figures of issue 15, in
# one command, on a private clickhouse-server it starts (its own loopback
# ports and temporary data; stopped at the end). Numbers to read, no
# assertions; each block prints the load average it ran under (a figure
# taken while others build is not a figure).
#
#   bash bench/clickhouse.sh [--base REV] [--assets 10000] [--software 800] [--samples 20] [--list 100000]
#
# 1. ingest: one sweep of ASSETS hosts x (SOFTWARE packages + SAMPLES
#    samples) through inventory.Ingest (bar: at least 500,000 rows/s).
# 2. `netcensus assets -o jsonl` over LIST assets (10% annotated), the
#    whole command, 7 runs, median (bar: at most 0.5 s).
# 3. search by MAC: `SELECT ... FROM assets_current WHERE mac = ...` over
#    those LIST assets, through clickhouse-client --time, 7 runs, median
#    (bar: at most 20 ms), and the same on the assets table as netcensus
#    reads it (the newest committed version by FINAL, PREWHERE leaving the
#    open change sets out; before: by (id, ver) IN, no FINAL); then
#    through the store, as serve's API searches (bench/chsearch: 20 MACs,
#    3 rounds of 20 searches, each build on its own store, in turns).
#
# --base REV also builds the tree at git revision REV (say main, or
# HEAD~2) and measures it beside this one in the same run, on the same
# server, taking turns (base, this, base, this, ...): two ingests each,
# the listings in turns (each of a store of the same assets that build
# filled: a build refuses a later schema), the search in both shapes.
set -euo pipefail

assets=10000 software=800 samples=20 list=100000 base=
while [ $# -gt 0 ]; do
	case "$1" in
	--base) base=$2; shift 2 ;;
	--assets) assets=$2; shift 2 ;;
	--software) software=$2; shift 2 ;;
	--samples) samples=$2; shift 2 ;;
	--list) list=$2; shift 2 ;;
	*) echo "usage: $0 [--base REV] [--assets N] [--software N] [--samples N] [--list N]" >&2; exit 2 ;;
	esac
done
cd "$(dirname "$0")/.."
# Unattended from a clone: Go where its tarball installs it, the Debian
# tools in sbin, no user config (an empty one) and no store credentials.
export PATH=$PATH:/usr/local/go/bin:/usr/sbin:/sbin
unset NETCENSUS_CLICKHOUSE_USER NETCENSUS_CLICKHOUSE_PASSWORD
command -v go >/dev/null || { echo "go is not installed (https://go.dev/dl/ into /usr/local/go)" >&2; exit 1; }
command -v clickhouse-client >/dev/null || { echo "clickhouse-client is not installed (Debian: clickhouse-client)" >&2; exit 1; }
bin=$(mktemp -d)
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$bin"
}
trap cleanup EXIT
: >"$bin/config.yaml"
go build -o "$bin/cmdb" ./bench/cmdb
go build -o "$bin/netcensus" ./cmd/netcensus
go build -o "$bin/chsearch" ./bench/chsearch
# The builds measured: "this" (the tree the script is in), and with
# --base the tree at REV, from git archive (its own bench/cmdb).
builds=this
if [ -n "$base" ]; then
	mkdir "$bin/base-src" "$bin/base"
	git archive "$base" | tar -x -C "$bin/base-src"
	(cd "$bin/base-src" && go build -o "$bin/base/cmdb" ./bench/cmdb && go build -o "$bin/base/netcensus" ./cmd/netcensus)
	# bench/chsearch came with 59391c9: an older base has no store search to time.
	[ -d "$bin/base-src/bench/chsearch" ] && (cd "$bin/base-src" && go build -o "$bin/base/chsearch" ./bench/chsearch)
	echo "base: $base ($(git rev-parse --short "$base")), this: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' with uncommitted changes')"
	builds="base this"
fi
# dir BUILD: where BUILD's binaries are.
dir() { if [ "$1" = base ]; then echo "$bin/base"; else echo "$bin"; fi; }

"$bin/cmdb" -mode chserver >"$bin/dsn" 2>"$bin/server.log" &
server=$!
for _ in $(seq 600); do
	[ -s "$bin/dsn" ] && break
	kill -0 "$server" 2>/dev/null || { cat "$bin/server.log" >&2; exit 1; }
	sleep 0.1
done
dsn=$(head -1 "$bin/dsn")
port=${dsn#clickhouse://127.0.0.1:}
port=${port%%/*}
echo "private server: $dsn"

load() { echo "  (load average: $(cut -d' ' -f1-3 /proc/loadavg))"; }
median() { sort -n | awk '{a[NR] = $1} END {printf "  median %s, min %s, max %s (%d runs)\n", a[int((NR + 1) / 2)], a[1], a[NR], NR}'; }

echo "== 1. ingest: $assets assets x ($software software + $samples samples)"
rounds=1
[ -n "$base" ] && rounds=2
for r in $(seq $rounds); do
	for b in $builds; do
		load
		echo -n " $b: "
		"$(dir $b)/cmdb" -mode ingest -store "${dsn}_ingest_${b}_$r" -assets "$assets" -software "$software" -samples "$samples"
		clickhouse-client --port "$port" -q "DROP DATABASE bench_ingest_${b}_$r" >/dev/null 2>&1 || true
	done
done
load

echo "== 2. netcensus assets -o jsonl over $list assets, the whole command (seconds)"
# Each build fills a database of its own, the same assets (bench/cmdb's
# generator is seeded): a build refuses a store of a later schema.
for b in $builds; do
	"$(dir $b)/cmdb" -mode assets -store "${dsn}_assets_$b" -assets "$list" -software 0 -samples 2 -annotated 10 -runs 1 >/dev/null
	# Background merges of the fill done first: the listing is timed on a
	# store at rest, as a user's is between sweeps.
	clickhouse-client --port "$port" -q "OPTIMIZE TABLE bench_assets_$b.assets FINAL" >/dev/null 2>&1 || true
done
# Once untimed, by each build: a listing that fails or lists the wrong
# number is no figure.
for b in $builds; do
	n=$("$(dir $b)/netcensus" --config "$bin/config.yaml" --store "${dsn}_assets_$b" assets -o jsonl | wc -l)
	[ "$n" -eq "$list" ] || { echo "$b: assets -o jsonl listed $n assets, want $list" >&2; exit 1; }
done
load
TIMEFORMAT=%R
for i in 1 2 3 4 5 6 7; do
	for b in $builds; do
		{ time "$(dir $b)/netcensus" --config "$bin/config.yaml" --store "${dsn}_assets_$b" assets -o jsonl >/dev/null 2>&1; } 2>>"$bin/list.$b"
	done
done
for b in $builds; do
	echo -n " $b:"
	median <"$bin/list.$b"
done
load

mac=$(clickhouse-client --port "$port" -q "SELECT mac FROM bench_assets_this.assets WHERE mac != '' ORDER BY id LIMIT 1 OFFSET $((list / 2))")
[ -n "$mac" ] || { echo "no MAC to search for in bench_assets_this.assets" >&2; exit 1; }
echo "== 3. search by MAC $mac over $list assets (milliseconds)"
load
echo " the view assets_current:"
for _ in 1 2 3 4 5 6 7; do
	clickhouse-client --port "$port" --time -q "SELECT asset_id, ip, hostname FROM bench_assets_this.assets_current WHERE mac = '$mac' FORMAT Null" 2>&1 | awk '{printf "%.1f\n", $1 * 1000}'
done | median
open="SELECT txn FROM bench_assets_this.txns GROUP BY txn HAVING max(state) = 0"
echo " the assets table, newest version by FINAL (as netcensus reads it now):"
for _ in 1 2 3 4 5 6 7; do
	clickhouse-client --port "$port" --time -q "SELECT id, ip, hostname FROM bench_assets_this.assets FINAL PREWHERE txn NOT IN ($open)
		WHERE id IN (SELECT id FROM bench_assets_this.assets WHERE mac = '$mac') AND mac = '$mac' FORMAT Null" 2>&1 | awk '{printf "%.1f\n", $1 * 1000}'
done | median
echo " the assets table, newest version by (id, ver) IN (as netcensus read it before):"
for _ in 1 2 3 4 5 6 7; do
	clickhouse-client --port "$port" --time -q "SELECT id, ip, hostname FROM bench_assets_this.assets PREWHERE txn = '' WHERE mac = '$mac'
		AND (id, ver) IN (SELECT id, max(ver) FROM bench_assets_this.assets PREWHERE txn = '' WHERE id IN
		(SELECT id FROM bench_assets_this.assets WHERE mac = '$mac') GROUP BY id) LIMIT 1 BY id FORMAT Null" 2>&1 | awk '{printf "%.1f\n", $1 * 1000}'
done | median
load
echo " through the store (store.Assets with the MAC as its search, as serve's API makes it; bench/chsearch), each build its own database, in turns:"
macs=$(clickhouse-client --port "$port" -q "SELECT mac FROM bench_assets_this.assets WHERE mac != '' ORDER BY id LIMIT 20 OFFSET $((list / 3))" | tr '\n' ' ')
for _ in 1 2 3; do
	for b in $builds; do
		[ -x "$(dir $b)/chsearch" ] || continue
		"$(dir $b)/chsearch" -addr "127.0.0.1:$port" -db "bench_assets_$b" -n 20 $macs >>"$bin/search.$b"
	done
done
for b in $builds; do
	[ -s "$bin/search.$b" ] || continue
	echo -n "  $b:"
	awk '{v = $3; if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /µs$/) { sub(/µs$/, "", v); v /= 1000 } else { sub(/s$/, "", v); v *= 1000 }; printf "%.1f\n", v}' "$bin/search.$b" | median
done
load
