# Role llmnr: systemd-resolved answering LLMNR (UDP and TCP 5355) as host
# name ARG (default: the host's namespace name without the prefix, e.g.
# "h3"), IPv4 only.
#
# Debian's systemd-resolved package makes itself the machine's resolver
# when installed (its postinst points /etc/resolv.conf at its stub), so
# .ci/run unpacks the package (dpkg -x, the version of the machine's
# libsystemd-shared) into /var/lib/netcensus-lab/systemd-resolved instead;
# NETCENSUS_RESOLVED names another binary, and an installed
# /lib/systemd/systemd-resolved serves too. The daemon runs in the host's
# network namespace and in its own UTS namespace (its host name is the
# LLMNR name) and mount namespace: a tmpfs over /run/systemd holds its
# runtime files and a drop-in (LLMNR on; mDNS, DNSSEC and the stub listener
# off), an empty file covers /etc/resolv.conf (no upstream servers), and
# it runs as nobody. Without D-Bus it waits for the bus and answers LLMNR
# meanwhile. Sourced by lab.sh with LAB_PREFIX, LAB_STATE, ROLE_DIR set.

resolved_bin() {
	local b
	for b in "${NETCENSUS_RESOLVED:-}" /var/lib/netcensus-lab/systemd-resolved/lib/systemd/systemd-resolved /lib/systemd/systemd-resolved; do
		[[ -n $b && -x $b ]] && { echo "$b"; return; }
	done
	echo /var/lib/netcensus-lab/systemd-resolved/lib/systemd/systemd-resolved
}

role_needs() { echo nsenter unshare mount setsid setpriv "$(resolved_bin)"; }

role_start() {
	local ns=$1 ip=$2 name=${3:-}
	[[ -n $name ]] || name=${ns#"$LAB_PREFIX"-}
	setsid nsenter --net="/run/netns/$ns" -- unshare --uts --mount --propagation private -- \
		sh -c 'set -e
			hostname "$1"
			mkdir -p /run/systemd
			mount -t tmpfs -o size=1m tmpfs /run/systemd
			mkdir -p /run/systemd/resolve /run/systemd/resolved.conf.d
			printf "[Resolve]\nLLMNR=yes\nMulticastDNS=no\nDNSSEC=no\nDNSStubListener=no\n" >/run/systemd/resolved.conf.d/netcensus-lab.conf
			: >/run/systemd/netcensus-lab-resolv.conf
			# (A symlink, e.g. into /run/systemd/resolve, now points at nothing.)
			[ -L /etc/resolv.conf ] || mount --bind /run/systemd/netcensus-lab-resolv.conf /etc/resolv.conf
			chown nobody:nogroup /run/systemd/resolve
			exec setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=+setpcap --ambient-caps=+setpcap \
				env SYSTEMD_LOG_LEVEL=debug SYSTEMD_LOG_TARGET=console "$2"' \
		llmnr-role "$name" "$(resolved_bin)" \
		</dev/null >"$ROLE_DIR/resolved.log" 2>&1 &
	local pid=$!
	echo "$pid" >"$ROLE_DIR/pid"
	# Ready when its name for the address is probed (LLMNR's uniqueness
	# check, about a second): before that it answers nothing.
	local i
	for ((i = 0; i < 600; i++)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "llmnr role: systemd-resolved on $ns exited:" >&2
			cat "$ROLE_DIR/resolved.log" >&2
			return 1
		fi
		grep -q "IN A $ip successfully probed" "$ROLE_DIR/resolved.log" 2>/dev/null && return 0
		sleep 0.05
	done
	echo "llmnr role: systemd-resolved on $ns: $name IN A $ip not probed after 30 s" >&2
	cat "$ROLE_DIR/resolved.log" >&2
	return 1
}

# role_stop: lab.sh's default (role_stop_pid).
