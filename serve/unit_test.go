package serve

import (
	"os"
	"strings"
	"testing"
)

// The systemd unit runs serve unprivileged with raw sockets only, its
// state in StateDirectory, hardened.
func TestSystemdUnit(t *testing.T) {
	b, err := os.ReadFile("../packaging/netcensus.service")
	if err != nil {
		t.Fatal(err)
	}
	unit := string(b)
	for _, want := range []string{"User=netcensus", "AmbientCapabilities=CAP_NET_RAW", "CapabilityBoundingSet=CAP_NET_RAW",
		"StateDirectory=netcensus", "ProtectSystem=strict", "ProtectHome=yes", "NoNewPrivileges=yes", "PrivateTmp=yes",
		"ExecReload=/bin/kill -HUP $MAINPID"} {
		if !strings.Contains(unit, "\n"+want) {
			t.Errorf("unit lacks %q", want)
		}
	}
	if !strings.Contains(unit, "\nExecStartPre=/usr/bin/netcensus serve") || !strings.Contains(unit, " --check\n") || strings.Contains(unit, "\nUser=root") {
		t.Error("unit runs as root or starts without serve --check")
	}
}
