#!/usr/bin/env bash
# bench/arp.sh: netcensus's ARP sweep beside arp-scan and nmap, in one run,
# inside the lab's namespaces (prefix "bench"). Run by hand, as root:
#
#   bash bench/arp.sh [--rates "5000 20000 50000 100000 200000"]
#                     [--bandwidths "10M 50M 100M 1000M"] [--nmap-rates "20000"]
#                     [--repeat N] [--keep]
#
#   NETCENSUS_BIN=/path/netcensus  use this binary instead of building ./cmd/netcensus
#   NC_FLAGS="..."                 extra flags for every netcensus sweep
#
# Part 1: 198.51.100.0/24 holding 20 hosts (and the router): every tool at its
# defaults. Part 2: 198.18.0.0/16 through the proxy-ARP responder on bench0:
# netcensus at several --rate values, arp-scan at several --bandwidth values,
# nmap at --min-rate. For each run: hosts found (the scanner's own address
# not counted), found %, wall time, peak RSS (/usr/bin/time %M), and what
# the wire saw, sampled every 10 ms from the scanner interface's counters:
# requests sent (tx), their average rate while sending and peak rate over
# 100 ms, replies received (rx);
# plus drops counted by the kernel (the responder's rx_dropped and
# /proc/net/softnet_stat). Ratios are netcensus's wall time over the other
# tool's (below 1: netcensus is faster).
#
# "limit" says what limited a run: "scanner" when it asked for a rate (over
# 10,000 requests) and the peak request rate stayed under 95% of it;
# "responder" when fewer replies came back than requests went out (the
# responder dropped some); "receive" when every request was answered on the
# wire but the tool reported fewer hosts (its socket or reader lost them);
# "-" when all was found. Nothing here is an assertion: numbers to read.
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin:/usr/local/go/bin

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LAB=$ROOT/testdata/lab/lab.sh
export LAB_PREFIX=bench
NS=bench-scan
RESP=bench-resp

RATES="5000 20000 50000 100000 200000"
BANDWIDTHS="10M 50M 100M 1000M"
NMAP_RATES="20000"
REPEAT=1
KEEP=0
while (($#)); do
	case $1 in
	--rates) RATES=$2; shift 2 ;;
	--bandwidths) BANDWIDTHS=$2; shift 2 ;;
	--nmap-rates) NMAP_RATES=$2; shift 2 ;;
	--repeat) REPEAT=$2; shift 2 ;;
	--keep) KEEP=1; shift ;;
	-h | --help) sed -n '2,27p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "arp.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done

((EUID == 0)) || { echo "arp.sh: run as root (network namespaces)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "arp.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
have() { command -v "$1" >/dev/null; }

TMP=$(mktemp -d /tmp/netcensus-bench.XXXXXX)
cleanup() {
	local rc=$?
	if ((KEEP)); then
		echo "lab left up (--keep): bash $LAB down --prefix bench" >&2
	else
		bash "$LAB" down >/dev/null 2>&1 || echo "arp.sh: lab down failed" >&2
	fi
	rm -rf "$TMP"
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "# lab up (prefix bench, 20 hosts)" >&2
t0=$(date +%s.%N)
bash "$LAB" up --hosts 20 >&2
t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "# lab up in %.2f s\n", b - a }' >&2

# netcensus: a given binary, or a build of ./cmd/netcensus; missing is no failure.
NC=${NETCENSUS_BIN:-}
if [[ -z $NC ]]; then
	if have go && (cd "$ROOT" && go build -o "$TMP/netcensus" ./cmd/netcensus) >"$TMP/build.log" 2>&1; then
		NC=$TMP/netcensus
	else
		echo "# netcensus not built: its rows are left out. go build said:" >&2
		sed -n '1,5p' "$TMP/build.log" | sed 's/^/#   /' >&2
	fi
fi
if [[ -n $NC ]] && ! "$NC" sweep --help >/dev/null 2>&1; then
	echo "# $NC has no sweep command yet: its rows are left out" >&2
	NC=
fi
NC_BASE=(sweep --format jsonl --no-store)
if [[ -n $NC ]] && "$NC" sweep --help 2>&1 | grep -q -- '--no-progress'; then
	NC_BASE+=(--no-progress)
fi
read -ra NC_EXTRA <<<"${NC_FLAGS:-}"

# Go duration ("1m2.5s", "850ms", "1.2s") to seconds.
dur_s() {
	awk -v d="$1" 'BEGIN {
		s = 0
		while (match(d, /^[0-9.]+(h|ms|us|µs|ns|m|s)/)) {
			tok = substr(d, 1, RLENGTH); d = substr(d, RLENGTH + 1)
			match(tok, /[0-9.]+/); v = substr(tok, RSTART, RLENGTH); u = substr(tok, RLENGTH + 1)
			if (u == "h") s += v * 3600; else if (u == "m") s += v * 60; else if (u == "s") s += v
			else if (u == "ms") s += v / 1000; else if (u == "us" || u == "µs") s += v / 1e6; else s += v / 1e9
		}
		printf "%.3f", s
	}'
}

resp_drops() { ip netns exec "$RESP" cat /sys/class/net/eth0/statistics/rx_dropped 2>/dev/null || echo 0; }
# Column 2 of softnet_stat is per-CPU backlog drops (hex); summed over CPUs.
softnet_drops() {
	local s=0 _a d _r
	while read -r _a d _r; do s=$((s + 16#$d)); done </proc/net/softnet_stat
	echo "$s"
}

# The sampler runs inside the scanner namespace (ip netns exec mounts its
# /sys): "time tx rx" of IFACE every 10 ms until STOP exists. read -t on a
# silent pipe waits without forking a sleep.
SAMPLER='exec {fd}<> <(:)
d=/sys/class/net/$1/statistics
while [[ ! -e $2 ]]; do
	read -r tx <"$d/tx_packets"; read -r rx <"$d/rx_packets"
	echo "$EPOCHREALTIME $tx $rx"
	read -t 0.01 -u "$fd" || true
done'

# wire SAMPLES: "requests peak_pps replies avg_pps": peak over windows of
# >= 100 ms; average from the first to the last sample that saw requests go.
wire() {
	awk 'NR == 1 { t0 = $1; x0 = $2; r0 = $3 }
	NR > 1 && $2 > xl { if (!ta) ta = tp; tb = $1 }
	{ t[NR] = $1; x[NR] = $2; n = NR; xl = $2; rl = $3; tp = $1 }
	END {
		if (n < 2) { print "- - - -"; exit }
		avg = (tb > ta) ? (xl - x0) / (tb - ta) : 0
		peak = 0; j = 1
		for (i = 1; i <= n; i++) {
			while (j <= n && t[j] - t[i] < 0.1) j++
			if (j > n) break
			r = (x[j] - x[i]) / (t[j] - t[i]); if (r > peak) peak = r
		}
		if (peak == 0 && t[n] > t[1]) peak = (xl - x0) / (t[n] - t[1])
		printf "%d %d %d %d\n", xl - x0, peak, rl - r0, avg
	}' "$1"
}

# found IPS_FILE LO HI OWN: distinct found addresses in [LO, HI] (dotted
# quads, as integers), the scanner's own OWN not counted.
ip2int() { local IFS=.; read -r a b c d <<<"$1"; echo $(((a << 24) | (b << 16) | (c << 8) | d)); }
count_found() {
	local lo hi own
	lo=$(ip2int "$2") hi=$(ip2int "$3") own=$(ip2int "$4")
	sort -u "$1" | awk -F. -v lo="$lo" -v hi="$hi" -v own="$own" \
		'NF == 4 { v = (($1 * 256 + $2) * 256 + $3) * 256 + $4; if (v >= lo && v <= hi && v != own) n++ } END { print n + 0 }'
}

ROWS=$TMP/rows.tsv
: >"$ROWS"

# run CASE TOOL LABEL EXPECT LO HI OWN IFACE ASKED_PPS -- CMD...: one
# measured run, REPEAT times; the median by wall time is kept.
run() {
	local case=$1 tool=$2 label=$3 expect=$4 lo=$5 hi=$6 own=$7 iface=$8 asked=$9
	shift 10
	local i results=()
	for ((i = 0; i < REPEAT; i++)); do
		local out=$TMP/out err=$TMP/err tf=$TMP/time stop=$TMP/stop samples=$TMP/samples d0 s0 rc=0 spid
		rm -f "$stop"
		ip netns exec "$NS" bash -c "$SAMPLER" sampler "$iface" "$stop" >"$samples" &
		spid=$!
		d0=$(resp_drops) s0=$(softnet_drops)
		ip netns exec "$NS" /usr/bin/time -f '%e %M' -o "$tf" "$@" >"$out" 2>"$err" || rc=$?
		: >"$stop"
		wait "$spid" || true
		local drops=$(($(resp_drops) - d0 + $(softnet_drops) - s0))
		local wall rss reqs peak replies avg
		read -r wall rss <"$tf" 2>/dev/null || { wall=0 rss=0; }
		[[ $wall =~ ^[0-9.]+$ ]] || { wall=0 rss=0; }
		read -r reqs peak replies avg < <(wire "$samples")
		local ips=$TMP/ips
		case $tool in
		netcensus) grep -o '"ip":"[0-9.]*"' "$out" | cut -d'"' -f4 >"$ips" || true ;;
		arp-scan) awk '$1 ~ /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/ { print $1 }' "$out" >"$ips" ;;
		nmap) awk '/Status: Up/ { print $2 }' "$out" >"$ips" ;;
		esac
		local found
		found=$(count_found "$ips" "$lo" "$hi" "$own")
		if ((rc != 0)); then
			echo "# $tool $label exited $rc: $(tail -n 2 "$err" | tr '\n' ' ')" >&2
		fi
		if [[ $tool == netcensus ]]; then
			grep -m1 '^summary:' "$err" | sed "s/^/#   netcensus $label: /" >&2 || true
		fi
		results+=("$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$case" "$tool" "$label" "$found" "$expect" "$wall" "$rss" "$reqs" "$peak" "$replies" "$asked" "$drops" "$avg")")
	done
	printf '%s\n' "${results[@]}" | sort -t$'\t' -k6,6g | sed -n "$(((REPEAT + 1) / 2))p" >>"$ROWS"
	tail -n1 "$ROWS" | awk -F'\t' '{ printf "#   %-9s %-22s found %s/%s in %s s, %s requests at %s/s (peak %s/s)\n", $2, $3, $4, $5, $6, $8, $13, $9 }' >&2
}

SEG_LO=198.51.100.1 SEG_HI=198.51.100.254 SEG_OWN=198.51.100.2
# 20 hosts and the router answer on the segment.
SEG_EXPECT=21
BENCH_LO=198.18.0.0 BENCH_HI=198.18.255.255 BENCH_OWN=198.18.0.1
# The responder answers for every address of 198.18.0.0/16 but the scanner's.
# netcensus probes 198.18.0.1-198.18.255.254 (65,533 besides its own);
# arp-scan and nmap probe .0.0 and .255.255 too (65,535): found % is over what
# each tool probed.

echo "# part 1: 198.51.100.0/24, 20 hosts" >&2
if [[ -n $NC ]]; then
	run seg netcensus "defaults" $SEG_EXPECT $SEG_LO $SEG_HI $SEG_OWN eth0 1000 -- "$NC" "${NC_BASE[@]}" "${NC_EXTRA[@]}" 198.51.100.0/24
fi
if have arp-scan; then
	run seg arp-scan "defaults" $SEG_EXPECT $SEG_LO $SEG_HI $SEG_OWN eth0 - -- arp-scan -I eth0 -q -g 198.51.100.0/24
fi
if have nmap; then
	run seg nmap "-sn -PR -n" $SEG_EXPECT $SEG_LO $SEG_HI $SEG_OWN eth0 - -- nmap -sn -PR -n -oG - 198.51.100.0/24
fi

echo "# part 2: 198.18.0.0/16 through the proxy-ARP responder (bench0)" >&2
if [[ -n $NC ]]; then
	for r in $RATES; do
		run bench netcensus "--rate $r" 65533 $BENCH_LO $BENCH_HI $BENCH_OWN bench0 "$r" -- \
			"$NC" "${NC_BASE[@]}" "${NC_EXTRA[@]}" --interface bench0 --rate "$r" 198.18.0.0/16
	done
fi
if have arp-scan; then
	for bw in $BANDWIDTHS; do
		run bench arp-scan "--bandwidth $bw" 65535 $BENCH_LO $BENCH_HI $BENCH_OWN bench0 - -- \
			arp-scan -I bench0 -q -g --bandwidth="$bw" 198.18.0.0/16
	done
fi
if have nmap; then
	for r in $NMAP_RATES; do
		run bench nmap "--min-rate $r" 65535 $BENCH_LO $BENCH_HI $BENCH_OWN bench0 "$r" -- \
			nmap -sn -PR -n --min-rate "$r" -oG - 198.18.0.0/16
	done
fi

# The table. Per case: each netcensus row's wall over the best arp-scan
# (most found, then fastest) and over nmap; each other row: the best
# netcensus's wall (most found, then fastest) over its own.
echo
awk -F'\t' '
function best(c, t,   i, b) {
	b = 0
	for (i = 1; i <= n; i++) if (C[i] == c && T[i] == t && (b == 0 || F[i] > F[b] || (F[i] == F[b] && W[i] < W[b]))) b = i
	return b
}
function limit(i) {
	# The peak, not the average: retry passes after a wait pull the average down.
	if (Q[i] >= 10000 && R[i] != "-" && P[i] != "-" && P[i] < 0.95 * R[i]) return "scanner"
	if (F[i] >= E[i]) return "-"
	if (Q[i] != "-" && Y[i] != "-" && Y[i] < Q[i] - 2) return "responder"
	return "receive"
}
function ratio(a, b) { return (a > 0 && b > 0 && W[b] > 0) ? sprintf("%.2f", W[a] / W[b]) : "-" }
{ n++; C[n] = $1; T[n] = $2; L[n] = $3; F[n] = $4; E[n] = $5; W[n] = $6; M[n] = $7; Q[n] = $8; P[n] = $9; Y[n] = $10; R[n] = $11; D[n] = $12; V[n] = $13 }
END {
	fmt = "%-6s %-10s %-18s %12s %7s %7s %7s %9s %8s %8s %9s %6s %-9s %s\n"
	printf fmt, "case", "tool", "args", "found", "found%", "wall s", "RSS MB", "requests", "req/s", "peak/s", "replies", "drops", "limit", "ratio (netcensus wall / other wall)"
	for (i = 1; i <= n; i++) {
		nc = best(C[i], "netcensus"); as = best(C[i], "arp-scan"); nm = best(C[i], "nmap")
		if (T[i] == "netcensus") r = "vs arp-scan " ratio(i, as) ", vs nmap " ratio(i, nm)
		else r = nc ? "netcensus best / this: " ratio(nc, i) : "-"
		printf fmt, C[i], T[i], L[i], F[i] "/" E[i], sprintf("%.2f", 100 * F[i] / E[i]), W[i], sprintf("%.1f", M[i] / 1024), Q[i], V[i], P[i], Y[i], D[i], limit(i), r
	}
}' "$ROWS"
