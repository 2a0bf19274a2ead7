package clickhouse

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/netip"
	"reflect"
	"testing"
	"time"

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
	// The change set's INSERTs finished, as Commit finishes them before
	// its commit row: its rows are in the tables.
	must(t, db.finishStreams("cs1", true))
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
		must(t, db.EachAsset(ctx, store.AssetFilter{}, func(*store.Asset) error { js++; return nil }))
		if len(as) != assets || js != assets || a.Record.Vendor != vendor || a.Record.Site != site || len(ks) != keys ||
			len(es) != events || len(sw) != software || len(sws) != sweeps {
			t.Errorf("%s: %d assets (%d streamed), a1 vendor %q site %q, %d keys, %d events, %d software, %d sweeps; want %d, %q %q, %d, %d, %d, %d",
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

// TestMigrateTypedColumns: a store written by schema 5 (an asset's
// attributes only in its blob and stored listing JSON, an observation's
// in its JSON) migrates to typed columns a person can filter and group
// by, in the tables and in the assets_current view, with nothing else
// changed, and the blob and JSON columns gone.
func TestMigrateTypedColumns(t *testing.T) {
	ctx := t.Context()
	o := freshDB(t)
	db, err := Open(ctx, o)
	must(t, err)
	defer db.Close()
	if n, err := db.migrate(ctx, 5); err != nil || n != 5 {
		t.Fatalf("migrate to 5: %d %v", n, err)
	}
	a := store.Asset{StateSince: t0, LastSweepID: "s1"}
	load := 12.5
	a.Record = record.Asset{AssetID: "a1", State: store.StateActive, IP: netip.MustParseAddr("192.0.2.7"),
		MAC: record.MAC{2, 0, 0, 0, 0, 7}, Hostname: "sw-1", Vendor: "Cisco", Model: "C9300-48P", Serial: "FOC123",
		OS: "IOS-XE", OSVersion: "17.9.4", DeviceType: "switch", SysName: "sw-1.example", SysObjectID: "1.3.6.1.4.1.9.1.2494",
		SysLocation: "rack 4", Sources: []record.Source{record.SourceSNMP, record.SourceARP}, FirstSeen: t0, LastSeen: t0,
		CPULoadPct: &load, Storage: []record.Storage{{Descr: "/", SizeBytes: 1 << 30, UsedBytes: 1 << 29}},
		Evidence: map[string]record.Evidence{"model": {Rule: "cisco-entity", Source: record.SourceSNMP, OID: "1.3.6.1.2.1.47.1.1.1.1.13.1", Value: "C9300-48P"}}}
	// As schema 5's PutAssets wrote it: a blob (which this netcensus no
	// longer reads) and the record's JSON in two parts, cut where the
	// annotation's fields went.
	js, err := json.Marshal(&a.Record)
	must(t, err)
	cut := bytes.Index(js, []byte(`,"state"`)) + 1
	head, tail := string(js[:len(js)-1]), "}"
	if cut > 0 {
		head, tail = string(js[:cut-1]), ","+string(js[cut:])
	}
	must(t, db.insertRows(ctx, "v5 asset", "assets", `id, state, state_since, first_seen, last_seen, missed_sweeps, last_sweep_id,
		merged_into, ip, vendor, mac_vendor, device_type, data, software_digest, json_head, json_tail, json_rev, ver, txn`, false, 1,
		func(int) []any {
			return []any{"a1", "active", t0, t0, t0, uint32(0), "s1", "", "192.0.2.7", "Cisco", "", "switch", "\x01blob", "",
				head, tail, uint64(99), uint64(1), ""}
		}))
	must(t, db.insertRows(ctx, "v5 observation", "observations", "id, sweep_id, asset_id, time, source, scanner, ip, mac, data, txn", false, 1,
		func(int) []any {
			return []any{"o1", "s1", "a1", t0, "snmp", "lab", "192.0.2.7", "02:00:00:00:00:07", string(js), ""}
		}))
	for i, want := range []int{Latest() - 5, 0} {
		if n, err := db.Migrate(ctx); err != nil || n != want {
			t.Fatalf("migrate 5 to %d (run %d): applied %d (%v), want %d", Latest(), i, n, err, want)
		}
	}
	for _, c := range droppedColumns {
		if has, err := db.hasColumn(ctx, c.table, c.name); err != nil || has {
			t.Errorf("%s.%s after the migration: %v %v", c.table, c.name, has, err)
		}
	}
	obs, err := db.Observations(ctx, "s1", "")
	must(t, err)
	wantObs := a.Record
	wantObs.AssetID, wantObs.State, wantObs.FirstSeen, wantObs.LastSeen = "", "", time.Time{}, time.Time{}
	if len(obs) != 1 || !reflect.DeepEqual(obs[0].Asset, wantObs) {
		t.Errorf("migrated observation: %+v, want %+v", obs, wantObs)
	}
	got, err := db.Asset(ctx, "a1")
	must(t, err)
	want := a
	no := false
	want.Record.Approved = &no
	if !reflect.DeepEqual(got, want) {
		t.Errorf("migrated asset:\n got %+v\nwant %+v", got, want)
	}
	for q, want := range map[string]string{
		`SELECT concat(hostname, '|', mac, '|', model, '|', serial, '|', os, '|', os_version, '|', sys_name, '|', sys_object_id,
			'|', location, '|', arrayStringConcat(sources, ',')) FROM {db}.assets_current`: "sw-1|02:00:00:00:00:07|C9300-48P|FOC123|IOS-XE|17.9.4|sw-1.example|1.3.6.1.4.1.9.1.2494|rack 4|snmp,arp",
		`SELECT concat(model, ':', toString(count())) FROM {db}.assets_current GROUP BY model`: "C9300-48P:1",
		`SELECT concat(storage_descr[1], ':', toString(storage_used_bytes[1]), ':', evidence_field[1], ':', evidence_rule[1], ':',
			toString(cpu_load_pct)) FROM {db}.assets FINAL`: "/:536870912:model:cisco-entity:12.5",
		`SELECT concat(hostname, '|', vendor, '|', model, '|', serial, '|', os_version, '|', device_type, '|', sys_name, '|', location)
			FROM {db}.observations`: "sw-1|Cisco|C9300-48P|FOC123|17.9.4|switch|sw-1.example|rack 4",
	} {
		var s string
		if err := db.conn.QueryRow(ctx, db.q(q)).Scan(&s); err != nil || s != want {
			t.Errorf("%s:\n got %q (%v)\nwant %q", q, s, err, want)
		}
	}
}
