# Role switch: the lab's switch answers SNMP. The bridge br0 of namespace
# P-sw gets a management address (ARG, default 198.51.100.250) and net-snmp's
# snmpd runs there with community "public" (from 198.51.100.0/24): its IF-MIB
# names the bridge's ports (h1, h2... scan, rtr0), and BRIDGE-MIB's
# dot1dBasePortIfIndex and dot1dTpFdbTable come from the bridge's forwarding
# table (`bridge fdb`) through the pass_persist script roles/bridge-mib.pl.
# The role hangs on a host slot (hN=switch) only because roles do; host hN
# itself is untouched. Sourced by lab.sh with LAB_PREFIX, LAB_DIR, ROLE_DIR.

role_needs() { echo snmpd nsenter ss setsid bridge perl; }

switch_ip() { echo "${1:-198.51.100.250}"; }

role_start() {
	local ip sw=$LAB_PREFIX-sw conf=$ROLE_DIR/conf persist=$ROLE_DIR/persist
	ip=$(switch_ip "$3")
	rm -rf "$conf" "$persist"
	mkdir -p "$conf" "$persist"
	echo "$ip" >"$ROLE_DIR/ip"
	ip -n "$sw" addr replace "$ip/24" dev br0
	cat >"$conf/snmpd.conf" <<CONF
# netcensus lab: switch $sw ($ip)
view all included .1
rocommunity public 198.51.100.0/24 -V all
sysLocation netcensus lab, switch of segment 198.51.100.0/24
sysContact lab@example.net
sysName $sw
pass_persist .1.3.6.1.2.1.17 /usr/bin/perl $LAB_DIR/roles/bridge-mib.pl br0
CONF
	SNMPCONFPATH=$conf:$persist MIBS= setsid nsenter --net="/run/netns/$sw" -- \
		snmpd -f -Lo --persistentDir="$persist" -p "$ROLE_DIR/snmpd.pid" "udp:$ip:161" \
		</dev/null >"$ROLE_DIR/snmpd.log" 2>&1 &
	local pid=$!
	echo "$pid" >"$ROLE_DIR/pid"
	role_wait_udp switch "$sw" "$pid" 161 "$ROLE_DIR/snmpd.log"
}

role_stop() {
	role_stop_pid
	local ip
	ip=$(cat "$ROLE_DIR/ip" 2>/dev/null) || return 0
	ip -n "$LAB_PREFIX-sw" addr del "$ip/24" dev br0 2>/dev/null || true
}
