package clickhouse

import (
	"context"
	"errors"
	"testing"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// TestChangeSetVisibleOnlyCommitted: rows written in a change set are
// invisible to every read until it commits, a merge of the tables
// (OPTIMIZE ... FINAL) loses no committed row under an uncommitted newer
// one, and a change set committed but not folded (a crash in Commit)
// reads right and is folded by the next Begin.
func TestChangeSetVisibleOnlyCommitted(t *testing.T) {
	ctx := t.Context()
	db := openFresh(t).(*DB)
	old := store.Asset{Record: record.Asset{AssetID: "a1", State: store.StateActive, Vendor: "Old"}}
	must(t, db.PutAssets(ctx, []store.Asset{old}))
	must(t, db.Annotate(ctx, store.Annotation{AssetID: "a1", Site: "lab"}))

	tx, err := db.Begin(ctx, "cs1")
	must(t, err)
	upd := old
	upd.Record.Vendor = "New"
	must(t, db.PutAssets(tx, []store.Asset{upd, {Record: record.Asset{AssetID: "a2", State: store.StateNew}}}))
	must(t, db.Annotate(tx, store.Annotation{AssetID: "a1", Site: "dc"}))
	must(t, db.AddKeys(tx, []store.AssetKey{{AssetID: "a2", Key: identity.Key{Kind: identity.KindMAC, Value: "02:00:00:00:00:02"}}}))
	must(t, db.PutSweep(tx, store.Sweep{ID: "cs1", Start: t0, End: t0}))
	must(t, db.AppendEvents(tx, []store.Event{{ID: "e1", Time: t0, AssetID: "a2", Type: store.EventState}}))
	must(t, db.AppendSoftware(tx, []store.Software{{AssetID: "a1", SweepID: "cs1", Time: t0, Software: record.Software{Name: "x"}}}))
	for _, table := range []string{"assets", "annotations", "asset_keys", "events", "software", "sweeps"} {
		must(t, db.conn.Exec(ctx, db.q(`OPTIMIZE TABLE {db}.`+table+` FINAL`)))
	}
	check := func(when, vendor, site string, assets, keys, events, software, sweeps int) {
		t.Helper()
		as, err := db.Assets(ctx, store.AssetFilter{})
		must(t, err)
		a, err := db.Asset(ctx, "a1")
		must(t, err)
		ks, err := db.Keys(ctx)
		must(t, err)
		es, err := db.Events(ctx, store.EventFilter{})
		must(t, err)
		sw, err := db.Software(ctx, "a1")
		must(t, err)
		sws, err := db.Sweeps(ctx, 0)
		must(t, err)
		var js int
		must(t, db.AssetsJSON(ctx, store.AssetFilter{}, func([]byte) error { js++; return nil }))
		if len(as) != assets || js != assets || a.Record.Vendor != vendor || a.Record.Site != site || len(ks) != keys ||
			len(es) != events || len(sw) != software || len(sws) != sweeps {
			t.Errorf("%s: %d assets (%d as JSON), a1 vendor %q site %q, %d keys, %d events, %d software, %d sweeps; want %d, %q %q, %d, %d, %d, %d",
				when, len(as), js, a.Record.Vendor, a.Record.Site, len(ks), len(es), len(sw), len(sws), assets, vendor, site, keys, events, software, sweeps)
		}
	}
	check("open change set", "Old", "lab", 1, 0, 0, 0, 0)

	// Committed, not folded: as if Commit's process died after its first
	// INSERT.
	must(t, db.putTxn(ctx, "cs1", txnCommitted))
	check("committed, not folded", "New", "dc", 2, 1, 1, 1, 1)
	if _, err := db.Begin(ctx, "cs1"); err == nil {
		t.Error("a committed change set was opened again")
	}
	if _, err := db.Begin(ctx, "cs2"); err != nil {
		t.Fatal(err)
	}
	var parts uint64
	must(t, db.conn.QueryRow(ctx, db.q(`SELECT count() FROM {db}.assets WHERE txn != ''`)).Scan(&parts))
	if parts != 0 {
		t.Errorf("Begin left %d rows of a committed change set unfolded", parts)
	}
	check("folded", "New", "dc", 2, 1, 1, 1, 1)
}

// failingEvents is a store whose AppendEvents fails, as a server does
// that dies or fills its disk half way through a person's action.
type failingEvents struct{ *DB }

func (failingEvents) AppendEvents(context.Context, []store.Event) error {
	return errors.New("disk full")
}

func (f failingEvents) Atomically(ctx context.Context, fn func(ctx context.Context, tx store.Store) error) error {
	return f.DB.Atomically(ctx, func(ctx context.Context, _ store.Store) error { return fn(ctx, f) })
}

// TestActionAllOrNothing: an approve, set or merge whose last write
// fails leaves nothing of it visible (defect: 22 annotations without
// their events).
func TestActionAllOrNothing(t *testing.T) {
	ctx := t.Context()
	db := openFresh(t).(*DB)
	must(t, db.PutAssets(ctx, []store.Asset{
		{Record: record.Asset{AssetID: "a1", State: store.StateActive}},
		{Record: record.Asset{AssetID: "a2", State: store.StateActive}},
	}))
	res, err := identity.New(identity.DefaultOrder(), identity.Defaults())
	must(t, err)
	inv := inventory.New(failingEvents{db}, res, inventory.DefaultConfig(), nil)
	if _, err := inv.Approve(ctx, "tester", true); err == nil {
		t.Fatal("approve succeeded although its events failed")
	}
	site := "dc"
	if err := inv.Set(ctx, "tester", "a1", inventory.Changes{Site: &site}); err == nil {
		t.Fatal("set succeeded although its events failed")
	}
	if err := inv.Merge(ctx, "tester", "a1", "a2"); err == nil {
		t.Fatal("merge succeeded although its events failed")
	}
	as, err := db.Assets(ctx, store.AssetFilter{IncludeMerged: true})
	must(t, err)
	for _, a := range as {
		if *a.Record.Approved || a.Record.Site != "" || a.Record.State != store.StateActive {
			t.Errorf("a failed action shows: %s approved %v site %q state %s", a.Record.AssetID, *a.Record.Approved, a.Record.Site, a.Record.State)
		}
	}
	if ds, err := db.Decisions(ctx); err != nil || len(ds) != 0 {
		t.Errorf("a failed merge left %d decisions (%v)", len(ds), err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
