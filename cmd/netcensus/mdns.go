package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	fpmdns "github.com/netcensus/netcensus/fingerprints/mdns"
	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/fingerprints/recog"
	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/mdns"
)

type mdnsFlags struct {
	iface    string
	duration config.Duration
	format   string
	recogDir string
}

func newMDNSCmd(a *app) *cobra.Command {
	var f mdnsFlags
	f.duration = config.Default().MDNS.Duration
	cmd := &cobra.Command{
		Use:   "mdns [flags]",
		Short: "Browse mDNS / DNS-SD: names, services and models of hosts",
		Long: `mdns enumerates the DNS-SD service types announced on each attached segment
(or only on --interface), browses each, resolves every instance (host name,
addresses, port, TXT) and asks each host for HINFO and _device-info. It says
what each host is from what it announces. Queries go out of the chosen
interfaces only. Host records go to stdout; a summary, with what the decoder
dropped, goes to stderr.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.mdns(cmd.Context(), cmd, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.iface, "interface", "i", "", "browse through this interface only (default: every interface with an attached IPv4 segment)")
	fl.Var(&f.duration, "duration", "how long to listen (Go units plus d, w)")
	fl.StringVarP(&f.format, "format", "o", "", "output: table, json, jsonl or csv (default table on a terminal, jsonl otherwise)")
	fl.StringVar(&f.recogDir, "recog-dir", "", "directory of Recog XML fingerprint files (default: config recog_dir)")
	return cmd
}

// loadRecog reads the Recog directory named by the flag, else the config;
// nil when neither names one.
func (a *app) loadRecog(flagDir string) (*recog.DB, error) {
	dir := flagDir
	if dir == "" {
		dir = a.cfg.RecogDir
	}
	if dir == "" {
		return nil, nil
	}
	db, err := assemble.LoadRecog(dir, a.log)
	if err != nil {
		return nil, usageError{fmt.Errorf("--recog-dir: %w", err)}
	}
	return db, nil
}

// mdnsRules loads the Recog directory (loadRecog) and the mDNS rules
// that use it.
func (a *app) mdnsRules(flagDir string) (*recog.DB, *fpmdns.Rules, error) {
	db, err := a.loadRecog(flagDir)
	if err != nil {
		return nil, nil, err
	}
	rules, err := fpmdns.New(db)
	if err != nil {
		return nil, nil, fmt.Errorf("mdns rules: %w", err)
	}
	return db, rules, nil
}

// mdnsInterfaces picks the interfaces to browse: the named one, or one
// per attached IPv4 segment (arp.AttachedInterfaces).
func (a *app) mdnsInterfaces(name string) ([]*net.Interface, error) {
	env := a.newEnv(nil, a.log)
	routes, err := env.Routes()
	if err != nil {
		return nil, fmt.Errorf("routing table: %w", err)
	}
	ifis, err := arp.AttachedInterfaces(routes, env.Interfaces, name)
	if errors.Is(err, arp.ErrNoSegment) {
		return nil, usagef("%w to browse", err)
	}
	return ifis, usageErr(err)
}

func (a *app) mdns(ctx context.Context, cmd *cobra.Command, f mdnsFlags) error {
	cfg := a.cfg.MDNS
	overlay(cmd.Flags(), over("duration", &cfg.Duration, &f.duration))
	if err := cfg.Validate(); err != nil {
		return usageError{err}
	}
	format, err := a.resolveFormat(f.format)
	if err != nil {
		return err
	}
	_, rules, err := a.mdnsRules(f.recogDir)
	if err != nil {
		return err
	}
	ifis, err := a.mdnsInterfaces(f.iface)
	if err != nil {
		return err
	}
	reg, err := oui.Open()
	if err != nil {
		return fmt.Errorf("IEEE registry: %w", err)
	}
	results := mdns.BrowseEach(ctx, mdns.Browse, ifis, mdns.Options{Duration: cfg.Duration.D(), MaxBrowsed: cfg.MaxTypes, Limits: assemble.MDNSLimits(cfg), Logger: a.log})
	assets, partial, err := mdns.BrowsedAssets(results, rules)
	if err != nil {
		return err
	}
	if err := writeAssets(a, format, assets, reg); err != nil {
		return err
	}
	for _, r := range results {
		fmt.Fprintf(a.stderr, "summary: interface=%s %s\n", r.Interface.Name, r.Result.Summary())
	}
	return partial
}

// stageFlags are sweep's flags for the mDNS stage, passive listening and
// Recog.
type stageFlags struct {
	passive  config.Duration
	noMDNS   bool
	noNDP    bool
	recogDir string
}

func (s *stageFlags) register(fl *pflag.FlagSet) {
	fl.Var(&s.passive, "passive", "send nothing: listen this long and report the hosts heard (ARP, mDNS, DHCP)")
	fl.BoolVar(&s.noMDNS, "no-mdns", false, "no mDNS browse of the attached segments")
	fl.BoolVar(&s.noNDP, "no-ndp", false, "no IPv6 neighbour discovery (echo to all nodes, solicitations) on the swept links")
	fl.StringVar(&s.recogDir, "recog-dir", "", "directory of Recog XML fingerprint files (default: config recog_dir)")
}

// sweepStages builds the mDNS, passive and Recog settings of a sweep from
// the config and flags. With --passive, the passive options are set and
// nothing is sent.
func (a *app) sweepStages(cmd *cobra.Command, s stageFlags) (*scanner.MDNSOptions, *scanner.PassiveOptions, *recog.DB, error) {
	db, err := a.loadRecog(s.recogDir)
	if err != nil {
		return nil, nil, nil, err
	}
	var passive time.Duration
	if cmd.Flags().Changed("passive") {
		if passive = s.passive.D(); passive <= 0 || passive > 24*time.Hour {
			return nil, nil, nil, usagef("--passive %s: must be more than 0 and at most 24h", s.passive)
		}
	}
	mo, po, err := assemble.Stages(a.cfg.MDNS, db, passive, s.noMDNS)
	return mo, po, db, err
}
