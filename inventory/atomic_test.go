package inventory

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// failing is a store whose event writes fail (a full disk, a table
// missing) after the writes before them went through.
type failing struct {
	store.Store
	prune bool // Prune fails instead of AppendEvents
}

var errDiskFull = errors.New("database or disk is full")

func (f *failing) AppendEvents(ctx context.Context, es []store.Event) error {
	if len(es) == 0 || f.prune {
		return f.Store.AppendEvents(ctx, es)
	}
	return errDiskFull
}

func (f *failing) Prune(ctx context.Context, before time.Time) (store.PruneStats, error) {
	if f.prune {
		return store.PruneStats{}, errDiskFull
	}
	return f.Store.Prune(ctx, before)
}

func (f *failing) Atomically(ctx context.Context, fn func(ctx context.Context, tx store.Store) error) error {
	return f.Store.(store.Atomic).Atomically(ctx, func(ctx context.Context, tx store.Store) error {
		return fn(ctx, &failing{Store: tx, prune: f.prune})
	})
}

// counts is every table's row count, by what a user can list.
func counts(t *testing.T, st store.Store) map[string]int {
	t.Helper()
	ctx := t.Context()
	sws, err := st.Sweeps(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	obs, _ := st.Observations(ctx, "", "")
	as, _ := st.Assets(ctx, store.AssetFilter{IncludeMerged: true})
	ks, _ := st.Keys(ctx)
	es, _ := st.Events(ctx, store.EventFilter{})
	ds, _ := st.Decisions(ctx)
	sw, _ := st.LatestSoftware(ctx, nil)
	ann := 0
	for _, a := range as {
		if n, _ := st.Annotation(ctx, a.Record.AssetID); n.Approved || n.Site != "" || n.Owner != "" {
			ann++
		}
	}
	return map[string]int{"sweeps": len(sws), "observations": len(obs), "assets": len(as), "keys": len(ks),
		"events": len(es), "decisions": len(ds), "software": len(sw), "annotations": ann}
}

func same(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}

// TestFailedIngestStoresNothing: an ingest that fails part way (its
// events, or the prune after it) leaves no sweep row, no observation, no
// asset, no software: all of the sweep or nothing, and an error means
// nothing was stored, so a spooled sweep is never stored twice (#16,
// defect 6).
func TestFailedIngestStoresNothing(t *testing.T) {
	for _, prune := range []bool{false, true} {
		inv := newInv(t, Config{MissingAfterSweeps: 1, Retention: time.Hour})
		ingest(t, inv, sweep(t0, false, arp("192.0.2.10", macA)))
		before := counts(t, inv.st)
		bad := New(&failing{Store: inv.st, prune: prune}, inv.res, inv.cfg, nil)
		o := arp("192.0.2.11", macB)
		o.Asset.Software = []record.Software{{Name: "openssh", Version: "9.2"}}
		if _, err := bad.Ingest(t.Context(), sweep(t0.Add(time.Hour), false, arp("192.0.2.10", macA), o)); !errors.Is(err, errDiskFull) {
			t.Fatalf("prune fails %v: ingest: %v, want the store's error", prune, err)
		}
		if after := counts(t, inv.st); !same(before, after) {
			t.Errorf("prune fails %v: a failed ingest left rows: before %v, after %v", prune, before, after)
		}
	}
}

// TestFailedActionsStoreNothing: approve, set, merge, split and retire
// whose events fail leave no annotation, key, decision or state behind
// (#16, defect 6).
func TestFailedActionsStoreNothing(t *testing.T) {
	inv := newInv(t, Config{MissingAfterSweeps: 1})
	ingest(t, inv, sweep(t0, false, arp("192.0.2.10", macA), arp("192.0.2.11", macB)))
	as, _ := inv.st.Assets(t.Context(), store.AssetFilter{})
	a, b := as[0].Record.AssetID, as[1].Record.AssetID
	before := counts(t, inv.st)
	bad := New(&failing{Store: inv.st}, inv.res, inv.cfg, nil)
	ctx := t.Context()
	site := "lab"
	for name, run := range map[string]func() error{
		"approve --all-current": func() error { _, err := bad.Approve(ctx, "ana", true); return err },
		"set":                   func() error { return bad.Set(ctx, "ana", a, Changes{Site: &site}) },
		"merge":                 func() error { return bad.Merge(ctx, "ana", a, b) },
		"split":                 func() error { return bad.Split(ctx, "ana", a, []string{macA}) },
		"retire":                func() error { return bad.Retire(ctx, "ana", a) },
	} {
		if err := run(); !errors.Is(err, errDiskFull) {
			t.Errorf("%s: %v, want the store's error", name, err)
		}
		if after := counts(t, inv.st); !same(before, after) {
			t.Errorf("%s failed and left rows: before %v, after %v", name, before, after)
		}
		if st := state(t, inv); st[macA] != store.StateNew || st[macB] != store.StateNew {
			t.Errorf("%s failed and changed states: %v", name, st)
		}
	}
}

// busyStore is busy for its first n transactions.
type busyStore struct {
	store.Store
	n, calls int
}

func (b *busyStore) Atomically(ctx context.Context, fn func(ctx context.Context, tx store.Store) error) error {
	b.calls++
	if b.calls <= b.n {
		return store.ErrBusy
	}
	return b.Store.(store.Atomic).Atomically(ctx, fn)
}

// TestIngestBusyRetried: a busy store is tried again, at most
// BusyAttempts times in all, and the retries are reported; past that the
// ingest fails busy, so the caller spools the sweep (#16, defect 3).
func TestIngestBusyRetried(t *testing.T) {
	inv := newInv(t, Config{MissingAfterSweeps: 1})
	for _, tc := range []struct {
		busy, retries int
		ok            bool
	}{{0, 0, true}, {BusyAttempts - 1, BusyAttempts - 1, true}, {BusyAttempts, BusyAttempts - 1, false}} {
		bs := &busyStore{Store: inv.st, n: tc.busy}
		res, err := New(bs, inv.res, inv.cfg, nil).Ingest(t.Context(), sweep(t0, false, arp("192.0.2.10", macA)))
		if tc.ok != (err == nil) || (!tc.ok && !errors.Is(err, store.ErrBusy)) || res.Retries != tc.retries {
			t.Errorf("busy %d times: retries %d, %v; want %d retries, ok %v", tc.busy, res.Retries, err, tc.retries, tc.ok)
		}
	}
}
