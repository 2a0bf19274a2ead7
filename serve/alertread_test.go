package serve

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
)

// countingStore counts the events the store hands out.
type countingStore struct {
	*sqlite.DB
	mu          sync.Mutex
	calls, rows int
}

func (c *countingStore) Events(ctx context.Context, f store.EventFilter) ([]store.Event, error) {
	es, err := c.DB.Events(ctx, f)
	c.count(len(es))
	return es, err
}

func (c *countingStore) EventsStored(ctx context.Context, pos string, types []string, limit int) ([]store.Event, string, error) {
	es, next, err := c.DB.EventsStored(ctx, pos, types, limit)
	c.count(len(es))
	return es, next, err
}

func (c *countingStore) count(rows int) {
	c.mu.Lock()
	c.calls++
	c.rows += rows
	c.mu.Unlock()
}

func (c *countingStore) read() (calls, rows int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.calls, c.rows
}

// newCountingHarness is newHarness with the inventory's store counting
// the events read.
func newCountingHarness(t *testing.T, path string, opts Options, nw *network) (*harness, *countingStore) {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), "netcensus.db")
	}
	db, _ := openInv(t, path)
	cs := &countingStore{DB: db}
	res, err := identity.New(nil, identity.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	inv := inventory.New(cs, res, inventory.Config{Scanner: "test", MissingAfterSweeps: 1}, nil)
	logs := &syncBuffer{}
	h := &harness{t: t, path: path, st: db, inv: inv, net: nw, logs: logs}
	if h.srv, err = New(opts, Deps{Inventory: inv, State: db, Sweep: nw.sweeper(inv),
		Log: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}); err != nil {
		t.Fatal(err)
	}
	return h, cs
}

// idle waits for n more rounds of the alert loop (each reads the events
// once at least) and returns the events they read.
func idle(t *testing.T, cs *countingStore, n int) int {
	t.Helper()
	c0, r0 := cs.read()
	until(t, fmt.Sprint(n, " rounds of the alert loop"), 20*time.Second, func() bool { c, _ := cs.read(); return c >= c0+n })
	_, r := cs.read()
	return r - r0
}

// The alert loop reads only what is new: once the events are queued, its
// rounds read none (it read the last 10 minutes of events every round),
// and across a restart each alert is delivered once and the events from
// before it are read at most once more.
func TestAlertLoopReadsOnlyNewEvents(t *testing.T) {
	rcv := newReceiver(t)
	opts := testOptions()
	opts.Sinks = []Sink{{Name: "hook", Kind: SinkWebhook, URL: rcv.srv.URL, HMAC: hmacSecret}}
	nw := newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10", "192.0.2.11": "00:1b:54:00:00:11", "192.0.2.12": "00:1b:54:00:00:12"})
	h, cs := newCountingHarness(t, "", opts, nw)
	h.start()
	h.sweepNow()
	until(t, "three new_unapproved alerts", 10*time.Second, func() bool { return len(rcv.payloads(AlertNewUnapproved)) == 3 })
	idle(t, cs, 2) // the round that queued them ends
	if rows := idle(t, cs, 30); rows != 0 {
		t.Errorf("30 idle rounds read %d events, want 0", rows)
	}
	before, err := h.st.Events(t.Context(), store.EventFilter{Types: alertTypes})
	if err != nil {
		t.Fatal(err)
	}
	h.stop()

	// Restart; a host goes down meanwhile (a CLI sweep, say).
	h2, cs2 := newCountingHarness(t, h.path, opts, nw)
	nw.set("192.0.2.12", "")
	h2.sweepNow()
	h2.start()
	until(t, "a missing alert", 10*time.Second, func() bool { return len(rcv.payloads(AlertMissing)) == 1 })
	idle(t, cs2, 2)
	_, all := cs2.read()
	es, err := h2.st.Events(t.Context(), store.EventFilter{Types: alertTypes})
	if err != nil {
		t.Fatal(err)
	}
	// The new events once; those of sweeps that ended within the
	// lookback before the restart at most once more.
	if all > len(es)+len(before) {
		t.Errorf("after the restart the loop read %d events of %d stored (%d before it): some more than twice", all, len(es), len(before))
	}
	if rows := idle(t, cs2, 30); rows != 0 {
		t.Errorf("30 idle rounds after the restart read %d events, want 0", rows)
	}
	keys := map[string]int{}
	for _, p := range rcv.payloads("") {
		keys[p.IdempotencyKey]++
	}
	if len(keys) != 4 {
		t.Errorf("%d alerts delivered, want 4 (3 new_unapproved, 1 missing)", len(keys))
	}
	for k, n := range keys {
		if n != 1 {
			t.Errorf("alert %s delivered %d times", k, n)
		}
	}
}

// More alertable events in one second than one read takes (a sweep's
// events share its end's second) are all queued: the loop read on
// within the second by time alone and gave up after the first page.
func TestAlertLoopQueuesEveryEventOfABusySecond(t *testing.T) {
	rcv := newReceiver(t)
	rcv.setDown(true)
	opts := testOptions()
	opts.Sinks = []Sink{{Name: "hook", Kind: SinkWebhook, URL: rcv.srv.URL}}
	h := newHarness(t, "", opts, nil)
	h.start()
	at := store.Second(time.Now().Add(time.Second))
	const n = 2*alertPage + 7
	es := make([]store.Event, n)
	for i := range es {
		es[i] = store.Event{ID: store.DerivedUUID("busy", i), Time: at, SweepID: "busy", Seq: int64(i),
			AssetID: fmt.Sprintf("0193a1b2-0000-7000-8000-%012d", i%10), Type: store.EventNewUnapproved}
	}
	if err := h.st.AppendEvents(t.Context(), es); err != nil {
		t.Fatal(err)
	}
	h.srv.notify.broadcast()
	until(t, fmt.Sprint(n, " alerts queued"), 30*time.Second, func() bool {
		as, _ := h.st.Alerts(t.Context(), store.AlertFilter{})
		return len(as) == n
	})
}

// A sweep that ended behind the cursor, its events stored after events
// of a later time were read (a long ingest beside a short one, a spooled
// sweep replayed), still alerts, here 20 minutes behind: further back
// than the 10 minutes the loop looked back.
func TestAlertLoopReadsASweepThatEndedBehindTheCursor(t *testing.T) {
	rcv := newReceiver(t)
	opts := testOptions()
	opts.Sinks = []Sink{{Name: "hook", Kind: SinkWebhook, URL: rcv.srv.URL, HMAC: hmacSecret}}
	h := newHarness(t, "", opts, nil)
	ctx := t.Context()
	now := store.Second(time.Now())
	// The service ran before: its cursor is half an hour back.
	if err := h.st.PutSchedule(ctx, store.ScheduleState{Name: alertCursor, LastRun: now.Add(-30 * time.Minute)}); err != nil {
		t.Fatal(err)
	}
	t0 := now.Add(-25 * time.Minute)
	slow := store.Sweep{ID: "slow", Scanner: "test", Start: t0.Add(-time.Minute)}
	if err := h.st.PutSweep(ctx, slow); err != nil { // running
		t.Fatal(err)
	}
	h.start()
	later := store.Event{ID: store.DerivedUUID("later", 0), Time: now.Add(-5 * time.Minute), SweepID: "other", Seq: 1,
		AssetID: "0193a1b2-0000-7000-8000-000000000001", Type: store.EventNewUnapproved}
	if err := h.st.AppendEvents(ctx, []store.Event{later}); err != nil {
		t.Fatal(err)
	}
	h.srv.notify.broadcast()
	until(t, "the later event's alert", 10*time.Second, func() bool { return len(rcv.payloads(AlertNewUnapproved)) == 1 })
	// The slow sweep is stored now: its events, then its end.
	var es []store.Event
	for i := range 3 {
		es = append(es, store.Event{ID: store.DerivedUUID("slow/event", i), Time: t0, SweepID: "slow", Seq: int64(i),
			AssetID: fmt.Sprintf("0193a1b2-0000-7000-8000-%012d", 10+i), Type: store.EventNewUnapproved})
	}
	if err := h.st.AppendEvents(ctx, es); err != nil {
		t.Fatal(err)
	}
	slow.End = t0
	if err := h.st.PutSweep(ctx, slow); err != nil {
		t.Fatal(err)
	}
	h.srv.notify.broadcast()
	until(t, "the slow sweep's three alerts", 10*time.Second, func() bool { return len(rcv.payloads(AlertNewUnapproved)) == 4 })
	if n := len(rcv.payloads("")); n != 4 {
		t.Errorf("%d alerts delivered, want 4", n)
	}
}
