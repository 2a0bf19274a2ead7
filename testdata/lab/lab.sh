#!/usr/bin/env bash
# lab.sh: the netcensus test lab, built from network namespaces only.
#
#   lab.sh up|down|status [--prefix P] [--hosts N] [--roles SPEC] [--roles-file FILE] [--ipv6]
#   lab.sh role start|stop hN=ROLE[:ARG] [--prefix P]   (one role on a running lab)
#
# Exit: 0 ok, 1 failed, 2 bad usage, 3 status of a lab that is down,
# 4 a command some role needs is missing (tests skip on it).
# Environment (flags win): LAB_PREFIX (default nc), LAB_HOSTS (default 20),
# LAB_ROLES ("h1=snmpd,h2=avahi,h3=snmpsim:/path"), LAB_ROLES_FILE (one
# "hN=role[:arg]" a line, # comments), LAB_STATE_DIR (default /run/netcensus-lab),
# LAB_IPV6=1 (as --ipv6). A role may also run on the router: "rtr=snmpd".
#
# Topology (every name starts with "$P-"; nothing touches the root namespace's
# interfaces: each veth pair is created straight into its two namespaces):
#
#   $P-sw    switch: bridge br0 = 198.51.100.0/24, bridge br1 = 203.0.113.0/24
#   $P-scan  scanner: eth0 198.51.100.2/24 on br0, 203.0.113.0/24 via .254;
#            bench0 198.18.0.1/16, a veth straight to $P-resp
#   $P-hI    hosts I=1..N: eth0 198.51.100.(10+I)/24, fixed MACs cycling through
#            real vendors' OUIs, default route via 198.51.100.254
#   $P-rtr   router: eth0 198.51.100.254/24 (br0), eth1 203.0.113.1/24 (br1)
#   $P-far1  far host: eth0 203.0.113.10/24 on br1, default via 203.0.113.1
#   $P-resp  proxy-ARP responder: answers ARP for every 198.18.x.y but
#            198.18.0.1 (routed out of a second veth pair, sink0/sink1)
#
# --ipv6 adds IPv6 (2001:db8::/32, no duplicate address detection) beside
# IPv4: 2001:db8:100::/64 on br0 (scanner ::2, host I ::(10+I) as written in
# decimal, e.g. h1 2001:db8:100::11, router ::254), 2001:db8:113::/64 on br1
# (router ::1, far1 ::10); the router forwards IPv6, hosts route through it.
# Without it the namespaces have their link-local IPv6 addresses only.
#
# State: $LAB_STATE_DIR/$P/hosts.tsv (ns, ip, mac of every host), hosts6.tsv
# (ns, IPv6 address: with --ipv6), roles.tsv
# (ns, role, arg, pid), roles/<ns>/<role>/ (each role's files and logs).
#
# "up" on an existing lab tears it down first and builds it anew, so it is
# safe to rerun. Roles are testdata/lab/roles/<role>.sh, each defining
# role_start NS IP ARG (start the daemon, wait until it serves, write its pid
# to "$ROLE_DIR/pid") and role_stop NS, and optionally role_needs (print the
# commands it needs). They run with LAB_PREFIX, LAB_STATE, LAB_DIR and ROLE_DIR
# (the role's own directory, $LAB_STATE/roles/<ns>/<role>) set. An ARG holds
# no comma. LAB_OWNER_PID, if set, is recorded in lab.env (the Go helper uses
# it to reap labs whose test process died).
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
P=${LAB_PREFIX:-nc}
N=${LAB_HOSTS:-20}
ROLES_SPEC=${LAB_ROLES:-}
ROLES_FILE=${LAB_ROLES_FILE:-}
IPV6=${LAB_IPV6:-0}
STATE_ROOT=${LAB_STATE_DIR:-/run/netcensus-lab}

usage() {
	sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

die() {
	echo "lab: $*" >&2
	exit 1
}

cmd=${1:-}
[[ -n $cmd ]] || usage
shift
ROLE_ARGS=()
while (($#)); do
	case $1 in
	--prefix) P=${2:?--prefix needs a value}; shift 2 ;;
	--hosts) N=${2:?--hosts needs a value}; shift 2 ;;
	--roles) ROLES_SPEC=${2?--roles needs a value}; shift 2 ;;
	--roles-file) ROLES_FILE=${2:?--roles-file needs a value}; shift 2 ;;
	--ipv6) IPV6=1; shift ;;
	-h | --help) usage ;;
	-*) echo "lab: unknown flag $1" >&2; usage ;;
	*) ROLE_ARGS+=("$1"); shift ;;
	esac
done

# A prefix has no "-", so "$P-" never matches another lab's namespaces.
[[ $P =~ ^[a-z0-9]{1,12}$ ]] || die "prefix $P: want 1-12 of [a-z0-9]"
[[ $N =~ ^[0-9]+$ ]] && ((N >= 1 && N <= 200)) || die "hosts $N: want 1..200"
((EUID == 0)) || die "needs root (network namespaces)"
command -v ip >/dev/null || die "needs ip (iproute2)"

STATE=$STATE_ROOT/$P

# Real vendors' OUIs (each an MA-L in /usr/share/ieee-data/oui.csv with no
# MA-M/MA-S block beneath it), cycled through by the hosts.
OUIS=(
	00:1b:54 # Cisco Systems, Inc
	00:05:85 # Juniper Networks
	f8:bc:12 # Dell Inc.
	00:1c:c4 # Hewlett Packard
	4c:ae:a3 # Hewlett Packard Enterprise
	a4:c3:61 # Apple, Inc.
	3c:a9:f4 # Intel Corporate
	b8:27:eb # Raspberry Pi Foundation
	00:11:32 # Synology Incorporated
	24:5a:4c # Ubiquiti Networks Inc.
	bc:ad:28 # Hangzhou Hikvision Digital Technology Co.,Ltd.
	00:25:90 # Super Micro Computer, Inc.
)

host_ip() { echo "198.51.100.$((10 + $1))"; }
host_ip6() { echo "2001:db8:100::$((10 + $1))"; }
host_mac() {
	local i=$1
	printf '%s:00:%02x:%02x' "${OUIS[$(((i - 1) % ${#OUIS[@]}))]}" $((i >> 8)) $((i & 255))
}

lab_namespaces() {
	ip netns list 2>/dev/null | awk -v p="$P-" 'index($1, p) == 1 { print $1 }'
}

# nsx NS CMD...: run CMD in NS's network namespace (no mount namespace: cheaper
# than ip netns exec, and /proc/sys/net is the namespace's own).
nsx() {
	local ns=$1
	shift
	nsenter --net="/run/netns/$ns" -- "$@"
}

# role_lines: "ns role arg" lines from LAB_ROLES and LAB_ROLES_FILE.
role_lines() {
	local spec=$ROLES_SPEC item
	if [[ -n $ROLES_FILE ]]; then
		[[ -r $ROLES_FILE ]] || die "roles file $ROLES_FILE: not readable"
		spec+=,$(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$ROLES_FILE" | paste -sd, -)
	fi
	IFS=, read -ra items <<<"$spec"
	for item in "${items[@]}"; do
		[[ -n $item ]] || continue
		if [[ $item =~ ^rtr=([a-z0-9_-]+)(:(.*))?$ ]]; then
			local role=${BASH_REMATCH[1]} arg=${BASH_REMATCH[3]}
			[[ -r $LAB_DIR/roles/$role.sh ]] || die "role $item: no $LAB_DIR/roles/$role.sh"
			echo "$P-rtr $role ${arg:--}"
			continue
		fi
		[[ $item =~ ^h([0-9]+)=([a-z0-9_-]+)(:(.*))?$ ]] || die "role $item: want hN=role[:arg] or rtr=role[:arg]"
		local i=${BASH_REMATCH[1]} role=${BASH_REMATCH[2]} arg=${BASH_REMATCH[4]}
		((i >= 1 && i <= N)) || die "role $item: no host h$i (hosts 1..$N)"
		[[ -r $LAB_DIR/roles/$role.sh ]] || die "role $item: no $LAB_DIR/roles/$role.sh"
		echo "$P-h$i $role ${arg:--}"
	done
}

# run_role start|stop NS ROLE ARG: source the role script in a subshell.
run_role() {
	local what=$1 ns=$2 role=$3 arg=$4 i ip
	[[ $arg == - ]] && arg=
	if [[ $ns == "$P-rtr" ]]; then
		ip=198.51.100.254
	else
		i=${ns##*-h}
		ip=$(host_ip "$i")
	fi
	# The subshell drops fd 9, the lab's lock: a daemon the role leaves
	# running must not hold it, or the next up or down waits on it.
	(
		export LAB_PREFIX=$P LAB_STATE=$STATE ROLE_DIR=$STATE/roles/$ns/$role LAB_DIR
		mkdir -p "$ROLE_DIR"
		# shellcheck source=/dev/null
		source "$LAB_DIR/roles/$role.sh"
		if [[ $what == start ]]; then
			role_start "$ns" "$ip" "$arg"
		else
			role_stop "$ns"
		fi
	) 9>&-
}

# Helpers the roles share (defined before a role file is sourced; a role
# may override role_stop).

# role_stop_pid: stop the process in $ROLE_DIR/pid, TERM then after 2 s KILL.
role_stop_pid() {
	local pid i
	pid=$(cat "$ROLE_DIR/pid" 2>/dev/null) || return 0
	kill -TERM "$pid" 2>/dev/null || return 0
	for ((i = 0; i < 40; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.05
	done
	kill -KILL "$pid" 2>/dev/null || true
}

# role_stop NS: the default stop, for roles whose daemon is one pid.
role_stop() { role_stop_pid; }

# role_wait_udp NAME NS PID PORT LOG...: wait (30 s at most: CI runs many
# packages at once) until PID listens on UDP PORT in NS; print LOGs and fail
# if it exits first or never listens.
role_wait_udp() {
	local name=$1 ns=$2 pid=$3 port=$4 i
	shift 4
	for ((i = 0; i < 600; i++)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "$name role: exited on $ns:" >&2
			cat "$@" >&2 2>/dev/null
			return 1
		fi
		if [[ -n $(nsenter --net="/run/netns/$ns" -- ss -Hlun "sport = :$port") ]]; then
			return 0
		fi
		sleep 0.05
	done
	echo "$name role: not listening on $ns UDP $port after 30 s" >&2
	return 1
}

# running PID...: true while any PID is alive and not a zombie (an exited
# process whose parent has not reaped it yet has left its namespaces).
running() {
	local p st
	for p; do
		st=$(cat "/proc/$p/stat" 2>/dev/null) || continue
		st=${st##*) }
		[[ ${st:0:1} != Z ]] && return 0
	done
	return 1
}

# lab_pids: every process in this lab's namespaces (one pass over /proc).
lab_pids() {
	local nss=("$@") ns ino want=" "
	((${#nss[@]})) || return 0
	for ns in "${nss[@]}"; do
		ino=$(stat -L -c %i "/run/netns/$ns" 2>/dev/null) && want+="net:[$ino] "
	done
	find /proc -mindepth 3 -maxdepth 3 -path '/proc/[0-9]*/ns/net' -printf '%h %l\n' 2>/dev/null |
		while read -r dir link; do
			[[ $want == *" $link "* ]] && { dir=${dir#/proc/}; echo "${dir%/ns}"; }
		done
	return 0
}

lab_down() {
	local nss pids
	mapfile -t nss < <(lab_namespaces)
	mapfile -t pids < <(lab_pids "${nss[@]}")
	# No graceful stop: the state goes too (snmpd takes ~2 s over SIGTERM).
	if ((${#pids[@]})); then
		kill -TERM "${pids[@]}" 2>/dev/null || true
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			running "${pids[@]}" || break
			sleep 0.03
		done
		kill -KILL "${pids[@]}" 2>/dev/null || true
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			running "${pids[@]}" || break
			sleep 0.03
		done
	fi
	if ((${#nss[@]})); then
		printf 'netns del %s\n' "${nss[@]}" | ip -force -batch - 2>/dev/null || true
	fi
	# Per-namespace /etc files (the dns role's resolv.conf for $P-scan).
	rm -rf "/etc/netns/$P-"*
	rm -rf "$STATE"
	[[ -z $(lab_namespaces) ]] || die "namespaces left: $(lab_namespaces | paste -sd' ')"
}

# check_needs LINES: every command the roles name in role_needs must exist;
# exit 4 (the lab's "cannot run here") naming what is missing.
check_needs() {
	local roles role missing=()
	roles=$(awk '{ print $2 }' <<<"$1" | sort -u)
	for role in $roles; do
		local needs
		needs=$(
			# shellcheck source=/dev/null
			source "$LAB_DIR/roles/$role.sh"
			if declare -F role_needs >/dev/null; then role_needs; fi
		)
		for c in $needs; do
			command -v "$c" >/dev/null || missing+=("$c (role $role)")
		done
	done
	if ((${#missing[@]})); then
		echo "lab: missing: ${missing[*]}" >&2
		exit 4
	fi
}

# start_roles LINES: start each "ns role arg" in parallel, record roles.tsv.
start_roles() {
	local lines=() line j ns role arg failed=0 rjobs=()
	[[ -n $1 ]] && mapfile -t lines <<<"$1"
	for line in "${lines[@]}"; do
		read -r ns role arg <<<"$line"
		run_role start "$ns" "$role" "$arg" >"$STATE/role-$ns-$role.out" 2>&1 &
		rjobs+=($!)
	done
	for j in "${!rjobs[@]}"; do
		read -r ns role arg <<<"${lines[$j]}"
		if ! wait "${rjobs[$j]}"; then
			cat "$STATE/role-$ns-$role.out" >&2
			failed=1
			echo "lab: role $role on $ns failed to start" >&2
		fi
		printf '%s\t%s\t%s\t%s\n' "$ns" "$role" "$arg" "$(cat "$STATE/roles/$ns/$role/pid" 2>/dev/null || echo -)" >>"$STATE/roles.tsv"
	done
	return $failed
}

lab_up() {
	local i ns roles
	roles=$(role_lines) || exit 2
	check_needs "$roles"
	lab_down
	mkdir -p "$STATE"

	# Namespaces and veth pairs, created straight into their namespaces.
	{
		echo "netns add $P-sw"
		echo "netns add $P-scan"
		echo "netns add $P-rtr"
		echo "netns add $P-far1"
		echo "netns add $P-resp"
		for ((i = 1; i <= N; i++)); do echo "netns add $P-h$i"; done
		echo "link add scan netns $P-sw type veth peer name eth0 netns $P-scan address 02:6e:63:00:00:02"
		echo "link add rtr0 netns $P-sw type veth peer name eth0 netns $P-rtr address 02:6e:63:00:00:fe"
		echo "link add rtr1 netns $P-sw type veth peer name eth1 netns $P-rtr address 02:6e:63:01:00:01"
		echo "link add far1 netns $P-sw type veth peer name eth0 netns $P-far1 address 02:6e:63:01:00:0a"
		echo "link add bench0 netns $P-scan address 02:6e:63:12:00:01 type veth peer name eth0 netns $P-resp address 02:6e:63:12:00:fe"
		for ((i = 1; i <= N; i++)); do
			echo "link add h$i netns $P-sw type veth peer name eth0 netns $P-h$i address $(host_mac "$i")"
		done
	} | ip -batch - || die "creating namespaces and links failed"

	# Inside each namespace, one ip process each, all in parallel.
	local jobs=()
	{
		echo "link set lo up"
		echo "link add br0 type bridge stp_state 0 forward_delay 0 mcast_snooping 0"
		echo "link add br1 type bridge stp_state 0 forward_delay 0 mcast_snooping 0"
		echo "link set br0 up"
		echo "link set br1 up"
		echo "link set scan master br0 up"
		echo "link set rtr0 master br0 up"
		echo "link set rtr1 master br1 up"
		echo "link set far1 master br1 up"
		for ((i = 1; i <= N; i++)); do echo "link set h$i master br0 up"; done
	} | ip -n "$P-sw" -batch - &
	jobs+=($!)
	printf '%s\n' "link set lo up" \
		"addr add 198.51.100.2/24 dev eth0" "link set eth0 up" \
		"addr add 198.18.0.1/16 dev bench0" "link set bench0 up" \
		"route add 203.0.113.0/24 via 198.51.100.254" | ip -n "$P-scan" -batch - &
	jobs+=($!)
	printf '%s\n' "link set lo up" \
		"addr add 198.51.100.254/24 dev eth0" "link set eth0 up" \
		"addr add 203.0.113.1/24 dev eth1" "link set eth1 up" | ip -n "$P-rtr" -batch - &
	jobs+=($!)
	printf '%s\n' "link set lo up" \
		"addr add 203.0.113.10/24 dev eth0" "link set eth0 up" \
		"route add default via 203.0.113.1" | ip -n "$P-far1" -batch - &
	jobs+=($!)
	# The responder: its eth0 has no address; 198.18.0.1 (the scanner) is
	# routed back out of eth0, the rest of 198.18.0.0/16 out of sink0, so
	# proxy ARP on eth0 answers for every address but the scanner's own.
	printf '%s\n' "link set lo up" "link set eth0 up" \
		"link add sink0 type veth peer name sink1" "link set sink1 up" "link set sink0 up" \
		"route add 198.18.0.1/32 dev eth0" "route add 198.18.0.0/16 dev sink0" | ip -n "$P-resp" -batch - &
	jobs+=($!)
	for ((i = 1; i <= N; i++)); do
		printf '%s\n' "link set lo up" "addr add $(host_ip "$i")/24 dev eth0" "link set eth0 up" \
			"route add default via 198.51.100.254" | ip -n "$P-h$i" -batch - &
		jobs+=($!)
	done
	nsx "$P-rtr" sysctl -qw net.ipv4.ip_forward=1 &
	jobs+=($!)
	nsx "$P-resp" sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.rp_filter=0 \
		net.ipv4.conf.eth0.rp_filter=0 net.ipv4.conf.eth0.proxy_arp=1 \
		net.ipv4.neigh.eth0.proxy_delay=0 net.ipv4.neigh.eth0.proxy_qlen=100000 &
	jobs+=($!)
	local j failed=0
	for j in "${jobs[@]}"; do wait "$j" || failed=1; done
	((failed == 0)) || die "configuring namespaces failed"
	((IPV6)) && lab_ipv6

	# A veth set up while its peer was still down gets its carrier, and
	# its real qdisc (until then "noop", which drops every frame), from
	# the kernel's link watch up to a second later: a broadcast (an ARP
	# request) would reach some ports and not others. Wait until no link
	# that is up has a noop qdisc or lacks its carrier (NO-CARRIER: inside
	# another network namespace, CI's, the qdisc comes before the carrier
	# and a first ARP round found no host), in every namespace, at most 10 s.
	local nss=("$P-sw" "$P-scan" "$P-rtr" "$P-far1" "$P-resp") k ns busy
	for ((i = 1; i <= N; i++)); do nss+=("$P-h$i"); done
	for ((k = 0; k < 500; k++)); do
		busy=
		for ns in "${nss[@]}"; do
			if ip -n "$ns" -o link show up | grep -qE 'qdisc noop|NO-CARRIER'; then
				busy=$ns
				break
			fi
		done
		[[ -z $busy ]] && break
		sleep 0.02
	done
	[[ -z $busy ]] || die "links in $busy still without carrier after 10 s"
	((IPV6)) && lab_ipv6_ready "${nss[@]}"

	{
		printf '# ns\tip\tmac\n'
		for ((i = 1; i <= N; i++)); do printf '%s\t%s\t%s\n' "$P-h$i" "$(host_ip "$i")" "$(host_mac "$i")"; done
	} >"$STATE/hosts.tsv"
	if ((IPV6)); then
		{
			printf '# ns\tip6\n'
			for ((i = 1; i <= N; i++)); do printf '%s\t%s\n' "$P-h$i" "$(host_ip6 "$i")"; done
		} >"$STATE/hosts6.tsv"
	fi
	printf 'prefix=%s\nhosts=%s\nowner=%s\n' "$P" "$N" "${LAB_OWNER_PID:-}" >"$STATE/lab.env"

	# Roles, started in parallel; each waits until its daemon serves.
	: >"$STATE/roles.tsv"
	start_roles "$roles" || die "roles failed (lab left up: lab.sh down --prefix $P)"
}

# lab_ipv6: the IPv6 addresses and routes of --ipv6, every namespace in
# parallel; nodad: an address is usable at once (duplicate address
# detection would hold it tentative for a second).
lab_ipv6() {
	local jobs=() j i failed=0
	printf '%s\n' "addr add 2001:db8:100::2/64 dev eth0 nodad" \
		"route add 2001:db8:113::/64 via 2001:db8:100::254" | ip -n "$P-scan" -batch - &
	jobs+=($!)
	printf '%s\n' "addr add 2001:db8:100::254/64 dev eth0 nodad" \
		"addr add 2001:db8:113::1/64 dev eth1 nodad" | ip -n "$P-rtr" -batch - &
	jobs+=($!)
	printf '%s\n' "addr add 2001:db8:113::10/64 dev eth0 nodad" \
		"route add default via 2001:db8:113::1" | ip -n "$P-far1" -batch - &
	jobs+=($!)
	for ((i = 1; i <= N; i++)); do
		printf '%s\n' "addr add $(host_ip6 "$i")/64 dev eth0 nodad" \
			"route add default via 2001:db8:100::254" | ip -n "$P-h$i" -batch - &
		jobs+=($!)
	done
	nsx "$P-rtr" sysctl -qw net.ipv6.conf.all.forwarding=1 &
	jobs+=($!)
	for j in "${jobs[@]}"; do wait "$j" || failed=1; done
	((failed == 0)) || die "configuring IPv6 failed"
}

# lab_ipv6_ready NS...: wait (30 s at most) until IPv6 is usable in every
# namespace: no address still tentative (the link-local addresses the
# kernel makes when a link comes up go through duplicate address detection,
# a second or two: it refuses them as sources meanwhile) and each address's
# solicited-node group joined (the kernel joins it from its addrconf work
# queue, which other namespaces' set-up and teardown can hold back for
# seconds; until then solicitations for the address go unanswered). A lab
# swept before that finds no IPv6 neighbours.
lab_ipv6_ready() {
	local k ns addr grp left=("$@") busy
	for ((k = 0; k < 600 && ${#left[@]}; k++)); do
		((k)) && sleep 0.05
		busy=()
		for ns in "${left[@]}"; do
			if [[ -n $(ip -n "$ns" -6 -o addr show tentative) ]]; then
				busy+=("$ns")
				continue
			fi
			# Groups ff02::1:ffXX:XXXX of the low 24 bits of each address.
			while read -r addr; do
				grp=$(solicited_node "$addr")
				if ! ip -n "$ns" -6 maddr show | grep -qw "$grp"; then
					busy+=("$ns")
					break
				fi
			done < <(ip -n "$ns" -6 -o addr show scope global | awk '{ sub(/\/.*/, "", $4); print $4 }')
		done
		left=("${busy[@]}")
	done
	((${#left[@]} == 0)) || die "IPv6 in ${left[*]} still not ready (tentative addresses or groups not joined) after 30 s"
}

# solicited_node ADDR: the solicited-node multicast group of an IPv6
# address as ip prints it (the lab's addresses end in one group: ::N).
solicited_node() {
	local last=${1##*:} lo hi
	last=$(printf '%06x' $((16#${last:-0} & 0xffffff)))
	hi=$((16#${last:0:2})) lo=$((16#${last:2:4}))
	printf 'ff02::1:ff%02x:%x\n' "$hi" "$lo"
}

# lab_role start|stop hN ROLE[:ARG]: start or stop one role on a running lab.
lab_role() {
	local what=${1:-} item=${2:-} roles ns role arg
	[[ $what == start || $what == stop ]] && [[ -n $item ]] || usage
	[[ -r $STATE/lab.env ]] || die "lab $P is not up"
	N=$(sed -n 's/^hosts=//p' "$STATE/lab.env")
	ROLES_SPEC=${item/ /=} ROLES_FILE=
	roles=$(role_lines) || exit 2
	read -r ns role arg <<<"$roles"
	if [[ $what == start ]]; then
		check_needs "$roles"
		start_roles "$roles" || die "role $role on $ns failed"
	else
		run_role stop "$ns" "$role" "$arg"
		awk -F'\t' -v ns="$ns" -v role="$role" '!($1 == ns && $2 == role)' "$STATE/roles.tsv" >"$STATE/roles.tsv.new"
		mv "$STATE/roles.tsv.new" "$STATE/roles.tsv"
	fi
}

lab_status() {
	local nss ns
	mapfile -t nss < <(lab_namespaces | sort -V)
	if ((${#nss[@]} == 0)); then
		echo "lab $P: down"
		return 3
	fi
	echo "lab $P: ${#nss[@]} namespaces, state $STATE"
	for ns in "${nss[@]}"; do
		ip -n "$ns" -br -4 addr show | awk -v ns="$ns" '$1 != "lo" { sub(/@.*/, "", $1); printf "  %-12s %-8s %s\n", ns, $1, $3 }'
	done
	if [[ -s $STATE/roles.tsv ]]; then
		echo "roles:"
		while IFS=$'\t' read -r ns role arg pid; do
			local st=dead
			[[ $pid != - ]] && running "$pid" && st=running
			printf '  %-12s %-10s pid %-8s %-8s %s\n' "$ns" "$role" "$pid" "$st" "$arg"
		done <"$STATE/roles.tsv"
	fi
}

# One lab operation at a time per prefix.
mkdir -p "$STATE_ROOT"
exec 9>"$STATE_ROOT/$P.lock"
flock -w 60 9 || die "lab $P is busy (lock $STATE_ROOT/$P.lock)"

case $cmd in
up) lab_up ;;
down)
	lab_down
	rm -f "$STATE_ROOT/$P.lock"
	;;
status) lab_status ;;
role) lab_role "${ROLE_ARGS[@]}" ;;
*) usage ;;
esac
