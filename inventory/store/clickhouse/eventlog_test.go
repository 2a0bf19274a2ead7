package clickhouse

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	ch "github.com/ClickHouse/clickhouse-go/v2"

	"github.com/netcensus/netcensus/inventory/store"
)

// storeEvents writes events as stored at ins (AppendEvents stamps now).
func storeEvents(ctx context.Context, t *testing.T, db *DB, ins time.Time, es []store.Event) {
	t.Helper()
	must(t, db.insert(ctx, "events", "events", "id, time, sweep_id, seq, asset_id, type, field, old, new, actor, ins", len(es), func(i int) []any {
		e := &es[i]
		return []any{e.ID, ts(e.Time), e.SweepID, e.Seq, e.AssetID, e.Type, e.Field, e.Old, e.New, e.Actor, ts(ins)}
	}))
}

func eventIDs(es []store.Event) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

// An event of a change set that stayed open long (stamped when written,
// an hour before its commit) is listed by the first read after the
// commit, though stamped long before the log's position and its
// overlap; not before.
func TestEventLogListsALongChangeSetOnCommit(t *testing.T) {
	ctx := t.Context()
	db := openFresh(t).(*DB)
	now := store.Second(time.Now())
	began := now.Add(-time.Hour)
	const txn = "0193a1b2-0000-7000-8000-00000000c0de"
	must(t, db.insert(ctx, "change set", "txns", "txn, state, time, ver", 1, func(int) []any { return []any{txn, uint8(txnOpen), ts(began), uint64(1)} }))
	e := store.Event{ID: store.NewUUID(began), Time: began, SweepID: "long", AssetID: "a1", Type: store.EventNewUnapproved}
	storeEvents(context.WithValue(ctx, txnKey{}, txn), t, db, began, []store.Event{e})

	pos, err := db.EventLogFrom(ctx, now)
	must(t, err)
	es, pos, err := db.EventsStored(ctx, pos, nil, 10)
	must(t, err)
	if len(es) != 0 {
		t.Fatalf("the log listed %v of an open change set", eventIDs(es))
	}
	must(t, db.insert(ctx, "change set", "txns", "txn, state, time, ver", 1, func(int) []any { return []any{txn, uint8(txnCommitted), ts(now), uint64(2)} }))
	es, _, err = db.EventsStored(ctx, pos, nil, 10)
	must(t, err)
	if !slices.Equal(eventIDs(es), []string{e.ID}) {
		t.Errorf("the log after the commit: %v, want %s", eventIDs(es), e.ID)
	}
}

// The events since a time and the log read by the table's key (ins):
// of 40,000 events stored a day ago, neither reads more than 20,000 rows
// to find the few stored since (ORDER BY id read every row).
func TestEventsSinceReadByTheKey(t *testing.T) {
	ctx := t.Context()
	db := openFresh(t).(*DB)
	now := store.Second(time.Now())
	day := now.Add(-24 * time.Hour)
	const n = 40000
	old := make([]store.Event, n)
	for i := range old {
		old[i] = store.Event{ID: store.DerivedUUID("old", i), Time: day, SweepID: "s0", Seq: int64(i), AssetID: fmt.Sprintf("a%05d", i%1000), Type: store.EventChange}
	}
	storeEvents(ctx, t, db, day, old)
	recent := []store.Event{{ID: store.NewUUID(now), Time: now, AssetID: "a1", Type: store.EventNewUnapproved},
		{ID: store.NewUUID(now), Time: now, AssetID: "a2", Type: store.EventChange}}
	must(t, db.AppendEvents(ctx, recent))
	must(t, db.conn.Exec(ctx, db.q(`OPTIMIZE TABLE {db}.events FINAL`)))

	// (read_overflow_mode's default is to throw.)
	lctx := ch.Context(ctx, ch.WithSettings(ch.Settings{"max_rows_to_read": 20000}))
	es, err := db.Events(lctx, store.EventFilter{Since: now.Add(-time.Hour)})
	if err != nil || len(es) != 2 {
		t.Errorf("events since an hour ago within 20,000 rows read: %d, %v; want 2", len(es), err)
	}
	pos, err := db.EventLogFrom(ctx, now.Add(-time.Hour))
	must(t, err)
	es, _, err = db.EventsStored(lctx, pos, []string{store.EventNewUnapproved}, 100)
	if err != nil || len(es) != 1 {
		t.Errorf("the log from an hour ago within 20,000 rows read: %d, %v; want 1", len(es), err)
	}
	// The whole history still reads.
	if es, err := db.Events(ctx, store.EventFilter{Since: day}); err != nil || len(es) != n+2 {
		t.Errorf("events since a day ago: %d, %v; want %d", len(es), err, n+2)
	}
}

// A store of schema 10 (events ordered by ID, no ins) is rebuilt ordered
// by (ins, id), its events taken as stored at their time; a second
// Migrate applies nothing.
func TestEventsMigratedFromSchema10(t *testing.T) {
	ctx := t.Context()
	o := freshDB(t)
	db, err := Open(ctx, o)
	must(t, err)
	defer db.Close()
	if n, err := db.migrate(ctx, 10); err != nil || n != 10 {
		t.Fatalf("migrate to 10: %d, %v", n, err)
	}
	now := store.Second(time.Now())
	old := []store.Event{{ID: "e-late", Time: now.Add(-20 * time.Minute), AssetID: "a1", Type: store.EventState, New: store.StateMissing},
		{ID: "e-day", Time: now.Add(-24 * time.Hour), AssetID: "a2", Type: store.EventNewUnapproved}}
	must(t, db.insert(ctx, "events", "events", "id, time, sweep_id, seq, asset_id, type, field, old, new, actor", len(old), func(i int) []any {
		e := &old[i]
		return []any{e.ID, ts(e.Time), e.SweepID, e.Seq, e.AssetID, e.Type, e.Field, e.Old, e.New, e.Actor}
	}))
	db.Close()

	db2, err := Open(ctx, o)
	must(t, err)
	defer db2.Close()
	if n, err := db2.Migrate(ctx); err != nil || n != Latest()-10 {
		t.Fatalf("migrate from 10: %d, %v", n, err)
	}
	var engine string
	must(t, db2.conn.QueryRow(ctx, `SELECT engine_full FROM system.tables WHERE database = ? AND name = 'events'`, o.Database).Scan(&engine))
	if !strings.Contains(engine, "ORDER BY (ins, id)") {
		t.Errorf("events after the migration: %s, want ORDER BY (ins, id)", engine)
	}
	var stamped uint64
	must(t, db2.conn.QueryRow(ctx, db2.q(`SELECT count() FROM {db}.events WHERE ins = time`)).Scan(&stamped))
	if stamped != 2 {
		t.Errorf("%d events stored before taken as stored at their time, want 2", stamped)
	}
	pos, err := db2.EventLogFrom(ctx, now.Add(-30*time.Minute))
	must(t, err)
	es, _, err := db2.EventsStored(ctx, pos, nil, 10)
	must(t, err)
	if !slices.Equal(eventIDs(es), []string{"e-late"}) {
		t.Errorf("the log from 30 minutes back after the migration: %v, want e-late", eventIDs(es))
	}
	if es, err := db2.Events(ctx, store.EventFilter{Since: now.Add(-48 * time.Hour)}); err != nil || len(es) != 2 {
		t.Errorf("events since two days ago after the migration: %d, %v; want 2", len(es), err)
	}
	if n, err := db2.Migrate(ctx); err != nil || n != 0 {
		t.Errorf("second Migrate: %d, %v", n, err)
	}
}
