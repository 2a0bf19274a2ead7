package inventory

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// wideStore answers KeyHolders with every key in the CMDB: an ingest on
// it reads every asset, as ingest did before it read only the assets a
// sweep can tie to.
type wideStore struct{ store.Store }

func (w wideStore) KeyHolders(ctx context.Context, _ []identity.Key) ([]store.AssetKey, error) {
	return w.Keys(ctx)
}

// TestIngestReadsOnlyWhatItNeeds: sweeps of a churning fleet (addresses
// moving, NICs swapped under a kept serial, sysNames and mDNS names
// shared, devices leaving and coming back, merges and splits by people,
// partial sweeps, sweeps of half the segment) leave the same assets,
// keys and events whether ingest reads only the assets the sweep's keys
// reach and the absentees it may change, or every asset.
func TestIngestReadsOnlyWhatItNeeds(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	cfg := Config{MissingAfterSweeps: 2, RetireAfter: 5 * time.Hour}
	narrow := newInv(t, cfg)
	wide := newInv(t, cfg)
	wide.st = wideStore{wide.st}

	type device struct {
		mac, serial, sysName, mdns string
		ip                         int
	}
	fleet := make([]device, 60)
	for i := range fleet {
		d := &fleet[i]
		d.mac = fmt.Sprintf("00:1b:21:00:02:%02x", i)
		d.ip = 10 + i
		if i%3 == 0 {
			d.serial = fmt.Sprintf("SN%04d", i)
		}
		if i%5 == 0 {
			d.sysName = fmt.Sprintf("core-%d", i/10) // two devices share one
		}
		if i%4 == 0 {
			d.mdns = fmt.Sprintf("host-%d.local", i/8)
		}
	}
	observe := func(d *device) []record.Observation {
		ip := fmt.Sprintf("192.0.2.%d", d.ip)
		obs := []record.Observation{arp(ip, d.mac)}
		// SNMP answers one time in two: a device is known by its MAC
		// alone, then by its serial too, and a swapped NIC makes a
		// second asset until the serial ties the two.
		if (d.serial != "" || d.sysName != "") && rng.IntN(2) == 0 {
			obs = append(obs, record.Observation{Source: record.SourceSNMP, Asset: record.Asset{
				IP: netip.MustParseAddr(ip), Vendor: "Cisco", Serial: d.serial, SysName: d.sysName}})
		}
		if d.mdns != "" {
			obs = append(obs, record.Observation{Source: record.SourceMDNS, Asset: record.Asset{IP: netip.MustParseAddr(ip), Hostname: d.mdns}})
		}
		return obs
	}
	ctx := t.Context()
	states := map[string]int{} // asset-sweeps in each state
	for n := range 24 {
		at := t0.Add(time.Duration(n) * time.Hour)
		// Churn: a device gets a new address, a new NIC (its serial
		// stays), or leaves.
		for range 4 {
			d := &fleet[rng.IntN(len(fleet))]
			switch rng.IntN(3) {
			case 0:
				d.ip = 10 + rng.IntN(200)
			case 1:
				d.mac = fmt.Sprintf("00:1b:21:%02x:%02x:%02x", n, rng.IntN(256), rng.IntN(256))
			}
		}
		var obs []record.Observation
		for i := range fleet {
			if rng.IntN(4) > 0 {
				obs = append(obs, observe(&fleet[i])...)
			}
		}
		sw := sweep(at, n%7 == 6, obs...)
		sw.ID = store.DerivedUUID("sweep", n)
		if n%5 == 4 {
			sw.Segments = []netip.Prefix{netip.MustParsePrefix("192.0.2.0/25")}
		}
		a, b := ingest(t, narrow, sw), ingest(t, wide, sw)
		if !reflect.DeepEqual(a.Events, b.Events) || !reflect.DeepEqual(a.Sweep, b.Sweep) {
			t.Fatalf("sweep %d: ingest reading the touched assets gave\n%+v\n%+v\nreading all gave\n%+v\n%+v", n, a.Sweep, a.Events, b.Sweep, b.Events)
		}
		// People's corrections, the same on both.
		if n%6 == 3 {
			live, err := narrow.st.Assets(ctx, store.AssetFilter{States: []string{store.StateActive}})
			if err != nil {
				t.Fatal(err)
			}
			if len(live) >= 2 {
				x, y := live[rng.IntN(len(live))].Record.AssetID, live[rng.IntN(len(live))].Record.AssetID
				if x != y {
					for _, inv := range []*Inventory{narrow, wide} {
						if err := inv.Merge(ctx, "ana", x, y); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
		}
		compareStores(t, n, narrow.st, wide.st)
		as, _ := narrow.st.Assets(ctx, store.AssetFilter{IncludeMerged: true})
		for _, x := range as {
			states[x.Record.State]++
		}
	}
	// The scenario reached every state, or it tested less than it says.
	for _, s := range []string{store.StateActive, store.StateMissing, store.StateReturned, store.StateRetired, store.StateMerged} {
		if states[s] == 0 {
			t.Errorf("no asset was ever %s (%v): the scenario does not cover it", s, states)
		}
	}
}

func compareStores(t *testing.T, n int, a, b store.Store) {
	t.Helper()
	ctx := t.Context()
	x, err := a.Assets(ctx, store.AssetFilter{IncludeMerged: true})
	if err != nil {
		t.Fatal(err)
	}
	y, err := b.Assets(ctx, store.AssetFilter{IncludeMerged: true})
	if err != nil {
		t.Fatal(err)
	}
	// Annotations and state times are set by the clock of the action.
	if !reflect.DeepEqual(x, y) {
		for i := range min(len(x), len(y)) {
			if !reflect.DeepEqual(x[i], y[i]) {
				t.Fatalf("after sweep %d: asset\n%+v\nvs (reading every asset)\n%+v", n, x[i], y[i])
			}
		}
		t.Fatalf("after sweep %d: %d assets vs %d reading every asset", n, len(x), len(y))
	}
	kx, _ := a.Keys(ctx)
	ky, _ := b.Keys(ctx)
	if !reflect.DeepEqual(kx, ky) {
		t.Fatalf("after sweep %d: keys differ:\n%v\nvs\n%v", n, kx, ky)
	}
}

// TestTouchedFollowsKeysAndMerges: the assets an ingest reads are the
// holders of the sweep's keys, the holders of their other keys in turn,
// and the assets a person merged with any of them; not the rest.
func TestTouchedFollowsKeysAndMerges(t *testing.T) {
	inv := newInv(t, Config{})
	ctx := t.Context()
	mac := func(v string) identity.Key { return identity.Key{Kind: identity.KindMAC, Value: v} }
	sys := identity.Key{Kind: identity.KindSysName, Value: "core"}
	held := map[string][]identity.Key{
		"a": {mac("00:1b:21:00:00:01"), sys},
		"b": {sys},                      // reached through a's sysName
		"c": {mac("00:1b:21:00:00:03")}, // merged with b by a person
		"d": {mac("00:1b:21:00:00:04")}, // not reached
	}
	var as []store.Asset
	var ks []store.AssetKey
	for id, keys := range held {
		as = append(as, store.Asset{Record: record.Asset{AssetID: id, State: store.StateActive}})
		for _, k := range keys {
			ks = append(ks, store.AssetKey{AssetID: id, Key: k, FirstSeen: t0})
		}
	}
	if err := inv.st.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	if err := inv.st.AddKeys(ctx, ks); err != nil {
		t.Fatal(err)
	}
	decs := []identity.Decision{{MergeA: "c", MergeB: "b"}}
	got, keys, err := inv.touched(ctx, []identity.Key{mac("00:1b:21:00:00:01")}, decs)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for id := range got {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if want := []string{"a", "b", "c"}; !slices.Equal(ids, want) {
		t.Errorf("touched read %v, want %v", ids, want)
	}
	if len(keys) != 4 || !slices.IsSortedFunc(keys, store.CompareKeys) {
		t.Errorf("touched keys %+v: want a's, b's and c's, in order", keys)
	}
}
