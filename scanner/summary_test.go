package scanner

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestWriteSummary(t *testing.T) {
	var b bytes.Buffer
	rep := &Report{Probed: 256, Found: 3, Sent: 300, Skipped: []Skip{{Target: "203.0.113.0/24"}}, Duration: 1234567 * time.Microsecond}
	rep.WriteSummary(&b)
	if got := b.String(); got != "summary: probed=256 found=3 sent=300 skipped=1 duration=1.235s\n" {
		t.Errorf("ARP only: %q", got)
	}
	b.Reset()
	rep.Partial = true
	rep.SNMP = SNMPStats{Probed: 4, Responders: 3, Collected: 2, Partial: 1, Failed: 1, RouterARP: 5, RouterND: 2, Reasons: map[string]int{"target_timeout": 1, "max_rows": 2}}
	rep.Names = NamesStats{Asked: 3, DNS: 2}
	rep.WriteSummary(&b)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 2 || lines[0] != "names: asked=3 dns=2 netbios=0 llmnr=0" ||
		lines[1] != "summary: probed=256 found=3 sent=300 skipped=1 snmp_probed=4 snmp_answered=3 snmp_collected=2 snmp_partial=1 (max_rows=2 target_timeout=1) snmp_failed=1 router_arp=5 router_nd=2 duration=1.235s (interrupted: partial)" {
		t.Errorf("with SNMP and names:\n%s", b.String())
	}
}
