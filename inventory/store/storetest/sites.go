package storetest

import (
	"net/netip"
	"slices"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// testSites: two sites (layer-2 domains) share one store and reuse the
// same addresses and a cloned VM MAC behind their own scanners. The same
// MAC at two sites is two assets; a second scanner on one site's L2
// domain joins that site's device by its MAC; a device both sites see
// (its serial) is one asset; splitting a MAC off a site's asset removes
// the MAC as that site keyed it, and leaves the other site's alone.
func testSites(t *testing.T, s store.Store) {
	res, err := identity.New(nil, identity.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	now := t0
	inv := inventory.New(s, res, inventory.Config{MissingAfterSweeps: 3, Now: func() time.Time { return now }}, nil)
	const vm, coreA, coreB = "02:00:5e:10:00:01", "00:1b:21:00:00:20", "00:1b:21:00:00:21"
	arpAt := func(ip, m string) record.Observation {
		return record.Observation{Source: record.SourceARP, Asset: record.Asset{IP: netip.MustParseAddr(ip), MAC: mac(m)}}
	}
	core := func(ip string) record.Observation {
		return record.Observation{Source: record.SourceSNMP, Asset: record.Asset{IP: netip.MustParseAddr(ip), Vendor: "Cisco",
			Serial: "FOC2201X0AB"}}
	}
	sweep := func(scanner, site string, obs ...record.Observation) inventory.Result {
		t.Helper()
		now = now.Add(time.Hour)
		r, err := inv.Ingest(ctx(t), inventory.Sweep{Scanner: scanner, Site: site, Start: now, End: now, Observations: obs})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	withMAC := func(m string) []store.Asset {
		t.Helper()
		as, err := s.Assets(ctx(t), store.AssetFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var out []store.Asset
		for _, a := range as {
			if a.Record.MAC.String() == m || slices.ContainsFunc(a.Record.MACs, func(x record.MAC) bool { return x.String() == m }) {
				out = append(out, a)
			}
		}
		return out
	}

	sweep("scan-a1", "site-a", arpAt("192.0.2.10", vm), arpAt("192.0.2.20", coreA), core("192.0.2.20"))
	sweep("scan-b1", "site-b", arpAt("192.0.2.10", vm), arpAt("198.51.100.20", coreB), core("198.51.100.20"))
	vms := withMAC(vm)
	if len(vms) != 2 {
		t.Fatalf("the VM MAC %s seen at two sites is %d assets, want 2 (one a site)", vm, len(vms))
	}
	// keyed is the assets holding key k.
	keyed := func(k identity.Key) []string {
		t.Helper()
		ks, err := s.Keys(ctx(t))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, x := range ks {
			if x.Key == k {
				out = append(out, x.AssetID)
			}
		}
		return out
	}
	ca, cb := keyed(identity.ScopedMAC("site-a", coreA)), keyed(identity.ScopedMAC("site-b", coreB))
	if len(ca) != 1 || len(cb) != 1 || ca[0] != cb[0] {
		t.Fatalf("the switch both sites see (one serial) is not one asset: %v hold %s at site-a, %v %s at site-b", ca, coreA, cb, coreB)
	}
	all, err := s.Assets(ctx(t), store.AssetFilter{})
	if err != nil || len(all) != 3 {
		t.Fatalf("%d assets (%v), want 3: the VM at each site and the switch", len(all), err)
	}
	// Site a's asset of the VM is the one whose keys are site a's.
	siteOf := map[string]string{}
	for _, a := range vms {
		ks, err := s.Keys(ctx(t), a.Record.AssetID)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range ks {
			if k.Key.Kind == identity.KindMAC && identity.KeyMAC(k.Key) == vm {
				siteOf[k.Key.Value] = a.Record.AssetID
			}
		}
	}
	vmA := siteOf[identity.ScopedMAC("site-a", vm).Value]
	if vmA == "" || siteOf[identity.ScopedMAC("site-b", vm).Value] == "" || vmA == siteOf[identity.ScopedMAC("site-b", vm).Value] {
		t.Fatalf("the VM's MAC keys by asset: %v; want one asset keyed in site-a, another in site-b", siteOf)
	}

	// A second scanner on site a's L2 domain: the same device.
	if r := sweep("scan-a2", "site-a", arpAt("192.0.2.10", vm)); r.Sweep.New != 0 {
		t.Errorf("a second scanner of site-a made %d new assets of the VM it shares the L2 domain with", r.Sweep.New)
	}
	if n := len(withMAC(vm)); n != 2 {
		t.Errorf("after site-a's second scanner: %d assets with %s, want 2", n, vm)
	}

	// Split off site a's asset: the MAC as that site keyed it is gone from
	// its keys and never joins it again (a decision on the scoped key).
	if err := inv.Split(ctx(t), "tester", vmA, []string{vm}); err != nil {
		t.Fatal(err)
	}
	if held := keyed(identity.ScopedMAC("site-a", vm)); len(held) != 0 {
		t.Errorf("after splitting %s off site-a's VM asset, %v still hold it in site-a", vm, held)
	}
	ds, err := s.Decisions(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(ds, func(d store.Decision) bool {
		return d.Kind == store.DecisionSplit && d.AssetA == vmA && d.Key == identity.ScopedMAC("site-a", vm)
	}) {
		t.Errorf("no split decision on %s in site-a: %+v", vm, ds)
	}
	if held := keyed(identity.ScopedMAC("site-b", vm)); len(held) != 1 || held[0] == vmA {
		t.Errorf("site-b's VM asset lost its MAC with site-a's split: %v", held)
	}
}
