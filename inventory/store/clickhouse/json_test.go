package clickhouse

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/netip"
	"reflect"
	"slices"
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

func testPlan(t testing.TB) (*codec, *jsonPlan) {
	t.Helper()
	c, err := newCodec(reflect.TypeFor[store.Asset]())
	if err != nil {
		t.Fatal(err)
	}
	p, err := newJSONPlan(c)
	if err != nil {
		t.Fatal(err)
	}
	return c, p
}

// annotateWith gives every record the one annotation.
func annotateWith(ann *store.Annotation) annotator {
	return func(string) (*store.Annotation, bool) { return ann, true }
}

// slowJSON is what a listing wrote before the transcoder: decode, apply
// the annotation, encoding/json.
func slowJSON(c *codec, blob string, ann store.Annotation) ([]byte, error) {
	var a store.Asset
	if err := c.decode(blob, reflect.ValueOf(&a).Elem(), nil); err != nil {
		return nil, err
	}
	applyAnnotation(&a.Record, ann)
	return json.Marshal(&a.Record)
}

// The transcoder writes, byte for byte, what encoding/json writes for the
// decoded record, over thousands of random records and annotations.
func TestTranscodeMatchesJSON(t *testing.T) {
	c, p := testPlan(t)
	f := filler{rand.New(rand.NewPCG(1, 2))}
	for i := range 5000 {
		var a store.Asset
		f.fill(reflect.ValueOf(&a).Elem(), 0)
		var ann store.Annotation
		f.fill(reflect.ValueOf(&ann).Elem(), 0)
		blob, err := c.encode(nil, reflect.ValueOf(&a).Elem())
		if err != nil {
			t.Fatal(err)
		}
		want, werr := slowJSON(c, string(blob), ann)
		got, id, written, gerr := p.recordJSON(nil, string(blob), annotateWith(&ann))
		if (werr != nil) != (gerr != nil) {
			t.Fatalf("record %d: errors differ: slow %v, transcoder %v", i, werr, gerr)
		}
		if werr == nil && !bytes.Equal(got, want) {
			t.Fatalf("record %d:\ntranscoder %s\nencoding/json %s", i, got, want)
		}
		if werr == nil && (id != a.Record.AssetID || !written) {
			t.Fatalf("record %d: ID %q (written %v); want %q", i, id, written, a.Record.AssetID)
		}
		// A record the annotator leaves out writes nothing.
		if out, id, written, err := p.recordJSON([]byte("x"), string(blob), func(string) (*store.Annotation, bool) { return nil, false }); werr == nil && (string(out) != "x" || written || err != nil || id != a.Record.AssetID) {
			t.Fatalf("record %d left out: %q, %q, %v, %v", i, out, id, written, err)
		}
	}
}

// A realistic record, in full, the way a sweep stores it.
func TestTranscodeRealRecord(t *testing.T) {
	c, p := testPlan(t)
	load := 12.5
	a := store.Asset{Record: record.Asset{
		AssetID: "0b7c", IP: netip.MustParseAddr("198.51.100.20"), MAC: record.MAC{0, 0x1b, 1, 2, 3, 4},
		Hostname: "core-sw1", Vendor: "Cisco", Model: "C9300-48P", Serial: "FOC1234X0AB", OS: "IOS-XE", OSVersion: "17.9.4",
		DeviceType: "switch", SysDescr: "Cisco IOS XE Software, <Catalyst> & more", SysUptimeS: 86400,
		Interfaces: []record.Interface{{Index: 1, Name: "Gi1/0/1", MAC: record.MAC{0, 0x1b, 1, 2, 3, 5}, SpeedBps: 1e9, AdminUp: true}},
		CPULoadPct: &load, Sources: []record.Source{record.SourceARP, record.SourceSNMP},
		FirstSeen: time.Unix(1700000000, 0).UTC(), LastSeen: time.Unix(1700003600, 0).UTC(), State: store.StateActive,
		Tags:     []string{"stale"},
		Evidence: map[string]record.Evidence{"vendor": {Rule: "pen", Source: record.SourceSNMP}, "model": {Rule: "entity", Source: record.SourceSNMP, OID: "1.3.6.1.2.1.47"}},
	}, StateSince: time.Unix(1700000000, 0).UTC(), MissedSweeps: 2}
	blob, err := c.encode(nil, reflect.ValueOf(&a).Elem())
	if err != nil {
		t.Fatal(err)
	}
	for _, ann := range []store.Annotation{{}, {Approved: true, Site: "dc-1", Owner: "netops", Tags: []string{"core"}}} {
		want, err := slowJSON(c, string(blob), ann)
		if err != nil {
			t.Fatal(err)
		}
		got, _, _, err := p.recordJSON(nil, string(blob), annotateWith(&ann))
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("annotation %+v:\ntranscoder %s (%v)\nencoding/json %s", ann, got, err, want)
		}
	}
}

// FuzzTranscode: whatever the bytes, the transcoder never panics, and
// where decoding succeeds it writes what encoding/json writes.
func FuzzTranscode(f *testing.F) {
	c, p := testPlan(f)
	fl := filler{rand.New(rand.NewPCG(3, 4))}
	for range 20 {
		var a store.Asset
		fl.fill(reflect.ValueOf(&a).Elem(), 0)
		blob, err := c.encode(nil, reflect.ValueOf(&a).Elem())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(blob)
	}
	f.Fuzz(func(t *testing.T, blob []byte) {
		ann := store.Annotation{Site: "s"}
		want, werr := slowJSON(c, string(blob), ann)
		got, _, _, gerr := p.recordJSON(nil, string(blob), annotateWith(&ann))
		if werr == nil && (gerr != nil || !bytes.Equal(got, want)) {
			t.Fatalf("transcoder %s (%v)\nencoding/json %s", got, gerr, want)
		}
	})
}

// AssetsJSON lists, record for record and in order, what Assets lists,
// through every filter, against the real server.
func TestAssetsJSONMatchesAssets(t *testing.T) {
	ctx := context.Background()
	st := openFresh(t).(*DB)
	fl := filler{rand.New(rand.NewPCG(5, 6))}
	var as []store.Asset
	for i := range 1500 {
		var a store.Asset
		fl.fill(reflect.ValueOf(&a.Record).Elem(), 0)
		a.Record.AssetID = fmt.Sprintf("%08x-asset", rand.Uint32())
		a.Record.IP = netip.AddrFrom4([4]byte{198, 51, 100, byte(i)})
		a.Record.State = []string{store.StateNew, store.StateActive, store.StateMissing}[i%3]
		a.Record.Vendor = []string{"Cisco", "Juniper", ""}[i%3]
		a.Record.Approved, a.Record.Site, a.Record.Role, a.Record.Owner, a.Record.Tags = nil, "", "", "", nil
		a.Record.LastSeen = time.Unix(1700000000+int64(i), 0).UTC()
		as = append(as, a)
	}
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
	filters := []store.AssetFilter{
		{},
		{Unapproved: true},
		{States: []string{store.StateActive}},
		{Vendor: "cisco"},
		{IDs: ids[:10]},
		{IDs: ids}, // past maxBound: filtered here
		{SeenSince: time.Unix(1700000000+1000, 0)},
		{Subnet: netip.MustParsePrefix("198.51.100.0/26")},
	}
	for _, f := range filters {
		list, err := st.Assets(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var want [][]byte
		for i := range list {
			b, err := json.Marshal(&list[i].Record)
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, b)
		}
		var got [][]byte
		if err := st.AssetsJSON(ctx, f, func(b []byte) error {
			got = append(got, slices.Clone(b))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 && f.Subnet.IsValid() {
			t.Fatalf("filter %+v: nothing listed", f)
		}
		if len(got) != len(want) {
			t.Errorf("filter %+v: AssetsJSON listed %d records, Assets %d", f, len(got), len(want))
			continue
		}
		for i := range got {
			if !bytes.Equal(got[i], want[i]) {
				t.Errorf("filter %+v: record %d:\nAssetsJSON %s\nAssets     %s", f, i, got[i], want[i])
				break
			}
		}
	}
	// A writer's error stops the listing and comes back.
	stop := fmt.Errorf("stop")
	n := 0
	if err := st.AssetsJSON(ctx, store.AssetFilter{}, func([]byte) error { n++; return stop }); err == nil || n != 1 {
		t.Errorf("after a writer error: %v, %d records", err, n)
	}
}

// A type that contains itself gets a plan (one per type, not per field).
func TestPlanRecursiveType(t *testing.T) {
	type tree struct {
		Name string `json:"name"`
		Kids []tree `json:"kids,omitempty"`
	}
	c, err := newCodec(reflect.TypeFor[tree]())
	if err != nil {
		t.Fatal(err)
	}
	jt, err := buildJ(c.root, map[*node]*jtype{})
	if err != nil {
		t.Fatal(err)
	}
	in := tree{Name: "a", Kids: []tree{{Name: "b"}, {Name: "<c>", Kids: []tree{{}}}}}
	blob, err := c.encode(nil, reflect.ValueOf(&in).Elem())
	if err != nil {
		t.Fatal(err)
	}
	d := dec{s: string(blob), i: 1}
	got, err := jt.value(&d, nil, &spans{})
	want, _ := json.Marshal(in)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("got %s (%v), want %s", got, err, want)
	}
}
