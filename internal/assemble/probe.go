package assemble

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/snmp"
)

// ErrNoAnswer: no host of a probe answered.
var ErrNoAnswer = errors.New("no host answered")

// ProbeRequest is a probe by SNMP of the hosts named.
type ProbeRequest struct {
	// Config is the config with the command's flags laid over its snmp
	// section (config.Overlay).
	Config config.Config
	// Credentials are the credential flags; with none, the config's sets.
	Credentials CredentialFlags
	// Hosts are the HOST[:PORT] arguments, the snmp section's port where
	// one gives none.
	Hosts []string
	// Format is the output's: csv is refused (a probe's records nest
	// lists).
	Format string
	// Record, when set, is the directory each answering host's walk is
	// written to, secrets removed (made when missing).
	Record string
	Getenv func(string) string
	Log    *slog.Logger
}

// A Probe is a probe ready to run: its credentials checked, its record
// directory made, its hosts resolved and the fingerprint engine loaded.
type Probe struct {
	tgts   []snmp.Target
	col    *snmp.Collector
	record string
	opts   snmp.ProbeOptions
}

// NewProbe readies r before anything is sent. The csv format, bad
// credential flags or sets, a record directory it cannot make and bad
// hosts are a *SettingsError, as is a bad fingerprints.profiles_dir
// (Fingerprints).
func NewProbe(ctx context.Context, r ProbeRequest) (*Probe, error) {
	if r.Format == "csv" {
		return nil, &SettingsError{errors.New("--format csv: probe records nest lists; want table, json or jsonl")}
	}
	sc := r.Config.SNMP
	creds, err := FlagCredentials(r.Credentials, sc, r.Getenv)
	if err != nil {
		return nil, &SettingsError{err}
	}
	if r.Record != "" {
		if err := os.MkdirAll(r.Record, 0o750); err != nil {
			return nil, &SettingsError{fmt.Errorf("--record: %w", err)}
		}
	}
	tgts, err := snmp.ProbeTargets(ctx, r.Hosts, sc.Port)
	if err != nil {
		return nil, &SettingsError{err}
	}
	eng, err := Fingerprints(r.Config.Fingerprints)
	if err != nil {
		return nil, err
	}
	return &Probe{tgts: tgts, col: snmp.NewCollector(Collect(sc, creds, eng, r.Log)), record: r.Record,
		opts: snmp.ProbeOptions{Record: r.Record, Secrets: snmp.CredentialSecrets(creds)}}, nil
}

// Run probes the hosts, handing each answering host's record to write in
// the order the hosts were given and saying on w which failed or were
// collected in part, and what was recorded (snmp.Probe). A failing write
// stops the records, not the probe: it is the error returned. Once every
// host is done, Err says whether the probe failed.
func (p *Probe) Run(ctx context.Context, write func(*record.Asset) error, w io.Writer) (snmp.ProbeStats, error) {
	o := p.opts
	o.Log = w
	return snmp.Probe(p.tgts, p.col.Stream(ctx, p.tgts), write, o)
}

// Err is the probe's failure from its stats: ErrNoAnswer when no host
// answered, else a recording that could not be written.
func (p *Probe) Err(st snmp.ProbeStats) error {
	if st.Answered == 0 {
		return ErrNoAnswer
	}
	if st.RecordErr != nil {
		return fmt.Errorf("--record %s: %w", p.record, st.RecordErr)
	}
	return nil
}

// RunTo runs the probe (Run), its records written on o's Stdout and its
// summary on its Stderr. The error is the output's ("write output"), the
// context's, or else Err's.
func (p *Probe) RunTo(ctx context.Context, o Output) error {
	out, err := o.AssetWriter()
	if err != nil {
		return err
	}
	st, werr := p.Run(ctx, out.Write, o.Stderr)
	if werr == nil {
		werr = out.Close()
	}
	if werr != nil {
		return fmt.Errorf("write output: %w", werr)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	st.WriteSummary(o.Stderr)
	return p.Err(st)
}
