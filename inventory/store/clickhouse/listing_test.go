package clickhouse

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net/netip"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// filler makes random values of any type the codec carries, leaning on
// what encoding/json writes in special ways: HTML characters, invalid
// UTF-8, U+2028, extreme numbers, nil against empty, zoned times, IPv6
// zones.
type filler struct{ r *rand.Rand }

var (
	fillStrings = []string{"", "a", "eth0", "Cisco IOS <15.2> & more", `quo"te\back`, "tab\there", "é ü ß", "\u2028\u2029", "\xff\xfe bad", "\x00nul", "x\x7fdel", "ünïcødé-long-" + string(make([]byte, 40))}
	fillFloats  = []float64{0, 1, -1.5, 0.1, 1e21, 1e20, 1e-7, 1e-6, 123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64}
	fillTimes   = []time.Time{{}, time.Unix(1700000000, 0).UTC(), time.Unix(1700000000, 123456789).UTC(), time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 23, 1, 2, 3, 0, time.FixedZone("X", -3600)), time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)}
	fillAddrs   = []netip.Addr{{}, netip.MustParseAddr("198.51.100.7"), netip.MustParseAddr("2001:db8::1"), netip.MustParseAddr("fe80::1%eth0"), netip.MustParseAddr("::ffff:192.0.2.1")}
)

func (f filler) fill(v reflect.Value, depth int) {
	switch v.Type() {
	case reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(fillTimes[f.r.IntN(len(fillTimes))]))
		return
	case reflect.TypeFor[netip.Addr]():
		v.Set(reflect.ValueOf(fillAddrs[f.r.IntN(len(fillAddrs))]))
		return
	}
	if f.r.IntN(4) == 0 {
		return // zero
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(fillStrings[f.r.IntN(len(fillStrings))])
	case reflect.Bool:
		v.SetBool(f.r.IntN(2) == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x := f.r.Int64() >> f.r.IntN(64)
		if f.r.IntN(2) == 0 {
			x = -x
		}
		if !v.OverflowInt(x) {
			v.SetInt(x)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		x := f.r.Uint64() >> f.r.IntN(64)
		if !v.OverflowUint(x) {
			v.SetUint(x)
		}
	case reflect.Float32, reflect.Float64:
		v.SetFloat(fillFloats[f.r.IntN(len(fillFloats))])
	case reflect.Slice:
		if depth > 3 {
			return
		}
		n := f.r.IntN(4)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			f.fill(s.Index(i), depth+1)
		}
		v.Set(s)
	case reflect.Map:
		if depth > 3 {
			return
		}
		m := reflect.MakeMap(v.Type())
		for range f.r.IntN(4) {
			k := reflect.New(v.Type().Key()).Elem()
			f.fill(k, depth+1)
			e := reflect.New(v.Type().Elem()).Elem()
			f.fill(e, depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		f.fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				f.fill(v.Field(i), depth+1)
			}
		}
	}
}

// randomAssets makes n random assets as a sweep stores them: random
// records with an ID, an address in 198.51.100.0/24, a state, a vendor
// and a last-seen time a filter can pick, and no annotation.
func randomAssets(n int, seed uint64) []store.Asset {
	fl := filler{rand.New(rand.NewPCG(seed, seed+1))}
	as := make([]store.Asset, n)
	for i := range as {
		r := &as[i].Record
		fl.fill(reflect.ValueOf(r).Elem(), 0)
		r.AssetID = fmt.Sprintf("%08x-asset", fl.r.Uint32())
		r.IP = netip.AddrFrom4([4]byte{198, 51, 100, byte(i)})
		r.State = []string{store.StateNew, store.StateActive, store.StateMissing}[i%3]
		r.Vendor = []string{"Cisco", "Juniper", ""}[i%3]
		r.Approved, r.Site, r.Role, r.Owner, r.Tags = nil, "", "", "", nil
		r.LastSeen = time.Unix(1700000000+int64(i), 0).UTC()
	}
	return as
}

// listed is what a listing shows for a stored record: its annotation's
// fields from the annotation (Assets' way).
func listed(r record.Asset, n store.Annotation) ([]byte, error) {
	r.Approved, r.Site, r.Role, r.Owner, r.Tags = nil, "", "", "", nil
	applyAnnotation(&r, n)
	return json.Marshal(&r)
}

// The stored parts with an annotation between them are, byte for byte,
// what encoding/json writes for the annotated record, over thousands of
// random records and annotations.
func TestListingMatchesJSON(t *testing.T) {
	f := filler{rand.New(rand.NewPCG(1, 2))}
	for i := range 5000 {
		var r record.Asset
		f.fill(reflect.ValueOf(&r).Elem(), 0)
		var n store.Annotation
		f.fill(reflect.ValueOf(&n).Elem(), 0)
		want, werr := listed(r, n)
		head, tail, herr := listingParts(r)
		ann, aerr := annotationJSON(n)
		if werr != nil {
			if herr == nil && aerr == nil {
				t.Fatalf("record %d: encoding/json fails (%v), the parts do not", i, werr)
			}
			continue
		}
		if herr != nil || aerr != nil {
			t.Fatalf("record %d: %v %v", i, herr, aerr)
		}
		got := appendListing([]byte("x"), head[:len(head)/2], []string{string(head[len(head)/2:])}, ann, string(tail))
		if !bytes.Equal(got[1:], want) {
			t.Fatalf("record %d:\nlisting       %s\nencoding/json %s", i, got[1:], want)
		}
	}
	// An empty record still makes an object.
	head, tail, err := listingParts(record.Asset{})
	if err != nil || string(appendListing(nil, head, nil, `"approved":false`, string(tail))) != `{"approved":false}` {
		t.Errorf("empty record: %q %q %v", head, tail, err)
	}
}

// The premises of the cut: a zero record writes {}, the fields an
// annotation sets are consecutive, and every field is on one side.
func TestListingCut(t *testing.T) {
	if b, _ := json.Marshal(record.Asset{}); string(b) != "{}" {
		t.Fatalf("a zero record writes %s: some field is not left out when zero", b)
	}
	if len(annotationFields) == 0 {
		t.Fatal("no annotation fields found")
	}
	for k, i := range annotationFields {
		if i != annotationFields[0]+k {
			t.Fatalf("annotation fields %v are not consecutive", annotationFields)
		}
	}
	last := annotationFields[len(annotationFields)-1]
	n := reflect.TypeFor[record.Asset]().NumField()
	if len(afterAnnotation) != n-1-last || len(afterAnnotation) > 0 && afterAnnotation[0] != last+1 {
		t.Fatalf("fields after the annotation's: %v (of %d, the last annotation field %d)", afterAnnotation, n, last)
	}
}

// The shape hash changes with a field's name, JSON tag or type, stops at
// types that marshal themselves and at a type that contains itself.
func TestListingShape(t *testing.T) {
	type a struct {
		X string `json:"x"`
	}
	type b struct {
		X string `json:"y"`
	}
	type c struct {
		X int `json:"x"`
	}
	type tree struct {
		Kids []tree `json:"kids"`
		T    time.Time
	}
	hs := map[uint64]string{}
	for name, h := range map[string]uint64{
		"a": listingShape(reflect.TypeFor[a](), 1), "tag": listingShape(reflect.TypeFor[b](), 1),
		"type": listingShape(reflect.TypeFor[c](), 1), "format": listingShape(reflect.TypeFor[a](), 2),
		"tree": listingShape(reflect.TypeFor[tree](), 1),
	} {
		if other, dup := hs[h]; dup {
			t.Errorf("%s and %s hash alike", name, other)
		}
		hs[h] = name
	}
	if listingShape(reflect.TypeFor[a](), 1) != listingShape(reflect.TypeFor[a](), 1) {
		t.Error("the hash is not stable")
	}
}

// AssetsJSON lists, record for record and in order, what Assets lists
// (and EachAsset the same assets), through every filter, against the real
// server: rows with their JSON
// stored, and rows whose stored JSON another revision wrote (listed from
// their blobs).
func TestAssetsJSONMatchesAssets(t *testing.T) {
	ctx := context.Background()
	st := openFresh(t).(*DB)
	as := randomAssets(1500, 5)
	if err := st.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(as); i += 7 {
		if err := st.Annotate(ctx, store.Annotation{AssetID: as[i].Record.AssetID, Approved: i%2 == 0, Site: "dc-1", Tags: []string{"t"}}); err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	for i := 0; i < len(as); i += 3 {
		ids = append(ids, as[i].Record.AssetID)
	}
	check := func(phase string) {
		t.Helper()
		filters := []store.AssetFilter{
			{},
			{Unapproved: true},
			{States: []string{store.StateActive}},
			{Vendor: "cisco"},
			{IDs: ids[:10]},
			{IDs: ids}, // past maxBound: filtered here
			{SeenSince: time.Unix(1700000000+1000, 0)},
			{Subnet: netip.MustParsePrefix("198.51.100.0/26")},
			{Approved: true},
			{Search: "198.51.100.1"},
			{Search: as[4].Record.Hostname[:min(4, len(as[4].Record.Hostname))]},
			{After: ids[len(ids)/2]},
			{Limit: 10},
			{Search: "51.100", After: ids[5], Limit: 50},
			{Subnet: netip.MustParsePrefix("198.51.100.0/26"), Limit: 5},
			{Approved: true, Limit: 3},
		}
		for _, f := range filters {
			list, err := st.Assets(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if f.Search != "" {
				// The server's search is store.SearchMatch.
				all, err := st.Assets(ctx, store.AssetFilter{After: f.After})
				if err != nil {
					t.Fatal(err)
				}
				var match []string
				for i := range all {
					if store.SearchMatch(&all[i].Record, f.Search) && (f.Limit == 0 || len(match) < f.Limit) {
						match = append(match, all[i].Record.AssetID)
					}
				}
				var got []string
				for i := range list {
					got = append(got, list[i].Record.AssetID)
				}
				if !slices.Equal(got, match) || len(got) == 0 {
					t.Errorf("%s: search %q: listed %d assets, SearchMatch selects %d", phase, f.Search, len(got), len(match))
				}
			}
			if f.Limit > 0 && len(list) != f.Limit {
				t.Errorf("%s: filter %+v: %d assets, not the limit", phase, f, len(list))
			}
			var want [][]byte
			for i := range list {
				b, err := json.Marshal(&list[i].Record)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, b)
			}
			var each []store.Asset
			if err := st.EachAsset(ctx, f, func(a *store.Asset) error {
				each = append(each, *a)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(each, list) {
				t.Errorf("%s: filter %+v: EachAsset listed %d assets, not the %d Assets lists", phase, f, len(each), len(list))
			}
			var got [][]byte
			if err := st.AssetsJSON(ctx, f, func(b []byte) error {
				got = append(got, slices.Clone(b))
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 {
				t.Fatalf("%s: filter %+v: nothing listed", phase, f)
			}
			if len(got) != len(want) {
				t.Errorf("%s: filter %+v: AssetsJSON listed %d records, Assets %d", phase, f, len(got), len(want))
				continue
			}
			for i := range got {
				if !bytes.Equal(got[i], want[i]) {
					t.Errorf("%s: filter %+v: record %d:\nAssetsJSON %s\nAssets     %s", phase, f, i, got[i], want[i])
					break
				}
			}
		}
	}
	check("stored JSON")
	// Past the middle of the listing (by ID): the listing switches.
	var stale []string
	sorted := make([]string, len(as))
	for i := range as {
		sorted[i] = as[i].Record.AssetID
	}
	slices.Sort(sorted)
	for i := len(sorted) / 2; i < len(sorted); i += 5 {
		stale = append(stale, sorted[i])
	}
	// Another revision's JSON, garbled so that using it would show.
	if err := st.conn.Exec(ctx, st.q(`INSERT INTO {db}.assets (id, state, state_since, first_seen, last_seen, missed_sweeps,
		last_sweep_id, merged_into, ip, vendor, mac_vendor, device_type, data, software_digest, json_head, json_tail, json_rev, ver,
		hostname, mac, model, serial, ips, macs)
		SELECT id, state, state_since, first_seen, last_seen, missed_sweeps, last_sweep_id, merged_into, ip, vendor, mac_vendor,
		device_type, data, software_digest, '{"garbled', '', toUInt64(7), ver + 1, hostname, mac, model, serial, ips, macs
		FROM {db}.assets FINAL WHERE has(?, id)`), stale); err != nil {
		t.Fatal(err)
	}
	check("another revision's JSON in every fifth row of the second half")
	// Annotations whose JSON another revision stored, from a third of the
	// way on: before the first asset of another revision.
	if err := st.conn.Exec(ctx, st.q(`INSERT INTO {db}.annotations (asset_id, approved, approved_at, approved_by, site, role,
		owner, tags, updated, json, json_rev, ver) SELECT asset_id, approved, approved_at, approved_by, site, role, owner, tags,
		updated, '"garbled', toUInt64(7), ver + 1 FROM {db}.annotations FINAL WHERE asset_id >= ?`), sorted[len(sorted)/3]); err != nil {
		t.Fatal(err)
	}
	var staleAnn uint64
	if err := st.conn.QueryRow(ctx, st.q(`SELECT count() FROM (SELECT json_rev FROM {db}.annotations FINAL) WHERE json_rev = 7`)).Scan(&staleAnn); err != nil || staleAnn == 0 {
		t.Fatalf("no annotation of another revision (%v)", err)
	}
	check("and annotations of another revision")
	// The migration's rewrite stores the current JSON for the stale rows.
	if err := st.refreshListings(ctx); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"assets", "annotations"} {
		var n uint64
		if err := st.conn.QueryRow(ctx, st.q(fmt.Sprintf(`SELECT count() FROM (SELECT json_rev FROM {db}.%s FINAL) WHERE json_rev != %d`, table, listingRev))).Scan(&n); err != nil || n != 0 {
			t.Errorf("after the rewrite, %d %s of another revision (%v)", n, table, err)
		}
	}
	check("rewritten")
	// A writer's error stops the listing and comes back.
	stop := fmt.Errorf("stop")
	calls := 0
	if err := st.AssetsJSON(ctx, store.AssetFilter{}, func([]byte) error { calls++; return stop }); !errors.Is(err, stop) || calls != 1 {
		t.Errorf("after a writer error: %v, %d records", err, calls)
	}
	calls = 0
	if err := st.EachAsset(ctx, store.AssetFilter{}, func(*store.Asset) error { calls++; return stop }); !errors.Is(err, stop) || calls != 1 {
		t.Errorf("EachAsset after a writer error: %v, %d assets", err, calls)
	}
}

// The cursor finds each asked ID's annotation, nil for the others, over
// IDs that skip, meet and pass the annotations', and stops at the end.
func TestAnnotationCursor(t *testing.T) {
	stored := []string{"b", "d", "e", "h"}
	i, calls := 0, 0
	c := annotationCursor{next: func(a *storedAnnotation) (bool, error) {
		calls++
		if i == len(stored) {
			return false, nil
		}
		*a = storedAnnotation{id: stored[i], json: "j" + stored[i]}
		i++
		return true, nil
	}}
	for _, tc := range []struct{ id, want string }{{"a", ""}, {"b", "jb"}, {"c", ""}, {"e", "je"}, {"f", ""}, {"h", "jh"}, {"i", ""}, {"j", ""}} {
		a, err := c.get(tc.id)
		got := ""
		if a != nil {
			got = a.json
		}
		if err != nil || got != tc.want {
			t.Errorf("get(%s) = %q, %v; want %q", tc.id, got, err, tc.want)
		}
	}
	if calls != len(stored)+1 {
		t.Errorf("read %d times, want each annotation once and the end once", calls)
	}
	bad := fmt.Errorf("broken")
	c = annotationCursor{next: func(*storedAnnotation) (bool, error) { return false, bad }}
	if _, err := c.get("a"); err != bad {
		t.Errorf("a read error: %v", err)
	}
	// Annotations out of ID order are an error, not a silent miss.
	stored, i = []string{"b", "a"}, 0
	c = annotationCursor{next: func(a *storedAnnotation) (bool, error) {
		if i == len(stored) {
			return false, nil
		}
		*a = storedAnnotation{id: stored[i]}
		i++
		return true, nil
	}}
	if _, err := c.get("z"); err == nil || !strings.Contains(err.Error(), "out of ID order") {
		t.Errorf("annotations out of order: %v", err)
	}
}
