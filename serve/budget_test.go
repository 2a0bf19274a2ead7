package serve

import (
	"math"
	"slices"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

func TestWaterFill(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name  string
		total float64
		caps  []float64
		want  []float64
	}{
		{"none", 1000, nil, []float64{}},
		{"alone takes all", 1000, []float64{inf}, []float64{1000}},
		{"alone, capped", 1000, []float64{100}, []float64{100}},
		{"cap above the budget", 1000, []float64{5000}, []float64{1000}},
		{"two even", 1000, []float64{inf, inf}, []float64{500, 500}},
		{"a cap leaves the rest to the other", 1000, []float64{100, inf}, []float64{100, 900}},
		{"caps above the fair share do not bind", 900, []float64{400, inf, 350}, []float64{300, 300, 300}},
		{"mixed", 1000, []float64{inf, 100, 200, inf}, []float64{350, 100, 200, 350}},
		{"no budget: caps only", inf, []float64{100, inf}, []float64{100, inf}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := waterFill(tc.total, tc.caps)
			if !slices.Equal(got, tc.want) {
				t.Fatalf("waterFill(%v, %v) = %v, want %v", tc.total, tc.caps, got, tc.want)
			}
			sum := 0.0
			for i, g := range got {
				sum += g
				if g > tc.caps[i] {
					t.Errorf("share %d = %v over its cap %v", i, g, tc.caps[i])
				}
			}
			if !math.IsInf(tc.total, 1) && sum > tc.total+1e-9 {
				t.Errorf("shares sum to %v, over the budget %v", sum, tc.total)
			}
		})
	}
}

func TestBudgetSharesFollowSweeps(t *testing.T) {
	b := newBudget(1000)
	capped, releaseCapped := b.acquire(100)
	if capped.Limit() != 100 || capped.Burst() != 1 {
		t.Fatalf("a lone capped sweep: limit %v burst %d, want 100 and 1 (5 ms of its cap at most)", capped.Limit(), capped.Burst())
	}
	free, releaseFree := b.acquire(0)
	if free.Limit() != 900 || free.Burst() != 5 {
		t.Fatalf("beside a sweep capped at 100: limit %v burst %d, want 900 and 5", free.Limit(), free.Burst())
	}
	other, releaseOther := b.acquire(0)
	if got := b.limits(); !slices.Equal(got, []float64{100, 450, 450}) {
		t.Fatalf("three sweeps: %v, want [100 450 450]", got)
	}
	b.setTotal(2000)
	if got := b.limits(); !slices.Equal(got, []float64{100, 950, 950}) {
		t.Fatalf("after the budget went to 2000: %v", got)
	}
	if free.Burst() != 5 {
		t.Errorf("a reload changed a running sweep's burst to %d: a WaitN sized by the old one would fail", free.Burst())
	}
	releaseCapped()
	releaseCapped() // twice is once
	if other.Limit() != 1000 || free.Limit() != 1000 {
		t.Errorf("after the capped sweep ended: %v and %v, want 1000 each", free.Limit(), other.Limit())
	}
	releaseFree()
	releaseOther()
	if got := b.limits(); len(got) != 0 {
		t.Errorf("after every sweep ended: %v", got)
	}
	b.setTotal(0)
	unlimited, release := b.acquire(0)
	defer release()
	if unlimited.Limit() != rate.Inf {
		t.Errorf("no budget: limit %v, want rate.Inf", unlimited.Limit())
	}
}

// Two schedules running at once, one with rate 100, then a triggered
// sweep: each sweep's limiter is its share of serve's budget of 1000
// packets/s, the capped schedule never above 100, and the runs listing
// shows each running sweep's share.
func TestScheduleRateCapsItsShare(t *testing.T) {
	opts := testOptions()
	opts.Rate = 1000
	opts.Schedules = []Schedule{
		{Name: "slow", Targets: []string{"192.0.2.0/25"}, Every: 20 * time.Millisecond, Rate: 100},
		{Name: "fast", Targets: []string{"192.0.2.128/25"}, Every: 20 * time.Millisecond},
	}
	nw := newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10"})
	nw.block = make(chan struct{})
	h := newHarness(t, "", opts, nw)
	h.start()
	reqs := map[string]SweepRequest{}
	for len(reqs) < 2 {
		select {
		case r := <-nw.calls:
			reqs[r.Schedule] = r
		case <-time.After(10 * time.Second):
			t.Fatalf("the two schedules did not both start: %v", reqs)
		}
	}
	until(t, "shares 100 and 900", 5*time.Second, func() bool {
		return reqs["slow"].Limiter.Limit() == 100 && reqs["fast"].Limiter.Limit() == 900
	})
	if code, body := h.do("POST", "/api/v1/runs", writeToken, `{"targets":["192.0.2.0/28"]}`); code != 202 {
		t.Fatalf("trigger: %d %s", code, body)
	}
	var adhoc SweepRequest
	select {
	case adhoc = <-nw.calls:
	case <-time.After(10 * time.Second):
		t.Fatal("the triggered sweep did not start")
	}
	if reqs["slow"].Limiter.Limit() != 100 || reqs["fast"].Limiter.Limit() != 450 || adhoc.Limiter.Limit() != 450 {
		t.Errorf("three sweeps: slow %v, fast %v, triggered %v; want 100, 450, 450",
			reqs["slow"].Limiter.Limit(), reqs["fast"].Limiter.Limit(), adhoc.Limiter.Limit())
	}
	var runs struct{ Runs []Run }
	h.getJSON("/api/v1/runs", readToken, &runs)
	shown := map[string]float64{}
	for _, r := range runs.Runs {
		if r.State == RunRunning {
			shown[r.Schedule] = r.Rate
		}
	}
	if shown["slow"] != 100 || shown["fast"] != 450 || shown[""] != 450 {
		t.Errorf("running runs show rates %v", shown)
	}
	var sch struct{ Schedules []ScheduleView }
	h.getJSON("/api/v1/schedules", readToken, &sch)
	for _, v := range sch.Schedules {
		if want := map[string]int{"slow": 100}[v.Name]; v.Rate != want {
			t.Errorf("schedule %s shows rate %d, want %d", v.Name, v.Rate, want)
		}
	}
	close(nw.block)
}
