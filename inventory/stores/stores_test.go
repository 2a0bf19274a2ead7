package stores

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/inventory/store/sqlite"
)

func TestOpenDispatch(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	for _, tc := range []struct {
		name, dsn string
		o         Options
		want      error // nil: opens
	}{
		{"sqlite creates", "sqlite:" + filepath.Join(dir, "a.db"), Options{}, nil},
		{"sqlite with slashes", "sqlite://" + filepath.Join(dir, "b.db"), Options{}, nil},
		{"existing only, none there", "sqlite:" + filepath.Join(dir, "none.db"), Options{Existing: true}, ErrNoStore},
		{"existing only, there", "sqlite:" + filepath.Join(dir, "a.db"), Options{Existing: true}, nil},
		{"empty sqlite path", "sqlite:", Options{}, ErrDSN},
		{"unknown scheme", "postgres://db/x", Options{}, ErrDSN},
		{"bare path", filepath.Join(dir, "c.db"), Options{}, ErrDSN},
		{"clickhouse user in DSN", "clickhouse://u:p@127.0.0.1:9/x", Options{}, ErrDSN},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := Open(ctx, tc.dsn, Auth{}, tc.o)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("Open(%q): %v", tc.dsn, err)
				}
				st.Close()
				return
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("Open(%q) = %v, want %v", tc.dsn, err, tc.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("an existing-only open created the file: %v", err)
	}
}

func TestDefaultAndSpoolPaths(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if d, err := DefaultDSN(env(nil), 0); err != nil || d != "sqlite:/var/lib/netcensus/netcensus.db" {
		t.Errorf("root default = %q, %v", d, err)
	}
	if _, err := DefaultDSN(env(nil), 1000); !errors.Is(err, ErrDSN) {
		t.Errorf("no home: %v, want ErrDSN", err)
	}
	for _, tc := range []struct {
		dsn  string
		env  map[string]string
		uid  int
		want string
	}{
		{"sqlite:/srv/nc/x.db", nil, 1000, "/srv/nc/spool.jsonl"},
		{"sqlite:/srv/nc/x.db", map[string]string{"XDG_STATE_HOME": "/st"}, 1000, "/st/netcensus/spool.jsonl"},
		{"clickhouse://h:9000/db", nil, 0, "/var/lib/netcensus/spool.jsonl"},
		{"clickhouse://h:9000/db", map[string]string{"HOME": "/home/u"}, 1000, "/home/u/.local/state/netcensus/spool.jsonl"},
	} {
		if got := SpoolPath(tc.dsn, env(tc.env), tc.uid); got != tc.want {
			t.Errorf("SpoolPath(%q, %v) = %q, want %q", tc.dsn, tc.env, got, tc.want)
		}
	}
}

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ dsn, want string }{
		{"clickhouse://user:secret@192.0.2.9:9000/cmdb", "clickhouse://…@192.0.2.9:9000/cmdb"},
		{"clickhouse://user@192.0.2.9:9000/cmdb", "clickhouse://…@192.0.2.9:9000/cmdb"},
		{"clickhouse://192.0.2.9:9000/cmdb", "clickhouse://192.0.2.9:9000/cmdb"},
		{"sqlite:/var/lib/netcensus/netcensus.db", "sqlite:/var/lib/netcensus/netcensus.db"},
	} {
		if got := Redact(tc.dsn); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.dsn, got, tc.want)
		}
	}
}

// TestOpenClickHouseRefusals: what is not a ClickHouse DSN is refused
// before anything is dialled.
func TestOpenClickHouseRefusals(t *testing.T) {
	for _, tc := range []struct{ dsn, msg string }{
		{"sqlite:/tmp/x.db", `--store "sqlite:/tmp/x.db" is not ClickHouse`},
		{"clickhouse://u:p@127.0.0.1:9/x", "not in the DSN"},
	} {
		db, err := OpenClickHouse(context.Background(), tc.dsn, Auth{})
		if !errors.Is(err, ErrDSN) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("OpenClickHouse(%q) = %v, %v; want ErrDSN saying %q", tc.dsn, db, err, tc.msg)
		}
	}
}

// CheckSQLite says a migrated file is current, an unmigrated one behind
// (without migrating it), and refuses a store that is not SQLite or not
// there.
func TestCheckSQLite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	fresh, current := filepath.Join(dir, "fresh.db"), filepath.Join(dir, "current.db")
	for _, p := range []string{fresh, current} {
		st, err := Open(ctx, "sqlite:"+p, Auth{}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if p == current {
			if _, err := st.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
		}
		st.Close()
	}
	path, v, err := CheckSQLite(ctx, "sqlite:"+current)
	if err != nil || path != current || v != sqlite.Latest() {
		t.Errorf("current: %q, version %d, %v; want %q at %d", path, v, err, current, sqlite.Latest())
	}
	for i := 0; i < 2; i++ { // checking migrates nothing: still behind
		if _, v, err := CheckSQLite(ctx, "sqlite:"+fresh); err == nil || v != 0 || !strings.Contains(err.Error(), "behind") || !strings.Contains(err.Error(), "no damage found") {
			t.Errorf("fresh: version %d, %v; want 0, behind", v, err)
		}
	}
	if _, _, err := CheckSQLite(ctx, "sqlite:"+filepath.Join(dir, "none.db")); !errors.Is(err, ErrNoStore) {
		t.Errorf("none there: %v, want ErrNoStore", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("checking a missing store created it")
	}
	if _, _, err := CheckSQLite(ctx, "postgres://db/x"); !errors.Is(err, ErrDSN) {
		t.Errorf("bad DSN: %v, want ErrDSN", err)
	}
}
