package inventory

import (
	"errors"
	"net/netip"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// located is a sweep's two records: a switch answering SNMP at
// 192.0.2.11, and a host its forwarding table placed on port.
func located(port string, vlan int) []record.Observation {
	swMAC, _ := record.ParseMAC("00:00:5e:00:53:f1")
	sw := record.Observation{Source: record.SourceSNMP, Asset: record.Asset{IP: netip.MustParseAddr("192.0.2.11"), MAC: swMAC,
		SysName: "acc-sw-1", Hostname: "acc-sw-1", Sources: []record.Source{record.SourceSNMP},
		Interfaces: []record.Interface{{Index: 10101, Name: "Gi1/0/1", OperUp: true}, {Index: 10102, Name: "Gi1/0/2"}},
		Neighbors:  []record.Neighbor{{LocalPort: "Gi1/0/49", SysName: "core-sw-1", Protocol: "cdp", Capabilities: []string{"switch"}}}}}
	h := arp("192.0.2.50", "00:00:5e:00:53:01")
	h.Asset.Location = &record.Location{Switch: record.SwitchRef{Name: "acc-sw-1", IP: netip.MustParseAddr("192.0.2.11")},
		Port: port, VLAN: vlan, Seen: t0}
	h.Asset.Evidence = map[string]record.Evidence{"location": {Rule: "access_port", Source: record.SourceSNMP,
		OID: "@10:1.3.6.1.2.1.17.4.3.1.2.0.0.94.0.83.1", Value: "learnt on " + port}}
	return []record.Observation{sw, h}
}

// TestIngestLocationMoved: a host's location names its switch's asset,
// is kept per sweep in both the record and the history, and a change of
// port is a moved event with the old and new place; the same port again
// is no event.
func TestIngestLocationMoved(t *testing.T) {
	inv := newInv(t, DefaultConfig())
	r1 := ingest(t, inv, sweep(t0, false, located("Gi1/0/1", 10)...))
	r2 := ingest(t, inv, sweep(t0.Add(time.Hour), false, located("Gi1/0/2", 10)...))
	r3 := ingest(t, inv, sweep(t0.Add(2*time.Hour), false, located("Gi1/0/2", 10)...))
	for i, r := range []Result{r1, r3} {
		for _, e := range r.Events {
			if e.Type == store.EventMoved {
				t.Errorf("sweep %d: moved event %+v", i, e)
			}
		}
	}
	var moved []store.Event
	for _, e := range r2.Events {
		if e.Type == store.EventMoved {
			moved = append(moved, e)
		}
	}
	if len(moved) != 1 || moved[0].Old != "acc-sw-1 Gi1/0/1 vlan 10" || moved[0].New != "acc-sw-1 Gi1/0/2 vlan 10" || moved[0].Field != "location" {
		t.Fatalf("moved events %+v", moved)
	}
	sw, err := inv.FindAsset(t.Context(), "192.0.2.11")
	if err != nil {
		t.Fatal(err)
	}
	w, err := inv.Locate(t.Context(), "00:00:5e:00:53:01")
	if err != nil {
		t.Fatal(err)
	}
	if w.Current == nil || w.Current.Port != "Gi1/0/2" || w.Current.Switch.AssetID != sw.Record.AssetID || w.Evidence == nil || w.Evidence.Rule != "access_port" {
		t.Errorf("current %+v evidence %+v (switch %s)", w.Current, w.Evidence, sw.Record.AssetID)
	}
	if len(w.History) != 2 || w.History[0].Port != "Gi1/0/1" || w.History[0].Sweeps != 1 || w.History[1].Port != "Gi1/0/2" ||
		w.History[1].Sweeps != 2 || !w.History[1].First.Equal(t0.Add(time.Hour)) || !w.History[1].Last.Equal(t0.Add(2*time.Hour)) ||
		w.History[1].MAC.String() != "00:00:5e:00:53:01" {
		t.Errorf("history %+v", w.History)
	}
	if len(w.Moves) != 1 {
		t.Errorf("moves %+v", w.Moves)
	}
	for _, q := range []string{"192.0.2.50", w.AssetID, w.AssetID[:8]} {
		if x, err := inv.Locate(t.Context(), q); err != nil || x.AssetID != w.AssetID {
			t.Errorf("locate %q: %v %s", q, err, x.AssetID)
		}
	}
	if _, err := inv.Locate(t.Context(), "00:00:5e:00:53:99"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown MAC: %v", err)
	}

	ps, err := inv.Ports(t.Context(), sw.Record.AssetID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]SwitchPort{}
	for _, p := range ps.Ports {
		got[p.Port] = p
	}
	if p := got["Gi1/0/2"]; len(p.Hosts) != 1 || p.Hosts[0].AssetID != w.AssetID || p.Hosts[0].VLAN != 10 || p.IfIndex != 10102 {
		t.Errorf("Gi1/0/2 %+v", p)
	}
	if p := got["Gi1/0/1"]; len(p.Hosts) != 0 || p.OperUp == nil || !*p.OperUp {
		t.Errorf("Gi1/0/1 %+v", p)
	}
	if p := got["Gi1/0/49"]; len(p.Neighbors) != 1 || p.Neighbors[0].SysName != "core-sw-1" {
		t.Errorf("Gi1/0/49 %+v", p)
	}
	if ps.Switch.Name != "acc-sw-1" || len(ps.Ports) != 3 {
		t.Errorf("switch %+v, %d ports", ps.Switch, len(ps.Ports))
	}
}

// TestFindAssetAmbiguous: a prefix several assets share is an error
// naming them.
func TestFindAssetAmbiguous(t *testing.T) {
	inv := newInv(t, DefaultConfig())
	ingest(t, inv, sweep(t0, false, arp("192.0.2.1", "00:00:5e:00:53:01"), arp("192.0.2.2", "00:00:5e:00:53:02")))
	if _, err := inv.FindAsset(t.Context(), ""); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("empty query: %v", err)
	}
	as, _ := inv.st.Assets(t.Context(), store.AssetFilter{})
	common := 0
	for common < len(as[0].Record.AssetID) && as[0].Record.AssetID[common] == as[1].Record.AssetID[common] {
		common++
	}
	if _, err := inv.FindAsset(t.Context(), as[0].Record.AssetID[:common]); common > 0 && !errors.Is(err, ErrAmbiguous) {
		t.Errorf("shared prefix: %v", err)
	}
}

func TestSwitchPortsOccupied(t *testing.T) {
	sp := SwitchPorts{Ports: []SwitchPort{
		{Port: "Gi1/0/1"},
		{Port: "Gi1/0/2", Hosts: []PortHost{{AssetID: "a1"}}},
		{Port: "Gi1/0/3"},
		{Port: "Gi1/0/48", Neighbors: []record.Neighbor{{SysName: "core-1"}}},
	}}
	sp.Occupied()
	if len(sp.Ports) != 2 || sp.Ports[0].Port != "Gi1/0/2" || sp.Ports[1].Port != "Gi1/0/48" {
		t.Errorf("ports %+v", sp.Ports)
	}
}
