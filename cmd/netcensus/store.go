package main

import (
	"context"
	"fmt"
	"os"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/record"
)

// storeSettings say which CMDB a command opens: the config's
// inventory.store (--store laid over it), else the default SQLite file.
func (a *app) storeSettings() assemble.StoreSettings {
	return assemble.StoreSettings{Inventory: a.cfg.Inventory, Getenv: a.getenv, UID: os.Geteuid(),
		Existing: a.existingStore, Wrap: a.wrapStore, Hostname: os.Hostname, Log: a.log}
}

// preflightStore opens the store before a sweep sends anything
// (assemble.StoreSettings.Preflight): a store that is only out of reach
// now is said on stderr, and the sweep goes ahead.
func (a *app) preflightStore(ctx context.Context) error {
	notNow, err := a.storeSettings().Preflight(ctx)
	if notNow != nil {
		fmt.Fprintf(a.stderr, "store: not open now (%v); the sweep goes ahead and is spooled if the store is still out of reach at its end\n", notNow)
	}
	return err
}

// termCellMax is the widest a table cell is printed on a terminal, in
// columns; piped, cells are whole.
const termCellMax = 40

// cellMax is how wide a table cell on stdout may be (0: whole).
func (a *app) cellMax() int {
	if a.isTTY(a.stdout) {
		return termCellMax
	}
	return 0
}

// writeRows writes xs in format on stdout (exporters.WriteRows).
func writeRows[T any](a *app, format string, rows exporters.Rows[T], xs []T) error {
	return exporters.WriteRows(a.stdout, format, a.cellMax(), rows, xs)
}

// assetWriter writes asset records on stdout, a table's cells cut on a
// terminal.
func (a *app) assetWriter(format string) (exporters.Writer[record.Asset], error) {
	return exporters.NewAssetWriterCut(format, a.stdout, a.cellMax())
}
