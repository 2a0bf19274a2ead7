// Package serve is netcensus's always-on service: a scheduler of
// recurring sweeps, the HTTP API under /api/v1, the alert outbox and its
// sinks, and Prometheus metrics. A sweep runs through the SweepFunc the
// command wires, the same scanner → inventory path a CLI sweep takes;
// serve has no sweep code of its own.
package serve

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
	"golang.org/x/time/rate"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/store"
)

// Schedule is one recurring sweep.
type Schedule struct {
	Name             string
	Targets, Exclude []string
	// Every or Cron: a fixed interval or a cron expression (five fields
	// or a descriptor).
	Every  time.Duration
	Cron   string
	Jitter time.Duration
	// SNMP, MDNS, Names and NDP turn those stages on or off (nil: the
	// config's default); Credentials names the SNMP sets to try (empty:
	// all).
	SNMP, MDNS, Names, NDP *bool
	Credentials            []string
	// Rate caps this schedule's share of the packet budget (packets per
	// second; 0: no cap beyond the budget).
	Rate int
}

// Token is an API bearer token; Write adds changes and triggers to read.
type Token struct {
	Name   string
	Secret string
	Write  bool
}

// Options are the service's settings; Reload swaps all but Listen, TLS.
type Options struct {
	Listen           string
	TLSCert, TLSKey  string
	Tokens           []Token
	MaxBodyBytes     int64
	ShutdownGrace    time.Duration
	Rate             int // packets per second, all sweeps together (the budget); 0: no limit
	Schedules        []Schedule
	Sinks            []Sink
	Baselines        []drift.Baseline
	PollInterval     time.Duration // outbox and event polling; 0: 1 s
	CapacityWarnDays float64
}

// SweepRequest is one sweep to run.
type SweepRequest struct {
	// Schedule names the schedule; empty for a sweep of given targets.
	Schedule               string
	Targets, Exclude       []string
	SNMP, MDNS, Names, NDP *bool
	Credentials            []string
	// Rate caps the sweep's share of the packet budget (0: no cap).
	Rate int
	// Limiter paces the sweep: its share of the service's one packet
	// budget, which changes as other sweeps start and end.
	Limiter *rate.Limiter
	// Progress is updated live by the sweep.
	Progress *Progress
}

// SweepResult is what a sweep did.
type SweepResult struct {
	SweepID  string
	Partial  bool
	Found    int
	Sent     int
	New      int
	Missing  int
	Events   int
	Duration time.Duration
}

// SweepFunc runs one sweep and stores it in the inventory; a cancelled
// ctx ends it early, stored as partial.
type SweepFunc func(ctx context.Context, req SweepRequest) (SweepResult, error)

// Deps are what the service uses of the outside world.
type Deps struct {
	Inventory *inventory.Inventory
	// State is the store's ServeState (schedules, outbox).
	State store.ServeState
	Sweep SweepFunc
	Log   *slog.Logger
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// HTTPClient delivers webhooks (a client with a timeout when nil).
	HTTPClient *http.Client
	// Exec runs an exec sink's command with the payload on stdin (os/exec
	// when nil).
	Exec func(ctx context.Context, argv []string, stdin []byte) error
	// Started, when set, is called with the API's address once it listens.
	Started func(addr net.Addr)
	// UI, when set, builds the web UI served on the API's port for every
	// path the API does not own; it is called once, by New.
	UI func(s *Server) http.Handler
	// CheckTargets, when set, refuses a sweep of given targets (POST
	// /api/v1/runs) as the sweep itself would (public space, more
	// addresses than max_hosts) before it starts: the caller gets a 400
	// with the reason, not a 202 and a run that fails.
	CheckTargets func(targets, exclude []string) error
}

// Server is the running service.
type Server struct {
	deps    Deps
	log     *slog.Logger
	budget  *budget
	metrics *metrics
	sched   *scheduler
	runs    *runs
	notify  *notifier
	sender  *sender
	handler http.Handler
	ui      http.Handler

	mu   sync.RWMutex
	opts Options
	// wake tells the scheduler's loop that something changed.
	wake chan struct{}
	// sweeps is the context sweeps run in (it outlives a shutdown's start
	// by the grace period); nil before Serve.
	sweeps context.Context
}

// sweepCtx is the context a sweep started now runs in.
func (s *Server) sweepCtx() context.Context {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.sweeps == nil {
		return context.Background()
	}
	return s.sweeps
}

// New checks the options and builds the service; Run starts it.
func New(opts Options, deps Deps) (*Server, error) {
	if deps.Inventory == nil || deps.State == nil || deps.Sweep == nil {
		return nil, errors.New("serve: inventory, state and sweep are required")
	}
	if deps.Log == nil {
		deps.Log = slog.New(slog.DiscardHandler)
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.HTTPClient == nil {
		deps.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	if deps.Exec == nil {
		deps.Exec = execCommand
	}
	if err := checkOptions(&opts); err != nil {
		return nil, err
	}
	s := &Server{deps: deps, log: deps.Log, opts: opts, wake: make(chan struct{}, 1), runs: newRuns(100), notify: newNotifier(), sender: newSender()}
	s.budget = newBudget(opts.Rate)
	s.metrics = newMetrics()
	s.sched = newScheduler(opts.Schedules)
	s.handler = s.routes()
	if deps.UI != nil {
		s.ui = deps.UI(s)
	}
	return s, nil
}

// checkOptions fills defaults and refuses what cannot work.
func checkOptions(o *Options) error {
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 1 << 20
	}
	if o.ShutdownGrace <= 0 {
		o.ShutdownGrace = 30 * time.Second
	}
	if o.PollInterval <= 0 {
		o.PollInterval = time.Second
	}
	if len(o.Tokens) == 0 && o.Listen != "" && !isLoopback(o.Listen) {
		return fmt.Errorf("serve: listen %s: beyond loopback needs tokens", o.Listen)
	}
	names := map[string]bool{}
	for _, sc := range o.Schedules {
		if names[sc.Name] {
			return fmt.Errorf("serve: schedule %q twice", sc.Name)
		}
		names[sc.Name] = true
		if (sc.Every > 0) == (sc.Cron != "") {
			return fmt.Errorf("serve: schedule %s: want every or cron", sc.Name)
		}
		if sc.Rate < 0 {
			return fmt.Errorf("serve: schedule %s: rate %d below 0", sc.Name, sc.Rate)
		}
		if sc.Cron != "" {
			if _, err := parseCron(sc.Cron); err != nil {
				return fmt.Errorf("serve: schedule %s: cron %q: %w", sc.Name, sc.Cron, err)
			}
		}
	}
	for _, t := range o.Tokens {
		if len(t.Secret) < 16 {
			return fmt.Errorf("serve: token %s: shorter than 16 characters", t.Name)
		}
	}
	return nil
}

var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

func parseCron(s string) (cron.Schedule, error) { return cronParser.Parse(s) }

func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (s *Server) options() Options {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.opts
}

// Reload swaps schedules, tokens, sinks, baselines and the packet budget;
// Listen and TLS need a restart (a change is logged and ignored). A bad
// set is refused and the old one kept.
func (s *Server) Reload(o Options) error {
	if err := checkOptions(&o); err != nil {
		return err
	}
	s.mu.Lock()
	old := s.opts
	if o.Listen != old.Listen || o.TLSCert != old.TLSCert || o.TLSKey != old.TLSKey {
		s.log.Warn("reload: listen and TLS settings change only on restart", "listen", old.Listen)
		o.Listen, o.TLSCert, o.TLSKey = old.Listen, old.TLSCert, old.TLSKey
	}
	s.opts = o
	s.mu.Unlock()
	if o.Rate != old.Rate {
		s.budget.setTotal(o.Rate)
	}
	s.sched.reload(o.Schedules)
	s.poke()
	s.log.Info("config reloaded", "schedules", len(o.Schedules), "tokens", len(o.Tokens), "sinks", len(o.Sinks))
	return nil
}

func (s *Server) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Handler is the HTTP API (for tests and for a UI on the same mux).
func (s *Server) Handler() http.Handler { return s.handler }

// Run serves until ctx is cancelled, then shuts down: the HTTP server
// drains and running sweeps get ShutdownGrace to finish before they are
// cancelled (and stored as partial).
func (s *Server) Run(ctx context.Context) error {
	o := s.options()
	ln, err := net.Listen("tcp", o.Listen)
	if err != nil {
		return fmt.Errorf("serve: listen %s: %w", o.Listen, err)
	}
	if o.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(o.TLSCert, o.TLSKey)
		if err != nil {
			ln.Close()
			return fmt.Errorf("serve: TLS: %w", err)
		}
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
	}
	return s.Serve(ctx, ln)
}

// Serve is Run on a listener the caller opened.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	// Sweeps outlive ctx by the grace period; then they are cancelled.
	sweepCtx, stopSweeps := context.WithCancel(context.WithoutCancel(ctx))
	defer stopSweeps()
	s.mu.Lock()
	s.sweeps = sweepCtx
	s.mu.Unlock()
	hs := &http.Server{Handler: s.handler, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	events := s.loadCursor(ctx) // alerts begin before the first request
	httpDone := make(chan error, 1)
	go func() { httpDone <- hs.Serve(ln) }()
	if s.deps.Started != nil {
		s.deps.Started(ln.Addr())
	}
	s.log.Info("serving", "addr", ln.Addr().String(), "schedules", len(s.options().Schedules))

	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); s.scheduleLoop(ctx, sweepCtx) }()
	go func() { defer wg.Done(); s.alertLoop(ctx, events) }()

	var herr error
	select {
	case <-ctx.Done():
	case herr = <-httpDone:
	}
	grace := s.options().ShutdownGrace
	s.log.Info("shutting down", "grace", grace)
	shCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), grace)
	defer cancel()
	if err := hs.Shutdown(shCtx); err != nil {
		hs.Close()
	}
	wg.Wait() // the loops end with ctx
	if !s.runs.waitIdle(shCtx) {
		s.log.Warn("sweeps still running after the grace period: cancelled, stored as partial")
		stopSweeps()
		// A cancelled sweep still stores what it saw, as partial.
		wctx, wcancel := context.WithTimeout(context.Background(), 5*time.Minute)
		s.runs.waitIdle(wctx)
		wcancel()
	}
	if herr != nil && !errors.Is(herr, http.ErrServerClosed) {
		return fmt.Errorf("serve: http: %w", herr)
	}
	return nil
}
