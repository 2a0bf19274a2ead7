package main

import (
	"os"

	"github.com/netcensus/netcensus/internal/assemble"
)

// storeSettings say which CMDB a command opens: the config's
// inventory.store (--store laid over it), else the default SQLite file.
func (a *app) storeSettings() assemble.StoreSettings {
	return assemble.StoreSettings{Inventory: a.cfg.Inventory, Getenv: a.getenv, UID: os.Geteuid(),
		Existing: a.existingStore, Wrap: a.wrapStore, Hostname: os.Hostname, Log: a.log}
}

// storeUnless is the store a sweep or an import delivers to: nil with
// --no-store.
func (a *app) storeUnless(noStore bool) *assemble.StoreSettings {
	if noStore {
		return nil
	}
	s := a.storeSettings()
	return &s
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

// output writes a command's records or rows in format on stdout, a
// table's cells cut on a terminal, and what people read on stderr.
func (a *app) output(format string) assemble.Output {
	return assemble.Output{Stdout: a.stdout, Stderr: a.stderr, Format: format, CellMax: a.cellMax()}
}
