#!/usr/bin/env bash
# bench/names.sh: what name resolution adds to a sweep of a /24, inside the
# lab's namespaces (prefix "namesb"). Run by hand, as root:
#
#   bash bench/names.sh [--hosts N] [--timeout 1s] [--rates "1000 10000"] [--repeat N] [--keep]
#
#   NETCENSUS_BIN=/path/netcensus  use this binary instead of building ./cmd/netcensus
#   NETCENSUS_BASE=/path/netcensus a binary to compare with (an older build):
#                                  the two take turns sweep by sweep, and
#                                  the table shows both
#
# The lab holds N hosts (default 200) on 198.51.100.0/24 and dnsmasq on h1
# with a PTR record for each. Every run sweeps 198.51.100.0/24 with SNMP and
# mDNS off; the cases differ only in the names stage:
#
#   none         --no-names: the baseline
#   dns          reverse DNS only, from the lab's dnsmasq (it answers)
#   dns-refused  reverse DNS only, from the router's address (no DNS
#                server there: its kernel refuses with ICMP port unreachable)
#   dns-silent   reverse DNS only, from 198.51.100.250, an address nobody
#                holds (nothing answers, nothing refuses)
#   all          reverse DNS from dnsmasq, NetBIOS and LLMNR (the defaults;
#                no lab host runs nmbd or LLMNR: their kernels refuse)
#   all-silent   the defaults with the silent server
#   dropped      the defaults (DNS from dnsmasq), every host DROPPING
#                NetBIOS and LLMNR silently: their kernels' ICMP
#                unreachables are held back (net.ipv4.icmp_ratelimit of a
#                day in each host's and the router's namespace, set for
#                these cases only), as behind a firewall
#   dropped-silent  as dropped, with the silent DNS server
#   none-dropped the baseline of the two (--no-names), run beside them
#
# Each case runs at every --rate (1000 is the default packet budget). For
# each: the median wall time over --repeat runs, the names named and
# refused (from the summary line) and the time added over "none" at the
# same rate. Bars (issue 13): "dns" adds at most 1 s; the silent cases at
# most the names timeout (--timeout, written to the config file). Every
# protocol asks a segment's hosts as soon as its ARP sweep ends, and waits
# at most one timeout after its last question (a refused question is not
# awaited, a silent server is given up one timeout after its first); its
# questions are charged to the sweep's packet budget but may run one
# timeout ahead of it, so a silent case adds at most one timeout plus
# (questions / rate - timeout, when positive): "bound s" is that figure.
# The load average is printed with the figures: numbers to read, no
# assertions.
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin:/usr/local/go/bin

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LAB=$ROOT/testdata/lab/lab.sh
export LAB_PREFIX=namesb
NS=namesb-scan
N=200
TIMEOUT=1s
REPEAT=3
RATES="1000 10000"
KEEP=0
while (($#)); do
	case $1 in
	--hosts) N=$2; shift 2 ;;
	--timeout) TIMEOUT=$2; shift 2 ;;
	--repeat) REPEAT=$2; shift 2 ;;
	--rates) RATES=$2; shift 2 ;;
	--keep) KEEP=1; shift ;;
	-h | --help) sed -n '2,44p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "names.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
((EUID == 0)) || { echo "names.sh: run as root (network namespaces)" >&2; exit 1; }
command -v dnsmasq >/dev/null || { echo "names.sh: needs dnsmasq" >&2; exit 1; }

TMP=$(mktemp -d /tmp/netcensus-names.XXXXXX)
cleanup() {
	local rc=$?
	if ((KEEP)); then
		echo "lab left up (--keep): bash $LAB down --prefix namesb" >&2
	else
		bash "$LAB" down >/dev/null 2>&1 || echo "names.sh: lab down failed" >&2
	fi
	rm -rf "$TMP"
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

NC=${NETCENSUS_BIN:-}
if [[ -z $NC ]]; then
	(cd "$ROOT" && go build -o "$TMP/netcensus" ./cmd/netcensus) || { echo "names.sh: build failed" >&2; exit 1; }
	NC=$TMP/netcensus
fi
BASE=${NETCENSUS_BASE:-}
declare -A BINS=([new]=$NC [base]=$BASE)

echo "# lab up (prefix namesb, $N hosts, dnsmasq on h1)" >&2
bash "$LAB" up --hosts "$N" --roles h1=dns >&2
DNS_IP=198.51.100.11
REFUSED_IP=198.51.100.254
SILENT_IP=198.51.100.250
((N < 240)) || { echo "names.sh: at most 239 hosts (198.51.100.250 must be free)" >&2; exit 2; }

# conf NAME DNS NETBIOS LLMNR SERVER: a config file for one case.
conf() {
	printf 'names:\n  dns: %s\n  netbios: %s\n  llmnr: %s\n  timeout: %s\n  servers: ["%s"]\n' "$2" "$3" "$4" "$TIMEOUT" "$5" >"$TMP/$1.yaml"
	chmod 600 "$TMP/$1.yaml"
}
conf none true true true "$DNS_IP"
conf dns true false false "$DNS_IP"
conf dns-refused true false false "$REFUSED_IP"
conf dns-silent true false false "$SILENT_IP"
conf all true true true "$DNS_IP"
conf all-silent true true true "$SILENT_IP"
conf none-dropped true true true "$DNS_IP"
conf dropped true true true "$DNS_IP"
conf dropped-silent true true true "$SILENT_IP"

# quiet VALUE: every host's and the router's ICMP rate limit (ms between
# errors to one peer; the kernel's default is 1000). A day holds back the
# port unreachables that would refuse NetBIOS and LLMNR questions: the
# hosts drop them silently.
quiet() {
	local ns
	for ns in $(awk '!/^#/ { print $1 }' "${LAB_STATE_DIR:-/run/netcensus-lab}/namesb/hosts.tsv") namesb-rtr; do
		ip netns exec "$ns" sysctl -qw net.ipv4.icmp_ratelimit="$1"
	done
}

# one BIN CASE RATE: one sweep; appends its wall time to $TMP/w.BIN.RATE.CASE
# and keeps its names line in $TMP/n.BIN.RATE.CASE.
one() {
	local bin=$1 case=$2 r=$3 t0 t1 flags=(--rate "$3")
	[[ $case == none* ]] && flags+=(--no-names)
	t0=$EPOCHREALTIME
	ip netns exec "$NS" "${BINS[$bin]}" --config "$TMP/$case.yaml" sweep --no-store --no-progress --no-snmp --no-mdns \
		--format jsonl "${flags[@]}" 198.51.100.0/24 >"$TMP/out" 2>"$TMP/err" || { echo "# $bin $case: sweep failed:" >&2; tail -n3 "$TMP/err" >&2; }
	t1=$EPOCHREALTIME
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }' >>"$TMP/w.$bin.$r.$case"
	grep -m1 '^names:' "$TMP/err" >"$TMP/n.$bin.$r.$case" || echo "names: (stage off)" >"$TMP/n.$bin.$r.$case"
}

# median FILE: the median of its lines.
median() { sort -g "$1" | sed -n "$((($(wc -l <"$1") + 1) / 2))p"; }

echo "# load before: $(uptime)" >&2
OPEN="none dns dns-refused dns-silent all all-silent"
DROPPED="none-dropped dropped dropped-silent"
CASES="$OPEN $DROPPED"
# With NETCENSUS_BASE, the two binaries take turns, sweep by sweep, so
# both see the same load.
ORDER=(new)
[[ -n $BASE ]] && ORDER=(base new)
# group QUIET CASES...: every case of the group at every rate, --repeat
# times, with the hosts' ICMP rate limit set to QUIET.
group() {
	local q=$1 r i c b
	shift
	quiet "$q"
	for r in $RATES; do
		for ((i = 0; i < REPEAT; i++)); do
			for c in "$@"; do
				for b in "${ORDER[@]}"; do
					one "$b" "$c" "$r"
				done
			done
		done
	done
}
group 1000 $OPEN
group 86400000 $DROPPED
quiet 1000
echo "# load after: $(uptime)" >&2

T=$(awk -v t="$TIMEOUT" 'BEGIN { v = t + 0; if (t ~ /ms$/) v /= 1000; printf "%g", v }')
if [[ -n $BASE ]]; then
	printf '%-6s %-14s %8s %9s %8s %9s %6s %9s  %s\n' rate case "base s" "b.added" "wall s" "added s" "bar s" "bound s" names
else
	printf '%-6s %-14s %8s %9s %6s %9s  %s\n' rate case "wall s" "added s" "bar s" "bound s" names
fi
for r in $RATES; do
	for c in $CASES; do
		bar=$T expect=- none=none
		[[ $c == none* ]] && bar=-
		[[ $c == dropped* ]] && none=none-dropped
		[[ $c == dns ]] && bar=1
		# Questions asked: the hosts found (N and the router), once per protocol.
		case $c in
		dns-silent) q=$((N + 1)) ;;
		# Four questions a host: DNS, NetBIOS, LLMNR over UDP and TCP.
		all-silent | dropped | dropped-silent) q=$((4 * (N + 1))) ;;
		*) q= ;;
		esac
		[[ -n $q ]] && expect=$(awk -v t="$T" -v q="$q" -v r="$r" 'BEGIN { a = q / r - t; printf "%.3f", t + (a > 0 ? a : 0) }')
		w=$(median "$TMP/w.new.$r.$c")
		added=$(awk -v a="$w" -v b="$(median "$TMP/w.new.$r.$none")" 'BEGIN { printf "%.3f", a - b }')
		if [[ -n $BASE ]]; then
			bw=$(median "$TMP/w.base.$r.$c")
			badded=$(awk -v a="$bw" -v b="$(median "$TMP/w.base.$r.$none")" 'BEGIN { printf "%.3f", a - b }')
			printf '%-6s %-14s %8s %9s %8s %9s %6s %9s  %s\n' "$r" "$c" "$bw" "$badded" "$w" "$added" "$bar" "$expect" "$(cat "$TMP/n.new.$r.$c")"
		else
			printf '%-6s %-14s %8s %9s %6s %9s  %s\n' "$r" "$c" "$w" "$added" "$bar" "$expect" "$(cat "$TMP/n.new.$r.$c")"
		fi
	done
done
echo "load average: $(uptime | sed 's/.*load average: //')"
