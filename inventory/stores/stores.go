// Package stores opens a CMDB store from its DSN: sqlite:PATH or
// clickhouse://host:9000/db. It is the one place that knows the schemes;
// the store package itself cannot (its backends import it).
package stores

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/netcensus/netcensus/inventory/spool"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/clickhouse"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
)

// ErrDSN marks a DSN that names no store this netcensus can open: a bad
// flag or config value, not a failure of the store.
var ErrDSN = errors.New("bad store DSN")

// ErrNoStore: an existing store was asked for and there is none yet.
var ErrNoStore = errors.New("no CMDB")

// Auth is the ClickHouse user and password (never part of the DSN).
type Auth struct {
	User     string
	Password string
}

// Options say how a store is opened.
type Options struct {
	// Existing opens an SQLite file only if it is there: a command that
	// only reads never leaves an empty database behind.
	Existing bool
}

// DefaultDSN is the store used when none is given: the default SQLite
// file (sqlite.DefaultPath), or ErrDSN when there is no place for it.
func DefaultDSN(getenv func(string) string, uid int) (string, error) {
	p := sqlite.DefaultPath(getenv, uid)
	if p == "" {
		return "", fmt.Errorf("%w: no default store location (neither HOME nor XDG_DATA_HOME is set): give --store sqlite:PATH", ErrDSN)
	}
	return "sqlite:" + p, nil
}

// sqlitePath is the file of a sqlite: DSN.
func sqlitePath(dsn string) (string, bool) {
	p, ok := strings.CutPrefix(dsn, "sqlite:")
	return strings.TrimPrefix(p, "//"), ok
}

// Open opens the store dsn names. It does not migrate it.
func Open(ctx context.Context, dsn string, auth Auth, o Options) (store.Store, error) {
	switch {
	case strings.HasPrefix(dsn, "sqlite:"):
		path, _ := sqlitePath(dsn)
		if path == "" {
			return nil, fmt.Errorf("%w: --store %q: want sqlite:PATH", ErrDSN, dsn)
		}
		if o.Existing {
			if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%w at %s yet: a sweep creates it (or give --store)", ErrNoStore, path)
			}
		}
		return sqlite.Open(ctx, path)
	case strings.HasPrefix(dsn, "clickhouse://"):
		co, err := clickhouse.ParseDSN(dsn)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrDSN, err)
		}
		co.Username, co.Password = auth.User, auth.Password
		return clickhouse.Open(ctx, co)
	}
	return nil, fmt.Errorf("%w: --store %q: want sqlite:PATH or clickhouse://host:9000/db", ErrDSN, dsn)
}

// OpenClickHouse opens the ClickHouse server of dsn without migrating
// anything, for what only ClickHouse does (clusters, schema checks); a
// dsn that is not clickhouse:// or does not parse is ErrDSN.
func OpenClickHouse(ctx context.Context, dsn string, auth Auth) (*clickhouse.DB, error) {
	if !strings.HasPrefix(dsn, "clickhouse://") {
		return nil, fmt.Errorf("%w: --store %q is not ClickHouse (clickhouse://host:9000/db)", ErrDSN, dsn)
	}
	co, err := clickhouse.ParseDSN(dsn)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDSN, err)
	}
	co.Username, co.Password = auth.User, auth.Password
	return clickhouse.Open(ctx, co)
}

// SpoolPath is where sweeps wait while the store of dsn is unreachable:
// $XDG_STATE_HOME/netcensus/spool.jsonl, else beside an SQLite store's
// file, else spool.DefaultPath ("" when there is no place).
func SpoolPath(dsn string, getenv func(string) string, uid int) string {
	if x := getenv("XDG_STATE_HOME"); x != "" {
		return filepath.Join(x, "netcensus", "spool.jsonl")
	}
	if p, ok := sqlitePath(dsn); ok {
		return filepath.Join(filepath.Dir(p), "spool.jsonl")
	}
	return spool.DefaultPath(getenv, uid)
}

// CheckSQLite checks the SQLite store dsn names without migrating it: its
// schema version, and every page of the file read for damage (SQLite's
// quick_check). It returns the file's path and schema version, and an
// error when the store is not SQLite, is damaged, or its schema is behind
// this netcensus's.
func CheckSQLite(ctx context.Context, dsn string) (path string, version int, err error) {
	st, err := Open(ctx, dsn, Auth{}, Options{Existing: true})
	if err != nil {
		return "", 0, err
	}
	defer st.Close()
	db, ok := st.(*sqlite.DB)
	if !ok {
		return "", 0, fmt.Errorf("store check: %s is not an SQLite store", Redact(dsn))
	}
	if version, err = db.SchemaVersion(ctx); err != nil {
		return db.Path(), 0, err
	}
	if err := db.Check(ctx); err != nil {
		return db.Path(), version, fmt.Errorf("store check: %w", err)
	}
	if version < sqlite.Latest() {
		return db.Path(), version, fmt.Errorf("store check: %s: schema version %d of %d, behind (any command that writes, or store init, migrates it); no damage found", db.Path(), version, sqlite.Latest())
	}
	return db.Path(), version, nil
}

// Redact drops the user and password of a DSN (clickhouse://user:pw@host
// becomes clickhouse://…@host), so that it may be printed or logged.
func Redact(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		if j := strings.Index(dsn[i+3:], "@"); j >= 0 {
			return dsn[:i+3] + "…@" + dsn[i+3+j+1:]
		}
	}
	return dsn
}
