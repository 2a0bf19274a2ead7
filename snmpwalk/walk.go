package snmpwalk

import (
	"bytes"
	"slices"
	"strings"
)

// Record is one variable binding of a walk.
type Record struct {
	OID       string // dotted, no leading dot
	Value     Value
	Variation string // snmpsim variation module named in the tag ("numeric", "writecache"), or ""
	Line      int    // 1-based line number in the source, 0 when not parsed from a file
}

// Walk is an immutable set of records in numeric OID order, one record per
// OID. It is safe for concurrent use.
type Walk struct {
	recs []Record
}

// NewWalk sorts recs into numeric OID order and keeps the last record of
// each duplicated OID. It takes ownership of recs.
func NewWalk(recs []Record) *Walk {
	if !slices.IsSortedFunc(recs, func(a, b Record) int { return CompareOID(a.OID, b.OID) }) {
		return &Walk{recs: sortByOID(recs)}
	}
	// Drop duplicates, keeping the last of each run.
	out := recs[:0]
	for i := range recs {
		if i+1 < len(recs) && CompareOID(recs[i].OID, recs[i+1].OID) == 0 {
			continue
		}
		out = append(out, recs[i])
	}
	clear(recs[len(out):])
	return &Walk{recs: out}
}

// sortByOID sorts recs stably into CompareOID's order, in place, and
// returns them less duplicates (the last of each OID kept). Each OID's
// key (appendOIDKey) is made once and the keys compared as bytes:
// comparing the dotted strings parsed both OIDs at every step, and a
// probe's walk (a table's columns interleaved row by row, thousands of
// rows) spent more time sorting than collecting.
func sortByOID(recs []Record) []Record {
	idx, same := oidOrder(len(recs), func(i int) string { return recs[i].OID })
	sorted := make([]Record, 0, len(recs))
	for n, j := range idx {
		if n+1 < len(idx) && same(j, idx[n+1]) {
			continue // a later record of the same OID follows
		}
		sorted = append(sorted, recs[j])
	}
	n := copy(recs, sorted)
	clear(recs[n:])
	return recs[:n]
}

// SortOIDs sorts dotted OIDs into CompareOID's order (stably), at the
// cost of one parse of each.
func SortOIDs(oids []string) {
	idx, _ := oidOrder(len(oids), func(i int) string { return oids[i] })
	sorted := make([]string, len(oids))
	for i, j := range idx {
		sorted[i] = oids[j]
	}
	copy(oids, sorted)
}

// oidOrder is the stable permutation that sorts n OIDs into CompareOID's
// order, and whether two of them (by their index) are the same OID to
// CompareOID.
func oidOrder(n int, oid func(i int) string) (idx []int, same func(a, b int) bool) {
	size := 0
	for i := range n {
		size += len(oid(i)) + 8*(strings.Count(oid(i), ".")+1)
	}
	keys := make([]byte, 0, size) // every key, one after the other
	ends := make([]int, n)
	for i := range n {
		keys = appendOIDKey(keys, oid(i))
		ends[i] = len(keys)
	}
	key := func(i int) []byte {
		if i == 0 {
			return keys[:ends[0]]
		}
		return keys[ends[i-1]:ends[i]]
	}
	idx = make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	// Stable: equal keys keep their order (the index breaks the tie).
	slices.SortFunc(idx, func(a, b int) int {
		if c := bytes.Compare(key(a), key(b)); c != 0 {
			return c
		}
		return a - b
	})
	return idx, func(a, b int) bool { return bytes.Equal(key(a), key(b)) }
}

// appendOIDKey appends oid's sort key: per component (as CompareOID cuts
// them), the length of its digits without leading zeros, those digits and
// its whole length, the lengths as 4 bytes big-endian. Byte order of keys
// is CompareOID's order: a component's key is decided by the number's
// length, then its digits, then its zero padding, and every component of
// the same length and digits has a key of the same size, so the next
// component's key starts at the same place in both; an OID that is a
// prefix of another has a key that is a prefix of the other's.
func appendOIDKey(b []byte, oid string) []byte {
	s := strings.TrimPrefix(oid, ".")
	for s != "" {
		var c string
		c, s = cutComponent(s)
		z := 0
		for z < len(c) && c[z] == '0' {
			z++
		}
		b = appendLen(b, len(c)-z)
		b = append(b, c[z:]...)
		b = appendLen(b, len(c))
	}
	return b
}

func appendLen(b []byte, n int) []byte {
	return append(b, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
}

// Len is the number of records.
func (w *Walk) Len() int { return len(w.recs) }

// Records returns the records in OID order. The slice is the Walk's own;
// callers must not modify it.
func (w *Walk) Records() []Record { return w.recs }

// search returns the index of the first record whose OID is >= oid and
// whether it is equal.
func (w *Walk) search(oid string) (int, bool) {
	return slices.BinarySearchFunc(w.recs, oid, compareRecord)
}

func compareRecord(r Record, oid string) int { return CompareOID(r.OID, oid) }

// Seek returns the index of the first record at or after oid (a leading
// dot is allowed), Len when there is none, looking from index from on:
// the search gallops from there, so a caller seeking OIDs in increasing
// order pays about the distance between them rather than a search of the
// whole walk each time. Records before from are not looked at.
func (w *Walk) Seek(from int, oid string) int {
	oid = strings.TrimPrefix(oid, ".")
	lo, hi, step := from, from, 1
	for hi < len(w.recs) && compareRecord(w.recs[hi], oid) < 0 {
		lo = hi + 1
		hi += step
		step *= 2
	}
	hi = min(hi, len(w.recs))
	i, _ := slices.BinarySearchFunc(w.recs[lo:hi], oid, compareRecord)
	return lo + i
}

// Get returns the value stored at exactly oid (a leading dot is allowed).
func (w *Walk) Get(oid string) (Value, bool) {
	i, ok := w.search(strings.TrimPrefix(oid, "."))
	if !ok {
		return Value{}, false
	}
	return w.recs[i].Value, true
}

// Next returns the first record strictly after oid in OID order, as an SNMP
// GETNEXT would; false at the end of the walk.
func (w *Walk) Next(oid string) (Record, bool) {
	i, ok := w.search(strings.TrimPrefix(oid, "."))
	if ok {
		i++
	}
	if i >= len(w.recs) {
		return Record{}, false
	}
	return w.recs[i], true
}

// NextIndex is Next returning the record's position, for callers that then
// step through Records; -1 at the end of the walk.
func (w *Walk) NextIndex(oid string) int {
	i, ok := w.search(strings.TrimPrefix(oid, "."))
	if ok {
		i++
	}
	if i >= len(w.recs) {
		return -1
	}
	return i
}

// Subtree returns the records at prefix and below it (OIDs equal to prefix
// or starting with prefix + "."), in order. The slice is the Walk's own.
func (w *Walk) Subtree(prefix string) []Record {
	prefix = strings.TrimPrefix(prefix, ".")
	if prefix == "" {
		return w.recs
	}
	i, _ := w.search(prefix)
	j := i
	for j < len(w.recs) && HasPrefix(w.recs[j].OID, prefix) {
		j++
	}
	return w.recs[i:j:j]
}

// HasPrefix reports whether oid is prefix or lies below it.
func HasPrefix(oid, prefix string) bool {
	if !strings.HasPrefix(oid, prefix) {
		return false
	}
	return len(oid) == len(prefix) || oid[len(prefix)] == '.'
}

// CompareOID compares dotted OIDs component by component as numbers
// (1.3.6.1.2 < 1.3.6.1.10), a prefix sorting before its descendants. A
// leading dot is ignored. Components that are not plain digits still order
// totally (by length, then bytes), so any strings can be sorted.
func CompareOID(a, b string) int {
	a = strings.TrimPrefix(a, ".")
	b = strings.TrimPrefix(b, ".")
	// The components both begin with, byte for byte, are equal: compare
	// from the component that holds the first byte that differs. (OIDs
	// compared share long prefixes, 1.3.6.1.4.1. and more; a binary
	// search over a walk spent most of its time cutting them.)
	i, n := 0, min(len(a), len(b))
	for i < n && a[i] == b[i] {
		i++
	}
	if i == len(a) && i == len(b) {
		return 0
	}
	j := strings.LastIndexByte(a[:i], '.') + 1
	a, b = a[j:], b[j:]
	for {
		if a == "" || b == "" {
			switch {
			case a == "" && b == "":
				return 0
			case a == "":
				return -1
			default:
				return 1
			}
		}
		ca, ra := cutComponent(a)
		cb, rb := cutComponent(b)
		if c := compareComponent(ca, cb); c != 0 {
			return c
		}
		a, b = ra, rb
	}
}

func cutComponent(s string) (string, string) {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

func compareComponent(a, b string) int {
	ta := strings.TrimLeft(a, "0")
	tb := strings.TrimLeft(b, "0")
	if len(ta) != len(tb) {
		if len(ta) < len(tb) {
			return -1
		}
		return 1
	}
	if c := strings.Compare(ta, tb); c != 0 {
		return c
	}
	// Same number, different zero padding: order by length for totality.
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}
