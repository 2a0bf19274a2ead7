package clickhouse

import (
	"bytes"
	"context"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"reflect"
	"strings"

	ch "github.com/ClickHouse/clickhouse-go/v2"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// Listing as JSON. Most of `netcensus assets -o jsonl` over a large CMDB
// went into turning records into JSON, at every listing. So an asset's
// JSON is written once, when the asset is stored (PutAssets), beside its
// blob, in two parts: json_head, the record's JSON up to where the
// annotation's fields go, and json_tail, the rest; and an annotation's
// fields' JSON when it is stored (Annotate). A listing copies the parts
// together, the annotation between head and tail; what it writes is
// exactly what encoding/json writes for the record Assets lists.
//
// json_rev says which JSON a row holds: listingRev, a hash of the shape
// of record.Asset. A row written by a netcensus whose record had another
// shape (or by one from before the column) is listed from its blob and
// fields, decoded and encoded; a migration rewrites such rows.

// listingFormat changes by hand when a type's own marshaler writes
// something else (listingShape cannot see that).
const listingFormat = 1

// listingRev is the json_rev of the rows this netcensus writes.
var listingRev = listingShape(reflect.TypeFor[record.Asset](), listingFormat)

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

// listingShape hashes what encoding/json's output of t depends on: its
// exported fields' names, JSON tags and types, recursively, down to the
// types that marshal themselves.
func listingShape(t reflect.Type, format int) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d;", format)
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		fmt.Fprintf(h, "%s.%s:%s(", t.PkgPath(), t.Name(), t.Kind())
		defer h.Write([]byte{')'})
		if seen[t] || t.Implements(jsonMarshaler) || t.Implements(textMarshaler) ||
			reflect.PointerTo(t).Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(textMarshaler) {
			return
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Struct:
			for i := range t.NumField() {
				if f := t.Field(i); f.IsExported() {
					fmt.Fprintf(h, "%s`%s`", f.Name, f.Tag.Get("json"))
					walk(f.Type)
				}
			}
		case reflect.Slice, reflect.Array, reflect.Pointer:
			walk(t.Elem())
		case reflect.Map:
			walk(t.Key())
			walk(t.Elem())
		}
	}
	walk(t)
	return h.Sum64()
}

// annotationFields are the indexes of the record fields a listing takes
// from the annotation (those applyAnnotation sets), and afterAnnotation
// those declared after them.
var annotationFields, afterAnnotation = splitRecordFields()

func splitRecordFields() (ann, after []int) {
	var r record.Asset
	applyAnnotation(&r, store.Annotation{Approved: true, Site: "s", Role: "r", Owner: "o", Tags: []string{"t"}})
	v := reflect.ValueOf(r)
	for i := range v.NumField() {
		switch {
		case !v.Field(i).IsZero():
			ann = append(ann, i)
		case len(ann) > 0:
			after = append(after, i)
		}
	}
	return ann, after
}

// listingParts returns the JSON of r, its annotation's fields left out,
// in two parts: up to where those fields go, and the rest.
func listingParts(r record.Asset) (head, tail []byte, err error) {
	v := reflect.ValueOf(&r).Elem()
	for _, i := range annotationFields {
		v.Field(i).SetZero()
	}
	rest := record.Asset{}
	rv := reflect.ValueOf(&rest).Elem()
	for _, i := range afterAnnotation {
		rv.Field(i).Set(v.Field(i))
		v.Field(i).SetZero()
	}
	// Every field of a record is left out when zero, and encoding/json
	// writes fields in declaration order: the two objects are the whole
	// record's fields, cut in two.
	if head, err = json.Marshal(&r); err != nil {
		return nil, nil, err
	}
	if tail, err = json.Marshal(&rest); err != nil {
		return nil, nil, err
	}
	head = head[:len(head)-1] // "}"
	if len(tail) > 2 {
		tail[0] = ','
	} else {
		tail = tail[1:] // "{}": only the brace closes
	}
	return head, tail, nil
}

// annotationType is a struct of the record's annotation fields alone,
// tags and all: encoding/json writes for it what it writes for those
// fields of a record (a record's 50 fields cost four times as much).
var annotationType = func() reflect.Type {
	rt := reflect.TypeFor[record.Asset]()
	fs := make([]reflect.StructField, len(annotationFields))
	for k, i := range annotationFields {
		f := rt.Field(i)
		fs[k] = reflect.StructField{Name: f.Name, Type: f.Type, Tag: f.Tag}
	}
	return reflect.StructOf(fs)
}()

// annotationJSON is the annotation's fields as a listed record carries
// them, without braces (never empty: approved is always there).
func annotationJSON(n store.Annotation) (string, error) {
	var r record.Asset
	applyAnnotation(&r, n)
	rv := reflect.ValueOf(&r).Elem()
	v := reflect.New(annotationType)
	for k, i := range annotationFields {
		v.Elem().Field(k).Set(rv.Field(i))
	}
	b, err := json.Marshal(v.Interface())
	if err != nil {
		return "", err
	}
	return string(b[1 : len(b)-1]), nil
}

// listedAnnotation is an annotation as a listing uses it.
type listedAnnotation struct {
	json     string // annotationJSON
	approved bool
}

func listAnnotation(n store.Annotation) (listedAnnotation, error) {
	b, err := annotationJSON(n)
	return listedAnnotation{b, n.Approved}, err
}

// appendListing appends a stored record's JSON with its annotation's:
// the head (in a first piece and the rest), the annotation, the tail.
func appendListing(buf []byte, first []byte, rest []string, ann string, tail string) []byte {
	n := len(buf)
	buf = append(buf, first...)
	for _, h := range rest {
		buf = append(buf, h...)
	}
	if ann != "" {
		if len(buf)-n > 1 { // past "{"
			buf = append(buf, ',')
		}
		buf = append(buf, ann...)
	}
	return append(buf, tail...)
}

// listingBlockRows is the block size of a listing's query: small blocks
// keep the heap small, and a large CMDB's listing pays for every page the
// heap grows by.
const listingBlockRows = 1024

// How a listing reads json_head. The driver reads a String column's
// values one by one, copies each into a string of its own, and grows a
// block's buffer value by value for values of 128 bytes or more, copying
// it over and over; a FixedString column it reads in one go and hands
// out in place. So json_head comes as a FixedString of listingWidth
// bytes (zero-padded: JSON text holds no zero byte) and, past that,
// listingPieces pieces of 127 bytes and the rest.
const (
	listingWidth  = 512
	listingPieces = 2
)

// pieces selects a String column from byte from on as n pieces of 127
// bytes and the rest.
func pieces(col string, from, n int) string {
	s := make([]string, n+1)
	for i := range n {
		s[i] = fmt.Sprintf("substring(%s, %d, 127)", col, from+127*i)
	}
	s[n] = fmt.Sprintf("substring(%s, %d)", col, from+127*n)
	return strings.Join(s, ", ")
}

// joinPieces reassembles a column read by pieces.
func joinPieces(p []string) string {
	if len(p) > 1 && p[1] == "" {
		return p[0]
	}
	return strings.Join(p, "")
}

var _ store.JSONLister = (*DB)(nil)

// AssetsJSON hands fn the JSON of each asset Assets(f) would list, in the
// same order (store.JSONLister), as the server sends it.
func (d *DB) AssetsJSON(ctx context.Context, f store.AssetFilter, fn func([]byte) error) error {
	if f.Limit > 0 {
		// Stopped at the limit (the query itself reads no more when no
		// filter is left to apply here).
		n, all := 0, fn
		fn = func(b []byte) error {
			if n == f.Limit {
				return errLimit
			}
			n++
			return all(b)
		}
		if err := d.assetsJSON(ctx, f, fn); err != nil && !errors.Is(err, errLimit) {
			return err
		}
		return nil
	}
	return d.assetsJSON(ctx, f, fn)
}

// errLimit stops a listing at its limit.
var errLimit = errors.New("listing limit reached")

func (d *DB) assetsJSON(ctx context.Context, f store.AssetFilter, fn func([]byte) error) error {
	if f.Subnet.IsValid() || f.Approved {
		// The subnet filter needs the decoded addresses; approval, the
		// annotations of assets that have one.
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
	if err := d.listJSON(ctx, f, fn); err != nil {
		return fmt.Errorf("list assets: %w", err)
	}
	return nil
}

func (d *DB) listJSON(ctx context.Context, f store.AssetFilter, fn func([]byte) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // a query left early is dropped, not read to its end
	q := newAssetQuery(f)
	unannotated, err := annotationJSON(store.Annotation{})
	if err != nil {
		return err
	}
	var buf []byte
	var stale []string
	err = d.listStored(ctx, q, f.Unapproved, func(id string, first []byte, rest []string, ann string, tail string) error {
		if q.want != nil && !q.want[id] {
			return nil
		}
		if ann == "" {
			ann = unannotated
		}
		buf = appendListing(buf[:0], first, rest, ann, tail)
		return fn(buf)
	}, func(id string) bool {
		stale = append(stale, id)
		return d.distributed
	})
	if err != nil || len(stale) == 0 {
		return err
	}
	// Rows whose stored JSON (the asset's or its annotation's) is of
	// another revision are listed from what they are stored as, decoded
	// and encoded: on one table, the first and all after it (FINAL sends
	// rows by ID); on a cluster, which sends them in no order, each.
	ann, err := annotations(ctx, d, q.annIDs, listAnnotation)
	if err != nil {
		return fmt.Errorf("annotations: %w", err)
	}
	list := func(id, blob string) error {
		n, ok := ann[id]
		if !ok {
			n.json = unannotated
		}
		if q.want != nil && !q.want[id] || f.Unapproved && n.approved {
			return nil
		}
		var err error
		if buf, err = d.blobJSON(buf[:0], blob, n.json); err != nil {
			return fmt.Errorf("asset %s: %w", id, err)
		}
		return fn(buf)
	}
	if !d.distributed {
		return d.streamBlobs(ctx, q.andKey(`id >= ?`, stale[0]), list)
	}
	for i := 0; i < len(stale); i += maxBound {
		if err := d.streamBlobs(ctx, q.andKey(`id IN (SELECT arrayJoin(?))`, stale[i:min(len(stale), i+maxBound)]), list); err != nil {
			return err
		}
	}
	return nil
}

// listStored hands fn the stored JSON of each asset matching q, in parts
// (the annotation's "" when the asset has none). A row whose JSON, or
// whose annotation's, another revision stored goes to stale instead,
// which says whether to go on.
//
// The annotations come in a second query, by ID, read alongside as far
// as the assets have come. (A join on the server costs more than the
// whole listing otherwise: 18.16 builds its hash table of every
// annotation before the first row.) So this relies on FINAL sending both
// tables' rows by ID, as it does on one thread in every release (an
// ORDER BY would cost the server 15-20 ms for 100,000 annotations); should
// one ever not, the listing stops with an error rather than mis-annotate.
// A cluster's Distributed table interleaves its shards' rows: there, the
// annotations are all read first.
func (d *DB) listStored(ctx context.Context, q assetQuery, unapproved bool, fn func(id string, first []byte, rest []string, ann string, tail string) error, stale func(id string) bool) error {
	ctx = ch.Context(ctx, ch.WithSettings(ch.Settings{"max_block_size": listingBlockRows, "max_threads": 1}))
	annCond := ""
	var annArgs []any
	if q.annIDs != nil {
		annCond = `asset_id IN (SELECT arrayJoin(?))`
		annArgs = append(annArgs, q.annIDs)
	}
	annFrom, annArgs := d.cur(ctx, "annotations", "asset_id", "asset_id, approved, json, json_rev", annCond, annArgs...)
	arows, err := d.conn.Query(ctx, d.q(fmt.Sprintf(`SELECT asset_id, approved, json, json_rev = %d FROM `, listingRev)+annFrom), annArgs...)
	if err != nil {
		return fmt.Errorf("annotations: %w", err)
	}
	defer arows.Close()
	next := func(a *storedAnnotation) (bool, error) {
		if !arows.Next() {
			return false, arows.Err()
		}
		var approved uint8
		err := arows.Scan(&a.id, &approved, &a.json, &a.current)
		a.approved = approved != 0
		return true, err
	}
	annotation := (&annotationCursor{next: next}).get
	if d.distributed {
		all := map[string]*storedAnnotation{}
		for {
			a := new(storedAnnotation)
			ok, err := next(a)
			if err != nil {
				return fmt.Errorf("annotations: %w", err)
			}
			if !ok {
				break
			}
			all[a.id] = a
		}
		annotation = func(id string) (*storedAnnotation, error) { return all[id], nil }
	}
	from, args := d.from(ctx, q.rowsWhere, "id, json_head, json_tail, json_rev, state, vendor, mac_vendor, device_type, last_seen")
	rows, err := d.conn.Query(ctx, d.q(fmt.Sprintf(`SELECT id, toFixedString(substring(json_head, 1, %d), %[1]d), %s,
		json_tail, json_rev = %d FROM %s`, listingWidth, pieces("json_head", listingWidth+1, listingPieces), listingRev, from)), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var id, tail, last string
	var first []byte
	var current bool
	rest := make([]string, listingPieces+1)
	dest := []any{&id, &first}
	for i := range rest {
		dest = append(dest, &rest[i])
	}
	dest = append(dest, &tail, &current)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if !d.distributed && id <= last && last != "" {
			return fmt.Errorf("clickhouse sent asset %s after %s, out of ID order: this listing cannot join the annotations (list with --subnet 0.0.0.0/0 or ::/0 instead, and report the ClickHouse version)", id, last)
		}
		last = id
		a, err := annotation(id)
		if err != nil {
			return fmt.Errorf("annotations: %w", err)
		}
		if !current || a != nil && !a.current {
			if !stale(id) {
				return nil
			}
			continue
		}
		var js string
		if a != nil {
			if unapproved && a.approved {
				continue
			}
			js = a.json
		}
		if i := bytes.IndexByte(first, 0); i >= 0 {
			first = first[:i]
		}
		if err := fn(id, first, rest, js, tail); err != nil {
			return err
		}
	}
	return rows.Err()
}

// storedAnnotation is an annotation as stored for listings.
type storedAnnotation struct {
	id, json          string
	approved, current bool // current: of this json_rev
}

// annotationCursor reads annotations by ID, from next, as far as asked.
type annotationCursor struct {
	next func(*storedAnnotation) (bool, error)
	head storedAnnotation
	read bool // head holds the next annotation
	done bool
}

// get returns the annotation of id (nil if none); ids must rise from
// call to call, and the annotations must come by ID.
func (c *annotationCursor) get(id string) (*storedAnnotation, error) {
	for !c.done {
		if !c.read {
			prev := c.head.id
			ok, err := c.next(&c.head)
			if err != nil {
				return nil, err
			}
			if !ok {
				c.done = true
				break
			}
			if c.head.id <= prev && prev != "" {
				return nil, fmt.Errorf("clickhouse sent the annotation of %s after %s's, out of ID order: this listing cannot join them (list with --subnet 0.0.0.0/0 or ::/0 instead, and report the ClickHouse version)", c.head.id, prev)
			}
			c.read = true
		}
		switch {
		case c.head.id < id:
			c.read = false
		case c.head.id == id:
			return &c.head, nil
		default:
			return nil, nil
		}
	}
	return nil, nil
}

// blobJSON appends the JSON of a blob's record with its annotation's, the
// slow way: decoded, then encoded.
func (d *DB) blobJSON(buf []byte, blob string, ann string) ([]byte, error) {
	var a store.Asset
	if err := d.blob.decode(blob, reflect.ValueOf(&a).Elem(), nil); err != nil {
		return buf, err
	}
	head, tail, err := listingParts(a.Record)
	if err != nil {
		return buf, err
	}
	return appendListing(buf, head, nil, ann, string(tail)), nil
}

// refreshListings rewrites the assets and annotations whose stored JSON
// another json_rev wrote (or none: before schema 3); run again, it finds
// none.
func (d *DB) refreshListings(ctx context.Context) error {
	var batch []store.Asset
	flush := func() error {
		err := d.PutAssets(ctx, batch)
		batch = batch[:0]
		return err
	}
	err := d.streamBlobs(ctx, rowsWhere{where: fmt.Sprintf(`json_rev != %d`, listingRev)}, func(_, blob string) error {
		var a store.Asset
		if err := d.blob.decode(blob, reflect.ValueOf(&a).Elem(), nil); err != nil {
			return fmt.Errorf("asset blob: %w", err)
		}
		if batch = append(batch, a); len(batch) == 4096 {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return fmt.Errorf("refresh stored JSON: %w", err)
	}
	ns, err := d.fullAnnotations(ctx, d.q(fmt.Sprintf(`asset_id IN (SELECT asset_id FROM (SELECT asset_id, json_rev
		FROM {db}.annotations FINAL) WHERE json_rev != %d)`, listingRev)))
	if err == nil {
		err = d.putAnnotations(ctx, "annotations", ns)
	}
	if err != nil {
		return fmt.Errorf("refresh stored JSON of annotations: %w", err)
	}
	return nil
}
