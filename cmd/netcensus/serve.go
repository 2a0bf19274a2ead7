package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	fpmdns "github.com/netcensus/netcensus/fingerprints/mdns"
	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/snmp"
	"github.com/netcensus/netcensus/scanner/targets"
	"github.com/netcensus/netcensus/serve"
	"github.com/netcensus/netcensus/serve/web"
)

type serveFlags struct {
	check     bool
	logFormat string
	listen    string
}

func newServeCmd(a *app) *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the service: scheduled sweeps, HTTP API, alerts, metrics",
		Long: `Serve runs the schedules of the config file's schedules section, serves the
HTTP API under /api/v1 (with /metrics for Prometheus) and the web UI on the
same port (open http://<listen>/ and sign in with an API token), and sends
alerts to the sinks of serve.alerts through an outbox kept in the store.

SIGTERM or SIGINT stops it: the HTTP server drains, and a running sweep gets
serve.shutdown_grace to finish before it is cancelled and stored as partial.
SIGHUP reloads the config file; a bad one is refused (the log names the bad
key) and the running config is kept. --check validates the config and exits.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.serve(cmd.Context(), cmd, f)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&f.check, "check", false, "validate the config (schedules, tokens, TLS files, sinks, baselines, store) and exit")
	fl.StringVar(&f.logFormat, "log-format", "text", "log format: text or json")
	fl.StringVar(&f.listen, "listen", "", "the API's address (overrides serve.listen)")
	return cmd
}

// serveLogger logs at info (debug with -vv) in the chosen format.
func (a *app) serveLogger(format string) (*slog.Logger, error) {
	level := slog.LevelInfo
	if a.verbose >= 2 {
		level = slog.LevelDebug
	}
	o := &slog.HandlerOptions{Level: level}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(a.stderr, o)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(a.stderr, o)), nil
	}
	return nil, usagef("--log-format %q: want text or json", format)
}

// serveOptions turns the config into the service's options, reading
// token and secret files, TLS files and baselines: everything --check
// checks.
func (a *app) serveOptions(cfg config.Config, f serveFlags) (serve.Options, error) {
	sc := cfg.Serve
	if f.listen != "" {
		sc.Listen = f.listen
		if err := sc.Validate(); err != nil {
			return serve.Options{}, err
		}
	}
	o := serve.Options{Listen: sc.Listen, TLSCert: sc.TLSCert, TLSKey: sc.TLSKey, MaxBodyBytes: sc.MaxBodyBytes,
		ShutdownGrace: sc.ShutdownGrace.D(), Rate: sc.Rate}
	if o.Rate == 0 {
		o.Rate = cfg.Sweep.Rate
	}
	if sc.TLSCert != "" {
		if _, err := tls.LoadX509KeyPair(sc.TLSCert, sc.TLSKey); err != nil {
			return o, fmt.Errorf("serve.tls_cert, serve.tls_key: %w", err)
		}
	}
	for i, t := range sc.Tokens {
		sec, err := config.ResolveSecret(t.Token, t.TokenFile, "", a.getenv)
		if err != nil {
			return o, fmt.Errorf("serve.tokens[%d] (%s): %w", i, t.Name, err)
		}
		if len(sec.Reveal()) < 16 {
			return o, fmt.Errorf("serve.tokens[%d] (%s): at least 16 characters", i, t.Name)
		}
		o.Tokens = append(o.Tokens, serve.Token{Name: t.Name, Secret: sec.Reveal(), Write: t.Scope == "write"})
	}
	names := credentialNames(cfg.SNMP)
	for i, s := range cfg.Schedules {
		for _, c := range s.Options.Credentials {
			if !slices.Contains(names, c) {
				return o, fmt.Errorf("schedules[%d] (%s).options.credentials: %q is not a set of snmp.credentials", i, s.Name, c)
			}
		}
		if _, err := targets.Build(s.Targets, append(slices.Clone(cfg.Sweep.Exclude), s.Exclude...),
			targets.Options{AllowPublic: cfg.Sweep.AllowPublic, MaxHosts: cfg.Sweep.MaxHosts}); err != nil {
			return o, fmt.Errorf("schedules[%d] (%s).targets: %w", i, s.Name, err)
		}
		o.Schedules = append(o.Schedules, serve.Schedule{Name: s.Name, Targets: s.Targets, Exclude: s.Exclude, Every: s.Every.D(),
			Cron: s.Cron, Jitter: s.Jitter.D(), SNMP: s.Options.SNMP, MDNS: s.Options.MDNS, Names: s.Options.Names, Credentials: s.Options.Credentials, Rate: s.Options.Rate})
	}
	for i, k := range sc.Alerts {
		hm, err := config.ResolveSecret(k.HMACSecret, k.HMACSecretFile, "", a.getenv)
		if err != nil && (k.HMACSecret != "" || k.HMACSecretFile != "") {
			return o, fmt.Errorf("serve.alerts[%d] (%s).hmac_secret: %w", i, k.Name, err)
		}
		sink := serve.Sink{Name: k.Name, Kind: k.Type, URL: k.URL.Reveal(), HMAC: hm.Reveal(), Command: k.Command,
			Types: k.Types, Sites: k.Sites, MaxAttempts: k.MaxAttempts, Timeout: k.Timeout.D()}
		for _, p := range k.Subnets {
			sink.Subnets = append(sink.Subnets, netip.MustParsePrefix(p).Masked()) // Validate parsed them
		}
		o.Sinks = append(o.Sinks, sink)
	}
	if len(sc.Baselines) > 0 {
		bs, err := drift.Load(sc.Baselines...)
		if err != nil {
			return o, fmt.Errorf("serve.baselines: %w", err)
		}
		o.Baselines = bs
	}
	return o, nil
}

func credentialNames(sc config.SNMP) []string {
	var out []string
	for i, c := range sc.Credentials {
		n := c.Name
		if n == "" {
			n = fmt.Sprintf("credentials[%d]", i)
		}
		out = append(out, n)
	}
	return out
}

func (a *app) serve(ctx context.Context, cmd *cobra.Command, f serveFlags) error {
	log, err := a.serveLogger(f.logFormat)
	if err != nil {
		return err
	}
	a.log = log
	opts, err := a.serveOptions(a.cfg, f)
	if err != nil {
		return usageError{err}
	}
	dsn, err := a.storeDSN()
	if err != nil {
		return err
	}
	if f.check {
		fmt.Fprintf(a.stdout, "config ok: %d schedules, %d tokens, %d alert sinks, %d baselines; store %s; listen %s\n",
			len(opts.Schedules), len(opts.Tokens), len(opts.Sinks), len(opts.Baselines), redactDSN(dsn), opts.Listen)
		return nil
	}
	inv, done, err := a.openInventory(ctx)
	if err != nil {
		return err
	}
	defer done()
	state, ok := inv.Store().(store.ServeState)
	if !ok {
		return fmt.Errorf("store %s keeps no service state", redactDSN(dsn))
	}
	cur := &liveConfig{cfg: a.cfg}
	srv, err := serve.New(opts, serve.Deps{Inventory: inv, State: state, Sweep: a.serveSweep(inv, cur), Log: log, UI: webUI(log)})
	if err != nil {
		return usageError{err}
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				a.reloadServe(srv, cur, f)
			}
		}
	}()
	if err := srv.Run(ctx); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

// webUI builds the web UI that serve mounts beside the API. A UI that
// cannot be built (its embedded templates) is a bug: it is logged and
// the API runs without it.
func webUI(log *slog.Logger) func(*serve.Server) http.Handler {
	return func(s *serve.Server) http.Handler {
		ui, err := web.New(s, web.Options{Log: log})
		if err != nil {
			log.Error("web UI unavailable", "err", err)
			return nil
		}
		return ui.Handler()
	}
}

// liveConfig is the config a SIGHUP may swap while sweeps read it.
type liveConfig struct {
	mu  sync.Mutex
	cfg config.Config
}

func (l *liveConfig) get() config.Config {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.cfg
}

func (l *liveConfig) set(c config.Config) {
	l.mu.Lock()
	l.cfg = c
	l.mu.Unlock()
}

// reloadServe re-reads the config file; a bad one is logged (naming the
// key) and the running config kept.
func (a *app) reloadServe(srv *serve.Server, cur *liveConfig, f serveFlags) {
	cfg, path, err := config.Load(a.configPath, a.getenv)
	if err == nil {
		var opts serve.Options
		if opts, err = a.serveOptions(cfg, f); err == nil {
			if err = srv.Reload(opts); err == nil {
				cur.set(cfg)
				a.log.Info("reloaded", "config", path)
				return
			}
		}
	}
	a.log.Error("reload refused; the running config is kept", "config", path, "err", err)
}

// redactDSN drops a DSN's password.
func redactDSN(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		if j := strings.Index(dsn[i+3:], "@"); j >= 0 {
			return dsn[:i+3] + "…@" + dsn[i+3+j+1:]
		}
	}
	return dsn
}

// serveSweep is serve's SweepFunc: the CLI sweep's path (scanner.Run,
// then the inventory's Ingest of the same conversion), with the
// service's shared limiter and live counters.
func (a *app) serveSweep(inv *inventory.Inventory, cur *liveConfig) serve.SweepFunc {
	return func(ctx context.Context, req serve.SweepRequest) (serve.SweepResult, error) {
		cfg := cur.get() // the config as of this sweep's start (SIGHUP swaps it)
		set, err := targets.Build(req.Targets, append(slices.Clone(cfg.Sweep.Exclude), req.Exclude...),
			targets.Options{AllowPublic: cfg.Sweep.AllowPublic, MaxHosts: cfg.Sweep.MaxHosts})
		if err != nil {
			return serve.SweepResult{}, err
		}
		reg, err := oui.Open()
		if err != nil {
			return serve.SweepResult{}, fmt.Errorf("IEEE registry: %w", err)
		}
		counters := &arp.Counters{}
		if req.Progress != nil {
			req.Progress.Total.Store(int64(set.Size()))
			req.Progress.Bind(counters.Sent.Load, counters.Found.Load)
		}
		opts := scanner.Options{Targets: set, Interface: cfg.Sweep.Interface, Rate: cfg.Sweep.Rate, Limiter: req.Limiter,
			ARPRetries: cfg.Sweep.ARPRetries, ARPWait: cfg.Sweep.ARPWait.D(), Counters: counters, NDP: scanner.DefaultNDP()}
		if req.SNMP == nil || *req.SNMP {
			sc := cfg.SNMP
			if sc.Port == 0 {
				sc = config.DefaultSNMP()
			}
			creds, err := assemble.Credentials(sc, a.getenv)
			if err != nil {
				return serve.SweepResult{}, err
			}
			if len(req.Credentials) > 0 {
				creds = slices.DeleteFunc(creds, func(c snmp.Credential) bool { return !slices.Contains(req.Credentials, c.Name) })
			}
			if opts.SNMP, err = assemble.SNMP(sc, creds, cfg.Fingerprints.ProfilesDir); err != nil {
				return serve.SweepResult{}, err
			}
			if err := assemble.Locate(opts.SNMP, cfg.Locate); err != nil {
				return serve.SweepResult{}, err
			}
			if rem, err := inventory.RememberedCredentials(ctx, inv.Store()); err == nil {
				opts.SNMP.Remembered = rem
			} else {
				a.log.Warn("snmp: remembered credentials not read; every set is tried", "err", err)
			}
		}
		mc := cfg.MDNS
		if mc == (config.MDNS{}) {
			mc = config.Default().MDNS
		}
		if (req.MDNS == nil && mc.Enabled) || (req.MDNS != nil && *req.MDNS) {
			db, err := a.loadRecog("")
			if err != nil {
				return serve.SweepResult{}, err
			}
			rules, err := fpmdns.New(db)
			if err != nil {
				return serve.SweepResult{}, fmt.Errorf("mdns rules: %w", err)
			}
			opts.MDNS = &scanner.MDNSOptions{Duration: mc.Duration.D(), MaxTypes: mc.MaxTypes, Limits: assemble.MDNSLimits(mc), Rules: rules}
			opts.Recog = db
		}
		if req.Names == nil || *req.Names {
			// The names stage, as a CLI sweep runs it: the names section,
			// every protocol it turns on (a schedule's names: false, none).
			if opts.Names, err = assemble.Names(cfg.Names); err != nil {
				return serve.SweepResult{}, fmt.Errorf("names: %w", err)
			}
		}
		rep, err := scanner.Run(ctx, a.newEnv(reg, a.log), opts)
		if rep == nil {
			if err == nil {
				err = errors.New("sweep returned no report")
			}
			return serve.SweepResult{}, err
		}
		// An interrupted sweep is stored too, as partial, within a bound.
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Minute)
		defer cancel()
		res, ierr := inv.Ingest(sctx, a.inventorySweep(rep))
		if ierr != nil {
			return serve.SweepResult{Sent: rep.Sent, Found: rep.Found, Partial: true}, errors.Join(err, fmt.Errorf("store sweep: %w", ierr))
		}
		return serve.SweepResult{SweepID: res.Sweep.ID, Partial: rep.Partial, Found: rep.Found, Sent: rep.Sent,
			New: res.Sweep.New, Missing: res.Sweep.Missing, Events: len(res.Events), Duration: rep.Duration}, err
	}
}
