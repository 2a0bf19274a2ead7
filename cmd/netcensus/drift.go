package main

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/timespec"
	"github.com/netcensus/netcensus/inventory"
)

func newDriftCmd(a *app) *cobra.Command {
	var (
		format        string
		since         timespec.Since
		baselines     []string
		dryRun, daily bool
	)
	cmd := &cobra.Command{
		Use:   "drift",
		Short: "Check assets against baselines: what deviates, since when",
		Long: `drift checks every asset the CMDB keeps (retired ones aside) against the
baselines (minimum OS versions, minimum package versions, forbidden
packages), prints one row per deviation with the time it began, and records
in the CMDB's events (type "compliance") when an asset or a finding goes
out of or back into compliance. --daily prints compliant and non-compliant
counts per day from that history instead.

Exit status: 0 when every asset complies, 3 when any deviates (so cron and
CI can act on it), 2 for a bad flag or baseline, 1 for any other failure.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bs, err := assemble.Baselines(baselines)
			if err != nil {
				return err
			}
			now := time.Now().UTC()
			r := assemble.DriftRequest{Baselines: bs, Now: now, Since: since.At(now), DryRun: dryRun, Daily: daily}
			return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
				res, err := assemble.Drift(ctx, inv.Store(), r, a.output(format))
				if err == nil && res.NonCompliant > 0 {
					return errDeviates{res.NonCompliant}
				}
				return err
			})
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&baselines, "baseline", nil, "baseline YAML file or directory of them (repeatable)")
	fl.BoolVar(&dryRun, "dry-run", false, "do not record compliance events in the CMDB")
	fl.BoolVar(&daily, "daily", false, "print compliance counts per day from the recorded history")
	fl.Var(&since, "since", "with --daily: from this day: a duration back from now (30d) or an RFC 3339 time")
	formatFlag(cmd, &format)
	return cmd
}
