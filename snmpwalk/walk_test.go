package snmpwalk

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// randomOID is an OID of a few components, some zero padded, some empty
// or not digits, sometimes with a leading or a trailing dot: the strings
// CompareOID must order totally.
func randomOID(r *rand.Rand) string {
	parts := []string{"1", "3", "6", "1", "4", "1"}[:r.IntN(7)]
	for range r.IntN(6) {
		switch r.IntN(10) {
		case 0:
			parts = append(parts, "")
		case 1:
			parts = append(parts, "0"+[]string{"0", "7", "12"}[r.IntN(3)])
		case 2:
			parts = append(parts, []string{"x", "ab", "9z"}[r.IntN(3)])
		default:
			parts = append(parts, []string{"0", "1", "2", "9", "10", "11", "99", "100", "4294967295"}[r.IntN(9)])
		}
	}
	s := strings.Join(parts, ".")
	switch r.IntN(8) {
	case 0:
		s = "." + s
	case 1:
		s += "."
	}
	return s
}

// The keys order OIDs as CompareOID does, pair by pair.
func TestOIDKeyOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	sign := func(n int) int { return min(max(n, -1), 1) }
	for range 200000 {
		a, b := randomOID(r), randomOID(r)
		want := CompareOID(a, b)
		got := strings.Compare(string(appendOIDKey(nil, a)), string(appendOIDKey(nil, b)))
		if sign(got) != sign(want) {
			t.Fatalf("keys of %q and %q compare %d, CompareOID says %d", a, b, got, want)
		}
	}
}

func TestSortOIDs(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := range 200 {
		oids := make([]string, n)
		for i := range oids {
			oids[i] = randomOID(r)
		}
		want := slices.Clone(oids)
		slices.SortStableFunc(want, CompareOID)
		SortOIDs(oids)
		if !slices.Equal(oids, want) {
			t.Fatalf("%d OIDs: SortOIDs' order differs from a stable sort by CompareOID:\n got %q\nwant %q", n, oids, want)
		}
	}
}

// NewWalk sorts as a stable sort by CompareOID does, and keeps the last of
// each OID.
func TestNewWalkSortsStably(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 300 {
		recs := make([]Record, n)
		for i := range recs {
			recs[i] = Record{OID: randomOID(r), Line: i + 1}
		}
		want := slices.Clone(recs)
		slices.SortStableFunc(want, func(a, b Record) int { return CompareOID(a.OID, b.OID) })
		var dedup []Record
		for i := range want {
			if i+1 < len(want) && CompareOID(want[i].OID, want[i+1].OID) == 0 {
				continue
			}
			dedup = append(dedup, want[i])
		}
		got := NewWalk(recs).Records()
		if !slices.EqualFunc(got, dedup, func(a, b Record) bool { return a.OID == b.OID && a.Line == b.Line }) {
			t.Fatalf("%d records: NewWalk's order differs from a stable sort by CompareOID", n)
		}
	}
}

// probeRecords are a probe's walk as it arrives: the system group and
// vendor scalars, then a software table's five columns read together
// (GETBULK: row after row, the columns interleaved), 3,000 records.
func probeRecords() []Record {
	recs := []Record{{OID: "1.3.6.1.2.1.1.1.0"}, {OID: "1.3.6.1.2.1.1.2.0"}, {OID: "1.3.6.1.4.1.9.3.6.3.0"}}
	for i := 1; i <= 600; i++ {
		for _, col := range []int{2, 5, 4, 1, 3} {
			recs = append(recs, Record{OID: "1.3.6.1.2.1.25.6.3.1." + itoa(col) + "." + itoa(i)})
		}
	}
	return recs
}

func BenchmarkNewWalk(b *testing.B) {
	recs := probeRecords()
	b.ReportAllocs()
	for b.Loop() {
		NewWalk(slices.Clone(recs))
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestSeek: from every starting index, Seek finds what a search of the
// whole walk finds at or after that index, for OIDs present, absent,
// before the first and after the last.
func TestSeek(t *testing.T) {
	w := NewWalk(probeRecords())
	oids := []string{"0.1", "1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3", "1.3.6.1.2.1.25.6.3.1.2.599",
		"1.3.6.1.2.1.25.6.3.1.3", "1.3.6.1.2.1.25.6.3.1.4.1.1", "1.3.6.1.4.1.9", "1.3.6.1.4.1.9.3.6.3.0", "2"}
	for _, oid := range oids {
		want, _ := w.search(strings.TrimPrefix(oid, "."))
		for from := 0; from <= w.Len(); from++ {
			got := w.Seek(from, oid)
			if from <= want && got != want || from > want && got != from {
				t.Fatalf("Seek(%d, %s) = %d, want %d", from, oid, got, max(want, from))
			}
		}
	}
	if got := w.Seek(0, "2"); got != w.Len() {
		t.Errorf("Seek past the end = %d, want Len %d", got, w.Len())
	}
}
