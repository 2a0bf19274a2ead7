package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/config"
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

func (a *app) mdns(ctx context.Context, cmd *cobra.Command, f mdnsFlags) error {
	cfg, fs := a.cfg, cmd.Flags()
	if err := cfg.Overlay(config.Flag(fs, "duration", &cfg.MDNS.Duration, &f.duration), config.Flag(fs, "recog-dir", &cfg.RecogDir, &f.recogDir)); err != nil {
		return err
	}
	format, err := a.resolveFormat(f.format)
	if err != nil {
		return err
	}
	return assemble.MDNSBrowse{Config: cfg, Interface: f.iface, Env: a.newEnv(nil, a.log), Log: a.log}.RunTo(ctx, a.output(format))
}
