package serve

import (
	"context"
	"fmt"
	"hash/fnv"
	"sort"
	"sync"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

// The missed-run policy: a schedule whose stored next run passed while
// the service was down runs once at start (not once per missed run), and
// its next run counts from then.

// nextRun is sc's first run after t, jitter included: the jitter is a
// hash of the schedule's name and the run's time, so it spreads schedules
// and is the same after a restart.
func nextRun(sc Schedule, t time.Time) time.Time {
	t = t.UTC()
	var n time.Time
	if sc.Cron != "" {
		c, err := parseCron(sc.Cron)
		if err != nil {
			return time.Time{} // refused by checkOptions
		}
		n = c.Next(t)
	} else {
		n = t.Add(sc.Every)
	}
	if sc.Jitter > 0 {
		h := fnv.New64a()
		fmt.Fprintf(h, "%s/%d", sc.Name, n.Unix())
		n = n.Add(time.Duration(h.Sum64() % uint64(sc.Jitter)))
	}
	return n
}

type schedEntry struct {
	sc      Schedule
	next    time.Time
	running bool
	state   store.ScheduleState
}

// scheduler holds each schedule's next run; it decides, the loop acts.
type scheduler struct {
	mu      sync.Mutex
	entries map[string]*schedEntry
}

func newScheduler(ss []Schedule) *scheduler {
	s := &scheduler{entries: map[string]*schedEntry{}}
	s.reload(ss)
	return s
}

// reload replaces the schedules; a schedule kept by name keeps its next
// run (unless its timing changed) and its running flag.
func (s *scheduler) reload(ss []Schedule) {
	s.mu.Lock()
	defer s.mu.Unlock()
	keep := map[string]*schedEntry{}
	for _, sc := range ss {
		e := s.entries[sc.Name]
		if e == nil {
			e = &schedEntry{state: store.ScheduleState{Name: sc.Name}}
		} else if e.sc.Every != sc.Every || e.sc.Cron != sc.Cron || e.sc.Jitter != sc.Jitter {
			e.next = time.Time{} // recomputed by restore or due
		}
		e.sc = sc
		keep[sc.Name] = e
	}
	s.entries = keep
}

// restore sets next runs from the stored states: a stored next run in the
// past was missed and runs now, once; a schedule without one runs after
// its first interval. It returns the states to store.
func (s *scheduler) restore(stored []store.ScheduleState, now time.Time) []store.ScheduleState {
	s.mu.Lock()
	defer s.mu.Unlock()
	byName := map[string]store.ScheduleState{}
	for _, st := range stored {
		byName[st.Name] = st
	}
	var out []store.ScheduleState
	for _, name := range s.names() {
		e := s.entries[name]
		if !e.next.IsZero() {
			continue
		}
		st, ok := byName[name]
		if ok {
			e.state = st
		}
		switch {
		case ok && !st.NextRun.IsZero() && !st.NextRun.After(now):
			e.next = now // missed while down: once, now
		case ok && !st.NextRun.IsZero() && st.NextRun.Before(nextRun(e.sc, now).Add(time.Second)):
			e.next = st.NextRun
		default:
			e.next = nextRun(e.sc, now)
		}
		e.state.NextRun = e.next
		out = append(out, e.state)
	}
	return out
}

func (s *scheduler) names() []string {
	out := make([]string, 0, len(s.entries))
	for n := range s.entries {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// dueRun is a schedule to start now.
type dueRun struct {
	sc    Schedule
	state store.ScheduleState
}

// due returns the schedules to start at now and marks them running; a
// schedule due while its last run is still going is skipped (never two
// runs of one schedule). Every due schedule's next run counts from now.
func (s *scheduler) due(now time.Time) (start []dueRun, skipped []string, changed []store.ScheduleState) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, name := range s.names() {
		e := s.entries[name]
		if e.next.IsZero() {
			e.next = nextRun(e.sc, now)
			e.state.NextRun = e.next
			changed = append(changed, e.state)
			continue
		}
		if e.next.After(now) {
			continue
		}
		e.next = nextRun(e.sc, now)
		e.state.NextRun = e.next
		changed = append(changed, e.state)
		if e.running {
			skipped = append(skipped, name)
			continue
		}
		e.running = true
		start = append(start, dueRun{sc: e.sc, state: e.state})
	}
	return start, skipped, changed
}

// claim marks a schedule running for a run triggered by hand; false if
// it is running already or unknown.
func (s *scheduler) claim(name string) (Schedule, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.entries[name]
	if e == nil {
		return Schedule{}, false, fmt.Errorf("schedule %q: %w", name, store.ErrNotFound)
	}
	if e.running {
		return e.sc, false, nil
	}
	e.running = true
	return e.sc, true, nil
}

// finished records a run's end; it returns the state to store.
func (s *scheduler) finished(name string, at time.Time, sweepID, outcome, errText string) (store.ScheduleState, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.entries[name]
	if e == nil {
		return store.ScheduleState{}, false // removed by a reload while it ran
	}
	e.running = false
	e.state.LastRun, e.state.LastSweepID, e.state.LastOutcome, e.state.LastError = at, sweepID, outcome, errText
	e.state.NextRun = e.next
	return e.state, true
}

// wait is how long until the next due run (at most max).
func (s *scheduler) wait(now time.Time, max time.Duration) time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := max
	for _, e := range s.entries {
		if e.next.IsZero() {
			return 0
		}
		if w := e.next.Sub(now); w < d {
			d = w
		}
	}
	return d
}

// ScheduleView is a schedule as the API shows it.
type ScheduleView struct {
	Name        string    `json:"name"`
	Targets     []string  `json:"targets"`
	Exclude     []string  `json:"exclude,omitempty"`
	Every       string    `json:"every,omitempty"`
	Cron        string    `json:"cron,omitempty"`
	Jitter      string    `json:"jitter,omitempty"`
	Rate        int       `json:"rate,omitempty"`
	NextRun     time.Time `json:"next_run,omitzero"`
	Running     bool      `json:"running"`
	LastRun     time.Time `json:"last_run,omitzero"`
	LastSweepID string    `json:"last_sweep_id,omitempty"`
	LastOutcome string    `json:"last_outcome,omitempty"`
	LastError   string    `json:"last_error,omitempty"`
}

func (s *scheduler) views() []ScheduleView {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []ScheduleView
	for _, name := range s.names() {
		e := s.entries[name]
		v := ScheduleView{Name: name, Targets: e.sc.Targets, Exclude: e.sc.Exclude, Cron: e.sc.Cron, Rate: e.sc.Rate, NextRun: store.Second(e.next),
			Running: e.running, LastRun: e.state.LastRun, LastSweepID: e.state.LastSweepID, LastOutcome: e.state.LastOutcome, LastError: e.state.LastError}
		if e.sc.Every > 0 {
			v.Every = e.sc.Every.String()
		}
		if e.sc.Jitter > 0 {
			v.Jitter = e.sc.Jitter.String()
		}
		out = append(out, v)
	}
	return out
}

// scheduleLoop starts due schedules until ctx ends; sweeps run on
// sweepCtx, which outlives ctx by the shutdown grace.
func (s *Server) scheduleLoop(ctx, sweepCtx context.Context) {
	stored, err := s.deps.State.Schedules(ctx)
	if err != nil {
		s.storeError("read schedules", err)
	}
	s.putSchedules(ctx, s.sched.restore(stored, s.deps.Now()))
	for {
		now := s.deps.Now()
		start, skipped, changed := s.sched.due(now)
		s.putSchedules(ctx, changed)
		for _, name := range skipped {
			s.log.Warn("schedule skipped: its last run is still going", "schedule", name)
			s.metrics.sweeps.WithLabelValues(name, "skipped").Inc()
		}
		for _, d := range start {
			s.startRun(sweepCtx, d.sc.Name, requestFor(d.sc))
		}
		t := time.NewTimer(max(s.sched.wait(now, time.Minute), 10*time.Millisecond))
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		case <-s.wake:
			t.Stop()
		}
	}
}

func requestFor(sc Schedule) SweepRequest {
	return SweepRequest{Schedule: sc.Name, Targets: sc.Targets, Exclude: sc.Exclude, SNMP: sc.SNMP, MDNS: sc.MDNS, Names: sc.Names, NDP: sc.NDP, Credentials: sc.Credentials,
		Rate: sc.Rate}
}

func (s *Server) putSchedules(ctx context.Context, ss []store.ScheduleState) {
	for _, st := range ss {
		if err := s.deps.State.PutSchedule(context.WithoutCancel(ctx), st); err != nil {
			s.storeError("store schedule "+st.Name, err)
		}
	}
}

func (s *Server) storeError(what string, err error) {
	s.metrics.storeErrors.Inc()
	s.log.Error(what, "err", err)
}
