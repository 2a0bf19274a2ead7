package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/record"
)

func newImportCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Read hosts from other sources (capture files, Nmap reports)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usagef("import: name a source, e.g. netcensus import pcap FILE")
		},
	}
	cmd.AddCommand(newImportPcapCmd(a), newImportNmapCmd(a))
	return cmd
}

type importFlags struct {
	format   string
	recogDir string
}

func newImportPcapCmd(a *app) *cobra.Command {
	var f importFlags
	cmd := &cobra.Command{
		Use:   "pcap [flags] FILE...",
		Short: "Report the hosts heard in pcap / pcapng captures (ARP, mDNS, DHCP)",
		Long: `import pcap reads capture files (pcap or pcapng) and reports the hosts
heard in them, as passive listening would: ARP senders, mDNS responders (with
their services and what they say they are) and DHCP clients (host name,
vendor class, parameter request list). Malformed frames are counted, never
fatal. Host records go to stdout; a summary goes to stderr.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.importPcap(cmd, f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "o", "", "output: table, json, jsonl or csv (default table on a terminal, jsonl otherwise)")
	fl.StringVar(&f.recogDir, "recog-dir", "", "directory of Recog XML fingerprint files (default: config recog_dir)")
	return cmd
}

func (a *app) importPcap(cmd *cobra.Command, f importFlags, files []string) error {
	format, err := a.resolveFormat(f.format)
	if err != nil {
		return err
	}
	cfg := a.cfg
	if err := cfg.Overlay(config.Flag(cmd.Flags(), "recog-dir", &cfg.RecogDir, &f.recogDir)); err != nil {
		return err
	}
	assets, st, err := assemble.ImportPcap(cmd.Context(), cfg, files, a.log)
	if err != nil {
		return err
	}
	if err := writeAssets(a, format, assets); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "summary: files=%d hosts=%d %s\n", len(files), len(assets), st)
	return nil
}

// writeAssets labels MAC vendors (oui.LabelAssets) and writes the records.
func writeAssets(a *app, format string, assets []record.Asset) error {
	reg, err := oui.Open()
	if err != nil {
		return fmt.Errorf("IEEE registry: %w", err)
	}
	w, err := a.assetWriter(format)
	if err != nil {
		return err
	}
	oui.LabelAssets(reg, assets)
	return exporters.WriteAll(w, assets)
}
