package clickhouse

import (
	"encoding"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/netip"
	"reflect"
	"time"
)

// The asset blob. Listing 100,000 assets is dominated by decoding their
// records, so the assets table keeps each record in a compact binary form
// that decodes several times faster than JSON, yet still carries every
// field record.Asset has or gains: the codec is derived from the Go type
// by reflection, each struct field is written as (Go field name, length,
// value), zero fields are left out, and a field the reading binary does
// not know is skipped. Blobs written before schema 2 were JSON (they start
// with '{'); Migrate rewrites them.
//
// Values: strings and byte slices are a uvarint length and the bytes;
// bools one byte; signed integers zig-zag varints, unsigned ones uvarints;
// floats 8 bytes; slices and maps a uvarint count and their elements
// (map: key, value); pointers a presence byte and the value; types with
// MarshalBinary (time.Time, netip.Addr) a uvarint length and its bytes;
// structs their non-zero fields as above, ended by an empty name.

// blobMagic starts a binary blob.
const blobMagic = 0x01

type nodeKind uint8

const (
	nString nodeKind = iota
	nBool
	nInt
	nUint
	nFloat
	nBytes
	nSlice
	nMap
	nPtr
	nStruct
	nAddr
	nBinary
	nJSON
	nTime
)

// node is how one Go type is written and read.
type node struct {
	kind   nodeKind
	typ    reflect.Type
	elem   *node // slice, map value, pointer
	key    *node // map key
	fields []field
	byName map[string]int
}

type field struct {
	name  string
	index int
	n     *node
}

// codec encodes and decodes values of one struct type. It is built once
// (newCodec) and never changed, so it is safe for concurrent use.
type codec struct {
	root *node
}

var (
	binMarshaler   = reflect.TypeFor[encoding.BinaryMarshaler]()
	binUnmarshaler = reflect.TypeFor[encoding.BinaryUnmarshaler]()
	addrType       = reflect.TypeFor[netip.Addr]()
	timeType       = reflect.TypeFor[time.Time]()
)

// newCodec derives the codec of struct type t. A field of a kind the
// binary form does not know (an interface, an array) is written as JSON.
func newCodec(t reflect.Type) (*codec, error) {
	n, err := build(t, map[reflect.Type]*node{})
	if err != nil {
		return nil, err
	}
	if n.kind != nStruct {
		return nil, fmt.Errorf("codec: %s is not a struct", t)
	}
	return &codec{root: n}, nil
}

func build(t reflect.Type, seen map[reflect.Type]*node) (*node, error) {
	if n, ok := seen[t]; ok {
		return n, nil
	}
	n := &node{typ: t}
	seen[t] = n
	switch {
	case t == addrType:
		n.kind = nAddr
		return n, nil
	case t == timeType:
		n.kind = nTime
		return n, nil
	case t.Implements(binMarshaler) && reflect.PointerTo(t).Implements(binUnmarshaler):
		n.kind = nBinary
		return n, nil
	}
	var err error
	switch t.Kind() {
	case reflect.String:
		n.kind = nString
	case reflect.Bool:
		n.kind = nBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n.kind = nInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n.kind = nUint
	case reflect.Float32, reflect.Float64:
		n.kind = nFloat
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			n.kind = nBytes
			break
		}
		n.kind = nSlice
		n.elem, err = build(t.Elem(), seen)
	case reflect.Map:
		n.kind = nMap
		if n.key, err = build(t.Key(), seen); err == nil {
			n.elem, err = build(t.Elem(), seen)
		}
	case reflect.Pointer:
		n.kind = nPtr
		n.elem, err = build(t.Elem(), seen)
	case reflect.Struct:
		n.kind = nStruct
		n.byName = map[string]int{}
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			fn, err := build(f.Type, seen)
			if err != nil {
				return nil, fmt.Errorf("%s.%s: %w", t, f.Name, err)
			}
			n.byName[f.Name] = len(n.fields)
			n.fields = append(n.fields, field{name: f.Name, index: i, n: fn})
		}
	default:
		// Interfaces, arrays, complex numbers: as JSON, as the record's
		// JSON would carry them.
		n.kind = nJSON
	}
	if err != nil {
		return nil, err
	}
	return n, nil
}

// encode appends v's blob (v is a value of the codec's type) to buf.
func (c *codec) encode(buf []byte, v reflect.Value) ([]byte, error) {
	buf = append(buf, blobMagic)
	return encodeValue(buf, c.root, v)
}

func encodeValue(buf []byte, n *node, v reflect.Value) ([]byte, error) {
	switch n.kind {
	case nString:
		s := v.String()
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		return append(buf, s...), nil
	case nBool:
		if v.Bool() {
			return append(buf, 1), nil
		}
		return append(buf, 0), nil
	case nInt:
		return binary.AppendVarint(buf, v.Int()), nil
	case nUint:
		return binary.AppendUvarint(buf, v.Uint()), nil
	case nFloat:
		return binary.LittleEndian.AppendUint64(buf, math.Float64bits(v.Float())), nil
	case nBytes:
		b := v.Bytes()
		buf = binary.AppendUvarint(buf, uint64(len(b)))
		return append(buf, b...), nil
	case nAddr:
		a := v.Interface().(netip.Addr)
		var b []byte
		switch {
		case a.Is4():
			x := a.As4()
			b = x[:]
		case a.Is6() && a.Zone() == "":
			x := a.As16()
			b = x[:]
		default:
			b, _ = a.MarshalBinary() // zero (empty) or with a zone
		}
		buf = binary.AppendUvarint(buf, uint64(len(b)))
		return append(buf, b...), nil
	case nTime:
		// UTC (what the store keeps): a flag, seconds and nanoseconds;
		// other zones: MarshalBinary.
		t := v.Interface().(time.Time)
		switch {
		case t.IsZero():
			return append(buf, 0), nil
		case t.Location() == time.UTC:
			buf = append(buf, 1)
			buf = binary.AppendVarint(buf, t.Unix())
			return binary.AppendUvarint(buf, uint64(t.Nanosecond())), nil
		}
		b, err := t.MarshalBinary()
		if err != nil {
			return buf, err
		}
		buf = append(buf, 2)
		buf = binary.AppendUvarint(buf, uint64(len(b)))
		return append(buf, b...), nil
	case nBinary:
		b, err := v.Interface().(encoding.BinaryMarshaler).MarshalBinary()
		if err != nil {
			return buf, err
		}
		buf = binary.AppendUvarint(buf, uint64(len(b)))
		return append(buf, b...), nil
	case nSlice:
		l := v.Len()
		buf = binary.AppendUvarint(buf, uint64(l))
		var err error
		for i := range l {
			if buf, err = encodeValue(buf, n.elem, v.Index(i)); err != nil {
				return buf, err
			}
		}
		return buf, nil
	case nMap:
		buf = binary.AppendUvarint(buf, uint64(v.Len()))
		it := v.MapRange()
		var err error
		for it.Next() {
			if buf, err = encodeValue(buf, n.key, it.Key()); err != nil {
				return buf, err
			}
			if buf, err = encodeValue(buf, n.elem, it.Value()); err != nil {
				return buf, err
			}
		}
		return buf, nil
	case nJSON:
		b, err := json.Marshal(v.Interface())
		if err != nil {
			return buf, err
		}
		buf = binary.AppendUvarint(buf, uint64(len(b)))
		return append(buf, b...), nil
	case nPtr:
		if v.IsNil() {
			return append(buf, 0), nil
		}
		return encodeValue(append(buf, 1), n.elem, v.Elem())
	case nStruct:
		for _, f := range n.fields {
			fv := v.Field(f.index)
			if fv.IsZero() {
				continue
			}
			buf = binary.AppendUvarint(buf, uint64(len(f.name)))
			buf = append(buf, f.name...)
			// The value's length goes before it: write the value after
			// room for the longest length, then close the gap.
			at := len(buf)
			buf = append(buf, make([]byte, binary.MaxVarintLen64)...)
			var err error
			if buf, err = encodeValue(buf, f.n, fv); err != nil {
				return buf, err
			}
			l := len(buf) - at - binary.MaxVarintLen64
			var lb [binary.MaxVarintLen64]byte
			k := binary.PutUvarint(lb[:], uint64(l))
			copy(buf[at:], lb[:k])
			copy(buf[at+k:], buf[at+binary.MaxVarintLen64:])
			buf = buf[:at+k+l]
		}
		return append(buf, 0), nil
	}
	return buf, fmt.Errorf("codec: kind %d", n.kind)
}

var errBlob = errors.New("malformed asset blob")

// dec reads a blob. Strings are cut from the blob's string, not copied;
// byte slices are cut from arena, when given, a block shared by many
// records (fewer allocations for the collector to track).
type dec struct {
	s     string
	i     int
	arena *[]byte
}

func (d *dec) bytes(s string) []byte {
	if len(s) == 0 {
		// Written, so not nil (a nil slice is a zero field, left out):
		// empty, wherever the arena stands.
		return []byte{}
	}
	if d.arena == nil || len(s) > 256 {
		return []byte(s)
	}
	if cap(*d.arena)-len(*d.arena) < len(s) {
		*d.arena = make([]byte, 0, 16<<10)
	}
	a := *d.arena
	b := append(a[len(a):len(a):len(a)+len(s)], s...)
	*d.arena = a[:len(a)+len(s)]
	return b
}

func (d *dec) uvarint() (uint64, error) {
	var x uint64
	var s uint
	for k := 0; k < binary.MaxVarintLen64; k++ {
		if d.i >= len(d.s) {
			return 0, errBlob
		}
		b := d.s[d.i]
		d.i++
		if b < 0x80 {
			if k == binary.MaxVarintLen64-1 && b > 1 {
				return 0, errBlob
			}
			return x | uint64(b)<<s, nil
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
	return 0, errBlob
}

// varint reads a zig-zag varint.
func (d *dec) varint() (int64, error) {
	u, err := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x, err
}

// addr reads an address: 4 or 16 bytes, else netip's binary form.
func (d *dec) addr() (netip.Addr, error) {
	s, err := d.str()
	if err != nil {
		return netip.Addr{}, err
	}
	var a netip.Addr
	switch len(s) {
	case 4:
		a = netip.AddrFrom4([4]byte([]byte(s)))
	case 16:
		a = netip.AddrFrom16([16]byte([]byte(s)))
	default:
		if err := a.UnmarshalBinary([]byte(s)); err != nil {
			return netip.Addr{}, errBlob
		}
	}
	return a, nil
}

// utc reads a UTC time's seconds and nanoseconds (after its flag 1).
func (d *dec) utc() (time.Time, error) {
	sec, err := d.varint()
	if err != nil {
		return time.Time{}, err
	}
	ns, err := d.uvarint()
	if err != nil || ns >= 1e9 {
		return time.Time{}, errBlob
	}
	return time.Unix(sec, int64(ns)).UTC(), nil
}

// str reads a uvarint length and that many bytes.
func (d *dec) str() (string, error) {
	l, err := d.uvarint()
	if err != nil {
		return "", err
	}
	if l > uint64(len(d.s)-d.i) {
		return "", errBlob
	}
	s := d.s[d.i : d.i+int(l)]
	d.i += int(l)
	return s, nil
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

// count reads an element count, bounded by the bytes left (every element
// takes at least one byte) so a corrupt count cannot allocate much.
func (d *dec) count() (int, error) {
	l, err := d.uvarint()
	if err != nil {
		return 0, err
	}
	if l > uint64(len(d.s)-d.i) {
		return 0, errBlob
	}
	return int(l), nil
}

// decode fills v (settable, of the codec's type) from blob; byte slices
// are carved from *arena when it is not nil.
func (c *codec) decode(blob string, v reflect.Value, arena *[]byte) error {
	if len(blob) == 0 || blob[0] != blobMagic {
		return errBlob
	}
	d := dec{s: blob, i: 1, arena: arena}
	return d.value(c.root, v)
}

func (d *dec) value(n *node, v reflect.Value) error {
	switch n.kind {
	case nString:
		s, err := d.str()
		if err != nil {
			return err
		}
		v.SetString(s)
	case nBool:
		if d.i >= len(d.s) {
			return errBlob
		}
		v.SetBool(d.s[d.i] != 0)
		d.i++
	case nInt:
		x, err := d.varint()
		if err != nil {
			return err
		}
		if v.OverflowInt(x) {
			return errBlob
		}
		v.SetInt(x)
	case nUint:
		u, err := d.uvarint()
		if err != nil {
			return err
		}
		if v.OverflowUint(u) {
			return errBlob
		}
		v.SetUint(u)
	case nFloat:
		if len(d.s)-d.i < 8 {
			return errBlob
		}
		v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64([]byte(d.s[d.i : d.i+8]))))
		d.i += 8
	case nBytes:
		s, err := d.str()
		if err != nil {
			return err
		}
		v.SetBytes(d.bytes(s))
	case nAddr:
		a, err := d.addr()
		if err != nil {
			return err
		}
		*v.Addr().Interface().(*netip.Addr) = a
	case nTime:
		if d.i >= len(d.s) {
			return errBlob
		}
		flag := d.s[d.i]
		d.i++
		var t time.Time
		switch flag {
		case 0:
		case 1:
			var err error
			if t, err = d.utc(); err != nil {
				return err
			}
		case 2:
			s, err := d.str()
			if err != nil {
				return err
			}
			if err := t.UnmarshalBinary([]byte(s)); err != nil {
				return errBlob
			}
		default:
			return errBlob
		}
		*v.Addr().Interface().(*time.Time) = t
	case nBinary:
		s, err := d.str()
		if err != nil {
			return err
		}
		if err := v.Addr().Interface().(encoding.BinaryUnmarshaler).UnmarshalBinary([]byte(s)); err != nil {
			return errBlob
		}
	case nSlice:
		l, err := d.count()
		if err != nil {
			return err
		}
		sv := reflect.MakeSlice(n.typ, l, l)
		for i := range l {
			if err := d.value(n.elem, sv.Index(i)); err != nil {
				return err
			}
		}
		v.Set(sv)
	case nMap:
		l, err := d.count()
		if err != nil {
			return err
		}
		mv := reflect.MakeMapWithSize(n.typ, l)
		for range l {
			k := reflect.New(n.key.typ).Elem()
			if err := d.value(n.key, k); err != nil {
				return err
			}
			e := reflect.New(n.elem.typ).Elem()
			if err := d.value(n.elem, e); err != nil {
				return err
			}
			mv.SetMapIndex(k, e)
		}
		v.Set(mv)
	case nJSON:
		s, err := d.str()
		if err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(s), v.Addr().Interface()); err != nil {
			return errBlob
		}
	case nPtr:
		if d.i >= len(d.s) {
			return errBlob
		}
		present := d.s[d.i] != 0
		d.i++
		if !present {
			v.SetZero()
			return nil
		}
		p := reflect.New(n.elem.typ)
		if err := d.value(n.elem, p.Elem()); err != nil {
			return err
		}
		v.Set(p)
	case nStruct:
		next := 0 // fields come in declaration order: try the next one first
		for {
			sp, err := d.next()
			if err != nil {
				return err
			}
			name, end := sp.name, sp.end
			if name == "" {
				return nil
			}
			d.i = sp.start
			fi := -1
			for k := next; k < len(n.fields); k++ {
				if n.fields[k].name == name {
					fi = k
					break
				}
			}
			if fi < 0 {
				if k, ok := n.byName[name]; ok {
					fi = k
				}
			}
			if fi < 0 { // written by a newer netcensus: skipped
				d.i = end
				continue
			}
			next = fi + 1
			f := &n.fields[fi]
			// The value is read from exactly its bytes.
			all := d.s
			d.s = d.s[:end]
			err = d.value(f.n, v.Field(f.index))
			d.s, d.i = all, end
			if err != nil {
				return err
			}
		}
	default:
		return errBlob
	}
	return nil
}
