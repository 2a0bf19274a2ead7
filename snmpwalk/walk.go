package snmpwalk

import (
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
	cmp := func(a, b Record) int { return CompareOID(a.OID, b.OID) }
	if !slices.IsSortedFunc(recs, cmp) {
		slices.SortStableFunc(recs, cmp)
	}
	// Drop duplicates, keeping the last of each run (stable sort keeps
	// file order within a run).
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

// Len is the number of records.
func (w *Walk) Len() int { return len(w.recs) }

// Records returns the records in OID order. The slice is the Walk's own;
// callers must not modify it.
func (w *Walk) Records() []Record { return w.recs }

// search returns the index of the first record whose OID is >= oid and
// whether it is equal.
func (w *Walk) search(oid string) (int, bool) {
	return slices.BinarySearchFunc(w.recs, oid, func(r Record, t string) int {
		return CompareOID(r.OID, t)
	})
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
