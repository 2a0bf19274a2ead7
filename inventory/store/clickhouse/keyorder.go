package clickhouse

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// A change set's INSERT of a snapshot table is sent in the order of the
// table's sorting key. The server checks each block it writes as a part
// and, when the rows are in key order already, neither sorts them nor
// permutes every column into that order (MergeTreeDataWriter's
// isAlreadySorted, 18.16 too): during a sweep's ingest the sort and the
// permutation were a quarter of the server's CPU (perf, bench/cmdb -mode
// ingest). The client orders the rows it holds for one INSERT by the same
// key: rows come a device at a time, and software's key ends at the sweep
// (schema 12), so that is an ordering of the runs of rows with one key,
// a few hundred an INSERT, and a pass over the rows.

// sortKeys are the sorting keys of the tables a change set streams, from
// the tables' latest definitions (rebuiltTables, then keyedTables).
var sortKeys = func() map[string][]string {
	out := map[string][]string{}
	for _, ts := range [][]struct{ name, cols, engine string }{rebuiltTables, keyedTables} {
		for _, t := range ts {
			if t.name == "software" || t.name == "samples" || t.name == "interfaces" {
				out[t.name] = orderBy(t.engine)
			}
		}
	}
	return out
}()

// orderBy are the column names of an engine clause's ORDER BY (a column
// or a tuple of columns).
func orderBy(engine string) []string {
	_, k, ok := strings.Cut(engine, "ORDER BY ")
	if !ok {
		return nil
	}
	k = strings.TrimSpace(k)
	if strings.HasPrefix(k, "(") {
		k, _, _ = strings.Cut(k[1:], ")")
	} else {
		k, _, _ = strings.Cut(k, " ")
	}
	var out []string
	for _, c := range strings.Split(k, ",") {
		out = append(out, strings.TrimSpace(c))
	}
	return out
}

// keyIndexes are the positions of key's columns in cols (a column list),
// nil when one is missing.
func keyIndexes(cols string, key []string) []int {
	names := strings.Split(cols, ",")
	for i := range names {
		names[i] = strings.TrimSpace(names[i])
	}
	out := make([]int, 0, len(key))
	for _, k := range key {
		i := slices.Index(names, k)
		if i < 0 {
			return nil
		}
		out = append(out, i)
	}
	return out
}

// compareRows compares two rows of a column as the server orders its
// type: strings byte-wise, DateTime by second, numbers by value; nil for
// a column of another Go type.
func compareRows(col any) func(i, j int) int {
	switch s := col.(type) {
	case []string:
		return func(i, j int) int { return strings.Compare(s[i], s[j]) }
	case []time.Time:
		return func(i, j int) int { return cmp.Compare(s[i].Unix(), s[j].Unix()) }
	case []uint64:
		return func(i, j int) int { return cmp.Compare(s[i], s[j]) }
	case []int64:
		return func(i, j int) int { return cmp.Compare(s[i], s[j]) }
	case []uint32:
		return func(i, j int) int { return cmp.Compare(s[i], s[j]) }
	case []uint16:
		return func(i, j int) int { return cmp.Compare(s[i], s[j]) }
	case []uint8:
		return func(i, j int) int { return cmp.Compare(s[i], s[j]) }
	}
	return nil
}

// keyOrder is the order of n rows by the key's columns (compared by
// key[0], then key[1], ...), or nil when they are in that order already:
// the runs of rows equal in the whole key (a device's rows of one sweep,
// in software), stably sorted by their first row.
func keyOrder(n int, key []func(i, j int) int) []int32 {
	full := func(a, b int) int {
		for _, c := range key {
			if r := c(a, b); r != 0 {
				return r
			}
		}
		return 0
	}
	type run struct{ at, end int32 }
	var runs []run
	sorted := true
	for at := 0; at < n; {
		end := at + 1
		for end < n && full(end, at) == 0 {
			end++
		}
		if len(runs) > 0 && full(at, at-1) < 0 {
			sorted = false
		}
		runs = append(runs, run{int32(at), int32(end)})
		at = end
	}
	if sorted || len(key) == 0 {
		return nil
	}
	slices.SortStableFunc(runs, func(a, b run) int { return full(int(a.at), int(b.at)) })
	out := make([]int32, 0, n)
	for _, r := range runs {
		for i := r.at; i < r.end; i++ {
			out = append(out, i)
		}
	}
	return out
}

// picker copies rows of a column, in a given order, into a buffer it
// reuses: a block at a time.
type picker func(p []int32) any

// pickerOf is a picker for a column (of a type keyOrder's callers send),
// nil for another type.
func pickerOf(col any) picker {
	switch s := col.(type) {
	case []string:
		return pickInto(s)
	case []time.Time:
		return pickInto(s)
	case []uint64:
		return pickInto(s)
	case []int64:
		return pickInto(s)
	case []uint32:
		return pickInto(s)
	case []uint16:
		return pickInto(s)
	case []uint8:
		return pickInto(s)
	case []float64:
		return pickInto(s)
	}
	return nil
}

func pickInto[T any](s []T) picker {
	var buf []T
	return func(p []int32) any {
		buf = buf[:0]
		for _, j := range p {
			buf = append(buf, s[j])
		}
		return buf
	}
}

// joined is column data given in parts (each a slice per column, of
// equal lengths) as one slice per column.
func joined(parts [][]any) []any {
	if len(parts) == 1 {
		return parts[0]
	}
	cols := make([]any, len(parts[0]))
	for i := range cols {
		n := 0
		for _, p := range parts {
			n += reflect.ValueOf(p[i]).Len()
		}
		all := reflect.MakeSlice(reflect.TypeOf(parts[0][i]), 0, n)
		for _, p := range parts {
			all = reflect.AppendSlice(all, reflect.ValueOf(p[i]))
		}
		cols[i] = all.Interface()
	}
	return cols
}

// appendInKeyOrder sends the columns given in parts to b's server in
// blocks of chunkRows rows (as appendBlocks), in the order of the key's
// columns (their indexes in the column list); in the order given when a
// column's type is one it does not know.
func appendInKeyOrder(b driver.Batch, parts [][]any, key []int) error {
	cols := joined(parts)
	if len(key) == 0 || len(cols) == 0 {
		return appendBlocks(b, cols)
	}
	cmps := make([]func(i, j int) int, len(key))
	for k, i := range key {
		if cmps[k] = compareRows(cols[i]); cmps[k] == nil {
			return appendBlocks(b, cols)
		}
	}
	p := keyOrder(reflect.ValueOf(cols[0]).Len(), cmps)
	if p == nil {
		return appendBlocks(b, cols)
	}
	picks := make([]picker, len(cols))
	for i, c := range cols {
		if picks[i] = pickerOf(c); picks[i] == nil {
			return appendBlocks(b, cols)
		}
	}
	for at := 0; at < len(p); at += chunkRows {
		block := p[at:min(len(p), at+chunkRows)]
		for i, pick := range picks {
			if err := b.Column(i).Append(pick(block)); err != nil {
				return fmt.Errorf("column %d: %w", i, err)
			}
		}
		if err := b.Flush(); err != nil {
			return err
		}
	}
	return nil
}
