package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/fingerprints/coverage"
	"github.com/netcensus/netcensus/record"
)

func newFingerprintsCoverageCmd(a *app) *cobra.Command {
	var expectFile, format string
	cmd := &cobra.Command{
		Use:   "coverage DIR [--expect FILE]",
		Short: "Fingerprint a folder of recorded walks: coverage and accuracy",
		Long: `Coverage runs the fingerprint engine (the built-in profiles and those of
fingerprints.profiles_dir) over every recorded walk below DIR (.snmprec and
.snmprec.bz2, as probe --record writes them) and prints, per field, how many
walks it is found for, and the enterprises whose devices lack it.

--expect FILE gives what each walk's device truly is: YAML (walk name → vendor,
model, serial, os_version) or CSV (a header with walk and any of those
columns). A walk name is the file's path below DIR, with or without its
extension. Coverage then prints, per field, how many expected values are right,
wrong (a value that is not the expected one) and missing, and every miss with
the evidence of the value found, or what the walk offers when none was.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return usagef("--format %q: want table or json", format)
			}
			var expect map[string]coverage.Expect
			if expectFile != "" {
				var err error
				if expect, err = coverage.LoadExpect(expectFile); err != nil {
					return usageError{err}
				}
			}
			eng, err := a.fingerprintEngine()
			if err != nil {
				return err
			}
			walks, bad, err := coverage.Run(cmd.Context(), eng, args[0])
			if err != nil {
				return usageError{err}
			}
			for _, b := range bad {
				fmt.Fprintf(a.stderr, "coverage: %s: unreadable: %s\n", b.File, b.Err)
			}
			for _, w := range walks {
				if w.Skipped > 0 {
					fmt.Fprintf(a.stderr, "coverage: %s: %d unreadable lines skipped\n", w.File, w.Skipped)
				}
			}
			rep, err := coverage.Summarize(walks, bad, expect)
			if err != nil {
				return err
			}
			if len(rep.NotFound) > 0 {
				fmt.Fprintf(a.stderr, "coverage: %d walk(s) of %s not in %s: %s\n", len(rep.NotFound), expectFile, args[0], strings.Join(rep.NotFound, ", "))
			}
			if format == "json" {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(rep)
			}
			printCoverage(a.stdout, rep)
			return nil
		},
	}
	cmd.Flags().StringVar(&expectFile, "expect", "", "expected values per walk (.yaml, .yml or .csv)")
	cmd.Flags().StringVarP(&format, "format", "o", "table", "table or json")
	return cmd
}

func pct(n, d int) string {
	if d == 0 {
		return "-"
	}
	return strconv.FormatFloat(100*float64(n)/float64(d), 'f', 1, 64) + "%"
}

func printCoverage(w io.Writer, rep coverage.Report) {
	fmt.Fprintf(w, "walks: %d", rep.Walks)
	if len(rep.Unreadable) > 0 {
		fmt.Fprintf(w, " (%d unreadable files left out)", len(rep.Unreadable))
	}
	fmt.Fprintf(w, "\n\n%-12s %10s %9s\n", "field", "found", "coverage")
	for _, c := range rep.Coverage {
		fmt.Fprintf(w, "%-12s %10s %9s\n", c.Field, fmt.Sprintf("%d/%d", c.Found, c.Walks), pct(c.Found, c.Walks))
	}
	for _, c := range rep.Coverage {
		if len(c.Lacking) == 0 {
			continue
		}
		fmt.Fprintf(w, "\nwithout %s, by enterprise:\n", c.Field)
		for _, e := range c.Lacking {
			name := "no sysObjectID"
			if e.Number != 0 {
				name = strconv.FormatUint(uint64(e.Number), 10)
				if e.Name != "" {
					name += " " + e.Name
				}
			}
			walks := e.Walks
			more := ""
			if len(walks) > 3 {
				walks, more = walks[:3], fmt.Sprintf(", and %d more", len(e.Walks)-3)
			}
			fmt.Fprintf(w, "  %4d  %s: %s%s\n", len(e.Walks), record.Sanitize(name), record.Sanitize(strings.Join(walks, ", ")), more)
		}
	}
	if rep.Accuracy == nil {
		return
	}
	fmt.Fprintf(w, "\n%-12s %8s %6s %6s %8s %9s\n", "field", "expected", "right", "wrong", "missing", "accuracy")
	for _, a := range rep.Accuracy {
		fmt.Fprintf(w, "%-12s %8d %6d %6d %8d %9s\n", a.Field, a.Expected, a.Right, a.Wrong, a.Missing, pct(a.Right, a.Expected))
	}
	if len(rep.Misses) == 0 {
		return
	}
	fmt.Fprintf(w, "\nmisses:\n")
	for _, m := range rep.Misses {
		if m.Got == "" {
			fmt.Fprintf(w, "  %s %s: want %q, got nothing; the walk has %s\n", record.Sanitize(m.Walk), m.Field, record.Sanitize(m.Want), m.Exposes)
			continue
		}
		from := ""
		if m.Evidence != nil {
			from = " <- " + m.Evidence.Rule
			if m.Evidence.OID != "" {
				from += " (" + m.Evidence.OID + ")"
			}
		}
		fmt.Fprintf(w, "  %s %s: want %q, got %q%s\n", record.Sanitize(m.Walk), m.Field, record.Sanitize(m.Want), record.Sanitize(m.Got), record.Sanitize(from))
	}
}
