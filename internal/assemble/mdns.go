package assemble

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/mdns"
	"github.com/netcensus/netcensus/scanner/passive"
)

// MDNSBrowse is a browse of the attached segments by mDNS / DNS-SD (the
// mdns command's).
type MDNSBrowse struct {
	// Config is the config with the command's flags laid over
	// mdns.duration and recog_dir (config.Overlay).
	Config config.Config
	// Interface, when set, is the one interface browsed; else every
	// interface with an attached IPv4 segment.
	Interface string
	// Env is the machine: its routes, interfaces and mDNS browser.
	Env scanner.Env
	Log *slog.Logger
}

// ErrNoBrowser: the machine has no mDNS browser (a test's fake one).
var ErrNoBrowser = errors.New("mdns: no browser on this machine")

// Run loads the mDNS rules (recog_dir), picks the interfaces, browses
// each at once and returns what was heard as assets, with each
// interface's result for its summary. A browse that failed after it heard
// something is partial; one that heard nothing is err. A bad recog_dir or
// interface, or no attached segment, is a *SettingsError and nothing is
// sent.
func (b MDNSBrowse) Run(ctx context.Context) (assets []record.Asset, results []mdns.Browsed, partial, err error) {
	_, rules, err := MDNSRules(b.Config.RecogDir, b.Log)
	if err != nil {
		return nil, nil, nil, err
	}
	routes, err := b.Env.Routes()
	if err != nil {
		return nil, nil, nil, fmt.Errorf("routing table: %w", err)
	}
	ifis, err := arp.AttachedInterfaces(routes, b.Env.Interfaces, b.Interface)
	if errors.Is(err, arp.ErrNoSegment) {
		return nil, nil, nil, &SettingsError{fmt.Errorf("%w to browse", err)}
	} else if err != nil {
		return nil, nil, nil, &SettingsError{err}
	}
	if b.Env.BrowseMDNS == nil {
		return nil, nil, nil, ErrNoBrowser
	}
	mc := b.Config.MDNS
	results = mdns.BrowseEach(ctx, b.Env.BrowseMDNS, ifis, mdns.Options{Duration: mc.Duration.D(), MaxBrowsed: mc.MaxTypes, Limits: MDNSLimits(mc), Logger: b.Log})
	assets, partial, err = mdns.BrowsedAssets(results, rules)
	return assets, results, partial, err
}

// ImportPcap reads capture files (passive.ReadPaths: one missing is a
// *passive.FileError before any is read) and returns the hosts heard in
// them, as passive listening reports them with the mDNS rules and Recog
// fingerprints of the config's recog_dir, and the decoder's counts.
func ImportPcap(ctx context.Context, cfg config.Config, files []string, log *slog.Logger) ([]record.Asset, passive.Stats, error) {
	db, rules, err := MDNSRules(cfg.RecogDir, log)
	if err != nil {
		return nil, passive.Stats{}, err
	}
	d := passive.NewDecoder(PassiveLimits(cfg.MDNS))
	if err := passive.ReadPaths(ctx, files, d); err != nil {
		return nil, passive.Stats{}, err
	}
	return d.Assets(rules, db), d.Stats(), nil
}
