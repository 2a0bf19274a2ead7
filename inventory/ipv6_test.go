package inventory

import (
	"net/netip"
	"slices"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// TestIPv6JoinsThroughMAC: IPv6 addresses reach an asset only through the
// MAC they were seen with (NDP, routers' neighbour tables), never by the
// address alone, and are stored among its addresses.
func TestIPv6JoinsThroughMAC(t *testing.T) {
	inv := newInv(t, Config{})
	mA, _ := record.ParseMAC(macA)
	mB, _ := record.ParseMAC(macB)
	v6 := netip.MustParseAddr("2001:db8::5")
	// Sweep 1: ARP's host with the address NDP saw from its MAC, and a
	// host NDP alone saw.
	dual := record.Asset{IP: netip.MustParseAddr("192.0.2.5"), MAC: mA, IPs: []netip.Addr{netip.MustParseAddr("192.0.2.5"), v6},
		Sources: []record.Source{record.SourceARP, record.SourceNDP}}
	only6 := record.Asset{IP: netip.MustParseAddr("2001:db8::99"), MAC: mB, Sources: []record.Source{record.SourceNDP}}
	obs := append(ObservationsFromHost(t0, "", &dual), ObservationsFromHost(t0, "", &only6)...)
	if r := ingest(t, inv, sweep(t0, false, obs...)); r.Sweep.Assets != 2 {
		t.Fatalf("%d assets, want 2", r.Sweep.Assets)
	}
	byMAC := func() map[string]store.Asset {
		as, err := inv.st.Assets(t.Context(), store.AssetFilter{})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]store.Asset{}
		for _, a := range as {
			out[a.Record.MAC.String()+"/"+a.Record.Name()] = a
		}
		return out
	}
	got := byMAC()
	a := got[macA+"/192.0.2.5"]
	if a.Record.AssetID == "" || !slices.Contains(a.Record.IPs, v6) || a.Record.IP != netip.MustParseAddr("192.0.2.5") {
		t.Fatalf("dual-stack asset %+v, want 192.0.2.5 with %s among its addresses (assets %v)", a.Record, v6, got)
	}
	in6, err := inv.st.Assets(t.Context(), store.AssetFilter{Subnet: netip.MustParsePrefix("2001:db8::/64")})
	if err != nil || len(in6) != 2 {
		t.Fatalf("assets in 2001:db8::/64: %d (%v), want both", len(in6), err)
	}

	// Sweep 2: an mDNS answer from the IPv6 address, MAC-less, joins the
	// asset through NDP's binding in the same sweep.
	t1 := t0.Add(time.Hour)
	mdns := record.Observation{Source: record.SourceMDNS, Asset: record.Asset{IP: v6, Hostname: "nas.local", Sources: []record.Source{record.SourceMDNS}}}
	bind := record.Observation{Source: record.SourceNDP, Asset: record.Asset{IP: v6, MAC: mA, Sources: []record.Source{record.SourceNDP}}}
	if r := ingest(t, inv, sweep(t1, true, mdns, bind)); r.Sweep.Assets != 1 || r.Sweep.New != 0 {
		t.Fatalf("sweep 2: %+v, want the known asset", r.Sweep)
	}
	if a2 := byMAC()[macA+"/nas.local"]; a2.Record.AssetID != a.Record.AssetID {
		t.Fatalf("the mDNS name did not reach the asset through its MAC: %v", byMAC())
	}

	// Sweep 3: the same address, with no binding: a device answering SNMP
	// there is not the asset that held the address before.
	t2 := t1.Add(time.Hour)
	snmp := record.Observation{Source: record.SourceSNMP, Asset: record.Asset{IP: v6, SysName: "edge-7", Sources: []record.Source{record.SourceSNMP}}}
	if r := ingest(t, inv, sweep(t2, true, snmp)); r.Sweep.New != 1 {
		t.Fatalf("sweep 3: %+v: an address alone joined a known asset", r.Sweep)
	}
	if a3 := byMAC()["/edge-7"]; a3.Record.AssetID == "" || a3.Record.AssetID == a.Record.AssetID {
		t.Errorf("edge-7: %+v", a3.Record)
	}
}

// TestObservationsFromHostIPv6: NDP gives one binding per IPv6 address.
func TestObservationsFromHostIPv6(t *testing.T) {
	m, _ := record.ParseMAC(macA)
	h := record.Asset{IP: netip.MustParseAddr("192.0.2.5"), MAC: m,
		IPs:     []netip.Addr{netip.MustParseAddr("192.0.2.5"), netip.MustParseAddr("2001:db8::5"), netip.MustParseAddr("fd00::5")},
		Sources: []record.Source{record.SourceARP, record.SourceNDP}}
	var got []string
	for _, o := range ObservationsFromHost(t0, "", &h) {
		got = append(got, string(o.Source)+" "+o.Asset.IP.String()+" "+o.Asset.MAC.String())
	}
	want := []string{"arp 192.0.2.5 " + macA, "ndp 2001:db8::5 " + macA, "ndp fd00::5 " + macA}
	if !slices.Equal(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
}
