package snmp

import (
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/record"
)

func TestProbe(t *testing.T) {
	ap := netip.MustParseAddrPort
	a, b, c, d := ap("192.0.2.1:161"), ap("192.0.2.2:161"), ap("192.0.2.3:1161"), ap("192.0.2.4:161")
	tgts := []Target{{Addr: a}, {Addr: b}, {Addr: c}, {Addr: d}}
	walk := snmprec.NewWalk([]snmprec.Record{{OID: "1.3.6.1.2.1.1.5.0", Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte("sw-1")}}})
	results := func() <-chan Result {
		ch := make(chan Result, 4)
		// Arrival order: d, c, b, a.
		ch <- Result{Target: d, Answered: true, Walk: walk, Err: errors.New("target timeout"), Asset: record.Asset{SysName: "d"}}
		ch <- Result{Target: c, Answered: true, Walk: walk, Asset: record.Asset{SysName: "c",
			Collection: &record.Collection{Status: record.CollectionPartial, Reasons: []record.CollectionReason{{Reason: "max_rows", OID: "1.3.6.1.2.1.2.2"}, {Reason: "target_timeout"}}}}}
		ch <- Result{Target: b, Err: errors.New("no answer")}
		ch <- Result{Target: a, Answered: true, Walk: walk, Asset: record.Asset{SysName: "a"}}
		close(ch)
		return ch
	}
	for _, tc := range []struct {
		name    string
		failAt  int // the write that fails (0: none)
		record  bool
		written string
		lines   []string // lines the log must hold
	}{
		{name: "in the order given", written: "a c d", lines: []string{
			"probe 192.0.2.2:161: no answer",
			"probe 192.0.2.3:1161: partial (max_rows 1.3.6.1.2.1.2.2, target_timeout)",
			"probe 192.0.2.4:161: partial: target timeout",
		}},
		{name: "recorded", record: true, written: "a c d", lines: []string{
			"probe 192.0.2.1:161: 1 records written to ",
			"probe 192.0.2.3:1161: 1 records written to ",
		}},
		{name: "a failing output stops the records", failAt: 2, written: "a", lines: []string{"probe 192.0.2.4:161: partial: target timeout"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var log strings.Builder
			o := ProbeOptions{Log: &log}
			if tc.record {
				o.Record = t.TempDir()
			}
			var written []string
			write := func(as *record.Asset) error {
				if tc.failAt > 0 && len(written)+1 >= tc.failAt {
					return errors.New("broken pipe")
				}
				written = append(written, as.SysName)
				return nil
			}
			st, err := Probe(tgts, results(), write, o)
			if (err != nil) != (tc.failAt > 0) || strings.Join(written, " ") != tc.written {
				t.Errorf("written %v, err %v", written, err)
			}
			if st.Probed != 4 || st.Answered != 3 || st.Partial != 1 || st.RecordErr != nil {
				t.Errorf("stats %+v", st)
			}
			for _, l := range tc.lines {
				if !strings.Contains(log.String(), l) {
					t.Errorf("log lacks %q:\n%s", l, log.String())
				}
			}
			if tc.record {
				if _, err := os.Stat(filepath.Join(o.Record, "192.0.2.3_1161.snmprec")); err != nil {
					t.Error(err)
				}
			}
		})
	}
	// A recording that cannot be written is counted, not fatal.
	var log strings.Builder
	st, err := Probe(tgts, results(), func(*record.Asset) error { return nil }, ProbeOptions{Record: filepath.Join(t.TempDir(), "none"), Log: &log})
	if err != nil || st.RecordErr == nil || st.Answered != 3 || !strings.Contains(log.String(), "record: ") {
		t.Errorf("an unwritable recording: %+v, %v\n%s", st, err, log.String())
	}
	var sum strings.Builder
	st.WriteSummary(&sum)
	if sum.String() != "summary: probed=4 answered=3 partial=1 failed=1\n" {
		t.Errorf("summary %q", sum.String())
	}
}

// A probe's hosts become targets in the order given, at the default port
// where a host names none, each trying every set; a bad host is refused
// (a bad port and a CIDR: refused before any name lookup, so the test asks
// no resolver).
func TestProbeTargets(t *testing.T) {
	got, err := ProbeTargets(t.Context(), []string{"192.0.2.1", "192.0.2.2:1161", "[2001:db8::1]:162", "2001:db8::2"}, 161)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"192.0.2.1:161", "192.0.2.2:1161", "[2001:db8::1]:162", "[2001:db8::2]:161"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, tg := range got {
		if tg.Addr.String() != want[i] || tg.Credential != -1 {
			t.Errorf("target %d: %+v, want %s trying every set", i, tg, want[i])
		}
	}
	for _, bad := range []string{"192.0.2.7:99999", "192.0.2.0/24"} {
		if _, err := ProbeTargets(t.Context(), []string{"192.0.2.1", bad}, 161); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("bad host %s: %v", bad, err)
		}
	}
}
