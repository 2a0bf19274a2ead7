package clickhouse

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

// Change sets: ClickHouse has no transactions, and a sweep is many
// INSERTs (its software, samples and interfaces go out in batches while
// it is resolved). So every row carries the change set that wrote it
// (column txn; "" for rows written outside one, shown at once), the
// txns table says which change sets are open, and every read skips the
// rows of an open one. Commit is one INSERT of one row, which ClickHouse
// applies whole: the sweep appears at once. A change set whose writer or
// server died stays open and invisible. Its rows are also idempotent: a
// replay of the sweep writes the same rows again (row identity derives
// from the sweep: observation and event IDs, snapshot rows keyed by their
// content, ReplacingMergeTree everywhere), so once committed each row is
// seen once, whichever attempt wrote it.
//
// Current-state tables (assets, annotations, identity keys) are
// partitioned by change set, so that merges, which keep a key's newest
// row, never drop a committed row under an open change set's (merges stay
// within a partition). They are read as, per key, the newest row of a
// committed or no change set (cur): FINAL, with the open change sets'
// rows left out by PREWHERE before its merge, which otherwise picks the
// newest row of any partition. Commit folds the change set's partition
// into the committed one ('') and drops it, so few partitions exist at
// once. A change set's column INSERTs (software, samples, interfaces,
// neighbors) stay open while it is written and are finished by Commit,
// before its commit row (columns).

// txnKey is the context key of a change set's ID.
type txnKey struct{}

// txnOf is the change set ctx writes in ("" for none).
func txnOf(ctx context.Context) string {
	s, _ := ctx.Value(txnKey{}).(string)
	return s
}

// Change set states in the txns table; a commit row wins whatever the
// order the rows were written in (max(state)).
const (
	txnOpen      = 0
	txnCommitted = 1
)

var _ store.Atomic = (*DB)(nil)

// Atomically runs fn as one change set: named by store.WithChangeSet in
// ctx (a new one otherwise), committed when fn returns nil. fn writes
// through d with the context it is given; within a change set already,
// fn joins it.
func (d *DB) Atomically(ctx context.Context, fn func(ctx context.Context, tx store.Store) error) error {
	if txnOf(ctx) != "" {
		return fn(ctx, d)
	}
	id := store.ChangeSetOf(ctx)
	if id == "" {
		id = store.NewUUID(time.Now())
	}
	tx, err := d.Begin(ctx, id)
	if err != nil {
		return d.shardsDown(ctx, err)
	}
	if err := fn(tx, d); err != nil {
		d.finishStreams(id, false)
		return d.shardsDown(ctx, err)
	}
	return d.shardsDown(ctx, d.Commit(tx))
}

// Begin opens change set id: writes made with the returned context stay
// invisible until Commit. Opening a committed change set again is an
// error (its rows would be counted twice otherwise).
func (d *DB) Begin(ctx context.Context, id string) (context.Context, error) {
	if id == "" || txnOf(ctx) != "" {
		return nil, fmt.Errorf("begin change set %q: empty ID or nested in %q", id, txnOf(ctx))
	}
	var committed uint64
	if err := d.conn.QueryRow(ctx, d.q(`SELECT count() FROM {db}.txns WHERE txn = ? AND state = ?`), id, uint8(txnCommitted)).Scan(&committed); err != nil {
		return nil, fmt.Errorf("begin change set %s: %w", id, err)
	}
	if committed > 0 {
		return nil, fmt.Errorf("begin change set %s: committed before", id)
	}
	// Change sets committed by a process that died before folding them.
	if err := d.foldCommitted(ctx); err != nil {
		return nil, fmt.Errorf("begin change set %s: %w", id, err)
	}
	if err := d.putTxn(ctx, id, txnOpen); err != nil {
		return nil, fmt.Errorf("begin change set %s: %w", id, err)
	}
	return context.WithValue(ctx, txnKey{}, id), nil
}

// Commit makes the change set of ctx visible, at once, then folds its
// current-state rows into the committed partition (housekeeping: reads
// are right before and after). An error folding says the change set was
// committed; the next Begin folds it.
func (d *DB) Commit(ctx context.Context) error {
	id := txnOf(ctx)
	if id == "" {
		return fmt.Errorf("commit: no change set in this context")
	}
	// Every row first: the commit shows them at once.
	if err := d.finishStreams(id, true); err != nil {
		return fmt.Errorf("commit change set %s: %w", id, err)
	}
	if err := d.putTxn(ctx, id, txnCommitted); err != nil {
		return fmt.Errorf("commit change set %s: %w", id, err)
	}
	ctx = context.WithValue(ctx, txnKey{}, "")
	for _, t := range stateTables {
		if err := d.fold(ctx, t.name, t.cols, id); err != nil {
			return fmt.Errorf("change set %s committed, but folding it: %w", id, err)
		}
	}
	return nil
}

// stateTables are the current-state tables, partitioned by change set,
// and their columns but txn.
var stateTables = []struct{ name, cols string }{
	{"assets", assetCols + ", " + recordColNames},
	{"annotations", `asset_id, approved, approved_at, approved_by, site, role, owner, tags, updated, ver`},
	{"asset_keys", `asset_id, kind, value, first_seen, deleted, ver`},
}

// fold copies the rows of committed change set id into the committed
// partition of table, then drops its partition. Copied twice (a fold
// interrupted and run again), a row is the same version twice, one row
// to every read and after the next merge.
func (d *DB) fold(ctx context.Context, table, cols, id string) error {
	if d.distributed {
		return nil // a cluster's change sets stay in their partitions
	}
	if err := d.conn.Exec(ctx, d.q(`INSERT INTO {db}.`+table+` (`+cols+`, txn) SELECT `+cols+`, '' FROM {db}.`+table+` WHERE txn = ?`), id); err != nil {
		return fmt.Errorf("fold %s into %s: %w", id, table, err)
	}
	if err := d.conn.Exec(ctx, d.q(`ALTER TABLE {db}.`+table+` DROP PARTITION ?`), id); err != nil {
		return fmt.Errorf("fold %s into %s: drop its partition: %w", id, table, err)
	}
	return nil
}

// foldCommitted folds every committed change set still in a partition
// of its own.
func (d *DB) foldCommitted(ctx context.Context) error {
	for _, t := range stateTables {
		rows, err := d.conn.Query(ctx, d.q(`SELECT DISTINCT txn FROM {db}.`+t.name+` WHERE txn != '' AND `+d.visible()))
		if err != nil {
			return fmt.Errorf("find committed change sets in %s: %w", t.name, err)
		}
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("find committed change sets in %s: %w", t.name, err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("find committed change sets in %s: %w", t.name, err)
		}
		for _, id := range ids {
			if err := d.fold(ctx, t.name, t.cols, id); err != nil {
				return err
			}
		}
	}
	return nil
}

func (d *DB) putTxn(ctx context.Context, id string, state uint8) error {
	return d.insert(ctx, "change set", "txns", "txn, state, time, ver", 1, func(int) []any {
		return []any{id, state, ts(time.Now()), d.nextVer()}
	})
}

// untagged is whether table's rows belong to no change set (the
// bookkeeping tables, serve's state).
func untagged(table string) bool {
	switch table {
	case "sweeps", "observations", "assets", "annotations", "asset_keys", "decisions", "events",
		"software", "samples", "interfaces", "neighbors", "locations":
		return false
	}
	return true
}

// in is IN for a subquery: GLOBAL on a cluster's Distributed tables,
// where a plain IN would run the subquery on every shard against the
// Distributed table again (refused by distributed_product_mode).
func (d *DB) in() string {
	if d.distributed {
		return ` GLOBAL IN `
	}
	return ` IN `
}

// visible is the condition on a row's txn that shows it: no change set,
// or a committed one.
func (d *DB) visible() string {
	not := ` NOT IN `
	if d.distributed {
		not = ` GLOBAL NOT IN `
	}
	return `txn` + not + `(SELECT txn FROM {db}.txns GROUP BY txn HAVING max(state) = 0)`
}

// cur is a subquery of the visible current rows of a current-state table
// (ReplacingMergeTree(ver), keyed by key: "id" or "(a, b)"): per key, the
// newest row written by no change set or a committed one, in key order,
// with cols. cond (on key columns, its ? bound by args) narrows the rows
// read; the returned arguments bind the subquery.
//
// On one server that is FINAL's merge of the table's parts in key order,
// as the view assets_current reads it (views.go): PREWHERE leaves the
// open change sets' rows out before the merge, which keeps the highest
// ver of each key across every partition (committed change sets not yet
// folded included), one row however many copies. It reads each row once
// and aggregates nothing: the (key, ver) IN (SELECT key, max(ver) ...
// GROUP BY key) it replaces read the keys twice, built a set of every
// key and kept one row of each again by LIMIT 1 BY (on a listing of
// 100,000 assets 1.5 times FINAL's server time, docs/benchmarks.md),
// and asked system.parts first whether every change set was folded, a
// round trip of its own. A cluster's Distributed tables keep the newest
// version by GLOBAL IN and LIMIT 1 BY, in key order by ORDER BY (the
// shards' rows come interleaved).
func (d *DB) cur(ctx context.Context, table, key, cols, cond string, args ...any) (string, []any) {
	c := ""
	if cond != "" {
		c = ` AND (` + cond + `)`
	}
	k := strings.Trim(key, "()")
	if !d.distributed {
		// cond, on the key, goes into PREWHERE too: every version of a
		// key passes or fails it alike, so FINAL merges what it would
		// have, and the other columns are read for the rows that pass
		// alone. A search's few assets read 433 KiB, not 8 MiB (their
		// granule's 8,192 rows of every column).
		return `(SELECT ` + cols + ` FROM {db}.` + table + ` FINAL PREWHERE ` + d.visible() + c + `)`, append([]any{}, args...)
	}
	q := `(SELECT ` + cols + ` FROM {db}.` + table + ` WHERE (` + k + `, ver)` + d.in() + `(SELECT ` + k + `, max(ver) FROM {db}.` +
		table + ` WHERE ` + d.visible() + c + ` GROUP BY ` + k + `)` + c + ` ORDER BY ` + k + ` LIMIT 1 BY ` + k + `)`
	return q, append(append([]any{}, args...), args...)
}
