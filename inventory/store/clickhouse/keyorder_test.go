package clickhouse

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

func TestSortKeys(t *testing.T) {
	for table, want := range map[string][]string{
		"software":   {"asset_id", "sweep_id"},
		"samples":    {"asset_id", "metric", "instance", "time", "sweep_id"},
		"interfaces": {"asset_id", "sweep_id", "idx"},
	} {
		if got := sortKeys[table]; !slices.Equal(got, want) {
			t.Errorf("sortKeys[%s] = %q, want %q", table, got, want)
		}
	}
	if got := orderBy("ReplacingMergeTree(ver) PARTITION BY txn ORDER BY id"); !slices.Equal(got, []string{"id"}) {
		t.Errorf("orderBy of a one-column key: %q", got)
	}
	if got := keyIndexes("a, b,c", []string{"c", "a"}); !slices.Equal(got, []int{2, 0}) {
		t.Errorf("keyIndexes: %v", got)
	}
	if got := keyIndexes("a, b", []string{"c"}); got != nil {
		t.Errorf("keyIndexes of a missing column: %v", got)
	}
}

// keyOrder orders rows by every key column, whatever runs they come in:
// a device's rows together, devices out of order, a device's rows out of
// order, a device in two runs whose rows interleave, equal rows.
func TestKeyOrder(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name string
		rows func() ([]string, []string, []time.Time)
	}{
		{"sorted", func() ([]string, []string, []time.Time) {
			return []string{"a", "a", "b"}, []string{"x", "y", "x"}, []time.Time{t0, t0, t0}
		}},
		{"devices out of order, each in order", func() ([]string, []string, []time.Time) {
			return []string{"c", "c", "a", "a", "b"}, []string{"x", "y", "p", "q", "z"}, slices.Repeat([]time.Time{t0}, 5)
		}},
		{"a device's rows out of order", func() ([]string, []string, []time.Time) {
			return []string{"b", "b", "b", "a"}, []string{"z", "x", "y", "q"}, slices.Repeat([]time.Time{t0}, 4)
		}},
		{"a device in two runs that interleave", func() ([]string, []string, []time.Time) {
			return []string{"a", "a", "b", "a"}, []string{"x", "z", "x", "y"}, slices.Repeat([]time.Time{t0}, 4)
		}},
		{"ties broken by the time, by second", func() ([]string, []string, []time.Time) {
			return []string{"a", "a", "a"}, []string{"x", "x", "x"},
				[]time.Time{t0.Add(2 * time.Second), t0.Add(time.Second + 900*time.Millisecond), t0.Add(time.Second)}
		}},
		{"random", func() ([]string, []string, []time.Time) {
			var as, ns []string
			var ts []time.Time
			for d := range 50 {
				id := fmt.Sprintf("dev-%02d", rnd.IntN(30)) // some devices twice
				for k := range 1 + rnd.IntN(20) {
					as, ns = append(as, id), append(ns, fmt.Sprintf("pkg-%d", rnd.IntN(15)))
					ts = append(ts, t0.Add(time.Duration(d*k%3)*time.Second))
				}
			}
			return as, ns, ts
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			as, ns, ts := tc.rows()
			var ga, gn []string
			var gt []time.Time
			if p := keyOrder(len(as), []func(i, j int) int{compareRows(as), compareRows(ns), compareRows(ts)}); p == nil {
				ga, gn, gt = as, ns, ts
			} else {
				ga, gn = slices.Clone(pickerOf(as)(p).([]string)), slices.Clone(pickerOf(ns)(p).([]string))
				gt = slices.Clone(pickerOf(ts)(p).([]time.Time))
			}
			type row struct {
				a, n string
				t    int64
			}
			var got, want []row
			for i := range ga {
				got = append(got, row{ga[i], gn[i], gt[i].Unix()})
				want = append(want, row{as[i], ns[i], ts[i].Unix()})
			}
			byKey := func(x, y row) int {
				if c := strings.Compare(x.a, y.a); c != 0 {
					return c
				}
				if c := strings.Compare(x.n, y.n); c != 0 {
					return c
				}
				return int(x.t - y.t)
			}
			if !slices.IsSortedFunc(got, byKey) {
				t.Errorf("not in key order: %v", got)
			}
			slices.SortFunc(want, byKey)
			if !slices.Equal(got, want) {
				t.Errorf("rows changed: got %v, want %v", got, want)
			}
		})
	}
	if p := keyOrder(3, []func(i, j int) int{compareRows([]string{"a", "a", "b"})}); p != nil {
		t.Errorf("rows in order: keyOrder %v, want nil", p)
	}
	if p := keyOrder(3, []func(i, j int) int{compareRows([]string{"b", "a", "b"})}); !slices.Equal(p, []int32{1, 0, 2}) {
		t.Errorf("keyOrder %v, want [1 0 2] (stable)", p)
	}
	if pickerOf([]int{1}) != nil || compareRows([]int{1}) != nil {
		t.Error("a column type it does not know: want nil")
	}
	cols := joined([][]any{{[]string{"b"}, []int{1}}, {[]string{"a", "c"}, []int{2, 3}}})
	if !slices.Equal(cols[0].([]string), []string{"b", "a", "c"}) || !slices.Equal(cols[1].([]int), []int{1, 2, 3}) {
		t.Errorf("joined: %v", cols)
	}
}

// recordingConn records the rows appended to each INSERT's batch,
// column by column.
type recordingConn struct {
	driver.Conn
	mu   sync.Mutex
	sent map[*recordingBatch][][]any // batch -> columns -> the values appended
}

type recordingBatch struct {
	driver.Batch
	c *recordingConn
	q string
}

type recordingColumn struct {
	driver.BatchColumn
	b *recordingBatch
	i int
}

func (c *recordingConn) PrepareBatch(ctx context.Context, q string, opts ...driver.PrepareBatchOption) (driver.Batch, error) {
	b, err := c.Conn.PrepareBatch(ctx, q, opts...)
	if err != nil {
		return nil, err
	}
	return &recordingBatch{Batch: b, c: c, q: q}, nil
}

func (b *recordingBatch) Column(i int) driver.BatchColumn {
	return &recordingColumn{BatchColumn: b.Batch.Column(i), b: b, i: i}
}

func (col *recordingColumn) Append(v any) error {
	c := col.b.c
	c.mu.Lock()
	if c.sent == nil {
		c.sent = map[*recordingBatch][][]any{}
	}
	for len(c.sent[col.b]) <= col.i {
		c.sent[col.b] = append(c.sent[col.b], nil)
	}
	c.sent[col.b][col.i] = append(c.sent[col.b][col.i], v)
	c.mu.Unlock()
	return col.BatchColumn.Append(v)
}

// A change set's software goes to the server in the table's key order
// (asset, sweep), however the batches give it (so the server writes each
// part without sorting and permuting it), and reads back whole.
func TestStreamSendsKeyOrder(t *testing.T) {
	ctx := t.Context()
	db := openFresh(t).(*DB)
	rc := &recordingConn{Conn: db.conn}
	db.conn = rc
	tx, err := db.Begin(ctx, "cs1")
	must(t, err)
	sw := func(asset, sweep string, names ...string) []store.Software {
		var out []store.Software
		for _, n := range names {
			out = append(out, store.Software{AssetID: asset, SweepID: sweep, Time: t0, Software: record.Software{Name: n, Version: "1"}})
		}
		return out
	}
	// Devices out of order, a device in both batches the first of the
	// change set's two INSERTs takes (they take batches in turns), a
	// device's rows of two sweeps.
	must(t, db.AppendSoftware(tx, slices.Concat(sw("d3", "s2", "zlib", "bash"), sw("d1", "s2", "vim"), sw("d3", "s1", "curl"))))
	must(t, db.AppendSoftware(tx, slices.Concat(sw("d2", "s2", "b", "a"), sw("d0", "s2", "c"))))
	must(t, db.AppendSoftware(tx, slices.Concat(sw("d3", "s2", "make"), sw("d0", "s2", "x"))))
	must(t, db.Commit(tx))

	var inserts, rows int
	for b, cols := range rc.sent {
		if !strings.Contains(b.q, ".software ") {
			continue
		}
		inserts++
		var assets, sweeps []string
		for _, v := range cols[0] {
			assets = append(assets, v.([]string)...)
		}
		for _, v := range cols[1] {
			sweeps = append(sweeps, v.([]string)...)
		}
		var got []string
		for i := range assets {
			got = append(got, assets[i]+" "+sweeps[i])
		}
		if !slices.IsSorted(got) {
			t.Errorf("%s sent its rows out of key order: %q", b.q, got)
		}
		rows += len(got)
	}
	if inserts == 0 || rows != 9 {
		t.Fatalf("%d INSERTs of software sent %d rows, want 9", inserts, rows)
	}
	for asset, want := range map[string]int{"d0": 2, "d1": 1, "d2": 2, "d3": 3} {
		if got, err := db.Software(ctx, asset); err != nil || len(got) != want {
			t.Errorf("Software(%s): %d rows (%v), want %d", asset, len(got), err, want)
		}
	}
}

// Schema 12 rebuilds software sorted by (asset_id, sweep_id), from a store
// of schema 11 (a ReplacingMergeTree keyed by every column), with its
// rows; a second Migrate applies nothing.
func TestMigrateSoftwareKey(t *testing.T) {
	ctx := t.Context()
	db, err := Open(ctx, freshDB(t))
	must(t, err)
	defer db.Close()
	if n, err := db.migrate(ctx, 11); err != nil || n != 11 {
		t.Fatalf("migrate to 11: %d %v", n, err)
	}
	engine := func() string {
		var e string
		must(t, db.conn.QueryRow(ctx, `SELECT engine_full FROM system.tables WHERE database = ? AND name = 'software'`, db.name).Scan(&e))
		return e
	}
	if e := engine(); !strings.Contains(e, "ORDER BY (asset_id, sweep_id, name, version, arch, installed_at)") {
		t.Fatalf("schema 11's software: %s", e)
	}
	var rs []store.Software
	for _, a := range []string{"a2", "a1"} {
		for _, n := range []string{"zsh", "bash"} {
			rs = append(rs, store.Software{AssetID: a, SweepID: "s1", Time: t0, Software: record.Software{Name: n, Version: "1", InstalledAt: t0}})
		}
	}
	must(t, db.AppendSoftware(ctx, rs))
	must(t, db.AppendSoftware(ctx, rs[:1])) // a row stored twice (a replay)
	for i, want := range []int{Latest() - 11, 0} {
		if n, err := db.Migrate(ctx); err != nil || n != want {
			t.Fatalf("migrate 11 to %d (run %d): applied %d (%v), want %d", Latest(), i, n, err, want)
		}
	}
	if e := engine(); !strings.HasPrefix(e, "MergeTree") || !strings.Contains(e, "ORDER BY (asset_id, sweep_id)") {
		t.Errorf("software after schema 12: %s", e)
	}
	for _, a := range []string{"a1", "a2"} {
		got, err := db.Software(ctx, a)
		if err != nil || len(got) != 2 || got[0].Name != "bash" || got[1].Name != "zsh" {
			t.Errorf("Software(%s) after the migration: %+v (%v)", a, got, err)
		}
	}
	var n uint64
	must(t, db.conn.QueryRow(ctx, db.q(`SELECT count() FROM {db}.software`)).Scan(&n))
	if n != 5 {
		t.Errorf("software holds %d rows after the migration, want the 5 stored", n)
	}
}
