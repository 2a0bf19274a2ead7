package main

import (
	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/internal/assemble"
)

func newExportCmd(a *app) *cobra.Command {
	f := assemble.ExportRequest{NetBox: exporters.DefaultNetBox()}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export assets, software, events, drift, capacity; push to NetBox",
		Long: `export writes what the CMDB keeps in a file format for other tools:
csv (RFC 4180, cells that a spreadsheet would run as formulas escaped),
json, jsonl, xlsx (one sheet per --what, typed cells, frozen header,
autofilter) and netbox (the CSV NetBox's device bulk import takes; site
and role from what people set on the asset, else the --netbox-* defaults).
--what capacity is one row per series as the capacity command prints it
(all samples, or those since --since; flagged under 30 days).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.storeSettings().Export(cmd.Context(), f, a.stdout, a.stderr, a.isTTY(a.stdout))
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.Format, "format", "o", "csv", "csv, json, jsonl, xlsx or netbox (-o means --format here as in every command)")
	fl.StringArrayVar(&f.What, "what", []string{"assets"}, "assets, software, events, drift or capacity (xlsx: several, one sheet each; repeatable or comma-separated)")
	fl.StringVarP(&f.Out, "output-file", "O", "", "write to this file (default stdout)")
	fl.StringArrayVar(&f.Baselines, "baseline", nil, "with --what drift: baseline YAML file or directory (repeatable)")
	fl.Var(&f.Since, "since", "with --what events or capacity: only events or samples since a duration back from now (30d) or an RFC 3339 time")
	fl.StringVar(&f.NetBox.Site, "netbox-site", f.NetBox.Site, "netbox: site of assets nobody set one on")
	fl.StringVar(&f.NetBox.Role, "netbox-role", f.NetBox.Role, "netbox: role of assets nobody set one on")
	fl.StringVar(&f.NetBox.Manufacturer, "netbox-manufacturer", f.NetBox.Manufacturer, "netbox: manufacturer when the vendor is unknown")
	fl.StringVar(&f.NetBox.DeviceType, "netbox-device-type", f.NetBox.DeviceType, "netbox: device type when the model is unknown")
	fl.StringVar(&f.NetBoxURL, "netbox-url", "", "netbox: push the devices to this NetBox through its REST API instead of writing CSV (token from $NETCENSUS_NETBOX_TOKEN or --netbox-token-file)")
	fl.StringVar(&f.NetBoxTokenFile, "netbox-token-file", "", "netbox: read the API token from this file")
	return cmd
}
