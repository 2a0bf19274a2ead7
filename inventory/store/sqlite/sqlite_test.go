package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/internal/owner/ownertest"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/storetest"
	"github.com/netcensus/netcensus/record"
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

// TestRefusedFolderUnchanged: checking a foreign database in WAL mode, or
// a store of a newer schema, refuses it and leaves its folder as it was:
// no -wal or -shm file beside it (#16, defect 7).
func TestRefusedFolderUnchanged(t *testing.T) {
	ctx := t.Context()
	for _, tc := range []struct {
		name string
		make func(path string)
		want error
	}{
		{"foreign-wal", func(path string) {
			db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(`CREATE TABLE photos (id INTEGER PRIMARY KEY); INSERT INTO photos VALUES (1)`); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}, store.ErrForeign},
		{"foreign-appid", func(path string) {
			db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(`PRAGMA application_id = 1234; CREATE TABLE t (x)`); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}, store.ErrForeign},
		{"newer", func(path string) {
			db, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := db.db.Exec(`PRAGMA user_version = 999`); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}, store.ErrSchemaNewer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "x.db")
			tc.make(path)
			before := listDir(t, dir)
			db, err := Open(ctx, path)
			if err == nil {
				db.Close()
				t.Fatalf("opened, want %v", tc.want)
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("%v, want %v", err, tc.want)
			}
			if after := listDir(t, dir); after != before {
				t.Errorf("folder was %q, is %q after the check", before, after)
			}
		})
	}
}

func listDir(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := ""
	for _, e := range es {
		s += e.Name() + " "
	}
	return s
}

// TestBusyIsNotForeign: a store another process holds locked is reported
// busy (store.ErrBusy), never as "not a netcensus store" (#16, defects 3
// and 7), whether the lock is met by the check or by a write.
func TestBusyIsNotForeign(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "netcensus.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Another process's exclusive lock: readers and writers are refused.
	holder, err := sql.Open("sqlite", "file:"+path+"?_pragma=locking_mode(EXCLUSIVE)")
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	holder.SetMaxOpenConns(1)
	if _, err := holder.Exec(`PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; INSERT INTO decisions VALUES ('d','0','merge','','','','','')`); err != nil {
		t.Fatal(err)
	}
	db2, err := OpenWith(ctx, path, Options{BusyTimeout: 50 * time.Millisecond})
	if err == nil {
		db2.Close()
		t.Fatal("opened a store another process holds locked")
	}
	if errors.Is(err, store.ErrForeign) || !errors.Is(err, store.ErrBusy) {
		t.Errorf("locked store: %v, want ErrBusy and not ErrForeign", err)
	}
}

// TestCodeClassification: only "not a database" and "corrupt" make a
// file foreign; a lock is busy; an I/O error is neither.
func TestCodeClassification(t *testing.T) {
	for _, tc := range []struct {
		code          int
		foreign, busy bool
	}{
		{5, false, true}, {5 | 2<<8, false, true}, {6, false, true},
		{10, false, false}, {10 | 1<<8, false, false}, {13, false, false}, {14, false, false},
		{11, true, false}, {26, true, false},
	} {
		err := fmt.Errorf("wrapped: %w", codeErr(tc.code))
		if got := foreign(err); got != tc.foreign {
			t.Errorf("code %d: foreign %v, want %v", tc.code, got, tc.foreign)
		}
		if got := errors.Is(busy(err), store.ErrBusy); got != tc.busy {
			t.Errorf("code %d: busy %v, want %v", tc.code, got, tc.busy)
		}
	}
}

type codeErr int

func (c codeErr) Error() string { return fmt.Sprintf("sqlite code %d", int(c)) }
func (c codeErr) Code() int     { return int(c) }

// TestAtomically: a failing transaction leaves nothing behind; a committed
// one keeps everything; reads inside see the transaction's writes.
func TestAtomically(t *testing.T) {
	ctx := t.Context()
	db := openTemp(t).(*DB)
	boom := errors.New("boom")
	t0 := time.Unix(1700000000, 0).UTC()
	err := db.Atomically(ctx, func(ctx context.Context, tx store.Store) error {
		if err := tx.PutSweep(ctx, store.Sweep{ID: "s1", Scanner: "x", Start: t0}); err != nil {
			return err
		}
		if _, err := tx.Sweep(ctx, "s1"); err != nil {
			return fmt.Errorf("read inside: %w", err)
		}
		if err := tx.AppendSoftware(ctx, []store.Software{{AssetID: "a", SweepID: "s1", Time: t0}}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Atomically: %v, want boom", err)
	}
	if _, err := db.Sweep(ctx, "s1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("rolled-back sweep: %v, want not found", err)
	}
	if sw, _ := db.Software(ctx, "a"); len(sw) != 0 {
		t.Errorf("rolled-back software kept: %v", sw)
	}
	if err := db.Atomically(ctx, func(ctx context.Context, tx store.Store) error {
		return tx.PutSweep(ctx, store.Sweep{ID: "s2", Scanner: "x", Start: t0})
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Sweep(ctx, "s2"); err != nil {
		t.Errorf("committed sweep: %v", err)
	}
}

// TestConcurrentFirstMigrate: processes that open a new store at once
// apply each migration once, none fails.
func TestConcurrentFirstMigrate(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "netcensus.db")
	const n = 4
	errs := make(chan error, n)
	total := make(chan int, n)
	for range n {
		go func() {
			db, err := Open(ctx, path)
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			k, err := db.Migrate(ctx)
			total <- k
			errs <- err
		}()
	}
	sum := 0
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	close(total)
	for k := range total {
		sum += k
	}
	if sum != len(migrations) {
		t.Errorf("%d steps applied in all, want %d", sum, len(migrations))
	}
}

// TestSearchMigrationFillsOldAssets: assets stored before the search
// index (schema 3) are found by a search once the store is migrated, with
// the text Go would write for them.
func TestSearchMigrationFillsOldAssets(t *testing.T) {
	ctx := t.Context()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "netcensus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for v, m := range migrations[:3] {
		if _, err := db.db.Exec(m); err != nil {
			t.Fatalf("migration %d: %v", v+1, err)
		}
	}
	if _, err := db.db.Exec(`PRAGMA user_version = 3`); err != nil {
		t.Fatal(err)
	}
	old := []struct{ id, data string }{
		{"a1", `{"ip":"192.0.2.1","ips":["192.0.2.1","2001:db8::1"],"mac":"00:1b:54:aa:00:01","hostname":"Core-SW1","serial":"FOC1","model":"WS-C3850"}`},
		{"a2", `{"ip":"198.51.100.2","macs":["3c:22:fb:00:00:02","3c:22:fb:00:00:12"]}`},
		{"a3", `{}`},
	}
	for _, o := range old {
		if _, err := db.db.Exec(`INSERT INTO assets (id, state, state_since, first_seen, last_seen, missed_sweeps, last_sweep_id,
			merged_into, ip, vendor, mac_vendor, device_type, data) VALUES (?, 'active', 0, 0, 0, 0, '', '', '', '', '', '', ?)`, o.id, o.data); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := db.Migrate(ctx); err != nil || n != len(migrations)-3 {
		t.Fatalf("migrate from 3: %d steps, %v", n, err)
	}
	all, err := db.Assets(ctx, store.AssetFilter{})
	if err != nil || len(all) != 3 {
		t.Fatalf("assets: %d %v", len(all), err)
	}
	for _, a := range all {
		var got string
		if err := db.db.QueryRow(`SELECT search FROM assets WHERE id = ?`, a.Record.AssetID).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if want := store.SearchText(&a.Record); got != want {
			t.Errorf("%s: migrated search text %q, Go writes %q", a.Record.AssetID, got, want)
		}
	}
	for q, want := range map[string]string{"2001:db8::1": "a1", "core-sw": "a1", "fb:00:00:12": "a2", "c3850": "a1"} {
		as, err := db.Assets(ctx, store.AssetFilter{Search: q})
		if err != nil || len(as) != 1 || as[0].Record.AssetID != want {
			t.Errorf("search %q after the migration: %d assets %v, want %s", q, len(as), err, want)
		}
	}
}

// A search pages through the same assets, in the same order, whether a
// probe of the next assets in ID order answers it (a search most match)
// or the trigram index does (one few match). The probe is a tenth of
// searchProbe: the same paths, a tenth of the rows and pages.
func TestSearchProbeAndIndexAgree(t *testing.T) {
	db := openTemp(t).(*DB)
	db.probe = searchProbe / 10
	ctx := t.Context()
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var as []store.Asset
	n := db.probe + 200
	for i := range n {
		at := base.Add(time.Duration(i) * time.Second)
		name := fmt.Sprintf("host-%05d", i)
		if i%7 == 0 {
			name = fmt.Sprintf("printer-%05d", i)
		}
		as = append(as, store.Asset{Record: record.Asset{AssetID: store.NewUUID(at), Hostname: name, State: store.StateActive,
			IP: netip.AddrFrom4([4]byte{198, 18, byte(i >> 8), byte(i)}), FirstSeen: at, LastSeen: at}})
	}
	if err := db.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"host", "HOST-0", "printer", "host-00421", "rinter-0000", "zzz", "198.18.1"} {
		var want []string
		for i := range as {
			if store.SearchMatch(&as[i].Record, q) {
				want = append(want, as[i].Record.AssetID)
			}
		}
		slices.Sort(want)
		for _, limit := range []int{50, db.probe / 4} {
			var got []string
			f := store.AssetFilter{Search: q, Limit: limit}
			for pages := 0; pages <= n/limit+1; pages++ {
				page, err := db.Assets(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, a := range page {
					got = append(got, a.Record.AssetID)
				}
				if len(page) < limit {
					break
				}
				f.After = page[len(page)-1].Record.AssetID
			}
			if !slices.Equal(got, want) {
				t.Errorf("search %q by pages of %d: %d assets, want %d", q, limit, len(got), len(want))
			}
		}
	}
}

// TestRootsStoreInTheServiceDirectoryStaysTheServices: root's CLI sweeping
// into /var/lib/netcensus, which the package gives the netcensus user,
// must not leave files the service cannot open: the store, its -wal and
// its -shm take the directory's owner.
func TestRootsStoreInTheServiceDirectoryStaysTheServices(t *testing.T) {
	path := filepath.Join(ownertest.ServiceDir(t), "netcensus.db")
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	ownertest.CheckOwned(t, "open", path, path+"-wal", path+"-shm")
}
