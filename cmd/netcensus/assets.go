package main

import (
	"context"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/timespec"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/store"
)

// The CMDB commands: assets, asset (details, explain, approve, set, merge,
// split, retire), events, sweeps and prune.

func newCMDBCmds(a *app) []*cobra.Command {
	return []*cobra.Command{newAssetsCmd(a), newAssetCmd(a), newEventsCmd(a), newSweepsCmd(a), newPruneCmd(a)}
}

// withInventory resolves the format, opens the store and runs fn.
func (a *app) withInventory(cmd *cobra.Command, format string, fn func(ctx context.Context, inv *inventory.Inventory, format string) error) error {
	f, err := a.resolveFormat(format)
	if err != nil {
		return err
	}
	inv, done, err := a.storeSettings().OpenInventory(cmd.Context())
	if err != nil {
		return err
	}
	defer done()
	return fn(cmd.Context(), inv, f)
}

func formatFlag(cmd *cobra.Command, p *string) {
	cmd.Flags().StringVarP(p, "format", "o", "", "output: table, json, jsonl or csv (default table on a terminal, jsonl otherwise)")
}

func newAssetsCmd(a *app) *cobra.Command {
	var (
		format, vendor, typ, subnet string
		since                       timespec.Since
		stateFlags                  []string
		unapproved                  bool
	)
	cmd := &cobra.Command{
		Use:   "assets",
		Short: "List the assets the CMDB keeps",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := store.AssetQuery{States: stateFlags, Vendor: vendor, DeviceType: typ, Subnet: subnet, Unapproved: unapproved}.Filter()
			if err != nil {
				return usagef("--%v", err)
			}
			f.SeenSince = since.At(time.Now())
			return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
				return a.output(format).ListAssets(ctx, inv.Store(), f)
			})
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&stateFlags, "state", nil, "only assets in these states (new, active, missing, returned, retired, merged; repeatable or comma-separated)")
	fl.StringVar(&vendor, "vendor", "", "only assets whose vendor or MAC vendor contains this (any case)")
	fl.StringVar(&typ, "type", "", "only assets of this device type")
	fl.StringVar(&subnet, "subnet", "", "only assets with an address in this CIDR")
	fl.Var(&since, "seen-since", "only assets seen since: a duration back from now (24h, 7d) or an RFC 3339 time")
	fl.BoolVar(&unapproved, "unapproved", false, "only assets nobody has approved")
	formatFlag(cmd, &format)
	return cmd
}

func newEventsCmd(a *app) *cobra.Command {
	var format, asset string
	since := timespec.Since("24h")
	var types []string
	cmd := &cobra.Command{
		Use:   "events",
		Short: "List what appeared, changed and went away, oldest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f := store.EventFilter{Since: since.At(time.Now()), AssetID: asset}
			var err error
			if f.Types, err = inventory.ParseEventTypes(types); err != nil {
				return usagef("--%v", err)
			}
			return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
				if asset != "" {
					ids, err := inventory.ResolveIDs(ctx, inv.Store(), []string{asset})
					if err != nil {
						return err
					}
					f.AssetID = ids[0]
				}
				es, err := inv.Store().Events(ctx, f)
				if err != nil {
					return err
				}
				return assemble.WriteRows(a.output(format), exporters.EventTableRows(), exporters.EventRows(es))
			})
		},
	}
	cmd.Flags().Var(&since, "since", "events since: a duration back from now (24h, 7d) or an RFC 3339 time; \"\" for all")
	cmd.Flags().StringArrayVar(&types, "type", nil, "only these kinds: "+strings.Join(inventory.EventTypes(), ", ")+", or software for every software_* kind (repeatable or comma-separated)")
	cmd.Flags().StringVar(&asset, "asset", "", "only this asset's events (its ID, or a unique prefix of one)")
	formatFlag(cmd, &format)
	return cmd
}

func newSweepsCmd(a *app) *cobra.Command {
	var format string
	var limit int
	cmd := &cobra.Command{
		Use:   "sweeps",
		Short: "List stored sweeps, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if limit < 0 {
				return usagef("--limit %d: want 0 (all) or more", limit)
			}
			return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
				ss, err := inv.Store().Sweeps(ctx, limit)
				if err != nil {
					return err
				}
				return assemble.WriteRows(a.output(format), exporters.SweepRows(), exporters.SweepRowsOf(ss))
			})
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 0, "at most this many (0: all)")
	formatFlag(cmd, &format)
	return cmd
}

func newPruneCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "prune",
		Short: "Delete observations and samples older than the retention",
		Long: `Prune deletes observations and capacity samples older than
inventory.retention; assets and events are kept. Sweeps prune after they store.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
				ps, err := inv.Prune(ctx)
				if err != nil {
					return err
				}
				row := exporters.PruneRowOf(ps, a.cfg.Inventory.Retention.D(), time.Now())
				return assemble.WriteRows(a.output(format), exporters.PruneRows(), []exporters.PruneRow{row})
			})
		},
	}
	formatFlag(cmd, &format)
	return cmd
}

// actor is who a person's action is recorded as (inventory.LocalActor).
func (a *app) actor() string { return inventory.LocalActor(a.getenv) }
