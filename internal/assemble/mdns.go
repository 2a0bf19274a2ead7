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
	"github.com/netcensus/netcensus/scanner/nmap"
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

// RunTo is Run with the assets heard written on o (Output.WriteAssets)
// and each interface's summary on its Stderr; it returns Run's partial
// error.
func (b MDNSBrowse) RunTo(ctx context.Context, o Output) error {
	assets, results, partial, err := b.Run(ctx)
	if err != nil {
		return err
	}
	if err := o.WriteAssets(assets); err != nil {
		return err
	}
	for _, r := range results {
		fmt.Fprintf(o.Stderr, "summary: interface=%s %s\n", r.Interface.Name, r.Result.Summary())
	}
	return partial
}

// ImportPcapTo is ImportPcap with the hosts written on o
// (Output.WriteAssets) and a summary (files, hosts, the decoder's counts)
// on its Stderr.
func ImportPcapTo(ctx context.Context, cfg config.Config, files []string, log *slog.Logger, o Output) error {
	assets, st, err := ImportPcap(ctx, cfg, files, log)
	if err != nil {
		return err
	}
	if err := o.WriteAssets(assets); err != nil {
		return err
	}
	fmt.Fprintf(o.Stderr, "summary: files=%d hosts=%d %s\n", len(files), len(assets), st)
	return nil
}

// NmapImport is import nmap's: Nmap XML reports, each refused over
// MaxBytes, stored unless Store is nil (--no-store).
type NmapImport struct {
	Files    []string
	MaxBytes int64
	Store    *StoreSettings
}

// Run reads the reports (nmap.ReadFiles: a bad one refuses them all
// before anything is stored), checks the store (PreflightTo), writes the
// hosts on o and a summary on its Stderr, then stores the hosts that were
// up (DeliverImport: no segments, so an import marks nothing missing). A
// failing output stops the records, not the import. MaxBytes under 1 is a
// *SettingsError.
func (r NmapImport) Run(ctx context.Context, o Output) error {
	if r.MaxBytes <= 0 {
		return &SettingsError{fmt.Errorf("--max-bytes %d: must be positive", r.MaxBytes)}
	}
	rep, err := nmap.ReadFiles(ctx, r.Files, nmap.Limits{MaxBytes: r.MaxBytes})
	if err != nil {
		return err
	}
	if r.Store != nil {
		if err := r.Store.PreflightTo(ctx, o.Stderr); err != nil {
			return err
		}
	}
	werr := o.WriteAssets(rep.Hosts)
	fmt.Fprintf(o.Stderr, "summary: files=%d hosts=%d down=%d\n", len(r.Files), len(rep.Hosts), rep.Down)
	if r.Store == nil || len(rep.Hosts) == 0 {
		return werr
	}
	return errors.Join(werr, r.Store.DeliverImport(ctx, rep.Hosts, rep.Start, o.Stderr))
}
