# Role snmpd: net-snmp's snmpd serving the full MIB tree on IP:161.
#
# v1/v2c: community "public" (from 198.51.100.0/24 only).
# v3 (all passwords netcensus-lab-pass):
#   u-sha256-aes256  SHA-256 / AES-256  authPriv
#   u-sha-aes        SHA / AES          authPriv
#   u-md5-des        MD5 / DES          authPriv
#   u-sha512-none    SHA-512            authNoPriv
#   u-noauth                            noAuthNoPriv
# Each host's engine ID is text naming the host, so two hosts' differ by
# construction (snmpd's default ID has a random part; once in CI two
# hosts reported the same one).
# ARG: unused. Sourced by lab.sh with LAB_PREFIX, LAB_STATE, ROLE_DIR set.

snmpd_pass=netcensus-lab-pass

role_needs() { echo snmpd nsenter ss setsid; }

role_start() {
	local ns=$1 ip=$2
	local conf=$ROLE_DIR/conf persist=$ROLE_DIR/persist
	rm -rf "$conf" "$persist"
	mkdir -p "$conf" "$persist"
	cat >"$conf/snmpd.conf" <<CONF
# netcensus lab: $ns ($ip)
view all included .1
rocommunity public 198.51.100.0/24 -V all
rouser u-sha256-aes256 priv -V all
rouser u-sha-aes priv -V all
rouser u-md5-des priv -V all
rouser u-sha512-none auth -V all
rouser u-noauth noauth -V all
sysLocation netcensus lab, segment 198.51.100.0/24
sysContact lab@example.net
sysName $ns
engineID netcensus-lab-$ns
CONF
	# createUser lines belong in the persistent file: snmpd turns them into
	# usmUser lines (localized keys) when it saves its state.
	cat >"$persist/snmpd.conf" <<CONF
createUser u-sha256-aes256 SHA-256 $snmpd_pass AES-256 $snmpd_pass
createUser u-sha-aes SHA $snmpd_pass AES $snmpd_pass
createUser u-md5-des MD5 $snmpd_pass DES $snmpd_pass
createUser u-sha512-none SHA-512 $snmpd_pass
createUser u-noauth
CONF
	# -C would skip the persistent file too, so SNMPCONFPATH names exactly
	# the two directories to read (never /etc/snmp).
	SNMPCONFPATH=$conf:$persist MIBS= setsid nsenter --net="/run/netns/$ns" -- \
		snmpd -f -Lo --persistentDir="$persist" -p "$ROLE_DIR/snmpd.pid" "udp:$ip:161" \
		</dev/null >"$ROLE_DIR/snmpd.log" 2>&1 &
	local pid=$!
	echo "$pid" >"$ROLE_DIR/pid"
	role_wait_udp snmpd "$ns" "$pid" 161 "$ROLE_DIR/snmpd.log"
}

# role_stop: lab.sh's default (role_stop_pid).
