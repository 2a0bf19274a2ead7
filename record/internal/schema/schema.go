// Package schema builds the JSON Schema (draft 2020-12) of record.Asset by
// reflection, with each field's description taken from its doc comment in
// the record package's source.
package schema

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/netip"
	"reflect"
	"strings"
	"time"

	"github.com/netcensus/netcensus/record"
)

// ID is the schema's $id.
const ID = "https://github.com/netcensus/netcensus/docs/asset.schema.json"

// Generate returns the schema of record.Asset, indented and ending in a
// newline. src is record.go (or the folder's file holding the types), read
// for the fields' doc comments.
func Generate(src string) ([]byte, error) {
	docs, err := fieldDocs(src)
	if err != nil {
		return nil, err
	}
	g := &gen{docs: docs, defs: map[string]any{}}
	root := g.object(reflect.TypeFor[record.Asset]())
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = ID
	root["title"] = "netcensus asset record"
	root["description"] = "One host as a sweep saw it, or (with asset_id) as the CMDB keeps it. " +
		"Keys are snake_case; a key is omitted when unknown; times are RFC 3339 in UTC."
	root["$defs"] = g.defs
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

type gen struct {
	docs map[string]string // "Type.Field" -> doc comment
	defs map[string]any
}

var (
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	timeType      = reflect.TypeFor[time.Time]()
	addrType      = reflect.TypeFor[netip.Addr]()
	macType       = reflect.TypeFor[record.MAC]()
)

// schema returns the schema of a value of type t.
func (g *gen) schema(t reflect.Type) map[string]any {
	switch t {
	case timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case addrType:
		return map[string]any{"type": "string", "anyOf": []any{
			map[string]any{"format": "ipv4"}, map[string]any{"format": "ipv6"}}}
	case macType:
		return map[string]any{"type": "string", "pattern": "^[0-9a-f]{2}(:[0-9a-f]{2})*$"}
	}
	if t.Implements(textMarshaler) || reflect.PointerTo(t).Implements(textMarshaler) {
		return map[string]any{"type": "string"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.schema(t.Elem())
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": g.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem())}
	case reflect.Struct:
		name := t.Name()
		if _, ok := g.defs[name]; !ok {
			g.defs[name] = true // placeholder: a type that contains itself terminates
			g.defs[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	}
	panic(fmt.Sprintf("schema: no JSON Schema for %s", t))
}

// object is the schema of struct t's fields.
func (g *gen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		s := g.schema(f.Type)
		if d := g.docs[t.Name()+"."+f.Name]; d != "" {
			s["description"] = d
		}
		props[name] = s
		if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			required = append(required, name)
		}
	}
	o := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

// fieldDocs reads the doc comments of the struct fields declared in src.
// A comment above a group of fields describes the first of them only.
func fieldDocs(src string) (map[string]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), src, nil, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("read field comments: %w", err)
	}
	docs := map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok {
			return true
		}
		st, ok := ts.Type.(*ast.StructType)
		if !ok {
			return false
		}
		for _, fl := range st.Fields.List {
			text := ""
			if fl.Doc != nil {
				text = fl.Doc.Text()
			} else if fl.Comment != nil {
				text = fl.Comment.Text()
			}
			text = strings.Join(strings.Fields(text), " ")
			for _, id := range fl.Names {
				if text != "" {
					docs[ts.Name.Name+"."+id.Name] = text
				}
			}
		}
		return false
	})
	return docs, nil
}
