# Role avahi: avahi-daemon publishing the services of one fixture set,
# testdata/lab/avahi/<ARG>/*.service (ARG defaults to "multi"): printer,
# apple, cast, workstation, multi (five services for the mDNS bar).
#
# Each daemon runs in the host's network namespace and its own mount
# namespace, where a tmpfs covers /run/avahi-daemon (its pid file and
# socket) and the fixture directory is bind-mounted over
# /etc/avahi/services: nothing of the machine's own avahi is touched.
# D-Bus is off, IPv4 only (role avahi6: IPv6 only), eth0 only. The host name is <ARG>-h<I>; a fixture
# dir holding a file "publish-workstation" also publishes _workstation._tcp.
# Sourced by lab.sh with LAB_PREFIX, LAB_STATE, LAB_DIR, ROLE_DIR set.

role_needs() { echo avahi-daemon nsenter unshare mount setsid; }

role_start() {
	local ns=$1 ip=$2 set=${3:-multi}
	local fixtures=$LAB_DIR/avahi/$set
	[[ -d $fixtures ]] || { echo "avahi role: no fixture set $fixtures" >&2; return 1; }
	[[ -d /etc/avahi/services ]] || { echo "avahi role: /etc/avahi/services missing (avahi-daemon package)" >&2; return 1; }
	local wanted
	wanted=$(find "$fixtures" -name '*.service' | wc -l)
	local workstation=no
	[[ -e $fixtures/publish-workstation ]] && workstation=yes
	cat >"$ROLE_DIR/avahi-daemon.conf" <<CONF
# netcensus lab: $ns ($ip), fixture set $set
[server]
host-name=$set-h${ns##*-h}
domain-name=local
use-ipv4=${AVAHI_USE_IPV4:-yes}
use-ipv6=${AVAHI_USE_IPV6:-no}
allow-interfaces=eth0
enable-dbus=no
ratelimit-interval-usec=1000000
ratelimit-burst=1000

[wide-area]
enable-wide-area=no

[publish]
publish-addresses=yes
publish-hinfo=yes
publish-workstation=$workstation
publish-domain=no

[reflector]
enable-reflector=no

[rlimits]
CONF
	# The daemon's mount namespace: a private /run/avahi-daemon and the
	# fixtures as /etc/avahi/services.
	setsid nsenter --net="/run/netns/$ns" -- unshare --mount --propagation private -- \
		sh -c 'mount -t tmpfs -o size=1m tmpfs /run/avahi-daemon 2>/dev/null || { mkdir -p /run/avahi-daemon && mount -t tmpfs -o size=1m tmpfs /run/avahi-daemon; } &&
			mount --bind "$1" /etc/avahi/services &&
			exec avahi-daemon --no-drop-root --no-chroot --no-proc-title --no-rlimits -f "$2"' \
		avahi-role "$fixtures" "$ROLE_DIR/avahi-daemon.conf" \
		</dev/null >"$ROLE_DIR/avahi.log" 2>&1 &
	local pid=$!
	echo "$pid" >"$ROLE_DIR/pid"
	# Ready when every service is established (at most 10 s: avahi probes
	# its names before announcing them).
	local i n
	for ((i = 0; i < 200; i++)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "avahi role: avahi-daemon on $ns exited:" >&2
			cat "$ROLE_DIR/avahi.log" >&2
			return 1
		fi
		n=$(grep -c 'successfully established' "$ROLE_DIR/avahi.log" 2>/dev/null || true)
		if grep -q 'Server startup complete' "$ROLE_DIR/avahi.log" 2>/dev/null && ((n >= wanted)); then
			return 0
		fi
		sleep 0.05
	done
	echo "avahi role: avahi-daemon on $ns: $n of $wanted services established after 10 s" >&2
	cat "$ROLE_DIR/avahi.log" >&2
	return 1
}

# role_stop: lab.sh's default (role_stop_pid).
