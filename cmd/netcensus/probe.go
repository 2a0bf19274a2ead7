package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/config"
)

type probeFlags struct {
	// snmp holds the flags laid over the config's snmp section (port,
	// timeout, retries, workers, target-timeout); cred the credentials.
	snmp   config.SNMP
	cred   assemble.CredentialFlags
	format string
	record string
}

func newProbeCmd(a *app) *cobra.Command {
	f := probeFlags{snmp: config.DefaultSNMP()}
	def := f.snmp
	cmd := &cobra.Command{
		Use:   "probe [flags] HOST[:PORT]...",
		Short: "Inventory hosts by SNMP: hardware, software, interfaces, LLDP",
		Long: `Probe walks each HOST over SNMP (v1, v2c or v3) and prints one asset record per
host: the system group, vendor, model, serial, OS and version with the evidence
for each, installed software, storage, interfaces and LLDP neighbours.

Credentials: --community (repeatable) or --v3-user and friends; without them,
the credential sets of the config file scoped to each host's address; with
none configured, the community "public" (v2c). A host that fails is reported
on stderr and the others go on; the exit status is 1 when every host failed.

--record DIR writes what was read from each host to DIR/ADDRESS.snmprec
(ADDRESS_PORT.snmprec off port 161), in snmpsim's format: Debian's snmpsimd
serves it back with the file name as the community, and netcensus
fingerprints coverage DIR reads it. No community or passphrase is written:
credential tables are left out and a secret inside a value becomes REDACTED.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.probe(cmd.Context(), cmd, f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&f.cred.Communities, "community", nil, "community to try, in order (repeatable)")
	fl.IntVar(&f.snmp.Port, "port", def.Port, "agent UDP port, where a HOST gives none")
	fl.Var(&f.snmp.Timeout, "timeout", "wait for each reply")
	fl.IntVar(&f.snmp.Retries, "retries", def.Retries, "resend an unanswered request this many times")
	fl.StringVar(&f.cred.Version, "snmp-version", "", "1, 2c or 3 (default 2c with --community, 3 with --v3-user)")
	fl.StringVar(&f.cred.V3User, "v3-user", "", "SNMPv3 user name")
	fl.StringVar(&f.cred.V3AuthProto, "v3-auth-proto", "", "md5, sha, sha224, sha256, sha384 or sha512")
	fl.StringVar(&f.cred.V3AuthPass, "v3-auth-pass", "", "authentication passphrase (or NETCENSUS_V3_AUTH_PASS)")
	fl.StringVar(&f.cred.V3PrivProto, "v3-priv-proto", "", "des, aes, aes192, aes256, aes192c or aes256c (c: Reeder key extension)")
	fl.StringVar(&f.cred.V3PrivPass, "v3-priv-pass", "", "privacy passphrase (or NETCENSUS_V3_PRIV_PASS)")
	fl.StringVar(&f.cred.V3Context, "v3-context", "", "SNMPv3 context name")
	fl.IntVar(&f.snmp.Workers, "workers", def.Workers, "hosts walked at once")
	fl.Var(&f.snmp.TargetTimeout, "target-timeout", "give up on one host after this long")
	fl.StringVar(&f.record, "record", "", "write each host's walk to DIR/HOST.snmprec (secrets removed)")
	fl.StringVarP(&f.format, "format", "o", "", "output: table, json or jsonl (default table on a terminal, jsonl otherwise)")
	return cmd
}

func (a *app) probe(ctx context.Context, cmd *cobra.Command, f probeFlags, args []string) error {
	cfg, fs := a.cfg, cmd.Flags()
	err := cfg.Overlay(config.Flag(fs, "port", &cfg.SNMP.Port, &f.snmp.Port), config.Flag(fs, "timeout", &cfg.SNMP.Timeout, &f.snmp.Timeout),
		config.Flag(fs, "retries", &cfg.SNMP.Retries, &f.snmp.Retries), config.Flag(fs, "workers", &cfg.SNMP.Workers, &f.snmp.Workers),
		config.Flag(fs, "target-timeout", &cfg.SNMP.TargetTimeout, &f.snmp.TargetTimeout))
	if err != nil {
		return err
	}
	format, err := a.resolveFormat(f.format)
	if err != nil {
		return err
	}
	f.cred.V3Set = fs.Changed("v3-auth-proto") || fs.Changed("v3-priv-proto") || fs.Changed("v3-context")
	p, err := assemble.NewProbe(ctx, assemble.ProbeRequest{Config: cfg, Credentials: f.cred, Hosts: args, Format: format, Record: f.record, Getenv: a.getenv, Log: a.log})
	if err != nil {
		return err
	}
	return p.RunTo(ctx, a.output(format))
}
