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

// filler makes random values of any type a record holds, leaning on
// what encoding/json writes in special ways: HTML characters, invalid
// UTF-8, U+2028, extreme numbers, nil against empty, zoned times, IPv6
// zones.
type filler struct{ r *rand.Rand }

var (
	fillStrings = []string{"", "a", "eth0", "Cisco IOS <15.2> & more", `quo"te\back`, "tab\there", "é ü ß", "\u2028\u2029", "\xff\xfe bad", "\x00nul", "x\x7fdel", "it's", `back\\slash`, "['a'],[]", "\b\f\r\n", "\a\v\x1b", "ünïcødé-long-" + string(make([]byte, 40))}
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

// stored is what the record columns keep of a record: its device
// fields, times as DateTime seconds, a collection with neither status
// nor reasons as none.
func stored(r record.Asset) record.Asset {
	r.AssetID, r.State, r.FirstSeen, r.LastSeen = "", "", time.Time{}, time.Time{}
	r.Approved, r.Site, r.Role, r.Owner, r.Tags = nil, "", "", "", nil
	if c := r.Collection; c != nil && c.Status == "" && len(c.Reasons) == 0 {
		r.Collection = nil
	}
	// An empty location (no switch, port, VLAN or time) is none.
	if l := r.Location; l != nil && l.Port == "" && l.Switch == (record.SwitchRef{}) && l.IfIndex == 0 && l.VLAN == 0 && l.Seen.IsZero() {
		r.Location = nil
	}
	// Its time is kept in Unix seconds, 0 for none.
	if l := r.Location; l != nil {
		c := *l
		if c.Seen.IsZero() || c.Seen.Unix() == 0 {
			c.Seen = time.Time{}
		} else {
			c.Seen = time.Unix(c.Seen.Unix(), 0).UTC()
		}
		r.Location = &c
	}
	r.Software = slices.Clone(r.Software)
	for i := range r.Software {
		r.Software[i].InstalledAt = fromTS(ts(r.Software[i].InstalledAt))
	}
	return r
}

// Every device field of a record survives the record columns, over
// thousands of random records: a field added to record.Asset without a
// column fails here.
func TestRecordColumnsRoundTrip(t *testing.T) {
	f := filler{rand.New(rand.NewPCG(3, 4))}
	var rr recordRow
	for i := range 5000 {
		var in record.Asset
		f.fill(reflect.ValueOf(&in).Elem(), 0)
		rr.fromRecord(&in)
		if len(rr.values()) != len(recordCols) {
			t.Fatalf("%d values, %d columns", len(rr.values()), len(recordCols))
		}
		var out record.Asset
		rr.toRecord(&out)
		want, err := json.Marshal(stored(in))
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.Marshal(&out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("record %d through the columns:\n got %s\nwant %s", i, got, want)
		}
	}
	// Every exported field of the record is covered: filled alone, each
	// changes the columns (the bookkeeping and people's fields excepted).
	skip := map[string]bool{"AssetID": true, "State": true, "FirstSeen": true, "LastSeen": true, "Approved": true,
		"Site": true, "Role": true, "Owner": true, "Tags": true}
	var zero recordRow
	zero.fromRecord(&record.Asset{})
	rt := reflect.TypeFor[record.Asset]()
	for i := range rt.NumField() {
		if skip[rt.Field(i).Name] {
			continue
		}
		var in record.Asset
		empty := func(v reflect.Value) bool {
			return v.IsZero() || (v.Kind() == reflect.Slice || v.Kind() == reflect.Map) && v.Len() == 0 ||
				v.Kind() == reflect.Pointer && v.Elem().IsZero()
		}
		for try := 0; try < 50 && empty(reflect.ValueOf(in).Field(i)); try++ {
			f.fill(reflect.ValueOf(&in).Elem().Field(i), 0)
		}
		rr.fromRecord(&in)
		if reflect.DeepEqual(rr.values(), zero.values()) {
			t.Errorf("record field %s has no column", rt.Field(i).Name)
		}
	}
}

// EachAsset and Assets list the same assets, in the same order, through
// every filter, against the real server; the records are what was put
// (as the columns keep them); a writer's error stops the listing.
func TestEachAssetMatchesAssets(t *testing.T) {
	ctx := context.Background()
	st := openFresh(t).(*DB)
	as := randomAssets(1500, 5)
	if err := st.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	put := map[string][]byte{}
	for i := range as {
		b, _ := json.Marshal(stored(as[i].Record))
		put[as[i].Record.AssetID] = b
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
		if len(list) == 0 {
			t.Fatalf("filter %+v: nothing listed", f)
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
			if !slices.Equal(got, match) {
				t.Errorf("search %q: listed %d assets, SearchMatch selects %d", f.Search, len(got), len(match))
			}
		}
		if f.Limit > 0 && len(list) != f.Limit {
			t.Errorf("filter %+v: %d assets, not the limit", f, len(list))
		}
		for i := range list {
			got, _ := json.Marshal(stored(list[i].Record))
			if want := put[list[i].Record.AssetID]; !bytes.Equal(got, want) {
				t.Fatalf("filter %+v: asset %s:\n got %s\nwant %s", f, list[i].Record.AssetID, got, want)
			}
		}
		var each []store.Asset
		if err := st.EachAsset(ctx, f, func(a *store.Asset) error {
			each = append(each, *a)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(each, list) {
			t.Errorf("filter %+v: EachAsset listed %d assets, not the %d Assets lists", f, len(each), len(list))
		}
	}
	stop := fmt.Errorf("stop")
	calls := 0
	if err := st.EachAsset(ctx, store.AssetFilter{}, func(*store.Asset) error { calls++; return stop }); !errors.Is(err, stop) || calls != 1 {
		t.Errorf("EachAsset after a writer error: %v, %d assets", err, calls)
	}
}

// listsText is what the server sends for rr's lists (recordSelect):
// each array as toString writes it.
func listsText(rr *recordRow) string {
	quote := func(b *strings.Builder, x string) {
		b.WriteByte('\'')
		b.WriteString(strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\b", `\b`, "\f", `\f`, "\n", `\n`, "\r", `\r`,
			"\t", `\t`, "\x00", `\0`).Replace(x))
		b.WriteByte('\'')
	}
	strs := func(b *strings.Builder, xs []string) {
		b.WriteByte('[')
		for i, x := range xs {
			if i > 0 {
				b.WriteByte(',')
			}
			quote(b, x)
		}
		b.WriteByte(']')
	}
	var b strings.Builder
	for i, c := range listCols {
		var xs []string
		switch p := rr.listPtrs()[i].(type) {
		case *[]string:
			strs(&b, *p)
			continue
		case *[][]string:
			b.WriteByte('[')
			for j, in := range *p {
				if j > 0 {
					b.WriteByte(',')
				}
				strs(&b, in)
			}
			b.WriteByte(']')
			continue
		case *[]time.Time:
			for _, x := range *p {
				xs = append(xs, fmt.Sprint(x.Unix()))
			}
		case *[]int64:
			for _, x := range *p {
				xs = append(xs, fmt.Sprint(x))
			}
		case *[]uint64:
			for _, x := range *p {
				xs = append(xs, fmt.Sprint(x))
			}
		case *[]uint8:
			for _, x := range *p {
				xs = append(xs, fmt.Sprint(x))
			}
		default:
			panic(c.typ)
		}
		b.WriteString("[" + strings.Join(xs, ",") + "]")
	}
	return b.String()
}

// The lists of random records read back from the server's text form,
// and garbage is an error, never a panic.
func FuzzReadLists(f *testing.F) {
	fl := filler{rand.New(rand.NewPCG(5, 6))}
	for range 20 {
		var in record.Asset
		fl.fill(reflect.ValueOf(&in).Elem(), 0)
		var rr recordRow
		rr.fromRecord(&in)
		s := listsText(&rr)
		back := rr // the scalars as they were; the lists read back
		if err := back.readLists(s); err != nil {
			f.Fatalf("%v: %q", err, s)
		}
		var a, b record.Asset
		rr.toRecord(&a)
		back.toRecord(&b)
		ja, _ := json.Marshal(&a)
		jb, _ := json.Marshal(&b)
		if !bytes.Equal(ja, jb) {
			f.Fatalf("lists read back:\n got %s\nwant %s", jb, ja)
		}
		f.Add(s)
	}
	f.Add("")
	f.Add("['")
	f.Add(`['a\`)
	f.Add(`['\x4`)
	f.Add("[99999999999999999999999]")
	f.Add(strings.Repeat("[]", len(listCols)))
	f.Add("['a'][][][][][][][][][][][1,-2,]")
	f.Fuzz(func(t *testing.T, s string) {
		var rr recordRow
		_ = rr.readLists(s)
	})
}
