// Package sqlite is the embedded CMDB store: one SQLite file through
// modernc.org/sqlite (pure Go), in WAL mode, zero set-up.
//
// Times are kept as Unix seconds. A file that is not a netcensus store (a
// foreign SQLite database, or not SQLite at all) and a schema newer than
// this binary are refused with a clear error before anything is written.
package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/netip"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	_ "modernc.org/sqlite" // the driver

	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/internal/owner"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// applicationID marks a netcensus file in the SQLite header ("NCNS").
const applicationID = 0x4e434e53

// DefaultPath is where the store lives: $XDG_DATA_HOME/netcensus/netcensus.db
// when XDG_DATA_HOME is set, else /var/lib/netcensus/netcensus.db for root,
// else ~/.local/share/netcensus/netcensus.db. With neither HOME nor
// XDG_DATA_HOME, a non-root user has no default ("").
func DefaultPath(getenv func(string) string, uid int) string {
	if x := getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "netcensus", "netcensus.db")
	}
	if uid == 0 {
		return "/var/lib/netcensus/netcensus.db"
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "share", "netcensus", "netcensus.db")
	}
	return ""
}

// DB is a SQLite store.
type DB struct {
	db *sql.DB
	// c runs the statements: db, or the transaction of Atomically (tx).
	c    conn
	tx   *sql.Tx
	path string
	// probe is how many assets a search reads in ID order before it asks
	// the trigram index: searchProbe (tests set fewer).
	probe int
}

// conn is what statements run on: the pool or one transaction.
type conn interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// txn is one write's transaction.
type txn interface {
	conn
	Commit() error
	Rollback() error
}

// nested is Atomically's transaction as one write inside it sees it: the
// commit and the rollback are Atomically's.
type nested struct{ *sql.Tx }

func (nested) Commit() error   { return nil }
func (nested) Rollback() error { return nil }

// begin starts a write's transaction, or joins Atomically's.
func (d *DB) begin(ctx context.Context) (txn, error) {
	if d.tx != nil {
		return nested{d.tx}, nil
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, busy(err)
	}
	return tx, nil
}

var (
	_ store.Store  = (*DB)(nil)
	_ store.Atomic = (*DB)(nil)
)

// Options tune Open.
type Options struct {
	// BusyTimeout is how long a statement waits for another process's
	// lock before it fails with store.ErrBusy (DefaultBusyTimeout when 0).
	BusyTimeout time.Duration
}

// DefaultBusyTimeout is how long a statement waits for a lock.
const DefaultBusyTimeout = 10 * time.Second

// SQLite result codes (the primary code: the low byte).
const (
	codeBusy    = 5
	codeLocked  = 6
	codeCorrupt = 11
	codeNotADB  = 26
)

// code is the SQLite primary result code in err's chain (0: none).
func code(err error) int {
	var e interface{ Code() int }
	if errors.As(err, &e) {
		return e.Code() & 0xff
	}
	return 0
}

// busy marks a lock timeout with store.ErrBusy.
func busy(err error) error {
	if c := code(err); c == codeBusy || c == codeLocked {
		return fmt.Errorf("%w: %w", store.ErrBusy, err)
	}
	return err
}

// foreign reports whether err says the file is not a database (or a
// corrupt one): only those refuse a file as foreign. A lock or an I/O
// error says nothing about what the file is.
func foreign(err error) bool {
	c := code(err)
	return c == codeCorrupt || c == codeNotADB
}

// Open opens (creating it and its directory if needed) the store at path
// and checks that it is a netcensus store no newer than this binary. It
// does not migrate: call Migrate.
func Open(ctx context.Context, path string) (*DB, error) {
	return OpenWith(ctx, path, Options{})
}

// OpenWith is Open with options.
func OpenWith(ctx context.Context, path string, o Options) (*DB, error) {
	if o.BusyTimeout <= 0 {
		o.BusyTimeout = DefaultBusyTimeout
	}
	bt := o.BusyTimeout.Milliseconds()
	if err := check(ctx, path, bt); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("store directory for %s: %w", path, err)
	}
	// A new store is made 0600 (the CMDB is nobody else's to read): SQLite
	// would make it 0644, and its -wal and -shm files take its mode.
	// Root's new store in the service user's directory is that user's
	// (see package owner), and so are the -wal and -shm files below.
	if f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600); err == nil {
		f.Close()
		if err := owner.Match(path); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("create store %s: %w", path, err)
	}
	dsn := fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)&_pragma=foreign_keys(0)&_pragma=synchronous(NORMAL)&_pragma=journal_mode(WAL)&_txlock=immediate", path, bt)
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// One connection: SQLite has one writer, and it keeps every
	// statement of a command on the same snapshot.
	db.SetMaxOpenConns(1)
	if err := ping(ctx, db, o.BusyTimeout); err != nil {
		db.Close()
		if foreign(err) {
			return nil, fmt.Errorf("store %s: %w: %v; it was left untouched", path, store.ErrForeign, err)
		}
		return nil, fmt.Errorf("open store %s: %w", path, busy(err))
	}
	d := &DB{db: db, c: db, path: path, probe: searchProbe}
	if err := d.verify(ctx); err != nil {
		db.Close()
		return nil, err
	}
	for _, f := range []string{path + "-wal", path + "-shm"} {
		if err := owner.Match(f); err != nil {
			db.Close()
			return nil, err
		}
	}
	return d, nil
}

// ping opens the connection, retrying a busy answer until the busy
// timeout: turning a new database to WAL takes an exclusive lock, and
// SQLite answers SQLITE_BUSY at once, without its busy handler, to a
// process that asks while another does the same.
func ping(ctx context.Context, db *sql.DB, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		err := db.PingContext(ctx)
		if c := code(err); err == nil || c != codeBusy && c != codeLocked || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
	}
}

// verify checks, on the store's own connection, what check could not
// read from the file's header: the schema version. (Reading every page
// for damage is Check's, on demand: it took 1.5-2 s of CPU at every
// command's open of a 700 MB store.)
func (d *DB) verify(ctx context.Context) error {
	var version int
	if err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		if foreign(err) {
			return fmt.Errorf("store %s: %w: %v; it was left untouched", d.path, store.ErrForeign, err)
		}
		return fmt.Errorf("open store %s: %w", d.path, busy(err))
	}
	if version > len(migrations) {
		return fmt.Errorf("store %s: %w: schema version %d, this netcensus knows up to %d; upgrade netcensus (the store was left untouched)", d.path, store.ErrSchemaNewer, version, len(migrations))
	}
	return nil
}

// Latest is the schema version this netcensus migrates an SQLite store to.
func Latest() int { return len(migrations) }

// Check reads the whole file for damage (SQLite's quick_check): every
// page, so it takes seconds on a large store, which is why opening a
// store does not do it and `netcensus store check` does. A damaged store
// is ErrForeign, with what SQLite found first.
func (d *DB) Check(ctx context.Context) error {
	var ok string
	err := d.db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&ok)
	switch {
	case err != nil && !foreign(err):
		return fmt.Errorf("check store %s: %w", d.path, busy(err))
	case err != nil || ok != "ok":
		return fmt.Errorf("store %s: %w: damaged (quick_check: %s %v)", d.path, store.ErrForeign, ok, err)
	}
	return nil
}

// check refuses a file that exists but is not a netcensus store, or is
// newer than this binary, before anything is written to it or created
// beside it. It reads the 100-byte header first; it opens the file only
// when the header cannot tell, read-only, and without a -wal file beside
// it as immutable, so SQLite creates no -wal or -shm file either. A lock
// or an I/O error is returned as it is, never as a foreign file.
func check(ctx context.Context, path string, busyMillis int64) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	head := make([]byte, 100)
	n, rerr := io.ReadFull(f, head)
	f.Close()
	if n == 0 && (rerr == nil || errors.Is(rerr, io.EOF)) {
		return nil // an empty file: SQLite makes a database of it
	}
	if rerr != nil && !errors.Is(rerr, io.ErrUnexpectedEOF) {
		return fmt.Errorf("read store %s: %w", path, rerr)
	}
	if n < 100 || !bytes.HasPrefix(head, []byte("SQLite format 3\x00")) {
		return fmt.Errorf("store %s: %w: the file is not an SQLite database (corrupt or foreign); it was left untouched", path, store.ErrForeign)
	}
	// The header is the whole truth when no -wal file holds newer pages.
	_, werr := os.Stat(path + "-wal")
	hasWAL := werr == nil
	appID := binary.BigEndian.Uint32(head[68:72])
	version := int(binary.BigEndian.Uint32(head[60:64]))
	switch {
	case appID != 0 && appID != applicationID:
		return fmt.Errorf("store %s: %w: an SQLite database of another application (application_id %#x); it was left untouched", path, store.ErrForeign, appID)
	case appID == applicationID && !hasWAL && version > len(migrations):
		return fmt.Errorf("store %s: %w: schema version %d, this netcensus knows up to %d; upgrade netcensus (the store was left untouched)", path, store.ErrSchemaNewer, version, len(migrations))
	case appID == applicationID:
		return nil // ours: Open checks the rest on its own connection
	}
	// application_id 0: a new, empty database, another application's, or
	// ours with its first pages still in the -wal file.
	q := fmt.Sprintf("?mode=ro&_pragma=busy_timeout(%d)", busyMillis)
	if !hasWAL {
		q = "?mode=ro&immutable=1"
	}
	db, err := sql.Open("sqlite", "file:"+path+q)
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	defer db.Close()
	// Both are read in one transaction, one snapshot: read apart, another
	// process's first migration could commit between them (tables, and
	// an application_id still 0 when it was read).
	var tables int
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err == nil {
		if err = tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err == nil {
			err = tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&tables)
		}
		tx.Rollback()
	}
	switch {
	case err != nil && foreign(err):
		return fmt.Errorf("store %s: %w: corrupt (%v); it was left untouched", path, store.ErrForeign, err)
	case err != nil:
		return fmt.Errorf("check store %s: %w", path, busy(err))
	case appID == applicationID || tables == 0:
		return nil // ours, or a new, empty database
	}
	return fmt.Errorf("store %s: %w: an SQLite database of another application (application_id %#x, %d tables); it was left untouched", path, store.ErrForeign, appID, tables)
}

// Atomically runs fn in one transaction: every write fn makes through tx
// is stored, or none (fn's error, a crash, a full disk). A lock held too
// long by another process is store.ErrBusy, and nothing was written.
func (d *DB) Atomically(ctx context.Context, fn func(ctx context.Context, tx store.Store) error) error {
	if d.tx != nil {
		return fn(ctx, d)
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store %s: begin: %w", d.path, busy(err))
	}
	if err := fn(ctx, &DB{db: d.db, c: tx, tx: tx, path: d.path, probe: d.probe}); err != nil {
		tx.Rollback()
		return busy(err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store %s: commit: %w", d.path, busy(err))
	}
	return nil
}

// Path is the file the store lives in.
func (d *DB) Path() string { return d.path }

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// migrations are the schema steps, in order; migration i brings the
// schema to version i+1. Never edit a released step: append one.
var migrations = []string{
	`CREATE TABLE sweeps (
		id TEXT PRIMARY KEY, scanner TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
		partial INTEGER NOT NULL, segments TEXT NOT NULL, observations INTEGER NOT NULL,
		assets INTEGER NOT NULL, new INTEGER NOT NULL, missing INTEGER NOT NULL);
	CREATE INDEX sweeps_start ON sweeps(start);
	CREATE TABLE observations (
		id TEXT PRIMARY KEY, sweep_id TEXT NOT NULL, asset_id TEXT NOT NULL, time INTEGER NOT NULL,
		source TEXT NOT NULL, scanner TEXT NOT NULL, ip TEXT NOT NULL, mac TEXT NOT NULL, data TEXT NOT NULL);
	CREATE INDEX observations_sweep ON observations(sweep_id, asset_id);
	CREATE INDEX observations_asset ON observations(asset_id);
	CREATE INDEX observations_time ON observations(time);
	CREATE TABLE assets (
		id TEXT PRIMARY KEY, state TEXT NOT NULL, state_since INTEGER NOT NULL, first_seen INTEGER NOT NULL,
		last_seen INTEGER NOT NULL, missed_sweeps INTEGER NOT NULL, last_sweep_id TEXT NOT NULL,
		merged_into TEXT NOT NULL, ip TEXT NOT NULL, vendor TEXT NOT NULL, mac_vendor TEXT NOT NULL,
		device_type TEXT NOT NULL, data TEXT NOT NULL);
	CREATE INDEX assets_state ON assets(state);
	CREATE TABLE annotations (
		asset_id TEXT PRIMARY KEY, approved INTEGER NOT NULL, approved_at INTEGER NOT NULL,
		approved_by TEXT NOT NULL, site TEXT NOT NULL, role TEXT NOT NULL, owner TEXT NOT NULL,
		tags TEXT NOT NULL, updated INTEGER NOT NULL);
	CREATE TABLE asset_keys (
		asset_id TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, first_seen INTEGER NOT NULL,
		PRIMARY KEY (asset_id, kind, value));
	CREATE TABLE decisions (
		id TEXT PRIMARY KEY, time INTEGER NOT NULL, kind TEXT NOT NULL, actor TEXT NOT NULL,
		asset_a TEXT NOT NULL, asset_b TEXT NOT NULL, key_kind TEXT NOT NULL, key_value TEXT NOT NULL);
	CREATE TABLE events (
		id TEXT PRIMARY KEY, time INTEGER NOT NULL, sweep_id TEXT NOT NULL, seq INTEGER NOT NULL,
		asset_id TEXT NOT NULL, type TEXT NOT NULL, field TEXT NOT NULL, old TEXT NOT NULL,
		new TEXT NOT NULL, actor TEXT NOT NULL);
	CREATE INDEX events_asset ON events(asset_id, time);
	CREATE INDEX events_time ON events(time);
	CREATE TABLE software (
		asset_id TEXT NOT NULL, sweep_id TEXT NOT NULL, time INTEGER NOT NULL, name TEXT NOT NULL,
		version TEXT NOT NULL, arch TEXT NOT NULL, installed_at INTEGER NOT NULL);
	CREATE INDEX software_asset ON software(asset_id, time);
	CREATE TABLE samples (
		asset_id TEXT NOT NULL, sweep_id TEXT NOT NULL, time INTEGER NOT NULL, metric TEXT NOT NULL,
		instance TEXT NOT NULL, value REAL NOT NULL);
	CREATE INDEX samples_asset ON samples(asset_id, metric, time);
	CREATE INDEX samples_time ON samples(time);
	CREATE TABLE interfaces (
		asset_id TEXT NOT NULL, sweep_id TEXT NOT NULL, time INTEGER NOT NULL, idx INTEGER NOT NULL,
		name TEXT NOT NULL, alias TEXT NOT NULL, type TEXT NOT NULL, mac TEXT NOT NULL,
		speed_bps INTEGER NOT NULL, admin_up INTEGER NOT NULL, oper_up INTEGER NOT NULL,
		in_octets INTEGER NOT NULL, out_octets INTEGER NOT NULL);
	CREATE INDEX interfaces_asset ON interfaces(asset_id, time);
	CREATE TABLE neighbors (
		asset_id TEXT NOT NULL, sweep_id TEXT NOT NULL, time INTEGER NOT NULL, local_port TEXT NOT NULL,
		chassis_id TEXT NOT NULL, port_id TEXT NOT NULL, sys_name TEXT NOT NULL);
	CREATE INDEX neighbors_asset ON neighbors(asset_id, time);`,
	// 2: the digest of each asset's latest software snapshot.
	`ALTER TABLE assets ADD COLUMN software_digest TEXT NOT NULL DEFAULT '';`,
	// 3: serve's schedule times and alert outbox (servestate.go).
	`CREATE TABLE schedules (
		name TEXT PRIMARY KEY, next_run INTEGER NOT NULL, last_run INTEGER NOT NULL,
		last_sweep_id TEXT NOT NULL, last_outcome TEXT NOT NULL, last_error TEXT NOT NULL);
	CREATE TABLE alert_outbox (
		id TEXT PRIMARY KEY, sink TEXT NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL,
		created INTEGER NOT NULL, payload TEXT NOT NULL, attempts INTEGER NOT NULL,
		next_attempt INTEGER NOT NULL, delivered INTEGER NOT NULL, dead INTEGER NOT NULL,
		last_error TEXT NOT NULL);
	CREATE INDEX alert_outbox_pending ON alert_outbox(delivered, dead, next_attempt);`,
	// 4: the searched text of each asset (store.SearchText: ip, ips, mac,
	// macs, hostname, serial, model, one a line, lower case) and its
	// trigram index, so that a substring search reads the index, not every
	// asset. Triggers keep the index; assets are upserted in place (a
	// REPLACE would bypass the delete trigger).
	`ALTER TABLE assets ADD COLUMN search TEXT NOT NULL DEFAULT '';
	UPDATE assets SET search = lower(coalesce(json_extract(data, '$.ip'), '') || char(10) ||
		coalesce((SELECT group_concat(value, char(10)) FROM json_each(assets.data, '$.ips')), '') || char(10) ||
		coalesce(json_extract(data, '$.mac'), '') || char(10) ||
		coalesce((SELECT group_concat(value, char(10)) FROM json_each(assets.data, '$.macs')), '') || char(10) ||
		coalesce(json_extract(data, '$.hostname'), '') || char(10) || coalesce(json_extract(data, '$.serial'), '') || char(10) ||
		coalesce(json_extract(data, '$.model'), ''));
	CREATE VIRTUAL TABLE asset_search USING fts5(search, content='assets', content_rowid='rowid', tokenize='trigram');
	INSERT INTO asset_search(asset_search) VALUES ('rebuild');
	CREATE TRIGGER assets_search_insert AFTER INSERT ON assets BEGIN
		INSERT INTO asset_search(rowid, search) VALUES (new.rowid, new.search); END;
	CREATE TRIGGER assets_search_delete AFTER DELETE ON assets BEGIN
		INSERT INTO asset_search(asset_search, rowid, search) VALUES ('delete', old.rowid, old.search); END;
	CREATE TRIGGER assets_search_update AFTER UPDATE OF search ON assets BEGIN
		INSERT INTO asset_search(asset_search, rowid, search) VALUES ('delete', old.rowid, old.search);
		INSERT INTO asset_search(rowid, search) VALUES (new.rowid, new.search); END;`,
	// 5: a search reads two indexes instead of 4's one: the trigrams of an
	// asset's addresses are common to every asset (a MAC's "00:", an IP's
	// "198"), so each search read the whole trigram index. Addresses are
	// indexed by every suffix of three or more characters (asset_terms: a
	// substring is a prefix of one, a B-tree range), and the trigram index
	// keeps the names (search_text: hostname, serial, model, one a line).
	`DROP TRIGGER assets_search_insert;
	DROP TRIGGER assets_search_delete;
	DROP TRIGGER assets_search_update;
	DROP TABLE asset_search;
	ALTER TABLE assets ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
	UPDATE assets SET search_text = lower(coalesce(json_extract(data, '$.hostname'), '') || char(10) ||
		coalesce(json_extract(data, '$.serial'), '') || char(10) || coalesce(json_extract(data, '$.model'), ''));
	CREATE VIRTUAL TABLE asset_text USING fts5(search_text, content='assets', content_rowid='rowid', tokenize='trigram');
	INSERT INTO asset_text(asset_text) VALUES ('rebuild');
	CREATE TRIGGER assets_text_insert AFTER INSERT ON assets BEGIN
		INSERT INTO asset_text(rowid, search_text) VALUES (new.rowid, new.search_text); END;
	CREATE TRIGGER assets_text_delete AFTER DELETE ON assets BEGIN
		INSERT INTO asset_text(asset_text, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); END;
	CREATE TRIGGER assets_text_update AFTER UPDATE OF search_text ON assets BEGIN
		INSERT INTO asset_text(asset_text, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
		INSERT INTO asset_text(rowid, search_text) VALUES (new.rowid, new.search_text); END;
	CREATE TABLE asset_terms (term TEXT NOT NULL, asset_id TEXT NOT NULL, PRIMARY KEY (term, asset_id)) WITHOUT ROWID;
	CREATE INDEX asset_terms_asset ON asset_terms(asset_id);
	CREATE TRIGGER assets_terms_delete AFTER DELETE ON assets BEGIN
		DELETE FROM asset_terms WHERE asset_id = old.id; END;
	INSERT OR IGNORE INTO asset_terms (term, asset_id)
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 64),
		v(id, val) AS (
			SELECT id, lower(json_extract(data, '$.ip')) FROM assets WHERE json_extract(data, '$.ip') IS NOT NULL
			UNION SELECT a.id, lower(j.value) FROM assets a, json_each(a.data, '$.ips') j
			UNION SELECT id, lower(json_extract(data, '$.mac')) FROM assets WHERE json_extract(data, '$.mac') IS NOT NULL
			UNION SELECT a.id, lower(j.value) FROM assets a, json_each(a.data, '$.macs') j)
		SELECT substr(val, i), id FROM v JOIN n ON length(val) - i + 1 >= 3;`,
	// 6: where assets were plugged in, per sweep (switch port location);
	// each neighbour's protocol (lldp, cdp), capabilities and platform.
	`CREATE TABLE locations (
		asset_id TEXT NOT NULL, sweep_id TEXT NOT NULL, time INTEGER NOT NULL, mac TEXT NOT NULL,
		switch_id TEXT NOT NULL, switch_name TEXT NOT NULL, switch_ip TEXT NOT NULL, port TEXT NOT NULL,
		if_index INTEGER NOT NULL, vlan INTEGER NOT NULL, seen INTEGER NOT NULL, rule TEXT NOT NULL,
		PRIMARY KEY (asset_id, sweep_id));
	CREATE INDEX locations_asset ON locations(asset_id, time);
	CREATE INDEX locations_switch ON locations(switch_id, time);
	ALTER TABLE neighbors ADD COLUMN protocol TEXT NOT NULL DEFAULT '';
	ALTER TABLE neighbors ADD COLUMN capabilities TEXT NOT NULL DEFAULT '';
	ALTER TABLE neighbors ADD COLUMN platform TEXT NOT NULL DEFAULT '';`,
	// 7: the columns a listing is sorted by (store.SortKeys), each with an
	// index ending in the ID, so that a sorted page is an index range, as
	// an unsorted one is: the MAC, the best name (hostname, else sysName,
	// else the address), model, serial, OS and version, and the address
	// as a number (ip_sort: the hex of its 16 bytes). Text sorts without
	// ASCII case. fillSortColumns fills them from each asset's record.
	`ALTER TABLE assets ADD COLUMN mac TEXT NOT NULL DEFAULT '';
	ALTER TABLE assets ADD COLUMN name TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
	ALTER TABLE assets ADD COLUMN model TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
	ALTER TABLE assets ADD COLUMN serial TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
	ALTER TABLE assets ADD COLUMN os TEXT NOT NULL DEFAULT '';
	ALTER TABLE assets ADD COLUMN os_version TEXT NOT NULL DEFAULT '';
	ALTER TABLE assets ADD COLUMN ip_sort TEXT NOT NULL DEFAULT '';
	CREATE INDEX assets_by_ip ON assets(ip_sort, id);
	CREATE INDEX assets_by_mac ON assets(mac, id);
	CREATE INDEX assets_by_name ON assets(name, id);
	CREATE INDEX assets_by_vendor ON assets(` + sortVendor + `, id);
	CREATE INDEX assets_by_model ON assets(model, id);
	CREATE INDEX assets_by_serial ON assets(serial, id);
	CREATE INDEX assets_by_os ON assets(` + sortOS + `, id);
	CREATE INDEX assets_by_type ON assets(device_type COLLATE NOCASE, id);
	CREATE INDEX assets_by_state ON assets(state, id);
	CREATE INDEX assets_by_first_seen ON assets(first_seen, id);
	CREATE INDEX assets_by_last_seen ON assets(last_seen, id);`,
	// 8: the site and approval a person set (annotations) copied onto
	// the asset, each with an index ending in the ID, so that sorting by
	// them is an index range too (it sorted every asset's ID: 170 ms at
	// 100,000). Annotate keeps the copy; an asset stored after its
	// annotation takes it then.
	`ALTER TABLE assets ADD COLUMN site TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
	ALTER TABLE assets ADD COLUMN approved INTEGER NOT NULL DEFAULT 0;
	UPDATE assets SET site = coalesce((SELECT n.site FROM annotations n WHERE n.asset_id = assets.id), ''),
		approved = coalesce((SELECT n.approved FROM annotations n WHERE n.asset_id = assets.id), 0);
	CREATE INDEX assets_by_site ON assets(site, id);
	CREATE INDEX assets_by_approved ON assets(approved, id);`,
	// 9: keys by value, so that a sweep reads the holders of its own
	// keys (KeyHolders) instead of every key in the CMDB; and what
	// absence reads of each asset (Presences) in an index of its own,
	// not among the records' pages.
	`CREATE INDEX asset_keys_value ON asset_keys(value);
	CREATE INDEX assets_presence ON assets(state, merged_into, ip_sort, ip, last_seen, last_sweep_id, id);`,
	// 10: the order events were stored in (ins, 1, 2, ...: one more than
	// the largest, within the write's transaction), for the event log
	// (EventsStored): serve's alerts read on from the last event stored
	// they read, and miss none whose time lies behind it. The events
	// stored before are numbered in their rowid order, the order SQLite
	// appended them (a rowid alone is no such order: VACUUM may renumber
	// the rows of a table without an INTEGER PRIMARY KEY).
	`ALTER TABLE events ADD COLUMN ins INTEGER NOT NULL DEFAULT 0;
	UPDATE events SET ins = rowid;
	CREATE UNIQUE INDEX events_ins ON events(ins);`,
}

// The sort expressions an index of migration 7 is on, written as the
// listing's query writes them (an index serves a query whose expression
// is the same).
const (
	sortVendor = `(CASE WHEN vendor <> '' THEN vendor ELSE mac_vendor END) COLLATE NOCASE`
	sortOS     = `(CASE WHEN os = '' THEN os_version WHEN os_version = '' THEN os ELSE os || ' ' || os_version END) COLLATE NOCASE`
)

// migrationFills run after a migration's SQL in its transaction: the
// values SQL cannot compute from the stored records.
var migrationFills = map[int]func(ctx context.Context, tx *sql.Tx) error{
	7: fillSortColumns,
}

// fillSortColumns sets migration 7's columns from each stored record.
func fillSortColumns(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, data FROM assets`)
	if err != nil {
		return err
	}
	var all []sortCols
	for rows.Next() {
		var id, data string
		if err := rows.Scan(&id, &data); err != nil {
			rows.Close()
			return err
		}
		var r record.Asset
		if err := json.Unmarshal([]byte(data), &r); err != nil {
			rows.Close()
			return fmt.Errorf("asset %s: %w", id, err)
		}
		c := sortColumns(&r)
		c.id = id
		all = append(all, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	st, err := tx.PrepareContext(ctx, `UPDATE assets SET mac = ?, name = ?, model = ?, serial = ?, os = ?, os_version = ?, ip_sort = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, c := range all {
		if _, err := st.ExecContext(ctx, c.mac, c.name, c.model, c.serial, c.os, c.osVersion, c.ip, c.id); err != nil {
			return fmt.Errorf("asset %s: %w", c.id, err)
		}
	}
	return nil
}

// sortCols are an asset's migration 7 columns.
type sortCols struct{ id, mac, name, model, serial, os, osVersion, ip string }

func sortColumns(r *record.Asset) sortCols {
	mac := ""
	if len(r.MAC) > 0 {
		mac = r.MAC.String()
	}
	return sortCols{mac: mac, name: r.Name(), model: r.Model, serial: r.Serial, os: r.OS, osVersion: r.OSVersion, ip: store.IPSortKey(r.IP)}
}

// Migrate applies the steps the store lacks, each in its own transaction.
// Each step reads the version again inside its transaction, so two
// processes opening a new store at once apply each step once.
func (d *DB) Migrate(ctx context.Context) (int, error) {
	// A current store is read, not locked: readers never wait on a
	// writer to learn there is nothing to do.
	v, err := d.SchemaVersion(ctx)
	if err != nil {
		return 0, err
	}
	if v == len(migrations) {
		return 0, nil
	}
	applied := 0
	for {
		done, err := d.migrateOne(ctx)
		if err != nil || done {
			return applied, err
		}
		applied++
	}
}

// migrateOne applies the next step; done when the schema is current.
func (d *DB) migrateOne(ctx context.Context) (done bool, err error) {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate store %s: %w", d.path, busy(err))
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("store %s schema version: %w", d.path, busy(err))
	}
	switch {
	case v > len(migrations):
		return false, fmt.Errorf("store %s: %w: schema version %d, this netcensus knows up to %d", d.path, store.ErrSchemaNewer, v, len(migrations))
	case v == len(migrations):
		return true, nil
	}
	if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
		return false, fmt.Errorf("migrate store %s to %d: %w", d.path, v+1, busy(err))
	}
	if fill := migrationFills[v+1]; fill != nil {
		if err := fill(ctx, tx); err != nil {
			return false, fmt.Errorf("migrate store %s to %d: %w", d.path, v+1, busy(err))
		}
	}
	// PRAGMA takes no bound parameters; both values are constants.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, v+1)); err != nil {
		return false, fmt.Errorf("migrate store %s to %d: %w", d.path, v+1, busy(err))
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate store %s to %d: %w", d.path, v+1, busy(err))
	}
	return false, nil
}

// SchemaVersion is the store's schema version (0: empty).
func (d *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := d.c.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("store %s schema version: %w", d.path, busy(err))
	}
	return v, nil
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func fromUnix(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0).UTC()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// bulk runs fn in one transaction with a prepared statement.
func (d *DB) bulk(ctx context.Context, what, query string, fn func(*sql.Stmt) error) error {
	tx, err := d.begin(ctx)
	if err != nil {
		return fmt.Errorf("store %s: %w", what, err)
	}
	st, err := tx.PrepareContext(ctx, query)
	if err != nil {
		tx.Rollback()
		return fmt.Errorf("store %s: %w", what, err)
	}
	if err := fn(st); err != nil {
		st.Close()
		tx.Rollback()
		return fmt.Errorf("store %s: %w", what, err)
	}
	st.Close()
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store %s: %w", what, err)
	}
	return nil
}

// PutSweep inserts or replaces a sweep.
func (d *DB) PutSweep(ctx context.Context, s store.Sweep) error {
	segs := make([]string, len(s.Segments))
	for i, p := range s.Segments {
		segs[i] = p.String()
	}
	_, err := d.c.ExecContext(ctx, `INSERT OR REPLACE INTO sweeps (id, scanner, start, end, partial, segments,
		observations, assets, new, missing) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		s.ID, s.Scanner, unix(s.Start), unix(s.End), b2i(s.Partial), strings.Join(segs, " "),
		s.Observations, s.Assets, s.New, s.Missing)
	if err != nil {
		return fmt.Errorf("store sweep %s: %w", s.ID, err)
	}
	return nil
}

const sweepCols = `id, scanner, start, end, partial, segments, observations, assets, new, missing`

func scanSweep(sc interface{ Scan(...any) error }) (store.Sweep, error) {
	var s store.Sweep
	var start, end int64
	var partial int
	var segs string
	if err := sc.Scan(&s.ID, &s.Scanner, &start, &end, &partial, &segs, &s.Observations, &s.Assets, &s.New, &s.Missing); err != nil {
		return s, err
	}
	s.Start, s.End, s.Partial = fromUnix(start), fromUnix(end), partial != 0
	for _, f := range strings.Fields(segs) {
		if p, err := netip.ParsePrefix(f); err == nil {
			s.Segments = append(s.Segments, p)
		}
	}
	return s, nil
}

// Sweeps lists sweeps, newest first.
func (d *DB) Sweeps(ctx context.Context, limit int) ([]store.Sweep, error) {
	q := `SELECT ` + sweepCols + ` FROM sweeps ORDER BY start DESC, id DESC`
	args := []any{}
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := d.c.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list sweeps: %w", err)
	}
	defer rows.Close()
	var out []store.Sweep
	for rows.Next() {
		s, err := scanSweep(rows)
		if err != nil {
			return nil, fmt.Errorf("list sweeps: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Sweep returns one sweep.
func (d *DB) Sweep(ctx context.Context, id string) (store.Sweep, error) {
	s, err := scanSweep(d.c.QueryRowContext(ctx, `SELECT `+sweepCols+` FROM sweeps WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("sweep %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return s, fmt.Errorf("sweep %s: %w", id, err)
	}
	return s, nil
}

// AppendObservations stores observations once each.
func (d *DB) AppendObservations(ctx context.Context, obs []store.Observation) error {
	return d.bulk(ctx, "observations", `INSERT OR IGNORE INTO observations (id, sweep_id, asset_id, time, source,
		scanner, ip, mac, data) VALUES (?,?,?,?,?,?,?,?,?)`, func(st *sql.Stmt) error {
		for i := range obs {
			o := &obs[i]
			data, err := json.Marshal(&o.Asset)
			if err != nil {
				return err
			}
			ip := ""
			if o.Asset.IP.IsValid() {
				ip = o.Asset.IP.String()
			}
			if _, err := st.ExecContext(ctx, o.ID, o.SweepID, o.AssetID, unix(o.Time), string(o.Source), o.Scanner,
				ip, o.Asset.MAC.String(), string(data)); err != nil {
				return err
			}
		}
		return nil
	})
}

// Observations lists observations of a sweep and/or asset.
func (d *DB) Observations(ctx context.Context, sweepID, assetID string) ([]store.Observation, error) {
	q := `SELECT id, sweep_id, asset_id, time, source, scanner, data FROM observations WHERE 1=1`
	var args []any
	if sweepID != "" {
		q += ` AND sweep_id = ?`
		args = append(args, sweepID)
	}
	if assetID != "" {
		q += ` AND asset_id = ?`
		args = append(args, assetID)
	}
	rows, err := d.c.QueryContext(ctx, q+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list observations: %w", err)
	}
	defer rows.Close()
	var out []store.Observation
	for rows.Next() {
		var o store.Observation
		var t int64
		var src, data string
		if err := rows.Scan(&o.ID, &o.SweepID, &o.AssetID, &t, &src, &o.Scanner, &data); err != nil {
			return nil, fmt.Errorf("list observations: %w", err)
		}
		o.Time, o.Source = fromUnix(t), record.Source(src)
		if err := json.Unmarshal([]byte(data), &o.Asset); err != nil {
			return nil, fmt.Errorf("observation %s: %w", o.ID, err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// PutAssets upserts assets' current state, and the search indexes: the
// names' trigrams by trigger, the addresses' suffixes here when they
// changed.
func (d *DB) PutAssets(ctx context.Context, as []store.Asset) error {
	tx, err := d.begin(ctx)
	if err != nil {
		return fmt.Errorf("store assets: %w", err)
	}
	defer tx.Rollback()
	prev, err := tx.PrepareContext(ctx, `SELECT search FROM assets WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("store assets: %w", err)
	}
	defer prev.Close()
	// An upsert in place, not a REPLACE: the search index's triggers see
	// the update (a REPLACE's delete fires no trigger).
	put, err := tx.PrepareContext(ctx, `INSERT INTO assets (id, state, state_since, first_seen, last_seen,
		missed_sweeps, last_sweep_id, merged_into, ip, vendor, mac_vendor, device_type, data, software_digest, search, search_text,
		mac, name, model, serial, os, os_version, ip_sort, site, approved)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,
		coalesce((SELECT site FROM annotations WHERE asset_id = ?1), ''), coalesce((SELECT approved FROM annotations WHERE asset_id = ?1), 0))
		ON CONFLICT (id) DO UPDATE SET state = excluded.state,
		state_since = excluded.state_since, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
		missed_sweeps = excluded.missed_sweeps, last_sweep_id = excluded.last_sweep_id, merged_into = excluded.merged_into,
		ip = excluded.ip, vendor = excluded.vendor, mac_vendor = excluded.mac_vendor, device_type = excluded.device_type,
		data = excluded.data, software_digest = excluded.software_digest, search = excluded.search, search_text = excluded.search_text,
		mac = excluded.mac, name = excluded.name, model = excluded.model, serial = excluded.serial, os = excluded.os,
		os_version = excluded.os_version, ip_sort = excluded.ip_sort`)
	if err != nil {
		return fmt.Errorf("store assets: %w", err)
	}
	defer put.Close()
	delTerms, err := tx.PrepareContext(ctx, `DELETE FROM asset_terms WHERE asset_id = ?`)
	if err != nil {
		return fmt.Errorf("store assets: %w", err)
	}
	defer delTerms.Close()
	addTerm, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO asset_terms (term, asset_id) VALUES (?, ?)`)
	if err != nil {
		return fmt.Errorf("store assets: %w", err)
	}
	defer addTerm.Close()
	for i := range as {
		a := &as[i]
		r := a.Record
		// People's fields live in annotations; times to the second.
		r.Approved, r.Site, r.Role, r.Owner, r.Tags = nil, "", "", "", nil
		r.FirstSeen, r.LastSeen = store.Second(r.FirstSeen), store.Second(r.LastSeen)
		data, err := json.Marshal(&r)
		if err != nil {
			return fmt.Errorf("store asset %s: %w", r.AssetID, err)
		}
		ip := ""
		if r.IP.IsValid() {
			ip = r.IP.String()
		}
		search := store.SearchText(&r)
		sc := sortColumns(&r)
		var old sql.NullString
		if err := prev.QueryRowContext(ctx, r.AssetID).Scan(&old); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store asset %s: %w", r.AssetID, err)
		}
		if _, err := put.ExecContext(ctx, r.AssetID, r.State, unix(a.StateSince), unix(r.FirstSeen), unix(r.LastSeen),
			a.MissedSweeps, a.LastSweepID, a.MergedInto, ip, r.Vendor, r.MACVendor, r.DeviceType, string(data), a.SoftwareDigest,
			search, strings.ToLower(r.Hostname+"\n"+r.Serial+"\n"+r.Model), sc.mac, sc.name, sc.model, sc.serial, sc.os, sc.osVersion, sc.ip); err != nil {
			return fmt.Errorf("store asset %s: %w", r.AssetID, err)
		}
		if old.Valid && old.String == search {
			continue // the same addresses: their terms stand
		}
		if old.Valid {
			if _, err := delTerms.ExecContext(ctx, r.AssetID); err != nil {
				return fmt.Errorf("store asset %s search terms: %w", r.AssetID, err)
			}
		}
		for _, v := range store.SearchAddresses(&r) {
			for k := 0; len(v)-k >= 3; k++ {
				if _, err := addTerm.ExecContext(ctx, v[k:], r.AssetID); err != nil {
					return fmt.Errorf("store asset %s search terms: %w", r.AssetID, err)
				}
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store assets: %w", err)
	}
	return nil
}

const assetQuery = `SELECT a.id, a.state, a.state_since, a.first_seen, a.last_seen, a.missed_sweeps, a.last_sweep_id,
	a.merged_into, a.software_digest, a.data, n.approved, n.site, n.role, n.owner, n.tags
	FROM assets a LEFT JOIN annotations n ON n.asset_id = a.id`

// rawAsset is an asset's row as read, its record's JSON not yet decoded:
// small, as a page of them is copied from stage to stage.
type rawAsset struct {
	id, state, data           string
	since, first, last        int64
	missed                    int
	lastSweep, merged, digest string
	approved                  sql.NullInt64
	site, role, own, tags     sql.NullString
}

func scanRaw(sc interface{ Scan(...any) error }) (rawAsset, error) {
	var r rawAsset
	err := sc.Scan(&r.id, &r.state, &r.since, &r.first, &r.last, &r.missed, &r.lastSweep, &r.merged, &r.digest, &r.data,
		&r.approved, &r.site, &r.role, &r.own, &r.tags)
	return r, err
}

// decode sets *a, a zero asset, to the row's: its record from the JSON,
// with the columns and the annotation.
func (r *rawAsset) decode(a *store.Asset) error {
	a.StateSince, a.MissedSweeps, a.LastSweepID, a.MergedInto, a.SoftwareDigest = fromUnix(r.since), r.missed, r.lastSweep, r.merged, r.digest
	if err := record.DecodeAsset([]byte(r.data), &a.Record); err != nil {
		return fmt.Errorf("asset %s: %w", r.id, err)
	}
	a.Record.AssetID, a.Record.State = r.id, r.state
	a.Record.FirstSeen, a.Record.LastSeen = fromUnix(r.first), fromUnix(r.last)
	ok := r.approved.Int64 != 0
	a.Record.Approved = &ok
	a.Record.Site, a.Record.Role, a.Record.Owner = r.site.String, r.role.String, r.own.String
	if r.tags.String != "" {
		if err := json.Unmarshal([]byte(r.tags.String), &a.Record.Tags); err != nil {
			return fmt.Errorf("asset %s tags: %w", r.id, err)
		}
	}
	return nil
}

func scanAsset(sc interface{ Scan(...any) error }) (store.Asset, error) {
	var a store.Asset
	r, err := scanRaw(sc)
	if err != nil {
		return a, err
	}
	err = r.decode(&a)
	return a, err
}

// Asset returns one asset.
func (d *DB) Asset(ctx context.Context, id string) (store.Asset, error) {
	a, err := scanAsset(d.c.QueryRowContext(ctx, assetQuery+` WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("asset %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("asset %s: %w", id, err)
	}
	return a, nil
}

// Assets lists assets matching f, by ID.
func (d *DB) Assets(ctx context.Context, f store.AssetFilter) ([]store.Asset, error) {
	var out []store.Asset
	err := d.EachAsset(ctx, f, func(a *store.Asset) error {
		out = append(out, *a)
		return nil
	})
	return out, err
}

var _ store.AssetStreamer = (*DB)(nil)

// listPage is how many assets a listing reads per query.
const listPage = 1000

// EachAsset hands fn each asset Assets(f) lists, in ID order
// (store.AssetStreamer), reading a page of them at a time by ID: a
// listing of the whole CMDB is never one list in memory, and fn runs
// with the store free (a slow reader of a listing holds no query open,
// and fn may use the store). Pages are read one after another, not as
// one snapshot.
func (d *DB) EachAsset(ctx context.Context, f store.AssetFilter, fn func(*store.Asset) error) error {
	// Three stages, so that a long listing keeps every core busy: pages
	// are read (one query each, closed before the next stage has them),
	// decoded (a page's records split among the cores) and handed to fn,
	// each stage a page ahead of the next. An early return stops the
	// others and waits for them.
	ctx, cancel := context.WithCancel(ctx)
	raws := make(chan rawPage, 1)
	pages := make(chan decodedPage, 1)
	go d.readPages(ctx, f, raws)
	go decodePages(ctx, raws, pages)
	defer func() {
		cancel()
		for range pages {
		}
	}()
	n := 0
	for p := range pages {
		if p.err != nil {
			return fmt.Errorf("list assets: %w", p.err)
		}
		for i := range p.assets {
			if f.Subnet.IsValid() && !store.InSubnet(f.Subnet, &p.assets[i].Record) {
				continue
			}
			if err := fn(&p.assets[i]); err != nil {
				return err
			}
			if n++; n == f.Limit {
				return nil
			}
		}
	}
	return nil
}

type rawPage struct {
	rows []rawAsset
	err  error
}

type decodedPage struct {
	assets []store.Asset
	err    error
}

// readPages reads the pages of f's listing into out, then closes it.
func (d *DB) readPages(ctx context.Context, f store.AssetFilter, out chan<- rawPage) {
	defer close(out)
	read := 0
	page := f
	for {
		page.Limit = listPage
		if f.Limit > 0 && !f.Subnet.IsValid() {
			if read == f.Limit {
				return
			}
			page.Limit = min(listPage, f.Limit-read) // every row read is listed
		}
		rows, err := d.assetPage(ctx, page)
		if err == nil && f.Sort != "" && len(rows) == page.Limit {
			// The next page's cursor: the last asset's sort value.
			var last store.Asset
			if err = rows[len(rows)-1].decode(&last); err == nil {
				page.AfterKey = store.SortValue(f.Sort, &last)
			}
		}
		select {
		case out <- rawPage{rows, err}:
		case <-ctx.Done():
			return
		}
		if err != nil || len(rows) < page.Limit {
			return
		}
		read += len(rows)
		page.After = rows[len(rows)-1].id
	}
}

// decodePages decodes each page of in, its rows split among the cores,
// into out, in order, then closes it.
func decodePages(ctx context.Context, in <-chan rawPage, out chan<- decodedPage) {
	defer close(out)
	workers := max(1, min(runtime.GOMAXPROCS(0), 4))
	for p := range in {
		d := decodedPage{err: p.err}
		if p.err == nil {
			d.assets = make([]store.Asset, len(p.rows))
			errs := make([]error, workers)
			var wg sync.WaitGroup
			chunk := (len(p.rows) + workers - 1) / workers
			for w := range workers {
				lo, hi := w*chunk, min(len(p.rows), (w+1)*chunk)
				if lo >= hi {
					break
				}
				wg.Go(func() {
					for i := lo; i < hi && errs[w] == nil; i++ {
						errs[w] = p.rows[i].decode(&d.assets[i])
					}
				})
			}
			wg.Wait()
			d.err = errors.Join(errs...)
		}
		select {
		case out <- d:
		case <-ctx.Done():
			for range in { // let the reader finish
			}
			return
		}
	}
}

// sortExpr is what a listing sorted by k orders by (an indexed column or
// expression, migrations 7 and 8), and whether its value is a number.
func sortExpr(k string) (expr string, num bool, err error) {
	switch k {
	case store.SortIP:
		return "a.ip_sort", false, nil
	case store.SortMAC:
		return "a.mac", false, nil
	case store.SortHostname:
		return "a.name", false, nil
	case store.SortVendor:
		return sortVendor, false, nil
	case store.SortModel:
		return "a.model", false, nil
	case store.SortSerial:
		return "a.serial", false, nil
	case store.SortOS:
		return sortOS, false, nil
	case store.SortType:
		return "a.device_type COLLATE NOCASE", false, nil
	case store.SortState:
		return "a.state", false, nil
	case store.SortFirstSeen:
		return "a.first_seen", true, nil
	case store.SortLastSeen:
		return "a.last_seen", true, nil
	case store.SortSite:
		return "a.site", false, nil
	case store.SortApproved:
		return "a.approved", true, nil
	}
	return "", false, fmt.Errorf("sort %q: %w", k, store.ErrInvalid)
}

// assetPage reads the assets of one page: f but its subnet, at most
// f.Limit of them.
func (d *DB) assetPage(ctx context.Context, f store.AssetFilter) ([]rawAsset, error) {
	if f.Limit > 0 && f.Sort == "" && !f.Desc && utf8.RuneCountInString(f.Search) >= 3 && !strings.ContainsRune(f.Search, '\n') {
		// A search most assets match ("hos" of "host-…", as a person
		// types it) would make the trigram index hand over nearly every
		// row before the first page is cut. Reading the next d.probe
		// assets in ID order finds such a page at once; when they hold
		// fewer than a page of matches, the index answers. A search the
		// index matches fewer than d.probe times (a MAC, an IP, a
		// serial) goes to the index straight away: it reads those assets,
		// not the next d.probe assets' texts.
		n, err := d.indexMatches(ctx, strings.ToLower(f.Search), d.probe)
		if err != nil {
			return nil, err
		}
		if n >= d.probe {
			as, err := d.queryAssets(ctx, f, d.probe)
			if err != nil || len(as) == f.Limit {
				return as, err
			}
		}
	}
	return d.queryAssets(ctx, f, 0)
}

// indexMatches counts the index entries matching the lower-cased search
// s, stopping at bound: the address terms s is a prefix of and the
// assets whose text holds s as a phrase of trigrams (an asset can count
// twice; the count is a bound, read without sorting).
func (d *DB) indexMatches(ctx context.Context, s string, bound int) (int, error) {
	var n int
	err := d.c.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM asset_terms WHERE term >= ? AND term < ?
		UNION ALL SELECT 1 FROM asset_text WHERE asset_text MATCH ? LIMIT ?)`,
		s, s+"\U0010FFFF", ftsPhrase(s), bound).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count search matches: %w", err)
	}
	return n, nil
}

// ftsPhrase quotes s as one FTS5 phrase.
func ftsPhrase(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// searchProbe is how many assets a search reads in ID order before it
// asks the trigram index.
const searchProbe = 4000

func (d *DB) queryAssets(ctx context.Context, f store.AssetFilter, probe int) ([]rawAsset, error) {
	q, args, err := assetWhere(f, probe)
	if err != nil {
		return nil, err
	}
	rows, err := d.c.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]rawAsset, 0, f.Limit)
	for rows.Next() {
		a, err := scanRaw(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// assetWhere is the query listing the assets f selects, by ID, at most
// f.Limit: all of f but the subnet, which needs the decoded addresses.
// A probe above 0 searches by reading the probe assets after f.After
// instead of through the trigram index (its page is the true page only
// when full).
func assetWhere(f store.AssetFilter, probe int) (string, []any, error) {
	q := ` WHERE 1=1`
	var args []any
	order, num := "a.id", false
	if f.Sort != "" {
		var err error
		if order, num, err = sortExpr(f.Sort); err != nil {
			return "", nil, err
		}
		probe = 0
	}
	if f.Desc {
		probe = 0
	}
	in := func(col string, vs []string) {
		q += ` AND ` + col + ` IN (` + strings.TrimSuffix(strings.Repeat("?,", len(vs)), ",") + `)`
		for _, v := range vs {
			args = append(args, v)
		}
	}
	if len(f.IDs) > 0 {
		in("a.id", f.IDs)
	}
	switch {
	case len(f.States) > 0 && f.Sort != "":
		// Not through the state index: the sort's index reads the page
		// in order (the state index would have every match sorted).
		in("+a.state", f.States)
	case len(f.States) > 0:
		in("a.state", f.States)
	case !f.IncludeMerged:
		q += ` AND a.state <> ?`
		args = append(args, store.StateMerged)
	}
	if f.Vendor != "" {
		q += ` AND (instr(lower(a.vendor), lower(?)) > 0 OR instr(lower(a.mac_vendor), lower(?)) > 0)`
		args = append(args, f.Vendor, f.Vendor)
	}
	if f.DeviceType != "" {
		q += ` AND lower(a.device_type) = lower(?)`
		args = append(args, f.DeviceType)
	}
	if !f.SeenSince.IsZero() {
		q += ` AND a.last_seen >= ?`
		args = append(args, unix(f.SeenSince))
	}
	if f.Unapproved {
		q += ` AND coalesce(n.approved, 0) = 0`
	}
	if f.Approved {
		q += ` AND coalesce(n.approved, 0) <> 0`
	}
	cmp, dir := ">", ""
	if f.Desc {
		cmp, dir = "<", " DESC"
	}
	switch {
	case f.After != "" && f.Sort != "":
		// A keyset cursor: (value, ID) past the last asset's, an index range.
		var key any = f.AfterKey
		if num {
			n, err := strconv.ParseInt(f.AfterKey, 10, 64)
			if err != nil {
				return "", nil, fmt.Errorf("cursor %q: %w", f.AfterKey, store.ErrInvalid)
			}
			key = n
		}
		q += ` AND (` + order + `, a.id) ` + cmp + ` (?, ?)`
		args = append(args, key, f.After)
	case f.After != "":
		q += ` AND a.id ` + cmp + ` ?`
		args = append(args, f.After)
	}
	switch s := strings.ToLower(f.Search); {
	case s == "":
	case strings.ContainsRune(s, '\n'):
		q += ` AND 0`
	case probe > 0:
		q += ` AND instr(a.search, ?) > 0 AND a.id <= (SELECT id FROM assets WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?)`
		args = append(args, s, f.After, probe-1)
	case utf8.RuneCountInString(s) >= 3:
		// A substring of an address is a prefix of one of its suffixes
		// (asset_terms); of a name, a phrase of its trigrams (asset_text,
		// case folded by the tokenizer).
		q += ` AND a.id IN (SELECT asset_id FROM asset_terms WHERE term >= ? AND term < ?
			UNION SELECT id FROM assets WHERE rowid IN (SELECT rowid FROM asset_text WHERE asset_text MATCH ?))`
		args = append(args, s, s+"\U0010FFFF", ftsPhrase(s))
	default:
		// Shorter than a trigram: every asset's text is read.
		q += ` AND instr(a.search, ?) > 0`
		args = append(args, s)
	}
	q += ` ORDER BY `
	if f.Sort != "" {
		q += order + dir + `, `
	}
	q += `a.id` + dir
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	return assetQuery + q, args, nil
}

// Annotate upserts an annotation.
func (d *DB) Annotate(ctx context.Context, ns ...store.Annotation) error {
	tx, err := d.begin(ctx)
	if err != nil {
		return fmt.Errorf("annotate: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO annotations (asset_id, approved, approved_at, approved_by,
		site, role, owner, tags, updated) VALUES (?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return fmt.Errorf("annotate: %w", err)
	}
	defer st.Close()
	for _, n := range ns {
		tags, err := json.Marshal(n.Tags)
		if err != nil {
			return fmt.Errorf("annotate %s: %w", n.AssetID, err)
		}
		if n.Tags == nil {
			tags = []byte("")
		}
		if _, err := st.ExecContext(ctx, n.AssetID, b2i(n.Approved), unix(n.ApprovedAt), n.ApprovedBy, n.Site, n.Role, n.Owner,
			string(tags), unix(n.Updated)); err != nil {
			return fmt.Errorf("annotate %s: %w", n.AssetID, err)
		}
		// The asset's copies the sorts read (migration 8).
		if _, err := tx.ExecContext(ctx, `UPDATE assets SET site = ?, approved = ? WHERE id = ?`, n.Site, b2i(n.Approved), n.AssetID); err != nil {
			return fmt.Errorf("annotate %s: %w", n.AssetID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("annotate: %w", err)
	}
	return nil
}

// Annotation returns an asset's annotation (zero if none).
func (d *DB) Annotation(ctx context.Context, id string) (store.Annotation, error) {
	n := store.Annotation{AssetID: id}
	var approved int
	var at, updated int64
	var tags string
	err := d.c.QueryRowContext(ctx, `SELECT approved, approved_at, approved_by, site, role, owner, tags, updated
		FROM annotations WHERE asset_id = ?`, id).Scan(&approved, &at, &n.ApprovedBy, &n.Site, &n.Role, &n.Owner, &tags, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return n, nil
	}
	if err != nil {
		return n, fmt.Errorf("annotation %s: %w", id, err)
	}
	n.Approved, n.ApprovedAt, n.Updated = approved != 0, fromUnix(at), fromUnix(updated)
	if tags != "" {
		if err := json.Unmarshal([]byte(tags), &n.Tags); err != nil {
			return n, fmt.Errorf("annotation %s tags: %w", id, err)
		}
	}
	return n, nil
}

// AddKeys records keys, keeping the first FirstSeen.
func (d *DB) AddKeys(ctx context.Context, ks []store.AssetKey) error {
	return d.bulk(ctx, "identity keys", `INSERT OR IGNORE INTO asset_keys (asset_id, kind, value, first_seen)
		VALUES (?,?,?,?)`, func(st *sql.Stmt) error {
		for _, k := range ks {
			if _, err := st.ExecContext(ctx, k.AssetID, string(k.Key.Kind), k.Key.Value, unix(k.FirstSeen)); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteKeys removes keys.
func (d *DB) DeleteKeys(ctx context.Context, ks []store.AssetKey) error {
	return d.bulk(ctx, "delete identity keys", `DELETE FROM asset_keys WHERE asset_id = ? AND kind = ? AND value = ?`,
		func(st *sql.Stmt) error {
			for _, k := range ks {
				if _, err := st.ExecContext(ctx, k.AssetID, string(k.Key.Kind), k.Key.Value); err != nil {
					return err
				}
			}
			return nil
		})
}

// Keys lists keys of the given assets (all if none).
func (d *DB) Keys(ctx context.Context, assetIDs ...string) ([]store.AssetKey, error) {
	q := `SELECT asset_id, kind, value, first_seen FROM asset_keys`
	var args []any
	if len(assetIDs) > 0 {
		q += ` WHERE asset_id IN (` + strings.TrimSuffix(strings.Repeat("?,", len(assetIDs)), ",") + `)`
		for _, id := range assetIDs {
			args = append(args, id)
		}
	}
	rows, err := d.c.QueryContext(ctx, q+` ORDER BY asset_id, kind, value`, args...)
	if err != nil {
		return nil, fmt.Errorf("list identity keys: %w", err)
	}
	defer rows.Close()
	var out []store.AssetKey
	for rows.Next() {
		var k store.AssetKey
		var kind string
		var t int64
		if err := rows.Scan(&k.AssetID, &kind, &k.Key.Value, &t); err != nil {
			return nil, fmt.Errorf("list identity keys: %w", err)
		}
		k.Key.Kind, k.FirstSeen = identity.Kind(kind), fromUnix(t)
		out = append(out, k)
	}
	return out, rows.Err()
}

// keyChunk is how many keys one KeyHolders query binds (SQLite binds
// at most 32,766 values in a statement).
const keyChunk = 500

// KeyHolders lists the keys held that are one of keys, through the index
// on the key's value.
func (d *DB) KeyHolders(ctx context.Context, keys []identity.Key) ([]store.AssetKey, error) {
	want, vs := store.KeySet(keys)
	values := make([]any, len(vs))
	for i, v := range vs {
		values[i] = v
	}
	var out []store.AssetKey
	for len(values) > 0 {
		n := min(len(values), keyChunk)
		rows, err := d.c.QueryContext(ctx, `SELECT asset_id, kind, value, first_seen FROM asset_keys
			WHERE value IN (`+strings.TrimSuffix(strings.Repeat("?,", n), ",")+`)`, values[:n]...)
		if err != nil {
			return nil, fmt.Errorf("list key holders: %w", err)
		}
		for rows.Next() {
			var k store.AssetKey
			var kind string
			var t int64
			if err := rows.Scan(&k.AssetID, &kind, &k.Key.Value, &t); err != nil {
				rows.Close()
				return nil, fmt.Errorf("list key holders: %w", err)
			}
			k.Key.Kind, k.FirstSeen = identity.Kind(kind), fromUnix(t)
			if want[k.Key] {
				out = append(out, k)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("list key holders: %w", err)
		}
		values = values[n:]
	}
	slices.SortFunc(out, store.CompareKeys)
	return out, nil
}

// Presences lists what absence reads of the assets in states within
// the prefixes, from an index that holds all of it (no record is read):
// a range of it a state and prefix.
func (d *DB) Presences(ctx context.Context, within []netip.Prefix, states ...string) ([]store.Presence, error) {
	q := `SELECT id, state, ip, last_seen, last_sweep_id FROM assets WHERE state = ? AND merged_into = ''`
	type rng struct{ lo, hi string }
	ranges := []rng{{}}
	if within != nil {
		q += ` AND ip_sort BETWEEN ? AND ?`
		ranges = ranges[:0]
		for _, p := range within {
			lo, hi := store.IPSortRange(p)
			ranges = append(ranges, rng{lo, hi})
		}
	}
	stmt, err := d.c.PrepareContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("list presences: %w", err)
	}
	defer stmt.Close()
	var out []store.Presence
	for _, st := range states {
		for _, r := range ranges {
			args := []any{st}
			if within != nil {
				args = append(args, r.lo, r.hi)
			}
			if out, err = appendPresences(ctx, stmt, args, out); err != nil {
				return nil, fmt.Errorf("list presences: %w", err)
			}
		}
	}
	return out, nil
}

func appendPresences(ctx context.Context, stmt *sql.Stmt, args []any, out []store.Presence) ([]store.Presence, error) {
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p store.Presence
		var ip string
		var t int64
		if err := rows.Scan(&p.AssetID, &p.State, &ip, &t, &p.LastSweepID); err != nil {
			return nil, err
		}
		if ip != "" {
			if p.IP, err = netip.ParseAddr(ip); err != nil {
				return nil, fmt.Errorf("asset %s: %w", p.AssetID, err)
			}
		}
		p.LastSeen = fromUnix(t)
		out = append(out, p)
	}
	return out, rows.Err()
}

// AddDecision stores a decision (again: ignored).
func (d *DB) AddDecision(ctx context.Context, x store.Decision) error {
	_, err := d.c.ExecContext(ctx, `INSERT OR IGNORE INTO decisions (id, time, kind, actor, asset_a, asset_b,
		key_kind, key_value) VALUES (?,?,?,?,?,?,?,?)`, x.ID, unix(x.Time), x.Kind, x.Actor, x.AssetA, x.AssetB,
		string(x.Key.Kind), x.Key.Value)
	if err != nil {
		return fmt.Errorf("store decision %s: %w", x.ID, err)
	}
	return nil
}

// Decisions lists decisions, oldest first.
func (d *DB) Decisions(ctx context.Context) ([]store.Decision, error) {
	rows, err := d.c.QueryContext(ctx, `SELECT id, time, kind, actor, asset_a, asset_b, key_kind, key_value
		FROM decisions ORDER BY time, id`)
	if err != nil {
		return nil, fmt.Errorf("list decisions: %w", err)
	}
	defer rows.Close()
	var out []store.Decision
	for rows.Next() {
		var x store.Decision
		var t int64
		var kind string
		if err := rows.Scan(&x.ID, &t, &x.Kind, &x.Actor, &x.AssetA, &x.AssetB, &kind, &x.Key.Value); err != nil {
			return nil, fmt.Errorf("list decisions: %w", err)
		}
		x.Time, x.Key.Kind = fromUnix(t), identity.Kind(kind)
		out = append(out, x)
	}
	return out, rows.Err()
}

// AppendEvents stores events once each.
func (d *DB) AppendEvents(ctx context.Context, es []store.Event) error {
	return d.bulk(ctx, "events", `INSERT OR IGNORE INTO events (id, time, sweep_id, seq, asset_id, type, field,
		old, new, actor, ins) VALUES (?,?,?,?,?,?,?,?,?,?, (SELECT coalesce(max(ins), 0) + 1 FROM events))`, func(st *sql.Stmt) error {
		for _, e := range es {
			if _, err := st.ExecContext(ctx, e.ID, unix(e.Time), e.SweepID, e.Seq, e.AssetID, e.Type, e.Field,
				e.Old, e.New, e.Actor); err != nil {
				return err
			}
		}
		return nil
	})
}

// Events lists events, oldest first.
func (d *DB) Events(ctx context.Context, f store.EventFilter) ([]store.Event, error) {
	q := `SELECT id, time, sweep_id, seq, asset_id, type, field, old, new, actor FROM events WHERE 1=1`
	var args []any
	if f.AssetID != "" {
		q += ` AND asset_id = ?`
		args = append(args, f.AssetID)
	}
	if !f.Since.IsZero() {
		q += ` AND time >= ?`
		args = append(args, unix(f.Since))
	}
	if k := f.After; k.ID != "" {
		q += ` AND time >= ? AND (time, seq, id) > (?, ?, ?)`
		args = append(args, unix(k.Time), unix(k.Time), k.Seq, k.ID)
	}
	if len(f.Types) > 0 {
		q += ` AND type IN (` + strings.TrimSuffix(strings.Repeat("?,", len(f.Types)), ",") + `)`
		for _, t := range f.Types {
			args = append(args, t)
		}
	}
	q += ` ORDER BY time, seq, id`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := d.c.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []store.Event
	for rows.Next() {
		var e store.Event
		var t int64
		if err := rows.Scan(&e.ID, &t, &e.SweepID, &e.Seq, &e.AssetID, &e.Type, &e.Field, &e.Old, &e.New, &e.Actor); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		e.Time = fromUnix(t)
		out = append(out, e)
	}
	return out, rows.Err()
}

// EventLogFrom is the position before the first event stored of time
// t or later (the last event stored when there is none).
func (d *DB) EventLogFrom(ctx context.Context, t time.Time) (string, error) {
	var pos int64
	if err := d.c.QueryRowContext(ctx, `SELECT coalesce((SELECT min(ins) FROM events WHERE time >= ?) - 1,
		(SELECT max(ins) FROM events), 0)`, unix(t)).Scan(&pos); err != nil {
		return "", fmt.Errorf("event log position at %s: %w", t.Format(time.RFC3339), busy(err))
	}
	return strconv.FormatInt(pos, 10), nil
}

// EventsStored lists the events stored after pos (the number of the last
// one read), each once, by the index on ins. A read through moves the
// position past the events of other types too (the largest ins, read in
// the same transaction: a write between could not be stepped over), so
// the next one does not step over them again.
func (d *DB) EventsStored(ctx context.Context, pos string, types []string, limit int) ([]store.Event, string, error) {
	after, err := strconv.ParseInt(pos, 10, 64)
	if err != nil || after < 0 {
		return nil, pos, fmt.Errorf("event log position %q: %w", pos, store.ErrInvalid)
	}
	c := d.c
	if d.tx == nil {
		tx, err := d.db.BeginTx(ctx, nil)
		if err != nil {
			return nil, pos, fmt.Errorf("read event log: %w", busy(err))
		}
		defer tx.Rollback() // read only
		c = tx
	}
	q := `SELECT id, time, sweep_id, seq, asset_id, type, field, old, new, actor, ins FROM events WHERE ins > ?`
	args := []any{after}
	if len(types) > 0 {
		q += ` AND type IN (` + strings.TrimSuffix(strings.Repeat("?,", len(types)), ",") + `)`
		for _, t := range types {
			args = append(args, t)
		}
	}
	q += ` ORDER BY ins`
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := c.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, pos, fmt.Errorf("read event log: %w", busy(err))
	}
	defer rows.Close()
	var out []store.Event
	for rows.Next() {
		var e store.Event
		var t int64
		if err := rows.Scan(&e.ID, &t, &e.SweepID, &e.Seq, &e.AssetID, &e.Type, &e.Field, &e.Old, &e.New, &e.Actor, &after); err != nil {
			return nil, pos, fmt.Errorf("read event log: %w", err)
		}
		e.Time = fromUnix(t)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, pos, fmt.Errorf("read event log: %w", busy(err))
	}
	rows.Close()
	if len(types) > 0 && (limit <= 0 || len(out) < limit) {
		var last int64
		if err := c.QueryRowContext(ctx, `SELECT coalesce(max(ins), 0) FROM events`).Scan(&last); err != nil {
			return nil, pos, fmt.Errorf("read event log: %w", busy(err))
		}
		after = max(after, last)
	}
	return out, strconv.FormatInt(after, 10), nil
}

// AppendSoftware stores a software snapshot.
func (d *DB) AppendSoftware(ctx context.Context, rs []store.Software) error {
	return d.bulkRows(ctx, "software", `INSERT INTO software (asset_id, sweep_id, time, name, version, arch, installed_at) VALUES `,
		"(?,?,?,?,?,?,?)", len(rs), func(i int, args []any) []any {
			r := &rs[i]
			return append(args, r.AssetID, r.SweepID, unix(r.Time), r.Name, r.Version, r.Arch, unix(r.InstalledAt))
		})
}

// bulkRows inserts n rows in one transaction, many rows per statement.
func (d *DB) bulkRows(ctx context.Context, what, prefix, tuple string, n int, row func(i int, args []any) []any) error {
	if n == 0 {
		return nil
	}
	cols := strings.Count(tuple, "?")
	per := max(1, 999/cols) // SQLite's classic bound-parameter limit
	full := prefix + strings.TrimSuffix(strings.Repeat(tuple+",", per), ",")
	tx, err := d.begin(ctx)
	if err != nil {
		return fmt.Errorf("store %s: %w", what, err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, full)
	if err != nil {
		return fmt.Errorf("store %s: %w", what, err)
	}
	defer st.Close()
	args := make([]any, 0, per*cols)
	for i := 0; i < n; i += per {
		args = args[:0]
		end := min(n, i+per)
		for j := i; j < end; j++ {
			args = row(j, args)
		}
		if end-i == per {
			_, err = st.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, prefix+strings.TrimSuffix(strings.Repeat(tuple+",", end-i), ","), args...)
		}
		if err != nil {
			return fmt.Errorf("store %s: %w", what, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store %s: %w", what, err)
	}
	return nil
}

// latest is the condition selecting an asset's newest snapshot in table.
func latest(table string) string {
	return ` WHERE asset_id = ? AND sweep_id = (SELECT sweep_id FROM ` + table +
		` WHERE asset_id = ? ORDER BY time DESC, rowid DESC LIMIT 1)`
}

// Software returns the asset's latest software snapshot, by name.
func (d *DB) Software(ctx context.Context, assetID string) ([]store.Software, error) {
	rows, err := d.c.QueryContext(ctx, `SELECT asset_id, sweep_id, time, name, version, arch, installed_at FROM software`+
		latest("software")+` ORDER BY name, version, arch`, assetID, assetID)
	if err != nil {
		return nil, fmt.Errorf("software of %s: %w", assetID, err)
	}
	defer rows.Close()
	var out []store.Software
	for rows.Next() {
		var r store.Software
		var t, inst int64
		if err := rows.Scan(&r.AssetID, &r.SweepID, &t, &r.Name, &r.Version, &r.Arch, &inst); err != nil {
			return nil, fmt.Errorf("software of %s: %w", assetID, err)
		}
		r.Time, r.InstalledAt = fromUnix(t), fromUnix(inst)
		out = append(out, r)
	}
	return out, rows.Err()
}

// LatestSoftware returns each given asset's latest software snapshot
// (every asset's when ids is empty), a chunk of assets per query.
func (d *DB) LatestSoftware(ctx context.Context, ids []string) (map[string][]store.Software, error) {
	out := map[string][]store.Software{}
	const chunk = 500
	var err error
	if len(ids) == 0 {
		err = d.latestSoftware(ctx, nil, out)
	}
	for i := 0; i < len(ids) && err == nil; i += chunk {
		err = d.latestSoftware(ctx, ids[i:min(len(ids), i+chunk)], out)
	}
	if err != nil {
		return nil, fmt.Errorf("latest software of %d assets: %w", len(ids), err)
	}
	return out, nil
}

// latestSoftware adds the latest snapshots of ids (all when nil) to out.
func (d *DB) latestSoftware(ctx context.Context, ids []string, out map[string][]store.Software) error {
	where := ``
	args := make([]any, 0, len(ids))
	if ids != nil {
		where = ` WHERE asset_id IN (` + strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",") + `)`
		for _, id := range ids {
			args = append(args, id)
		}
	}
	rows, err := d.c.QueryContext(ctx, `SELECT s.asset_id, s.sweep_id, s.time, s.name, s.version, s.arch, s.installed_at
		FROM software s JOIN (SELECT asset_id, sweep_id FROM (SELECT asset_id, sweep_id,
			row_number() OVER (PARTITION BY asset_id ORDER BY time DESC, rowid DESC) AS n FROM software`+where+`) WHERE n = 1) l
		ON s.asset_id = l.asset_id AND s.sweep_id = l.sweep_id
		ORDER BY s.asset_id, s.name, s.version, s.arch`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r store.Software
		var t, inst int64
		if err := rows.Scan(&r.AssetID, &r.SweepID, &t, &r.Name, &r.Version, &r.Arch, &inst); err != nil {
			return err
		}
		r.Time, r.InstalledAt = fromUnix(t), fromUnix(inst)
		out[r.AssetID] = append(out[r.AssetID], r)
	}
	return rows.Err()
}

// AppendSamples stores capacity samples.
func (d *DB) AppendSamples(ctx context.Context, rs []store.Sample) error {
	return d.bulkRows(ctx, "samples", `INSERT INTO samples (asset_id, sweep_id, time, metric, instance, value) VALUES `,
		"(?,?,?,?,?,?)", len(rs), func(i int, args []any) []any {
			r := &rs[i]
			return append(args, r.AssetID, r.SweepID, unix(r.Time), r.Metric, r.Instance, r.Value)
		})
}

// maxInArgs bounds the IDs of one IN list: SQLite takes at most 32,766
// bound parameters in a statement.
const maxInArgs = 30000

// Samples lists samples, oldest first.
func (d *DB) Samples(ctx context.Context, f store.SampleFilter) ([]store.Sample, error) {
	q := `SELECT asset_id, sweep_id, time, metric, instance, value FROM samples WHERE 1=1`
	var args []any
	if f.AssetID != "" {
		q += ` AND asset_id = ?`
		args = append(args, f.AssetID)
	}
	if len(f.AssetIDs) > 0 {
		if len(f.AssetIDs) > maxInArgs {
			return nil, fmt.Errorf("list samples: %d assets at once, at most %d", len(f.AssetIDs), maxInArgs)
		}
		q += ` AND asset_id IN (` + strings.TrimSuffix(strings.Repeat("?,", len(f.AssetIDs)), ",") + `)`
		for _, id := range f.AssetIDs {
			args = append(args, id)
		}
	}
	if f.Metric != "" {
		q += ` AND metric = ?`
		args = append(args, f.Metric)
	}
	if !f.Since.IsZero() {
		q += ` AND time >= ?`
		args = append(args, unix(f.Since))
	}
	rows, err := d.c.QueryContext(ctx, q+` ORDER BY time, asset_id, metric, instance`, args...)
	if err != nil {
		return nil, fmt.Errorf("list samples: %w", err)
	}
	defer rows.Close()
	var out []store.Sample
	for rows.Next() {
		var r store.Sample
		var t int64
		if err := rows.Scan(&r.AssetID, &r.SweepID, &t, &r.Metric, &r.Instance, &r.Value); err != nil {
			return nil, fmt.Errorf("list samples: %w", err)
		}
		r.Time = fromUnix(t)
		out = append(out, r)
	}
	return out, rows.Err()
}

// AppendInterfaces stores an interface snapshot.
func (d *DB) AppendInterfaces(ctx context.Context, rs []store.Interface) error {
	return d.bulkRows(ctx, "interfaces", `INSERT INTO interfaces (asset_id, sweep_id, time, idx, name, alias, type, mac,
		speed_bps, admin_up, oper_up, in_octets, out_octets) VALUES `, "(?,?,?,?,?,?,?,?,?,?,?,?,?)", len(rs),
		func(i int, args []any) []any {
			r := &rs[i]
			return append(args, r.AssetID, r.SweepID, unix(r.Time), r.Index, r.Name, r.Alias, r.Type, r.MAC.String(),
				int64(r.SpeedBps), b2i(r.AdminUp), b2i(r.OperUp), int64(r.InOctets), int64(r.OutOctets))
		})
}

// Interfaces returns the asset's latest interfaces.
func (d *DB) Interfaces(ctx context.Context, assetID string) ([]store.Interface, error) {
	rows, err := d.c.QueryContext(ctx, `SELECT asset_id, sweep_id, time, idx, name, alias, type, mac, speed_bps,
		admin_up, oper_up, in_octets, out_octets FROM interfaces`+latest("interfaces")+` ORDER BY idx`, assetID, assetID)
	if err != nil {
		return nil, fmt.Errorf("interfaces of %s: %w", assetID, err)
	}
	defer rows.Close()
	var out []store.Interface
	for rows.Next() {
		var r store.Interface
		var t, speed, in, outo int64
		var admin, oper int
		var mac string
		if err := rows.Scan(&r.AssetID, &r.SweepID, &t, &r.Index, &r.Name, &r.Alias, &r.Type, &mac, &speed, &admin,
			&oper, &in, &outo); err != nil {
			return nil, fmt.Errorf("interfaces of %s: %w", assetID, err)
		}
		r.Time, r.SpeedBps, r.AdminUp, r.OperUp = fromUnix(t), uint64(speed), admin != 0, oper != 0
		r.InOctets, r.OutOctets = uint64(in), uint64(outo)
		if mac != "" {
			r.MAC, _ = record.ParseMAC(mac)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// AppendNeighbors stores a neighbor snapshot.
func (d *DB) AppendNeighbors(ctx context.Context, rs []store.Neighbor) error {
	return d.bulkRows(ctx, "neighbors", `INSERT INTO neighbors (asset_id, sweep_id, time, local_port, chassis_id,
		port_id, sys_name, protocol, capabilities, platform) VALUES `, "(?,?,?,?,?,?,?,?,?,?)", len(rs), func(i int, args []any) []any {
		r := &rs[i]
		return append(args, r.AssetID, r.SweepID, unix(r.Time), r.LocalPort, r.ChassisID, r.PortID, r.SysName,
			r.Protocol, strings.Join(r.Capabilities, ","), r.Platform)
	})
}

// Neighbors returns the asset's latest neighbors.
func (d *DB) Neighbors(ctx context.Context, assetID string) ([]store.Neighbor, error) {
	rows, err := d.c.QueryContext(ctx, `SELECT asset_id, sweep_id, time, local_port, chassis_id, port_id, sys_name,
		protocol, capabilities, platform FROM neighbors`+latest("neighbors")+` ORDER BY local_port, chassis_id, port_id`, assetID, assetID)
	if err != nil {
		return nil, fmt.Errorf("neighbors of %s: %w", assetID, err)
	}
	defer rows.Close()
	var out []store.Neighbor
	for rows.Next() {
		var r store.Neighbor
		var t int64
		var caps string
		if err := rows.Scan(&r.AssetID, &r.SweepID, &t, &r.LocalPort, &r.ChassisID, &r.PortID, &r.SysName,
			&r.Protocol, &caps, &r.Platform); err != nil {
			return nil, fmt.Errorf("neighbors of %s: %w", assetID, err)
		}
		r.Time = fromUnix(t)
		if caps != "" {
			r.Capabilities = strings.Split(caps, ",")
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// AppendLocations stores location rows (one per asset and sweep).
func (d *DB) AppendLocations(ctx context.Context, rs []store.Location) error {
	return d.bulkRows(ctx, "locations", `INSERT OR REPLACE INTO locations (asset_id, sweep_id, time, mac, switch_id,
		switch_name, switch_ip, port, if_index, vlan, seen, rule) VALUES `, "(?,?,?,?,?,?,?,?,?,?,?,?)", len(rs),
		func(i int, args []any) []any {
			r := &rs[i]
			ip := ""
			if r.Switch.IP.IsValid() {
				ip = r.Switch.IP.String()
			}
			return append(args, r.AssetID, r.SweepID, unix(r.Time), r.MAC.String(), r.Switch.AssetID, r.Switch.Name, ip,
				r.Port, r.IfIndex, r.VLAN, unix(r.Seen), r.Rule)
		})
}

// Locations lists location rows, oldest first.
func (d *DB) Locations(ctx context.Context, f store.LocationFilter) ([]store.Location, error) {
	q := `SELECT asset_id, sweep_id, time, mac, switch_id, switch_name, switch_ip, port, if_index, vlan, seen, rule
		FROM locations WHERE 1=1`
	var args []any
	if f.AssetID != "" {
		q += ` AND asset_id = ?`
		args = append(args, f.AssetID)
	}
	if f.SwitchID != "" {
		q += ` AND switch_id = ?`
		args = append(args, f.SwitchID)
	}
	if !f.Since.IsZero() {
		q += ` AND time >= ?`
		args = append(args, unix(f.Since))
	}
	q += ` ORDER BY time DESC, asset_id DESC`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := d.c.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list locations: %w", err)
	}
	defer rows.Close()
	var out []store.Location
	for rows.Next() {
		var r store.Location
		var t, seen int64
		var mac, ip string
		if err := rows.Scan(&r.AssetID, &r.SweepID, &t, &mac, &r.Switch.AssetID, &r.Switch.Name, &ip, &r.Port, &r.IfIndex,
			&r.VLAN, &seen, &r.Rule); err != nil {
			return nil, fmt.Errorf("list locations: %w", err)
		}
		r.Time, r.Seen = fromUnix(t), fromUnix(seen)
		r.MAC, _ = record.ParseMAC(mac)
		r.Switch.IP, _ = netip.ParseAddr(ip)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list locations: %w", err)
	}
	slices.Reverse(out)
	return out, nil
}

// Prune deletes old observations, samples and superseded snapshots.
func (d *DB) Prune(ctx context.Context, before time.Time) (store.PruneStats, error) {
	var ps store.PruneStats
	cut := unix(store.Second(before))
	tx, err := d.begin(ctx)
	if err != nil {
		return ps, fmt.Errorf("prune store: %w", err)
	}
	defer tx.Rollback()
	steps := []struct {
		n *int64
		q string
	}{
		{&ps.Observations, `DELETE FROM observations WHERE time < ?`},
		{&ps.Samples, `DELETE FROM samples WHERE time < ?`},
	}
	for _, t := range []struct {
		n     *int64
		table string
	}{{&ps.Software, "software"}, {&ps.Interfaces, "interfaces"}, {&ps.Neighbors, "neighbors"}, {&ps.Locations, "locations"}} {
		steps = append(steps, struct {
			n *int64
			q string
		}{t.n, `DELETE FROM ` + t.table + ` AS x WHERE time < ? AND sweep_id <> (SELECT y.sweep_id FROM ` + t.table +
			` y WHERE y.asset_id = x.asset_id ORDER BY y.time DESC, y.rowid DESC LIMIT 1)`})
	}
	for _, s := range steps {
		res, err := tx.ExecContext(ctx, s.q, cut)
		if err != nil {
			return ps, fmt.Errorf("prune store: %w", err)
		}
		*s.n, _ = res.RowsAffected()
	}
	if err := tx.Commit(); err != nil {
		return ps, fmt.Errorf("prune store: %w", err)
	}
	return ps, nil
}
