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
	role_wait_udp nmbd "$ns" "$pid" 137 "$d/nmbd.out" "$d/log/nmbd.log"
}

# role_stop: lab.sh's default (role_stop_pid).
