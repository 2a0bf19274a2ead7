package main

import (
	"encoding/json"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/fingerprints"
	"github.com/netcensus/netcensus/internal/assemble"
)

func newFingerprintsCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "fingerprints",
		Short: "Inspect the device fingerprints",
	}
	cmd.AddCommand(newFingerprintsExplainCmd(a), newFingerprintsCoverageCmd(a))
	return cmd
}

func newFingerprintsExplainCmd(a *app) *cobra.Command {
	var sysObjectID, sysDescr, walkFile, format string
	var all bool
	cmd := &cobra.Command{
		Use:   "explain (--sys-object-id OID --sys-descr S|--walk FILE)",
		Short: "Say which profiles match a device and why, and what they conclude",
		Long: `Explain runs the fingerprint engine on a sysObjectID and sysDescr, or on a
recorded walk (snmprec, .bz2 accepted), and prints the result with its evidence
and every profile that matched, with the reasons. --all also lists the profiles
that did not match.`,
		// The usage line is the whole of Use: cobra adds no "[flags]".
		DisableFlagsInUseLine: true,
		Args:                  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if walkFile == "" && sysObjectID == "" && sysDescr == "" {
				return usagef("give --sys-object-id and/or --sys-descr, or --walk FILE")
			}
			if walkFile != "" && (sysObjectID != "" || sysDescr != "") {
				return usagef("--walk replaces --sys-object-id and --sys-descr: give one or the other")
			}
			if format == "" {
				format = "table"
			}
			if format != "table" && format != "json" {
				return usagef("--format %q: want table or json", format)
			}
			in := fingerprints.Input{SysObjectID: sysObjectID, SysDescr: sysDescr}
			ex, err := assemble.Explain(a.cfg.Fingerprints, in, walkFile, all, a.stderr)
			if err != nil {
				return err
			}
			if format == "json" {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(ex.Explanation)
			}
			ex.WriteText(a.stdout)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&sysObjectID, "sys-object-id", "", "the device's sysObjectID (1.3.6.1.4.1...)")
	fl.StringVar(&sysDescr, "sys-descr", "", "the device's sysDescr")
	fl.StringVar(&walkFile, "walk", "", "a recorded walk (snmprec format, .bz2 accepted) instead of the two values")
	fl.BoolVar(&all, "all", false, "also list profiles that did not match")
	fl.StringVarP(&format, "format", "o", "table", "table or json")
	return cmd
}
