package main

import (
	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/internal/assemble"
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
			return assemble.CoverageIn(cmd.Context(), format, a.cfg.Fingerprints, args[0], expectFile, a.stdout, a.stderr)
		},
	}
	cmd.Flags().StringVar(&expectFile, "expect", "", "expected values per walk (.yaml, .yml or .csv)")
	cmd.Flags().StringVarP(&format, "format", "o", "table", "table or json")
	return cmd
}
