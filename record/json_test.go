package record

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"net/netip"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestJSONKeys: the decoder's key lists are each type's JSON names in
// field order, so that a field added to a type is read by hand too.
func TestJSONKeys(t *testing.T) {
	for _, c := range []struct {
		v    any
		keys []string
	}{
		{Asset{}, assetKeys}, {HostName{}, hostNameKeys}, {Collection{}, collectionKeys},
		{CollectionReason{}, reasonKeys}, {Software{}, softwareKeys}, {Interface{}, interfaceKeys},
		{Storage{}, storageKeys}, {Neighbor{}, neighborKeys}, {Service{}, serviceKeys}, {Port{}, portKeys},
		{Location{}, locationKeys}, {SwitchRef{}, switchKeys}, {Anomaly{}, anomalyKeys}, {Evidence{}, evidenceKeys},
	} {
		typ := reflect.TypeOf(c.v)
		var want []string
		for i := range typ.NumField() {
			want = append(want, strings.Split(typ.Field(i).Tag.Get("json"), ",")[0])
		}
		if !reflect.DeepEqual(c.keys, want) {
			t.Errorf("%s keys %q, want %q", typ.Name(), c.keys, want)
		}
	}
}

// strs are the strings a record is filled with: what JSON escapes (HTML,
// control characters, invalid UTF-8, U+2028) among the plain ones.
var strs = []string{"", "eth0", "host-1", "<b>&amp;</b>", "tab\there\nline", "\x01\x1f\x7f", "bad\xff\xfeutf8",
	"line\u2028para\u2029", "é ünïcode 日本語 😀", `quote" back\slash /`}

// fill sets every field of v, recursively, to values drawn from r:
// most non-zero, some zero so that omitempty and omitzero are exercised.
func fill(v reflect.Value, r *rand.Rand) {
	switch x := v.Addr().Interface().(type) {
	case *time.Time:
		*x = time.Unix(r.Int64N(4e9)-1e9, r.Int64N(3)*r.Int64N(1e9)).UTC()
		if r.IntN(3) == 0 {
			*x = x.In(time.FixedZone("", (r.IntN(48)-24)*1800))
		}
		if r.IntN(8) == 0 {
			*x = time.Time{}
		}
		return
	case *netip.Addr:
		switch r.IntN(4) {
		case 0:
			*x = netip.AddrFrom4([4]byte{198, 18, byte(r.IntN(256)), byte(r.IntN(256))})
		case 1:
			*x = netip.MustParseAddr("2001:db8::1").WithZone([]string{"", "eth0", "<z&>"}[r.IntN(3)])
		case 2:
			*x = netip.MustParseAddr("::ffff:192.0.2.1")
		}
		return
	case *MAC:
		m := MAC{0x00, 0x1b, 0x54, byte(r.IntN(256)), 0xab, byte(r.IntN(256)), 0xfe, 0x01}
		*x = m[:[]int{0, 6, 6, 8}[r.IntN(4)]] // none, EUI-48, EUI-64
		return
	case *float64:
		*x = []float64{0, 1.5, 99.99, 1e-7, 1e21, 123456789, -0.25, 1e-300, 5e-324}[r.IntN(9)]
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(strs[r.IntN(len(strs))])
	case reflect.Int:
		v.SetInt([]int64{0, 1, 7, -3, 1 << 40}[r.IntN(5)])
	case reflect.Uint64:
		v.SetUint([]uint64{0, 1, 1e9, 1<<64 - 1}[r.IntN(4)])
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Pointer:
		if r.IntN(4) > 0 {
			v.Set(reflect.New(v.Type().Elem()))
			fill(v.Elem(), r)
		}
	case reflect.Slice:
		n := r.IntN(4)
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fill(v.Index(i), r)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		for range r.IntN(4) {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(k, r)
			fill(e, r)
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), r)
		}
	default:
		panic("fill: a field of kind " + v.Kind().String())
	}
}

// TestAssetJSON: records with every field filled, many times over, are
// written as json.Marshal writes them and read by hand (never left to
// json.Unmarshal) to json.Unmarshal's values.
func TestAssetJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		var a Asset
		fill(reflect.ValueOf(&a).Elem(), r)
		want, werr := json.Marshal(&a)
		got, err := a.AppendJSON([]byte("prefix"))
		if (err != nil) != (werr != nil) {
			t.Fatalf("record %d: error %v, json.Marshal's %v", i, err, werr)
		}
		if err != nil {
			continue
		}
		if !bytes.Equal(got[len("prefix"):], want) {
			t.Fatalf("record %d:\n got %s\nwant %s", i, got[len("prefix"):], want)
		}
		var dec, std Asset
		if !decodeAsset(want, &dec) {
			t.Fatalf("record %d left to json.Unmarshal: %s", i, want)
		}
		if err := json.Unmarshal(want, &std); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(dec, std) {
			t.Fatalf("record %d read as\n%#v\nwant\n%#v", i, dec, std)
		}
	}
}

// TestAssetJSONErrors: what json.Marshal refuses, AppendJSON refuses.
func TestAssetJSONErrors(t *testing.T) {
	nan, inf := 0.0, 1.0
	nan /= nan
	inf /= 0
	for _, a := range []Asset{
		{CPULoadPct: &nan},
		{CPULoadPct: &inf},
		{FirstSeen: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Software: []Software{{Name: "x", InstalledAt: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)}}},
	} {
		if _, err := json.Marshal(&a); err == nil {
			t.Fatalf("json.Marshal took %+v", a)
		}
		if b, err := a.AppendJSON(nil); err == nil {
			t.Errorf("AppendJSON wrote %s", b)
		}
	}
}

// FuzzAssetJSON: whatever the input, DecodeAsset's record and error are
// json.Unmarshal's, and a record read is written as json.Marshal writes it.
func FuzzAssetJSON(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		var a Asset
		fill(reflect.ValueOf(&a).Elem(), r)
		if b, err := json.Marshal(&a); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		`null`, `{}`, ` { "ip" : "192.0.2.1" , "sources" : [ "arp" ] } `, `{"ip":null}`, `{"IP":"192.0.2.1"}`,
		`{"asset_id":"a","asset_id":"b"}`, `{"vendor":"x","asset_id":"a"}`, `{"unknown":1}`,
		`{"location":{"port":"1"},"location":{"vlan":2}}`, `{"evidence":{"a":{"rule":"r"},"a":{"oid":"1"}}}`,
		`{"hostname":"\ud83d\ude00"}`, `{"hostname":"\u00e9\/\b\f\n\r\t"}`, `{"hostname":"a\u0000b"}`,
		`{"cpu_count":1.0}`, `{"cpu_count":-0}`, `{"sys_uptime_s":-1}`, `{"cpu_load_pct":1e400}`,
		`{"cpu_load_pct":-0.0e-0}`, `{"cpu_count":01}`, `{"approved":tru}`, `{"tags":[]}`, `{"tags":["a",]}`,
		`{"first_seen":"2026-12-04T13:35:52+01:00"}`, `{"first_seen":"2026-12-04"}`, `{"mac":"zz"}`, `{"mac":""}`,
		`{"ips":["192.0.2.1","fe80::1%eth0"]}`, `{"services":[{"type":"_http._tcp","name":"x","txt":{"b":"1","a":"2"}}]}`,
		`{} x`, `{"hostname":"bad` + "\xff" + `"}`, `{"hostname":"ctl` + "\x01" + `"}`, `[1]`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got, want Asset
		err := DecodeAsset(data, &got)
		werr := json.Unmarshal(data, &want)
		if (err != nil) != (werr != nil) {
			t.Fatalf("%q: error %v, json.Unmarshal's %v", data, err, werr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q read as\n%#v\nwant\n%#v", data, got, want)
		}
		if err != nil {
			return
		}
		b, err := got.AppendJSON(nil)
		wb, werr := json.Marshal(&got)
		if (err != nil) != (werr != nil) || !bytes.Equal(b, wb) {
			t.Fatalf("%q written as %s (%v), want %s (%v)", data, b, err, wb, werr)
		}
	})
}

// benchAsset is a record as bench/servefill stores it.
const benchAsset = `{"asset_id":"00021a6e-0e0e-5348-860d-e75a9c3d72f6","ip":"198.18.6.249","mac":"00:1b:54:00:06:f9","vendor":"Net-SNMP","model":"NS-25","serial":"SN00001785","os_version":"6.1","sys_name":"host-1785","interfaces":[{"index":1,"name":"eth0","mac":"00:1b:54:00:06:f9","speed_bps":1000000000,"admin_up":true,"oper_up":true}],"sources":["arp","snmp"],"first_seen":"2026-12-04T13:35:52Z","last_seen":"2026-12-04T13:35:52Z","state":"new"}`

// BenchmarkAssetJSON: one stored record read and written, by hand and by
// encoding/json.
func BenchmarkAssetJSON(b *testing.B) {
	var a Asset
	if err := DecodeAsset([]byte(benchAsset), &a); err != nil {
		b.Fatal(err)
	}
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var x Asset
			if err := DecodeAsset([]byte(benchAsset), &x); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json.Unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var x Asset
			if err := json.Unmarshal([]byte(benchAsset), &x); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encode", func(b *testing.B) {
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			buf, _ = a.AppendJSON(buf[:0])
		}
	})
	b.Run("json.Marshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			json.Marshal(&a)
		}
	})
}
