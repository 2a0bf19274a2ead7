package main

import (
	"context"
	"errors"
	"fmt"
	"net"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	fpmdns "github.com/netcensus/netcensus/fingerprints/mdns"
	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/fingerprints/recog"
	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/config"
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

// mdnsRules loads the Recog directory (recog_dir, --recog-dir laid over
// it) and the mDNS rules that use it.
func (a *app) mdnsRules(fs *pflag.FlagSet, flagDir string) (*recog.DB, *fpmdns.Rules, error) {
	cfg := a.cfg
	if err := cfg.Overlay(config.Flag(fs, "recog-dir", &cfg.RecogDir, &flagDir)); err != nil {
		return nil, nil, usageError{err}
	}
	return assemble.MDNSRules(cfg.RecogDir, a.log)
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
	if err != nil {
		return nil, usageError{err}
	}
	return ifis, nil
}

func (a *app) mdns(ctx context.Context, cmd *cobra.Command, f mdnsFlags) error {
	c := a.cfg
	if err := c.Overlay(config.Flag(cmd.Flags(), "duration", &c.MDNS.Duration, &f.duration)); err != nil {
		return usageError{err}
	}
	cfg := c.MDNS
	format, err := a.resolveFormat(f.format)
	if err != nil {
		return err
	}
	_, rules, err := a.mdnsRules(cmd.Flags(), f.recogDir)
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
