package main

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/timespec"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/capacity"
)

func newCapacityCmd(a *app) *cobra.Command {
	var (
		format, assetID string
		since           = timespec.Since(capacity.DefaultSince)
		metrics         []string
		warnDays        float64
		noChart         bool
	)
	cmd := &cobra.Command{
		Use:   "capacity",
		Short: "Storage, memory, CPU, interface use over time; when disks fill",
		Long: `capacity reads the samples each sweep stored and prints one row per series
(asset, metric, instance): the latest value, min/avg/max over the window, the
trend per day (a least-squares line through the window) and, for storage and
memory, the days until full at that trend, counted from the latest sample:
flagged WARN under --warn-days and FULL when full. A series of fewer than 3
samples, or spanning less than 24 hours, gets no trend and no forecast ("too
soon"): two samples always fit a line, and within a day the daily cycle
swamps the growth. Interface rates come from
counter deltas: wraps at 32 and 64 bits are followed, and an interval with an
agent reboot or a counter reset is dropped (counted in SAMPLES as -N).

Metrics: storage_used_pct, storage_used_bytes, memory_used_pct, cpu_load_pct,
if_in_util_pct, if_out_util_pct (when the speed is known), if_in_bps,
if_out_bps. --metric takes those or a family: storage, memory, cpu, interface.

The table has a sparkline per series; with --asset, a chart of each series
follows it (--no-chart leaves charts out). Block characters on a UTF-8
locale, ASCII otherwise.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			q, err := assemble.CapacityQuery(assetID, since.At(time.Now()), metrics, warnDays)
			if err != nil {
				return err
			}
			return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
				if q.AssetID != "" {
					ids, err := inventory.ResolveIDs(ctx, inv.Store(), []string{q.AssetID})
					if err != nil {
						return err
					}
					q.AssetID = ids[0]
				}
				return assemble.Capacity(ctx, inv.Store(), q, a.output(format), noChart, exporters.UTF8Locale(a.getenv))
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&assetID, "asset", "", "only this asset (its ID, or a unique prefix of one); charts each series")
	fl.StringArrayVar(&metrics, "metric", nil, "only these metrics or families (storage, memory, cpu, interface; repeatable or comma-separated)")
	fl.Var(&since, "since", "the window: a duration back from now (90d) or an RFC 3339 time; empty for all samples")
	fl.Float64Var(&warnDays, "warn-days", capacity.DefaultWarnDays, "flag storage and memory that fill up within this many days (0: flag only what is full)")
	fl.BoolVar(&noChart, "no-chart", false, "with --asset: no charts after the table")
	formatFlag(cmd, &format)
	return cmd
}
