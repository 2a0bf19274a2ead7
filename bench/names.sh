#!/usr/bin/env bash
# bench/names.sh: what name resolution adds to a sweep of a /24, inside the
# lab's namespaces (prefix "namesb"). Run by hand, as root:
#
#   bash bench/names.sh [--hosts N] [--timeout 1s] [--rates "1000 10000"] [--repeat N] [--keep]
#
#   NETCENSUS_BIN=/path/netcensus  use this binary instead of building ./cmd/netcensus
#
# The lab holds N hosts (default 200) on 198.51.100.0/24 and dnsmasq on h1
# with a PTR record for each. Every run sweeps 198.51.100.0/24 with SNMP and
# mDNS off; the cases differ only in the names stage:
#
#   none         --no-names: the baseline
#   dns          reverse DNS only, from the lab's dnsmasq (it answers)
#   dns-silent   reverse DNS only, from the router's address (no DNS
#                server there: nothing answers)
#   all          reverse DNS from dnsmasq, NetBIOS and LLMNR (the defaults;
#                no lab host runs nmbd or LLMNR, so those two wait)
#   all-silent   the defaults with the silent server
#
# Each case runs at every --rate (1000 is the default packet budget). For
# each: the median wall time over --repeat runs, the names named (from the
# summary line) and the time added over "none" at the same rate. Bars (issue
# 13): "dns" adds at most 1 s; the silent cases at most the names timeout
# (--timeout, written to the config file). Every protocol asks all hosts at
# once and waits one timeout after its last question, and its questions
# share the sweep's packet budget, so a silent case adds one timeout plus
# (questions / rate): "expect s" is that figure. The load average is printed
# with the figures: numbers to read, no assertions.
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
	-h | --help) sed -n '2,29p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

echo "# lab up (prefix namesb, $N hosts, dnsmasq on h1)" >&2
bash "$LAB" up --hosts "$N" --roles h1=dns >&2
DNS_IP=198.51.100.11
SILENT_IP=198.51.100.254

# conf NAME DNS NETBIOS LLMNR SERVER: a config file for one case.
conf() {
	printf 'names:\n  dns: %s\n  netbios: %s\n  llmnr: %s\n  timeout: %s\n  servers: ["%s"]\n' "$2" "$3" "$4" "$TIMEOUT" "$5" >"$TMP/$1.yaml"
	chmod 600 "$TMP/$1.yaml"
}
conf none true true true "$DNS_IP"
conf dns true false false "$DNS_IP"
conf dns-silent true false false "$SILENT_IP"
conf all true true true "$DNS_IP"
conf all-silent true true true "$SILENT_IP"

# run CASE [FLAGS...]: REPEAT sweeps; prints "median_wall names_line".
run() {
	local case=$1 i walls=() line=
	shift
	for ((i = 0; i < REPEAT; i++)); do
		local t0 t1
		t0=$EPOCHREALTIME
		ip netns exec "$NS" "$NC" --config "$TMP/$case.yaml" sweep --no-store --no-progress --no-snmp --no-mdns \
			--format jsonl "$@" 198.51.100.0/24 >"$TMP/out" 2>"$TMP/err" || { echo "# $case: sweep failed:" >&2; tail -n3 "$TMP/err" >&2; }
		t1=$EPOCHREALTIME
		walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
		line=$(grep -m1 '^names:' "$TMP/err" || echo "names: (stage off)")
	done
	printf '%s\n' "${walls[@]}" | sort -g | sed -n "$(((REPEAT + 1) / 2))p" | tr '\n' ' '
	echo "$line"
}

echo "# load before: $(uptime)" >&2
declare -A WALL NAMED
CASES="none dns dns-silent all all-silent"
for r in $RATES; do
	for c in $CASES; do
		flags=(--rate "$r")
		[[ $c == none ]] && flags+=(--no-names)
		read -r w rest < <(run "$c" "${flags[@]}")
		WALL[$r/$c]=$w NAMED[$r/$c]=$rest
		echo "#   rate $r $c: ${w}s ($rest)" >&2
	done
done
echo "# load after: $(uptime)" >&2

T=$(awk -v t="$TIMEOUT" 'BEGIN { v = t + 0; if (t ~ /ms$/) v /= 1000; printf "%g", v }')
printf '%-6s %-11s %8s %9s %6s %9s  %s\n' rate case "wall s" "added s" "bar s" "expect s" names
for r in $RATES; do
	for c in $CASES; do
		bar=$T expect=-
		[[ $c == none ]] && bar=-
		[[ $c == dns ]] && bar=1
		# Questions asked: the hosts found (N and the router), once per protocol.
		case $c in
		dns-silent) expect=$(awk -v t="$T" -v q=$((N + 1)) -v r="$r" 'BEGIN { printf "%.3f", t + q / r }') ;;
		all-silent) expect=$(awk -v t="$T" -v q=$((3 * (N + 1))) -v r="$r" 'BEGIN { printf "%.3f", t + q / r }') ;;
		esac
		added=$(awk -v a="${WALL[$r/$c]}" -v b="${WALL[$r/none]}" 'BEGIN { printf "%.3f", a - b }')
		printf '%-6s %-11s %8s %9s %6s %9s  %s\n' "$r" "$c" "${WALL[$r/$c]}" "$added" "$bar" "$expect" "${NAMED[$r/$c]}"
	done
done
echo "load average: $(uptime | sed 's/.*load average: //')"
