package assemble

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"slices"
	"sync"
	"time"

	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/stores"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/serve"
)

// ServeCheck says on w what serve --check found good in opts
// (ServeOptions): how many schedules, tokens, alert sinks and baselines,
// the store (its DSN redacted) and the address it listens on.
func (s StoreSettings) ServeCheck(opts serve.Options, w io.Writer) error {
	dsn, err := s.DSN()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "config ok: %d schedules, %d tokens, %d alert sinks, %d baselines; store %s; listen %s\n",
		len(opts.Schedules), len(opts.Tokens), len(opts.Sinks), len(opts.Baselines), stores.Redact(dsn), opts.Listen)
	return nil
}

// minTokenLen is the shortest API token serve accepts.
const minTokenLen = 16

// ServeOptions turns the config into the service's options, reading
// token and secret files, TLS files and baselines: everything
// serve --check checks (--listen is laid over serve.listen by
// config.Overlay). Errors are a *SettingsError naming the config key.
func ServeOptions(cfg config.Config, getenv func(string) string) (serve.Options, error) {
	o, err := serveOptions(cfg, getenv)
	if err != nil {
		return o, &SettingsError{err}
	}
	return o, nil
}

func serveOptions(cfg config.Config, getenv func(string) string) (serve.Options, error) {
	sc := cfg.Serve
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
		sec, err := config.ResolveSecret(t.Token, t.TokenFile, "", getenv)
		if err != nil {
			return o, fmt.Errorf("serve.tokens[%d] (%s): %w", i, t.Name, err)
		}
		if len(sec.Reveal()) < minTokenLen {
			return o, fmt.Errorf("serve.tokens[%d] (%s): at least %d characters", i, t.Name, minTokenLen)
		}
		o.Tokens = append(o.Tokens, serve.Token{Name: t.Name, Secret: sec.Reveal(), Write: t.Scope == "write"})
	}
	names := CredentialNames(cfg.SNMP)
	for i, s := range cfg.Schedules {
		for _, c := range s.Options.Credentials {
			if !slices.Contains(names, c) {
				return o, fmt.Errorf("schedules[%d] (%s).options.credentials: %q is not a set of snmp.credentials", i, s.Name, c)
			}
		}
		if _, err := SweepOptions(cfg.Sweep, s.Exclude, s.Targets); err != nil {
			return o, fmt.Errorf("schedules[%d] (%s).targets: %w", i, s.Name, err)
		}
		o.Schedules = append(o.Schedules, serve.Schedule{Name: s.Name, Targets: s.Targets, Exclude: s.Exclude, Every: s.Every.D(),
			Cron: s.Cron, Jitter: s.Jitter.D(), SNMP: s.Options.SNMP, MDNS: s.Options.MDNS, Names: s.Options.Names, NDP: s.Options.NDP, Credentials: s.Options.Credentials, Rate: s.Options.Rate})
	}
	for i, k := range sc.Alerts {
		hm, err := config.ResolveSecret(k.HMACSecret, k.HMACSecretFile, "", getenv)
		if err != nil && (k.HMACSecret != "" || k.HMACSecretFile != "") {
			return o, fmt.Errorf("serve.alerts[%d] (%s).hmac_secret: %w", i, k.Name, err)
		}
		sink := serve.Sink{Name: k.Name, Kind: k.Type, URL: k.URL.Reveal(), HMAC: hm.Reveal(), Command: k.Command,
			Types: k.Types, Sites: k.Sites, MaxAttempts: k.MaxAttempts, Timeout: k.Timeout.D()}
		for _, p := range k.Subnets {
			pfx, err := netip.ParsePrefix(p)
			if err != nil { // Validate parsed them; a config built in code may not have been
				return o, fmt.Errorf("serve.alerts[%d] (%s).subnets: %w", i, k.Name, err)
			}
			sink.Subnets = append(sink.Subnets, pfx.Masked())
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

// CredentialNames are the names of the config's SNMP credential sets,
// credentials[i] for a set without one.
func CredentialNames(sc config.SNMP) []string {
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

// Live is the config a reload may swap while sweeps read it.
type Live struct {
	mu  sync.Mutex
	cfg config.Config
}

// NewLive holds cfg.
func NewLive(cfg config.Config) *Live { return &Live{cfg: cfg} }

// Get is the config held now.
func (l *Live) Get() config.Config {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.cfg
}

// Set swaps the config held.
func (l *Live) Set(c config.Config) {
	l.mu.Lock()
	l.cfg = c
	l.mu.Unlock()
}

// ServeSweepDeps are what serve's sweeps use of the outside world.
type ServeSweepDeps struct {
	// Inventory stores the sweeps; Stored is the inventory section it was
	// built from: sweeps are stored under its scanner name and site.
	Inventory *inventory.Inventory
	Stored    config.Inventory
	// Config is the config as of a sweep's start (a reload swaps it).
	Config func() config.Config
	// Env builds the scanner's view of the machine.
	Env      func(*oui.Registry, *slog.Logger) scanner.Env
	Getenv   func(string) string
	Hostname func() (string, error)
	Log      *slog.Logger
}

// ingestBound bounds storing a sweep, an interrupted one too.
const ingestBound = 5 * time.Minute

// ServeSweep is serve's SweepFunc: the CLI sweep's path (scanner.Run,
// then the inventory's Ingest of the same conversion), with the
// service's shared limiter and live counters.
func ServeSweep(d ServeSweepDeps) serve.SweepFunc {
	return func(ctx context.Context, req serve.SweepRequest) (serve.SweepResult, error) {
		cfg := d.Config() // the config as of this sweep's start
		// The schedule's options over the config, as a CLI sweep's flags.
		cfg.MDNS = MDNSSection(cfg.MDNS)
		if err := cfg.Overlay(config.Option(&cfg.MDNS.Enabled, req.MDNS)); err != nil {
			return serve.SweepResult{}, err
		}
		off := func(b *bool) bool { return b != nil && !*b }
		st := Stages{NoSNMP: off(req.SNMP), NoNames: off(req.Names), NoNDP: off(req.NDP), Only: req.Credentials}
		sw := Sweeper{Env: d.Env, Getenv: d.Getenv, Log: d.Log}
		opts, err := sw.Plan(SweepRequest{Config: cfg, Targets: req.Targets, Exclude: req.Exclude, Stages: st})
		if err != nil {
			return serve.SweepResult{}, err
		}
		opts.Limiter = req.Limiter
		if req.Progress != nil {
			req.Progress.Total.Store(int64(opts.Targets.Size()))
			req.Progress.Bind(opts.Counters.Sent.Load, opts.Counters.Found.Load)
		}
		rep, err := sw.Run(ctx, opts, d.remembered)
		if rep == nil {
			if err == nil {
				err = errors.New("sweep returned no report")
			}
			return serve.SweepResult{}, err
		}
		// An interrupted sweep is stored too, as partial, within a bound.
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ingestBound)
		defer cancel()
		res, ierr := d.Inventory.Ingest(sctx, Sweep(rep, ScannerName(d.Stored, d.Hostname), d.Stored.Site))
		if ierr != nil {
			return serve.SweepResult{Sent: rep.Sent, Found: rep.Found, Partial: true}, errors.Join(err, fmt.Errorf("store sweep: %w", ierr))
		}
		return serve.SweepResult{SweepID: res.Sweep.ID, Partial: rep.Partial, Found: rep.Found, Sent: rep.Sent,
			New: res.Sweep.New, Missing: res.Sweep.Missing, Events: len(res.Events), Duration: rep.Duration}, err
	}
}

// remembered is, for every address of the stored assets, the SNMP set
// that last answered the asset: a scheduled sweep tries it first. A store
// it cannot read costs the memory, never the sweep.
func (d ServeSweepDeps) remembered(ctx context.Context) map[netip.Addr]string {
	rem, err := inventory.RememberedCredentials(ctx, d.Inventory.Store())
	if err != nil {
		d.Log.Warn("snmp: remembered credentials not read; every set is tried", "err", err)
		return nil
	}
	return rem
}
