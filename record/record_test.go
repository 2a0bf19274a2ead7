package record

import (
	"encoding/json"
	"net/netip"
	"strings"
	"testing"
	"time"
)

func TestMerge(t *testing.T) {
	t0 := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	mac, _ := ParseMAC("00:1b:54:00:00:01")
	a := Asset{IP: netip.MustParseAddr("198.51.100.1"), MAC: mac, MACVendor: "Cisco Systems, Inc",
		Sources: []Source{SourceARP}, FirstSeen: t0, LastSeen: t0,
		Anomalies: []Anomaly{{Kind: AnomalySharedMAC, Detail: "x"}}}
	b := Asset{IP: netip.MustParseAddr("198.51.100.1"), SysName: "core1", Vendor: "Cisco", MACVendor: "other",
		Sources: []Source{SourceSNMP, SourceARP}, FirstSeen: t0.Add(-time.Hour), LastSeen: t0.Add(time.Minute),
		Anomalies: []Anomaly{{Kind: AnomalySharedMAC, Detail: "x"}}, Interfaces: []Interface{{Index: 1}},
		Evidence: map[string]Evidence{"vendor": {Rule: "r", Source: SourceSNMP}}}
	a.Merge(&b)
	if a.SysName != "core1" || a.Vendor != "Cisco" || a.MACVendor != "Cisco Systems, Inc" {
		t.Errorf("scalars: %+v", a)
	}
	if len(a.Sources) != 2 || a.Sources[0] != SourceARP || a.Sources[1] != SourceSNMP {
		t.Errorf("sources = %v", a.Sources)
	}
	if len(a.Anomalies) != 1 || len(a.Interfaces) != 1 || a.Evidence["vendor"].Rule != "r" {
		t.Errorf("lists: %+v", a)
	}
	if !a.FirstSeen.Equal(t0.Add(-time.Hour)) || !a.LastSeen.Equal(t0.Add(time.Minute)) {
		t.Errorf("times %v %v", a.FirstSeen, a.LastSeen)
	}
}

func TestJSONOmitsUnknown(t *testing.T) {
	b, err := json.Marshal(Asset{IP: netip.MustParseAddr("198.51.100.1")})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"ip":"198.51.100.1"}` {
		t.Errorf("got %s", b)
	}
	mac, _ := ParseMAC("00:1B:54:00:00:01")
	b, _ = json.Marshal(Asset{MAC: mac})
	if !strings.Contains(string(b), `"mac":"00:1b:54:00:00:01"`) {
		t.Errorf("mac as %s", b)
	}
	var back Asset
	if err := json.Unmarshal(b, &back); err != nil || back.MAC.String() != "00:1b:54:00:00:01" {
		t.Errorf("round trip: %v %v", err, back.MAC)
	}
}

func TestSanitize(t *testing.T) {
	for in, want := range map[string]string{
		"plain":           "plain",
		"a\x1b[2Jb":       "a[2Jb",
		"tab\there":       "tab here",
		"bell\x07":        "bell",
		"c1\u009bcontrol": "c1control",
		"bad\xff":         "bad\uFFFD",
		"ünïcode ok":      "ünïcode ok",
		"line1\r\nline2":  "line1  line2",
	} {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMACFlags(t *testing.T) {
	m, _ := ParseMAC("da:a1:19:00:00:01")
	if !m.IsLocal() || m.IsMulticast() {
		t.Error("da:.. is locally administered unicast")
	}
	m, _ = ParseMAC("01:00:5e:00:00:fb")
	if !m.IsMulticast() || m.IsLocal() {
		t.Error("01:00:5e is multicast")
	}
}

func TestMergeCapacityFields(t *testing.T) {
	zero, half := 0.0, 50.0
	for _, tc := range []struct {
		name string
		a, b Asset
		want Asset
	}{
		{"filled from b", Asset{}, Asset{MemoryBytes: 8 << 30, MemoryUsedBytes: 2 << 30, CPUCount: 4, CPULoadPct: &half},
			Asset{MemoryBytes: 8 << 30, MemoryUsedBytes: 2 << 30, CPUCount: 4, CPULoadPct: &half}},
		{"a's idle 0% load is kept", Asset{CPUCount: 2, CPULoadPct: &zero}, Asset{CPUCount: 4, CPULoadPct: &half},
			Asset{CPUCount: 2, CPULoadPct: &zero}},
		{"a's own values win", Asset{MemoryBytes: 1, MemoryUsedBytes: 1}, Asset{MemoryBytes: 2, MemoryUsedBytes: 2},
			Asset{MemoryBytes: 1, MemoryUsedBytes: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.a.Merge(&tc.b)
			g, w := tc.a, tc.want
			if g.MemoryBytes != w.MemoryBytes || g.MemoryUsedBytes != w.MemoryUsedBytes || g.CPUCount != w.CPUCount ||
				(g.CPULoadPct == nil) != (w.CPULoadPct == nil) || (g.CPULoadPct != nil && *g.CPULoadPct != *w.CPULoadPct) {
				t.Errorf("got %+v, want %+v", g, w)
			}
		})
	}
}

func TestJSONCapacityFields(t *testing.T) {
	zero := 0.0
	b, _ := json.Marshal(Asset{CPUCount: 2, CPULoadPct: &zero, MemoryBytes: 1024,
		Interfaces: []Interface{{Index: 1, InOctets: 5, CounterBits: 64}}})
	want := `{"interfaces":[{"index":1,"admin_up":false,"oper_up":false,"in_octets":5,"counter_bits":64}],"memory_bytes":1024,"cpu_count":2,"cpu_load_pct":0}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	b, _ = json.Marshal(Asset{CPUCount: 2})
	if strings.Contains(string(b), "cpu_load_pct") {
		t.Errorf("unknown load printed: %s", b)
	}
}

func TestAssetName(t *testing.T) {
	ip := netip.MustParseAddr("198.51.100.7")
	for _, tc := range []struct {
		a    Asset
		want string
	}{
		{Asset{Hostname: "printer-3", SysName: "ps3", IP: ip}, "printer-3"},
		{Asset{Hostname: "  ", SysName: "core-sw1", IP: ip}, "core-sw1"},
		{Asset{IP: ip}, "198.51.100.7"},
		{Asset{AssetID: "0193a1b2-0000-7000-8000-000000000001"}, ""},
	} {
		if got := tc.a.Name(); got != tc.want {
			t.Errorf("%+v: Name %q, want %q", tc.a, got, tc.want)
		}
	}
}
