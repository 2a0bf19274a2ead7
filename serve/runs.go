package serve

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"

	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/store"
)

// Progress is a running sweep's live counters.
type Progress struct {
	// Total is the number of addresses to probe.
	Total atomic.Int64
	mu    sync.Mutex
	sent  func() int64
	found func() int64
}

// Bind makes the progress read the sweep's own counters.
func (p *Progress) Bind(sent, found func() int64) {
	p.mu.Lock()
	p.sent, p.found = sent, found
	p.mu.Unlock()
}

func (p *Progress) read() (sent, found int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.sent != nil {
		sent = p.sent()
	}
	if p.found != nil {
		found = p.found()
	}
	return sent, found
}

// Run states.
const (
	RunRunning = "running"
	RunOK      = "ok"
	RunPartial = "partial"
	RunFailed  = "failed"
)

// Run is one sweep the service ran or runs.
type Run struct {
	ID       string    `json:"id"`
	Schedule string    `json:"schedule,omitempty"`
	Targets  []string  `json:"targets"`
	Started  time.Time `json:"started"`
	Ended    time.Time `json:"ended,omitzero"`
	State    string    `json:"state"`
	SweepID  string    `json:"sweep_id,omitempty"`
	Error    string    `json:"error,omitempty"`
	Total    int64     `json:"total"`
	Sent     int64     `json:"sent"`
	Found    int64     `json:"found"`
	New      int       `json:"new"`
	Missing  int       `json:"missing"`
	Events   int       `json:"events"`
	// Rate is a running sweep's share of the packet budget now (packets
	// per second; absent: no limit, or the run ended).
	Rate     float64 `json:"rate,omitempty"`
	progress *Progress
	limiter  *rate.Limiter
}

// runs keeps the running sweeps and the last few finished ones.
type runs struct {
	mu     sync.Mutex
	keep   int
	byID   map[string]*Run
	order  []string
	active int
	idle   chan struct{} // closed while no run is active
}

func newRuns(keep int) *runs {
	idle := make(chan struct{})
	close(idle)
	return &runs{keep: keep, byID: map[string]*Run{}, idle: idle}
}

func (r *runs) add(run *Run) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.active == 0 {
		r.idle = make(chan struct{})
	}
	r.active++
	r.byID[run.ID] = run
	r.order = append(r.order, run.ID)
	for len(r.order) > r.keep {
		old := r.byID[r.order[0]]
		if old != nil && old.State == RunRunning {
			break
		}
		delete(r.byID, r.order[0])
		r.order = r.order[1:]
	}
}

// done records a run's end (fn sets its fields); the run stays active
// until leave: its bookkeeping after the sweep still writes to the store.
func (r *runs) done(run *Run, fn func(*Run)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fn(run)
}

// leave ends a run's activity, once its bookkeeping is done: a shutdown
// waits for it (waitIdle) before the store is closed.
func (r *runs) leave() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.active--
	if r.active == 0 {
		close(r.idle)
	}
}

// get returns a copy of a run with its live counters.
func (r *runs) get(id string) (Run, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	run := r.byID[id]
	if run == nil {
		return Run{}, false
	}
	return snapshot(run), true
}

func snapshot(run *Run) Run {
	c := *run
	if run.State == RunRunning && run.progress != nil {
		c.Total = run.progress.Total.Load()
		c.Sent, c.Found = run.progress.read()
	}
	if run.State == RunRunning && run.limiter != nil && run.limiter.Limit() != rate.Inf {
		c.Rate = float64(run.limiter.Limit())
	}
	c.progress, c.limiter = nil, nil
	return c
}

func (r *runs) list() []Run {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Run, 0, len(r.order))
	for i := len(r.order) - 1; i >= 0; i-- {
		out = append(out, snapshot(r.byID[r.order[i]]))
	}
	return out
}

// waitIdle waits until no run is active; false if ctx ended first.
func (r *runs) waitIdle(ctx context.Context) bool {
	r.mu.Lock()
	idle := r.idle
	r.mu.Unlock()
	select {
	case <-idle:
		return true
	case <-ctx.Done():
		return false
	}
}

// startRun runs one sweep in the background. schedule is empty for a
// sweep of given targets; a schedule's run was claimed by the caller.
func (s *Server) startRun(ctx context.Context, schedule string, req SweepRequest) Run {
	now := s.deps.Now().UTC()
	run := &Run{ID: store.NewUUID(now), Schedule: schedule, Targets: req.Targets, Started: store.Second(now), State: RunRunning, progress: &Progress{}}
	lim, release := s.budget.acquire(req.Rate)
	req.Limiter, req.Progress, run.limiter = lim, run.progress, lim
	s.runs.add(run)
	label := schedule
	if label == "" {
		label = "adhoc"
	}
	s.log.Info("sweep started", "schedule", label, "run", run.ID, "targets", len(req.Targets))
	go func() {
		defer s.runs.leave()
		res, err := s.deps.Sweep(ctx, req)
		release()
		end := s.deps.Now().UTC()
		outcome := RunOK
		switch {
		case err != nil && res.SweepID == "":
			outcome = RunFailed
		case res.Partial || err != nil:
			outcome = RunPartial
		}
		errText := ""
		if err != nil {
			errText = err.Error()
		}
		sent, found := run.progress.read()
		s.runs.done(run, func(r *Run) {
			r.Ended, r.State, r.SweepID, r.Error = store.Second(end), outcome, res.SweepID, errText
			r.Total, r.Sent, r.Found = r.progress.Total.Load(), max(sent, int64(res.Sent)), max(found, int64(res.Found))
			r.New, r.Missing, r.Events = res.New, res.Missing, res.Events
		})
		if outcome == RunFailed {
			s.log.Error("sweep failed", "schedule", label, "run", run.ID, "err", errText)
		} else {
			s.log.Info("sweep finished", "schedule", label, "run", run.ID, "outcome", outcome, "sweep", res.SweepID,
				"found", res.Found, "new", res.New, "missing", res.Missing, "duration", end.Sub(now).Round(time.Millisecond))
		}
		bg := context.WithoutCancel(ctx)
		if schedule != "" {
			if st, ok := s.sched.finished(schedule, end, res.SweepID, outcome, errText); ok {
				s.putSchedules(bg, []store.ScheduleState{st})
			}
		}
		if outcome == RunFailed {
			s.queueSweepFailed(bg, run.ID, label, errText, end)
		} else if bs := s.options().Baselines; len(bs) > 0 {
			dctx, cancel := context.WithTimeout(bg, time.Minute)
			res, err := drift.Evaluate(dctx, s.deps.Inventory.Store(), bs, drift.Options{Now: end, Record: true})
			switch {
			case err == nil:
				// Queued from the result at once (the next round reads
				// them in the event log too; the outbox keeps one).
				if err := s.queueEventAlerts(dctx, res.Events, map[string]*store.Asset{}); err != nil {
					s.storeError("queue alerts", err)
				}
			case !errors.Is(err, context.Canceled):
				s.storeError("drift after sweep", err)
			}
			cancel()
		}
		s.refreshGauges(bg)
		s.metrics.sweepDone(label, outcome, end.Sub(now), res)
		s.notify.broadcast()
		s.poke()
	}()
	v, _ := s.runs.get(run.ID)
	return v
}
