package main

import (
	"encoding/json"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
)

// seedLocations stores two sweeps into c's store: a switch at 192.0.2.11
// and a host it placed on Gi1/0/1, then on Gi1/0/2.
func seedLocations(t *testing.T, c *cmdb) {
	t.Helper()
	db, err := sqlite.Open(t.Context(), strings.TrimPrefix(c.store, "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	inv, err := assemble.Inventory(db, config.Default().Inventory, func() (string, error) { return "site-a", nil })
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	for i, port := range []string{"Gi1/0/1", "Gi1/0/2"} {
		at := t0.Add(time.Duration(i) * time.Hour)
		swMAC, _ := record.ParseMAC("00:00:5e:00:53:f1")
		hMAC, _ := record.ParseMAC("00:00:5e:00:53:01")
		sw := record.Asset{IP: netip.MustParseAddr("192.0.2.11"), MAC: swMAC, SysName: "acc-sw-1", Sources: []record.Source{record.SourceSNMP},
			Interfaces: []record.Interface{{Index: 10101, Name: "Gi1/0/1", OperUp: true}, {Index: 10102, Name: "Gi1/0/2", OperUp: true}}}
		h := record.Asset{IP: netip.MustParseAddr("192.0.2.50"), MAC: hMAC, Sources: []record.Source{record.SourceARP},
			Location: &record.Location{Switch: record.SwitchRef{Name: "acc-sw-1", IP: sw.IP}, Port: port, IfIndex: 10101 + i, VLAN: 10, Seen: at},
			Evidence: map[string]record.Evidence{"location": {Rule: "access_port", Source: record.SourceSNMP, Value: "learnt on " + port}}}
		_, err := inv.Ingest(t.Context(), inventory.Sweep{Start: at, End: at, Segments: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")},
			Observations: []record.Observation{{Time: at, Source: record.SourceSNMP, Asset: sw}, {Time: at, Source: record.SourceARP, Asset: h}}})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestAssetLocateAndPorts: asset locate by MAC and IP prints where the
// host is and where it has been; ports prints the switch's ports with the
// host on its current one; an unknown device is a usage error (exit 2).
func TestAssetLocateAndPorts(t *testing.T) {
	c := newCMDB(t)
	seedLocations(t, c)
	out := c.ok(nil, "asset", "locate", "00:00:5e:00:53:01", "--format", "json")
	var w struct {
		Location struct {
			Switch struct {
				AssetID string `json:"asset_id"`
				Name    string `json:"name"`
			} `json:"switch"`
			Port string `json:"port"`
			VLAN int    `json:"vlan"`
		} `json:"location"`
		History []struct {
			Port   string `json:"port"`
			Sweeps int    `json:"sweeps"`
		} `json:"history"`
	}
	if err := json.Unmarshal([]byte(out), &w); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if w.Location.Port != "Gi1/0/2" || w.Location.VLAN != 10 || w.Location.Switch.Name != "acc-sw-1" || w.Location.Switch.AssetID == "" ||
		len(w.History) != 2 || w.History[0].Port != "Gi1/0/1" || w.History[1].Port != "Gi1/0/2" {
		t.Errorf("locate json:\n%s", out)
	}
	table := c.ok(nil, "asset", "locate", "192.0.2.50", "--format", "table")
	for _, want := range []string{"location  acc-sw-1 port Gi1/0/2 vlan 10", "evidence  access_port: learnt on Gi1/0/2", "Gi1/0/1", "where it has been:"} {
		if !strings.Contains(table, want) {
			t.Errorf("locate table lacks %q:\n%s", want, table)
		}
	}
	csv := c.ok(nil, "ports", "192.0.2.11", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(strings.ReplaceAll(csv, "\r", "")), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[2], "Gi1/0/2,10102,up,,") || !strings.Contains(lines[2], "00:00:5e:00:53:01,10,") ||
		!strings.HasPrefix(lines[1], "Gi1/0/1,10101,up,,,,,,,") {
		t.Errorf("ports csv:\n%s", csv)
	}
	if code, _, errb := c.run(nil, "asset", "locate", "00:00:5e:00:53:99"); code != 2 || !strings.Contains(errb, "not found") {
		t.Errorf("unknown MAC: exit %d %s", code, errb)
	}
}
