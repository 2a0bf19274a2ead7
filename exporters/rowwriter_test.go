package exporters

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// WriteRows writes each format from the one Rows: json an array, jsonl a
// line a value, csv and table a header and a row a value.
func TestWriteRows(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	days := []drift.DayCount{{Day: day(1), Compliant: 12, NonCompliant: 3}, {Day: day(2), Compliant: 15, NonCompliant: 0}}
	for _, tc := range []struct{ format, want string }{
		{"csv", "day,compliant,noncompliant\r\n2026-11-01,12,3\r\n2026-11-02,15,0\r\n"},
		{"jsonl", `{"day":"2026-11-01T00:00:00Z","compliant":12,"noncompliant":3}` + "\n" +
			`{"day":"2026-11-02T00:00:00Z","compliant":15,"noncompliant":0}` + "\n"},
		{"table", "DAY         COMPLIANT  NONCOMPLIANT\n2026-11-01  12         3\n2026-11-02  15         0\n"},
	} {
		var b bytes.Buffer
		if err := WriteRows(&b, tc.format, 0, DriftDayRows(), days); err != nil {
			t.Fatalf("%s: %v", tc.format, err)
		}
		if b.String() != tc.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.format, b.String(), tc.want)
		}
	}
	var b bytes.Buffer
	if err := WriteRows(&b, "json", 0, DriftDayRows(), days); err != nil {
		t.Fatal(err)
	}
	if s := strings.TrimSpace(b.String()); !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") || strings.Count(s, `"compliant"`) != 2 {
		t.Errorf("json: %s", s)
	}
	if err := WriteRows(&b, "xml", 0, DriftDayRows(), days); !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("xml: err = %v, want ErrFormat naming the format", err)
	}
}

// A table's cells are cut at cellMax columns; csv's never are.
func TestRowWriterCellMax(t *testing.T) {
	long := strings.Repeat("x", 30)
	rows := Rows[string]{Header: func() []string { return []string{"name"} }, Row: func(s *string) []string { return []string{*s} }}
	for _, tc := range []struct {
		format string
		max    int
		whole  bool
	}{{"table", 0, true}, {"table", 10, false}, {"csv", 10, true}} {
		var b bytes.Buffer
		if err := WriteRows(&b, tc.format, tc.max, rows, []string{long}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(b.String(), long); got != tc.whole {
			t.Errorf("%s max %d: whole cell printed = %v, want %v:\n%s", tc.format, tc.max, got, tc.whole, b.String())
		}
	}
	for _, tc := range []struct {
		max   int
		whole bool
	}{{0, true}, {10, false}} {
		var b bytes.Buffer
		w, err := NewAssetWriterCut("table", &b, tc.max)
		if err != nil {
			t.Fatal(err)
		}
		as := sample()[2]
		as.Hostname = long
		if err := WriteAll(w, []record.Asset{as}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(b.String(), long); got != tc.whole {
			t.Errorf("asset table max %d: whole hostname printed = %v, want %v", tc.max, got, tc.whole)
		}
	}
}

// PruneRowOf dates the cut-off a retention back from now, to the second;
// without a retention nothing was pruned and there is no cut-off.
func TestPruneRowOf(t *testing.T) {
	now := time.Date(2026, 12, 4, 10, 30, 15, 600_000_000, time.UTC)
	ps := store.PruneStats{Observations: 7, Samples: 5, Software: 3, Interfaces: 2, Neighbors: 1, Locations: 9}
	row := PruneRowOf(ps, 90*24*time.Hour, now)
	want := PruneRow{Before: time.Date(2026, 9, 5, 10, 30, 15, 0, time.UTC), Observations: 7, Samples: 5, Software: 3, Interfaces: 2, Neighbors: 1}
	if row != want {
		t.Errorf("row = %+v, want %+v", row, want)
	}
	if row := PruneRowOf(store.PruneStats{}, 0, now); !row.Before.IsZero() {
		t.Errorf("no retention: before = %v, want none", row.Before)
	}
}
