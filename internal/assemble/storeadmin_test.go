package assemble

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/inventory/stores"
)

// store init on SQLite creates the file's schema and says its version;
// store check then finds it current and sound, and before init finds no
// store (it creates none).
func TestInitAndCheckStoreSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cmdb.db")
	s := StoreSettings{Inventory: storeAt("sqlite:"+path, config.Default().Inventory), Getenv: envOf(nil),
		Hostname: func() (string, error) { return "scanner-host", nil }}
	var w bytes.Buffer
	if err := s.CheckStore(t.Context(), &w); !errors.Is(err, stores.ErrNoStore) || w.Len() != 0 {
		t.Fatalf("check before init: %v, %q; want ErrNoStore and nothing said", err, w.String())
	}
	if err := s.InitStore(t.Context(), &w); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("store: schema version %d\n", sqlite.Latest()); w.String() != want {
		t.Errorf("init said %q, want %q", w.String(), want)
	}
	w.Reset()
	if err := s.CheckStore(t.Context(), &w); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("store: %s: schema version %d, current; no damage found\n", path, sqlite.Latest()); w.String() != want {
		t.Errorf("check said %q, want %q", w.String(), want)
	}
}

// --cluster on a store that is not ClickHouse, and a ClickHouse store
// whose password file is missing, are bad settings naming the command.
func TestStoreAdminSettings(t *testing.T) {
	dir := t.TempDir()
	sq := StoreSettings{Inventory: storeAt("sqlite:"+filepath.Join(dir, "a.db"), config.Inventory{}), Getenv: envOf(nil)}
	ch := StoreSettings{Getenv: envOf(nil),
		Inventory: config.Inventory{Store: "clickhouse://192.0.2.9:9000/cmdb", ClickHousePasswordFile: filepath.Join(dir, "none")}}
	var w bytes.Buffer
	for _, tc := range []struct {
		name, prefix, says string
		err                error
	}{
		{"init --cluster on SQLite", "store init --cluster: ", "is not ClickHouse", sq.InitCluster(t.Context(), "nc", 0, &w)},
		{"init --cluster, no password file", "store init --cluster: ", "none", ch.InitCluster(t.Context(), "nc", 0, &w)},
		{"check, no password file", "store check: ", "none", ch.CheckStore(t.Context(), &w)},
	} {
		var se *SettingsError
		if !errors.As(tc.err, &se) || !strings.HasPrefix(tc.err.Error(), tc.prefix) || !strings.Contains(tc.err.Error(), tc.says) {
			t.Errorf("%s: %v; want a settings error %q...%q", tc.name, tc.err, tc.prefix, tc.says)
		}
	}
	if w.Len() != 0 {
		t.Errorf("said %q before failing", w.String())
	}
}
