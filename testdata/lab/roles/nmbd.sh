# Role nmbd: Samba's NetBIOS name server on IP, answering node status
# queries (UDP 137) as NetBIOS name ARG (default: the host's namespace name
# without the prefix, upper-cased) in workgroup NCLAB. Its state, locks and
# logs live in the role's directory; /etc/samba is never read.
# Sourced by lab.sh with LAB_PREFIX, LAB_STATE, ROLE_DIR set.

role_needs() { echo nmbd nsenter ss setsid; }

role_start() {
	local ns=$1 ip=$2 name=${3:-}
	[[ -n $name ]] || name=$(echo "${ns#"$LAB_PREFIX"-}" | tr '[:lower:]' '[:upper:]')
	local d=$ROLE_DIR
	mkdir -p "$d/state" "$d/cache" "$d/lock" "$d/pid.d" "$d/private" "$d/log"
	cat >"$d/smb.conf" <<CONF
[global]
	netbios name = $name
	workgroup = NCLAB
	interfaces = $ip/24
	bind interfaces only = yes
	disable netbios = no
	state directory = $d/state
	cache directory = $d/cache
	lock directory = $d/lock
	pid directory = $d/pid.d
	private dir = $d/private
	log file = $d/log/nmbd.log
	server role = standalone server
	local master = no
	domain master = no
	preferred master = no
	wins support = no
CONF
	setsid nsenter --net="/run/netns/$ns" -- \
		nmbd --foreground --no-process-group --configfile="$d/smb.conf" \
		</dev/null >"$d/nmbd.out" 2>&1 &
	local pid=$!
	echo "$pid" >"$d/pid"
	local i
	for ((i = 0; i < 600; i++)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "nmbd role: nmbd on $ns exited:" >&2
			cat "$d/nmbd.out" "$d/log/nmbd.log" >&2 2>/dev/null
			return 1
		fi
		if [[ -n $(nsenter --net="/run/netns/$ns" -- ss -Hlun "sport = :137") ]]; then
			return 0
		fi
		sleep 0.05
	done
	echo "nmbd role: nmbd on $ns not listening on $ip:137 after 30 s" >&2
	return 1
}

role_stop() {
	local pid i
	pid=$(cat "$ROLE_DIR/pid" 2>/dev/null) || return 0
	kill -TERM "$pid" 2>/dev/null || return 0
	for ((i = 0; i < 40; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.05
	done
	kill -KILL "$pid" 2>/dev/null || true
}
