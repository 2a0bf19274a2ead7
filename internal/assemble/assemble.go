// Package assemble builds what a command runs from the config: a sweep's
// scanner options (SNMP with its credentials and location rules, names,
// mDNS, passive listening), the inventory over a store, and the sweep the
// inventory ingests from a scanner's report; and each command's flow
// (a sweep or probe run, an import, a report or export written on an
// Output), so that cmd/netcensus holds flags and wiring only. It is the
// one assembly that cmd/netcensus's commands and serve's scheduled sweeps
// share; the domain packages take their own settings and never see the
// config.
package assemble

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/fingerprints"
	fpmdns "github.com/netcensus/netcensus/fingerprints/mdns"
	"github.com/netcensus/netcensus/fingerprints/recog"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/locate"
	"github.com/netcensus/netcensus/scanner/mdns"
	"github.com/netcensus/netcensus/scanner/names"
	"github.com/netcensus/netcensus/scanner/passive"
	"github.com/netcensus/netcensus/scanner/snmp"
)

// Credentials resolves the config's SNMP credential sets (secrets from
// the file, a file reference or the environment) into the scanner's; with
// none configured, the scanner's default.
func Credentials(sc config.SNMP, getenv func(string) string) ([]snmp.Credential, error) {
	specs, err := sc.ResolveCredentials(getenv)
	if err != nil {
		return nil, err
	}
	out := make([]snmp.CredentialSpec, len(specs))
	for i, s := range specs {
		out[i] = snmp.CredentialSpec(s)
	}
	return snmp.Credentials(out)
}

// ErrEmptyCommunity: a community string given is empty.
var ErrEmptyCommunity = errors.New("empty")

// Communities are credential sets of version v (1 or 2c), one per
// community in order, named community-1, community-2...
func Communities(comms []string, v gosnmp.SnmpVersion) ([]snmp.Credential, error) {
	creds := make([]snmp.Credential, len(comms))
	for i, c := range comms {
		if c == "" {
			return nil, ErrEmptyCommunity
		}
		creds[i] = snmp.Credential{Name: fmt.Sprintf("community-%d", i+1), Version: v, Community: config.Secret(c)}
	}
	return creds, nil
}

// SNMPSection is the config's snmp section, the default where the config
// has none.
func SNMPSection(c config.SNMP) config.SNMP {
	if c.Port == 0 {
		return config.DefaultSNMP()
	}
	return c
}

// Fingerprints is the fingerprint engine of every command that
// identifies devices: the built-in profiles and those of the section's
// profiles_dir. A bad profiles_dir (missing, a bad file) is a
// *SettingsError naming the key and, for a bad file, its line.
func Fingerprints(c config.Fingerprints) (*fingerprints.Engine, error) {
	eng, err := fingerprints.NewWithProfiles(c.ProfilesDir)
	if err != nil && c.ProfilesDir != "" {
		return nil, &SettingsError{fmt.Errorf("fingerprints.profiles_dir: %w", err)}
	}
	if err != nil {
		return nil, fmt.Errorf("fingerprints: %w", err)
	}
	return eng, nil
}

// SNMP are the SNMP phases' settings of a sweep: sc's bounds, creds, and
// the fingerprint engine with the profiles of profilesDir (Fingerprints).
func SNMP(sc config.SNMP, creds []snmp.Credential, profilesDir string) (*scanner.SNMPOptions, error) {
	eng, err := Fingerprints(config.Fingerprints{ProfilesDir: profilesDir})
	if err != nil {
		return nil, err
	}
	return &scanner.SNMPOptions{
		Credentials: creds, Port: sc.Port, Timeout: sc.Timeout.D(), Retries: sc.Retries,
		Workers: sc.Workers, TargetTimeout: sc.TargetTimeout.D(), MaxRepetitions: sc.MaxRepetitions,
		MaxRows: sc.MaxRows, Engine: eng,
	}, nil
}

// SettingsError is a bad setting (a store's DSN or ClickHouse
// credentials, the identity rules, the location rules): the user's to
// fix, not a failure of the store or the network. Its message is the
// setting's error.
type SettingsError struct{ Err error }

func (e *SettingsError) Error() string { return e.Err.Error() }
func (e *SettingsError) Unwrap() error { return e.Err }

// Collect are a probe's collection settings: sc's bounds, creds, and
// the fingerprint engine eng.
func Collect(sc config.SNMP, creds []snmp.Credential, eng *fingerprints.Engine, log *slog.Logger) snmp.CollectOptions {
	return snmp.CollectOptions{Credentials: creds, Timeout: sc.Timeout.D(), Retries: sc.Retries, TargetTimeout: sc.TargetTimeout.D(),
		MaxRepetitions: sc.MaxRepetitions, MaxRows: sc.MaxRows, Workers: sc.Workers, Engine: eng, Logger: log}
}

// SNMPStage is a sweep's SNMP stage: sc's settings with creds, and the
// config's location rules (a bad locate section is a *SettingsError).
func SNMPStage(cfg config.Config, sc config.SNMP, creds []snmp.Credential) (*scanner.SNMPOptions, error) {
	o, err := SNMP(sc, creds, cfg.Fingerprints.ProfilesDir)
	if err != nil {
		return nil, err
	}
	if err := Locate(o, cfg.Locate); err != nil {
		return nil, &SettingsError{err}
	}
	return o, nil
}

// maxRulesFile bounds a location rules file.
const maxRulesFile = 1 << 20

// Locate sets a sweep's forwarding-table collection and location rules
// from the config's locate section (a rules file replacing the built-in
// rules).
func Locate(o *scanner.SNMPOptions, lc config.Locate) error {
	if err := lc.Validate(); err != nil {
		return err
	}
	o.FDB = snmp.FDBOptions{Off: !lc.Enabled, VLANContexts: lc.VLANContexts, MaxVLANs: lc.MaxVLANs}
	if lc.RulesFile == "" {
		return nil
	}
	f, err := os.Open(lc.RulesFile)
	if err != nil {
		return fmt.Errorf("locate.rules_file: %w", err)
	}
	defer f.Close()
	r, err := locate.Parse(io.LimitReader(f, maxRulesFile+1))
	if err != nil {
		return fmt.Errorf("locate.rules_file %s: %w", lc.RulesFile, err)
	}
	o.Locate = &r
	return nil
}

// Names are the names stage's options of a names section (a CLI sweep's
// or a scheduled one's); nil when every protocol is off.
func Names(cfg config.Names) (*names.Options, error) {
	c := config.Config{Names: cfg}
	if err := c.Names.Validate(); err != nil {
		return nil, err
	}
	if !cfg.DNS && !cfg.NetBIOS && !cfg.LLMNR {
		return nil, nil
	}
	o := &names.Options{DNS: cfg.DNS, NetBIOS: cfg.NetBIOS, LLMNR: cfg.LLMNR, Timeout: cfg.Timeout.D()}
	for _, s := range cfg.Servers {
		ap, err := config.ParseDNSServer(s)
		if err != nil {
			return nil, fmt.Errorf("dns server %q: %w", s, err)
		}
		o.Servers = append(o.Servers, ap)
	}
	return o, nil
}

// MDNSSection is the config's mdns section, the default where the config
// has none.
func MDNSSection(c config.MDNS) config.MDNS {
	if c == (config.MDNS{}) {
		return config.Default().MDNS
	}
	return c
}

// MDNSLimits are the mDNS decoder's bounds.
func MDNSLimits(c config.MDNS) mdns.Limits {
	return mdns.Limits{MaxInstances: c.MaxInstances, MaxTXTBytes: c.MaxTXTBytes}
}

// PassiveLimits are the passive decoder's bounds.
func PassiveLimits(c config.MDNS) passive.Limits {
	return passive.Limits{MaxHosts: c.PassiveMaxHosts, MDNS: MDNSLimits(c)}
}

// MDNS is the sweep's mDNS stage.
func MDNS(c config.MDNS, rules *fpmdns.Rules) *scanner.MDNSOptions {
	return &scanner.MDNSOptions{Duration: c.Duration.D(), MaxTypes: c.MaxTypes, Limits: MDNSLimits(c), Rules: rules}
}

// mdnsStages are a sweep's mDNS and passive stages from the config's mdns
// section (the default where it has none) and the Recog fingerprints db:
// with passive > 0, listening that long, nothing sent; else the mDNS
// browse, unless the section or noMDNS turns it off.
func mdnsStages(c config.MDNS, db *recog.DB, passive time.Duration, noMDNS bool) (*scanner.MDNSOptions, *scanner.PassiveOptions, error) {
	rules, err := fpmdns.New(db)
	if err != nil {
		return nil, nil, fmt.Errorf("mdns rules: %w", err)
	}
	if passive > 0 {
		return nil, &scanner.PassiveOptions{Duration: passive, Limits: PassiveLimits(c), Rules: rules, Recog: db}, nil
	}
	if mc := MDNSSection(c); !noMDNS && mc.Enabled {
		return MDNS(mc, rules), nil, nil
	}
	return nil, nil, nil
}

// MDNSRules loads the Recog fingerprints of dir (none when it is "") and
// the mDNS rules that use them. An unreadable dir is a *SettingsError.
func MDNSRules(dir string, log *slog.Logger) (*recog.DB, *fpmdns.Rules, error) {
	db, err := LoadRecog(dir, log)
	if err != nil {
		return nil, nil, &SettingsError{fmt.Errorf("recog_dir %s: %w", dir, err)}
	}
	rules, err := fpmdns.New(db)
	if err != nil {
		return nil, nil, fmt.Errorf("mdns rules: %w", err)
	}
	return db, rules, nil
}

// LoadRecog reads the Recog fingerprints of dir; nil when dir is "".
func LoadRecog(dir string, log *slog.Logger) (*recog.DB, error) {
	if dir == "" {
		return nil, nil
	}
	db, err := recog.LoadDir(dir)
	if err != nil {
		return nil, err
	}
	n := 0
	for _, s := range db.Sets() {
		n += len(s.Fingerprints)
	}
	log.Info("recog fingerprints loaded", "dir", dir, "files", len(db.Sets()), "fingerprints", n)
	return db, nil
}
