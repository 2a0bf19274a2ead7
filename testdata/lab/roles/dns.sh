# Role dns: dnsmasq answering on IP:53 with a PTR record for every lab host
# (hN.ARG, ARG default lab.example.net; the router is rtr.ARG), nothing
# else: no upstream, no /etc/hosts, no DHCP. The scanner namespace gets an
# /etc/netns resolv.conf naming it, so `ip netns exec $P-scan` programs use
# it as their system resolver.
# Sourced by lab.sh with LAB_PREFIX, LAB_STATE, ROLE_DIR set.

role_needs() { echo dnsmasq nsenter ss setsid; }

role_start() {
	local ns=$1 ip=$2 domain=${3:-lab.example.net}
	local args=() hns hip _mac
	while read -r hns hip _mac; do
		[[ $hns == \#* || -z $hns ]] && continue
		args+=("--ptr-record=$(rev_name "$hip"),${hns#"$LAB_PREFIX"-}.$domain")
	done <"$LAB_STATE/hosts.tsv"
	args+=("--ptr-record=$(rev_name 198.51.100.254),rtr.$domain")
	setsid nsenter --net="/run/netns/$ns" -- \
		dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts \
		--user=root --group=root --pid-file="$ROLE_DIR/dnsmasq.pid" \
		--listen-address="$ip" --bind-interfaces --port=53 --log-facility=- \
		"${args[@]}" </dev/null >"$ROLE_DIR/dnsmasq.log" 2>&1 &
	local pid=$!
	echo "$pid" >"$ROLE_DIR/pid"
	mkdir -p "/etc/netns/$LAB_PREFIX-scan"
	echo "nameserver $ip" >"/etc/netns/$LAB_PREFIX-scan/resolv.conf"
	role_wait_udp dns "$ns" "$pid" 53 "$ROLE_DIR/dnsmasq.log"
}

# rev_name 198.51.100.11 -> 11.100.51.198.in-addr.arpa
rev_name() {
	local a b c d
	IFS=. read -r a b c d <<<"$1"
	echo "$d.$c.$b.$a.in-addr.arpa"
}

role_stop() {
	rm -f "/etc/netns/$LAB_PREFIX-scan/resolv.conf"
	rmdir "/etc/netns/$LAB_PREFIX-scan" 2>/dev/null || true
	role_stop_pid
}
