package main

import (
	"github.com/spf13/cobra"

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
	var r assemble.ExplainRequest
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
			return r.Run(a.cfg.Fingerprints, a.stdout, a.stderr)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&r.SysObjectID, "sys-object-id", "", "the device's sysObjectID (1.3.6.1.4.1...)")
	fl.StringVar(&r.SysDescr, "sys-descr", "", "the device's sysDescr")
	fl.StringVar(&r.Walk, "walk", "", "a recorded walk (snmprec format, .bz2 accepted) instead of the two values")
	fl.BoolVar(&r.All, "all", false, "also list profiles that did not match")
	fl.StringVarP(&r.Format, "format", "o", "table", "table or json")
	return cmd
}
