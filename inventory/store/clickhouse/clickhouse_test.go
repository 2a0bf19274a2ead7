package clickhouse

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/clickhouse/chtest"
	"github.com/netcensus/netcensus/inventory/store/storetest"
	"github.com/netcensus/netcensus/record"
)

// lab is the test binary's private server (TestMain starts and stops it).
var lab *chtest.Lab

var dbSeq atomic.Int64

var t0 = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)

func TestMain(m *testing.M) {
	lab = chtest.Setup()
	code := m.Run()
	lab.Close()
	os.Exit(code)
}

// freshDB names a database no other test uses.
func freshDB(t testing.TB) Options {
	srv := lab.Need(t)
	return Options{Addr: srv.Addr, Database: fmt.Sprintf("t%d_%d", os.Getpid(), dbSeq.Add(1))}
}

func openFresh(t *testing.T) store.Store {
	t.Helper()
	db, err := Open(t.Context(), freshDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	n, err := db.Migrate(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if n != Latest() {
		t.Fatalf("first Migrate applied %d steps, want %d", n, Latest())
	}
	return db
}

// TestContract runs beside the tests of servers of their own, and its
// subtests beside each other, each in a database of its own: they wait
// on the server's round trips, not the CPU.
func TestContract(t *testing.T) {
	t.Parallel()
	storetest.Run(t, func(t *testing.T) store.Store {
		t.Parallel()
		return openFresh(t)
	})
}

func TestReopenAppliesNothing(t *testing.T) {
	o := freshDB(t)
	for i, want := range []int{Latest(), 0} {
		db, err := Open(t.Context(), o)
		if err != nil {
			t.Fatal(err)
		}
		n, err := db.Migrate(t.Context())
		db.Close()
		if err != nil || n != want {
			t.Fatalf("run %d: applied %d (%v), want %d", i, n, err, want)
		}
	}
}

// TestRefusesNewerAndForeign: a newer schema or a foreign database is a
// clear error and nothing is changed.
func TestRefusesNewerAndForeign(t *testing.T) {
	ctx := t.Context()
	o := freshDB(t)
	db := openFresh2(t, o)
	if err := db.insert(ctx, "newer", "schema_migrations", "version, applied", 1, func(int) []any { return []any{uint32(Latest() + 1), ts(t0)} }); err != nil {
		t.Fatal(err)
	}
	tables := countTables(t, db, o.Database)
	if _, err := Open(ctx, o); !errors.Is(err, store.ErrSchemaNewer) {
		t.Fatalf("open newer schema: %v, want ErrSchemaNewer", err)
	}
	if _, err := db.Migrate(ctx); !errors.Is(err, store.ErrSchemaNewer) {
		t.Fatalf("migrate newer schema: %v, want ErrSchemaNewer", err)
	}
	if got := countTables(t, db, o.Database); got != tables {
		t.Errorf("tables %d -> %d: a newer schema must be left untouched", tables, got)
	}

	f := freshDB(t)
	if err := db.conn.Exec(ctx, "CREATE DATABASE `"+f.Database+"`"); err != nil {
		t.Fatal(err)
	}
	if err := db.conn.Exec(ctx, "CREATE TABLE `"+f.Database+"`.other (x UInt8) ENGINE = Memory"); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, f); !errors.Is(err, store.ErrForeign) {
		t.Fatalf("open foreign database: %v, want ErrForeign", err)
	}
	if got := countTables(t, db, f.Database); got != 1 {
		t.Errorf("foreign database now has %d tables", got)
	}
}

func openFresh2(t *testing.T, o Options) *DB {
	db, err := Open(t.Context(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	return db
}

func countTables(t *testing.T, db *DB, name string) uint64 {
	var n uint64
	if err := db.conn.QueryRow(context.Background(), `SELECT count() FROM system.tables WHERE database = ?`, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestParseDSN(t *testing.T) {
	for _, tc := range []struct {
		dsn, addr, db string
		bad           bool
	}{
		{"clickhouse://db1:9000/cmdb", "db1:9000", "cmdb", false},
		{"clickhouse://db1/cmdb", "db1:9000", "cmdb", false},
		{"clickhouse://127.0.0.1:19000", "127.0.0.1:19000", "netcensus", false},
		{"clickhouse://u:secret@db1:9000/cmdb", "", "", true},
		{"sqlite:/x", "", "", true},
		{"clickhouse://db1:9000/a`b", "", "", true},
	} {
		o, err := ParseDSN(tc.dsn)
		if tc.bad {
			if err == nil {
				t.Errorf("%s: no error", tc.dsn)
			} else if strings.Contains(err.Error(), "secret") {
				t.Errorf("%s: error leaks the password: %v", tc.dsn, err)
			}
			continue
		}
		if err != nil || o.Addr != tc.addr || o.Database != tc.db {
			t.Errorf("%s: %+v %v", tc.dsn, o, err)
		}
	}
}

// TestMigrateFromSchema1: a store written by schema 1 (assets as JSON, no
// software digest) migrates to the latest schema with every asset intact,
// and a second Migrate applies nothing.
func TestMigrateFromSchema1(t *testing.T) {
	ctx := t.Context()
	o := freshDB(t)
	db, err := Open(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n, err := db.migrate(ctx, 1); err != nil || n != 1 {
		t.Fatalf("migrate to 1: %d %v", n, err)
	}
	yes := true
	a := store.Asset{StateSince: t0, MissedSweeps: 2, LastSweepID: "s1", MergedInto: "m"}
	a.Record = record.Asset{AssetID: "a1", State: store.StateMissing, IP: netip.MustParseAddr("192.0.2.7"), Vendor: "Cisco",
		Hostname: "sw-1", FirstSeen: t0, LastSeen: t0, Interfaces: []record.Interface{{Index: 1, Name: "ge-0/0/1"}}}
	data, err := json.Marshal(&a.Record)
	if err != nil {
		t.Fatal(err)
	}
	// As schema 1's PutAssets wrote it.
	if err := db.insertRows(ctx, "v1 asset", "assets", `id, state, state_since, first_seen, last_seen, missed_sweeps, last_sweep_id,
		merged_into, ip, vendor, mac_vendor, device_type, data, ver`, false, 1, func(int) []any {
		return []any{"a1", a.Record.State, t0, t0, t0, uint32(2), "s1", "m", "192.0.2.7", "Cisco", "", "", string(data), uint64(1)}
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.insertRows(ctx, "v1 annotation", "annotations", "asset_id, approved, approved_at, approved_by, site, role, owner, tags, updated, ver", false, 1,
		func(int) []any { return []any{"a1", uint8(1), t0, "", "lab", "", "", []string{}, t0, uint64(1)} }); err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{Latest() - 1, 0} {
		if n, err := db.Migrate(ctx); err != nil || n != want {
			t.Fatalf("migrate %d: applied %d (%v), want %d", i, n, err, want)
		}
	}
	got, err := db.Asset(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	want := a
	want.Record.Approved, want.Record.Site = &yes, "lab"
	if !reflect.DeepEqual(got, want) {
		t.Errorf("migrated asset:\n got %+v\nwant %+v", got, want)
	}
	if list, err := db.Assets(ctx, store.AssetFilter{States: []string{store.StateMissing}, Vendor: "cisco"}); err != nil || len(list) != 1 {
		t.Errorf("migrated asset not listed: %d %v", len(list), err)
	}
	// Listed as Assets lists it, from the columns alone.
	var listed []store.Asset
	if err := db.EachAsset(ctx, store.AssetFilter{}, func(a *store.Asset) error { listed = append(listed, *a); return nil }); err != nil || len(listed) != 1 || !reflect.DeepEqual(listed[0], want) {
		t.Errorf("migrated asset streamed: %+v (%v), want %+v", listed, err, want)
	}
	for _, c := range droppedColumns {
		if has, err := db.hasColumn(ctx, c.table, c.name); err != nil || has {
			t.Errorf("%s.%s after the migration: %v %v", c.table, c.name, has, err)
		}
	}
	// store check: a store migrated from schema 1 has all a new one has.
	if cluster, nodes, err := db.CheckSchema(ctx); err != nil || cluster != "" || len(nodes) != 1 || !nodes[0].Current() {
		t.Errorf("store check of the migrated store: %q %v (%v)", cluster, nodes, err)
	}
}
