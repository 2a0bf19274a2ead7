package exporters_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/netip"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/record"
)

// assetSchema compiles docs/asset.schema.json, asserting formats.
func assetSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../docs/asset.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("asset.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("asset.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// fill sets every field of v, recursively, to a non-zero value, so that a
// record carries every key the schema must know.
func fill(v reflect.Value, depth int) {
	switch x := v.Addr().Interface().(type) {
	case *time.Time:
		*x = time.Date(2026, 12, 3, 16, 0, 0, 0, time.UTC)
		return
	case *netip.Addr:
		*x = netip.MustParseAddr("198.51.100.7")
		return
	case *record.MAC:
		*x = record.MAC{0x00, 0x1b, 0x54, 0x00, 0x00, 0x07}
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("x-" + v.Type().Name())
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(-3)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(7)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(-2.5)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), depth)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), depth+1)
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k := reflect.New(v.Type().Key()).Elem()
		k.SetString("model")
		e := reflect.New(v.Type().Elem()).Elem()
		fill(e, depth+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), depth+1)
			}
		}
	}
}

// TestOutputsMatchSchema: every JSON output format writes records that the
// published schema accepts, for a record with every field set and for an
// empty one; and the schema refuses a key the record does not have.
func TestOutputsMatchSchema(t *testing.T) {
	s := assetSchema(t)
	var full record.Asset
	fill(reflect.ValueOf(&full).Elem(), 0)
	minimal := record.Asset{IP: netip.MustParseAddr("2001:db8::7")}

	for _, format := range []string{"json", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			w, err := exporters.NewAssetWriter(format, &b)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range []record.Asset{full, minimal} {
				if err := w.Write(&a); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			var docs []any
			if format == "json" {
				var arr []json.RawMessage
				if err := json.Unmarshal(b.Bytes(), &arr); err != nil {
					t.Fatal(err)
				}
				for _, r := range arr {
					docs = append(docs, decode(t, r))
				}
			} else {
				sc := bufio.NewScanner(&b)
				sc.Buffer(nil, 1<<20)
				for sc.Scan() {
					docs = append(docs, decode(t, sc.Bytes()))
				}
			}
			if len(docs) != 2 {
				t.Fatalf("%d records, want 2", len(docs))
			}
			for i, d := range docs {
				if err := s.Validate(d); err != nil {
					t.Errorf("record %d: %v", i, err)
				}
			}
			// Every key of the full record is one the schema names.
			keys := docs[0].(map[string]any)
			for _, k := range []string{"asset_id", "ips", "evidence", "software", "cpu_load_pct"} {
				if _, ok := keys[k]; !ok {
					t.Errorf("full record lacks %q: fill missed it", k)
				}
			}
		})
	}

	bad := decode(t, []byte(`{"ip":"198.51.100.7","modle":"typo"}`))
	if err := s.Validate(bad); err == nil || !strings.Contains(err.Error(), "modle") {
		t.Errorf("schema accepted an unknown key: %v", err)
	}
	badIP := decode(t, []byte(`{"ip":"not-an-address"}`))
	if err := s.Validate(badIP); err == nil {
		t.Error("schema accepted a malformed ip")
	}
}

func decode(t *testing.T, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return v
}
