package assemble

import (
	"context"
	"fmt"
	"log/slog"
	"net/netip"
	"slices"
	"time"

	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/internal/config"
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
