package main

import (
	"context"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/internal/progress"
	"github.com/netcensus/netcensus/scanner/arp"
)

type sweepFlags struct {
	// sweep and snmp hold the flags laid over the config's sections of
	// those names (config.Overlay); stages the stages' flags.
	sweep      config.Sweep
	snmp       config.SNMP
	stages     assemble.Stages
	exclude    []string
	noStore    bool
	noProgress bool
	dnsServers []string
	passive    config.Duration
	recogDir   string
}

func newSweepCmd(a *app) *cobra.Command {
	f := sweepFlags{sweep: config.Default().Sweep, snmp: config.DefaultSNMP()}
	def, snmpDef := f.sweep, f.snmp
	cmd := &cobra.Command{
		Use:   "sweep [flags] TARGET...",
		Short: "Find hosts by ARP, SNMP and mDNS and store them in the CMDB",
		Long: `Sweep finds the live hosts among TARGETs. A TARGET is a CIDR
(198.51.100.0/24), an address (198.51.100.7) or a range (198.51.100.10-20 or
198.51.100.10-198.51.100.40).

A sweep runs three stages:

  ARP    targets on a directly attached segment are asked by ARP, from one raw
         socket per interface (needs CAP_NET_RAW: exit 4 without it).
  SNMP   every host ARP found, and targets behind a router (routed targets,
         which ARP cannot reach), are queried by SNMP with the --community
         strings or the config's credential sets (v1, v2c, v3): system group,
         interfaces, software, storage, neighbours. --no-snmp turns it off.
  mDNS   the attached segments are browsed by multicast DNS for names,
         services and device models. --no-mdns turns it off.
  NDP    the IPv6 neighbours of the swept links answer an echo to all nodes
         and solicitations; their global and unique-local addresses join the
         hosts with the same MAC. --no-ndp turns it off.

A TARGET may also be an IPv6 address or prefix of /120 or longer; a larger
IPv6 prefix is refused, its hosts being found by NDP, mDNS and routers.

Fingerprints turn what was found into vendor, model, OS and device type, and
the hosts are stored in the CMDB (--no-store prints only). Host records go to
stdout; progress, skipped targets (with the reason), anomalies and a summary go
to stderr.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.sweep(cmd.Context(), cmd, f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.sweep.Interface, "interface", "i", "", "sweep through this interface only (default: chosen per target from the routing table)")
	fl.IntVar(&f.sweep.Rate, "rate", def.Rate, "packets per second, all probes together")
	fl.IntVar(&f.sweep.ARPRetries, "arp-retries", def.ARPRetries, "extra requests to addresses that have not answered")
	fl.Var(&f.sweep.ARPWait, "arp-wait", "wait for a reply before retrying, and after the last request (Go units plus d, w)")
	fl.StringArrayVar(&f.exclude, "exclude", nil, "address, CIDR or range never sent anything (repeatable; adds to config)")
	fl.Uint64Var(&f.sweep.MaxHosts, "max-hosts", def.MaxHosts, "refuse sweeps of more addresses than this")
	fl.BoolVar(&f.sweep.AllowPublic, "allow-public", false, "allow public (globally routed) targets")
	fl.StringVarP(&f.sweep.Format, "format", "o", "", "output: table, json, jsonl or csv (default table on a terminal, jsonl otherwise)")
	fl.BoolVar(&f.noStore, "no-store", false, "print only, store nothing in the CMDB")
	fl.BoolVar(&f.noProgress, "no-progress", false, "no progress bar on stderr")
	fl.StringArrayVar(&f.stages.Communities, "community", nil, "SNMP community to try, in order (repeatable; replaces the config's credential sets)")
	fl.Var(&f.snmp.Timeout, "snmp-timeout", "wait for each SNMP reply")
	fl.IntVar(&f.snmp.Retries, "snmp-retries", snmpDef.Retries, "resend an unanswered SNMP request this many times")
	fl.IntVar(&f.snmp.Workers, "snmp-workers", snmpDef.Workers, "SNMP devices walked at once")
	fl.BoolVar(&f.stages.NoSNMP, "no-snmp", false, "ARP only: no SNMP discovery or collection")
	fl.BoolVar(&f.stages.NoNames, "no-names", false, "ask no names: no reverse DNS, NetBIOS or LLMNR")
	fl.StringArrayVar(&f.dnsServers, "dns-server", nil, "DNS server for reverse lookups, ADDR or ADDR:PORT (repeatable; replaces the config's; default: /etc/resolv.conf's)")
	fl.Var(&f.passive, "passive", "send nothing: listen this long and report the hosts heard (ARP, mDNS, DHCP)")
	fl.BoolVar(&f.stages.NoMDNS, "no-mdns", false, "no mDNS browse of the attached segments")
	fl.BoolVar(&f.stages.NoNDP, "no-ndp", false, "no IPv6 neighbour discovery (echo to all nodes, solicitations) on the swept links")
	fl.StringVar(&f.recogDir, "recog-dir", "", "directory of Recog XML fingerprint files (default: config recog_dir)")
	return cmd
}

// resolveFormat picks the output format (exporters.PickFormat): the one
// given, else table on a terminal and jsonl otherwise.
func (a *app) resolveFormat(format string) (string, error) {
	f, err := exporters.PickFormat(format, a.isTTY(a.stdout))
	if err != nil {
		return "", usagef("--%v", err)
	}
	return f, nil
}

func (a *app) sweep(ctx context.Context, cmd *cobra.Command, f sweepFlags, args []string) error {
	cfg, fs := a.cfg, cmd.Flags()
	err := cfg.Overlay(config.Flag(fs, "interface", &cfg.Sweep.Interface, &f.sweep.Interface), config.Flag(fs, "rate", &cfg.Sweep.Rate, &f.sweep.Rate),
		config.Flag(fs, "arp-retries", &cfg.Sweep.ARPRetries, &f.sweep.ARPRetries), config.Flag(fs, "arp-wait", &cfg.Sweep.ARPWait, &f.sweep.ARPWait),
		config.Flag(fs, "max-hosts", &cfg.Sweep.MaxHosts, &f.sweep.MaxHosts), config.Flag(fs, "allow-public", &cfg.Sweep.AllowPublic, &f.sweep.AllowPublic),
		config.Flag(fs, "format", &cfg.Sweep.Format, &f.sweep.Format), config.Flag(fs, "snmp-timeout", &cfg.SNMP.Timeout, &f.snmp.Timeout),
		config.Flag(fs, "snmp-retries", &cfg.SNMP.Retries, &f.snmp.Retries), config.Flag(fs, "snmp-workers", &cfg.SNMP.Workers, &f.snmp.Workers),
		config.Flag(fs, "dns-server", &cfg.Names.Servers, &f.dnsServers), config.Flag(fs, "recog-dir", &cfg.RecogDir, &f.recogDir))
	if err != nil {
		return err
	}
	if f.stages.Passive, err = assemble.Passive(f.passive, fs.Changed("passive")); err != nil {
		return err
	}
	sw := assemble.Sweeper{Env: a.newEnv, Getenv: a.getenv, Log: a.log}
	opts, err := sw.Plan(assemble.SweepRequest{Config: cfg, Targets: args, Exclude: f.exclude, Stages: f.stages})
	if err != nil {
		return err
	}
	format, err := a.resolveFormat(cfg.Sweep.Format)
	if err != nil {
		return err
	}
	to := assemble.SweepTo{Store: a.storeUnless(f.noStore), Stderr: a.stderr}
	if !f.noProgress {
		to.Progress = a.startProgress
	}
	if to.Out, err = a.output(format).AssetWriter(); err != nil {
		return err
	}
	// A reader that closes stdout early (| head) makes writes fail with
	// EPIPE instead of killing the process: the sweep is still stored.
	signal.Ignore(syscall.SIGPIPE)
	return sw.RunTo(ctx, opts, to)
}

// startProgress draws a progress bar on stderr when it is a terminal and
// the sweep has run for more than a second. The returned func stops it.
func (a *app) startProgress(ctx context.Context, c *arp.Counters, total int64) func() {
	if !a.isTTY(a.stderr) {
		return func() {}
	}
	return progress.Start(ctx, a.stderr, c.Sent.Load, c.Found.Load, total)
}
