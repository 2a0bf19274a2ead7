#!/usr/bin/env bash
# bench/snmp.sh: full SNMP collection of many simulated devices on loopback,
# netcensus probe beside net-snmp's snmpbulkwalk driven 64-wide (xargs -P 64),
# in one run. Run by hand (not in CI): it takes a minute or two.
#
#   bench/snmp.sh [N] [WALK]
#
# N     devices (default 1000): addresses 127.0.1.1 and on, port 1161, all
#       served by bench/snmpfarm (the in-project simulator, one socket each).
# WALK  snmprec walk every device serves (default: a Linux host with
#       HOST-RESOURCES software and storage, IF-MIB, from the corpus).
#
# Both tools read the same subtrees: system, ENTITY-MIB entPhysicalTable,
# HOST-RESOURCES hrSWInstalled/hrStorage/hrDevice/hrProcessor/hrMemorySize,
# IF-MIB ifTable and ifXTable (netcensus also reads IP-MIB and LLDP-MIB).
# Needs: go, snmpbulkwalk (Debian package snmp), GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
WALK=${2:-../shared/corpus/snmpsim-data/os/linux/unknown-003.snmprec.bz2}
PORT=1161
P=64
for c in go snmpbulkwalk /usr/bin/time; do
	command -v "$c" >/dev/null || { echo "bench/snmp.sh: needs $c" >&2; exit 1; }
done
[[ -f $WALK ]] || { echo "bench/snmp.sh: no walk $WALK" >&2; exit 1; }

tmp=$(mktemp -d)
farm_pid=
cleanup() {
	[[ -n $farm_pid ]] && kill "$farm_pid" 2>/dev/null && wait "$farm_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

go build -o "$tmp/netcensus" ./cmd/netcensus
go build -o "$tmp/snmpfarm" ./bench/snmpfarm

ulimit -n 65536 2>/dev/null || true
mkfifo "$tmp/ready"
"$tmp/snmpfarm" -n "$N" -port "$PORT" -walk "$WALK" -list "$tmp/addrs" >"$tmp/ready" 2>"$tmp/farm.log" &
farm_pid=$!
read -r -t 60 line <"$tmp/ready" || { echo "bench/snmp.sh: simulator did not start:" >&2; cat "$tmp/farm.log" >&2; exit 1; }
[[ $line == ready ]] || { echo "bench/snmp.sh: simulator said $line" >&2; exit 1; }

# measure OUT ERR CMD...: run CMD with stdout to OUT and stderr to ERR;
# print "elapsed_s maxrss_kb" (GNU time).
measure() {
	local out=$1 err=$2
	shift 2
	/usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >"$out" 2>"$err" || true
	tail -1 "$tmp/time"
}

echo "devices: $N x $(basename "$WALK"), loopback port $PORT, $(nproc) CPUs" >&2

# netcensus probe: one process, 64 workers, all devices.
read -r nc_s nc_kb < <(measure "$tmp/nc.jsonl" "$tmp/nc.err" "$tmp/netcensus" probe --community public --port "$PORT" \
	--workers $P --timeout 2s --retries 1 --format jsonl $(cat "$tmp/addrs"))
nc_ok=$(grep -c '"sys_name"' "$tmp/nc.jsonl" || true)
nc_sw=$({ head -1 "$tmp/nc.jsonl" | grep -o '"name"' || true; } | wc -l)

# snmpbulkwalk: one process per device and subtree, 64 devices at a time.
subtrees="1.3.6.1.2.1.1 1.3.6.1.2.1.47.1.1.1 1.3.6.1.2.1.25.6.3 1.3.6.1.2.1.25.2 1.3.6.1.2.1.25.3.2 1.3.6.1.2.1.25.3.3 1.3.6.1.2.1.2.2 1.3.6.1.2.1.31.1.1"
cat >"$tmp/walk1.sh" <<W
#!/bin/sh
for o in $subtrees; do snmpbulkwalk -v2c -c public -t 2 -r 1 -On -Oq "\$1:$PORT" "\$o" || exit 1; done >"$tmp/sb.\$1" 2>&1
W
chmod +x "$tmp/walk1.sh"
read -r sb_s sb_kb < <(measure /dev/null "$tmp/sb.err" xargs -a "$tmp/addrs" -P $P -n 1 "$tmp/walk1.sh")
sb_ok=$({ grep -l '^.1.3.6.1.2.1.1.5.0' "$tmp"/sb.* || true; } | wc -l)

awk -v n="$N" -v nc_s="$nc_s" -v nc_kb="$nc_kb" -v nc_ok="$nc_ok" -v sb_s="$sb_s" -v sb_kb="$sb_kb" -v sb_ok="$sb_ok" -v p=$P 'BEGIN {
	nc_r = nc_ok / (nc_s > 0 ? nc_s : 0.001); sb_r = sb_ok / (sb_s > 0 ? sb_s : 0.001)
	printf "%-34s %9s %10s %12s %16s\n", "tool", "devices", "seconds", "devices/s", "peak RSS (MiB)"
	printf "%-34s %9d %10.2f %12.1f %16.1f\n", "netcensus probe (64 workers)", nc_ok, nc_s, nc_r, nc_kb / 1024
	printf "%-34s %9d %10.2f %12.1f %16s\n", "snmpbulkwalk (xargs -P 64)", sb_ok, sb_s, sb_r, sprintf("%.1f x %d", sb_kb / 1024, p)
	printf "throughput ratio netcensus/snmpbulkwalk: %.1fx (target >= 5x)\n", nc_r / (sb_r > 0 ? sb_r : 0.001)
	printf "memory ratio netcensus / (64 snmpbulkwalk at once): %.2f\n", nc_kb / (sb_kb * p)
}'
echo "netcensus: $nc_sw software packages per device; stderr: $(tail -1 "$tmp/nc.err")" >&2
