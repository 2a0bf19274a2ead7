package spool

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/internal/owner/ownertest"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/clickhouse"
	"github.com/netcensus/netcensus/inventory/store/clickhouse/chtest"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
)

var lab *chtest.Lab

func TestMain(m *testing.M) {
	lab = chtest.Setup()
	code := m.Run()
	lab.Close()
	os.Exit(code)
}

var t0 = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)

// sweep makes a sweep of n hosts in 192.0.2.0/24, each seen by ARP.
func sweep(n int, at time.Time) inventory.Sweep {
	sw := inventory.Sweep{Start: at, End: at.Add(time.Minute), Segments: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}}
	for i := 0; i < n; i++ {
		var o record.Observation
		o.Time, o.Source, o.Scanner = at, record.SourceARP, "site-a"
		o.Asset.IP = netip.AddrFrom4([4]byte{192, 0, 2, byte(i + 1)})
		o.Asset.MAC, _ = record.ParseMAC(fmt.Sprintf("02:00:00:00:00:%02x", i+1))
		sw.Observations = append(sw.Observations, o)
	}
	return sw
}

func newInv(t *testing.T, st store.Store) *inventory.Inventory {
	res, err := identity.New(nil, identity.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	return inventory.New(st, res, inventory.Config{Scanner: "site-a", MissingAfterSweeps: 3}, nil)
}

func TestAddFullAndOrder(t *testing.T) {
	dir := t.TempDir()
	s := New(filepath.Join(dir, "spool.jsonl"), 3000)
	a, b := sweep(3, t0), sweep(3, t0.Add(time.Hour))
	a.ID, b.ID = "sweep-a", "sweep-b"
	if err := s.Add(a); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(b); err != nil {
		t.Fatal(err)
	}
	big := sweep(40, t0)
	big.ID = "sweep-big"
	if err := s.Add(big); !errors.Is(err, ErrFull) {
		t.Fatalf("over the cap: %v, want ErrFull", err)
	}
	if n, err := s.Len(); err != nil || n != 2 {
		t.Fatalf("len %d %v, want 2 (the refused sweep is not kept)", n, err)
	}
	got, err := readAll(s)
	if err != nil || got[0].ID != "sweep-a" || got[1].ID != "sweep-b" || len(got[1].Observations) != 3 ||
		got[1].Observations[2].Asset.IP != b.Observations[2].Asset.IP {
		t.Fatalf("read back %+v %v", got, err)
	}
	if err := s.Add(inventory.Sweep{}); err == nil {
		t.Error("a sweep without an ID was spooled")
	}
}

func TestTornLastLineIgnored(t *testing.T) {
	p := filepath.Join(t.TempDir(), "spool.jsonl")
	s := New(p, 0)
	a := sweep(1, t0)
	a.ID = "a"
	if err := s.Add(a); err != nil {
		t.Fatal(err)
	}
	f, _ := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"ID":"torn","Obs`)
	f.Close()
	if n, err := s.Len(); err != nil || n != 1 {
		t.Fatalf("len %d %v, want 1", n, err)
	}
}

func TestUnreachable(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{&net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}, true},
		{fmt.Errorf("open clickhouse: %w", syscall.ECONNREFUSED), true},
		{fmt.Errorf("x: %w", store.ErrSchemaNewer), false},
		{fmt.Errorf("x: %w", store.ErrForeign), false},
		{errors.New("syntax error"), false},
		{nil, false},
	} {
		if got := Unreachable(tc.err); got != tc.want {
			t.Errorf("Unreachable(%v) = %v", tc.err, got)
		}
	}
}

// TestDeliverSQLite: the store refuses connections for one run, the sweep
// spools; the next run replays it, then stores its own; each observation
// is stored once; a third run replays nothing.
func TestDeliverSQLite(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s := New(filepath.Join(dir, "spool.jsonl"), 0)
	down := true
	open := func(ctx context.Context) (*inventory.Inventory, func(), error) {
		if down {
			return nil, nil, fmt.Errorf("open store: %w", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED})
		}
		db, err := sqlite.Open(ctx, filepath.Join(dir, "netcensus.db"))
		if err != nil {
			return nil, nil, err
		}
		if _, err := db.Migrate(ctx); err != nil {
			db.Close()
			return nil, nil, err
		}
		return newInv(t, db), func() { db.Close() }, nil
	}
	checkOnce(t, s, open, func() { down = false }, func(f func(store.Store)) {
		db, err := sqlite.Open(ctx, filepath.Join(dir, "netcensus.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		f(db)
	})
}

// TestDeliverClickHouse: ClickHouse is stopped during a sweep's ingest;
// the sweep spools; the server is restarted; the next run replays it and
// every observation arrives exactly once (counted by UUID).
func TestDeliverClickHouse(t *testing.T) {
	srv := lab.Need(t)
	ctx := t.Context()
	o := clickhouse.Options{Addr: srv.Addr, Database: fmt.Sprintf("spool_%d_%d", os.Getpid(), time.Now().UnixNano()), DialTimeout: 2 * time.Second}
	open := func(ctx context.Context) (*inventory.Inventory, func(), error) {
		db, err := clickhouse.Open(ctx, o)
		if err != nil {
			return nil, nil, err
		}
		if _, err := db.Migrate(ctx); err != nil {
			db.Close()
			return nil, nil, err
		}
		return newInv(t, db), func() { db.Close() }, nil
	}
	// The store exists and works before the outage.
	inv, done, err := open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	done()
	_ = inv
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	restarted := false
	t.Cleanup(func() {
		if !restarted {
			srv.Restart(context.Background())
		}
	})
	s := New(filepath.Join(t.TempDir(), "spool.jsonl"), 0)
	checkOnce(t, s, open, func() {
		if err := srv.Restart(ctx); err != nil {
			t.Fatal(err)
		}
		restarted = true
	}, func(f func(store.Store)) {
		db, err := clickhouse.Open(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		f(db)
	})
}

func checkOnce(t *testing.T, s *Spool, open Opener, recover func(), with func(func(store.Store))) {
	ctx := t.Context()
	first := sweep(50, t0)
	out, err := s.Deliver(ctx, open, first)
	if err != nil || !out.Spooled {
		t.Fatalf("deliver while down: %+v %v, want spooled", out, err)
	}
	if n, _ := s.Len(); n != 1 {
		t.Fatalf("spool holds %d sweeps, want 1", n)
	}
	recover()
	second := sweep(50, t0.Add(time.Hour))
	out, err = s.Deliver(ctx, open, second)
	if err != nil || out.Spooled || out.Replayed != 1 {
		t.Fatalf("deliver after recovery: %+v %v, want 1 replayed and stored", out, err)
	}
	out, err = s.Deliver(ctx, open, sweep(50, t0.Add(2*time.Hour)))
	if err != nil || out.Replayed != 0 {
		t.Fatalf("third run: %+v %v, want nothing replayed", out, err)
	}
	if n, _ := s.Len(); n != 0 {
		t.Fatalf("spool still holds %d", n)
	}
	with(func(st store.Store) {
		all, err := st.Observations(ctx, "", "")
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		perSweep := map[string]int{}
		for _, o := range all {
			if ids[o.ID] {
				t.Errorf("observation %s stored twice", o.ID)
			}
			ids[o.ID] = true
			perSweep[o.SweepID]++
		}
		sws, err := st.Sweeps(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(sws) != 3 || len(ids) != 150 {
			t.Fatalf("%d sweeps, %d distinct observations; want 3 and 150", len(sws), len(ids))
		}
		for _, sw := range sws {
			if perSweep[sw.ID] != 50 || sw.End.IsZero() {
				t.Errorf("sweep %s: %d observations (want 50), end %v", sw.ID, perSweep[sw.ID], sw.End)
			}
		}
	})
}

// readAll reads every spooled sweep.
func readAll(s *Spool) ([]inventory.Sweep, error) {
	f, err := os.Open(s.path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []inventory.Sweep
	_, err = scan(f, func(_ int, sw inventory.Sweep) error {
		out = append(out, sw)
		return nil
	})
	return out, err
}

// FuzzRead: any spool file content scans without panicking; what is kept
// from where a scan stopped scans again, and Len counts no fewer lines
// than scan decoded.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`{"ID":"a","Start":"2026-03-04T05:06:07Z","Observations":[{"time":"2026-03-04T05:06:07Z","source":"arp","asset":{"ip":"192.0.2.1"}}]}` + "\n"))
	f.Add([]byte("{\"ID\":\"torn\""))
	f.Add([]byte("\n\n"))
	f.Add([]byte(`{"ID":"a"}` + "\nnot json\n" + `{"ID":"b"}` + "\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "spool.jsonl")
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		s := New(p, 0)
		got, _ := readAll(s)
		if n, err := s.Len(); err != nil || n < len(got) {
			t.Fatalf("len %d (%v), but %d sweeps decoded", n, err, len(got))
		}
		fh, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer fh.Close()
		stop, _ := scan(fh, func(int, inventory.Sweep) error { return nil })
		if err := s.keepFrom(fh, stop); err != nil {
			t.Fatal(err)
		}
		rest, err := os.ReadFile(p)
		if err != nil || string(rest) != string(b[stop:]) {
			t.Fatalf("kept %q (%v), want %q", rest, err, b[stop:])
		}
	})
}

// brokenStore fails every asset write, as a full disk or a dropped table
// does, after the writes before it went through.
type brokenStore struct{ store.Store }

func (b brokenStore) PutAssets(context.Context, []store.Asset) error {
	return errors.New("database or disk is full (13)")
}

// TestDeliverSpoolsAnyStoreFailure: a sweep whose ingest fails for any
// reason that is not the user's (full disk, missing table, busy) is
// spooled, and the next run replays it once, with nothing half-stored in
// between (#16, defect 6); a foreign store or one of a newer netcensus is
// the user's to fix, and is reported, not spooled.
func TestDeliverSpoolsAnyStoreFailure(t *testing.T) {
	dir := t.TempDir()
	s := New(filepath.Join(dir, "spool.jsonl"), 0)
	broken := true
	open := func(ctx context.Context) (*inventory.Inventory, func(), error) {
		db, err := sqlite.Open(ctx, filepath.Join(dir, "netcensus.db"))
		if err != nil {
			return nil, nil, err
		}
		if _, err := db.Migrate(ctx); err != nil {
			db.Close()
			return nil, nil, err
		}
		var st store.Store = db
		if broken {
			st = brokenStore{db}
		}
		return newInv(t, st), func() { db.Close() }, nil
	}
	checkOnce(t, s, open, func() { broken = false }, func(f func(store.Store)) {
		db, err := sqlite.Open(t.Context(), filepath.Join(dir, "netcensus.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		f(db)
	})
	for _, cause := range []error{store.ErrForeign, store.ErrSchemaNewer} {
		refuse := func(context.Context) (*inventory.Inventory, func(), error) {
			return nil, nil, fmt.Errorf("open store: %w", cause)
		}
		out, err := s.Deliver(t.Context(), refuse, sweep(1, t0))
		if !errors.Is(err, cause) || out.Spooled {
			t.Errorf("%v: %+v %v, want the error and nothing spooled", cause, out, err)
		}
	}
}

// TestReplayStreams (issue 16): the replay takes the spool one sweep at a
// time. Sweeps before a line that does not decode are stored and leave
// the spool; the bad line and those after it stay, and the error names it.
// (A replay that read the whole spool first stored nothing.)
func TestReplayStreams(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	p := filepath.Join(dir, "spool.jsonl")
	s := New(p, 0)
	for i, id := range []string{"sweep-a", "sweep-b"} {
		sw := sweep(3, t0.Add(time.Duration(i)*time.Hour))
		sw.ID = id
		if err := s.Add(sw); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("{\"ID\":\"bad\",\"Start\":\"yesterday\"}\n")
	f.Close()
	c := sweep(3, t0.Add(3*time.Hour))
	c.ID = "sweep-c"
	if err := s.Add(c); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(dir, "netcensus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	n, err := s.Replay(ctx, newInv(t, db))
	if n != 2 || err == nil || !strings.Contains(err.Error(), "line 3 does not decode") {
		t.Fatalf("replay: %d stored, %v; want 2 and an error naming line 3", n, err)
	}
	if sws, _ := db.Sweeps(ctx, 0); len(sws) != 2 {
		t.Errorf("%d sweeps stored, want 2", len(sws))
	}
	rest, err := readAll(s)
	if err == nil || len(rest) != 0 {
		t.Errorf("the spool kept %d sweeps before its bad line (%v)", len(rest), err)
	}
	if n, _ := s.Len(); n != 2 {
		t.Errorf("spool holds %d lines, want the bad one and sweep-c", n)
	}
	// Once the bad line is removed, the rest replays and the spool goes.
	b, _ := os.ReadFile(p)
	_, after, _ := strings.Cut(string(b), "\n")
	os.WriteFile(p, []byte(after), 0o600)
	if n, err := s.Replay(ctx, newInv(t, db)); n != 1 || err != nil {
		t.Fatalf("second replay: %d, %v", n, err)
	}
	if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("spool left after a full replay: %v", err)
	}
}

// TestDeliverTo: with no place for a spool, a sweep goes straight to the
// store, and a store out of reach is an error (the sweep is kept
// nowhere, so it must not look stored); with one, Deliver's spooling.
func TestDeliverTo(t *testing.T) {
	dir := t.TempDir()
	refused := func(context.Context) (*inventory.Inventory, func(), error) {
		return nil, nil, fmt.Errorf("open store: %w", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED})
	}
	out, err := DeliverTo(t.Context(), "", 0, refused, sweep(2, t0))
	if !errors.Is(err, syscall.ECONNREFUSED) || out.Spooled {
		t.Errorf("no spool, store refused: %+v, %v; want the error", out, err)
	}
	open := func(ctx context.Context) (*inventory.Inventory, func(), error) {
		db, err := sqlite.Open(ctx, filepath.Join(dir, "netcensus.db"))
		if err != nil {
			return nil, nil, err
		}
		if _, err := db.Migrate(ctx); err != nil {
			db.Close()
			return nil, nil, err
		}
		return newInv(t, db), func() { db.Close() }, nil
	}
	out, err = DeliverTo(t.Context(), "", 0, open, sweep(2, t0))
	if err != nil || out.Spooled || out.Path != "" || out.Result.Sweep.Assets != 2 {
		t.Errorf("no spool, store up: %+v, %v", out, err)
	}
	path := filepath.Join(dir, "spool.jsonl")
	out, err = DeliverTo(t.Context(), path, 0, refused, sweep(1, t0.Add(time.Hour)))
	if err != nil || !out.Spooled || out.Path != path {
		t.Fatalf("spool, store refused: %+v, %v", out, err)
	}
	out, err = DeliverTo(t.Context(), path, 0, open, sweep(1, t0.Add(2*time.Hour)))
	if err != nil || out.Spooled || out.Replayed != 1 {
		t.Errorf("spool, store back: %+v, %v; want the spooled sweep replayed", out, err)
	}
}

func TestOutcomeWrite(t *testing.T) {
	sw := sweep(3, t0)
	sw.ID = "0190-sweep"
	for _, tc := range []struct {
		name     string
		o        Outcome
		replayed string
		stored   string
	}{
		{"stored", Outcome{Result: inventory.Result{Sweep: store.Sweep{ID: "s1", Assets: 3, New: 2, Missing: 1}, Events: make([]store.Event, 4)}},
			"", "stored: sweep=s1 assets=3 new=2 missing=1 events=4\n"},
		{"partial after retries and a replay", Outcome{Replayed: 2, Path: "/s/spool.jsonl", Result: inventory.Result{Sweep: store.Sweep{ID: "s1", Assets: 3, Partial: true}, Retries: 2}},
			"stored: 2 spooled sweep(s) replayed from /s/spool.jsonl\n",
			"store: busy; stored after 2 retries\nstored: sweep=s1 assets=3 new=0 missing=0 events=0 (partial: nothing marked missing)\n"},
		{"spooled", Outcome{Spooled: true, Cause: errors.New("connection refused"), Path: "/s/spool.jsonl"},
			"", "store: sweep 0190-sweep not stored (connection refused): its 3 observations are spooled to /s/spool.jsonl; the next run that reaches the store replays it\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r, s strings.Builder
			tc.o.WriteReplayed(&r)
			tc.o.WriteStored(&s, sw)
			if r.String() != tc.replayed || s.String() != tc.stored {
				t.Errorf("replayed %q, stored %q\nwant %q, %q", r.String(), s.String(), tc.replayed, tc.stored)
			}
		})
	}
}

// TestRootsSpoolInTheServiceDirectoryStaysTheServices: the spool, its lock
// and its rewrite, made by root in a directory the service user owns, are
// that user's, so the service can still lock and replay them.
func TestRootsSpoolInTheServiceDirectoryStaysTheServices(t *testing.T) {
	dir := ownertest.ServiceDir(t)
	s := New(filepath.Join(dir, "spool.jsonl"), 0)
	for i := 0; i < 2; i++ {
		sw := sweep(1, t0.Add(time.Duration(i)*time.Hour))
		sw.ID = fmt.Sprintf("s%d", i)
		if err := s.Add(sw); err != nil {
			t.Fatal(err)
		}
	}
	ownertest.CheckOwned(t, "after Add", s.Path(), s.Path()+".lock")
	// The rewrite that keeps the sweeps from the second on.
	f, err := os.Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	off, err := scan(f, func(n int, _ inventory.Sweep) error {
		if n == 2 {
			return errors.New("stop at the second")
		}
		return nil
	})
	if err == nil || off == 0 {
		t.Fatalf("scan stopped at %d (%v), want the second line", off, err)
	}
	if err := s.keepFrom(f, off); err != nil {
		t.Fatal(err)
	}
	f.Close()
	ownertest.CheckOwned(t, "after a rewrite", s.Path(), s.Path()+".lock")
}
