package assemble

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"os"
	"slices"
	"time"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/snmp"
	"github.com/netcensus/netcensus/scanner/targets"
)

// SweepOptions are a sweep's scanner options from the config's sweep
// section sc (with a command's flags already laid over it by
// config.Overlay): the targets less the section's excludes and exclude
// (a CLI sweep's --exclude, a schedule's exclude), refused past max_hosts
// and when public unless allowed, the interface, rate and ARP settings,
// and fresh counters. The stages (SNMP, mDNS, names, NDP) and a shared
// limiter are the caller's.
func SweepOptions(sc config.Sweep, exclude, tgts []string) (scanner.Options, error) {
	ex := append(slices.Clone(sc.Exclude), exclude...)
	ts, err := targets.Build(tgts, ex, targets.Options{AllowPublic: sc.AllowPublic, MaxHosts: sc.MaxHosts})
	if err != nil {
		return scanner.Options{}, err
	}
	return scanner.Options{Targets: ts, Interface: sc.Interface, Rate: sc.Rate, ARPRetries: sc.ARPRetries,
		ARPWait: sc.ARPWait.D(), Counters: &arp.Counters{}}, nil
}

// Stages say which of a sweep's stages run besides ARP, and what a CLI
// sweep's flags or a schedule's options give them beyond the config. The
// mDNS stage also follows mdns.enabled (a schedule's mdns is laid over it
// by config.Overlay).
type Stages struct {
	NoSNMP, NoMDNS, NoNames, NoNDP bool
	// Passive, above 0, listens this long and sends nothing: no mDNS
	// browse and no NDP, the passive listener instead.
	Passive time.Duration
	// Communities, when given (sweep --community), replace the config's
	// credential sets with v2c sets; Only keeps the config's sets of these
	// names (a schedule's credentials), in the config's order.
	Communities []string
	Only        []string
}

// SweepStages sets a sweep's SNMP, mDNS or passive, names and NDP stages
// and its Recog fingerprints from cfg and s: the one assembly of a CLI
// sweep and a scheduled one. A bad setting (a credential, the names or
// locate section, recog_dir) is a *SettingsError.
func SweepStages(o *scanner.Options, cfg config.Config, s Stages, getenv func(string) string, log *slog.Logger) error {
	db, err := LoadRecog(cfg.RecogDir, log)
	if err != nil {
		return &SettingsError{fmt.Errorf("recog_dir %s: %w", cfg.RecogDir, err)}
	}
	o.Recog = db
	if o.MDNS, o.Passive, err = mdnsStages(cfg.MDNS, db, s.Passive, s.NoMDNS); err != nil {
		return err
	}
	if !s.NoNDP && s.Passive <= 0 {
		o.NDP = scanner.DefaultNDP()
	}
	if !s.NoNames {
		if o.Names, err = Names(cfg.Names); err != nil {
			return &SettingsError{err}
		}
	}
	if s.NoSNMP {
		return nil
	}
	sc := SNMPSection(cfg.SNMP)
	creds, err := FlagCredentials(CredentialFlags{Communities: s.Communities}, sc, getenv)
	if err != nil {
		return &SettingsError{err}
	}
	if len(s.Only) > 0 {
		creds = slices.DeleteFunc(creds, func(c snmp.Credential) bool { return !slices.Contains(s.Only, c.Name) })
	}
	o.SNMP, err = SNMPStage(cfg, sc, creds)
	return err
}

// SweepRequest is one sweep: the config as of its start (a command's
// flags or a schedule's options laid over it by config.Overlay), its
// targets, the excludes beyond the config's (sweep --exclude, a
// schedule's exclude) and the stages beyond ARP.
type SweepRequest struct {
	Config           config.Config
	Targets, Exclude []string
	Stages           Stages
}

// A Sweeper plans and runs sweeps on a machine: the CLI's sweep and
// serve's scheduled ones alike.
type Sweeper struct {
	// Env builds the scanner's view of the machine.
	Env    func(*oui.Registry, *slog.Logger) scanner.Env
	Getenv func(string) string
	Log    *slog.Logger
}

// Plan is r's scanner options: the targets and ARP settings
// (SweepOptions) and the stages (SweepStages). A bad target or setting is
// a *SettingsError; nothing is sent.
func (s Sweeper) Plan(r SweepRequest) (scanner.Options, error) {
	o, err := SweepOptions(r.Config.Sweep, r.Exclude, r.Targets)
	if err != nil {
		return o, &SettingsError{err}
	}
	if err := SweepStages(&o, r.Config, r.Stages, s.Getenv, s.Log); err != nil {
		return o, err
	}
	return o, nil
}

// Run runs a planned sweep (scanner.Run) with the IEEE registry, its SNMP
// stage, when it has one, asking each address first with the set that
// remembered (when not nil) says last answered it. A sweep through a
// named interface that fails before it sends (no such interface, no
// address on it) is a *SettingsError.
func (s Sweeper) Run(ctx context.Context, o scanner.Options, remembered func(context.Context) map[netip.Addr]string) (*scanner.Report, error) {
	reg, err := oui.Open()
	if err != nil {
		return nil, fmt.Errorf("IEEE registry: %w", err)
	}
	if o.SNMP != nil && remembered != nil {
		o.SNMP.Remembered = remembered(ctx)
	}
	rep, err := scanner.Run(ctx, s.Env(reg, s.Log), o)
	if err != nil && rep == nil && o.Interface != "" {
		return nil, &SettingsError{err}
	}
	return rep, err
}

// ErrNeedRaw: the process may not open raw sockets, so it cannot sweep.
var ErrNeedRaw = errors.New("sweeping needs CAP_NET_RAW: run it as root, or grant it once, as root, with: setcap cap_net_raw+ep \"$(command -v netcensus)\"")

// SweepTo is where a command's sweep goes.
type SweepTo struct {
	// Store, when set, is checked before anything is sent (PreflightTo),
	// asked for the SNMP sets it remembers (Remembered) and given the
	// report at the end (DeliverReport); nil prints only (--no-store).
	Store *StoreSettings
	// Out takes the host records; Stderr the notices and the summary.
	Out    exporters.Writer[record.Asset]
	Stderr io.Writer
	// Progress, when set, starts showing the sweep's progress from its
	// counters over total addresses; it returns the func that stops it.
	Progress func(ctx context.Context, c *arp.Counters, total int64) (stop func())
}

// RunTo runs a planned sweep (Run) for a command, in this order: the
// store's preflight, the sweep with its progress, the host records, the
// summary, then the report stored (an interrupted sweep as partial: it
// marks nothing missing). A failing Out stops the records, not the sweep:
// it is still stored, and the error ("write output") joins the sweep's.
// A sweep that may not open a raw socket is ErrNeedRaw.
func (s Sweeper) RunTo(ctx context.Context, o scanner.Options, t SweepTo) error {
	var remembered func(context.Context) map[netip.Addr]string
	if t.Store != nil {
		// A bad store, a foreign file or a newer schema is refused before
		// any packet; one out of reach now is said, and the sweep spooled.
		if err := t.Store.PreflightTo(ctx, t.Stderr); err != nil {
			return err
		}
		remembered = t.Store.Remembered(t.Stderr)
	}
	stop := func() {}
	if t.Progress != nil {
		stop = t.Progress(ctx, o.Counters, int64(o.Targets.Size()))
	}
	rep, err := s.Run(ctx, o, remembered)
	stop()
	if err != nil && rep == nil {
		if errors.Is(err, os.ErrPermission) {
			return ErrNeedRaw
		}
		return err
	}
	werr := rep.WriteHosts(t.Out, t.Stderr)
	if werr != nil {
		werr = fmt.Errorf("write output: %w", werr)
	}
	rep.WriteSummary(t.Stderr)
	if t.Store != nil {
		if serr := t.Store.DeliverReport(ctx, rep, t.Stderr); serr != nil {
			return errors.Join(err, serr, werr)
		}
	}
	return errors.Join(err, werr)
}

// Passive is sweep --passive's listening time: a given one must be more
// than 0 and at most 24h (a *SettingsError); not given, 0 (no listening).
func Passive(d config.Duration, given bool) (time.Duration, error) {
	if given && (d.D() <= 0 || d.D() > 24*time.Hour) {
		return 0, &SettingsError{fmt.Errorf("--passive %s: must be more than 0 and at most 24h", d)}
	}
	return d.D(), nil
}
