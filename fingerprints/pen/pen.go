// Package pen names IANA Private Enterprise Numbers, the arc under
// 1.3.6.1.4.1 that a device's sysObjectID starts with (9 is Cisco, 2636
// Juniper). The registry is generated from Debian's libwireshark-data
// package (see internal/gen) and embedded, gzip-compressed, in
// enterprises.gz. Names are kept as registered, with IANA's numeric
// character references decoded and white space collapsed.
package pen

//go:generate go run ./internal/gen -src /usr/share/wireshark/enterprises.tsv -out enterprises.gz

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

//go:embed enterprises.gz
var embedded string

const magic = "NCPEN\x01"

// EnterprisesPrefix is the OID arc under which enterprise numbers sit.
const EnterprisesPrefix = "1.3.6.1.4.1."

// ErrCorrupt reports a registry table that does not decode.
var ErrCorrupt = errors.New("corrupt enterprise number table")

// Registry is the decoded enterprise number registry. It is immutable after
// Open and safe for concurrent use.
type Registry struct {
	nums  []uint32 // sorted enterprise numbers
	ends  []uint32 // ends[i] is the end offset of name i in names
	names string   // all names, each followed by '\n'

}

// Open decodes the embedded registry. Callers keep the returned *Registry
// and share it.
func Open() (*Registry, error) {
	zr, err := gzip.NewReader(strings.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("open embedded enterprise numbers: %w", err)
	}
	var buf bytes.Buffer
	buf.Grow(3 * len(embedded))
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, fmt.Errorf("decompress embedded enterprise numbers: %w", err)
	}
	if err := zr.Close(); err != nil {
		return nil, fmt.Errorf("decompress embedded enterprise numbers: %w", err)
	}
	r, err := decode(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("decode embedded enterprise numbers: %w", err)
	}
	return r, nil
}

// Len returns the number of assigned enterprise numbers.
func (r *Registry) Len() int {
	if r == nil {
		return 0
	}
	return len(r.nums)
}

// Lookup returns the organisation registered for enterprise number n. Some
// numbers are registered as "Reserved" or "---none---"; those are returned
// as they are. A nil Registry finds nothing.
func (r *Registry) Lookup(n uint32) (string, bool) {
	if r == nil {
		return "", false
	}
	i, ok := slices.BinarySearch(r.nums, n)
	if !ok {
		return "", false
	}
	start := uint32(0)
	if i > 0 {
		start = r.ends[i-1] + 1
	}
	return r.names[start:r.ends[i]], true
}

// FromSysObjectID returns the enterprise number of a sysObjectID such as
// "1.3.6.1.4.1.9.1.1208" or ".1.3.6.1.4.1.2636.1.1.1.2.29" (9 and 2636).
// It returns false unless oid is a well-formed numeric OID (decimal arcs
// without leading zeros, no empty arcs) under 1.3.6.1.4.1 with an enterprise
// number that fits in 32 bits.
func FromSysObjectID(oid string) (uint32, bool) {
	oid = strings.TrimPrefix(oid, ".")
	rest, ok := strings.CutPrefix(oid, EnterprisesPrefix)
	if !ok {
		return 0, false
	}
	arc, tail, _ := strings.Cut(rest, ".")
	if !validArc(arc) {
		return 0, false
	}
	n, err := strconv.ParseUint(arc, 10, 32)
	if err != nil {
		return 0, false
	}
	if rest != arc {
		for a := range strings.SplitSeq(tail, ".") {
			if !validArc(a) {
				return 0, false
			}
		}
	}
	return uint32(n), true
}

// validArc reports whether a is a decimal OID arc: digits, no leading zero
// unless it is "0".
func validArc(a string) bool {
	if a == "" || (len(a) > 1 && a[0] == '0') {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i] < '0' || a[i] > '9' {
			return false
		}
	}
	return true
}

// decode parses the uncompressed table written by internal/build.Encode.
func decode(b []byte) (*Registry, error) {
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, fmt.Errorf("%w: bad magic", ErrCorrupt)
	}
	b = b[len(magic):]
	next := func(what string) (uint64, error) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, fmt.Errorf("%w: bad varint for %s", ErrCorrupt, what)
		}
		b = b[n:]
		return v, nil
	}
	count, err := next("count")
	if err != nil {
		return nil, err
	}
	// Each entry takes at least a gap byte, a name byte and a newline.
	if count > uint64(len(b)/3) {
		return nil, fmt.Errorf("%w: count %d exceeds the data", ErrCorrupt, count)
	}
	r := &Registry{nums: make([]uint32, count), ends: make([]uint32, count)}
	want := uint64(0)
	for i := range r.nums {
		gap, err := next("number")
		if err != nil {
			return nil, err
		}
		v := want + gap
		if v < want || v > 1<<32-1 {
			return nil, fmt.Errorf("%w: enterprise number beyond 32 bits", ErrCorrupt)
		}
		r.nums[i] = uint32(v)
		want = v + 1
	}
	// The names: count lines, each non-empty and ending in '\n'. names keeps
	// the newlines; ends[i] is where name i stops, and name i+1 starts one
	// byte later.
	off := 0
	for i := range r.ends {
		j := bytes.IndexByte(b[off:], '\n')
		if j < 0 {
			return nil, fmt.Errorf("%w: %d of %d names", ErrCorrupt, i, count)
		}
		if j == 0 {
			return nil, fmt.Errorf("%w: enterprise %d: empty name", ErrCorrupt, r.nums[i])
		}
		off += j
		r.ends[i] = uint32(off)
		off++
	}
	if off != len(b) {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrCorrupt, len(b)-off)
	}
	r.names = string(b)
	return r, nil
}
