package main

import (
	"errors"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/internal/timespec"
	"github.com/netcensus/netcensus/inventory/drift"
)

type exportFlags struct {
	format, out     string
	since           timespec.Since
	what, baselines []string
	netbox          exporters.NetBoxDefaults
	netboxURL       string
	netboxTokenFile string
}

func newExportCmd(a *app) *cobra.Command {
	f := exportFlags{netbox: exporters.DefaultNetBox()}
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
			kinds, err := f.validate()
			if err != nil {
				return err
			}
			if f.format == "xlsx" && f.out == "" && f.netboxURL == "" && a.isTTY(a.stdout) {
				return usagef("--format xlsx is a binary file: refusing to write it to a terminal; give -O FILE (or redirect stdout)")
			}
			var bs []drift.Baseline
			if slices.Contains(kinds, exporters.KindDrift) {
				if bs, err = loadBaselines(f.baselines); err != nil {
					return err
				}
			}
			var nb *exporters.NetBoxClient
			if f.netboxURL != "" {
				if nb, err = f.netboxClient(a.getenv); err != nil {
					return err
				}
			}
			inv, done, err := a.storeSettings().OpenInventory(cmd.Context())
			if err != nil {
				return err
			}
			defer done()
			if nb != nil {
				return nb.PushStore(cmd.Context(), inv.Store(), f.netbox, a.stderr)
			}
			o := exporters.ExportOptions{Format: f.format, Kinds: kinds, NetBox: f.netbox, Baselines: bs, Since: f.since.At(time.Now())}
			return exporters.ExportTo(cmd.Context(), inv.Store(), f.out, a.stdout, o)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "o", "csv", "csv, json, jsonl, xlsx or netbox (-o means --format here as in every command)")
	fl.StringArrayVar(&f.what, "what", []string{"assets"}, "assets, software, events, drift or capacity (xlsx: several, one sheet each; repeatable or comma-separated)")
	fl.StringVarP(&f.out, "output-file", "O", "", "write to this file (default stdout)")
	fl.StringArrayVar(&f.baselines, "baseline", nil, "with --what drift: baseline YAML file or directory (repeatable)")
	fl.Var(&f.since, "since", "with --what events or capacity: only events or samples since a duration back from now (30d) or an RFC 3339 time")
	fl.StringVar(&f.netbox.Site, "netbox-site", f.netbox.Site, "netbox: site of assets nobody set one on")
	fl.StringVar(&f.netbox.Role, "netbox-role", f.netbox.Role, "netbox: role of assets nobody set one on")
	fl.StringVar(&f.netbox.Manufacturer, "netbox-manufacturer", f.netbox.Manufacturer, "netbox: manufacturer when the vendor is unknown")
	fl.StringVar(&f.netbox.DeviceType, "netbox-device-type", f.netbox.DeviceType, "netbox: device type when the model is unknown")
	fl.StringVar(&f.netboxURL, "netbox-url", "", "netbox: push the devices to this NetBox through its REST API instead of writing CSV (token from $NETCENSUS_NETBOX_TOKEN or --netbox-token-file)")
	fl.StringVar(&f.netboxTokenFile, "netbox-token-file", "", "netbox: read the API token from this file")
	return cmd
}

// validate reads --what and checks it with --format and --netbox-url
// (exporters.ExportOptions.Check).
func (f *exportFlags) validate() ([]string, error) {
	if f.netboxURL != "" && f.format != "netbox" {
		return nil, usagef("--netbox-url goes with --format netbox")
	}
	kinds, err := exporters.ParseKinds(f.what)
	if err == nil {
		err = exporters.ExportOptions{Format: f.format, Kinds: kinds}.Check()
	}
	if err != nil {
		return nil, usagef("--%v", err)
	}
	return kinds, nil
}

// netboxClient is --netbox-url's client, with the token of
// --netbox-token-file or $NETCENSUS_NETBOX_TOKEN (exporters.NetBoxToken).
func (f *exportFlags) netboxClient(getenv func(string) string) (*exporters.NetBoxClient, error) {
	token, err := exporters.NetBoxToken(f.netboxTokenFile, getenv)
	if errors.Is(err, exporters.ErrNoNetBoxToken) {
		return nil, usagef("--netbox-url needs a token: set NETCENSUS_NETBOX_TOKEN or give --netbox-token-file")
	} else if err != nil {
		return nil, usagef("--netbox-token-file: %v", err)
	}
	return &exporters.NetBoxClient{BaseURL: f.netboxURL, Token: token}, nil
}
