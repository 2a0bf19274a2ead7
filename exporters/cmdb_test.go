package exporters

import (
	"bytes"
	"encoding/json"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

func TestFlattenPorts(t *testing.T) {
	up, down := true, false
	seen := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	ps := inventory.SwitchPorts{Ports: []inventory.SwitchPort{
		{Port: "Gi1/0/1", IfIndex: 1, OperUp: &up, Neighbors: []record.Neighbor{{SysName: "core", Protocol: "cdp"}, {ChassisID: "00:11"}},
			Hosts: []inventory.PortHost{
				{AssetID: "a1", Name: "pc1", IP: netip.MustParseAddr("192.0.2.10"), MAC: mustMAC("02:00:00:00:00:01"), VLAN: 10, Seen: seen},
				{AssetID: "a2", MAC: mustMAC("02:00:00:00:00:02")},
			}},
		{Port: "Gi1/0/2", OperUp: &down},
		{Port: "Gi1/0/3"},
	}}
	got := FlattenPorts(ps)
	want := []PortRow{
		{Port: "Gi1/0/1", IfIndex: 1, Status: "up", Neighbor: "core (cdp), 00:11", AssetID: "a1", Host: "pc1", IP: "192.0.2.10", MAC: "02:00:00:00:00:01", VLAN: 10, Seen: "2026-01-02T03:04:05Z"},
		{Port: "Gi1/0/1", IfIndex: 1, Status: "up", Neighbor: "core (cdp), 00:11", AssetID: "a2", MAC: "02:00:00:00:00:02"},
		{Port: "Gi1/0/2", Status: "down"},
		{Port: "Gi1/0/3"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if r := PortRows().Row(&got[2]); r[1] != "" || r[8] != "" {
		t.Errorf("an unknown ifIndex and VLAN print empty: %q", r)
	}
}

func TestWriteWhereabouts(t *testing.T) {
	seen := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	sw := record.SwitchRef{AssetID: "s1", Name: "acc-sw-1\x1b[2J"}
	w := inventory.Whereabouts{AssetID: "a1", Name: "pc1",
		Current:  &record.Location{Switch: sw, Port: "Gi1/0/7", VLAN: 10, Seen: seen},
		Evidence: &record.Evidence{Rule: "access port", Value: "1 MAC"},
		History:  []inventory.Place{{Location: record.Location{Switch: sw, Port: "Gi1/0/7", VLAN: 10}, First: seen, Last: seen, Sweeps: 3}}}
	var b bytes.Buffer
	if err := WriteWhereabouts(&b, "table", w); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, want := range []string{"asset     pc1 (a1)\n", "port Gi1/0/7 vlan 10 (seen 2026-01-02T03:04:05Z)\n", "evidence  access port: 1 MAC\n", "where it has been:\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("table lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "\x1b") {
		t.Errorf("a switch's name reached the terminal unsanitised: %q", s)
	}
	b.Reset()
	if err := WriteWhereabouts(&b, "table", inventory.Whereabouts{AssetID: "a2"}); err != nil || !strings.Contains(b.String(), "asset     a2 (a2)\nlocation  unknown") {
		t.Errorf("unknown location: %v\n%s", err, b.String())
	}
	b.Reset()
	if err := WriteWhereabouts(&b, "jsonl", w); err != nil || strings.Count(b.String(), "\n") != 1 {
		t.Errorf("jsonl: %v %q", err, b.String())
	}
	var back inventory.Whereabouts
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back.Current == nil || back.Current.Port != "Gi1/0/7" {
		t.Errorf("jsonl round trip: %v %+v", err, back)
	}
	b.Reset()
	if err := WriteWhereabouts(&b, "csv", w); err != nil || !strings.HasPrefix(b.String(), "switch,switch_id,port,vlan,first,last,sweeps,mac\r\n") || strings.Count(b.String(), "\n") != 2 {
		t.Errorf("csv: %v\n%s", err, b.String())
	}
}

func TestSweepRowsAndAssetDetail(t *testing.T) {
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	rows := SweepRowsOf([]store.Sweep{{ID: "s1", Start: start, Segments: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24"), netip.MustParsePrefix("198.51.100.0/24")}, Assets: 2}})
	if len(rows) != 1 || strings.Join(rows[0].Segments, " ") != "192.0.2.0/24 198.51.100.0/24" || rows[0].Assets != 2 {
		t.Fatalf("sweep rows %+v", rows)
	}
	if r := SweepRows().Row(&rows[0]); r[2] != "2026-01-02T03:04:05Z" || r[3] != "" || r[5] != "192.0.2.0/24 198.51.100.0/24" {
		t.Errorf("sweep row %q", r)
	}
	d := inventory.Details{Asset: store.Asset{Record: record.Asset{AssetID: "a1", Hostname: "pc1"}, StateSince: start},
		Events: []store.Event{{AssetID: "a1", Type: store.EventState, Time: start}}}
	v := NewAssetDetail(d)
	if v.AssetID != "a1" || len(v.History) != 1 || !v.StateSince.Equal(start) {
		t.Fatalf("detail %+v", v)
	}
	var b bytes.Buffer
	if err := WriteAssetDetail(&b, "table", v); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"asset_id     a1\n", "hostname     pc1\n", "state_since  2026-01-02T03:04:05Z\n", "\nhistory:\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	if err := WriteAssetDetail(&b, "csv", v); err != nil || strings.Count(b.String(), "\n") != 2 {
		t.Errorf("csv is the history: %v\n%s", err, b.String())
	}
}

// WriteExplanation: a table for people, the tie rows in every other
// format.
func TestWriteExplanation(t *testing.T) {
	seen := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	o := store.Observation{ID: "o1", Observation: record.Observation{Source: "arp", Scanner: "east-1", Time: seen,
		Asset: record.Asset{IP: netip.MustParseAddr("192.0.2.10"), MAC: mustMAC("02:00:00:00:00:01"), Hostname: "pc1"}}}
	ex := inventory.Explanation{AssetID: "a1", SweepID: "s1", Observations: []store.Observation{o},
		Ties:    []inventory.Tie{{Key: identity.Key{Kind: identity.KindMAC, Value: "02:00:00:00:00:01"}, Observations: []store.Observation{o}, Known: true}},
		Refused: []string{"mac 02:00:00:00:00:02"}}
	var b bytes.Buffer
	if err := WriteExplanation(&b, "table", ex); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"asset a1, last sweep s1: 1 observations\n", "keys that tied them:\n", "refused: mac 02:00:00:00:00:02\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	if err := WriteExplanation(&b, "csv", ex); err != nil {
		t.Fatal(err)
	}
	if want := "key,known_asset,observation_id,source,scanner,ip,mac,time\r\n"; !strings.HasPrefix(b.String(), want) || strings.Count(b.String(), "\n") != 2 ||
		!strings.Contains(b.String(), ",true,o1,arp,east-1,192.0.2.10,02:00:00:00:00:01,2026-01-02T03:04:05Z\r\n") {
		t.Errorf("csv:\n%s", b.String())
	}
	b.Reset()
	if err := WriteExplanation(&b, "jsonl", ex); err != nil || strings.Count(b.String(), "\n") != 1 || !strings.Contains(b.String(), `"observation_id":"o1"`) {
		t.Errorf("jsonl: %v\n%s", err, b.String())
	}
}

// WritePorts: json the whole, every other format a row per port and
// host, a table's cells cut at cellMax.
func TestWritePorts(t *testing.T) {
	ps := inventory.SwitchPorts{Ports: []inventory.SwitchPort{
		{Port: "Gi1/0/1", Hosts: []inventory.PortHost{{AssetID: "a1", Name: strings.Repeat("long-host-name-", 4)}, {AssetID: "a2"}}},
		{Port: "Gi1/0/2"},
	}}
	var b bytes.Buffer
	if err := WritePorts(&b, "json", 0, ps); err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil || len(v["ports"].([]any)) != 2 {
		t.Errorf("json: %v\n%s", err, b.String())
	}
	b.Reset()
	if err := WritePorts(&b, "jsonl", 0, ps); err != nil || strings.Count(b.String(), "\n") != 3 {
		t.Errorf("jsonl, a row per port and host: %v\n%s", err, b.String())
	}
	b.Reset()
	if err := WritePorts(&b, "table", 20, ps); err != nil || strings.Contains(b.String(), strings.Repeat("long-host-name-", 2)) || strings.Count(b.String(), "\n") != 4 {
		t.Errorf("table, cells cut at 20: %v\n%s", err, b.String())
	}
}
