# Role mdns-hostile: a misbehaving mDNS responder (scanner/mdns/internal/
# hostile) multicasting out of eth0 until stopped: huge TXT records,
# compression loops, thousands of records, malformed and oversize packets,
# floods of instances and of service types, a few honest answers among
# them. ARG: the path of the built hostile binary (tests build it with
# labtest.BuildBinary), optionally followed by "@RATE" (packets/s, default
# 2000). It sends for at most 10 minutes and 2,000,000 packets.
# Sourced by lab.sh with LAB_PREFIX, LAB_STATE, ROLE_DIR set.

role_needs() { echo nsenter setsid; }

role_start() {
	local ns=$1 ip=$2 arg=$3
	local bin=${arg%@*} pps=2000
	[[ $arg == *@* ]] && pps=${arg##*@}
	[[ -x $bin ]] || { echo "mdns-hostile role: ARG must name the built hostile binary, got '$arg'" >&2; return 1; }
	[[ $pps =~ ^[0-9]+$ ]] || { echo "mdns-hostile role: rate $pps: want a number" >&2; return 1; }
	setsid nsenter --net="/run/netns/$ns" -- "$bin" -i eth0 -ip "$ip" -duration 10m -rate "$pps" -max-packets 2000000 \
		</dev/null >"$ROLE_DIR/hostile.log" 2>&1 &
	local pid=$!
	echo "$pid" >"$ROLE_DIR/pid"
	# Ready once it has a socket open and is still running.
	local i
	for ((i = 0; i < 100; i++)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "mdns-hostile role: exited:" >&2
			cat "$ROLE_DIR/hostile.log" >&2
			return 1
		fi
		if [[ -n $(nsenter --net="/run/netns/$ns" -- ss -Hu state unconnected 2>/dev/null) ]]; then
			return 0
		fi
		sleep 0.05
	done
	echo "mdns-hostile role: no socket after 5 s" >&2
	return 1
}

# role_stop: lab.sh's default (role_stop_pid).
