package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/inventory"
)

func newLocateCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "locate MAC|IP|ID",
		Short: "Where a device is plugged in, and where it has been",
		Long: `asset locate finds the asset a MAC, an IP address or an asset ID (or a
unique prefix of one) names, and prints the switch port it was last seen on
(from the switches' forwarding tables, uplinks and trunks left out by the
location rules), the evidence for it, and every place it has been, oldest
first.

  table  the current place and its evidence, then the places
  json   {asset_id, location, evidence, history: [{switch, port, vlan,
         first, last, sweeps}]}
  jsonl  the same on one line
  csv    the places only`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
				w, err := inv.Locate(ctx, args[0])
				if err != nil {
					return err
				}
				return exporters.WriteWhereabouts(a.stdout, format, w)
			})
		},
	}
	formatFlag(cmd, &format)
	return cmd
}

func newPortsCmd(a *app) *cobra.Command {
	var format string
	var occupied bool
	cmd := &cobra.Command{
		Use:   "ports SWITCH",
		Short: "A switch's ports and what is on each",
		Long: `ports lists the ports of the switch SWITCH names (its IP address, MAC,
asset ID or a unique prefix of one): each interface as last read, its LLDP/CDP
neighbours, and the assets located on it (one line per asset).

  json               {switch, ports: [{port, if_index, oper_up, neighbors,
                     hosts: [...]}]}
  table, csv, jsonl  one row per port and host`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
				ps, err := inv.Ports(ctx, args[0])
				if err != nil {
					return err
				}
				if occupied {
					ps.Occupied()
				}
				return exporters.WritePorts(a.stdout, format, a.cellMax(), ps)
			})
		},
	}
	formatFlag(cmd, &format)
	cmd.Flags().BoolVar(&occupied, "occupied", false, "only ports with a host or a neighbour")
	return cmd
}
