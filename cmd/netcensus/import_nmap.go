package main

import (
	"context"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/internal/assemble"
)

type importNmapFlags struct {
	format   string
	noStore  bool
	maxBytes int64
}

func newImportNmapCmd(a *app) *cobra.Command {
	var f importNmapFlags
	cmd := &cobra.Command{
		Use:   "nmap [flags] FILE.xml...",
		Short: "Store the hosts of Nmap XML reports (nmap -oX) in the CMDB",
		Long: `import nmap reads Nmap's XML reports (the output of nmap -oX) and stores each
host that was up as an observation of source nmap: its addresses, MAC, host
names, open ports with service and version, and the best OS match (at least
90% accurate) with its accuracy as evidence. Hosts join the assets ARP and
SNMP know through the same identity resolution (by MAC, never by address
alone); a change of a host's open ports is an event. An import marks nothing
missing.

Reports are read as a stream, host by host; a file over --max-bytes, a
malformed or truncated file, or a document that is not an Nmap report is
refused before anything is stored. Host records go to stdout; a summary
goes to stderr.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.importNmap(cmd.Context(), f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "o", "", "output: table, json, jsonl or csv (default table on a terminal, jsonl otherwise)")
	fl.BoolVar(&f.noStore, "no-store", false, "print only, store nothing in the CMDB")
	fl.Int64Var(&f.maxBytes, "max-bytes", 1<<30, "refuse a report larger than this many bytes")
	return cmd
}

func (a *app) importNmap(ctx context.Context, f importNmapFlags, files []string) error {
	format, err := a.resolveFormat(f.format)
	if err != nil {
		return err
	}
	// A closed or failing stdout stops the records, not the import: the
	// hosts are still stored, and the output error reported.
	signal.Ignore(syscall.SIGPIPE)
	return assemble.NmapImport{Files: files, MaxBytes: f.maxBytes, Store: a.storeUnless(f.noStore)}.Run(ctx, a.output(format))
}
