// Package products names the OBJECT IDENTIFIERs registered under
// enterprises (1.3.6.1.4.1) by vendor MIB modules: product registrations,
// which a device's sysObjectID points at (1.3.6.1.4.1.9.1.283 is
// CISCO-PRODUCTS-MIB::cat6509), and every object of the vendors' MIBs.
//
// The table is generated from a collection of MIB modules with libsmi's
// smidump (see internal/build for why) and embedded, gzip-compressed, in
// registry.gz. Regenerate it with `go generate` (needs smitools and the
// MIB corpus).
package products

//go:generate go run ./internal/gen -src ../../../shared/corpus/mibs/netdisco-mibs.tar.xz -out registry.gz

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"iter"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed registry.gz
var embedded []byte

const (
	magic       = "NCPRODUCTS 1"
	enterprises = "1.3.6.1.4.1"
)

// ErrCorrupt reports a registry table that does not decode.
var ErrCorrupt = errors.New("corrupt product registry table")

// Entry is one registration.
type Entry struct {
	OID    string
	Module string
	Name   string
	// Kind: node (an OBJECT IDENTIFIER or OBJECT-IDENTITY: product
	// registrations and arcs), scalar, table, row, column, notification,
	// group, compliance, capability.
	Kind string
}

// String is the registration's usual name, MODULE::descriptor.
func (e Entry) String() string { return e.Module + "::" + e.Name }

// Registry is the table, immutable and safe for concurrent use. It is
// decompressed on first use (about 27 MB decoded): an engine that never
// meets an enterprise OID does not pay for it.
type Registry struct {
	once sync.Once
	src  []byte // gzip-compressed table, until loaded
	err  error
	tab  *table
}

type table struct {
	modules []string
	data    string   // the registration lines
	starts  []uint32 // start offset of each line in data, in OID order
}

// Open returns the embedded table; it is decoded on first use, and Err
// reports a failure then. Callers keep the *Registry and share it.
func Open() *Registry { return &Registry{src: embedded} }

// Decode decodes a gzip-compressed table as internal/build writes it.
func Decode(src []byte) (*Registry, error) {
	r := &Registry{src: src}
	return r, r.Err()
}

// Err loads the table if it is not yet and reports whether it decoded.
func (r *Registry) Err() error {
	if r == nil {
		return nil
	}
	r.once.Do(func() {
		r.tab, r.err = decompress(r.src)
		if r.err != nil {
			r.err = fmt.Errorf("product registry: %w", r.err)
		}
		r.src = nil
	})
	return r.err
}

func (r *Registry) table() *table {
	if r == nil || r.Err() != nil {
		return nil
	}
	return r.tab
}

func decompress(src []byte) (*table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	// gzip's trailer holds the decoded size (mod 2^32): size the buffer
	// once instead of growing it.
	var buf bytes.Buffer
	if n := len(src); n >= 4 {
		if size := binary.LittleEndian.Uint32(src[n-4:]); size < 256<<20 {
			buf.Grow(int(size) + 1)
		}
	}
	_, err = buf.ReadFrom(io.LimitReader(zr, 256<<20))
	raw := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	return decode(raw)
}

func decode(raw []byte) (*table, error) {
	head, rest, ok := bytes.Cut(raw, []byte("\n"))
	if !ok || string(head) != magic {
		return nil, fmt.Errorf("%w: bad header", ErrCorrupt)
	}
	mods, lines, ok := bytes.Cut(rest, []byte("\n\n"))
	if !ok {
		return nil, fmt.Errorf("%w: no module list", ErrCorrupt)
	}
	r := &table{data: string(lines)}
	if len(mods) > 0 {
		r.modules = strings.Split(string(mods), "\n")
	}
	r.starts = make([]uint32, 0, bytes.Count(lines, []byte("\n")))
	prev := ""
	for off := 0; off < len(r.data); {
		end := strings.IndexByte(r.data[off:], '\n')
		if end < 0 {
			return nil, fmt.Errorf("%w: unterminated last line", ErrCorrupt)
		}
		line := r.data[off : off+end]
		oid, rest, ok1 := strings.Cut(line, "\t")
		mod, rest, ok2 := strings.Cut(rest, "\t")
		name, kind, ok3 := strings.Cut(rest, "\t")
		if !ok1 || !ok2 || !ok3 || name == "" || len(kind) != 1 {
			return nil, fmt.Errorf("%w: line %q", ErrCorrupt, line)
		}
		m, err := strconv.Atoi(mod)
		if err != nil || m < 0 || m >= len(r.modules) {
			return nil, fmt.Errorf("%w: module number in %q", ErrCorrupt, line)
		}
		if len(r.starts) > 0 && compareRel(prev, oid) >= 0 {
			return nil, fmt.Errorf("%w: %q out of order", ErrCorrupt, oid)
		}
		prev = oid
		r.starts = append(r.starts, uint32(off))
		off += end + 1
	}
	return r, nil
}

// Len returns the number of registrations.
func (r *Registry) Len() int {
	t := r.table()
	if t == nil {
		return 0
	}
	return len(t.starts)
}

func (r *table) line(i int) string {
	s := r.data[r.starts[i]:]
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	return s
}

func (r *table) entry(i int) Entry {
	f := strings.SplitN(r.line(i), "\t", 4)
	m, _ := strconv.Atoi(f[1])
	oid := enterprises
	if f[0] != "" {
		oid += "." + f[0]
	}
	return Entry{OID: oid, Module: r.modules[m], Name: f[2], Kind: kindName(f[3][0])}
}

// Lookup returns the registration of exactly oid (dotted, an optional
// leading dot).
func (reg *Registry) Lookup(oid string) (Entry, bool) {
	r := reg.table()
	if r == nil {
		return Entry{}, false
	}
	rel, ok := relative(oid)
	if !ok {
		return Entry{}, false
	}
	i := sort.Search(len(r.starts), func(i int) bool { return compareRel(r.relOID(i), rel) >= 0 })
	if i < len(r.starts) && r.relOID(i) == rel {
		return r.entry(i), true
	}
	return Entry{}, false
}

// All yields every registration in OID order (none when the table does
// not decode: Err says why).
func (reg *Registry) All() iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		r := reg.table()
		if r == nil {
			return
		}
		for i := range r.starts {
			if !yield(r.entry(i)) {
				return
			}
		}
	}
}

// Name names oid by its longest registered prefix: the registration and
// the arcs below it ("CISCO-CDP-MIB::cdpCacheDeviceId" and ".5.1").
func (r *Registry) Name(oid string) (Entry, string, bool) {
	oid = strings.TrimPrefix(oid, ".")
	for p := oid; len(p) >= len(enterprises); {
		if e, ok := r.Lookup(p); ok {
			return e, oid[len(p):], true
		}
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return Entry{}, "", false
}

func (r *table) relOID(i int) string {
	s := r.data[r.starts[i]:]
	return s[:strings.IndexByte(s, '\t')]
}

// relative strips enterprises from oid: "" for the arc itself.
func relative(oid string) (string, bool) {
	oid = strings.TrimPrefix(oid, ".")
	if oid == enterprises {
		return "", true
	}
	rest, ok := strings.CutPrefix(oid, enterprises+".")
	return rest, ok && rest != ""
}

// compareRel orders relative OIDs arc by arc, numerically ("" first).
func compareRel(a, b string) int {
	for a != "" || b != "" {
		if a == "" {
			return -1
		}
		if b == "" {
			return 1
		}
		var x, y string
		x, a, _ = strings.Cut(a, ".")
		y, b, _ = strings.Cut(b, ".")
		if len(x) != len(y) {
			if len(x) < len(y) {
				return -1
			}
			return 1
		}
		if c := strings.Compare(x, y); c != 0 {
			return c
		}
	}
	return 0
}

func kindName(c byte) string {
	switch c {
	case 'n':
		return "node"
	case 's':
		return "scalar"
	case 't':
		return "table"
	case 'r':
		return "row"
	case 'c':
		return "column"
	case 'N':
		return "notification"
	case 'g':
		return "group"
	case 'C':
		return "compliance"
	case 'a':
		return "capability"
	}
	return "other"
}
