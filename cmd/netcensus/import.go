package main

import (
	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/config"
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
	return assemble.ImportPcapTo(cmd.Context(), cfg, files, a.log, a.output(format))
}
