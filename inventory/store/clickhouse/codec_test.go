package clickhouse

import (
	"encoding/json"
	"net/netip"
	"reflect"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// every has a field of each kind the codec carries.
type every struct {
	S     string
	I     int64
	N     int8
	U     uint32
	F     float64
	B     bool
	Raw   []byte
	Named record.MAC
	List  []string
	Times []time.Time
	When  time.Time
	Zoned time.Time
	Addrs []netip.Addr
	Ptr   *bool
	Nil   *int
	Map   map[string]record.Evidence
	IntK  map[int][]uint16
	Inner record.Interface
	Any   any
	Arr   [2]int
	Src   record.Source
	inner int //nolint:unused // unexported: not carried
}

func TestCodecRoundTrip(t *testing.T) {
	c, err := newCodec(reflect.TypeFor[every]())
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	in := every{
		S: "é\x00\"'", I: -1 << 40, N: -3, U: 1 << 31, F: -2.5, B: true, Raw: []byte{0, 1, 2},
		Named: record.MAC{0, 0x1b, 1, 2, 3, 4}, List: []string{"a", "", "c"},
		Times: []time.Time{{}, time.Date(2026, 3, 4, 5, 6, 7, 8, time.UTC)},
		When:  time.Date(1960, 1, 2, 3, 4, 5, 0, time.UTC),
		Zoned: time.Date(2026, 3, 4, 5, 6, 7, 0, time.FixedZone("X", 3600)),
		Addrs: []netip.Addr{netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("2001:db8::1"), netip.MustParseAddr("fe80::1%eth0"), {}},
		Ptr:   &yes, Map: map[string]record.Evidence{"vendor": {Rule: "r", Source: record.SourceSNMP, OID: "1.3.6"}},
		IntK:  map[int][]uint16{-1: {1, 2}, 7: nil},
		Inner: record.Interface{Index: 3, Name: "eth0", MAC: record.MAC{1, 2, 3, 4, 5, 6}, SpeedBps: 1e9, OperUp: true},
		Any:   map[string]any{"k": "v"}, Arr: [2]int{1, -1}, Src: record.SourceMDNS,
	}
	b, err := c.encode(nil, reflect.ValueOf(&in).Elem())
	if err != nil {
		t.Fatal(err)
	}
	var out every
	if err := c.decode(string(b), reflect.ValueOf(&out).Elem(), nil); err != nil {
		t.Fatal(err)
	}
	in.IntK[7] = []uint16{} // a nil slice inside a map comes back empty
	// A zone other than UTC keeps its offset, not its name (as in JSON).
	if _, off := out.Zoned.Zone(); !out.Zoned.Equal(in.Zoned) || off != 3600 {
		t.Errorf("zoned time %v, want %v", out.Zoned, in.Zoned)
	}
	out.Zoned = in.Zoned
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip:\n got %+v\nwant %+v", out, in)
	}
}

// An empty byte slice comes back empty, not nil, with or without an
// arena and wherever the arena stands: a listing decodes in chunks, and
// the same asset must decode alike in any of them.
func TestCodecEmptyBytes(t *testing.T) {
	c, err := newCodec(reflect.TypeFor[every]())
	if err != nil {
		t.Fatal(err)
	}
	in := every{Raw: []byte{}, Inner: record.Interface{Index: 1, MAC: record.MAC{}}, List: []string{"x"}}
	b, err := c.encode(nil, reflect.ValueOf(&in).Elem())
	if err != nil {
		t.Fatal(err)
	}
	used := make([]byte, 3, 64)
	for name, arena := range map[string]*[]byte{"none": nil, "fresh": new([]byte), "used": &used} {
		var out every
		if err := c.decode(string(b), reflect.ValueOf(&out).Elem(), arena); err != nil {
			t.Fatal(err)
		}
		if out.Raw == nil || out.Inner.MAC == nil || !reflect.DeepEqual(in, out) {
			t.Errorf("arena %s: %#v %#v", name, out.Raw, out.Inner.MAC)
		}
	}
}

// TestCodecSkipsUnknownFields: a blob written by a newer netcensus (a
// struct with more fields) is read by an older one, which keeps what it
// knows.
func TestCodecSkipsUnknownFields(t *testing.T) {
	type newer struct {
		A     string
		Extra []record.Interface
		B     int
		More  map[string]string
	}
	type older struct {
		A string
		B int
	}
	cn, _ := newCodec(reflect.TypeFor[newer]())
	co, _ := newCodec(reflect.TypeFor[older]())
	b, err := cn.encode(nil, reflect.ValueOf(newer{A: "x", Extra: []record.Interface{{Index: 1}}, B: -7, More: map[string]string{"a": "b"}}))
	if err != nil {
		t.Fatal(err)
	}
	var o older
	if err := co.decode(string(b), reflect.ValueOf(&o).Elem(), nil); err != nil || o != (older{"x", -7}) {
		t.Errorf("older reader: %+v %v", o, err)
	}
}

func TestCodecRejectsCorrupt(t *testing.T) {
	c, _ := newCodec(reflect.TypeFor[store.Asset]())
	a := store.Asset{Record: record.Asset{AssetID: "a1", Hostname: "h", IPs: []netip.Addr{netip.MustParseAddr("192.0.2.1")}}}
	b, _ := c.encode(nil, reflect.ValueOf(a))
	for i := 1; i < len(b); i++ { // every truncation
		var got store.Asset
		if err := c.decode(string(b[:i]), reflect.ValueOf(&got).Elem(), nil); err == nil {
			t.Errorf("truncated to %d of %d bytes: no error", i, len(b))
		}
	}
	if err := c.decode(`{"asset_id":"a1"}`, reflect.ValueOf(&store.Asset{}).Elem(), nil); err == nil {
		t.Error("JSON taken for a binary blob")
	}
}

func FuzzDecodeAsset(f *testing.F) {
	c, err := newCodec(reflect.TypeFor[store.Asset]())
	if err != nil {
		f.Fatal(err)
	}
	yes := true
	for _, a := range []store.Asset{
		{Record: record.Asset{AssetID: "a1", IP: netip.MustParseAddr("192.0.2.1"), Approved: &yes,
			Interfaces: []record.Interface{{Index: 1, MAC: record.MAC{1, 2, 3, 4, 5, 6}}},
			Services:   []record.Service{{Type: "_http._tcp", TXT: map[string]string{"a": "b"}}}}, StateSince: time.Unix(1e9, 0).UTC()},
		{},
	} {
		b, _ := c.encode(nil, reflect.ValueOf(a))
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var a store.Asset
		if err := c.decode(string(b), reflect.ValueOf(&a).Elem(), nil); err != nil {
			return
		}
		// What decodes encodes again and decodes to the same.
		b2, err := c.encode(nil, reflect.ValueOf(a))
		if err != nil {
			return // e.g. a JSON-carried value that does not marshal
		}
		var a2 store.Asset
		if err := c.decode(string(b2), reflect.ValueOf(&a2).Elem(), nil); err != nil {
			t.Fatalf("re-encoded blob does not decode: %v", err)
		}
		j1, _ := json.Marshal(a)
		j2, _ := json.Marshal(a2)
		if string(j1) != string(j2) {
			t.Fatalf("not stable:\n%s\n%s", j1, j2)
		}
	})
}
