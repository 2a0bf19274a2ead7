package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/scanner/snmp"
)

type probeFlags struct {
	communities   []string
	port          int
	timeout       config.Duration
	retries       int
	version       string
	v3User        string
	v3AuthProto   string
	v3AuthPass    string
	v3PrivProto   string
	v3PrivPass    string
	v3Context     string
	workers       int
	targetTimeout config.Duration
	format        string
	record        string
}

func newProbeCmd(a *app) *cobra.Command {
	var f probeFlags
	def := config.DefaultSNMP()
	f.timeout = def.Timeout
	f.targetTimeout = def.TargetTimeout
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
	fl.StringArrayVar(&f.communities, "community", nil, "community to try, in order (repeatable)")
	fl.IntVar(&f.port, "port", def.Port, "agent UDP port, where a HOST gives none")
	fl.Var(&f.timeout, "timeout", "wait for each reply")
	fl.IntVar(&f.retries, "retries", def.Retries, "resend an unanswered request this many times")
	fl.StringVar(&f.version, "snmp-version", "", "1, 2c or 3 (default 2c with --community, 3 with --v3-user)")
	fl.StringVar(&f.v3User, "v3-user", "", "SNMPv3 user name")
	fl.StringVar(&f.v3AuthProto, "v3-auth-proto", "", "md5, sha, sha224, sha256, sha384 or sha512")
	fl.StringVar(&f.v3AuthPass, "v3-auth-pass", "", "authentication passphrase (or NETCENSUS_V3_AUTH_PASS)")
	fl.StringVar(&f.v3PrivProto, "v3-priv-proto", "", "des, aes, aes192, aes256, aes192c or aes256c (c: Reeder key extension)")
	fl.StringVar(&f.v3PrivPass, "v3-priv-pass", "", "privacy passphrase (or NETCENSUS_V3_PRIV_PASS)")
	fl.StringVar(&f.v3Context, "v3-context", "", "SNMPv3 context name")
	fl.IntVar(&f.workers, "workers", def.Workers, "hosts walked at once")
	fl.Var(&f.targetTimeout, "target-timeout", "give up on one host after this long")
	fl.StringVar(&f.record, "record", "", "write each host's walk to DIR/HOST.snmprec (secrets removed)")
	fl.StringVarP(&f.format, "format", "o", "", "output: table, json or jsonl (default table on a terminal, jsonl otherwise)")
	return cmd
}

// probeCredentials builds the credential sets from flags, else from the
// config (which has the default when it names none); every refusal is a
// usage error.
func (a *app) probeCredentials(cmd *cobra.Command, f probeFlags, sc config.SNMP) ([]snmp.Credential, error) {
	ch := cmd.Flags().Changed
	creds, err := assemble.FlagCredentials(assemble.CredentialFlags{Version: f.version, Communities: f.communities,
		V3User: f.v3User, V3AuthProto: f.v3AuthProto, V3AuthPass: f.v3AuthPass, V3PrivProto: f.v3PrivProto, V3PrivPass: f.v3PrivPass,
		V3Context: f.v3Context, V3Set: ch("v3-auth-proto") || ch("v3-priv-proto") || ch("v3-context")}, sc, a.getenv)
	return creds, usageErr(err)
}

var errAllFailed = errors.New("no host answered")

func (a *app) probe(ctx context.Context, cmd *cobra.Command, f probeFlags, args []string) error {
	cfg, fs := a.cfg, cmd.Flags()
	cfg.SNMP = assemble.SNMPSection(cfg.SNMP)
	err := cfg.Overlay(config.Flag(fs, "port", &cfg.SNMP.Port, &f.port), config.Flag(fs, "timeout", &cfg.SNMP.Timeout, &f.timeout),
		config.Flag(fs, "retries", &cfg.SNMP.Retries, &f.retries), config.Flag(fs, "workers", &cfg.SNMP.Workers, &f.workers),
		config.Flag(fs, "target-timeout", &cfg.SNMP.TargetTimeout, &f.targetTimeout))
	if err != nil {
		return usageError{err}
	}
	sc := cfg.SNMP
	format := f.format
	if format == "csv" {
		return usagef("--format csv: probe records nest lists; want table, json or jsonl")
	}
	format, err = a.resolveFormat(format)
	if err != nil {
		return err
	}
	credsResolved, err := a.probeCredentials(cmd, f, sc)
	if err != nil {
		return err
	}
	secrets := snmp.CredentialSecrets(credsResolved)
	if f.record != "" {
		if err := os.MkdirAll(f.record, 0o750); err != nil {
			return usageError{fmt.Errorf("--record: %w", err)}
		}
	}
	tgts, err := snmp.ProbeTargets(ctx, args, sc.Port)
	if err != nil {
		return usageError{err}
	}
	eng, err := a.fingerprintEngine()
	if err != nil {
		return err
	}
	out, err := a.assetWriter(format)
	if err != nil {
		return usageError{err}
	}
	col := snmp.NewCollector(assemble.Collect(sc, credsResolved, eng, a.log))
	st, werr := snmp.Probe(tgts, col.Stream(ctx, tgts), out.Write, snmp.ProbeOptions{Record: f.record, Secrets: secrets, Log: a.stderr})
	if werr == nil {
		werr = out.Close()
	}
	if werr != nil {
		return fmt.Errorf("write output: %w", werr)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	st.WriteSummary(a.stderr)
	if st.Answered == 0 {
		return errAllFailed
	}
	if st.RecordErr != nil {
		return fmt.Errorf("--record %s: %w", f.record, st.RecordErr)
	}
	return nil
}
