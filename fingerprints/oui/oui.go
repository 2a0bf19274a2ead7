// Package oui names the organisation a MAC address was assigned to, from the
// IEEE registry: MA-L (24-bit), MA-M (28-bit), MA-S (36-bit) and IAB (36-bit)
// blocks, matched by longest prefix. The registry is generated from Debian's
// ieee-data package (see internal/gen) and embedded, gzip-compressed, in
// registry.gz.
//
// A MAC inside an MA-M, MA-S or IAB block returns the block's owner, not the
// "IEEE Registration Authority" that holds the parent MA-L. Owner names are
// kept as registered (trimmed, white space collapsed); an assignment the
// registry lists with several owners returns their names joined by " / ".
package oui

//go:generate go run ./internal/gen -src /usr/share/ieee-data -out registry.gz

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"strings"

	"github.com/netcensus/netcensus/record"
)

//go:embed registry.gz
var embedded string

// LocallyAdministered is what Label returns for a MAC whose locally
// administered bit is set: randomised (private Wi-Fi) or virtual addresses.
const LocallyAdministered = "locally administered"

const magic = "NCOUI\x01"

// ErrCorrupt reports a registry table that does not decode.
var ErrCorrupt = errors.New("corrupt OUI registry table")

// Registry is the decoded IEEE registry. It is immutable after Open and safe
// for concurrent use.
type Registry struct {
	names  string   // all owner names, concatenated
	ends   []uint32 // ends[i] is the end offset of name i in names
	groups []group  // one per prefix length, longest first
	n      int      // number of assignments
}

type group struct {
	bits int
	keys []uint64 // sorted prefixes
	name []uint32 // name index of keys[i]
}

// Open decodes the embedded registry. It takes a few milliseconds; callers
// keep the returned *Registry and share it.
func Open() (*Registry, error) {
	zr, err := gzip.NewReader(strings.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("open embedded OUI registry: %w", err)
	}
	var buf bytes.Buffer
	buf.Grow(4 * len(embedded))
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, fmt.Errorf("decompress embedded OUI registry: %w", err)
	}
	if err := zr.Close(); err != nil {
		return nil, fmt.Errorf("decompress embedded OUI registry: %w", err)
	}
	r, err := decode(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("decode embedded OUI registry: %w", err)
	}
	return r, nil
}

// Len returns the number of assignments in the registry.
func (r *Registry) Len() int {
	if r == nil {
		return 0
	}
	return r.n
}

// Lookup returns the organisation that holds the longest registered prefix
// of mac, and that prefix's length in bits (24, 28 or 36).
//
// mac is an EUI-48 (6 bytes) or EUI-64 (8 bytes, its first 6 bytes are used);
// 3 to 5 bytes are taken as a partial address and match only the prefixes
// they cover. Any other length, or a nil Registry, returns ok false. Lookup
// does not interpret the multicast or locally administered bits; see Label.
func (r *Registry) Lookup(mac net.HardwareAddr) (org string, bits int, ok bool) {
	v, avail, ok := macBits(mac)
	if !ok || r == nil {
		return "", 0, false
	}
	for i := range r.groups {
		g := &r.groups[i]
		if g.bits > avail {
			continue
		}
		if j, found := slices.BinarySearch(g.keys, v>>(48-g.bits)); found {
			return r.name(g.name[j]), g.bits, true
		}
	}
	return "", 0, false
}

// Label returns the vendor to show for mac: LocallyAdministered when the
// locally administered bit (0x02 of the first octet) is set, whatever block
// it falls in; else the registered owner; else "" (unknown, a multicast
// address outside any registered block, or a MAC of unusable length).
func Label(r *Registry, mac net.HardwareAddr) string {
	if _, _, ok := macBits(mac); !ok {
		return ""
	}
	if mac[0]&0x02 != 0 {
		return LocallyAdministered
	}
	org, _, _ := r.Lookup(mac)
	return org
}

// LabelAssets fills the MAC vendor (Label) of each asset that has a MAC
// and none yet. The registry's owner goes to mac_vendor only: vendor is
// the device's maker as evidence named it, and a NIC's maker is not that.
func LabelAssets(r *Registry, assets []record.Asset) {
	for i := range assets {
		if a := &assets[i]; len(a.MAC) > 0 && a.MACVendor == "" {
			a.MACVendor = Label(r, net.HardwareAddr(a.MAC))
		}
	}
}

// macBits returns the address as the high bits of a 48-bit value and how
// many of those bits are known.
func macBits(mac net.HardwareAddr) (v uint64, avail int, ok bool) {
	n := len(mac)
	switch {
	case n == 6 || n == 8:
		n = 6
	case n >= 3 && n <= 5:
	default:
		return 0, 0, false
	}
	for i := range 6 {
		v <<= 8
		if i < n {
			v |= uint64(mac[i])
		}
	}
	return v, 8 * n, true
}

func (r *Registry) name(i uint32) string {
	start := uint32(0)
	if i > 0 {
		start = r.ends[i-1]
	}
	return r.names[start:r.ends[i]]
}

// decoder reads varints from a byte slice, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint(what string) uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = fmt.Errorf("%w: bad varint for %s", ErrCorrupt, what)
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a length that must not exceed what the remaining bytes can
// hold at min bytes per element, so a corrupt table cannot force a huge
// allocation.
func (d *decoder) count(what string, min int) int {
	v := d.uvarint(what)
	if d.err == nil && v > uint64(len(d.b)/min) {
		d.err = fmt.Errorf("%w: %s %d exceeds the data", ErrCorrupt, what, v)
		return 0
	}
	return int(v)
}

// decode parses the uncompressed table written by internal/build.Encode.
func decode(b []byte) (*Registry, error) {
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, fmt.Errorf("%w: bad magic", ErrCorrupt)
	}
	d := &decoder{b: b[len(magic):]}
	r := &Registry{}

	nNames := d.count("name count", 1)
	r.ends = make([]uint32, nNames)
	var total uint64
	for i := range nNames {
		l := d.uvarint("name length")
		if l == 0 && d.err == nil {
			d.err = fmt.Errorf("%w: empty name %d", ErrCorrupt, i)
		}
		total += l
		if total > uint64(len(d.b)) && d.err == nil {
			d.err = fmt.Errorf("%w: names exceed the data", ErrCorrupt)
		}
		if d.err != nil {
			return nil, d.err
		}
		r.ends[i] = uint32(total)
	}
	if d.err != nil {
		return nil, d.err
	}
	r.names = string(d.b[:total])
	d.b = d.b[total:]

	nGroups := d.count("group count", 2)
	if d.err != nil {
		return nil, d.err
	}
	seen := uint64(0) // names referenced so far
	for range nGroups {
		bits := d.uvarint("prefix length")
		if d.err == nil && (bits < 1 || bits > 48) {
			d.err = fmt.Errorf("%w: prefix length %d", ErrCorrupt, bits)
		}
		n := d.count("entry count", 2)
		if d.err != nil {
			return nil, d.err
		}
		for _, g := range r.groups {
			if g.bits == int(bits) {
				return nil, fmt.Errorf("%w: prefix length %d twice", ErrCorrupt, bits)
			}
		}
		g := group{bits: int(bits), keys: make([]uint64, n), name: make([]uint32, n)}
		var prev uint64
		for j := range n {
			delta := d.uvarint("prefix")
			if d.err != nil {
				return nil, d.err
			}
			if j > 0 && delta == 0 {
				return nil, fmt.Errorf("%w: prefixes of length %d not increasing", ErrCorrupt, bits)
			}
			key := prev + delta
			if key < prev || key>>bits != 0 {
				return nil, fmt.Errorf("%w: prefix %x wider than %d bits", ErrCorrupt, key, bits)
			}
			g.keys[j], prev = key, key
		}
		for j := range n {
			ref := d.uvarint("name reference")
			if d.err != nil {
				return nil, d.err
			}
			var idx uint64
			switch {
			case ref == 0 && seen < uint64(nNames):
				idx = seen
				seen++
			case ref > 0 && ref <= seen:
				idx = ref - 1
			default:
				return nil, fmt.Errorf("%w: name reference %d (%d names seen of %d)", ErrCorrupt, ref, seen, nNames)
			}
			g.name[j] = uint32(idx)
		}
		r.groups = append(r.groups, g)
		r.n += n
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrCorrupt, len(d.b))
	}
	if seen != uint64(nNames) {
		return nil, fmt.Errorf("%w: %d of %d names unused", ErrCorrupt, uint64(nNames)-seen, nNames)
	}
	slices.SortFunc(r.groups, func(a, b group) int { return b.bits - a.bits })
	return r, nil
}
