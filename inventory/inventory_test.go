package inventory

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
)

var (
	t0  = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	seg = netip.MustParsePrefix("192.0.2.0/24")
)

func openStore(t testing.TB) store.Store {
	t.Helper()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "cmdb.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	return db
}

func newInv(t testing.TB, cfg Config) *Inventory {
	t.Helper()
	res, err := identity.New(nil, identity.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return t0 }
	}
	return New(openStore(t), res, cfg, nil)
}

func arp(ip, mac string) record.Observation {
	m, _ := record.ParseMAC(mac)
	return record.Observation{Source: record.SourceARP, Asset: record.Asset{IP: netip.MustParseAddr(ip), MAC: m, Sources: []record.Source{record.SourceARP}}}
}

func sweep(at time.Time, partial bool, obs ...record.Observation) Sweep {
	for i := range obs {
		obs[i].Time = at
	}
	return Sweep{Start: at, End: at, Partial: partial, Segments: []netip.Prefix{seg}, Observations: obs}
}

func ingest(t *testing.T, inv *Inventory, sw Sweep) Result {
	t.Helper()
	r, err := inv.Ingest(t.Context(), sw)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func state(t *testing.T, inv *Inventory) map[string]string {
	t.Helper()
	as, err := inv.st.Assets(t.Context(), store.AssetFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, a := range as {
		out[a.Record.MAC.String()] = a.Record.State
	}
	return out
}

func kinds(es []store.Event) []string {
	var out []string
	for _, e := range es {
		s := e.Type
		if e.Field != "" {
			s += ":" + e.Field
		}
		if e.Type == store.EventState || e.Type == store.EventChange {
			s += ":" + e.Old + ">" + e.New
		}
		out = append(out, s)
	}
	return out
}

const (
	macA = "00:1b:21:00:00:0a"
	macB = "00:1b:21:00:00:0b"
)

func TestLifecycle(t *testing.T) {
	inv := newInv(t, Config{MissingAfterSweeps: 2, RetireAfter: 10 * time.Hour, Now: func() time.Time { return t0.Add(20 * time.Hour) }})
	h := time.Hour
	// 1: both new.
	r := ingest(t, inv, sweep(t0, false, arp("192.0.2.10", macA), arp("192.0.2.11", macB)))
	if r.Sweep.New != 2 || len(r.Events) != 4 {
		t.Fatalf("sweep 1: new %d, events %v", r.Sweep.New, kinds(r.Events))
	}
	if got := kinds(r.Events); !reflect.DeepEqual(got[:2], []string{"state:state:>new", "new_unapproved"}) {
		t.Errorf("new asset events %v", got)
	}
	// 2: A seen again -> active; B unseen once: not missing yet (2 sweeps).
	r = ingest(t, inv, sweep(t0.Add(h), false, arp("192.0.2.10", macA)))
	if s := state(t, inv); s[macA] != "active" || s[macB] != "new" {
		t.Fatalf("sweep 2: %v", s)
	}
	// 3: a partial sweep marks nothing missing.
	r = ingest(t, inv, sweep(t0.Add(2*h), true, arp("192.0.2.10", macA)))
	if s := state(t, inv); s[macB] != "new" || len(r.Events) != 0 {
		t.Fatalf("partial sweep: %v, events %v", s, kinds(r.Events))
	}
	if got, err := inv.st.Sweep(t.Context(), r.Sweep.ID); err != nil || !got.Partial || got.Observations != 1 {
		t.Errorf("partial sweep stored as %+v (%v)", got, err)
	}
	// 4: a complete sweep of another subnet only: B's subnet not swept.
	other := sweep(t0.Add(3*h), false)
	other.Segments = []netip.Prefix{netip.MustParsePrefix("198.51.100.0/24")}
	ingest(t, inv, other)
	if s := state(t, inv); s[macA] != "active" || s[macB] != "new" {
		t.Fatalf("other subnet swept: %v", s)
	}
	// 5: second complete sweep of B's subnet without B: missing.
	r = ingest(t, inv, sweep(t0.Add(4*h), false, arp("192.0.2.10", macA)))
	if s := state(t, inv); s[macB] != "missing" {
		t.Fatalf("sweep 5: %v", s)
	}
	if got := kinds(r.Events); !reflect.DeepEqual(got, []string{"state:state:new>missing"}) || r.Sweep.Missing != 1 {
		t.Errorf("missing events %v (missing %d)", got, r.Sweep.Missing)
	}
	// 6: B returns with a new address: returned, and an ip change event.
	r = ingest(t, inv, sweep(t0.Add(5*h), false, arp("192.0.2.10", macA), arp("192.0.2.12", macB)))
	if s := state(t, inv); s[macB] != "returned" {
		t.Fatalf("sweep 6: %v", s)
	}
	if got := kinds(r.Events); !reflect.DeepEqual(got, []string{"change:ip:192.0.2.11>192.0.2.12", "state:state:missing>returned"}) {
		t.Errorf("return events %v", got)
	}
	// 7..8: B gone again, missing; then 10 h after last seen: retired.
	ingest(t, inv, sweep(t0.Add(6*h), false, arp("192.0.2.10", macA)))
	ingest(t, inv, sweep(t0.Add(7*h), false, arp("192.0.2.10", macA)))
	if s := state(t, inv); s[macB] != "missing" {
		t.Fatalf("sweep 8: %v", s)
	}
	r = ingest(t, inv, sweep(t0.Add(15*h), false, arp("192.0.2.10", macA)))
	if s := state(t, inv); s[macB] != "retired" {
		t.Fatalf("after retire_after: %v (%v)", s, kinds(r.Events))
	}
	// Retired by command.
	as, _ := inv.st.Assets(t.Context(), store.AssetFilter{})
	var idA string
	for _, a := range as {
		if a.Record.MAC.String() == macA {
			idA = a.Record.AssetID
		}
	}
	if err := inv.Retire(t.Context(), "ana", idA); err != nil {
		t.Fatal(err)
	}
	if s := state(t, inv); s[macA] != "retired" {
		t.Fatalf("after retire: %v", s)
	}
	evs, _ := inv.st.Events(t.Context(), store.EventFilter{AssetID: idA, Types: []string{store.EventState}})
	if last := evs[len(evs)-1]; last.New != "retired" || last.Actor != "ana" || last.SweepID != "" {
		t.Errorf("retire event %+v", last)
	}
}

func TestMissingAfterTime(t *testing.T) {
	inv := newInv(t, Config{MissingAfter: 90 * time.Minute})
	ingest(t, inv, sweep(t0, false, arp("192.0.2.10", macA)))
	ingest(t, inv, sweep(t0.Add(time.Hour), false))
	if s := state(t, inv); s[macA] != "new" {
		t.Fatalf("after 1h: %v", s)
	}
	ingest(t, inv, sweep(t0.Add(2*time.Hour), false))
	if s := state(t, inv); s[macA] != "missing" {
		t.Fatalf("after 2h: %v", s)
	}
}

func TestAttributeChanges(t *testing.T) {
	inv := newInv(t, Config{MissingAfterSweeps: 3})
	snmp := func(ip, name, ver, loc, serial string) record.Observation {
		return record.Observation{Source: record.SourceSNMP, Asset: record.Asset{IP: netip.MustParseAddr(ip), SysName: name,
			Vendor: "Cisco", Model: "C9300", Serial: serial, OSVersion: ver, SysLocation: loc, DeviceType: "switch", Hostname: name}}
	}
	ingest(t, inv, sweep(t0, false, arp("192.0.2.20", macA), snmp("192.0.2.20", "core-1", "17.3", "rack 1", "FOC1234X")))
	r := ingest(t, inv, sweep(t0.Add(time.Hour), false, arp("192.0.2.20", macA), snmp("192.0.2.20", "core-1", "17.6", "rack 2", "FOC1234X")))
	want := []string{"change:os_version:17.3>17.6", "change:location:rack 1>rack 2", "state:state:new>active"}
	if got := kinds(r.Events); !reflect.DeepEqual(got, want) {
		t.Fatalf("events %v, want %v", got, want)
	}
	for _, e := range r.Events {
		if e.SweepID != r.Sweep.ID || !e.Time.Equal(t0.Add(time.Hour)) {
			t.Errorf("event %+v: want sweep %s at %v", e, r.Sweep.ID, t0.Add(time.Hour))
		}
	}
	// An ARP-only sweep keeps what SNMP said, and is no change.
	r = ingest(t, inv, sweep(t0.Add(2*time.Hour), false, arp("192.0.2.20", macA)))
	if len(r.Events) != 0 {
		t.Errorf("ARP-only sweep events %v", kinds(r.Events))
	}
	as, _ := inv.st.Assets(t.Context(), store.AssetFilter{})
	if len(as) != 1 || as[0].Record.OSVersion != "17.6" || as[0].Record.Serial != "FOC1234X" {
		t.Errorf("assets %+v", as)
	}
}

func TestPeopleFieldsKept(t *testing.T) {
	inv := newInv(t, Config{MissingAfterSweeps: 1})
	ingest(t, inv, sweep(t0, false, arp("192.0.2.10", macA), arp("192.0.2.11", macB)))
	as, _ := inv.st.Assets(t.Context(), store.AssetFilter{Unapproved: true})
	if len(as) != 2 {
		t.Fatalf("every new asset is unapproved: %d", len(as))
	}
	id := as[0].Record.AssetID
	site, owner := "hq", "ops"
	if err := inv.Set(t.Context(), "ana", id, Changes{Site: &site, Owner: &owner, Tags: []string{"b", "a", "a"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := inv.Approve(t.Context(), "ana", false, id); err != nil {
		t.Fatal(err)
	}
	ingest(t, inv, sweep(t0.Add(time.Hour), false, arp("192.0.2.10", macA), arp("192.0.2.11", macB)))
	a, err := inv.st.Asset(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Record.Site != "hq" || a.Record.Owner != "ops" || !reflect.DeepEqual(a.Record.Tags, []string{"a", "b"}) || !*a.Record.Approved {
		t.Errorf("people's fields after a sweep: %+v", a.Record)
	}
	un, _ := inv.st.Assets(t.Context(), store.AssetFilter{Unapproved: true})
	if len(un) != 1 {
		t.Errorf("unapproved: %d", len(un))
	}
	done, err := inv.Approve(t.Context(), "ana", true)
	if err != nil || len(done) != 1 {
		t.Errorf("approve --all-current: %v %v", done, err)
	}
	evs, _ := inv.st.Events(t.Context(), store.EventFilter{AssetID: id, Types: []string{store.EventSet, store.EventApproved}})
	if got := kinds(evs); !reflect.DeepEqual(got, []string{"set:site", "set:owner", "set:tags", "approved:approved"}) {
		t.Errorf("people's events %v", got)
	}
}

// Approve reads the assets once and writes every annotation at once: an
// unknown ID approves nothing, an ID given twice is approved once, and
// approving keeps what people set and records who approved, when.
func TestApproveBatch(t *testing.T) {
	inv := newInv(t, Config{MissingAfterSweeps: 1})
	ingest(t, inv, sweep(t0, false, arp("192.0.2.10", macA), arp("192.0.2.11", macB)))
	as, _ := inv.st.Assets(t.Context(), store.AssetFilter{})
	a, b := as[0].Record.AssetID, as[1].Record.AssetID
	owner := "ops"
	if err := inv.Set(t.Context(), "ana", a, Changes{Owner: &owner, Tags: []string{"core"}}); err != nil {
		t.Fatal(err)
	}
	if done, err := inv.Approve(t.Context(), "bob", false, a, "no-such-asset"); !errors.Is(err, store.ErrNotFound) || done != nil {
		t.Fatalf("an unknown ID: %v %v", done, err)
	}
	if un, _ := inv.st.Assets(t.Context(), store.AssetFilter{Unapproved: true}); len(un) != 2 {
		t.Fatalf("an unknown ID approved %d assets", 2-len(un))
	}
	done, err := inv.Approve(t.Context(), "bob", false, a, b, a)
	if err != nil || !reflect.DeepEqual(done, []string{a, b}) {
		t.Fatalf("approve a, b, a: %v %v", done, err)
	}
	n, err := inv.st.Annotation(t.Context(), a)
	if err != nil || !n.Approved || n.ApprovedBy != "bob" || !n.ApprovedAt.Equal(store.Second(inv.now())) || n.Owner != "ops" || !reflect.DeepEqual(n.Tags, []string{"core"}) {
		t.Errorf("annotation after approving: %+v %v", n, err)
	}
	evs, _ := inv.st.Events(t.Context(), store.EventFilter{Types: []string{store.EventApproved}})
	if len(evs) != 2 {
		t.Errorf("%d approval events, want 2", len(evs))
	}
	if done, err := inv.Approve(t.Context(), "bob", true); err != nil || len(done) != 0 {
		t.Errorf("approve --all-current with everything approved: %v %v", done, err)
	}
}

func TestMergeAndSplitDecisionsKept(t *testing.T) {
	inv := newInv(t, Config{MissingAfterSweeps: 5})
	ingest(t, inv, sweep(t0, false, arp("192.0.2.10", macA), arp("192.0.2.11", macB)))
	as, _ := inv.st.Assets(t.Context(), store.AssetFilter{})
	a, b := as[0].Record.AssetID, as[1].Record.AssetID
	if err := inv.Merge(t.Context(), "ana", a, b); err != nil {
		t.Fatal(err)
	}
	ingest(t, inv, sweep(t0.Add(time.Hour), false, arp("192.0.2.10", macA), arp("192.0.2.11", macB)))
	live, _ := inv.st.Assets(t.Context(), store.AssetFilter{})
	if len(live) != 1 || live[0].Record.AssetID != a {
		t.Fatalf("after merge and a sweep: %d assets (%+v)", len(live), live)
	}
	// Split B's MAC off again: the next sweep makes it its own asset.
	if err := inv.Split(t.Context(), "ana", a, []string{macB}); err != nil {
		t.Fatal(err)
	}
	ingest(t, inv, sweep(t0.Add(2*time.Hour), false, arp("192.0.2.10", macA), arp("192.0.2.11", macB)))
	live, _ = inv.st.Assets(t.Context(), store.AssetFilter{})
	if len(live) != 2 {
		t.Fatalf("after split: %d assets", len(live))
	}
	for _, x := range live {
		if x.Record.AssetID == a && x.Record.MAC.String() != macA {
			t.Errorf("asset %s now has MAC %s", a, x.Record.MAC)
		}
	}
	ex, err := inv.Explain(t.Context(), a)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Decisions) != 2 || len(ex.Observations) != 1 || len(ex.Ties) != 1 || ex.Ties[0].Key.Value != macA || !ex.Ties[0].Known {
		t.Errorf("explain: %+v", ex)
	}
}

// TestIngestDeterministic: the same observations in any order give the
// same assets and the same events.
func TestIngestDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var obs []record.Observation
	for i := range 40 {
		ip := fmt.Sprintf("192.0.2.%d", 10+i)
		mac := fmt.Sprintf("00:1b:21:00:01:%02x", i)
		obs = append(obs, arp(ip, mac))
		if i%3 == 0 {
			obs = append(obs, record.Observation{Source: record.SourceSNMP, Asset: record.Asset{IP: netip.MustParseAddr(ip), SysName: fmt.Sprintf("sw-%d", i/6), OSVersion: fmt.Sprint(i)}})
		}
		if i%4 == 0 {
			obs = append(obs, record.Observation{Source: record.SourceMDNS, Asset: record.Asset{IP: netip.MustParseAddr(ip), Hostname: fmt.Sprintf("host-%d.local", i/8)}})
		}
	}
	run := func(order []record.Observation) (string, string) {
		inv := newInv(t, Config{MissingAfterSweeps: 1})
		a := ingest(t, inv, sweep(t0, false, order...))
		b := ingest(t, inv, sweep(t0.Add(time.Hour), false, order[:len(order)/2]...))
		as, _ := inv.st.Assets(t.Context(), store.AssetFilter{IncludeMerged: true})
		var s []string
		for _, x := range as {
			s = append(s, fmt.Sprintf("%s %s %s %s %v", x.Record.AssetID, x.Record.State, x.Record.MAC, x.Record.Hostname, x.Record.IPs))
		}
		var e []string
		for _, es := range [][]store.Event{a.Events, b.Events} {
			for _, x := range es {
				e = append(e, fmt.Sprintf("%s %s %s %s>%s", x.AssetID, x.Type, x.Field, x.Old, x.New))
			}
		}
		sort.Strings(e)
		return fmt.Sprint(s), fmt.Sprint(e)
	}
	wantA, wantE := run(obs)
	for range 5 {
		shuffled := append([]record.Observation(nil), obs...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		// The second sweep takes the first half of the original order, so
		// keep the halves' membership while shuffling within them.
		half := len(obs) / 2
		first := append([]record.Observation(nil), obs[:half]...)
		rest := append([]record.Observation(nil), obs[half:]...)
		rng.Shuffle(len(first), func(i, j int) { first[i], first[j] = first[j], first[i] })
		rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
		gotA, gotE := run(append(first, rest...))
		if gotA != wantA || gotE != wantE {
			t.Fatalf("order changed the result:\n%s\n%s\nvs\n%s\n%s", gotA, gotE, wantA, wantE)
		}
	}
}

func TestObservationsFromHost(t *testing.T) {
	mac, _ := record.ParseMAC(macA)
	h := record.Asset{IP: netip.MustParseAddr("192.0.2.5"), MAC: mac, Hostname: "tv.local", SysName: "tv", Sources: []record.Source{record.SourceARP, record.SourceMDNS, record.SourceSNMP}}
	obs := ObservationsFromHost(t0, "site-a", &h)
	if len(obs) != 3 || obs[0].Source != record.SourceARP || obs[1].Source != record.SourceMDNS || obs[1].Asset.Hostname != "tv.local" || obs[2].Asset.SysName != "tv" {
		t.Fatalf("%+v", obs)
	}
	inv := newInv(t, Config{})
	r := ingest(t, inv, sweep(t0, false, obs...))
	if r.Sweep.Assets != 1 {
		t.Errorf("one host, %d assets", r.Sweep.Assets)
	}
}

func TestRetentionAfterSweep(t *testing.T) {
	inv := newInv(t, Config{Retention: 24 * time.Hour})
	ingest(t, inv, sweep(t0, false, arp("192.0.2.10", macA)))
	r := ingest(t, inv, sweep(t0.Add(48*time.Hour), false, arp("192.0.2.10", macA)))
	if r.Pruned.Observations != 1 {
		t.Errorf("pruned %+v, want the first sweep's observation", r.Pruned)
	}
	evs, _ := inv.st.Events(t.Context(), store.EventFilter{})
	if len(evs) < 3 {
		t.Errorf("events must survive pruning: %d", len(evs))
	}
}

// TestExplainRouter: a router answering on three addresses is one asset,
// and explain names the interface MACs that tied the ARP answers to the
// SNMP sighting.
func TestExplainRouter(t *testing.T) {
	inv := newInv(t, Config{})
	var ifs []record.Interface
	var obs []record.Observation
	for i := 1; i <= 3; i++ {
		m := fmt.Sprintf("00:1b:54:00:00:%02x", i)
		obs = append(obs, arp(fmt.Sprintf("192.0.2.%d", i), m))
		mm, _ := record.ParseMAC(m)
		ifs = append(ifs, record.Interface{Index: i, MAC: mm, InOctets: uint64(i * 1000)})
	}
	obs = append(obs, record.Observation{Source: record.SourceSNMP, Asset: record.Asset{IP: netip.MustParseAddr("192.0.2.1"), SysName: "edge-1", Interfaces: ifs}})
	r := ingest(t, inv, sweep(t0, false, obs...))
	if r.Sweep.Assets != 1 {
		t.Fatalf("%d assets, want 1 router", r.Sweep.Assets)
	}
	as, _ := inv.st.Assets(t.Context(), store.AssetFilter{})
	ex, err := inv.Explain(t.Context(), as[0].Record.AssetID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Observations) != 4 {
		t.Fatalf("explain: %d observations", len(ex.Observations))
	}
	macTies := 0
	for _, tie := range ex.Ties {
		switch tie.Key.Kind {
		case identity.KindMAC:
			macTies++
			if len(tie.Observations) != 2 || !tie.Known {
				t.Errorf("tie %v: %d observations, want the ARP answer and the SNMP sighting (and the stored asset)", tie.Key, len(tie.Observations))
			}
		case identity.KindSysName:
			if len(tie.Observations) != 1 || !tie.Known {
				t.Errorf("tie %v: %+v", tie.Key, tie)
			}
		default:
			t.Errorf("unexpected tie %v", tie.Key)
		}
	}
	if macTies != 3 {
		t.Errorf("%d MAC ties, want 3 (one per interface)", macTies)
	}
	smp, _ := inv.st.Samples(t.Context(), store.SampleFilter{AssetID: as[0].Record.AssetID, Metric: "if_in_octets"})
	ifaces, _ := inv.st.Interfaces(t.Context(), as[0].Record.AssetID)
	if len(smp) != 3 || len(ifaces) != 3 {
		t.Errorf("samples %d, interfaces %d; want 3 each", len(smp), len(ifaces))
	}
}

// Retire takes several assets, each retired on its own: an unknown one
// stops the rest, those before it stay retired.
func TestRetireSeveral(t *testing.T) {
	inv := newInv(t, Config{MissingAfterSweeps: 2})
	ingest(t, inv, sweep(t0, false, arp("192.0.2.10", macA), arp("192.0.2.11", macB), arp("192.0.2.12", "00:1b:21:00:00:0c")))
	as, err := inv.st.Assets(t.Context(), store.AssetFilter{})
	if err != nil || len(as) != 3 {
		t.Fatalf("%d assets, %v", len(as), err)
	}
	ids := map[string]string{}
	for _, a := range as {
		ids[a.Record.MAC.String()] = a.Record.AssetID
	}
	if err := inv.Retire(t.Context(), "ana", ids[macA], "no-such-asset", ids[macB]); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("an unknown asset among them: %v, want ErrNotFound", err)
	}
	if s := state(t, inv); s[macA] != "retired" || s[macB] != "new" {
		t.Fatalf("after the failed run: %v, want A retired, B not", s)
	}
	if err := inv.Retire(t.Context(), "ana", ids[macB], ids["00:1b:21:00:00:0c"]); err != nil {
		t.Fatal(err)
	}
	if s := state(t, inv); s[macB] != "retired" || s["00:1b:21:00:00:0c"] != "retired" {
		t.Errorf("after retiring two: %v", s)
	}
}

func TestLocalActor(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"SUDO_USER": "ana", "USER": "root", "LOGNAME": "root"}, "ana"},
		{map[string]string{"USER": "bo", "LOGNAME": "b"}, "bo"},
		{map[string]string{"LOGNAME": "cy"}, "cy"},
		{nil, "unknown"},
	} {
		if got := LocalActor(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.env, got, tc.want)
		}
	}
}

// TestLateSweepIsHistory: a sweep stored after later ones (a spool
// replayed late, a scanner's late upload) adds its history and changes
// nothing that the later sweeps decided: no attribute goes back, no
// asset they saw goes missing, a missing asset does not return from a
// sighting before it went missing, and no event says otherwise.
func TestLateSweepIsHistory(t *testing.T) {
	h := time.Hour
	inv := newInv(t, Config{MissingAfterSweeps: 1})
	snmp := func(ver string) record.Observation {
		return record.Observation{Source: record.SourceSNMP, Asset: record.Asset{IP: netip.MustParseAddr("192.0.2.20"),
			SysName: "core-1", Vendor: "Cisco", Model: "C9300", Serial: "FOC1234X", OSVersion: ver, DeviceType: "switch"}}
	}
	ingest(t, inv, sweep(t0, false, arp("192.0.2.20", macA), snmp("17.3"), arp("192.0.2.11", macB)))
	ingest(t, inv, sweep(t0.Add(2*h), false, arp("192.0.2.20", macA), snmp("17.6"), arp("192.0.2.11", macB)))

	// The sweep of t0+1h, stored now: it saw A with its older release,
	// and not B.
	r := ingest(t, inv, sweep(t0.Add(h), false, arp("192.0.2.20", macA), snmp("17.3")))
	if len(r.Events) != 0 || r.Sweep.Missing != 0 {
		t.Errorf("late sweep: events %v, missing %d", kinds(r.Events), r.Sweep.Missing)
	}
	as, err := inv.st.Assets(t.Context(), store.AssetFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if !a.Record.LastSeen.Equal(t0.Add(2*h)) || a.MissedSweeps != 0 || a.Record.State != store.StateActive {
			t.Errorf("%s: last seen %v, missed %d, state %s; want the later sweep's", a.Record.MAC, a.Record.LastSeen, a.MissedSweeps, a.Record.State)
		}
		if a.Record.Serial == "FOC1234X" && a.Record.OSVersion != "17.6" {
			t.Errorf("os_version %q: the late sweep's 17.3 replaced the later 17.6", a.Record.OSVersion)
		}
	}
	if obs, err := inv.st.Sweep(t.Context(), r.Sweep.ID); err != nil || obs.Observations != 2 {
		t.Errorf("late sweep stored as %+v (%v)", obs, err)
	}

	// B goes missing at t0+4h; a sweep of t0+3h that saw it, stored
	// after, moves its last sighting on but does not bring it back.
	ingest(t, inv, sweep(t0.Add(4*h), false, arp("192.0.2.20", macA)))
	if s := state(t, inv); s[macB] != store.StateMissing {
		t.Fatalf("after t0+4h: %v", s)
	}
	r = ingest(t, inv, sweep(t0.Add(3*h), false, arp("192.0.2.20", macA), arp("192.0.2.11", macB)))
	if s := state(t, inv); s[macB] != store.StateMissing || len(r.Events) != 0 {
		t.Errorf("a sighting before B went missing: states %v, events %v", s, kinds(r.Events))
	}
	as, _ = inv.st.Assets(t.Context(), store.AssetFilter{})
	for _, a := range as {
		if a.Record.MAC.String() == macB && !a.Record.LastSeen.Equal(t0.Add(3*h)) {
			t.Errorf("B last seen %v, want the late sweep's t0+3h", a.Record.LastSeen)
		}
	}
}
