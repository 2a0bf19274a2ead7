# Role snmpd-hostile: net-snmp's snmpd on IP:161 (v2c community "public",
# from 198.51.100.0/24 only) whose system group carries markup and quote
# characters, as a hostile or careless device reports them: sysName
#   <script>alert("sysName")</script>lab'host"
# sysContact
#   Eve "ops" <eve@example.net><script>alert('contact')</script>
# sysLocation
#   rack <b>7</b> & "cage" 'B'
# A UI must show them as text. ARG: unused.

role_needs() { echo snmpd nsenter ss setsid; }

role_start() {
	local ns=$1 ip=$2
	local conf=$ROLE_DIR/conf persist=$ROLE_DIR/persist
	rm -rf "$conf" "$persist"
	mkdir -p "$conf" "$persist"
	cat >"$conf/snmpd.conf" <<'CONF'
view all included .1
rocommunity public 198.51.100.0/24 -V all
sysName <script>alert("sysName")</script>lab'host"
sysContact Eve "ops" <eve@example.net><script>alert('contact')</script>
sysLocation rack <b>7</b> & "cage" 'B'
CONF
	SNMPCONFPATH=$conf:$persist MIBS= setsid nsenter --net="/run/netns/$ns" -- \
		snmpd -f -Lo --persistentDir="$persist" -p "$ROLE_DIR/snmpd.pid" "udp:$ip:161" \
		</dev/null >"$ROLE_DIR/snmpd.log" 2>&1 &
	local pid=$!
	echo "$pid" >"$ROLE_DIR/pid"
	role_wait_udp snmpd "$ns" "$pid" 161 "$ROLE_DIR/snmpd.log"
}

# role_stop: lab.sh's default (role_stop_pid).
