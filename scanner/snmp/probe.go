package snmp

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/targets"
)

// ProbeTargets are the targets of a probe's hosts (HOST, HOST:PORT,
// [V6]:PORT or a bare IPv6 address: targets.ParseHostPort, names
// resolved), at port where a host names none, each trying every
// credential set.
func ProbeTargets(ctx context.Context, hosts []string, port int) ([]Target, error) {
	tgts := make([]Target, 0, len(hosts))
	for _, h := range hosts {
		ap, err := targets.ParseHostPort(ctx, h, port)
		if err != nil {
			return nil, err
		}
		tgts = append(tgts, Target{Addr: ap, Credential: -1})
	}
	return tgts, nil
}

// ProbeOptions say what a probe does beside writing records.
type ProbeOptions struct {
	// Record, when set, is the directory each answering host's walk is
	// written to (WriteRecording), without Secrets.
	Record  string
	Secrets []string
	// Log takes the lines for people: a host that failed or was
	// collected in part, a recording written or not.
	Log io.Writer
}

// ProbeStats count a probe's hosts.
type ProbeStats struct {
	Probed, Answered, Partial int
	// RecordErr is the last recording that could not be written.
	RecordErr error
}

// WriteSummary prints the summary line for people.
func (s ProbeStats) WriteSummary(w io.Writer) {
	fmt.Fprintf(w, "summary: probed=%d answered=%d partial=%d failed=%d\n", s.Probed, s.Answered, s.Partial, s.Probed-s.Answered)
}

// Probe takes the results of collecting tgts (a Collector's Stream) and
// hands each answering host's record to write in the order the targets
// were given (InOrder: each result is dropped once written, so memory
// holds only those waiting for an earlier host), saying on o.Log which
// hosts failed or were collected in part. A failing write stops the
// records, not the probe: its error is returned once every result is
// read.
func Probe(tgts []Target, results <-chan Result, write func(*record.Asset) error, o ProbeOptions) (ProbeStats, error) {
	st := ProbeStats{Probed: len(tgts)}
	keep := func(r *Result) {
		if o.Record == "" || !r.Answered || r.Walk == nil {
			return
		}
		path, n, err := WriteRecording(o.Record, r.Target, r.Walk, o.Secrets)
		if err != nil {
			fmt.Fprintf(o.Log, "probe %s: record: %v\n", r.Target, err)
			st.RecordErr = err
		} else {
			fmt.Fprintf(o.Log, "probe %s: %d records written to %s\n", r.Target, n, path)
		}
	}
	var werr error
	for p := range InOrder(tgts, results, keep) {
		if !p.Answered {
			fmt.Fprintf(o.Log, "probe %s: %v\n", p.Target, p.Err)
			continue
		}
		st.Answered++
		if c := p.Asset.Collection; c != nil && c.Status == record.CollectionPartial {
			st.Partial++
			reasons := make([]string, len(c.Reasons))
			for i, r := range c.Reasons {
				reasons[i] = strings.TrimSpace(r.Reason + " " + r.OID)
			}
			fmt.Fprintf(o.Log, "probe %s: partial (%s)\n", p.Target, strings.Join(reasons, ", "))
		}
		if p.Err != nil {
			fmt.Fprintf(o.Log, "probe %s: partial: %v\n", p.Target, p.Err)
		}
		if werr == nil {
			werr = write(&p.Asset)
		}
	}
	return st, werr
}
