package assemble

import (
	"fmt"
	"log/slog"
	"slices"
	"time"

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
