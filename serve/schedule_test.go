package serve

import (
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

var now0 = time.Date(2026, 6, 1, 10, 7, 30, 0, time.UTC)

func TestNextRun(t *testing.T) {
	tests := []struct {
		name string
		sc   Schedule
		want time.Time
	}{
		{"every", Schedule{Name: "a", Every: time.Hour}, now0.Add(time.Hour)},
		{"cron every 4 hours", Schedule{Name: "a", Cron: "0 */4 * * *"}, time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)},
		{"cron descriptor", Schedule{Name: "a", Cron: "@daily"}, time.Date(2026, 6, 2, 0, 0, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := nextRun(tc.sc, now0); !got.Equal(tc.want) {
				t.Errorf("nextRun = %v, want %v", got, tc.want)
			}
		})
	}
	// Jitter: within [base, base+jitter), the same for the same run, and
	// not the same for every schedule.
	offsets := map[time.Duration]bool{}
	for _, name := range []string{"a", "b", "c", "d", "e", "f"} {
		sc := Schedule{Name: name, Every: time.Hour, Jitter: 10 * time.Minute}
		got := nextRun(sc, now0)
		off := got.Sub(now0.Add(time.Hour))
		if off < 0 || off >= sc.Jitter {
			t.Errorf("%s: jitter offset %v outside [0, %v)", name, off, sc.Jitter)
		}
		if again := nextRun(sc, now0); !again.Equal(got) {
			t.Errorf("%s: jitter differs between calls: %v, %v", name, got, again)
		}
		offsets[off] = true
	}
	if len(offsets) < 2 {
		t.Errorf("six schedules got the same jitter: %v", offsets)
	}
}

func TestRestoreMissedRunsOnceAtStart(t *testing.T) {
	sc := []Schedule{{Name: "missed", Every: time.Hour}, {Name: "future", Every: time.Hour}, {Name: "fresh", Every: time.Hour}}
	s := newScheduler(sc)
	stored := []store.ScheduleState{
		// Down for a day: 24 runs missed, one runs.
		{Name: "missed", NextRun: now0.Add(-24 * time.Hour), LastRun: now0.Add(-25 * time.Hour), LastOutcome: "ok"},
		{Name: "future", NextRun: now0.Add(20 * time.Minute)},
	}
	out := s.restore(stored, now0)
	if len(out) != 3 {
		t.Fatalf("restore stored %d states, want 3", len(out))
	}
	start, skipped, _ := s.due(now0)
	if len(start) != 1 || start[0].sc.Name != "missed" || len(skipped) != 0 {
		t.Fatalf("due at start: %+v skipped %v, want the missed schedule once", start, skipped)
	}
	if start[0].state.LastOutcome != "ok" {
		t.Errorf("restored state lost its last outcome: %+v", start[0].state)
	}
	// Its next run counts from now, not from the missed one.
	views := map[string]ScheduleView{}
	for _, v := range s.views() {
		views[v.Name] = v
	}
	if got := views["missed"].NextRun; !got.Equal(now0.Add(time.Hour)) {
		t.Errorf("missed schedule's next run %v, want %v", got, now0.Add(time.Hour))
	}
	if got := views["future"].NextRun; !got.Equal(now0.Add(20 * time.Minute)) {
		t.Errorf("stored future run %v, want it kept", got)
	}
	if got := views["fresh"].NextRun; !got.Equal(now0.Add(time.Hour)) {
		t.Errorf("new schedule's first run %v, want after one interval", got)
	}
	// Nothing more is due at start: not 24 catch-up runs.
	if start, _, _ := s.due(now0.Add(time.Second)); len(start) != 0 {
		t.Errorf("second due at start: %+v", start)
	}
}

func TestNeverOverlapsItself(t *testing.T) {
	s := newScheduler([]Schedule{{Name: "fast", Every: time.Minute}})
	s.restore(nil, now0)
	start, _, _ := s.due(now0.Add(time.Minute))
	if len(start) != 1 {
		t.Fatalf("first run not due: %+v", start)
	}
	// Still running at the next tick: skipped, not started twice.
	start, skipped, _ := s.due(now0.Add(2 * time.Minute))
	if len(start) != 0 || len(skipped) != 1 {
		t.Fatalf("overlapping run: start %+v skipped %v", start, skipped)
	}
	if _, ok, _ := s.claim("fast"); ok {
		t.Error("a triggered run was claimed while the schedule runs")
	}
	if _, ok := s.finished("fast", now0.Add(2*time.Minute), "sw", RunOK, ""); !ok {
		t.Fatal("finished: schedule unknown")
	}
	if _, ok, _ := s.claim("fast"); !ok {
		t.Error("claim after the run finished refused")
	}
	if _, _, err := s.claim("nope"); err == nil {
		t.Error("claim of an unknown schedule: no error")
	}
}

func TestReloadKeepsNextRun(t *testing.T) {
	s := newScheduler([]Schedule{{Name: "a", Every: time.Hour}, {Name: "b", Every: time.Hour}})
	s.restore(nil, now0)
	s.reload([]Schedule{{Name: "a", Every: time.Hour, Targets: []string{"192.0.2.0/24"}}, {Name: "b", Every: 2 * time.Hour}, {Name: "c", Every: time.Hour}})
	s.restore(nil, now0.Add(time.Minute))
	v := map[string]ScheduleView{}
	for _, x := range s.views() {
		v[x.Name] = x
	}
	if !v["a"].NextRun.Equal(now0.Add(time.Hour)) {
		t.Errorf("a (timing unchanged) next %v, want kept", v["a"].NextRun)
	}
	if !v["b"].NextRun.Equal(now0.Add(time.Minute + 2*time.Hour)) {
		t.Errorf("b (interval changed) next %v, want recomputed", v["b"].NextRun)
	}
	if _, ok := v["c"]; !ok || len(v) != 3 {
		t.Errorf("schedules after reload: %v", v)
	}
}
