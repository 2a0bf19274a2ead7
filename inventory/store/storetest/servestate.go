package storetest

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

func serveState(t *testing.T, s store.Store) store.ServeState {
	t.Helper()
	ss, ok := s.(store.ServeState)
	if !ok {
		t.Fatalf("%T does not implement store.ServeState", s)
	}
	return ss
}

func testServeSchedules(t *testing.T, s store.Store) {
	ss := serveState(t, s)
	got, err := ss.Schedules(ctx(t))
	must(t, err)
	if len(got) != 0 {
		t.Fatalf("fresh store has schedules %+v", got)
	}
	b := store.ScheduleState{Name: "nightly", NextRun: t0.Add(time.Hour)}
	a := store.ScheduleState{Name: "core-5m", NextRun: t0, LastRun: t0.Add(-5 * time.Minute), LastSweepID: "s1", LastOutcome: "ok"}
	must(t, ss.PutSchedule(ctx(t), b))
	must(t, ss.PutSchedule(ctx(t), a))
	a.NextRun, a.LastRun, a.LastSweepID, a.LastOutcome, a.LastError = t0.Add(5*time.Minute), t0, "s2", "failed", "boom 'quoted' \"x\""
	must(t, ss.PutSchedule(ctx(t), a)) // replace by name
	got, err = ss.Schedules(ctx(t))
	must(t, err)
	want := []store.ScheduleState{
		{Name: "core-5m", NextRun: store.Second(t0.Add(5 * time.Minute)), LastRun: store.Second(t0), LastSweepID: "s2", LastOutcome: "failed", LastError: a.LastError},
		{Name: "nightly", NextRun: store.Second(t0.Add(time.Hour))},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("schedules\n got %+v\nwant %+v", got, want)
	}
}

func testServeOutbox(t *testing.T, s store.Store) {
	ss := serveState(t, s)
	mk := func(n int, typ string, created time.Time) store.Alert {
		return store.Alert{ID: store.DerivedUUID("event", n), Sink: "hook", EventID: store.DerivedUUID("ev", n), Type: typ,
			Created: created, Payload: `{"type":"` + typ + `"}`, NextAttempt: created}
	}
	a1 := mk(1, "missing", t0)
	a2 := mk(2, "new_unapproved", t0.Add(time.Second))
	a3 := mk(3, "returned", t0.Add(time.Hour))
	must(t, ss.EnqueueAlerts(ctx(t), []store.Alert{a1, a2, a3}))

	// Delivery state changes; queueing the same IDs again keeps it.
	a1.Attempts, a1.Delivered = 1, t0.Add(2*time.Second)
	must(t, ss.UpdateAlert(ctx(t), a1))
	a2.Attempts, a2.NextAttempt, a2.LastError = 2, t0.Add(30*time.Minute), "503 from sink"
	must(t, ss.UpdateAlert(ctx(t), a2))
	fresh1, fresh2 := mk(1, "missing", t0), mk(2, "new_unapproved", t0.Add(time.Second))
	must(t, ss.EnqueueAlerts(ctx(t), []store.Alert{fresh1, fresh2, fresh2}))

	all, err := ss.Alerts(ctx(t), store.AlertFilter{})
	must(t, err)
	if len(all) != 3 {
		t.Fatalf("outbox holds %d rows, want 3 (a re-queued ID is stored once): %+v", len(all), all)
	}
	if g := all[0]; g.ID != a1.ID || g.Attempts != 1 || !g.Delivered.Equal(store.Second(a1.Delivered)) || g.Payload != a1.Payload || g.Sink != "hook" || g.Type != "missing" || g.EventID != a1.EventID {
		t.Errorf("delivered alert after re-queue = %+v", g)
	}
	if g := all[1]; g.Attempts != 2 || g.LastError != "503 from sink" || !g.NextAttempt.Equal(store.Second(a2.NextAttempt)) {
		t.Errorf("retried alert after re-queue = %+v", g)
	}

	ids := func(as []store.Alert) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	due, err := ss.Alerts(ctx(t), store.AlertFilter{Due: t0.Add(10 * time.Minute)})
	must(t, err)
	if len(due) != 0 {
		t.Errorf("due at +10m: %v, want none (a1 delivered, a2 backing off, a3 later)", ids(due))
	}
	due, err = ss.Alerts(ctx(t), store.AlertFilter{Due: t0.Add(2 * time.Hour)})
	must(t, err)
	if !reflect.DeepEqual(ids(due), []string{a2.ID, a3.ID}) {
		t.Errorf("due at +2h: %v, want a2 then a3", ids(due))
	}
	a3.Attempts, a3.Dead, a3.LastError = 8, true, "gave up"
	must(t, ss.UpdateAlert(ctx(t), a3))
	pending, err := ss.Alerts(ctx(t), store.AlertFilter{Pending: true, Limit: 10})
	must(t, err)
	if !reflect.DeepEqual(ids(pending), []string{a2.ID}) {
		t.Errorf("pending: %v, want only a2 (a1 delivered, a3 dead)", ids(pending))
	}
	if one, _ := ss.Alerts(ctx(t), store.AlertFilter{Limit: 1}); len(one) != 1 {
		t.Errorf("limit 1 gave %d", len(one))
	}
	if err := ss.UpdateAlert(ctx(t), store.Alert{ID: "nope"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("update of an unknown alert: %v, want ErrNotFound", err)
	}
}
