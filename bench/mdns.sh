#!/usr/bin/env bash
# bench/mdns.sh: netcensus's mDNS browse beside nmap's
# broadcast-dns-service-discovery script, inside the lab's namespaces
# (prefix "mdnsb"). Run by hand, as root:
#
#   bash bench/mdns.sh [--hosts N] [--hostile-rates "1000 4000"] [--repeat N] [--keep]
#
#   NETCENSUS_BIN=/path/netcensus  use this binary instead of building ./cmd/netcensus
#
# Part 1: N hosts (default 20) each running avahi-daemon with five services
# (fixture set "multi"). Each tool at its defaults: services and hosts found,
# when the last new one arrived (netcensus's last_new), wall time, peak RSS.
# Part 2: the same plus one more host running the hostile responder at each
# rate: does everything honest still get found, how much did netcensus read
# and drop, wall time and peak RSS. The ratio is netcensus's wall time over
# nmap's (below 1: netcensus is faster). Numbers to read, no assertions.
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin:/usr/local/go/bin

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LAB=$ROOT/testdata/lab/lab.sh
export LAB_PREFIX=mdnsb
NS=mdnsb-scan
N=20
RATES="1000 4000"
REPEAT=1
KEEP=0
while (($#)); do
	case $1 in
	--hosts) N=$2; shift 2 ;;
	--hostile-rates) RATES=$2; shift 2 ;;
	--repeat) REPEAT=$2; shift 2 ;;
	--keep) KEEP=1; shift ;;
	-h | --help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "mdns.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
((EUID == 0)) || { echo "mdns.sh: run as root (network namespaces)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "mdns.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
command -v avahi-daemon >/dev/null || { echo "mdns.sh: needs avahi-daemon" >&2; exit 1; }

TMP=$(mktemp -d /tmp/netcensus-mdnsbench.XXXXXX)
cleanup() {
	((KEEP)) || bash "$LAB" down >/dev/null 2>&1 || true
	rm -rf "$TMP"
}
trap cleanup EXIT

BIN=${NETCENSUS_BIN:-}
if [[ -z $BIN ]]; then
	BIN=$TMP/netcensus
	(cd "$ROOT" && go build -o "$BIN" ./cmd/netcensus)
fi
HOSTILE=$TMP/hostile
(cd "$ROOT" && go build -o "$HOSTILE" ./scanner/mdns/internal/hostile)

roles() {
	local i spec=
	for ((i = 1; i <= N; i++)); do spec+="h$i=avahi:multi,"; done
	[[ -n ${1:-} ]] && spec+="h$((N + 1))=mdns-hostile:$HOSTILE@$1,"
	echo "${spec%,}"
}

# nc_run LABEL: one netcensus browse; prints a result row.
nc_run() {
	local label=$1 out=$TMP/nc.out err=$TMP/nc.err
	local t0 t1
	t0=$(date +%s%N)
	/usr/bin/time -f 'maxrss_kb=%M' ip netns exec "$NS" "$BIN" mdns -i eth0 -o jsonl >"$out" 2>"$err" || true
	t1=$(date +%s%N)
	local honest services last rss summary
	honest=$(grep -c '"hostname":"multi-h' "$out" || true)
	local honest_svc
	honest_svc=$(grep '"hostname":"multi-h' "$out" | grep -o '"type":"_' | wc -l)
	summary=$(grep '^summary: interface=eth0' "$err" || true)
	services=$(grep -o 'services=[0-9]*' <<<"$summary" | cut -d= -f2)
	last=$(grep -o 'last_new=[^ ]*' <<<"$summary" | cut -d= -f2)
	rss=$(grep -o 'maxrss_kb=[0-9]*' "$err" | cut -d= -f2)
	NC_WALL=$(((t1 - t0) / 1000000))
	printf '%-28s %-10s honest_hosts=%s/%s honest_services=%s/%s services=%s last_new=%s wall_ms=%s rss_kb=%s\n' "$label" netcensus "$honest" "$N" "$honest_svc" "$((5 * N))" "$services" "$last" "$NC_WALL" "$rss"
	printf '    %s\n' "$summary"
}

# nmap_run LABEL: nmap's broadcast DNS-SD script on eth0.
nmap_run() {
	local label=$1 out=$TMP/nmap.out err=$TMP/nmap.err
	if ! command -v nmap >/dev/null; then
		echo "$label nmap: not installed"
		return
	fi
	local t0 t1
	t0=$(date +%s%N)
	/usr/bin/time -f 'maxrss_kb=%M' ip netns exec "$NS" nmap -e eth0 --script broadcast-dns-service-discovery >"$out" 2>"$err" || true
	t1=$(date +%s%N)
	local wall=$(((t1 - t0) / 1000000)) hosts services rss
	services=$(grep -cE '^\|_? +[0-9]+/(tcp|udp) ' "$out" || true)
	hosts=$(grep -oE 'Address=198\.51\.100\.[0-9]+' "$out" | sort -u | wc -l)
	rss=$(grep -o 'maxrss_kb=[0-9]*' "$err" | cut -d= -f2)
	printf '%-28s %-10s hosts=%s services=%s wall_ms=%s rss_kb=%s ratio_nc/nmap=%s\n' "$label" nmap "$hosts" "$services" "$wall" "$rss" \
		"$(awk -v a="$NC_WALL" -v b="$wall" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
}

echo "# part 1: $N hosts x 5 services (avahi-daemon), defaults"
bash "$LAB" up --hosts "$((N + 1))" --roles "$(roles)" >/dev/null
for ((r = 1; r <= REPEAT; r++)); do
	nc_run "clean run $r"
	nmap_run "clean run $r"
done

for rate in $RATES; do
	echo "# part 2: the same plus a hostile responder at $rate packets/s"
	bash "$LAB" role start "h$((N + 1))=mdns-hostile:$HOSTILE@$rate" >/dev/null
	for ((r = 1; r <= REPEAT; r++)); do
		nc_run "hostile $rate/s run $r"
		nmap_run "hostile $rate/s run $r"
	done
	bash "$LAB" role stop "h$((N + 1))=mdns-hostile:$HOSTILE@$rate" >/dev/null
done
