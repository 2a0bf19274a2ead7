#!/usr/bin/env bash
# bench/serve.sh: netcensus serve's figures (issue: the API's load bars).
# Nothing here is an assertion: numbers to read. Run as root from a clone:
#
#   bash bench/serve.sh [--assets 100000] [--rate 200] [--duration 30s]
#                       [--soak 10m] [--no-clickhouse] [--no-sqlite] [--no-soak]
#
# 1. SQLite: a store of ASSETS assets (one sweep of 198.18.0.0/15 hosts with
#    MAC, IP, name, serial and model, through inventory.Ingest); serve on
#    loopback with a read token and no schedule (no packet is sent). vegeta
#    (v12.13.0, built from the Go proxy) searches by MAC, then by IP, at
#    RATE requests/s for DURATION each (2,000 distinct stored values, in a
#    random order): bar p99 <= 20 ms. Then the whole listing as JSON over
#    HTTP (GET /api/v1/assets?limit=ASSETS), 5 times: bar <= 1 s; with
#    serve's CPU per listing (from /proc/PID/stat).
# 2. ClickHouse: the same, on a private clickhouse-server (the tests'
#    set-up: own ports on loopback, own temporary data), when installed.
# 3. Soak: serve in the scanner namespace of a lab (testdata/lab/lab.sh,
#    prefix bsv, 20 hosts; packets only inside the lab's namespaces) over
#    a copy of the SQLite store, one schedule sweeping 198.51.100.0/24 every
#    5 s (ARP and the names stage's NetBIOS/LLMNR; DNS, SNMP and mDNS off)
#    and 20 searches/s for SOAK; serve's RSS at the first finished sweep,
#    every minute, and at the end; then SIGTERM, and how long it took.
#
# Every figure is printed beside the load average it was taken under.
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin

assets=100000 rate=200 duration=30s soak=10m clickhouse=1 dosoak=1 sqlite=1
while [ $# -gt 0 ]; do
	case "$1" in
	--assets) assets=$2; shift 2 ;;
	--rate) rate=$2; shift 2 ;;
	--duration) duration=$2; shift 2 ;;
	--soak) soak=$2; shift 2 ;;
	--no-clickhouse) clickhouse=0; shift ;;
	--no-soak) dosoak=0; shift ;;
	--no-sqlite) sqlite=0; dosoak=0; shift ;; # the soak runs on the SQLite store

	*) echo "usage: $0 [--assets N] [--rate RPS] [--duration 30s] [--soak 10m] [--no-clickhouse] [--no-sqlite] [--no-soak]" >&2; exit 2 ;;
	esac
done

cd "$(dirname "$0")/.."
ROOT=$(pwd)
LAB=$ROOT/testdata/lab/lab.sh
LABP=bsv
W=$(mktemp -d /tmp/netcensus-serve-bench.XXXXXX)
chmod 700 "$W"
PIDS=()
LABUP=0
cleanup() {
	local rc=$?
	for p in "${PIDS[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	for p in "${PIDS[@]}"; do
		wait "$p" 2>/dev/null || true
	done
	if ((LABUP)); then
		bash "$LAB" down --prefix "$LABP" >/dev/null 2>&1 || echo "serve.sh: lab down failed" >&2
	fi
	rm -rf "$W"
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

load() { cut -d' ' -f1-3 /proc/loadavg; }
say() { echo "$*"; }

say "# building netcensus, bench/servefill, bench/cmdb, vegeta v12.13.0"
mkdir -p "$W/bin"
go build -o "$W/bin/netcensus" ./cmd/netcensus
go build -o "$W/bin/servefill" ./bench/servefill
go build -o "$W/bin/cmdb" ./bench/cmdb
GOBIN=$W/bin GOFLAGS=-mod=mod go install github.com/tsenart/vegeta/v12@v12.13.0
V=$W/bin/vegeta

head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$W/token"
chmod 600 "$W/token"
cat >"$W/api.yaml" <<EOF
serve:
  tokens:
    - {name: bench, token_file: $W/token, scope: read}
EOF
chmod 600 "$W/api.yaml"

# start_serve NAME STORE CONFIG [netns]: runs serve, waits (60 s at most)
# for its address; sets ADDR and SPID.
start_serve() {
	local name=$1 st=$2 cfg=$3 ns=${4:-}
	local log=$W/$name.log
	if [ -n "$ns" ]; then
		ip netns exec "$ns" "$W/bin/netcensus" --config "$cfg" --store "$st" serve --listen 127.0.0.1:0 --log-format json 2>"$log" &
	else
		"$W/bin/netcensus" --config "$cfg" --store "$st" serve --listen 127.0.0.1:0 --log-format json 2>"$log" &
	fi
	SPID=$!
	PIDS+=("$SPID")
	ADDR=
	for _ in $(seq 600); do
		ADDR=$(sed -n 's/.*"msg":"serving","addr":"\([^"]*\)".*/\1/p' "$log" | head -1)
		[ -n "$ADDR" ] && return 0
		kill -0 "$SPID" 2>/dev/null || { cat "$log" >&2; echo "serve.sh: serve $name exited" >&2; exit 1; }
		sleep 0.1
	done
	cat "$log" >&2
	echo "serve.sh: serve $name did not listen within 60 s" >&2
	exit 1
}

stop_serve() {
	local t0 t1
	t0=$(date +%s.%N)
	kill -TERM "$SPID"
	wait "$SPID" || echo "serve.sh: serve exited $?" >&2
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "  SIGTERM to exit: %.2f s\n", b - a }'
}

# cputicks PID: the process's user and system CPU, in clock ticks.
cputicks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

rss() { awk '/^VmRSS/ {r=$2} /^VmHWM/ {h=$2} END {printf "RSS %d MB (peak %d MB)", r/1024, h/1024}' "/proc/$1/status"; }

# measure NAME STORE [netns]: the searches and the listing on one store.
measure() {
	local name=$1 st=$2 ns=${3:-}
	local run=()
	[ -n "$ns" ] && run=(ip netns exec "$ns")
	say "== $name: filling the store with $assets assets (load $(load))"
	"$W/bin/servefill" -store "$st" -assets "$assets"
	start_serve "$name" "$st" "$W/api.yaml" "$ns"
	say "  serve at $ADDR, $(rss "$SPID")"
	for kind in mac ip; do
		"$W/bin/servefill" -store "$st" -targets "$W/$kind.targets" -kind "$kind" -addr "$ADDR" -token-file "$W/token"
		# Warm-up: a second at the rate, not reported.
		"${run[@]}" "$V" attack -rate="$rate" -duration=1s -targets="$W/$kind.targets" >/dev/null
		local l0
		l0=$(load)
		"${run[@]}" "$V" attack -rate="$rate" -duration="$duration" -timeout=10s -targets="$W/$kind.targets" >"$W/$kind.bin"
		say "  search by $kind, $rate req/s for $duration (load before: $l0, after: $(load)):"
		"$V" report -type=text "$W/$kind.bin" | grep -E '^(Requests|Latencies|Success|Status Codes)' | sed 's/^/    /'
	done
	local times=() l0 c0
	l0=$(load)
	c0=$(cputicks "$SPID")
	for i in 1 2 3 4 5; do
		local out
		out=$("${run[@]}" curl -sS -o "$W/list.json" -w '%{time_total} %{size_download}' -H "Authorization: Bearer $(cat "$W/token")" \
			"http://$ADDR/api/v1/assets?limit=$assets")
		times+=("${out%% *}")
		[ "$i" = 1 ] && say "  listing: $(grep -o '"count":[0-9]*' "$W/list.json") assets, $(( ${out##* } / 1048576 )) MiB of JSON"
	done
	say "  listing $assets assets as JSON over HTTP, 5 runs (load before: $l0, after: $(load)): $(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')s; median $(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p) s"
	say "  serve's CPU per listing: $(awk -v a="$c0" -v b="$(cputicks "$SPID")" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f s", (b - a) / hz / 5 }') (user and system, mean of the 5)"
	say "  serve after the load: $(rss "$SPID")"
	stop_serve
}

((sqlite)) && measure sqlite "sqlite:$W/cmdb.db"

if ((clickhouse)); then
	if [ -x /usr/bin/clickhouse ] || [ -x /usr/bin/clickhouse-server ] || [ -x /usr/sbin/clickhouse-server ]; then
		"$W/bin/cmdb" -mode chserver -dir "$W/ch" >"$W/ch.out" 2>"$W/ch.log" &
		CHPID=$!
		PIDS+=("$CHPID")
		dsn=
		for _ in $(seq 1200); do
			dsn=$(head -1 "$W/ch.out" 2>/dev/null || true)
			[ -n "$dsn" ] && break
			kill -0 "$CHPID" 2>/dev/null || { cat "$W/ch.log" >&2; echo "serve.sh: clickhouse did not start" >&2; exit 1; }
			sleep 0.1
		done
		[ -n "$dsn" ] || { echo "serve.sh: clickhouse did not start within 120 s" >&2; exit 1; }
		measure clickhouse "${dsn%/*}/servebench"
		kill "$CHPID" 2>/dev/null || true
	else
		say "== clickhouse: not installed (apt-get install clickhouse-server); left out"
	fi
fi

if ((dosoak)); then
	((EUID == 0)) || { echo "serve.sh: the soak needs root (network namespaces); --no-soak leaves it out" >&2; exit 1; }
	say "== soak: lab up (prefix $LABP, 20 hosts)"
	LABUP=1
	bash "$LAB" up --prefix "$LABP" --hosts 20 >/dev/null
	cp "$W/cmdb.db" "$W/soak.db"
	cat >"$W/soak.yaml" <<EOF
sweep:
  rate: 2000
mdns:
  enabled: false
names:
  dns: false
  netbios: true
  llmnr: true
  timeout: 1s
schedules:
  - {name: soak, targets: [198.51.100.0/24], every: 5s, options: {snmp: false}}
serve:
  tokens:
    - {name: bench, token_file: $W/token, scope: read}
EOF
	chmod 600 "$W/soak.yaml"
	start_serve soak "sqlite:$W/soak.db" "$W/soak.yaml" "$LABP-scan"
	for _ in $(seq 600); do
		grep -q '"msg":"sweep finished"' "$W/soak.log" && break
		sleep 0.1
	done
	say "  first sweep: $(grep -m1 '"msg":"sweep finished"' "$W/soak.log" | grep -o '"found":[0-9]*')"
	say "  start: $(rss "$SPID") (load $(load))"
	"$W/bin/servefill" -store "sqlite:$W/soak.db" -targets "$W/soak.targets" -kind mac -addr "$ADDR" -token-file "$W/token"
	ip netns exec "$LABP-scan" "$V" attack -rate=20 -duration="$soak" -timeout=10s -targets="$W/soak.targets" >"$W/soak.bin" &
	VPID=$!
	PIDS+=("$VPID")
	m=0
	while kill -0 "$VPID" 2>/dev/null; do
		sleep 60 &
		wait $! || true
		m=$((m + 1))
		kill -0 "$VPID" 2>/dev/null && say "  minute $m: $(rss "$SPID"), sweeps finished $(grep -c '"msg":"sweep finished"' "$W/soak.log") (load $(load))"
	done
	wait "$VPID" || true
	say "  end: $(rss "$SPID"), sweeps finished $(grep -c '"msg":"sweep finished"' "$W/soak.log"), skipped $(grep -c 'schedule skipped' "$W/soak.log"), failed $(grep -c '"msg":"sweep failed"' "$W/soak.log") (load $(load))"
	say "  searches during the soak:"
	"$V" report -type=text "$W/soak.bin" | grep -E '^(Requests|Latencies|Success)' | sed 's/^/    /'
	stop_serve
fi
