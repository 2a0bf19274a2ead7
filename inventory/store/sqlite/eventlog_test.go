package sqlite

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

// A store of schema 9 numbers its events in the order they were stored
// (rowid), not by time, and goes on from there; the log lists each once
// and a read through lists nothing more.
func TestEventLogMigratedFromSchema9(t *testing.T) {
	ctx := t.Context()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "netcensus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for v, m := range migrations[:9] {
		if _, err := db.db.Exec(m); err != nil {
			t.Fatalf("migration %d: %v", v+1, err)
		}
	}
	if _, err := db.db.Exec(`PRAGMA user_version = 9`); err != nil {
		t.Fatal(err)
	}
	t0 := store.Second(time.Now())
	// Stored in this order; the second stamped 20 minutes behind the first.
	old := []struct {
		id  string
		at  time.Time
		typ string
	}{{"e-now", t0, store.EventNewUnapproved}, {"e-late", t0.Add(-20 * time.Minute), store.EventState}, {"e-change", t0.Add(-time.Minute), store.EventChange}}
	for _, e := range old {
		if _, err := db.db.Exec(`INSERT INTO events (id, time, sweep_id, seq, asset_id, type, field, old, new, actor)
			VALUES (?, ?, '', 0, 'a1', ?, '', '', '', '')`, e.id, e.at.Unix(), e.typ); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := db.Migrate(ctx); err != nil || n != len(migrations)-9 {
		t.Fatalf("migrate from 9: %d steps, %v", n, err)
	}
	ids := func(es []store.Event) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	es, pos, err := db.EventsStored(ctx, "0", nil, 10)
	if err != nil || !slices.Equal(ids(es), []string{"e-now", "e-late", "e-change"}) {
		t.Fatalf("log of the events stored before: %v %v, want them in the order stored", ids(es), err)
	}
	// The position of a time: from the first event stored of that time
	// or later on.
	from, err := db.EventLogFrom(ctx, t0.Add(-30*time.Minute))
	if err != nil || from != "0" {
		t.Errorf("position 30 minutes back: %q %v, want 0", from, err)
	}
	if from, err := db.EventLogFrom(ctx, t0.Add(-5*time.Minute)); err != nil || from != "0" {
		t.Errorf("position 5 minutes back: %q %v, want 0 (the first event stored is of now)", from, err)
	}
	if from, err := db.EventLogFrom(ctx, t0.Add(time.Minute)); err != nil || from != pos {
		t.Errorf("position of a minute ahead: %q %v, want the end, %s", from, err, pos)
	}
	// A new event, stamped behind them all, comes next; a read through
	// of the alert types steps over a change stored after it.
	late := store.Event{ID: "e-new", Time: t0.Add(-time.Hour), AssetID: "a2", Type: store.EventNewUnapproved}
	change := store.Event{ID: "e-new-change", Time: t0, AssetID: "a2", Type: store.EventChange}
	if err := db.AppendEvents(ctx, []store.Event{late, change}); err != nil {
		t.Fatal(err)
	}
	types := []string{store.EventNewUnapproved, store.EventState}
	es, pos, err = db.EventsStored(ctx, pos, types, 10)
	if err != nil || !slices.Equal(ids(es), []string{"e-new"}) {
		t.Fatalf("log after the migration: %v %v, want e-new", ids(es), err)
	}
	if es, _, err := db.EventsStored(ctx, pos, nil, 10); err != nil || len(es) != 0 {
		t.Errorf("a read through listed %v (%v) after it", ids(es), err)
	}
	// Stored again (a replay): kept once, not numbered again.
	if err := db.AppendEvents(ctx, []store.Event{late}); err != nil {
		t.Fatal(err)
	}
	if es, _, err := db.EventsStored(ctx, pos, nil, 10); err != nil || len(es) != 0 {
		t.Errorf("an event stored again is listed again: %v (%v)", ids(es), err)
	}
}
