package clickhouse

import (
	"context"
	"encoding"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// Listing straight to JSON. Most of `netcensus assets -o jsonl` over a
// large CMDB went into building 100,000 records and then reflecting over
// them again for encoding/json. The transcoder below writes a record's
// JSON straight from its blob instead, in one pass and without building
// it: it walks the blob with the codec's nodes and writes each value as
// encoding/json would write the decoded record (field names and order,
// omitempty and omitzero, marshalers, map keys sorted, HTML-safe
// escaping). Whatever it does not know how to write exactly (floats, byte
// slices, types with their own marshalers, zoned times) is decoded and
// handed to encoding/json, value by value. TestTranscodeMatchesJSON and
// FuzzTranscode hold it to byte-for-byte equality with
// json.Marshal(decoded record).

type jkind uint8

const (
	jFallback jkind = iota // decode, then encoding/json
	jString
	jBool
	jInt
	jUint
	jAddr
	jTime
	jMAC
	jSlice
	jMap
	jPtr
	jStruct
)

// jtype writes the values of one codec node as JSON.
type jtype struct {
	kind   jkind
	n      *node
	bits   int    // integers: the Go type's size
	elem   *jtype // slice, map value, pointer
	fields []jfield
	// A struct's codec fields in order (all exported ones, the blob's
	// names), each with its index in fields (-1: not in the JSON).
	all    []string
	jindex []int
	byName map[string]int // codec field name: its index in all
	// idField is the index in fields of AssetID (-1: none), the ID a
	// record's annotation is found by.
	idField int
}

// jfield is one struct field as encoding/json writes it.
type jfield struct {
	name      string // Go name, as in the blob
	key       string // `"json_name":`
	omitEmpty bool
	omitZero  bool
	// counted: a slice or map, whose value starts with its length.
	counted bool
	// absentOmitted: a zero (absent) value is left out; else zero is
	// what encoding/json writes for it.
	absentOmitted bool
	zero          []byte
	t             *jtype
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	macType       = reflect.TypeFor[record.MAC]()
	recordType    = reflect.TypeFor[record.Asset]()
)

// jsonPlan is how a store.Asset blob's Record becomes JSON.
type jsonPlan struct {
	record *jtype
}

// newJSONPlan derives the transcoder from the codec. It fails on struct
// features it does not mirror (embedded fields, ",string"): the listing
// then takes the decoding path.
func newJSONPlan(c *codec) (*jsonPlan, error) {
	var rec *node
	for _, f := range c.root.fields {
		if f.name == "Record" && f.n.typ == recordType {
			rec = f.n
		}
	}
	if rec == nil {
		return nil, fmt.Errorf("json plan: no Record field")
	}
	t, err := buildJ(rec, map[*node]*jtype{})
	if err != nil {
		return nil, err
	}
	return &jsonPlan{record: t}, nil
}

func implements(t, iface reflect.Type) bool {
	return t.Implements(iface) || reflect.PointerTo(t).Implements(iface)
}

func buildJ(n *node, seen map[*node]*jtype) (*jtype, error) {
	if t, ok := seen[n]; ok {
		return t, nil
	}
	t := &jtype{n: n}
	seen[n] = t
	switch {
	case n.typ == macType:
		t.kind = jMAC
		return t, nil
	case n.kind == nAddr:
		t.kind = jAddr
		return t, nil
	case n.kind == nTime:
		t.kind = jTime
		return t, nil
	case implements(n.typ, jsonMarshaler) || implements(n.typ, textMarshaler):
		return t, nil // jFallback
	}
	var err error
	switch n.kind {
	case nString:
		t.kind = jString
	case nBool:
		t.kind = jBool
	case nInt:
		t.kind, t.bits = jInt, n.typ.Bits()
	case nUint:
		t.kind, t.bits = jUint, n.typ.Bits()
	case nSlice:
		t.kind = jSlice
		t.elem, err = buildJ(n.elem, seen)
	case nMap:
		// encoding/json sorts string keys; other keys go the long way.
		if n.key.kind == nString && !implements(n.key.typ, textMarshaler) {
			t.kind = jMap
			t.elem, err = buildJ(n.elem, seen)
		}
	case nPtr:
		t.kind = jPtr
		t.elem, err = buildJ(n.elem, seen)
	case nStruct:
		t.kind = jStruct
		err = t.buildFields(seen)
	}
	return t, err
}

func (t *jtype) buildFields(seen map[*node]*jtype) error {
	st := t.n.typ
	t.byName = map[string]int{}
	t.idField = -1
	for _, f := range t.n.fields {
		sf := st.Field(f.index)
		if sf.Anonymous {
			return fmt.Errorf("json plan: %s.%s is embedded", st, sf.Name)
		}
		t.byName[f.name] = len(t.all)
		t.all = append(t.all, f.name)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			t.jindex = append(t.jindex, -1)
			continue
		}
		t.jindex = append(t.jindex, len(t.fields))
		if sf.Name == "AssetID" && sf.Type.Kind() == reflect.String {
			t.idField = len(t.fields)
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		jf := jfield{name: sf.Name, key: strconv.Quote(name) + ":"}
		for o := range strings.SplitSeq(opts, ",") {
			switch o {
			case "omitempty":
				jf.omitEmpty = true
			case "omitzero":
				jf.omitZero = true
			case "":
			default:
				return fmt.Errorf("json plan: %s.%s: option %q", st, sf.Name, o)
			}
		}
		if !json.Valid([]byte("{"+jf.key+"0}")) || strings.ContainsAny(name, `<>&\`) {
			return fmt.Errorf("json plan: %s.%s: key %q", st, sf.Name, name)
		}
		var err error
		if jf.t, err = buildJ(f.n, seen); err != nil {
			return err
		}
		jf.counted = sf.Type.Kind() == reflect.Slice || sf.Type.Kind() == reflect.Map
		switch sf.Type.Kind() {
		case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
			reflect.Float32, reflect.Float64, reflect.String, reflect.Slice, reflect.Map, reflect.Pointer:
			jf.absentOmitted = jf.omitEmpty || jf.omitZero
		default:
			jf.absentOmitted = jf.omitZero
		}
		if jf.zero, err = json.Marshal(reflect.New(sf.Type).Interface()); err != nil {
			return fmt.Errorf("json plan: %s.%s: %w", st, sf.Name, err)
		}
		t.fields = append(t.fields, jf)
	}
	return nil
}

// span is one struct field's value within a blob.
type span struct {
	name       string
	start, end int
}

// next reads a struct's next (name, length, value) triple: the name and
// where the value lies. An empty name ends the struct.
func (d *dec) next() (span, error) {
	name, err := d.str()
	if err != nil || name == "" {
		return span{}, err
	}
	l, err := d.uvarint()
	if err != nil {
		return span{}, err
	}
	if l > uint64(len(d.s)-d.i) {
		return span{}, errBlob
	}
	sp := span{name, d.i, d.i + int(l)}
	d.i = sp.end
	return sp, nil
}

// fields reads a struct's fields up to its end.
func (d *dec) fields(into []span) ([]span, error) {
	for {
		sp, err := d.next()
		if err != nil || sp.name == "" {
			return into, err
		}
		into = append(into, sp)
	}
}

// annotator gives a record's annotation from its ID, read from the blob
// before anything is written, or false to leave the record out.
type annotator func(id string) (*store.Annotation, bool)

// recordJSON appends the JSON of the blob's Record, with the annotation
// applied as a listing applies it (applyAnnotation), and returns the
// record's ID and whether it was written.
func (p *jsonPlan) recordJSON(buf []byte, blob string, annotate annotator) (out []byte, id string, written bool, err error) {
	if len(blob) == 0 || blob[0] != blobMagic {
		return buf, "", false, errBlob
	}
	st := spanPool.Get().(*spans)
	defer spanPool.Put(st)
	st.s, st.m = st.s[:0], st.m[:0]
	st.d = dec{s: blob, i: 1}
	rec, err := st.d.field("Record")
	if err != nil {
		return buf, "", false, err
	}
	st.d = dec{s: blob[:rec.end], i: rec.start}
	if rec.start < 0 { // a zero record: a struct with no fields
		st.d = dec{s: "\x00"}
	}
	st.annotate, st.id, st.written = annotate, "", false
	out, err = p.record.structJSON(&st.d, buf, st, true)
	return out, st.id, st.written, err
}

// spans is a transcoding's stack of struct fields, and of which span each
// JSON field takes, shared by the nested structs (each uses the part past
// its caller's), reused across records.
type spans struct {
	s []span
	m []int
	d dec
	// The record being written: its annotator, and what came of it.
	annotate annotator
	id       string
	written  bool
}

var spanPool = sync.Pool{New: func() any { return &spans{s: make([]span, 0, 128), m: make([]int, 0, 128)} }}

// annotated are the Record fields a listing takes from the annotation.
func annotated(name string) bool {
	switch name {
	case "Approved", "Site", "Role", "Owner", "Tags":
		return true
	}
	return false
}

// structJSON writes a struct; root marks the record itself, whose ID goes
// to st.annotate before anything is written.
func (t *jtype) structJSON(d *dec, buf []byte, st *spans, root bool) ([]byte, error) {
	base, mbase := len(st.s), len(st.m)
	defer func() { st.s, st.m = st.s[:base], st.m[:mbase] }()
	var err error
	if st.s, err = d.fields(st.s); err != nil {
		return buf, err
	}
	end, after, all := len(st.s), d.i, d.s
	defer func() { d.s, d.i = all, after }()
	// Which span each JSON field takes (-1: absent). A blob written by
	// this netcensus has its fields once each, in declaration order: one
	// pass matches them. Otherwise by name, a name written twice taking
	// its last value, as decoding does.
	for range t.fields {
		st.m = append(st.m, -1)
	}
	m := st.m[mbase:]
	k := base
	for ci, name := range t.all {
		if k < end && st.s[k].name == name {
			if fi := t.jindex[ci]; fi >= 0 {
				m[fi] = k
			}
			k++
		}
	}
	if k != end {
		for i := range m {
			m[i] = -1
		}
		for k := base; k < end; k++ {
			if ci, ok := t.byName[st.s[k].name]; ok {
				if fi := t.jindex[ci]; fi >= 0 {
					m[fi] = k
				}
			}
		}
	}
	var ann *store.Annotation
	if root {
		if k := t.idField; k >= 0 && st.m[mbase+k] >= 0 {
			sp := st.s[st.m[mbase+k]]
			d.s, d.i = all[:sp.end], sp.start
			if st.id, err = d.str(); err != nil {
				return buf, err
			}
		}
		var keep bool
		if ann, keep = st.annotate(st.id); !keep {
			return buf, nil
		}
		st.written = true
	}
	buf = append(buf, '{')
	first := true
	for fi := range t.fields {
		f := &t.fields[fi]
		if ann != nil && annotated(f.name) && (f.name != "Tags" || len(ann.Tags) > 0) {
			if s, ok := annotationText(f.name, ann); ok && s == "" && f.absentOmitted {
				continue
			}
			buf = appendKey(buf, f, &first)
			buf = annotationJSON(buf, f.name, ann)
			continue
		}
		sp := st.m[mbase+fi]
		if sp < 0 {
			if !f.absentOmitted {
				buf = appendKey(buf, f, &first)
				buf = append(buf, f.zero...)
			}
			continue
		}
		// The value is read from exactly its bytes (d itself, not a copy
		// of it: a copy would go to the heap, once per field).
		d.s, d.i = all[:st.s[sp].end], st.s[sp].start
		if f.omitEmpty && f.counted {
			if n, err := d.peekCount(); err != nil {
				return buf, err
			} else if n == 0 {
				continue
			}
		}
		mark, wasFirst := len(buf), first
		buf = appendKey(buf, f, &first)
		vstart := len(buf)
		if buf, err = f.t.value(d, buf, st); err != nil {
			return buf, err
		}
		if f.omitZero && f.t.kind == jTime && string(buf[vstart:]) == zeroTimeJSON {
			buf, first = buf[:mark], wasFirst
		}
	}
	return append(buf, '}'), nil
}

func appendKey(buf []byte, f *jfield, first *bool) []byte {
	if !*first {
		buf = append(buf, ',')
	}
	*first = false
	return append(buf, f.key...)
}

const zeroTimeJSON = `"0001-01-01T00:00:00Z"`

// annotationText is a text field of the annotation.
func annotationText(name string, ann *store.Annotation) (string, bool) {
	switch name {
	case "Site":
		return ann.Site, true
	case "Role":
		return ann.Role, true
	case "Owner":
		return ann.Owner, true
	}
	return "", false
}

// annotationJSON writes the value of an annotated field.
func annotationJSON(buf []byte, name string, ann *store.Annotation) []byte {
	switch name {
	case "Approved":
		return strconv.AppendBool(buf, ann.Approved)
	case "Tags":
		buf = append(buf, '[')
		for i, s := range ann.Tags {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = appendJSONString(buf, s)
		}
		return append(buf, ']')
	}
	s, _ := annotationText(name, ann)
	return appendJSONString(buf, s)
}

// peekCount reads a slice's or map's element count without moving on.
func (d *dec) peekCount() (int, error) {
	save := d.i
	n, err := d.count()
	d.i = save
	return n, err
}

// value appends the JSON of one value read from d.
func (t *jtype) value(d *dec, buf []byte, st *spans) ([]byte, error) {
	switch t.kind {
	case jString:
		s, err := d.str()
		if err != nil {
			return buf, err
		}
		return appendJSONString(buf, s), nil
	case jBool:
		if d.i >= len(d.s) {
			return buf, errBlob
		}
		b := d.s[d.i] != 0
		d.i++
		return strconv.AppendBool(buf, b), nil
	case jInt:
		x, err := d.varint()
		if err != nil {
			return buf, err
		}
		if sh := 64 - t.bits; x<<sh>>sh != x {
			return buf, errBlob
		}
		return strconv.AppendInt(buf, x, 10), nil
	case jUint:
		u, err := d.uvarint()
		if err != nil {
			return buf, err
		}
		if sh := 64 - t.bits; u<<sh>>sh != u {
			return buf, errBlob
		}
		return strconv.AppendUint(buf, u, 10), nil
	case jMAC:
		s, err := d.str()
		if err != nil {
			return buf, err
		}
		// record.MAC's MarshalText: net.HardwareAddr's String.
		buf = append(buf, '"')
		for i := 0; i < len(s); i++ {
			if i > 0 {
				buf = append(buf, ':')
			}
			buf = append(buf, hexDigits[s[i]>>4], hexDigits[s[i]&0xf])
		}
		return append(buf, '"'), nil
	case jAddr:
		a, err := d.addr()
		if err != nil {
			return buf, err
		}
		buf = append(buf, '"')
		buf = a.AppendTo(buf)
		return append(buf, '"'), nil
	case jTime:
		if d.i < len(d.s) && d.s[d.i] == 1 {
			save := d.i
			d.i++
			tm, err := d.utc()
			if err != nil {
				return buf, err
			}
			if y := tm.Year(); y >= 0 && y <= 9999 {
				buf = append(buf, '"')
				buf = tm.AppendFormat(buf, time.RFC3339Nano)
				return append(buf, '"'), nil
			}
			d.i = save
		}
		return t.fallback(d, buf)
	case jSlice:
		l, err := d.count()
		if err != nil {
			return buf, err
		}
		buf = append(buf, '[')
		for i := range l {
			if i > 0 {
				buf = append(buf, ',')
			}
			if buf, err = t.elem.value(d, buf, st); err != nil {
				return buf, err
			}
		}
		return append(buf, ']'), nil
	case jMap:
		return t.mapJSON(d, buf, st)
	case jPtr:
		if d.i >= len(d.s) {
			return buf, errBlob
		}
		present := d.s[d.i] != 0
		d.i++
		if !present {
			return append(buf, "null"...), nil
		}
		return t.elem.value(d, buf, st)
	case jStruct:
		return t.structJSON(d, buf, st, false)
	}
	return t.fallback(d, buf)
}

const hexDigits = "0123456789abcdef"

// fallback decodes the value and lets encoding/json write it.
func (t *jtype) fallback(d *dec, buf []byte) ([]byte, error) {
	v := reflect.New(t.n.typ)
	if err := d.value(t.n, v.Elem()); err != nil {
		return buf, err
	}
	b, err := json.Marshal(v.Interface())
	if err != nil {
		return buf, err
	}
	return append(buf, b...), nil
}

// mapJSON writes a string-keyed map with its keys sorted, the last of a
// repeated key winning (as decoding into a map does).
func (t *jtype) mapJSON(d *dec, buf []byte, st *spans) ([]byte, error) {
	l, err := d.count()
	if err != nil {
		return buf, err
	}
	type entry struct {
		key        string
		start, end int // the value's JSON, in scratch
	}
	entries := make([]entry, 0, l)
	var scratch []byte
	for range l {
		k, err := d.str()
		if err != nil {
			return buf, err
		}
		start := len(scratch)
		if scratch, err = t.elem.value(d, scratch, st); err != nil {
			return buf, err
		}
		entries = append(entries, entry{k, start, len(scratch)})
	}
	slices.SortStableFunc(entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	buf = append(buf, '{')
	n := 0
	for i, e := range entries {
		if i+1 < len(entries) && entries[i+1].key == e.key {
			continue
		}
		if n > 0 {
			buf = append(buf, ',')
		}
		n++
		buf = appendJSONString(buf, e.key)
		buf = append(buf, ':')
		buf = append(buf, scratch[e.start:e.end]...)
	}
	return append(buf, '}'), nil
}

// appendJSONString writes s as encoding/json does: printable ASCII is
// copied; anything to escape (quotes, controls, HTML's <, > and &,
// non-ASCII that may be invalid UTF-8 or U+2028) goes through
// encoding/json.
func appendJSONString(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s)
			return append(buf, b...)
		}
	}
	buf = append(buf, '"')
	buf = append(buf, s...)
	return append(buf, '"')
}

var _ store.JSONLister = (*DB)(nil)

// AssetsJSON hands fn the JSON of each asset Assets(f) would list, in the
// same order (store.JSONLister). It streams: blobs are transcoded on every
// CPU as the server sends them and written in order, so that memory stays
// a few chunks whatever the CMDB's size.
func (d *DB) AssetsJSON(ctx context.Context, f store.AssetFilter, fn func([]byte) error) error {
	if d.jplan == nil || f.Subnet.IsValid() {
		// The subnet filter needs the decoded addresses.
		as, err := d.Assets(ctx, f)
		if err != nil {
			return err
		}
		for i := range as {
			b, err := json.Marshal(&as[i].Record)
			if err != nil {
				return err
			}
			if err := fn(b); err != nil {
				return err
			}
		}
		return nil
	}
	if err := d.streamJSON(ctx, f, fn); err != nil {
		return fmt.Errorf("list assets: %w", err)
	}
	return nil
}

// jsonChunk is a run of consecutive assets: read, then rendered.
type jsonChunk struct {
	blobs []string
	done  chan jsonChunk // the rendered chunk, once
	buf   []byte
	ends  []int
	// first and last are the chunk's first and last IDs; ordered is
	// whether its IDs rose throughout.
	first, last string
	ordered     bool
	err         error
}

const jsonChunkRows = 512

func (d *DB) streamJSON(ctx context.Context, f store.AssetFilter, fn func([]byte) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	q := newAssetQuery(f)
	annotations := d.annotationsSoon(ctx, q.annIDs)

	workers := max(1, min(runtime.GOMAXPROCS(0), 4))
	jobs := make(chan *jsonChunk, workers)
	pending := make(chan *jsonChunk, 2*workers) // in order, for the writer
	scanErr := make(chan error, 1)
	go func() {
		defer close(pending)
		defer close(jobs)
		var c *jsonChunk
		send := func() bool {
			select {
			case pending <- c:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- c:
			case <-ctx.Done():
				return false
			}
			c = nil
			return true
		}
		// The IDs are not read: the blobs carry them (less to decode).
		err := d.streamBlobs(ctx, q.where, q.args, false, func(_, blob string) error {
			if c == nil {
				c = &jsonChunk{done: make(chan jsonChunk, 1)}
			}
			c.blobs = append(c.blobs, blob)
			if len(c.blobs) == jsonChunkRows && !send() {
				return ctx.Err()
			}
			return nil
		})
		if err == nil && c != nil && !send() {
			err = ctx.Err()
		}
		scanErr <- err
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ann, annErr := annotations()
			for c := range jobs {
				c.done <- d.renderChunk(c.blobs, q.want, f.Unapproved, ann, annErr)
			}
		}()
	}
	defer wg.Wait()
	defer cancel() // before the wait: unblocks the reader and the workers

	last, warned := "", false
	for c := range pending {
		var r jsonChunk
		select {
		case r = <-c.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if r.err != nil {
			return r.err
		}
		if !warned && (!r.ordered || r.first != "" && r.first < last) {
			// FINAL on one thread reads in key order; should a release
			// ever not, the listing is still complete.
			slog.Default().Warn("clickhouse listed assets out of ID order")
			warned = true
		}
		if r.last != "" {
			last = r.last
		}
		start := 0
		for _, end := range r.ends {
			if err := fn(r.buf[start:end]); err != nil {
				return err
			}
			start = end
		}
	}
	return <-scanErr
}

// renderChunk transcodes a chunk of blobs, leaving out those the filter
// does not want.
func (d *DB) renderChunk(blobs []string, want map[string]bool, unapproved bool, ann map[string]store.Annotation, annErr error) jsonChunk {
	r := jsonChunk{buf: make([]byte, 0, 600*len(blobs)), ordered: true}
	if annErr != nil {
		r.err = fmt.Errorf("annotations: %w", annErr)
		return r
	}
	var n store.Annotation
	annotate := func(id string) (*store.Annotation, bool) {
		n = ann[id]
		return &n, (want == nil || want[id]) && !(unapproved && n.Approved)
	}
	for _, blob := range blobs {
		var id string
		var written bool
		var err error
		if r.buf, id, written, err = d.jplan.recordJSON(r.buf, blob, annotate); err != nil {
			r.err = fmt.Errorf("asset %s: %w", id, err)
			return r
		}
		if r.first == "" {
			r.first = id
		} else if id < r.last {
			r.ordered = false
		}
		r.last = id
		if written {
			r.ends = append(r.ends, len(r.buf))
		}
	}
	return r
}

// field finds a struct's field by name (its last value, as decoding
// takes) and returns where its value lies (start -1: absent).
func (d *dec) field(name string) (span, error) {
	found := span{start: -1}
	for {
		sp, err := d.next()
		if err != nil || sp.name == "" {
			return found, err
		}
		if sp.name == name {
			found = sp
		}
	}
}
