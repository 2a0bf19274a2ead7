package main

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"strings"
	"time"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/spool"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/stores"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner"
)

// storeDSN picks the store: --store, else the config's, else the default
// SQLite file.
func (a *app) storeDSN() (string, error) {
	dsn := a.storeFlag
	if dsn == "" {
		dsn = a.cfg.Inventory.Store
	}
	if dsn == "" {
		d, err := stores.DefaultDSN(a.getenv, os.Geteuid())
		if err != nil {
			return "", usageError{err}
		}
		return d, nil
	}
	return dsn, nil
}

// openInventory opens and migrates the store and builds the inventory.
// The returned func closes the store.
func (a *app) openInventory(ctx context.Context) (*inventory.Inventory, func(), error) {
	dsn, err := a.storeDSN()
	if err != nil {
		return nil, nil, err
	}
	var auth stores.Auth
	if strings.HasPrefix(dsn, "clickhouse://") {
		if auth.User, auth.Password, err = a.cfg.Inventory.ClickHouseAuth(a.getenv); err != nil {
			return nil, nil, usageError{err}
		}
	}
	st, err := stores.Open(ctx, dsn, auth, stores.Options{Existing: a.existingStore})
	if errors.Is(err, stores.ErrDSN) {
		return nil, nil, usageError{err}
	} else if err != nil {
		return nil, nil, err
	}
	if a.wrapStore != nil {
		st = a.wrapStore(st)
	}
	if n, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, nil, err
	} else if n > 0 {
		a.log.Info("store migrated", "store", dsn, "steps", n)
	}
	inv, err := assemble.Inventory(st, a.cfg.Inventory, os.Hostname)
	if err != nil {
		st.Close()
		return nil, nil, usageError{err}
	}
	inv.SetLogger(a.log)
	return inv, func() { st.Close() }, nil
}

// preflightStore opens the store before a sweep sends anything: a bad
// --store, a foreign file or a schema newer than this netcensus is
// returned (nothing is sent); a store that cannot be opened now for any
// other reason (unreachable, busy, an I/O error) is said on stderr, and
// the sweep goes ahead to be spooled at its end if the store is still
// out of reach then.
func (a *app) preflightStore(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	_, done, err := a.openInventory(ctx)
	var ue usageError
	switch {
	case err == nil:
		done()
		return nil
	case errors.As(err, &ue), !spool.Spoolable(err):
		return err
	}
	fmt.Fprintf(a.stderr, "store: not open now (%v); the sweep goes ahead and is spooled if the store is still out of reach at its end\n", err)
	return nil
}

// storeSweep records a finished (or interrupted) sweep in the CMDB and
// prints what changed on stderr.
func (a *app) storeSweep(ctx context.Context, rep *scanner.Report) error {
	// An interrupted sweep is still stored (as partial): use a context
	// that outlives the cancelled one, bounded in time.
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Minute)
	defer cancel()
	return a.deliverSweep(sctx, a.inventorySweep(rep))
}

// deliverSweep stores sw, through the spool where there is one: sweeps
// that could not reach the store before are replayed first, and sw waits
// in the spool if the store is unreachable now.
func (a *app) deliverSweep(sctx context.Context, sw inventory.Sweep) error {
	sp, err := a.spoolPath()
	if err != nil {
		return fmt.Errorf("store sweep: %w", err)
	}
	if sp == "" {
		// No place for a spool: store directly.
		inv, done, err := a.openInventory(sctx)
		if err != nil {
			return fmt.Errorf("store sweep: %w", err)
		}
		defer done()
		res, err := inv.Ingest(sctx, sw)
		if err != nil {
			return fmt.Errorf("store sweep: %w", err)
		}
		a.printStored(res)
		return nil
	}
	// The spool: sweeps that could not reach the store before are replayed
	// first; if the store is unreachable now, this one waits in the spool.
	out, err := spool.New(sp, int64(a.cfg.Inventory.SpoolMaxBytes)).Deliver(sctx, a.openInventory, sw)
	if out.Replayed > 0 {
		fmt.Fprintf(a.stderr, "stored: %d spooled sweep(s) replayed from %s\n", out.Replayed, sp)
	}
	if err != nil {
		return fmt.Errorf("store sweep: %w", err)
	}
	if out.Spooled {
		fmt.Fprintf(a.stderr, "store: sweep %s not stored (%v): its %d observations are spooled to %s; the next run that reaches the store replays it\n", sw.ID, out.Cause, len(sw.Observations), sp)
		return nil
	}
	if out.Result.Retries > 0 {
		fmt.Fprintf(a.stderr, "store: busy; stored after %d retries\n", out.Result.Retries)
	}
	a.printStored(out.Result)
	return nil
}

// inventorySweep turns a scanner's report into the sweep the inventory
// ingests: the one conversion a CLI sweep and serve's scheduled sweeps
// share.
func (a *app) inventorySweep(rep *scanner.Report) inventory.Sweep {
	return assemble.Sweep(rep, assemble.ScannerName(a.cfg.Inventory, os.Hostname), a.cfg.Inventory.Site)
}

// spoolPath is where sweeps wait for an unreachable store
// (stores.SpoolPath).
func (a *app) spoolPath() (string, error) {
	dsn, err := a.storeDSN()
	if err != nil {
		return "", err
	}
	return stores.SpoolPath(dsn, a.getenv, os.Geteuid()), nil
}

// printStored prints what an ingest did on stderr.
func (a *app) printStored(res inventory.Result) {
	partial := ""
	if res.Sweep.Partial {
		partial = " (partial: nothing marked missing)"
	}
	fmt.Fprintf(a.stderr, "stored: sweep=%s assets=%d new=%d missing=%d events=%d%s\n", res.Sweep.ID, res.Sweep.Assets, res.Sweep.New, res.Sweep.Missing, len(res.Events), partial)
}

// newRowWriter returns a writer of T in format, with rows for table and CSV.
func newRowWriter[T any](format string, a *app, rows exporters.Rows[T]) (exporters.Writer[T], error) {
	switch format {
	case "json":
		return exporters.NewJSON[T](a.stdout), nil
	case "jsonl":
		return exporters.NewJSONL[T](a.stdout), nil
	case "csv":
		return exporters.NewCSV(a.stdout, rows), nil
	case "table":
		if a.isTTY(a.stdout) {
			return exporters.NewTableCut(a.stdout, rows, termCellMax), nil
		}
		return exporters.NewTable(a.stdout, rows), nil
	}
	return nil, usagef("--format %q: %v", format, exporters.ErrFormat)
}

// termCellMax is the widest a table cell is printed on a terminal, in
// columns; piped, cells are whole.
const termCellMax = 40

// assetWriter is exporters.NewAssetWriter on stdout, its table's cells cut
// on a terminal.
func (a *app) assetWriter(format string) (exporters.Writer[record.Asset], error) {
	if format == "table" && a.isTTY(a.stdout) {
		return exporters.NewAssetTable(a.stdout, termCellMax), nil
	}
	return exporters.NewAssetWriter(format, a.stdout)
}

// notFound turns a store's not-found into a usage error.
func notFound(err error) error {
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, inventory.ErrState) {
		return usageError{err}
	}
	return err
}

// rememberedCredentials maps every address of the CMDB's assets to the
// SNMP credential set that last answered the asset, so a sweep asks a
// known device with that set first. A store it cannot read costs the
// memory, never the sweep: it says so on stderr and goes on.
func (a *app) rememberedCredentials(ctx context.Context) map[netip.Addr]string {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	inv, done, err := a.openInventory(ctx)
	if err != nil {
		fmt.Fprintf(a.stderr, "snmp: remembered credentials not read (%v); every set is tried\n", err)
		return nil
	}
	defer done()
	out, err := inventory.RememberedCredentials(ctx, inv.Store())
	if err != nil {
		fmt.Fprintf(a.stderr, "snmp: remembered credentials not read (%v); every set is tried\n", err)
		return nil
	}
	a.log.Info("snmp credentials remembered", "addresses", len(out))
	return out
}
