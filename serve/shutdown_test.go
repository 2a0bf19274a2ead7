package serve

import (
	"context"
	"net"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

// heldState holds the first PutSchedule of a finished run until release
// is closed.
type heldState struct {
	store.ServeState
	once             sync.Once
	armed            atomic.Bool // after the start's own writes
	entered, release chan struct{}
}

func (h *heldState) PutSchedule(ctx context.Context, s store.ScheduleState) error {
	if h.armed.Load() && s.LastSweepID != "" {
		h.once.Do(func() {
			close(h.entered)
			<-h.release
		})
	}
	return h.ServeState.PutSchedule(ctx, s)
}

// TestShutdownWaitsForRunBookkeeping: a shutdown waits for a finished
// run's bookkeeping (its schedule's state, a sweep_failed alert, drift,
// the gauges), not only for the sweep. Before, a run counted as done
// once its sweep returned: Serve returned while the rest still wrote to
// the store, the command closed it, and the lab's serve logged
// "count assets: sql: database is closed" at each SIGTERM during a
// sweep (and a schedule's last run could be lost: run again at start).
func TestShutdownWaitsForRunBookkeeping(t *testing.T) {
	opts := testOptions()
	opts.Schedules = []Schedule{{Name: "core", Targets: []string{"192.0.2.0/24"}, Every: 24 * time.Hour}}
	h := newHarness(t, "", opts, newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10"}))
	held := &heldState{ServeState: h.srv.deps.State, entered: make(chan struct{}), release: make(chan struct{})}
	h.srv.deps.State = held
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	ready := make(chan struct{})
	h.srv.deps.Started = func(net.Addr) { close(ready) }
	go func() { served <- h.srv.Serve(ctx, ln) }()
	<-ready
	held.armed.Store(true)
	h.url = "http://" + ln.Addr().String()
	if code, body := h.do("POST", "/api/v1/runs", writeToken, `{"schedule":"core"}`); code != 202 {
		t.Fatalf("trigger: %d %s", code, body)
	}
	select {
	case <-held.entered:
	case <-time.After(20 * time.Second):
		t.Fatal("the run did not store its schedule's state within 20s")
	}
	cancel()
	// Serve must not return while the run still writes: give a wrong
	// return the time to show.
	select {
	case err := <-served:
		t.Errorf("Serve returned (%v) while the run's schedule state was still being stored", err)
		served <- err
	case <-time.After(time.Second):
	}
	close(held.release)
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Serve did not return within 20s of the run's end")
	}
	ss, err := h.st.Schedules(context.Background())
	i := slices.IndexFunc(ss, func(s store.ScheduleState) bool { return s.Name == "core" })
	if err != nil || i < 0 || ss[i].LastSweepID == "" {
		t.Errorf("stored schedules %+v (%v): want core's last run", ss, err)
	}
}
