package assemble

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/stores"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// storeAt is inv with its store at dsn (as --store lays it, config.Overlay).
func storeAt(dsn string, inv config.Inventory) config.Inventory {
	inv.Store = dsn
	return inv
}

func TestStoreDSNAndSpool(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name      string
		s         StoreSettings
		dsn, pool string
		settings  bool // a *SettingsError
	}{
		{name: "the inventory section's", s: StoreSettings{Inventory: config.Inventory{Store: "sqlite:/x/cfg.db"}, Getenv: envOf(nil), UID: 1000},
			dsn: "sqlite:/x/cfg.db", pool: "/x/spool.jsonl"},
		{name: "then the default", s: StoreSettings{Getenv: envOf(map[string]string{"XDG_DATA_HOME": dir}), UID: 1000},
			dsn: "sqlite:" + filepath.Join(dir, "netcensus", "netcensus.db"), pool: filepath.Join(dir, "netcensus", "spool.jsonl")},
		{name: "root's default", s: StoreSettings{Getenv: envOf(nil), UID: 0},
			dsn: "sqlite:/var/lib/netcensus/netcensus.db", pool: "/var/lib/netcensus/spool.jsonl"},
		{name: "the state dir holds the spool", s: StoreSettings{Inventory: storeAt("clickhouse://192.0.2.9:9000/cmdb", config.Inventory{}), Getenv: envOf(map[string]string{"XDG_STATE_HOME": dir}), UID: 1000},
			dsn: "clickhouse://192.0.2.9:9000/cmdb", pool: filepath.Join(dir, "netcensus", "spool.jsonl")},
		{name: "no place for a default", s: StoreSettings{Getenv: envOf(nil), UID: 1000}, settings: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dsn, err := tc.s.DSN()
			pool, perr := tc.s.SpoolPath()
			if tc.settings {
				var se *SettingsError
				if !errors.As(err, &se) || !errors.Is(err, stores.ErrDSN) || !errors.As(perr, &se) {
					t.Fatalf("DSN %q, %v; spool %v: want a settings error", dsn, err, perr)
				}
				return
			}
			if err != nil || dsn != tc.dsn || perr != nil || pool != tc.pool {
				t.Errorf("DSN %q, %v; spool %q, %v: want %q and %q", dsn, err, pool, perr, tc.dsn, tc.pool)
			}
		})
	}
}

// wrapped counts the stores OpenInventory wrapped.
type wrapped struct {
	store.Store
	n *int
}

func TestOpenInventory(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cmdb.db")
	host := func() (string, error) { return "scanner-host", nil }
	badIdentity := config.Default().Inventory
	badIdentity.Identity.Order = []string{"nonsense"}
	for _, tc := range []struct {
		name     string
		s        StoreSettings
		settings bool  // a *SettingsError
		is       error // else an error that is this; nil: opens
	}{
		{name: "existing only, none there", s: StoreSettings{Inventory: storeAt("sqlite:"+db, config.Inventory{}), Existing: true}, is: stores.ErrNoStore},
		{name: "created and migrated", s: StoreSettings{Inventory: storeAt("sqlite:"+db, config.Default().Inventory)}},
		{name: "existing only, there", s: StoreSettings{Existing: true, Inventory: storeAt("sqlite:"+db, config.Default().Inventory)}},
		{name: "a bad DSN", s: StoreSettings{Inventory: storeAt("postgres://192.0.2.9/x", config.Inventory{})}, settings: true, is: stores.ErrDSN},
		{name: "a ClickHouse password file missing", s: StoreSettings{
			Inventory: config.Inventory{Store: "clickhouse://192.0.2.9:9000/cmdb", ClickHousePasswordFile: filepath.Join(dir, "none")}}, settings: true},
		{name: "bad identity rules", s: StoreSettings{Inventory: storeAt("sqlite:"+db, badIdentity)}, settings: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			tc.s.Getenv, tc.s.Hostname = envOf(nil), host
			tc.s.Wrap = func(st store.Store) store.Store { n++; return wrapped{st, &n} }
			inv, done, err := tc.s.OpenInventory(t.Context())
			if !tc.settings && tc.is == nil {
				if err != nil {
					t.Fatal(err)
				}
				defer done()
				if _, ok := inv.Store().(wrapped); !ok || n != 1 {
					t.Errorf("the store was not wrapped once (%d)", n)
				}
				if _, err := inv.Store().Assets(t.Context(), store.AssetFilter{}); err != nil {
					t.Errorf("the store is not migrated: %v", err)
				}
				return
			}
			var se *SettingsError
			if err == nil || errors.As(err, &se) != tc.settings || (tc.is != nil && !errors.Is(err, tc.is)) {
				t.Fatalf("err %v: want settings error %v, is %v", err, tc.settings, tc.is)
			}
			if strings.Contains(err.Error(), "SettingsError") {
				t.Errorf("the message names a Go type: %v", err)
			}
		})
	}
}

func TestOpenClickHouseSettings(t *testing.T) {
	dir := t.TempDir()
	for _, s := range []StoreSettings{
		{Inventory: storeAt("sqlite:"+filepath.Join(dir, "a.db"), config.Inventory{})},
		{Inventory: config.Inventory{Store: "clickhouse://192.0.2.9:9000/cmdb", ClickHousePasswordFile: filepath.Join(dir, "none")}},
	} {
		s.Getenv = envOf(nil)
		var se *SettingsError
		if db, err := s.OpenClickHouse(t.Context()); !errors.As(err, &se) {
			t.Errorf("%s: %v, %v; want a settings error", s.Inventory.Store, db, err)
		}
	}
}
