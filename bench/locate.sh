#!/usr/bin/env bash
# bench/locate.sh: what switch-port location adds to a sweep. A simulated
# campus of 20 access switches x 48 access ports (960 hosts, each switch
# seeing every other switch's hosts behind its LLDP uplink; half Cisco-style
# with a BRIDGE-MIB per VLAN context, half Q-BRIDGE) is collected over SNMP
# on loopback with and without forwarding tables, and every host located.
# The bar: it adds at most 2 s.
#
#   bench/locate.sh [SWITCHES] [PORTS] [RUNS]
#
# Needs: go. Prints the load average it ran under.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v go >/dev/null || { echo "bench/locate.sh: needs go" >&2; exit 1; }
echo "load: $(uptime | sed 's/.*load average: //') ($(nproc) CPUs)"
go run ./bench/locate -switches "${1:-20}" -ports "${2:-48}" -runs "${3:-5}"
echo "load: $(uptime | sed 's/.*load average: //')"
