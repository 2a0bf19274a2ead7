package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/storetest"
)

func openTemp(t *testing.T) store.Store {
	t.Helper()
	db, err := Open(t.Context(), filepath.Join(t.TempDir(), "netcensus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	n, err := db.Migrate(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if n != len(migrations) {
		t.Fatalf("first Migrate applied %d steps, want %d", n, len(migrations))
	}
	return db
}

func TestContract(t *testing.T) { storetest.Run(t, openTemp) }

func TestReopenAppliesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x", "netcensus.db")
	for i, want := range []int{len(migrations), 0} {
		db, err := Open(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		n, err := db.Migrate(t.Context())
		db.Close()
		if err != nil || n != want {
			t.Fatalf("run %d: applied %d (%v), want %d", i, n, err, want)
		}
	}
	var mode string
	db, _ := sql.Open("sqlite", "file:"+path)
	defer db.Close()
	db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal mode %q, want wal", mode)
	}
}

// TestRefuses: a foreign or corrupt file, or a newer schema, is an error
// and the file is left byte for byte as it was.
func TestRefuses(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	foreign := filepath.Join(dir, "foreign.db")
	{
		db, err := sql.Open("sqlite", "file:"+foreign)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos VALUES (1, 'cat')`); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	newer := filepath.Join(dir, "newer.db")
	{
		db, err := Open(ctx, newer)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := db.db.Exec(`PRAGMA user_version = 999`); err != nil {
			t.Fatal(err)
		}
		db.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
		db.Close()
	}
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, bytes.Repeat([]byte("these are not the droids\n"), 100), 0o600)
	corrupt := filepath.Join(dir, "corrupt.db")
	{
		b, _ := os.ReadFile(newer)
		b[0], b[len(b)/2] = 'X', 0xff
		os.WriteFile(corrupt, b[:len(b)-100], 0o600)
	}
	for _, tc := range []struct {
		path string
		want error
	}{
		{foreign, store.ErrForeign},
		{newer, store.ErrSchemaNewer},
		{text, store.ErrForeign},
		{corrupt, store.ErrForeign},
	} {
		before, _ := os.ReadFile(tc.path)
		db, err := Open(ctx, tc.path)
		if err == nil {
			db.Close()
			t.Errorf("%s: opened, want %v", filepath.Base(tc.path), tc.want)
			continue
		}
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", filepath.Base(tc.path), err, tc.want)
		}
		after, _ := os.ReadFile(tc.path)
		if !bytes.Equal(before, after) {
			t.Errorf("%s: file changed", filepath.Base(tc.path))
		}
		if _, err := os.Stat(tc.path + "-wal"); err == nil && tc.want == store.ErrForeign {
			t.Errorf("%s: a WAL file was created", filepath.Base(tc.path))
		}
	}
}

func TestDefaultPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, tc := range []struct {
		env  map[string]string
		uid  int
		want string
	}{
		{map[string]string{"XDG_DATA_HOME": "/x"}, 1000, "/x/netcensus/netcensus.db"},
		{map[string]string{"HOME": "/home/u"}, 1000, "/home/u/.local/share/netcensus/netcensus.db"},
		{map[string]string{"XDG_DATA_HOME": "/x"}, 0, "/x/netcensus/netcensus.db"}, // explicit wins
		{map[string]string{"HOME": "/root"}, 0, "/var/lib/netcensus/netcensus.db"},
		{map[string]string{}, 1000, ""},
	} {
		if got := DefaultPath(env(tc.env), tc.uid); got != tc.want {
			t.Errorf("%v uid %d: %s, want %s", tc.env, tc.uid, got, tc.want)
		}
	}
}

// FuzzOpen: whatever a file holds, Open either accepts it (an empty file,
// or a valid store) or refuses it with a clear error, never panics, and
// never changes a file it refuses.
func FuzzOpen(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("SQLite format 3\x00"))
	f.Add(append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0}, 200)...))
	f.Add(bytes.Repeat([]byte("x"), 4096))
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(t.TempDir(), "f.db")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		db, err := Open(context.Background(), path)
		if err == nil {
			db.Close()
			return
		}
		if !errors.Is(err, store.ErrForeign) && !errors.Is(err, store.ErrSchemaNewer) {
			// Other errors (I/O) are possible but must name the file.
			if !bytes.Contains([]byte(err.Error()), []byte(path)) {
				t.Errorf("error does not name the file: %v", err)
			}
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, b) {
			t.Error("a refused file was changed")
		}
	})
}
