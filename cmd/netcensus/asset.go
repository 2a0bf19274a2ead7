package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/inventory"
)

func newAssetCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "asset ID",
		Short: "Show one asset and its history; act on assets",
		Long: `asset ID shows one asset: its record, identity keys and history.

  table, json  the record, its identity keys and its history
  jsonl        the whole record on one line
  csv          the history rows only

ID is an asset ID as assets lists it, or any unique prefix of one (as git
takes short hashes). The subcommands act on assets: approve, set, merge,
split, retire, explain.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
				args, err := inventory.ResolveIDs(ctx, inv.Store(), args)
				if err != nil {
					return err
				}
				d, err := inv.Details(ctx, args[0])
				if err != nil {
					return err
				}
				return exporters.WriteAssetDetail(a.stdout, format, exporters.NewAssetDetail(d))
			})
		},
	}
	formatFlag(cmd, &format)
	cmd.AddCommand(newExplainCmd(a), newApproveCmd(a), newSetCmd(a), newMergeCmd(a), newSplitCmd(a), newRetireCmd(a), newLocateCmd(a))
	return cmd
}

func newExplainCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "explain ID",
		Short: "Say which identity keys made the asset (its last sweep, replayed)",
		Long:  "explain replays the asset's last sweep and says which identity keys tied which\nobservations into the asset.",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
				args, err := inventory.ResolveIDs(ctx, inv.Store(), args)
				if err != nil {
					return err
				}
				ex, err := inv.Explain(ctx, args[0])
				if err != nil {
					return err
				}
				return exporters.WriteExplanation(a.stdout, format, ex)
			})
		},
	}
	formatFlag(cmd, &format)
	return cmd
}

// act opens the store, resolves args to asset IDs (unique prefixes
// taken), runs the action fn on them and prints the assets it returns.
func (a *app) act(cmd *cobra.Command, format string, args []string, fn func(ctx context.Context, inv *inventory.Inventory, ids []string) ([]string, error)) error {
	return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
		ids, err := inventory.ResolveIDs(ctx, inv.Store(), args)
		if err != nil {
			return err
		}
		if ids, err = fn(ctx, inv, ids); err != nil {
			return err
		}
		return a.output(format).ListActedOn(ctx, inv.Store(), ids)
	})
}

func newApproveCmd(a *app) *cobra.Command {
	var format string
	var all bool
	cmd := &cobra.Command{
		Use:   "approve ID... | --all-current",
		Short: "Approve assets as known and allowed (--all-current: a baseline)",
		Long:  "approve marks assets as known and allowed. --all-current approves every\ncurrent asset, to baseline a network.",
		RunE: func(cmd *cobra.Command, args []string) error {
			if all == (len(args) > 0) {
				return usagef("give asset IDs or --all-current, not both or neither")
			}
			return a.act(cmd, format, args, func(ctx context.Context, inv *inventory.Inventory, args []string) ([]string, error) {
				done, err := inv.Approve(ctx, a.actor(), all, args...)
				if err == nil {
					fmt.Fprintf(a.stderr, "approved %d asset(s)\n", len(done))
				}
				return done, err
			})
		},
	}
	cmd.Flags().BoolVar(&all, "all-current", false, "approve every asset not retired")
	formatFlag(cmd, &format)
	return cmd
}

func newSetCmd(a *app) *cobra.Command {
	var format string
	var f assemble.AssetFields
	cmd := &cobra.Command{
		Use:   "set ID [--site S] [--role R] [--owner O] [--tag T]...",
		Short: "Set what people know about an asset; kept across sweeps",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := f.Changes(cmd.Flags().Changed)
			if err != nil {
				return err
			}
			return a.act(cmd, format, args, func(ctx context.Context, inv *inventory.Inventory, args []string) ([]string, error) {
				return args, inv.Set(ctx, a.actor(), args[0], c)
			})
		},
	}
	cmd.Flags().StringVar(&f.Site, "site", "", "site")
	cmd.Flags().StringVar(&f.Role, "role", "", "role")
	cmd.Flags().StringVar(&f.Owner, "owner", "", "owner")
	cmd.Flags().StringArrayVar(&f.Tags, "tag", nil, "tag (repeatable; replaces the tags; --tag '' clears them)")
	formatFlag(cmd, &format)
	return cmd
}

func newMergeCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "merge A B",
		Short: "Record that B is the same device as A (B folds into A)",
		Long:  "merge records that B is the same device as A: B folds into A, and later\nsweeps respect it.",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.act(cmd, format, args, func(ctx context.Context, inv *inventory.Inventory, args []string) ([]string, error) {
				return args[:1], inv.Merge(ctx, a.actor(), args[0], args[1])
			})
		},
	}
	formatFlag(cmd, &format)
	return cmd
}

func newSplitCmd(a *app) *cobra.Command {
	var format string
	var macs []string
	cmd := &cobra.Command{
		Use:   "split ID --mac MAC...",
		Short: "Record that these MACs are another device's",
		Long:  "split records that these MACs are not the asset's: the device behind them\nbecomes its own asset when next seen.",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := assemble.SplitMACs(macs); err != nil {
				return err
			}
			return a.act(cmd, format, args, func(ctx context.Context, inv *inventory.Inventory, args []string) ([]string, error) {
				return args, inv.Split(ctx, a.actor(), args[0], macs)
			})
		},
	}
	cmd.Flags().StringArrayVar(&macs, "mac", nil, "MAC to split off (repeatable)")
	formatFlag(cmd, &format)
	return cmd
}

func newRetireCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "retire ID...",
		Short: "Retire assets (gone for good; they return if seen again)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.act(cmd, format, args, func(ctx context.Context, inv *inventory.Inventory, args []string) ([]string, error) {
				return args, inv.Retire(ctx, a.actor(), args...)
			})
		},
	}
	formatFlag(cmd, &format)
	return cmd
}
