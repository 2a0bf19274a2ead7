package assemble

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"strings"
	"time"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/spool"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/clickhouse"
	"github.com/netcensus/netcensus/inventory/stores"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner"
)

// StoreSettings say which CMDB a command opens and how.
type StoreSettings struct {
	// Inventory is the inventory section, --store laid over its store
	// (config.Overlay); a store of "" is the default SQLite file.
	Inventory config.Inventory
	Getenv    func(string) string
	// UID places the default store and spool (root's or a user's).
	UID int
	// Existing opens an existing SQLite file only: a command that reads
	// the CMDB never creates an empty one.
	Existing bool
	// Wrap, when set, wraps the store opened (tests stop a process at a
	// chosen write).
	Wrap     func(store.Store) store.Store
	Hostname func() (string, error)
	Log      *slog.Logger
}

// DSN is the store's DSN: the inventory section's (--store laid over
// it), else the default SQLite file.
func (s StoreSettings) DSN() (string, error) {
	if s.Inventory.Store != "" {
		return s.Inventory.Store, nil
	}
	d, err := stores.DefaultDSN(s.Getenv, s.UID)
	if err != nil {
		return "", &SettingsError{err}
	}
	return d, nil
}

// SpoolPath is where sweeps wait while the store is unreachable
// (stores.SpoolPath); "" when there is no place for a spool.
func (s StoreSettings) SpoolPath() (string, error) {
	dsn, err := s.DSN()
	if err != nil {
		return "", err
	}
	return stores.SpoolPath(dsn, s.Getenv, s.UID), nil
}

// OpenInventory opens the store, migrates it and builds the inventory of
// the inventory section over it; done closes the store. A bad setting
// is a *SettingsError.
func (s StoreSettings) OpenInventory(ctx context.Context) (inv *inventory.Inventory, done func(), err error) {
	dsn, err := s.DSN()
	if err != nil {
		return nil, nil, err
	}
	var auth stores.Auth
	if strings.HasPrefix(dsn, "clickhouse://") {
		if auth, err = s.clickHouseAuth(); err != nil {
			return nil, nil, err
		}
	}
	st, err := stores.Open(ctx, dsn, auth, stores.Options{Existing: s.Existing})
	if errors.Is(err, stores.ErrDSN) {
		return nil, nil, &SettingsError{err}
	} else if err != nil {
		return nil, nil, err
	}
	if s.Wrap != nil {
		st = s.Wrap(st)
	}
	if n, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, nil, err
	} else if n > 0 {
		s.log().Info("store migrated", "store", stores.Redact(dsn), "steps", n)
	}
	inv, err = Inventory(st, s.Inventory, s.Hostname)
	if err != nil {
		st.Close()
		return nil, nil, &SettingsError{err}
	}
	inv.SetLogger(s.log())
	return inv, func() { st.Close() }, nil
}

// OpenClickHouse opens the store's ClickHouse server without migrating
// anything (stores.OpenClickHouse); a store that is not ClickHouse, or
// bad credentials, are a *SettingsError.
func (s StoreSettings) OpenClickHouse(ctx context.Context) (*clickhouse.DB, error) {
	dsn, err := s.DSN()
	if err != nil {
		return nil, err
	}
	var auth stores.Auth
	if strings.HasPrefix(dsn, "clickhouse://") {
		if auth, err = s.clickHouseAuth(); err != nil {
			return nil, err
		}
	}
	db, err := stores.OpenClickHouse(ctx, dsn, auth)
	if errors.Is(err, stores.ErrDSN) {
		return nil, &SettingsError{err}
	}
	return db, err
}

// Preflight opens the store before a sweep sends anything. A bad setting
// (a *SettingsError), a foreign store or a schema newer than this
// netcensus is err: nothing should be sent. Any other failure to open it
// now (unreachable, busy, an I/O error) is notNow: the sweep may go ahead,
// to be spooled at its end if the store is still out of reach then.
func (s StoreSettings) Preflight(ctx context.Context) (notNow, err error) {
	ctx, cancel := context.WithTimeout(ctx, preflightBound)
	defer cancel()
	_, done, err := s.OpenInventory(ctx)
	var se *SettingsError
	switch {
	case err == nil:
		done()
		return nil, nil
	case errors.As(err, &se), !spool.Spoolable(err):
		return nil, err
	}
	return err, nil
}

// PreflightTo is Preflight for a command: a store only out of reach now
// is said on w, and the command goes ahead.
func (s StoreSettings) PreflightTo(ctx context.Context, w io.Writer) error {
	notNow, err := s.Preflight(ctx)
	if notNow != nil {
		fmt.Fprintf(w, "store: not open now (%v); the sweep goes ahead and is spooled if the store is still out of reach at its end\n", notNow)
	}
	return err
}

// preflightBound bounds Preflight's open.
const preflightBound = 30 * time.Second

// Deliver stores sw through the spool where there is one
// (spool.DeliverTo): sweeps spooled before are replayed first, and sw
// waits in the spool, capped by the inventory section's spool_max_bytes,
// while the store is out of reach. It outlives ctx's cancellation (an
// interrupted sweep is stored, as partial) within ingestBound, and says
// on w what became of sw.
func (s StoreSettings) Deliver(ctx context.Context, sw inventory.Sweep, w io.Writer) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ingestBound)
	defer cancel()
	sp, err := s.SpoolPath()
	if err != nil {
		return fmt.Errorf("store sweep: %w", err)
	}
	out, err := spool.DeliverTo(ctx, sp, int64(s.Inventory.SpoolMaxBytes), s.OpenInventory, sw)
	out.WriteReplayed(w)
	if err != nil {
		return fmt.Errorf("store sweep: %w", err)
	}
	out.WriteStored(w, sw)
	return nil
}

// RememberedCredentials opens the store and reads, for every address of
// its assets, the SNMP credential set that last answered the asset
// (inventory.RememberedCredentials), within rememberedBound.
func (s StoreSettings) RememberedCredentials(ctx context.Context) (map[netip.Addr]string, error) {
	ctx, cancel := context.WithTimeout(ctx, rememberedBound)
	defer cancel()
	inv, done, err := s.OpenInventory(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	return inventory.RememberedCredentials(ctx, inv.Store())
}

// Remembered is RememberedCredentials for a sweep (Sweeper.Run): a store
// it cannot read costs the memory, never the sweep, and is said on w.
func (s StoreSettings) Remembered(w io.Writer) func(context.Context) map[netip.Addr]string {
	return func(ctx context.Context) map[netip.Addr]string {
		out, err := s.RememberedCredentials(ctx)
		if err != nil {
			fmt.Fprintf(w, "snmp: remembered credentials not read (%v); every set is tried\n", err)
			return nil
		}
		s.log().Info("snmp credentials remembered", "addresses", len(out))
		return out
	}
}

// DeliverReport stores a sweep's report (Sweep) under the inventory
// section's scanner name and site, through Deliver.
func (s StoreSettings) DeliverReport(ctx context.Context, rep *scanner.Report, w io.Writer) error {
	return s.Deliver(ctx, Sweep(rep, ScannerName(s.Inventory, s.Hostname), s.Inventory.Site), w)
}

// DeliverImport stores the hosts another tool saw (ImportSweep, from
// start) under the inventory section's scanner name, through Deliver.
func (s StoreSettings) DeliverImport(ctx context.Context, hosts []record.Asset, start time.Time, w io.Writer) error {
	return s.Deliver(ctx, ImportSweep(hosts, start, ScannerName(s.Inventory, s.Hostname)), w)
}

// rememberedBound bounds RememberedCredentials: a store slow to answer
// costs the memory, never the sweep.
const rememberedBound = 15 * time.Second

// clickHouseAuth is the ClickHouse user and password of the inventory
// section or the environment.
func (s StoreSettings) clickHouseAuth() (stores.Auth, error) {
	var a stores.Auth
	var err error
	if a.User, a.Password, err = s.Inventory.ClickHouseAuth(s.Getenv); err != nil {
		return a, &SettingsError{err}
	}
	return a, nil
}

func (s StoreSettings) log() *slog.Logger {
	if s.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Log
}
