package scanner

import (
	"bytes"
	"errors"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/record"
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
	rep.Names = NamesStats{Asked: 3, DNS: 2, Refused: 2, DNSSilent: 1}
	rep.WriteSummary(&b)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 2 || lines[0] != "names: asked=3 dns=2 netbios=0 llmnr=0 refused=2 servers_given_up=1" ||
		lines[1] != "summary: probed=256 found=3 sent=300 skipped=1 snmp_probed=4 snmp_answered=3 snmp_collected=2 snmp_partial=1 (max_rows=2 target_timeout=1) snmp_failed=1 router_arp=5 router_nd=2 duration=1.235s (interrupted: partial)" {
		t.Errorf("with SNMP and names:\n%s", b.String())
	}
}

// hostSink records the hosts written; it fails from write failAt on
// (0: never).
type hostSink struct {
	ips    []string
	failAt int
	closed bool
}

func (s *hostSink) Write(h *record.Asset) error {
	if s.failAt > 0 && len(s.ips)+1 >= s.failAt {
		return errors.New("broken pipe")
	}
	s.ips = append(s.ips, h.IP.String())
	return nil
}

func (s *hostSink) Close() error { s.closed = true; return nil }

func TestWriteHosts(t *testing.T) {
	mac, _ := record.ParseMAC("02:00:00:00:00:01")
	newRep := func() *Report {
		rep := &Report{Skipped: []Skip{{Target: "203.0.113.0/24", Reason: "not on an attached link"}},
			SharedMACs: []SharedMAC{{MAC: mac, Count: 2}}}
		rep.Add(&record.Asset{IP: netip.MustParseAddr("192.0.2.9"), Anomalies: []record.Anomaly{{Kind: record.AnomalyIPConflict, Detail: "two MACs"}}})
		rep.Add(&record.Asset{IP: netip.MustParseAddr("192.0.2.7"), Anomalies: []record.Anomaly{{Kind: record.AnomalySharedMAC, Detail: "x"}}})
		return rep
	}
	want := "skipped 203.0.113.0/24: not on an attached link\n" +
		"anomaly: 02:00:00:00:00:01 answers for 2 addresses (proxy ARP, virtual router or secondary addresses)\n" +
		"anomaly: 192.0.2.9 ip_conflict: two MACs\n"
	for _, tc := range []struct {
		name    string
		failAt  int
		written []string
		err     bool
	}{
		{"all written", 0, []string{"192.0.2.7", "192.0.2.9"}, false},
		// A broken output stops the records, not the anomalies.
		{"output fails", 2, []string{"192.0.2.7"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			out := &hostSink{failAt: tc.failAt}
			err := newRep().WriteHosts(out, &b)
			if (err != nil) != tc.err || !slices.Equal(out.ips, tc.written) || !out.closed || b.String() != want {
				t.Errorf("err %v, written %v (closed %v), stderr:\n%s\nwant:\n%s", err, out.ips, out.closed, b.String(), want)
			}
		})
	}
}
