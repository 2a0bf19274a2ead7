// Package storetest is the contract every store.Store backend passes: run
// it from the backend's tests with a function that opens a fresh, migrated
// store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// Run runs the contract against stores made by open. Each subtest opens
// its own store, which must be empty and migrated.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"MigrateTwiceAppliesNothing", testMigrate},
		{"TimesToTheSecond", testTimes},
		{"Sweeps", testSweeps},
		{"ObservationsOnce", testObservations},
		{"AssetsAndAnnotations", testAssets},
		{"AssetFilters", testAssetFilters},
		{"AssetSort", testAssetSort},
		{"IPv6Addresses", testIPv6},
		{"Keys", testKeys},
		{"KeyHolders", testKeyHolders},
		{"Presences", testPresences},
		{"Decisions", testDecisions},
		{"Events", testEvents},
		{"EventLog", testEventLog},
		{"Snapshots", testSnapshots},
		{"LatestSoftware", testLatestSoftware},
		{"WholeRecord", testWholeRecord},
		{"ManyAssets", testManyAssets},
		{"Prune", testPrune},
		{"Locations", testLocations},
		{"SitesScopeMACs", testSites},
		{"HostileStrings", testHostile},
		{"ServeSchedules", testServeSchedules},
		{"ServeOutbox", testServeOutbox},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, open(t))
		})
	}
}

// t0 has nanoseconds on purpose: every store keeps seconds.
var t0 = time.Date(2026, 3, 4, 5, 6, 7, 890_000_000, time.UTC)

func ctx(t *testing.T) context.Context { return t.Context() }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func testMigrate(t *testing.T, s store.Store) {
	n, err := s.Migrate(ctx(t))
	must(t, err)
	if n != 0 {
		t.Fatalf("second Migrate applied %d steps, want 0", n)
	}
	v, err := s.SchemaVersion(ctx(t))
	must(t, err)
	if v < 1 {
		t.Fatalf("schema version %d after Migrate", v)
	}
}

func testTimes(t *testing.T, s store.Store) {
	sw := store.Sweep{ID: store.NewUUID(t0), Scanner: "site-a", Start: t0.In(time.FixedZone("X", 3600)), End: t0.Add(1500 * time.Millisecond)}
	must(t, s.PutSweep(ctx(t), sw))
	got, err := s.Sweep(ctx(t), sw.ID)
	must(t, err)
	want := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	if !got.Start.Equal(want) || got.Start.Location() != time.UTC || got.Start.Nanosecond() != 0 {
		t.Errorf("start %v, want %v: stores keep seconds, in UTC", got.Start, want)
	}
	if !got.End.Equal(want.Add(2 * time.Second)) { // 7.89 s + 1.5 s = 9.39 s: kept as 9
		t.Errorf("end %v, want %v", got.End, want.Add(2*time.Second))
	}
	if got := store.Second(t0); !got.Equal(want) {
		t.Errorf("Second(%v) = %v", t0, got)
	}
}

func testSweeps(t *testing.T, s store.Store) {
	a := store.Sweep{ID: store.NewUUID(t0), Scanner: "site-a", Start: t0, Segments: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}}
	b := store.Sweep{ID: store.NewUUID(t0), Scanner: "site-b", Start: t0.Add(time.Hour), Partial: true}
	must(t, s.PutSweep(ctx(t), a))
	must(t, s.PutSweep(ctx(t), b))
	a.End, a.Observations, a.Assets, a.New, a.Missing = t0.Add(time.Minute), 10, 9, 2, 1
	must(t, s.PutSweep(ctx(t), a)) // replace by ID
	got, err := s.Sweeps(ctx(t), 0)
	must(t, err)
	if len(got) != 2 || got[0].ID != b.ID || got[1].ID != a.ID {
		t.Fatalf("sweeps %+v: want b then a (newest first)", got)
	}
	if g := got[1]; g.Observations != 10 || g.Assets != 9 || g.New != 2 || g.Missing != 1 || len(g.Segments) != 1 || g.Segments[0] != a.Segments[0] || g.Scanner != "site-a" {
		t.Errorf("sweep a = %+v", g)
	}
	if !got[0].Partial {
		t.Error("partial flag lost")
	}
	if one, _ := s.Sweeps(ctx(t), 1); len(one) != 1 {
		t.Errorf("limit 1 gave %d", len(one))
	}
	if _, err := s.Sweep(ctx(t), "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing sweep: %v, want ErrNotFound", err)
	}
}

func obs(sweep, asset string, ip string, mac string, src record.Source) store.Observation {
	o := store.Observation{ID: store.NewUUID(t0), SweepID: sweep, AssetID: asset}
	o.Time, o.Source, o.Scanner = t0, src, "site-a"
	o.Asset.IP = netip.MustParseAddr(ip)
	o.Asset.MAC, _ = record.ParseMAC(mac)
	o.Asset.Hostname = "printer-3"
	return o
}

func testObservations(t *testing.T, s store.Store) {
	batch := []store.Observation{
		obs("s1", "a1", "192.0.2.1", "00:11:22:33:44:01", record.SourceARP),
		obs("s1", "a2", "192.0.2.2", "00:11:22:33:44:02", record.SourceSNMP),
		obs("s2", "a1", "192.0.2.1", "00:11:22:33:44:01", record.SourceARP),
	}
	must(t, s.AppendObservations(ctx(t), batch))
	must(t, s.AppendObservations(ctx(t), batch)) // replay: stored once
	all, err := s.Observations(ctx(t), "", "")
	must(t, err)
	if len(all) != 3 {
		t.Fatalf("%d observations after a replayed batch, want 3 (each once)", len(all))
	}
	got, err := s.Observations(ctx(t), "s1", "a1")
	must(t, err)
	if len(got) != 1 {
		t.Fatalf("s1/a1: %d observations", len(got))
	}
	want := batch[0]
	want.Time = store.Second(want.Time)
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("observation round trip:\n got %+v\nwant %+v", got[0], want)
	}
	if got[0].Scanner != "site-a" {
		t.Errorf("scanner %q", got[0].Scanner)
	}
}

func asset(id, ip, vendor, typ, state string, seen time.Time) store.Asset {
	var a store.Asset
	a.Record.AssetID, a.Record.State = id, state
	a.Record.IP = netip.MustParseAddr(ip)
	a.Record.Vendor, a.Record.DeviceType = vendor, typ
	a.Record.FirstSeen, a.Record.LastSeen = seen, seen
	a.Record.Software = []record.Software{{Name: "bash", Version: "5.2"}}
	a.StateSince, a.LastSweepID = seen, "s1"
	return a
}

func testAssets(t *testing.T, s store.Store) {
	a := asset("a1", "192.0.2.1", "Cisco", "switch", store.StateNew, t0)
	a.Record.Site = "ignored on write"
	a.SoftwareDigest = "sha256:0f1e2d"
	a.Record.SoftwareCount = 812
	must(t, s.PutAssets(ctx(t), []store.Asset{a}))
	got, err := s.Asset(ctx(t), "a1")
	must(t, err)
	if got.Record.SoftwareCount != 812 {
		t.Errorf("software count %d, want 812", got.Record.SoftwareCount)
	}
	if got.Record.Site != "" || got.Record.Approved == nil || *got.Record.Approved {
		t.Errorf("people's fields come from annotations only: site %q approved %v", got.Record.Site, got.Record.Approved)
	}
	if got.Record.Vendor != "Cisco" || got.Record.IP != a.Record.IP || len(got.Record.Software) != 1 || !got.Record.LastSeen.Equal(store.Second(t0)) {
		t.Errorf("asset round trip: %+v", got.Record)
	}
	if got.SoftwareDigest != a.SoftwareDigest {
		t.Errorf("software digest %q, want %q", got.SoftwareDigest, a.SoftwareDigest)
	}
	must(t, s.Annotate(ctx(t), store.Annotation{AssetID: "a1", Approved: true, ApprovedAt: t0, ApprovedBy: "ana", Site: "lab", Role: "core", Owner: "net", Tags: []string{"x", "y"}, Updated: t0}))
	a.Record.State, a.MissedSweeps = store.StateActive, 2
	must(t, s.PutAssets(ctx(t), []store.Asset{a})) // a sweep's upsert keeps people's fields
	got, err = s.Asset(ctx(t), "a1")
	must(t, err)
	if got.Record.State != store.StateActive || got.MissedSweeps != 2 || got.Record.Site != "lab" || got.Record.Role != "core" ||
		got.Record.Owner != "net" || !reflect.DeepEqual(got.Record.Tags, []string{"x", "y"}) || !*got.Record.Approved {
		t.Errorf("after upsert: %+v (missed %d)", got.Record, got.MissedSweeps)
	}
	n, err := s.Annotation(ctx(t), "a1")
	must(t, err)
	if n.ApprovedBy != "ana" || !n.ApprovedAt.Equal(store.Second(t0)) {
		t.Errorf("annotation %+v", n)
	}
	// Several at once, each stored; none, nothing.
	must(t, s.Annotate(ctx(t), store.Annotation{AssetID: "m1", Site: "x"}, store.Annotation{AssetID: "m2", Approved: true, Tags: []string{"t"}}))
	must(t, s.Annotate(ctx(t)))
	for id, want := range map[string]store.Annotation{"m1": {AssetID: "m1", Site: "x"}, "m2": {AssetID: "m2", Approved: true, Tags: []string{"t"}}} {
		if n, err := s.Annotation(ctx(t), id); err != nil || !reflect.DeepEqual(n, want) {
			t.Errorf("annotation %s written with another: %+v %v", id, n, err)
		}
	}
	if n, err := s.Annotation(ctx(t), "none"); err != nil || n.Approved || n.AssetID != "none" {
		t.Errorf("absent annotation: %+v %v", n, err)
	}
	if _, err := s.Asset(ctx(t), "none"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing asset: %v", err)
	}
}

func testAssetFilters(t *testing.T, s store.Store) {
	as := []store.Asset{
		asset("a1", "192.0.2.1", "Cisco Systems", "switch", store.StateActive, t0),
		asset("a2", "198.51.100.2", "HP", "printer", store.StateMissing, t0.Add(-48*time.Hour)),
		asset("a3", "192.0.2.3", "Apple", "phone", store.StateNew, t0),
		asset("a4", "192.0.2.4", "Apple", "phone", store.StateMerged, t0),
	}
	as[3].MergedInto = "a3"
	as[0].Record.MAC = mac("00:1B:54:AA:00:01")
	as[0].Record.Hostname, as[0].Record.Serial, as[0].Record.Model = "Core-SW1.example", "FOC1234X0AB", "WS-C3850-48P"
	as[1].Record.IPs = []netip.Addr{netip.MustParseAddr("198.51.100.2"), netip.MustParseAddr("2001:db8::2")}
	as[1].Record.MACs = []record.MAC{mac("3c:22:fb:00:00:02"), mac("3c:22:fb:00:00:12")}
	as[2].Record.Hostname = "Zoë's phone"
	must(t, s.PutAssets(ctx(t), as))
	must(t, s.Annotate(ctx(t), store.Annotation{AssetID: "a1", Approved: true}))
	ids := func(f store.AssetFilter) []string {
		got, err := s.Assets(ctx(t), f)
		must(t, err)
		var out []string
		for _, a := range got {
			out = append(out, a.Record.AssetID)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		f    store.AssetFilter
		want []string
	}{
		{"all but merged", store.AssetFilter{}, []string{"a1", "a2", "a3"}},
		{"with merged", store.AssetFilter{IncludeMerged: true}, []string{"a1", "a2", "a3", "a4"}},
		{"state", store.AssetFilter{States: []string{store.StateMissing, store.StateNew}}, []string{"a2", "a3"}},
		{"vendor substring", store.AssetFilter{Vendor: "cisco"}, []string{"a1"}},
		{"type", store.AssetFilter{DeviceType: "Phone"}, []string{"a3"}},
		{"subnet", store.AssetFilter{Subnet: netip.MustParsePrefix("192.0.2.0/24")}, []string{"a1", "a3"}},
		{"seen since", store.AssetFilter{SeenSince: t0.Add(-time.Hour)}, []string{"a1", "a3"}},
		{"unapproved", store.AssetFilter{Unapproved: true}, []string{"a2", "a3"}},
		{"ids", store.AssetFilter{IDs: []string{"a3", "a2"}}, []string{"a2", "a3"}},
		{"approved", store.AssetFilter{Approved: true}, []string{"a1"}},
		{"search ip prefix", store.AssetFilter{Search: "192.0.2"}, []string{"a1", "a3"}},
		{"search ip exact", store.AssetFilter{Search: "192.0.2.3"}, []string{"a3"}},
		{"search another ip", store.AssetFilter{Search: "2001:DB8::2"}, []string{"a2"}},
		{"search mac any case", store.AssetFilter{Search: "00:1b:54:aa"}, []string{"a1"}},
		{"search another mac", store.AssetFilter{Search: "fb:00:00:12"}, []string{"a2"}},
		{"search hostname", store.AssetFilter{Search: "core-sw1"}, []string{"a1"}},
		{"search non-ASCII", store.AssetFilter{Search: "ZOË"}, []string{"a3"}},
		{"search serial", store.AssetFilter{Search: "foc1234"}, []string{"a1"}},
		{"search model", store.AssetFilter{Search: "c3850"}, []string{"a1"}},
		{"search short", store.AssetFilter{Search: "2."}, []string{"a1", "a3"}},
		{"search short second address", store.AssetFilter{Search: ":2"}, []string{"a2"}},
		{"search short none", store.AssetFilter{Search: "zz"}, nil},
		{"search not across fields", store.AssetFilter{Search: "0.2.1\n00"}, nil},
		{"search vendor is not searched", store.AssetFilter{Search: "cisco"}, nil},
		{"search wildcards are text", store.AssetFilter{Search: "%"}, nil},
		{"search quote", store.AssetFilter{Search: `"192`}, nil},
		{"search and filter", store.AssetFilter{Search: "192.0.2", Unapproved: true}, []string{"a3"}},
		{"search merged too", store.AssetFilter{Search: "192.0.2.4", IncludeMerged: true}, []string{"a4"}},
		{"after", store.AssetFilter{After: "a1"}, []string{"a2", "a3"}},
		{"after the last", store.AssetFilter{After: "a3"}, nil},
		{"limit", store.AssetFilter{Limit: 2}, []string{"a1", "a2"}},
		{"after and limit", store.AssetFilter{After: "a1", Limit: 1}, []string{"a2"}},
		{"limit after the subnet", store.AssetFilter{Subnet: netip.MustParsePrefix("192.0.2.0/24"), Limit: 2, IncludeMerged: true}, []string{"a1", "a3"}},
		{"search after limit", store.AssetFilter{Search: "192.0.2", After: "a1", Limit: 1}, []string{"a3"}},
	} {
		if got := ids(tc.f); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	got, err := s.Assets(ctx(t), store.AssetFilter{IDs: []string{"a4"}, IncludeMerged: true})
	must(t, err)
	if len(got) != 1 || got[0].MergedInto != "a3" {
		t.Errorf("merged_into lost: %+v", got)
	}
	// An upsert changes what is searched: the old text no longer finds
	// the asset, the new one does.
	as[0].Record.Hostname, as[0].Record.IP = "edge-rtr", netip.MustParseAddr("203.0.113.9")
	must(t, s.PutAssets(ctx(t), as[:1]))
	for q, want := range map[string][]string{"core-sw1": nil, "edge-rtr": {"a1"}, "203.0.113.9": {"a1"}, "192.0.2.1": nil} {
		if got := ids(store.AssetFilter{Search: q}); !reflect.DeepEqual(got, want) {
			t.Errorf("search %q after an update: got %v, want %v", q, got, want)
		}
	}
	// A streaming store lists the same, and stops at the limit.
	if es, ok := s.(store.AssetStreamer); ok {
		var got []string
		must(t, es.EachAsset(ctx(t), store.AssetFilter{Search: "3", Limit: 2}, func(a *store.Asset) error {
			got = append(got, a.Record.AssetID)
			return nil
		}))
		if want := ids(store.AssetFilter{Search: "3", Limit: 2}); !reflect.DeepEqual(got, want) || len(got) != 2 {
			t.Errorf("EachAsset with search and limit: %v, Assets: %v", got, want)
		}
	}
}

func mac(s string) record.MAC {
	m, err := record.ParseMAC(s)
	if err != nil {
		panic(err)
	}
	return m
}

// testIPv6: IPv6 addresses are kept among an asset's addresses (or as its
// address, for a host known by IPv6 alone), found by an IPv6 subnet, and
// kept on observations.
func testIPv6(t *testing.T, s store.Store) {
	dual := asset("d1", "192.0.2.5", "Synology", "nas", store.StateActive, t0)
	dual.Record.IPs = []netip.Addr{netip.MustParseAddr("192.0.2.5"), netip.MustParseAddr("2001:db8:100::5"), netip.MustParseAddr("fd00::5")}
	only := asset("d2", "2001:db8:100::99", "Apple", "phone", store.StateNew, t0)
	v4 := asset("d3", "192.0.2.7", "HP", "printer", store.StateActive, t0)
	must(t, s.PutAssets(ctx(t), []store.Asset{dual, only, v4}))
	got, err := s.Asset(ctx(t), "d1")
	must(t, err)
	if !reflect.DeepEqual(got.Record.IPs, dual.Record.IPs) {
		t.Errorf("addresses %v, want %v", got.Record.IPs, dual.Record.IPs)
	}
	if got, err := s.Asset(ctx(t), "d2"); err != nil || got.Record.IP != only.Record.IP {
		t.Errorf("IPv6 address %v (%v), want %v", got.Record.IP, err, only.Record.IP)
	}
	for p, want := range map[string][]string{
		"2001:db8:100::/64": {"d1", "d2"},
		"fd00::/8":          {"d1"},
		"192.0.2.0/24":      {"d1", "d3"},
	} {
		as, err := s.Assets(ctx(t), store.AssetFilter{Subnet: netip.MustParsePrefix(p)})
		must(t, err)
		var ids []string
		for _, a := range as {
			ids = append(ids, a.Record.AssetID)
		}
		if !reflect.DeepEqual(ids, want) {
			t.Errorf("subnet %s: %v, want %v", p, ids, want)
		}
	}
	must(t, s.AppendObservations(ctx(t), []store.Observation{obs("s6", "d1", "2001:db8:100::5", "00:11:32:00:00:05", record.SourceNDP)}))
	os, err := s.Observations(ctx(t), "s6", "d1")
	must(t, err)
	if len(os) != 1 || os[0].Asset.IP.String() != "2001:db8:100::5" || os[0].Source != record.SourceNDP {
		t.Errorf("observations %+v", os)
	}
}

func testKeys(t *testing.T, s store.Store) {
	k1 := store.AssetKey{AssetID: "a1", Key: identity.Key{Kind: identity.KindMAC, Value: "00:11:22:33:44:01"}, FirstSeen: t0}
	k2 := store.AssetKey{AssetID: "a1", Key: identity.Key{Kind: identity.KindSerial, Value: "cisco|FOC123"}, FirstSeen: t0}
	k3 := store.AssetKey{AssetID: "a2", Key: identity.Key{Kind: identity.KindMAC, Value: "00:11:22:33:44:02"}, FirstSeen: t0}
	must(t, s.AddKeys(ctx(t), []store.AssetKey{k1, k2, k3}))
	later := k1
	later.FirstSeen = t0.Add(time.Hour)
	must(t, s.AddKeys(ctx(t), []store.AssetKey{later})) // kept once, first time kept
	got, err := s.Keys(ctx(t), "a1")
	must(t, err)
	if len(got) != 2 || got[0].Key != k1.Key || got[1].Key != k2.Key || !got[0].FirstSeen.Equal(store.Second(t0)) {
		t.Fatalf("keys of a1: %+v", got)
	}
	must(t, s.DeleteKeys(ctx(t), []store.AssetKey{k1}))
	all, err := s.Keys(ctx(t))
	must(t, err)
	if len(all) != 2 || all[0].Key != k2.Key || all[1].AssetID != "a2" {
		t.Errorf("after delete: %+v", all)
	}
}

// testKeyHolders: the holders of the keys asked, each key of its own
// kind only, a deleted key no more; more keys than one query binds.
func testKeyHolders(t *testing.T, s store.Store) {
	key := func(k identity.Kind, v string) identity.Key { return identity.Key{Kind: k, Value: v} }
	ks := []store.AssetKey{
		{AssetID: "a1", Key: key(identity.KindSysName, "core"), FirstSeen: t0},
		{AssetID: "a2", Key: key(identity.KindMDNSName, "core"), FirstSeen: t0},
		{AssetID: "a3", Key: key(identity.KindSysName, "core"), FirstSeen: t0},
		{AssetID: "a4", Key: key(identity.KindSysName, "core"), FirstSeen: t0},
	}
	var ask []identity.Key
	for i := range 2500 {
		k := store.AssetKey{AssetID: fmt.Sprintf("m%04d", i), Key: key(identity.KindMAC, fmt.Sprintf("00:11:22:33:%02x:%02x", i/256, i%256)), FirstSeen: t0}
		ks = append(ks, k)
		if i%2 == 0 {
			ask = append(ask, k.Key)
		}
	}
	must(t, s.AddKeys(ctx(t), ks))
	must(t, s.DeleteKeys(ctx(t), []store.AssetKey{ks[3]}))
	ask = append(ask, key(identity.KindSysName, "core"), key(identity.KindMAC, "00:11:22:99:99:99"))
	got, err := s.KeyHolders(ctx(t), ask)
	must(t, err)
	want := []store.AssetKey{ks[0], ks[2]}
	for i := 0; i < 2500; i += 2 {
		want = append(want, ks[4+i])
	}
	for i := range want {
		want[i].FirstSeen = store.Second(t0)
	}
	if len(got) != len(want) {
		t.Fatalf("KeyHolders: %d keys, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].AssetID != want[i].AssetID || got[i].Key != want[i].Key || !got[i].FirstSeen.Equal(want[i].FirstSeen) {
			t.Fatalf("KeyHolders[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// testPresences: what absence reads of the assets in the states asked,
// within the prefixes asked (the first and last addresses of each
// inside, the next ones out), merged assets never.
func testPresences(t *testing.T, s store.Store) {
	seen := t0.Add(-time.Hour)
	as := []store.Asset{
		asset("p1", "192.0.2.1", "", "", store.StateActive, seen),
		asset("p2", "2001:db8::2", "", "", store.StateMissing, seen),
		asset("p3", "192.0.2.3", "", "", store.StateRetired, seen),
		asset("p4", "192.0.2.4", "", "", store.StateMerged, seen),
		asset("p5", "192.0.2.5", "", "", store.StateNew, seen),
		asset("p6", "192.0.2.127", "", "", store.StateActive, seen),
		asset("p7", "192.0.2.128", "", "", store.StateActive, seen),
		asset("p8", "198.51.100.7", "", "", store.StateReturned, seen),
	}
	as[1].LastSweepID = "s2"
	as[3].MergedInto = "p1"
	as[4].Record.IP = netip.Addr{} // seen without an address
	must(t, s.PutAssets(ctx(t), as))
	pres := func(a store.Asset) store.Presence {
		return store.Presence{AssetID: a.Record.AssetID, State: a.Record.State, IP: a.Record.IP, LastSeen: store.Second(seen), LastSweepID: a.LastSweepID}
	}
	pfx := netip.MustParsePrefix
	for _, tc := range []struct {
		within []netip.Prefix
		states []string
		want   []store.Asset
	}{
		{nil, []string{store.StateNew, store.StateActive, store.StateMissing, store.StateMerged}, []store.Asset{as[0], as[1], as[4], as[5], as[6]}},
		{[]netip.Prefix{pfx("192.0.2.0/25"), pfx("198.51.100.0/24")}, []string{store.StateNew, store.StateActive, store.StateReturned},
			[]store.Asset{as[0], as[5], as[7]}},
		{[]netip.Prefix{pfx("2001:db8::/64")}, []string{store.StateActive, store.StateMissing}, []store.Asset{as[1]}},
		{[]netip.Prefix{pfx("192.0.2.128/32")}, []string{store.StateActive}, []store.Asset{as[6]}},
		{[]netip.Prefix{}, []string{store.StateActive}, nil},
	} {
		got, err := s.Presences(ctx(t), tc.within, tc.states...)
		must(t, err)
		slices.SortFunc(got, func(a, b store.Presence) int { return strings.Compare(a.AssetID, b.AssetID) })
		var want []store.Presence
		for _, a := range tc.want {
			want = append(want, pres(a))
		}
		ok := len(got) == len(want)
		for i := 0; ok && i < len(want); i++ {
			g := got[i]
			ok = g.AssetID == want[i].AssetID && g.State == want[i].State && g.IP == want[i].IP &&
				g.LastSeen.Equal(want[i].LastSeen) && g.LastSweepID == want[i].LastSweepID
		}
		if !ok {
			t.Errorf("Presences(%v, %v) =\n%+v\nwant\n%+v", tc.within, tc.states, got, want)
		}
	}
}

func testDecisions(t *testing.T, s store.Store) {
	m := store.Decision{ID: store.NewUUID(t0), Time: t0, Kind: store.DecisionMerge, Actor: "ana", AssetA: "a1", AssetB: "a2"}
	sp := store.Decision{ID: store.NewUUID(t0), Time: t0.Add(time.Minute), Kind: store.DecisionSplit, AssetA: "a1", Key: identity.Key{Kind: identity.KindMAC, Value: "00:11:22:33:44:09"}}
	must(t, s.AddDecision(ctx(t), sp))
	must(t, s.AddDecision(ctx(t), m))
	must(t, s.AddDecision(ctx(t), m))
	got, err := s.Decisions(ctx(t))
	must(t, err)
	m.Time, sp.Time = store.Second(m.Time), store.Second(sp.Time)
	if !reflect.DeepEqual(got, []store.Decision{m, sp}) {
		t.Errorf("decisions:\n got %+v\nwant %+v", got, []store.Decision{m, sp})
	}
}

func testEvents(t *testing.T, s store.Store) {
	es := []store.Event{
		{ID: store.NewUUID(t0), Time: t0, SweepID: "s1", Seq: 1, AssetID: "a1", Type: store.EventChange, Field: "ip", Old: "192.0.2.1", New: "192.0.2.9"},
		{ID: store.NewUUID(t0), Time: t0, SweepID: "s1", Seq: 0, AssetID: "a1", Type: store.EventState, Field: "state", Old: "new", New: "active"},
		{ID: store.NewUUID(t0), Time: t0.Add(time.Hour), AssetID: "a2", Type: store.EventApproved, Actor: "ana"},
	}
	must(t, s.AppendEvents(ctx(t), es))
	must(t, s.AppendEvents(ctx(t), es[:1]))
	all, err := s.Events(ctx(t), store.EventFilter{})
	must(t, err)
	if len(all) != 3 || all[0].Type != store.EventState || all[1].Field != "ip" || all[2].AssetID != "a2" {
		t.Fatalf("events (time, seq order, each once): %+v", all)
	}
	// Read on page by page from the last event read, one a page: each
	// once, in order, though two share a second.
	var paged []string
	for k := (store.EventKey{}); ; {
		page, err := s.Events(ctx(t), store.EventFilter{After: k, Limit: 1})
		must(t, err)
		if len(page) == 0 {
			break
		}
		paged = append(paged, page[0].ID)
		k = page[0].Key()
		if len(paged) > 3 {
			break
		}
	}
	if want := []string{all[0].ID, all[1].ID, all[2].ID}; !slices.Equal(paged, want) {
		t.Errorf("events paged by After: %v, want %v", paged, want)
	}
	if all[1].Old != "192.0.2.1" || all[1].New != "192.0.2.9" || all[1].SweepID != "s1" || !all[1].Time.Equal(store.Second(t0)) {
		t.Errorf("event round trip %+v", all[1])
	}
	for _, tc := range []struct {
		f    store.EventFilter
		want int
	}{
		{store.EventFilter{AssetID: "a1"}, 2},
		{store.EventFilter{Since: t0.Add(time.Minute)}, 1},
		{store.EventFilter{Types: []string{store.EventChange, store.EventApproved}}, 2},
		{store.EventFilter{Limit: 1}, 1},
		{store.EventFilter{After: all[0].Key()}, 2},
		{store.EventFilter{After: all[1].Key()}, 1},
		{store.EventFilter{After: all[2].Key()}, 0},
		{store.EventFilter{After: all[0].Key(), AssetID: "a1"}, 1},
	} {
		got, err := s.Events(ctx(t), tc.f)
		must(t, err)
		if len(got) != tc.want {
			t.Errorf("events %+v: %d, want %d", tc.f, len(got), tc.want)
		}
	}
}

// readLog reads the event log from pos through, limit a page, and
// returns the IDs listed (in order) and the position after.
func readLog(t *testing.T, s store.Store, pos string, types []string, limit int) ([]string, string) {
	t.Helper()
	var ids []string
	for range 100 {
		es, next, err := s.EventsStored(ctx(t), pos, types, limit)
		must(t, err)
		for _, e := range es {
			ids = append(ids, e.ID)
		}
		pos = next
		if len(es) < limit {
			return ids, pos
		}
	}
	t.Fatalf("the event log read from %s did not end", pos)
	return nil, ""
}

// The event log lists events in the order they were stored, whatever
// their time: an event stamped behind one read already is listed by the
// next read (at least once: a store may list some again), pages follow
// on from each other, and types select.
func testEventLog(t *testing.T, s store.Store) {
	now := store.Second(time.Now())
	pos, err := s.EventLogFrom(ctx(t), now)
	must(t, err)
	if ids, _ := readLog(t, s, pos, nil, 10); len(ids) != 0 {
		t.Fatalf("an empty log read from now: %v", ids)
	}
	a := store.Event{ID: store.NewUUID(now), Time: now, AssetID: "a1", Type: store.EventNewUnapproved}
	must(t, s.AppendEvents(ctx(t), []store.Event{a}))
	ids, pos := readLog(t, s, pos, nil, 10)
	if !slices.Equal(ids, []string{a.ID}) {
		t.Fatalf("log read after one event: %v, want %s", ids, a.ID)
	}
	// Stored later, stamped behind: a sweep replayed 20 minutes late,
	// and a change of an hour ago; three more of one second.
	late := store.Event{ID: store.NewUUID(now), Time: now.Add(-20 * time.Minute), SweepID: "s1", AssetID: "a2", Type: store.EventState, New: store.StateMissing}
	old := store.Event{ID: store.NewUUID(now), Time: now.Add(-time.Hour), AssetID: "a3", Type: store.EventChange, Field: "ip"}
	batch := []store.Event{late, old}
	for i := range 3 {
		batch = append(batch, store.Event{ID: store.NewUUID(now), Time: now.Add(-20 * time.Minute), SweepID: "s1", Seq: int64(i + 1),
			AssetID: fmt.Sprintf("b%d", i), Type: store.EventNewUnapproved})
	}
	must(t, s.AppendEvents(ctx(t), batch))
	types := []string{store.EventNewUnapproved, store.EventState}
	ids, _ = readLog(t, s, pos, types, 1) // a page an event
	got := map[string]bool{}
	for _, id := range ids {
		got[id] = true
	}
	for _, e := range []store.Event{late, batch[2], batch[3], batch[4]} {
		if !got[e.ID] {
			t.Errorf("the log read on from the last read (a page an event) lacks %s (%s, time %s): %v", e.ID, e.Type, e.Time, ids)
		}
	}
	if got[old.ID] {
		t.Errorf("the log read of %v listed a %s event", types, old.Type)
	}
	if len(ids) > len(got)+len(ids)/2 {
		t.Errorf("the log listed %d events for %d: pages overlap", len(ids), len(got))
	}
	// From a time: every event of that time or later, wherever stored.
	from, err := s.EventLogFrom(ctx(t), now.Add(-30*time.Minute))
	must(t, err)
	ids, _ = readLog(t, s, from, nil, 100)
	got = map[string]bool{}
	for _, id := range ids {
		got[id] = true
	}
	for _, e := range []store.Event{a, late, batch[4]} {
		if !got[e.ID] {
			t.Errorf("the log read from 30 minutes back lacks %s (time %s): %v", e.ID, e.Time, ids)
		}
	}
	if _, _, err := s.EventsStored(ctx(t), "not a position", nil, 1); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("a position the store did not give: %v, want ErrInvalid", err)
	}
}

func testSnapshots(t *testing.T, s store.Store) {
	mac, _ := record.ParseMAC("00:11:22:33:44:55")
	for i, sw := range []string{"s1", "s2"} {
		tm := t0.Add(time.Duration(i) * time.Hour)
		var sws []store.Software
		for j := 0; j <= i; j++ {
			sws = append(sws, store.Software{AssetID: "a1", SweepID: sw, Time: tm, Software: record.Software{Name: string(rune('a' + j)), Version: "1", InstalledAt: t0}})
		}
		must(t, s.AppendSoftware(ctx(t), sws))
		must(t, s.AppendInterfaces(ctx(t), []store.Interface{{AssetID: "a1", SweepID: sw, Time: tm, Interface: record.Interface{Index: 1, Name: "eth0", MAC: mac, SpeedBps: 1e9, AdminUp: true, OperUp: i == 1, InOctets: 1 << 40, OutOctets: uint64(i)}}}))
		must(t, s.AppendNeighbors(ctx(t), []store.Neighbor{{AssetID: "a1", SweepID: sw, Time: tm, Neighbor: record.Neighbor{LocalPort: "ge-0/0/" + sw, ChassisID: "c", SysName: "core",
			Protocol: "cdp", Capabilities: []string{"router", "switch"}, Platform: "cisco WS-C4500X-32"}}}))
		must(t, s.AppendSamples(ctx(t), []store.Sample{{AssetID: "a1", SweepID: sw, Time: tm, Metric: "if_in_octets", Instance: "1", Value: float64(1000 * (i + 1))}}))
	}
	sw, err := s.Software(ctx(t), "a1")
	must(t, err)
	if len(sw) != 2 || sw[0].SweepID != "s2" || sw[1].Name != "b" || !sw[0].InstalledAt.Equal(store.Second(t0)) {
		t.Errorf("latest software: %+v", sw)
	}
	ifs, err := s.Interfaces(ctx(t), "a1")
	must(t, err)
	if len(ifs) != 1 || !ifs[0].OperUp || ifs[0].MAC.String() != mac.String() || ifs[0].InOctets != 1<<40 || ifs[0].SpeedBps != 1e9 {
		t.Errorf("latest interfaces: %+v", ifs)
	}
	ns, err := s.Neighbors(ctx(t), "a1")
	must(t, err)
	if len(ns) != 1 || ns[0].LocalPort != "ge-0/0/s2" || ns[0].Protocol != "cdp" || ns[0].Platform != "cisco WS-C4500X-32" ||
		!reflect.DeepEqual(ns[0].Capabilities, []string{"router", "switch"}) {
		t.Errorf("latest neighbors: %+v", ns)
	}
	smp, err := s.Samples(ctx(t), store.SampleFilter{AssetID: "a1", Metric: "if_in_octets"})
	must(t, err)
	if len(smp) != 2 || smp[0].Value != 1000 || smp[1].Value != 2000 {
		t.Errorf("samples: %+v", smp)
	}
	if got, _ := s.Samples(ctx(t), store.SampleFilter{Since: t0.Add(30 * time.Minute)}); len(got) != 1 {
		t.Errorf("samples since: %d", len(got))
	}
	// Several assets in one read, oldest first across them.
	must(t, s.AppendSamples(ctx(t), []store.Sample{
		{AssetID: "a2", SweepID: "s1", Time: t0.Add(10 * time.Minute), Metric: "cpu_load_pct", Value: 7},
		{AssetID: "a3", SweepID: "s1", Time: t0, Metric: "cpu_load_pct", Value: 9},
	}))
	got, err := s.Samples(ctx(t), store.SampleFilter{AssetIDs: []string{"a1", "a2", "nobody"}})
	must(t, err)
	var seq []string
	for _, r := range got {
		seq = append(seq, fmt.Sprintf("%s@%d", r.AssetID, r.Time.Sub(store.Second(t0))/time.Minute))
	}
	if fmt.Sprint(seq) != "[a1@0 a2@10 a1@60]" {
		t.Errorf("samples of a1, a2: %v, want [a1@0 a2@10 a1@60]", seq)
	}
	if got, _ := s.Software(ctx(t), "nobody"); len(got) != 0 {
		t.Errorf("software of unknown asset: %+v", got)
	}
}

func testPrune(t *testing.T, s store.Store) {
	old, recent := t0.Add(-40*24*time.Hour), t0
	o1 := obs("s0", "a1", "192.0.2.1", "00:11:22:33:44:01", record.SourceARP)
	o1.Time = old
	o2 := obs("s1", "a1", "192.0.2.1", "00:11:22:33:44:01", record.SourceARP)
	must(t, s.AppendObservations(ctx(t), []store.Observation{o1, o2}))
	must(t, s.AppendSamples(ctx(t), []store.Sample{{AssetID: "a1", SweepID: "s0", Time: old, Metric: "m"}, {AssetID: "a1", SweepID: "s1", Time: recent, Metric: "m"}}))
	// a1's software: an old and a recent snapshot; a2's only snapshot is old
	// but latest, so it stays.
	must(t, s.AppendSoftware(ctx(t), []store.Software{
		{AssetID: "a1", SweepID: "s0", Time: old, Software: record.Software{Name: "x"}},
		{AssetID: "a1", SweepID: "s1", Time: recent, Software: record.Software{Name: "x"}},
		{AssetID: "a2", SweepID: "s0", Time: old, Software: record.Software{Name: "y"}},
	}))
	must(t, s.PutAssets(ctx(t), []store.Asset{asset("a1", "192.0.2.1", "", "", store.StateActive, old)}))
	must(t, s.AppendEvents(ctx(t), []store.Event{{ID: store.NewUUID(old), Time: old, AssetID: "a1", Type: store.EventState, New: "new"}}))
	ps, err := s.Prune(ctx(t), t0.Add(-30*24*time.Hour))
	must(t, err)
	if ps.Observations != 1 || ps.Samples != 1 || ps.Software != 1 {
		t.Errorf("prune stats %+v, want 1 observation, 1 sample, 1 software row", ps)
	}
	if got, _ := s.Observations(ctx(t), "", ""); len(got) != 1 || got[0].ID != o2.ID {
		t.Errorf("observations after prune: %+v", got)
	}
	if got, _ := s.Software(ctx(t), "a2"); len(got) != 1 {
		t.Errorf("a2's only (latest) snapshot was pruned")
	}
	if got, _ := s.Events(ctx(t), store.EventFilter{}); len(got) != 1 {
		t.Errorf("events must be kept: %d", len(got))
	}
	if _, err := s.Asset(ctx(t), "a1"); err != nil {
		t.Errorf("assets must be kept: %v", err)
	}
}

// testHostile: values are bound, never spliced into SQL.
func testHostile(t *testing.T, s store.Store) {
	evil := `x'); DROP TABLE assets; --` + "\"\\\x00é"
	a := asset("a'1", "192.0.2.1", evil, evil, store.StateNew, t0)
	a.Record.Hostname = evil
	must(t, s.PutAssets(ctx(t), []store.Asset{a}))
	must(t, s.Annotate(ctx(t), store.Annotation{AssetID: "a'1", Site: evil, Tags: []string{evil}}))
	got, err := s.Assets(ctx(t), store.AssetFilter{Vendor: evil, DeviceType: evil})
	must(t, err)
	if len(got) != 1 || got[0].Record.Hostname != evil || got[0].Record.Site != evil || got[0].Record.Tags[0] != evil {
		t.Fatalf("hostile strings did not round-trip: %+v", got)
	}
}

func testLatestSoftware(t *testing.T, s store.Store) {
	// a1: two snapshots (the later one wins, rows by name); a2: one;
	// a3: none. Then enough assets to need several chunks.
	sw := func(asset, sweep string, tm time.Time, names ...string) []store.Software {
		var out []store.Software
		for _, n := range names {
			out = append(out, store.Software{AssetID: asset, SweepID: sweep, Time: tm, Software: record.Software{Name: n, Version: "1." + n, Arch: "amd64", InstalledAt: t0}})
		}
		return out
	}
	must(t, s.AppendSoftware(ctx(t), sw("a1", "s1", t0, "old")))
	must(t, s.AppendSoftware(ctx(t), append(sw("a1", "s2", t0.Add(time.Hour), "zsh", "bash"), sw("a2", "s2", t0.Add(time.Hour), "curl")...)))
	got, err := s.LatestSoftware(ctx(t), []string{"a1", "a2", "a3"})
	must(t, err)
	if len(got) != 2 {
		t.Fatalf("latest software of a1, a2, a3: %d entries, want 2 (none for a3): %+v", len(got), got)
	}
	for _, id := range []string{"a1", "a2"} {
		one, err := s.Software(ctx(t), id)
		must(t, err)
		if !reflect.DeepEqual(got[id], one) {
			t.Errorf("LatestSoftware[%s] = %+v, Software = %+v: want the same", id, got[id], one)
		}
	}
	if a1 := got["a1"]; len(a1) != 2 || a1[0].Name != "bash" || a1[1].Name != "zsh" || a1[0].SweepID != "s2" || !a1[0].InstalledAt.Equal(store.Second(t0)) {
		t.Errorf("latest software of a1: %+v", a1)
	}
	const n = 2100
	var rows []store.Software
	ids := []string{"a1"}
	for i := range n {
		id := fmt.Sprintf("bulk-%04d", i)
		ids = append(ids, id)
		rows = append(rows, sw(id, "s3", t0, fmt.Sprintf("p%d", i%3), "q")...)
	}
	must(t, s.AppendSoftware(ctx(t), rows))
	got, err = s.LatestSoftware(ctx(t), ids)
	must(t, err)
	if len(got) != n+1 || len(got["a1"]) != 2 || len(got["bulk-2099"]) != 2 || got["bulk-0005"][0].Name != "p2" {
		t.Errorf("latest software of %d assets: %d entries", len(ids), len(got))
	}
	all, err := s.LatestSoftware(ctx(t), nil)
	must(t, err)
	if len(all) != n+2 || len(all["a2"]) != 1 || !reflect.DeepEqual(all["a1"], got["a1"]) {
		t.Errorf("latest software of every asset: %d entries, want %d", len(all), n+2)
	}
	if none, err := s.LatestSoftware(ctx(t), []string{"nobody"}); err != nil || len(none) != 0 {
		t.Errorf("latest software of an unknown asset: %+v %v", none, err)
	}
}

// testWholeRecord: every field of record.Asset, those added later too,
// survives the store (filled by reflection, so a new field is covered
// without touching this test).
func testWholeRecord(t *testing.T, s store.Store) {
	var a store.Asset
	fill(reflect.ValueOf(&a.Record).Elem(), "f")
	a.Record.AssetID, a.Record.State = "whole", store.StateActive
	a.StateSince, a.MissedSweeps, a.LastSweepID, a.SoftwareDigest = t0, 1, "s1", "d1"
	must(t, s.PutAssets(ctx(t), []store.Asset{a}))
	must(t, s.Annotate(ctx(t), store.Annotation{AssetID: "whole", Approved: true, Site: "lab", Role: "core", Owner: "net", Tags: []string{"t"}}))
	want := a
	yes := true
	want.Record.Approved, want.Record.Site, want.Record.Role, want.Record.Owner, want.Record.Tags = &yes, "lab", "core", "net", []string{"t"}
	want.StateSince = store.Second(t0)
	want.Record.FirstSeen, want.Record.LastSeen = store.Second(a.Record.FirstSeen), store.Second(a.Record.LastSeen)
	got, err := s.Asset(ctx(t), "whole")
	must(t, err)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("whole record round trip (Asset):\n got %+v\nwant %+v", got, want)
	}
	list, err := s.Assets(ctx(t), store.AssetFilter{})
	must(t, err)
	if len(list) != 1 || !reflect.DeepEqual(list[0], want) {
		t.Errorf("whole record round trip (Assets):\n got %+v\nwant %+v", list, want)
	}
}

// fill sets every field reachable from v to a non-zero value; times are
// whole seconds in UTC (what stores keep).
func fill(v reflect.Value, name string) {
	switch x := v.Addr().Interface().(type) {
	case *time.Time:
		*x = store.Second(t0.Add(time.Duration(len(name)) * time.Minute))
		return
	case *netip.Addr:
		*x = netip.AddrFrom4([4]byte{192, 0, 2, byte(len(name))})
		return
	case *netip.Prefix:
		*x = netip.PrefixFrom(netip.AddrFrom4([4]byte{192, 0, 2, 0}), 24)
		return
	case *record.MAC:
		*x = record.MAC{0x00, 0x11, 0x22, 0x33, 0x44, byte(len(name))}
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(name + "-é\"'")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(len(name)))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(len(name)) + 1<<7)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(len(name)) + 0.5)
	case reflect.Slice:
		sv := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(sv.Index(i), fmt.Sprintf("%s%d", name, i))
		}
		v.Set(sv)
	case reflect.Map:
		mv := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k, name+"k")
		fill(e, name+"v")
		mv.SetMapIndex(k, e)
		v.Set(mv)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), name)
		v.Set(p)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), name+"."+v.Type().Field(i).Name)
			}
		}
	}
}

// testManyAssets: a listing of thousands of assets, written in several
// batches and some rewritten (latest write wins), in ID order, with their
// annotations, filtered by many IDs.
func testManyAssets(t *testing.T, s store.Store) {
	const n = 5000
	var as []store.Asset
	for i := range n {
		as = append(as, asset(fmt.Sprintf("m%05d", (i*7919)%n), fmt.Sprintf("198.18.%d.%d", i/250, i%250+1), "Acme", "printer", store.StateActive, t0))
	}
	for i := 0; i < n; i += 1500 {
		must(t, s.PutAssets(ctx(t), as[i:min(n, i+1500)]))
	}
	var again []store.Asset
	for i := 0; i < n; i += 10 {
		a := as[i]
		a.Record.Hostname, a.MissedSweeps = "v2", 1
		again = append(again, a)
	}
	must(t, s.PutAssets(ctx(t), again))
	must(t, s.Annotate(ctx(t), store.Annotation{AssetID: "m00042", Approved: true, Owner: "ops"}))
	got, err := s.Assets(ctx(t), store.AssetFilter{})
	must(t, err)
	if len(got) != n {
		t.Fatalf("listed %d assets, want %d", len(got), n)
	}
	v2 := map[string]bool{}
	for _, a := range again {
		v2[a.Record.AssetID] = true
	}
	for i, a := range got {
		if want := fmt.Sprintf("m%05d", i); a.Record.AssetID != want {
			t.Fatalf("asset %d is %s, want %s (ID order)", i, a.Record.AssetID, want)
		}
		if (a.Record.Hostname == "v2") != v2[a.Record.AssetID] || (a.MissedSweeps == 1) != v2[a.Record.AssetID] {
			t.Fatalf("%s: hostname %q missed %d: the latest write must win", a.Record.AssetID, a.Record.Hostname, a.MissedSweeps)
		}
		if approved := *a.Record.Approved; approved != (a.Record.AssetID == "m00042") || (a.Record.Owner == "ops") != approved {
			t.Fatalf("%s: approved %v owner %q", a.Record.AssetID, approved, a.Record.Owner)
		}
	}
	var ids []string
	for i := 0; i < n; i += 3 {
		ids = append(ids, fmt.Sprintf("m%05d", i))
	}
	ids = append(ids, "absent")
	sub, err := s.Assets(ctx(t), store.AssetFilter{IDs: ids})
	must(t, err)
	if len(sub) != len(ids)-1 || sub[1].Record.AssetID != "m00003" {
		t.Errorf("%d IDs: listed %d", len(ids), len(sub))
	}
	// m00042 is among the first 20 and approved.
	if un, err := s.Assets(ctx(t), store.AssetFilter{Unapproved: true, IDs: ids[:20]}); err != nil || len(un) != 19 {
		t.Errorf("unapproved of 20 IDs (one approved): %d %v", len(un), err)
	}
}

// testLocations: location rows are kept per asset and sweep (written twice,
// stored once), listed oldest first by asset or by switch, the newest
// Limit of them; Prune keeps each asset's latest.
func testLocations(t *testing.T, s store.Store) {
	mac := record.MAC{0x00, 0x00, 0x5e, 0x00, 0x53, 0x01}
	row := func(asset, sweep string, at time.Time, sw, port string, vlan int) store.Location {
		return store.Location{AssetID: asset, SweepID: sweep, Time: at, MAC: mac, Rule: "access_port",
			Location: record.Location{Switch: record.SwitchRef{AssetID: sw, Name: "name-" + sw, IP: netip.MustParseAddr("192.0.2.11")},
				Port: port, IfIndex: 10101, VLAN: vlan, Seen: at}}
	}
	old := t0.Add(-40 * 24 * time.Hour)
	rows := []store.Location{
		row("a1", "s0", old, "sw1", "Gi1/0/1", 10),
		row("a1", "s1", t0, "sw1", "Gi1/0/1", 10),
		row("a1", "s2", t0.Add(time.Hour), "sw2", "Gi1/0/7", 20),
		row("a2", "s2", t0.Add(time.Hour), "sw1", "Gi1/0/2", 10),
	}
	must(t, s.AppendLocations(ctx(t), rows))
	must(t, s.AppendLocations(ctx(t), rows[1:2])) // a replay
	got, err := s.Locations(ctx(t), store.LocationFilter{AssetID: "a1"})
	must(t, err)
	if len(got) != 3 || got[0].SweepID != "s0" || got[2].Switch.AssetID != "sw2" || got[2].Port != "Gi1/0/7" || got[2].VLAN != 20 {
		t.Fatalf("history of a1: %+v", got)
	}
	want := rows[2]
	want.Time, want.Seen = store.Second(want.Time), store.Second(want.Seen)
	if !reflect.DeepEqual(got[2], want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got[2], want)
	}
	on, err := s.Locations(ctx(t), store.LocationFilter{SwitchID: "sw1", Since: t0})
	must(t, err)
	if len(on) != 2 || on[0].AssetID != "a1" || on[1].AssetID != "a2" {
		t.Errorf("on sw1 since t0: %+v", on)
	}
	last, err := s.Locations(ctx(t), store.LocationFilter{AssetID: "a1", Limit: 1})
	must(t, err)
	if len(last) != 1 || last[0].SweepID != "s2" {
		t.Errorf("newest 1: %+v", last)
	}
	ps, err := s.Prune(ctx(t), t0.Add(-30*24*time.Hour))
	must(t, err)
	if ps.Locations != 1 {
		t.Errorf("pruned %d location rows, want 1", ps.Locations)
	}
}
