// Package clickhouse is the CMDB store for scale: ClickHouse over its
// native protocol through github.com/ClickHouse/clickhouse-go/v2.
//
// The schema uses only types ClickHouse 18.16 knows (String, DateTime,
// UInt*, Float64, Array, the MergeTree family), so it runs on that release
// and on current ones. Times are DateTime: seconds, UTC. Current state
// (sweeps, assets, annotations, identity keys) lives in ReplacingMergeTree
// tables versioned by write order; an asset's and an observation's
// record is typed columns, one a field (columns.go), and a listing reads
// the assets and the annotations by two queries at once and joins them
// here; observations
// and decisions are ReplacingMergeTree keyed by their UUID, events by
// when they were stored and their UUID (eventlog.go), and
// snapshots and samples keyed by what identifies a row within a sweep, so
// a replayed batch is stored once. A sweep and a person's action are
// change sets (changeset.go), visible only once committed. Migrations are
// versioned in schema_migrations; a database written by a newer netcensus
// is refused before anything is changed.
package clickhouse

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	ch "github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// Options say where the store is.
type Options struct {
	// Addr is host:port of the native protocol (9000 by default).
	Addr     string
	Database string
	Username string
	Password string
	// DialTimeout bounds connecting (5 s when zero).
	DialTimeout time.Duration
}

// ParseDSN reads clickhouse://host:9000/db. User and password are not
// taken from the DSN (they come from config or the environment); a DSN
// carrying them is refused so they never reach a log line.
func ParseDSN(dsn string) (Options, error) {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme != "clickhouse" || u.Host == "" {
		return Options{}, fmt.Errorf("clickhouse DSN %q: want clickhouse://host:9000/db", redactDSN(dsn))
	}
	if u.User != nil {
		return Options{}, fmt.Errorf("clickhouse DSN %q: put user and password in the config or environment, not in the DSN", redactDSN(dsn))
	}
	o := Options{Addr: u.Host, Database: strings.Trim(u.Path, "/")}
	if u.Port() == "" {
		o.Addr += ":9000"
	}
	if o.Database == "" {
		o.Database = "netcensus"
	}
	if strings.ContainsAny(o.Database, "`/\\\x00 ") {
		return Options{}, fmt.Errorf("clickhouse DSN %q: bad database name %q", redactDSN(dsn), o.Database)
	}
	return o, nil
}

func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	u.User = url.User("REDACTED")
	return u.String()
}

// DB is a ClickHouse store.
type DB struct {
	conn driver.Conn
	db   string // quoted database name
	name string
	addr string
	// opts opened it: the other nodes of a cluster are opened alike.
	opts Options

	// opened is the schema version Open found.
	opened int
	// distributed: the assets table is a cluster's Distributed table,
	// whose rows come from the shards interleaved, not by ID.
	distributed bool

	mu  sync.Mutex
	ver uint64 // last version handed out

	// smu guards streams, each open change set's INSERTs by table
	// (columns).
	smu     sync.Mutex
	streams map[string]map[string]*tableStreams
}

var _ store.Store = (*DB)(nil)

// Open connects to the server and checks the database is a netcensus
// store no newer than this binary (an absent or empty database is fine).
// It creates nothing: call Migrate.
func Open(ctx context.Context, o Options) (*DB, error) {
	if o.DialTimeout == 0 {
		o.DialTimeout = 5 * time.Second
	}
	conn, err := ch.Open(&ch.Options{
		Addr:         []string{o.Addr},
		Auth:         ch.Auth{Database: "default", Username: o.Username, Password: o.Password},
		DialTimeout:  o.DialTimeout,
		MaxOpenConns: 8,
	})
	if err != nil {
		return nil, fmt.Errorf("open clickhouse %s: %w", o.Addr, err)
	}
	d := &DB{conn: busyConn{conn}, db: "`" + o.Database + "`", name: o.Database, addr: o.Addr, opts: o}
	pctx, cancel := context.WithTimeout(ctx, o.DialTimeout)
	defer cancel()
	if err := conn.Ping(pctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("open clickhouse %s: %w", o.Addr, err)
	}
	if d.opened, err = d.check(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return d, nil
}

// Close closes the connections, aborting the INSERTs of change sets
// still open (never committed, so never seen).
func (d *DB) Close() error {
	d.smu.Lock()
	var open []string
	for txn := range d.streams {
		open = append(open, txn)
	}
	d.smu.Unlock()
	for _, txn := range open {
		d.finishStreams(txn, false)
	}
	return d.conn.Close()
}

// q puts the database name into a query.
func (d *DB) q(s string) string { return strings.ReplaceAll(s, "{db}", d.db) }

// nextVer is a version for ReplacingMergeTree rows: the wall clock in
// nanoseconds, strictly increasing within this process.
func (d *DB) nextVer() uint64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	v := uint64(time.Now().UnixNano())
	if v <= d.ver {
		v = d.ver + 1
	}
	d.ver = v
	return v
}

// step is one schema migration: statements, each idempotent, and columns
// added to existing tables (18.16 has no ADD COLUMN IF NOT EXISTS, so
// Migrate adds a column only when system.columns lacks it).
type step struct {
	sql []string
	add []addColumn
	// data runs last: a rewrite of rows, idempotent.
	data func(d *DB, ctx context.Context) error
	// cluster: data runs on a cluster too (through the Distributed
	// tables), once every node has the step's tables.
	cluster bool
}

type addColumn struct{ table, name, typ string }

// migrations are the schema steps; step i brings the schema to version
// i+1. Never edit a released step: append.
var migrations = []step{{sql: []string{
	`CREATE TABLE IF NOT EXISTS {db}.sweeps (id String, scanner String, start DateTime, end DateTime,
		partial UInt8, segments Array(String), observations UInt64, assets UInt64, new UInt64, missing UInt64,
		ver UInt64) ENGINE = ReplacingMergeTree(ver) ORDER BY id`,
	`CREATE TABLE IF NOT EXISTS {db}.observations (id String, sweep_id String, asset_id String, time DateTime,
		source String, scanner String, ip String, mac String, data String)
		ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM(time) ORDER BY id`,
	`CREATE TABLE IF NOT EXISTS {db}.assets (id String, state String, state_since DateTime, first_seen DateTime,
		last_seen DateTime, missed_sweeps UInt32, last_sweep_id String, merged_into String, ip String,
		vendor String, mac_vendor String, device_type String, data String, ver UInt64)
		ENGINE = ReplacingMergeTree(ver) ORDER BY id`,
	`CREATE TABLE IF NOT EXISTS {db}.annotations (asset_id String, approved UInt8, approved_at DateTime,
		approved_by String, site String, role String, owner String, tags Array(String), updated DateTime,
		ver UInt64) ENGINE = ReplacingMergeTree(ver) ORDER BY asset_id`,
	`CREATE TABLE IF NOT EXISTS {db}.asset_keys (asset_id String, kind String, value String, first_seen DateTime,
		deleted UInt8, ver UInt64) ENGINE = ReplacingMergeTree(ver) ORDER BY (asset_id, kind, value)`,
	`CREATE TABLE IF NOT EXISTS {db}.decisions (id String, time DateTime, kind String, actor String,
		asset_a String, asset_b String, key_kind String, key_value String)
		ENGINE = ReplacingMergeTree ORDER BY id`,
	`CREATE TABLE IF NOT EXISTS {db}.events (id String, time DateTime, sweep_id String, seq Int64,
		asset_id String, type String, field String, old String, new String, actor String)
		ENGINE = ReplacingMergeTree ORDER BY id`,
	`CREATE TABLE IF NOT EXISTS {db}.software (asset_id String, sweep_id String, time DateTime, ins UInt64,
		name String, version String, arch String, installed_at DateTime)
		ENGINE = MergeTree PARTITION BY toYYYYMM(time) ORDER BY (asset_id, time)`,
	`CREATE TABLE IF NOT EXISTS {db}.samples (asset_id String, sweep_id String, time DateTime, metric String,
		instance String, value Float64) ENGINE = MergeTree PARTITION BY toYYYYMM(time) ORDER BY (asset_id, metric, time)`,
	`CREATE TABLE IF NOT EXISTS {db}.interfaces (asset_id String, sweep_id String, time DateTime, ins UInt64,
		idx Int64, name String, alias String, type String, mac String, speed_bps UInt64, admin_up UInt8,
		oper_up UInt8, in_octets UInt64, out_octets UInt64)
		ENGINE = MergeTree PARTITION BY toYYYYMM(time) ORDER BY (asset_id, time)`,
	`CREATE TABLE IF NOT EXISTS {db}.neighbors (asset_id String, sweep_id String, time DateTime, ins UInt64,
		local_port String, chassis_id String, port_id String, sys_name String)
		ENGINE = MergeTree PARTITION BY toYYYYMM(time) ORDER BY (asset_id, time)`,
}}, {
	// 2: the digest of each asset's latest software snapshot. (Its
	// rewrite of assets into a binary blob is gone with the blob: schema 7
	// moves every stored asset to typed columns.)
	add: []addColumn{{"assets", "software_digest", "String"}},
}, {
	// 3: each asset's JSON, and each annotation's, as a listing wrote
	// them; schema 7 drops them.
	add: []addColumn{{"assets", "json_head", "String"}, {"assets", "json_tail", "String"}, {"assets", "json_rev", "UInt64"},
		{"annotations", "json", "String"}, {"annotations", "json_rev", "UInt64"}},
}, {
	// 4: serve's schedule times and alert outbox (servestate.go).
	sql: []string{
		`CREATE TABLE IF NOT EXISTS {db}.schedules (name String, next_run DateTime, last_run DateTime,
			last_sweep_id String, last_outcome String, last_error String, ver UInt64)
			ENGINE = ReplacingMergeTree(ver) ORDER BY name`,
		`CREATE TABLE IF NOT EXISTS {db}.alert_outbox (id String, sink String, event_id String, type String,
			created DateTime, payload String, attempts UInt32, next_attempt DateTime, delivered DateTime,
			dead UInt8, last_error String, ver UInt64) ENGINE = ReplacingMergeTree(ver) ORDER BY id`,
	},
}, {
	// 5: change sets (changeset.go): every row says which one wrote it,
	// txns says which are committed, current state is partitioned by
	// change set; and snapshots and samples become ReplacingMergeTree
	// keyed by their content, so a replayed sweep's rows are stored once.
	sql: []string{`CREATE TABLE IF NOT EXISTS {db}.txns (txn String, state UInt8, time DateTime, ver UInt64)
		ENGINE = ReplacingMergeTree(ver) ORDER BY (txn, state)`},
	add: txnColumns("sweeps", "observations", "assets", "annotations", "asset_keys", "decisions", "events",
		"software", "samples", "interfaces", "neighbors"),
	data: (*DB).rebuildTables,
}, {
	// 6: typed columns (every attribute a user filters or groups by) on
	// assets and observations, and the views of current state
	// (docs/clickhouse.md); schema 7 fills them.
	add:  typedColumns,
	data: (*DB).createViews,
}, {
	// 7: the record is typed columns alone (columns.go): every device
	// field of assets and observations, filled from the JSON stored
	// before, and the blob, the stored listing JSON and the observations'
	// JSON dropped (migrate7.go).
	add:  append(recordColumnsOf("assets"), recordColumnsOf("observations")...),
	data: (*DB).moveToColumns,
}, {
	// 8: where assets are plugged in (switch port location): its record
	// columns (location_*) and neighbours' protocol, capabilities and
	// platform on assets and observations, and one row per asset and
	// sweep in locations, for where they have been.
	sql: []string{`CREATE TABLE IF NOT EXISTS {db}.locations (asset_id String, sweep_id String, time DateTime, ins UInt64,
		mac String, switch_id String, switch_name String, switch_ip String, port String, if_index Int64, vlan UInt16,
		seen DateTime, rule String, txn String)
		ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM(time) ORDER BY (asset_id, sweep_id)`},
	add: schema8Columns(),
	// Again after the rewrites of earlier steps in the same run (schema
	// 5 rebuilds neighbors with its own columns).
	data: func(d *DB, ctx context.Context) error { return d.addColumns(ctx, schema8Columns()) },
}, {
	// 9: the search index (search.go), filled from the assets stored
	// before it.
	sql:     []string{searchTable},
	data:    (*DB).fillSearch,
	cluster: true,
}, {
	// 10: assets_current keeps each asset's newest committed version as
	// it reads the table (FINAL), where it grouped every asset's versions
	// and read every asset again before a user's filter saw a row
	// (views.go).
	data: (*DB).replaceAssetsCurrent,
}, {
	// 11: when each event was stored (ins), and events ordered by it
	// (eventlog.go): the event log reads what was stored since a time,
	// and the events since T what was stored since T, by the key, where
	// both read the whole table (ORDER BY id). Events stored before are
	// taken as stored at their time (rebuildEvents).
	add:     []addColumn{{"events", "ins", "DateTime"}},
	data:    (*DB).rebuildEvents,
	cluster: true,
}, {
	// 12: software is sorted by (asset_id, sweep_id), what its reads
	// select by (keyedTables).
	data: func(d *DB, ctx context.Context) error { return d.rebuild(ctx, keyedTables) },
}, {
	// 13: how many packages each asset's latest whole software list held
	// (software_count, a record column; the list is in software), and
	// assets_current with it. Assets stored before get theirs from the
	// next sweep that reads their software.
	add:  []addColumn{{"assets", "software_count", "Int64"}, {"observations", "software_count", "Int64"}},
	data: (*DB).replaceAssetsCurrent,
}}

// schema8Columns are the columns schema 8 adds (recordColumnsOf adds only
// what a table lacks, so the whole record's list is fine).
func schema8Columns() []addColumn {
	return append(append(recordColumnsOf("assets"), recordColumnsOf("observations")...), addColumn{"neighbors", "protocol", "String"},
		addColumn{"neighbors", "capabilities", "Array(String)"}, addColumn{"neighbors", "platform", "String"})
}

// assetColumns are the typed columns of assets beyond those of schema 1
// (ip, vendor, mac_vendor, device_type, state, first_seen, last_seen).
var assetColumns = []addColumn{{"assets", "hostname", "String"}, {"assets", "mac", "String"}, {"assets", "model", "String"},
	{"assets", "serial", "String"}, {"assets", "os", "String"}, {"assets", "os_version", "String"},
	{"assets", "sys_name", "String"}, {"assets", "sys_object_id", "String"}, {"assets", "location", "String"},
	{"assets", "sources", "Array(String)"}, {"assets", "ips", "Array(String)"}, {"assets", "macs", "Array(String)"}}

// observationColumns are the typed columns of observations beyond those
// of schema 1 (ip, mac, source, scanner, time), with the record's JSON
// key each is filled from.
var observationColumns = []struct{ name, key string }{{"hostname", "hostname"}, {"vendor", "vendor"},
	{"mac_vendor", "mac_vendor"}, {"model", "model"}, {"serial", "serial"}, {"os", "os"}, {"os_version", "os_version"},
	{"device_type", "device_type"}, {"sys_name", "sys_name"}, {"sys_object_id", "sys_object_id"}, {"location", "sys_location"}}

var typedColumns = func() []addColumn {
	out := slices.Clone(assetColumns)
	for _, c := range observationColumns {
		out = append(out, addColumn{"observations", c.name, "String"})
	}
	return out
}()

// views give the current state to SQL users without FINAL, argMax or
// change-set knowledge: the newest committed version of each asset with
// what people said about it, each asset's latest software snapshot, and
// the open change sets other queries leave out.
var views = []string{
	// The change sets still open: their rows are in the tables, not yet
	// part of what the CMDB says.
	`CREATE VIEW IF NOT EXISTS {db}.txns_open AS SELECT txn FROM {db}.txns GROUP BY txn HAVING max(state) = 0`,
	`CREATE VIEW IF NOT EXISTS {db}.assets_current AS SELECT asset_id, state, ip, ips, mac, macs, hostname, vendor, mac_vendor,
		model, serial, os, os_version, device_type, sys_name, sys_object_id, location, sources, first_seen, last_seen,
		state_since, merged_into, approved, site, role, owner, tags
	FROM (SELECT id AS asset_id, state, ip, ips, mac, macs, hostname, vendor, mac_vendor, model, serial, os, os_version,
			device_type, sys_name, sys_object_id, location, sources, first_seen, last_seen, state_since, merged_into
		FROM {db}.assets WHERE (id, ver) IN (SELECT id, max(ver) FROM {db}.assets
			WHERE txn NOT IN (SELECT txn FROM {db}.txns GROUP BY txn HAVING max(state) = 0) GROUP BY id)
		ORDER BY id LIMIT 1 BY id)
	ANY LEFT JOIN (SELECT asset_id, approved, site, role, owner, tags FROM {db}.annotations
		WHERE (asset_id, ver) IN (SELECT asset_id, max(ver) FROM {db}.annotations
			WHERE txn NOT IN (SELECT txn FROM {db}.txns GROUP BY txn HAVING max(state) = 0) GROUP BY asset_id)
		ORDER BY asset_id LIMIT 1 BY asset_id) USING asset_id`,
	`CREATE VIEW IF NOT EXISTS {db}.software_current AS SELECT asset_id, name, version, arch, installed_at, time AS seen, sweep_id
	FROM {db}.software
	WHERE txn NOT IN (SELECT txn FROM {db}.txns GROUP BY txn HAVING max(state) = 0)
		AND (asset_id, sweep_id) IN (SELECT asset_id, argMax(sweep_id, (time, ins)) FROM {db}.software
			WHERE txn NOT IN (SELECT txn FROM {db}.txns GROUP BY txn HAVING max(state) = 0) GROUP BY asset_id)
	LIMIT 1 BY asset_id, sweep_id, name, version, arch, installed_at`,
}

// createViews creates the views (after schema 6's columns, which they
// read; schema 5's rebuild of assets, in the same run, made the table
// afresh, without them).
func (d *DB) createViews(ctx context.Context) error {
	if err := d.addColumns(ctx, assetColumns); err != nil {
		return fmt.Errorf("typed columns: %w", err)
	}
	for _, v := range views {
		if err := d.conn.Exec(ctx, d.q(v)); err != nil {
			return fmt.Errorf("views: %w", err)
		}
	}
	return nil
}

func txnColumns(tables ...string) []addColumn {
	out := make([]addColumn, len(tables))
	for i, t := range tables {
		out[i] = addColumn{t, "txn", "String"}
	}
	return out
}

// rebuiltTables are the tables schema 5 rebuilds (their engine or
// partitioning changes), with their columns in order. Snapshots and
// samples become ReplacingMergeTree keyed by what identifies a row within
// a sweep. The current-state tables are partitioned by change set: an
// open change set's rows sit in a partition of their own, which merges
// never mix with the committed rows (the partition of the empty txn; a ReplacingMergeTree
// merge would otherwise drop the committed version under a newer,
// uncommitted one); Commit folds its partition into the committed one.
var rebuiltTables = []struct{ name, cols, engine string }{
	{"software", `asset_id String, sweep_id String, time DateTime, ins UInt64, name String, version String, arch String,
		installed_at DateTime, txn String`,
		`ReplacingMergeTree PARTITION BY toYYYYMM(time) ORDER BY (asset_id, sweep_id, name, version, arch, installed_at)`},
	{"samples", `asset_id String, sweep_id String, time DateTime, metric String, instance String, value Float64, txn String`,
		`ReplacingMergeTree PARTITION BY toYYYYMM(time) ORDER BY (asset_id, metric, instance, time, sweep_id)`},
	{"interfaces", `asset_id String, sweep_id String, time DateTime, ins UInt64, idx Int64, name String, alias String,
		type String, mac String, speed_bps UInt64, admin_up UInt8, oper_up UInt8, in_octets UInt64, out_octets UInt64, txn String`,
		`ReplacingMergeTree PARTITION BY toYYYYMM(time) ORDER BY (asset_id, sweep_id, idx)`},
	{"neighbors", `asset_id String, sweep_id String, time DateTime, ins UInt64, local_port String, chassis_id String,
		port_id String, sys_name String, txn String`,
		`ReplacingMergeTree PARTITION BY toYYYYMM(time) ORDER BY (asset_id, sweep_id, local_port, chassis_id, port_id, sys_name)`},
	{"assets", `id String, state String, state_since DateTime, first_seen DateTime, last_seen DateTime, missed_sweeps UInt32,
		last_sweep_id String, merged_into String, ip String, vendor String, mac_vendor String, device_type String, data String,
		ver UInt64, software_digest String, json_head String, json_tail String, json_rev UInt64, txn String`,
		`ReplacingMergeTree(ver) PARTITION BY txn ORDER BY id`},
	{"annotations", `asset_id String, approved UInt8, approved_at DateTime, approved_by String, site String, role String,
		owner String, tags Array(String), updated DateTime, ver UInt64, json String, json_rev UInt64, txn String`,
		`ReplacingMergeTree(ver) PARTITION BY txn ORDER BY asset_id`},
	{"asset_keys", `asset_id String, kind String, value String, first_seen DateTime, deleted UInt8, ver UInt64, txn String`,
		`ReplacingMergeTree(ver) PARTITION BY txn ORDER BY (asset_id, kind, value)`},
}

// keyedTables are the tables schema 12 rebuilds with a sorting key of
// their own. Software was a ReplacingMergeTree keyed by every column that
// tells one package from another, so that merges dropped a replayed
// sweep's second copy of a row. But every read of software selects by
// asset and sweep, never by package (an asset's latest snapshot, the
// latest snapshot of given assets, software_current, docs/clickhouse.md's
// fleet-wide counts through it) and keeps one row of each identity
// itself (LIMIT 1 BY softwareRow). And a key of six strings cost every
// ingest: the server sorted each part of 256 Ki rows by it and permuted
// every column into that order, a quarter of its CPU in a sweep of
// 10,000 hosts x 800 packages (perf); a change set now sends rows
// already in key order (keyorder.go), which a key ending at the sweep
// costs the client an ordering of devices, where the six strings cost
// it a sort of every device's packages. So a MergeTree sorted by
// (asset_id, sweep_id). A cluster keeps the key store init gave it (an
// engine change has no cluster form; its reads are the same).
var keyedTables = []struct{ name, cols, engine string }{
	{"software", `asset_id String, sweep_id String, time DateTime, ins UInt64, name String, version String, arch String,
		installed_at DateTime, txn String`,
		`MergeTree PARTITION BY toYYYYMM(time) ORDER BY (asset_id, sweep_id)`},
}

// Row identities of the snapshot tables: a read keeps one row of each
// (LIMIT 1 BY), as a merge eventually does.
const (
	softwareRow  = `asset_id, sweep_id, name, version, arch, installed_at`
	sampleRow    = `asset_id, metric, instance, time, sweep_id`
	interfaceRow = `asset_id, sweep_id, idx`
	neighborRow  = `asset_id, sweep_id, local_port, chassis_id, port_id, sys_name`
)

// colNames are the names of a column list with types.
func colNames(cols string) string {
	var out []string
	for _, c := range strings.Split(cols, ",") {
		if f := strings.Fields(c); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return strings.Join(out, ", ")
}

// rebuildTables rebuilds the rebuiltTables (schema 5).
func (d *DB) rebuildTables(ctx context.Context) error { return d.rebuild(ctx, rebuiltTables) }

// rebuild rebuilds tables, rows and all: a new table filled from the old
// one, then renamed over it. Each state an interrupted run leaves is
// picked up by the next (rows copied twice are one row to every read,
// which keeps one of each identity). Tables of another engine (a
// cluster's Distributed ones) are left alone.
func (d *DB) rebuild(ctx context.Context, tables []struct{ name, cols, engine string }) error {
	for _, t := range tables {
		engines := map[string]string{}
		rows, err := d.conn.Query(ctx, `SELECT name, engine FROM system.tables WHERE database = ? AND name IN (?, ?, ?)`,
			d.name, t.name, t.name+"_new", t.name+"_old")
		if err != nil {
			return fmt.Errorf("rebuild %s: %w", t.name, err)
		}
		for rows.Next() {
			var n, e string
			if err := rows.Scan(&n, &e); err != nil {
				rows.Close()
				return fmt.Errorf("rebuild %s: %w", t.name, err)
			}
			engines[n] = e
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("rebuild %s: %w", t.name, err)
		}
		var stmts []string
		switch e := engines[t.name]; {
		case strings.HasSuffix(e, "MergeTree") && !strings.HasPrefix(e, "Replicated"):
			stmts = []string{
				`CREATE TABLE IF NOT EXISTS {db}.` + t.name + `_new (` + t.cols + `) ENGINE = ` + t.engine,
				`INSERT INTO {db}.` + t.name + `_new (` + colNames(t.cols) + `) SELECT ` + colNames(t.cols) + ` FROM {db}.` + t.name,
				`RENAME TABLE {db}.` + t.name + ` TO {db}.` + t.name + `_old, {db}.` + t.name + `_new TO {db}.` + t.name,
			}
		case e == "" && engines[t.name+"_new"] != "":
			stmts = []string{`RENAME TABLE {db}.` + t.name + `_new TO {db}.` + t.name}
		}
		stmts = append(stmts, `DROP TABLE IF EXISTS {db}.`+t.name+`_old`)
		for _, q := range stmts {
			if err := d.conn.Exec(ctx, d.q(q)); err != nil {
				return fmt.Errorf("rebuild %s: %w", t.name, err)
			}
		}
	}
	return nil
}

const migrationsTable = `CREATE TABLE IF NOT EXISTS {db}.schema_migrations (version UInt32, applied DateTime)
	ENGINE = ReplacingMergeTree ORDER BY version`

// Latest is the schema version this binary writes.
func Latest() int { return len(migrations) }

// check returns the schema version, refusing a foreign database or a
// newer schema; it changes nothing.
func (d *DB) check(ctx context.Context) (int, error) {
	var tables []string
	rows, err := d.conn.Query(ctx, `SELECT name, engine FROM system.tables WHERE database = ?`, d.name)
	if err != nil {
		return 0, fmt.Errorf("clickhouse %s/%s: list tables: %w", d.addr, d.name, err)
	}
	for rows.Next() {
		var n, engine string
		if err := rows.Scan(&n, &engine); err != nil {
			rows.Close()
			return 0, fmt.Errorf("clickhouse %s/%s: list tables: %w", d.addr, d.name, err)
		}
		tables = append(tables, n)
		if n == "assets" {
			// A cluster's shards interleave their rows (README).
			d.distributed = engine == "Distributed"
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("clickhouse %s/%s: list tables: %w", d.addr, d.name, err)
	}
	hasMig := false
	for _, t := range tables {
		hasMig = hasMig || t == "schema_migrations"
	}
	if !hasMig {
		if len(tables) > 0 {
			return 0, fmt.Errorf("clickhouse %s/%s: %w: the database holds %d tables and no schema_migrations; it was left untouched", d.addr, d.name, store.ErrForeign, len(tables))
		}
		return 0, nil
	}
	var v uint32
	if err := d.conn.QueryRow(ctx, d.q(`SELECT max(version) FROM {db}.schema_migrations`)).Scan(&v); err != nil {
		return 0, fmt.Errorf("clickhouse %s/%s: schema version: %w", d.addr, d.name, err)
	}
	if int(v) > len(migrations) {
		return int(v), fmt.Errorf("clickhouse %s/%s: %w: schema version %d, this netcensus knows up to %d; upgrade netcensus (the database was left untouched)", d.addr, d.name, store.ErrSchemaNewer, v, len(migrations))
	}
	return int(v), nil
}

// Migrate creates the database if needed and applies the missing steps.
func (d *DB) Migrate(ctx context.Context) (int, error) {
	if d.opened == len(migrations) {
		return 0, nil // Open found it current: every command opens, then migrates
	}
	if d.distributed {
		return d.migrateCluster(ctx, len(migrations))
	}
	return d.migrate(ctx, len(migrations))
}

// migrate applies the steps up to schema version to.
func (d *DB) migrate(ctx context.Context, to int) (int, error) {
	v, err := d.check(ctx)
	if err != nil {
		return 0, err
	}
	if v >= to {
		return 0, nil
	}
	for _, s := range []string{`CREATE DATABASE IF NOT EXISTS {db}`, migrationsTable} {
		if err := d.conn.Exec(ctx, d.q(s)); err != nil {
			return 0, fmt.Errorf("migrate clickhouse %s/%s: %w", d.addr, d.name, err)
		}
	}
	// The tables and columns of every step first: a step's rewrite of
	// rows writes them as this netcensus does, with the latest columns.
	// (So a migration to an older version, which tests use to build an
	// old store, must not cross a rewrite.) Each statement is idempotent,
	// each rewrite too: an interrupted migration runs again.
	for i := v; i < to; i++ {
		for _, s := range migrations[i].sql {
			if err := d.conn.Exec(ctx, d.q(s)); err != nil {
				return 0, fmt.Errorf("migrate clickhouse %s/%s to %d: %w", d.addr, d.name, i+1, err)
			}
		}
		if err := d.addColumns(ctx, migrations[i].add); err != nil {
			return 0, fmt.Errorf("migrate clickhouse %s/%s to %d: %w", d.addr, d.name, i+1, err)
		}
	}
	applied := 0
	for i := v; i < to; i++ {
		if f := migrations[i].data; f != nil {
			if err := f(d, ctx); err != nil {
				return applied, fmt.Errorf("migrate clickhouse %s/%s to %d: %w", d.addr, d.name, i+1, err)
			}
		}
		// A batch, not INSERT ... VALUES: 18.16 waits for a data block after it.
		if err := d.insert(ctx, "schema version", "schema_migrations", "version, applied", 1, func(int) []any {
			return []any{uint32(i + 1), ts(time.Now())}
		}); err != nil {
			return applied, fmt.Errorf("migrate clickhouse %s/%s to %d: %w", d.addr, d.name, i+1, err)
		}
		applied++
	}
	return applied, nil
}

// addColumns adds the columns a table lacks (18.16 has no ADD COLUMN IF
// NOT EXISTS), asking system.columns once for the database's columns.
func (d *DB) addColumns(ctx context.Context, cs []addColumn) error {
	if len(cs) == 0 {
		return nil
	}
	have, err := d.tableColumns(ctx)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if have[[2]string{c.table, c.name}] {
			continue
		}
		have[[2]string{c.table, c.name}] = true // listed twice: added once
		if err := d.conn.Exec(ctx, d.q(`ALTER TABLE {db}.`+c.table+` ADD COLUMN `+c.name+` `+c.typ)); err != nil {
			return fmt.Errorf("add %s.%s: %w", c.table, c.name, err)
		}
	}
	return nil
}

// tableColumns are the database's columns, as {table, name}: one query to
// system.columns.
func (d *DB) tableColumns(ctx context.Context) (map[[2]string]bool, error) {
	rows, err := d.conn.Query(ctx, `SELECT table, name FROM system.columns WHERE database = ?`, d.name)
	if err != nil {
		return nil, fmt.Errorf("columns of %s: %w", d.name, err)
	}
	defer rows.Close()
	have := map[[2]string]bool{}
	for rows.Next() {
		var t, n string
		if err := rows.Scan(&t, &n); err != nil {
			return nil, fmt.Errorf("columns of %s: %w", d.name, err)
		}
		have[[2]string{t, n}] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("columns of %s: %w", d.name, err)
	}
	return have, nil
}

// SchemaVersion is the store's schema version (0: empty).
func (d *DB) SchemaVersion(ctx context.Context) (int, error) {
	v, err := d.check(ctx)
	if err != nil && v == 0 {
		return 0, err
	}
	return v, nil
}

var epoch, lastTS = time.Unix(0, 0).UTC(), time.Unix(1<<32-1, 0).UTC()

// ts is what a DateTime column holds for t: seconds; the zero time is 0,
// a time past the type's range (2106) its last second.
func ts(t time.Time) time.Time {
	if t.IsZero() || t.Before(epoch) {
		return epoch
	}
	if t.After(lastTS) {
		return lastTS
	}
	return t.UTC().Truncate(time.Second)
}

// fromTS reads a DateTime back: 0 is the zero time.
func fromTS(t time.Time) time.Time {
	if t.Unix() <= 0 {
		return time.Time{}
	}
	return t.UTC()
}

// texts is each element's text form, never nil (an Array column).
func texts[T any](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprint(x)
	}
	return out
}

func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

func ipText(a netip.Addr) string {
	if a.IsValid() {
		return a.String()
	}
	return ""
}

// insert sends n rows in one batch (explicit column list: ClickHouse
// 18.16 sends no columns for a bare INSERT INTO t).
func (d *DB) insert(ctx context.Context, what, table, cols string, n int, row func(i int) []any) error {
	if untagged(table) {
		return d.insertRows(ctx, what, table, cols, false, n, row)
	}
	return d.insertRows(ctx, what, table, cols+", txn", true, n, row)
}

// insertRows sends n rows in one batch, each with the change set of ctx
// after its columns when tag is set.
func (d *DB) insertRows(ctx context.Context, what, table, cols string, tag bool, n int, row func(i int) []any) error {
	if n == 0 {
		return nil
	}
	txn := txnOf(ctx)
	b, err := d.conn.PrepareBatch(d.insertCtx(ctx), d.q(`INSERT INTO {db}.`+table+` (`+cols+`)`))
	if err != nil {
		return fmt.Errorf("store %s: %w", what, err)
	}
	for i := 0; i < n; i++ {
		r := row(i)
		if tag {
			r = append(r, txn)
		}
		if err := b.Append(r...); err != nil {
			b.Abort()
			return fmt.Errorf("store %s: %w", what, err)
		}
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("store %s: %w", what, err)
	}
	return nil
}

// insertCtx is ctx for an INSERT: on a cluster, a Distributed table's
// INSERT returns once every shard stored its rows (insert_distributed_sync),
// not when they are queued on this node.
func (d *DB) insertCtx(ctx context.Context) context.Context {
	if !d.distributed {
		return ctx
	}
	return ch.Context(ctx, ch.WithSettings(ch.Settings{"insert_distributed_sync": 1}))
}

// PutSweep inserts or replaces a sweep.
func (d *DB) PutSweep(ctx context.Context, s store.Sweep) error {
	segs := make([]string, len(s.Segments))
	for i, p := range s.Segments {
		segs[i] = p.String()
	}
	return d.insert(ctx, "sweep "+s.ID, "sweeps", "id, scanner, start, end, partial, segments, observations, assets, new, missing, ver", 1,
		func(int) []any {
			return []any{s.ID, s.Scanner, ts(s.Start), ts(s.End), b2u(s.Partial), segs, uint64(s.Observations),
				uint64(s.Assets), uint64(s.New), uint64(s.Missing), d.nextVer()}
		})
}

// sweepQuery reads the visible sweeps (a sweep's rows are all of its
// change set, so FINAL's newest row is visible exactly when the sweep is).
func (d *DB) sweepQuery() string {
	return `SELECT id, scanner, start, end, partial, segments, observations, assets, new, missing FROM {db}.sweeps FINAL WHERE ` + d.visible()
}

func scanSweeps(rows driver.Rows) ([]store.Sweep, error) {
	defer rows.Close()
	var out []store.Sweep
	for rows.Next() {
		var s store.Sweep
		var start, end time.Time
		var partial uint8
		var segs []string
		var o, a, n, m uint64
		if err := rows.Scan(&s.ID, &s.Scanner, &start, &end, &partial, &segs, &o, &a, &n, &m); err != nil {
			return nil, err
		}
		s.Start, s.End, s.Partial = fromTS(start), fromTS(end), partial != 0
		s.Observations, s.Assets, s.New, s.Missing = int(o), int(a), int(n), int(m)
		for _, f := range segs {
			if p, err := netip.ParsePrefix(f); err == nil {
				s.Segments = append(s.Segments, p)
			}
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Sweeps lists sweeps, newest first.
func (d *DB) Sweeps(ctx context.Context, limit int) ([]store.Sweep, error) {
	q := d.sweepQuery() + ` ORDER BY start DESC, id DESC`
	var args []any
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := d.conn.Query(ctx, d.q(q), args...)
	if err != nil {
		return nil, fmt.Errorf("list sweeps: %w", err)
	}
	out, err := scanSweeps(rows)
	if err != nil {
		return nil, fmt.Errorf("list sweeps: %w", err)
	}
	return out, nil
}

// Sweep returns one sweep.
func (d *DB) Sweep(ctx context.Context, id string) (store.Sweep, error) {
	rows, err := d.conn.Query(ctx, d.q(d.sweepQuery()+` AND id = ?`), id)
	if err != nil {
		return store.Sweep{}, fmt.Errorf("sweep %s: %w", id, err)
	}
	out, err := scanSweeps(rows)
	if err != nil {
		return store.Sweep{}, fmt.Errorf("sweep %s: %w", id, err)
	}
	if len(out) == 0 {
		return store.Sweep{}, fmt.Errorf("sweep %s: %w", id, store.ErrNotFound)
	}
	return out[0], nil
}

// AppendObservations stores observations; an ID stored before is stored
// once (the table is replacing on the ID and read with LIMIT 1 BY). The
// observed record goes into the record columns (columns.go); its
// bookkeeping fields (asset_id, state, first and last seen) and people's
// fields are not an observation's and are not kept.
func (d *DB) AppendObservations(ctx context.Context, obs []store.Observation) error {
	var rr recordRow
	return d.insert(ctx, "observations", "observations", `id, sweep_id, asset_id, time, source, scanner, `+recordColNames, len(obs),
		func(i int) []any {
			o := &obs[i]
			rr.fromRecord(&o.Asset)
			return append([]any{o.ID, o.SweepID, o.AssetID, ts(o.Time), string(o.Source), o.Scanner}, rr.values()...)
		})
}

// Observations lists observations of a sweep and/or asset, by ID.
func (d *DB) Observations(ctx context.Context, sweepID, assetID string) ([]store.Observation, error) {
	// Not FINAL, which reads every column of every row to merge them:
	// the filters read their own columns first, and a replayed row (the
	// same ID, the same content) is dropped by LIMIT 1 BY.
	q := `SELECT id, sweep_id, asset_id, time, source, scanner, ` + recordSelect + ` FROM {db}.observations WHERE ` + d.visible()
	var args []any
	if sweepID != "" {
		q += ` AND sweep_id = ?`
		args = append(args, sweepID)
	}
	if assetID != "" {
		q += ` AND asset_id = ?`
		args = append(args, assetID)
	}
	rows, err := d.conn.Query(ctx, d.q(q+` ORDER BY id LIMIT 1 BY id`), args...)
	if err != nil {
		return nil, fmt.Errorf("list observations: %w", err)
	}
	defer rows.Close()
	var out []store.Observation
	var o store.Observation
	var t time.Time
	var src string
	var rr recordRow
	var lists string
	dest := append([]any{&o.ID, &o.SweepID, &o.AssetID, &t, &src, &o.Scanner}, rr.scanDest(&lists)...)
	listDest := rr.listPtrs()
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("list observations: %w", err)
		}
		if err := readLists(lists, listDest); err != nil {
			return nil, fmt.Errorf("observation %s: %w", o.ID, err)
		}
		o.Time, o.Source, o.Asset = fromTS(t), record.Source(src), record.Asset{}
		rr.toRecord(&o.Asset)
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list observations: %w", err)
	}
	return out, nil
}

// assetCols are the assets table's columns besides the record columns,
// as PutAssets writes them.
const assetCols = `id, state, state_since, first_seen, last_seen, missed_sweeps, last_sweep_id, merged_into, software_digest, ver`

// PutAssets upserts assets' current state: the bookkeeping columns and
// the record's (columns.go). People's fields go to annotations, never
// here.
func (d *DB) PutAssets(ctx context.Context, as []store.Asset) error {
	if err := d.putAssetRows(ctx, as); err != nil {
		return err
	}
	return d.putSearchTerms(ctx, as)
}

// putAssetRows inserts the assets' rows (PutAssets less the search index).
func (d *DB) putAssetRows(ctx context.Context, as []store.Asset) error {
	ver := d.nextVer()
	var rr recordRow
	return d.insert(ctx, "assets", "assets", assetCols+`, `+recordColNames, len(as), func(i int) []any {
		a := &as[i]
		r := &a.Record
		rr.fromRecord(r)
		return append([]any{r.AssetID, r.State, ts(a.StateSince), ts(r.FirstSeen), ts(r.LastSeen), uint32(a.MissedSweeps),
			a.LastSweepID, a.MergedInto, a.SoftwareDigest, ver}, rr.values()...)
	})
}

// annotations reads the people's fields of the given assets (all when
// ids is nil), by asset ID, each as conv makes it.
func annotations[T any](ctx context.Context, d *DB, ids []string, conv func(store.Annotation) (T, error)) (map[string]T, error) {
	where, args := `1 = 1`, []any(nil)
	if ids != nil {
		where, args = `asset_id IN (SELECT arrayJoin(?))`, []any{ids}
	}
	out := map[string]T{}
	err := d.eachAnnotation(ctx, where, args, func(n store.Annotation) error {
		var err error
		if out[n.AssetID], err = conv(n); err != nil {
			return fmt.Errorf("annotation of %s: %w", n.AssetID, err)
		}
		return nil
	})
	return out, err
}

// annotationsSoon starts reading the annotations of ids (all if nil), as
// conv makes them, and returns what waits for them; any goroutine may
// call it, any number of times.
func annotationsSoon[T any](ctx context.Context, d *DB, ids []string, conv func(store.Annotation) (T, error)) func() (map[string]T, error) {
	done := make(chan struct{})
	var m map[string]T
	var err error
	go func() {
		defer close(done)
		m, err = annotations(ctx, d, ids, conv)
	}()
	return func() (map[string]T, error) {
		<-done
		return m, err
	}
}

func asIs(n store.Annotation) (store.Annotation, error) { return n, nil }

// assets lists the assets matching where (on the assets table's columns,
// applied after FINAL) with their annotations, by ID. The annotations are
// read by a second query at the same time and joined here: 18.16's join
// builds its hash table of every annotation before the first row.
func (d *DB) assets(ctx context.Context, w rowsWhere, annIDs []string, annAfter bool) ([]store.Asset, error) {
	var annotations func() (map[string]store.Annotation, error)
	if !annAfter {
		annotations = annotationsSoon(ctx, d, annIDs, asIs)
	}
	var out []store.Asset
	err := d.streamAssets(ctx, w, func(a *store.Asset) error {
		out = append(out, *a)
		return nil
	})
	if annAfter {
		if err != nil || len(out) == 0 {
			return nil, err
		}
		ids := make([]string, len(out))
		for i := range out {
			ids[i] = out[i].Record.AssetID
		}
		annotations = annotationsSoon(ctx, d, ids, asIs)
	}
	ann, annErr := annotations()
	if err != nil {
		return nil, err
	}
	if annErr != nil {
		return nil, fmt.Errorf("annotations: %w", annErr)
	}
	byID := func(a, b store.Asset) int { return strings.Compare(a.Record.AssetID, b.Record.AssetID) }
	if w.order == "" && !slices.IsSortedFunc(out, byID) {
		// FINAL reads in key order, so this is rare (a cluster's shards
		// interleave); sort a permutation rather than swapping the large
		// structs.
		idx := make([]int, len(out))
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(i, j int) int { return byID(out[i], out[j]) })
		sorted := make([]store.Asset, len(out))
		for i, j := range idx {
			sorted[i] = out[j]
		}
		out = sorted
	}
	for i := range out {
		r := &out[i].Record
		applyAnnotation(r, ann[r.AssetID])
	}
	return out, nil
}

// applyAnnotation puts what people said about an asset into its record.
func applyAnnotation(r *record.Asset, n store.Annotation) {
	ok := n.Approved
	r.Approved = &ok
	r.Site, r.Role, r.Owner = n.Site, n.Role, n.Owner
	if len(n.Tags) > 0 {
		r.Tags = n.Tags
	}
}

// streamAssets hands fn each asset matching w (without its annotation),
// as the server sends them: by ID, the order of FINAL's merge (one
// thread, so in every ClickHouse release). The asset is fn's to keep.
func (d *DB) streamAssets(ctx context.Context, w rowsWhere, fn func(*store.Asset) error) error {
	// Blocks of a few thousand rows: the driver grows a block's buffers
	// value by value, copying them over and over when the block is large.
	ctx = ch.Context(ctx, ch.WithSettings(ch.Settings{"max_block_size": listingBlockRows, "max_threads": 1}))
	from, args := d.from(ctx, w, assetCols+`, `+recordColNames)
	rows, err := d.conn.Query(ctx, d.q(`SELECT `+assetCols+`, `+recordSelect+` FROM `+from), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		a                     store.Asset
		since, first, last    time.Time
		missed                uint32
		ver                   uint64
		rr                    recordRow
		id, state, sweep, mrg string
		digest, lists         string
	)
	dest := append([]any{&id, &state, &since, &first, &last, &missed, &sweep, &mrg, &digest, &ver}, rr.scanDest(&lists)...)
	listDest := rr.listPtrs()
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if err := readLists(lists, listDest); err != nil {
			return fmt.Errorf("asset %s: %w", id, err)
		}
		a = store.Asset{StateSince: fromTS(since), MissedSweeps: int(missed), LastSweepID: sweep, MergedInto: mrg, SoftwareDigest: digest}
		r := &a.Record
		r.AssetID, r.State, r.FirstSeen, r.LastSeen = id, state, fromTS(first), fromTS(last)
		rr.toRecord(r)
		if err := fn(&a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Asset returns one asset.
func (d *DB) Asset(ctx context.Context, id string) (store.Asset, error) {
	out, err := d.assets(ctx, rowsWhere{key: `id = ?`, keyArgs: []any{id}}, []string{id}, false)
	if err != nil {
		return store.Asset{}, fmt.Errorf("asset %s: %w", id, err)
	}
	if len(out) == 0 {
		return store.Asset{}, fmt.Errorf("asset %s: %w", id, store.ErrNotFound)
	}
	return out[0], nil
}

// listingBlockRows is the block size of queries reading assets.
const listingBlockRows = 2048

// maxBound is how many IDs a query binds; more are filtered here (a
// longer query would pass max_query_size).
const maxBound = 1000

// assetQuery is a listing's filter as a WHERE clause over the assets
// table, and what is left to filter here: IDs past maxBound (want).
type assetQuery struct {
	rowsWhere
	want   map[string]bool
	annIDs []string
	// annAfter: the annotations of the assets found are read after them,
	// not all of them beside (a search through the index finds few).
	annAfter bool
}

// rowsWhere picks rows of the assets table: conditions on the key (id),
// applied inside FINAL, where they pick the index ranges to read (and mean
// the same before and after the merge), and the others, applied after.
type rowsWhere struct {
	key     string // "": none
	keyArgs []any
	where   string // "": none
	args    []any
	// cols are the columns where reads beyond a caller's ("": none): a
	// cluster's subquery (cur) exposes them.
	cols string
	// limit is the most rows read, by ID (0: all).
	limit int
	// order, when set, is the sort expression rows are read in (then by
	// ID; desc reverses both): a sorted listing (store.AssetFilter.Sort).
	order string
	desc  bool
}

// from is what a query reading cols of the rows w picks puts after FROM,
// and its arguments in order.
//
// On one server that is the table itself, FINAL, with w's conditions
// beside it: PREWHERE (the visible change sets, w.key) runs before
// FINAL's merge and WHERE after it, in 18.16 and in current releases
// alike (views.go), so a subquery adds nothing but its cost: 18.16
// analyses each of the ~100 columns once in the subquery and again
// outside it, 7 of a search's 30 ms of server CPU (docs/benchmarks.md).
// A cluster reads the newest versions through cur's subquery.
func (d *DB) from(ctx context.Context, w rowsWhere, cols string) (string, []any) {
	var q string
	var args []any
	if !d.distributed {
		q = `{db}.assets FINAL PREWHERE ` + d.visible()
		if w.key != "" {
			q += ` AND (` + w.key + `)`
		}
		args = append(args, w.keyArgs...)
	} else {
		q, args = d.cur(ctx, "assets", "id", d.fromCols(w, cols), w.key, w.keyArgs...)
	}
	if w.where != "" {
		q += ` WHERE ` + w.where
	}
	args = append(args, w.args...)
	switch {
	case w.order != "":
		dir := ""
		if w.desc {
			dir = " DESC"
		}
		q += ` ORDER BY ` + w.order + dir + `, id` + dir
		if w.limit > 0 {
			q += ` LIMIT ?`
			args = append(args, w.limit)
		}
	case w.limit > 0:
		q += ` ORDER BY id LIMIT ?`
		args = append(args, w.limit)
	}
	return q, args
}

// fromCols are the columns cur's subquery exposes: cols and those w's
// conditions and order read beyond them.
func (d *DB) fromCols(w rowsWhere, cols string) string {
	if w.cols == "" {
		return cols
	}
	have := map[string]bool{}
	for _, c := range strings.Split(cols, ",") {
		have[strings.TrimSpace(c)] = true
	}
	for _, c := range strings.Split(w.cols, ",") {
		if c = strings.TrimSpace(c); !have[c] {
			cols += ", " + c
		}
	}
	return cols
}

// sortExprs are what a listing sorted by a store.SortKeys key orders by,
// on the asset's columns: text lower-cased as ASCII (as SQLite's NOCASE),
// the address as the hex of its 16 bytes (store.IPSortKey). The site
// and approval are annotations, sorted here as the assets come
// (sortedHere).
var sortExprs = map[string]string{
	store.SortIP:        `if(ip = '', '', lower(hex(if(position(ip, ':') > 0, IPv6StringToNum(ip), IPv4ToIPv6(IPv4StringToNum(ip))))))`,
	store.SortMAC:       `lower(mac)`,
	store.SortHostname:  `lower(if(hostname != '', hostname, if(sys_name != '', sys_name, ip)))`,
	store.SortVendor:    `lower(if(vendor != '', vendor, mac_vendor))`,
	store.SortModel:     `lower(model)`,
	store.SortSerial:    `lower(serial)`,
	store.SortOS:        `lower(if(os = '', os_version, if(os_version = '', os, concat(os, ' ', os_version))))`,
	store.SortType:      `lower(device_type)`,
	store.SortState:     `state`,
	store.SortFirstSeen: `toUInt32(first_seen)`,
	store.SortLastSeen:  `toUInt32(last_seen)`,
}

// sortedHere is whether a listing sorted by k is sorted as it is read
// (an annotation's column, which the assets table does not hold).
func sortedHere(k string) bool { return k == store.SortSite || k == store.SortApproved }

// afterCursor is whether a comes after the cursor (f.AfterKey, f.After)
// in f's order.
func afterCursor(a *store.Asset, f store.AssetFilter) bool {
	if f.After == "" {
		return true
	}
	x := cmp.Or(store.CompareSortValues(f.Sort, store.SortValue(f.Sort, a), f.AfterKey), strings.Compare(a.Record.AssetID, f.After))
	if f.Desc {
		return x < 0
	}
	return x > 0
}

// sortAssets orders as by f's sort, then ID.
func sortAssets(as []store.Asset, f store.AssetFilter) {
	keys := make([]string, len(as))
	idx := make([]int, len(as))
	for i := range as {
		keys[i], idx[i] = store.SortValue(f.Sort, &as[i]), i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		x := cmp.Or(store.CompareSortValues(f.Sort, keys[i], keys[j]), strings.Compare(as[i].Record.AssetID, as[j].Record.AssetID))
		if f.Desc {
			return -x
		}
		return x
	})
	sorted := make([]store.Asset, len(as))
	for i, j := range idx {
		sorted[i] = as[j]
	}
	copy(as, sorted)
}

// andKey adds a condition on the key.
func (w rowsWhere) andKey(cond string, args ...any) rowsWhere {
	if w.key != "" {
		cond = w.key + ` AND ` + cond
	}
	w.key, w.keyArgs = cond, append(slices.Clip(w.keyArgs), args...)
	return w
}

// newAssetQuery is the query listing f; in is IN for a subquery (DB.in).
// cands, when not nil, are the assets the search index names for
// f.Search (DB.searchCandidates): the query reads them by their IDs.
func newAssetQuery(f store.AssetFilter, in string, cands []string) assetQuery {
	where := `1 = 1`
	var args []any
	var want map[string]bool
	var annIDs []string
	var key rowsWhere
	switch {
	case len(f.IDs) > maxBound:
		want = make(map[string]bool, len(f.IDs))
		for _, id := range f.IDs {
			want[id] = true
		}
	case len(f.IDs) > 0:
		key = key.andKey(`id IN (SELECT arrayJoin(?))`, f.IDs)
		annIDs = f.IDs
	}
	if len(f.States) > 0 {
		where += ` AND has(?, state)`
		args = append(args, f.States)
	} else if !f.IncludeMerged {
		where += ` AND state != ?`
		args = append(args, store.StateMerged)
	}
	if f.Vendor != "" {
		where += ` AND (position(lowerUTF8(vendor), lowerUTF8(?)) > 0 OR position(lowerUTF8(mac_vendor), lowerUTF8(?)) > 0)`
		args = append(args, f.Vendor, f.Vendor)
	}
	if f.DeviceType != "" {
		where += ` AND lowerUTF8(device_type) = lowerUTF8(?)`
		args = append(args, f.DeviceType)
	}
	if !f.SeenSince.IsZero() {
		where += ` AND last_seen >= ?`
		args = append(args, ts(f.SeenSince))
	}
	switch {
	case f.Sort != "" && !sortedHere(f.Sort):
		key.order, key.desc = sortExprs[f.Sort], f.Desc
		if f.After != "" {
			// A keyset cursor, on the current rows (not the key's).
			c, v := ">", any(strings.ToLower(f.AfterKey))
			if f.Desc {
				c = "<"
			}
			if f.Sort == store.SortFirstSeen || f.Sort == store.SortLastSeen {
				n, _ := strconv.ParseUint(f.AfterKey, 10, 32)
				v = uint32(n)
			}
			where += ` AND (` + key.order + ` ` + c + ` ? OR (` + key.order + ` = ? AND id ` + c + ` ?))`
			args = append(args, v, v, f.After)
		}
	case f.Sort != "":
		// Sorted here, after the annotations: the cursor too.
	case f.After != "" && f.Desc:
		key = key.andKey(`id < ?`, f.After)
		key.order, key.desc = "id", true
	case f.After != "":
		key = key.andKey(`id > ?`, f.After)
	case f.Desc:
		key.order, key.desc = "id", true
	}
	annAfter := false
	// s as given: the server folds case, and strings.ToLower would make
	// each byte of a search that is not valid UTF-8 U+FFFD.
	switch s := f.Search; {
	case s == "":
	case strings.ContainsRune(s, '\n'):
		where += ` AND 0`
	default:
		if lo, hi, ok := searchRange(strings.ToLower(s)); ok {
			switch {
			case cands != nil:
				key = key.andKey(`id IN ?`, ch.GroupSet{Value: anys(cands)})
				if annIDs == nil {
					annIDs = cands
				}
			default:
				key = key.andKey(`id`+in+`(SELECT asset_id FROM {db}.asset_search WHERE term >= ? AND term < ?)`, lo, hi)
				annAfter = annIDs == nil
			}
		}
		// The searched fields of store.SearchText, on the typed columns
		// of the asset's current version.
		// An ASCII search compares bytes, ASCII case folded: the UTF-8
		// function finds nothing in a field that is not valid UTF-8 (a
		// Latin-1 name an agent reported), where SearchMatch finds it;
		// so does a search that is not valid UTF-8 itself (that name's
		// bytes pasted in).
		pos := "positionCaseInsensitive"
		if !isASCII(s) && utf8.ValidString(s) {
			pos = "positionCaseInsensitiveUTF8"
		}
		where += strings.NewReplacer("POS", pos).Replace(` AND (POS(ip, ?) > 0 OR arrayExists(x -> POS(x, ?) > 0, ips)
			OR POS(mac, ?) > 0 OR arrayExists(x -> POS(x, ?) > 0, macs)
			OR POS(hostname, ?) > 0 OR POS(serial, ?) > 0 OR POS(model, ?) > 0)`)
		args = append(args, s, s, s, s, s, s, s)
		key.cols = "ip, ips, mac, macs, hostname, serial, model"
	}
	key.where, key.args = where, args
	if f.Limit > 0 && want == nil && !f.Subnet.IsValid() && !f.Unapproved && !f.Approved && !sortedHere(f.Sort) {
		key.limit = f.Limit // else applied as the assets are kept
	}
	return assetQuery{rowsWhere: key, want: want, annIDs: annIDs, annAfter: annAfter}
}

// Assets lists assets matching f, by ID or in f's order.
func (d *DB) Assets(ctx context.Context, f store.AssetFilter) ([]store.Asset, error) {
	if f.Sort != "" && !store.IsSortKey(f.Sort) {
		return nil, fmt.Errorf("list assets: sort %q: %w", f.Sort, store.ErrInvalid)
	}
	cands, err := d.searchCandidates(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("list assets: %w", err)
	}
	return d.listAssets(ctx, f, cands)
}

// listAssets lists assets matching f, the search's candidates cands
// (searchCandidates).
func (d *DB) listAssets(ctx context.Context, f store.AssetFilter, cands []string) ([]store.Asset, error) {
	if cands != nil && len(cands) == 0 {
		return nil, nil
	}
	q := newAssetQuery(f, d.in(), cands)
	all, err := d.assets(ctx, q.rowsWhere, q.annIDs, q.annAfter)
	if err != nil {
		return nil, fmt.Errorf("list assets: %w", err)
	}
	if sortedHere(f.Sort) {
		sortAssets(all, f)
	}
	if q.want == nil && !f.Subnet.IsValid() && !f.Unapproved && !f.Approved && !sortedHere(f.Sort) {
		return limited(all, f.Limit), nil
	}
	out := all[:0]
	for i := range all {
		if keep(&all[i], q, f) {
			out = append(out, all[i])
		}
	}
	return limited(out, f.Limit), nil
}

func limited(as []store.Asset, n int) []store.Asset {
	if n > 0 && len(as) > n {
		return as[:n]
	}
	return as
}

// keep is whether a listing keeps an annotated asset: the filters the
// query could not apply.
func keep(a *store.Asset, q assetQuery, f store.AssetFilter) bool {
	return (q.want == nil || q.want[a.Record.AssetID]) && (!sortedHere(f.Sort) || afterCursor(a, f)) &&
		(!f.Subnet.IsValid() || store.InSubnet(f.Subnet, &a.Record)) &&
		!(f.Unapproved && *a.Record.Approved) && !(f.Approved && !*a.Record.Approved)
}

// Annotate upserts annotations, in one insert.
func (d *DB) Annotate(ctx context.Context, ns ...store.Annotation) error {
	what := "annotations"
	if len(ns) == 1 {
		what = "annotation " + ns[0].AssetID
	}
	return d.putAnnotations(ctx, what, ns)
}

// putAnnotations upserts annotations.
func (d *DB) putAnnotations(ctx context.Context, what string, ns []store.Annotation) error {
	ver := d.nextVer()
	return d.insert(ctx, what, "annotations", "asset_id, approved, approved_at, approved_by, site, role, owner, tags, updated, ver", len(ns),
		func(i int) []any {
			n := &ns[i]
			tags := n.Tags
			if tags == nil {
				tags = []string{}
			}
			return []any{n.AssetID, b2u(n.Approved), ts(n.ApprovedAt), n.ApprovedBy, n.Site, n.Role, n.Owner, tags, ts(n.Updated), ver}
		})
}

// Annotation returns an asset's annotation (zero if none).
func (d *DB) Annotation(ctx context.Context, id string) (store.Annotation, error) {
	ns, err := d.fullAnnotations(ctx, `asset_id = ?`, id)
	if err != nil {
		return store.Annotation{}, fmt.Errorf("annotation %s: %w", id, err)
	}
	if len(ns) == 0 {
		return store.Annotation{AssetID: id}, nil
	}
	return ns[0], nil
}

// fullAnnotations reads the annotations matching where (on asset_id, the
// key: a condition on another column would see replaced rows), every
// field.
func (d *DB) fullAnnotations(ctx context.Context, where string, args ...any) ([]store.Annotation, error) {
	var out []store.Annotation
	err := d.eachAnnotation(ctx, where, args, func(n store.Annotation) error {
		out = append(out, n)
		return nil
	})
	return out, err
}

// eachAnnotation hands fn each annotation matching where (on asset_id,
// as fullAnnotations says), every field.
func (d *DB) eachAnnotation(ctx context.Context, where string, args []any, fn func(store.Annotation) error) error {
	from, args := d.cur(ctx, "annotations", "asset_id", "asset_id, approved, approved_at, approved_by, site, role, owner, tags, updated", where, args...)
	rows, err := d.conn.Query(ctx, d.q(`SELECT asset_id, approved, approved_at, approved_by, site, role, owner, tags, updated
		FROM `+from), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n store.Annotation
		var approved uint8
		var at, updated time.Time
		var tags []string
		if err := rows.Scan(&n.AssetID, &approved, &at, &n.ApprovedBy, &n.Site, &n.Role, &n.Owner, &tags, &updated); err != nil {
			return err
		}
		n.Approved, n.ApprovedAt, n.Updated = approved != 0, fromTS(at), fromTS(updated)
		if len(tags) > 0 {
			n.Tags = tags
		}
		if err := fn(n); err != nil {
			return err
		}
	}
	return rows.Err()
}

// AddKeys records keys, keeping a held key's first FirstSeen.
func (d *DB) AddKeys(ctx context.Context, ks []store.AssetKey) error {
	if len(ks) == 0 {
		return nil
	}
	ids := map[string]bool{}
	for _, k := range ks {
		ids[k.AssetID] = true
	}
	list := make([]string, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	held, err := d.Keys(ctx, list...)
	if err != nil {
		return fmt.Errorf("store identity keys: %w", err)
	}
	type kk struct{ a, k, v string }
	have := make(map[kk]bool, len(held))
	for _, k := range held {
		have[kk{k.AssetID, string(k.Key.Kind), k.Key.Value}] = true
	}
	var add []store.AssetKey
	for _, k := range ks {
		x := kk{k.AssetID, string(k.Key.Kind), k.Key.Value}
		if !have[x] {
			have[x] = true
			add = append(add, k)
		}
	}
	ver := d.nextVer()
	return d.insert(ctx, "identity keys", "asset_keys", "asset_id, kind, value, first_seen, deleted, ver", len(add), func(i int) []any {
		k := &add[i]
		return []any{k.AssetID, string(k.Key.Kind), k.Key.Value, ts(k.FirstSeen), uint8(0), ver}
	})
}

// DeleteKeys removes keys (a tombstone row replaces each).
func (d *DB) DeleteKeys(ctx context.Context, ks []store.AssetKey) error {
	ver := d.nextVer()
	return d.insert(ctx, "delete identity keys", "asset_keys", "asset_id, kind, value, first_seen, deleted, ver", len(ks), func(i int) []any {
		k := &ks[i]
		return []any{k.AssetID, string(k.Key.Kind), k.Key.Value, epoch, uint8(1), ver}
	})
}

// Keys lists keys of the given assets (all if none).
func (d *DB) Keys(ctx context.Context, assetIDs ...string) ([]store.AssetKey, error) {
	cond := ""
	var args []any
	var want map[string]bool
	switch {
	case len(assetIDs) > 1000:
		// Too many to bind under max_query_size: read all, filter here.
		want = make(map[string]bool, len(assetIDs))
		for _, id := range assetIDs {
			want[id] = true
		}
	case len(assetIDs) > 0:
		cond = `asset_id IN (SELECT arrayJoin(?))`
		args = append(args, assetIDs)
	}
	from, args := d.cur(ctx, "asset_keys", "(asset_id, kind, value)", "asset_id, kind, value, first_seen, deleted", cond, args...)
	rows, err := d.conn.Query(ctx, d.q(`SELECT asset_id, kind, value, first_seen FROM `+from+` WHERE deleted = 0 ORDER BY asset_id, kind, value`), args...)
	if err != nil {
		return nil, fmt.Errorf("list identity keys: %w", err)
	}
	defer rows.Close()
	var out []store.AssetKey
	for rows.Next() {
		var k store.AssetKey
		var kind string
		var t time.Time
		if err := rows.Scan(&k.AssetID, &kind, &k.Key.Value, &t); err != nil {
			return nil, fmt.Errorf("list identity keys: %w", err)
		}
		if want != nil && !want[k.AssetID] {
			continue
		}
		k.Key.Kind, k.FirstSeen = identity.Kind(kind), fromTS(t)
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list identity keys: %w", err)
	}
	return out, nil
}

// KeyHolders lists the keys held that are one of keys, maxBound values a
// query.
func (d *DB) KeyHolders(ctx context.Context, keys []identity.Key) ([]store.AssetKey, error) {
	want, values := store.KeySet(keys)
	var out []store.AssetKey
	for len(values) > 0 {
		n := min(len(values), maxBound)
		from, args := d.cur(ctx, "asset_keys", "(asset_id, kind, value)", "asset_id, kind, value, first_seen, deleted",
			`value IN (SELECT arrayJoin(?))`, values[:n])
		rows, err := d.conn.Query(ctx, d.q(`SELECT asset_id, kind, value, first_seen FROM `+from+` WHERE deleted = 0`), args...)
		if err != nil {
			return nil, fmt.Errorf("list key holders: %w", err)
		}
		for rows.Next() {
			var k store.AssetKey
			var kind string
			var t time.Time
			if err := rows.Scan(&k.AssetID, &kind, &k.Key.Value, &t); err != nil {
				rows.Close()
				return nil, fmt.Errorf("list key holders: %w", err)
			}
			k.Key.Kind, k.FirstSeen = identity.Kind(kind), fromTS(t)
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
// the prefixes: five columns of the current rows, no record built (the
// prefixes are applied here: a column scan costs little).
func (d *DB) Presences(ctx context.Context, within []netip.Prefix, states ...string) ([]store.Presence, error) {
	if len(states) == 0 {
		return nil, nil
	}
	from, args := d.from(ctx, rowsWhere{where: `has(?, state) AND merged_into = ''`, args: []any{states}}, "id, state, ip, last_seen, last_sweep_id, merged_into")
	rows, err := d.conn.Query(ctx, d.q(`SELECT id, state, ip, last_seen, last_sweep_id FROM `+from), args...)
	if err != nil {
		return nil, fmt.Errorf("list presences: %w", err)
	}
	defer rows.Close()
	var out []store.Presence
	for rows.Next() {
		var p store.Presence
		var ip string
		var t time.Time
		if err := rows.Scan(&p.AssetID, &p.State, &ip, &t, &p.LastSweepID); err != nil {
			return nil, fmt.Errorf("list presences: %w", err)
		}
		if ip != "" {
			if p.IP, err = netip.ParseAddr(ip); err != nil {
				return nil, fmt.Errorf("list presences: asset %s: %w", p.AssetID, err)
			}
		}
		p.LastSeen = fromTS(t)
		if within != nil && !slices.ContainsFunc(within, func(q netip.Prefix) bool { return q.Contains(p.IP) }) {
			continue
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list presences: %w", err)
	}
	return out, nil
}

// AddDecision stores a decision (again: stored once).
func (d *DB) AddDecision(ctx context.Context, x store.Decision) error {
	return d.insert(ctx, "decision "+x.ID, "decisions", "id, time, kind, actor, asset_a, asset_b, key_kind, key_value", 1, func(int) []any {
		return []any{x.ID, ts(x.Time), x.Kind, x.Actor, x.AssetA, x.AssetB, string(x.Key.Kind), x.Key.Value}
	})
}

// Decisions lists decisions, oldest first.
func (d *DB) Decisions(ctx context.Context) ([]store.Decision, error) {
	rows, err := d.conn.Query(ctx, d.q(`SELECT id, time, kind, actor, asset_a, asset_b, key_kind, key_value
		FROM {db}.decisions FINAL WHERE `+d.visible()+` ORDER BY time, id`))
	if err != nil {
		return nil, fmt.Errorf("list decisions: %w", err)
	}
	defer rows.Close()
	var out []store.Decision
	for rows.Next() {
		var x store.Decision
		var t time.Time
		var kind string
		if err := rows.Scan(&x.ID, &t, &x.Kind, &x.Actor, &x.AssetA, &x.AssetB, &kind, &x.Key.Value); err != nil {
			return nil, fmt.Errorf("list decisions: %w", err)
		}
		x.Time, x.Key.Kind = fromTS(t), identity.Kind(kind)
		out = append(out, x)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list decisions: %w", err)
	}
	return out, nil
}

// AppendEvents stores events once each.
func (d *DB) AppendEvents(ctx context.Context, es []store.Event) error {
	if len(es) == 0 {
		return nil
	}
	// Column by column: a drift run or a big sweep records tens of
	// thousands at once.
	n := len(es)
	id, sweep, asset, typ, field, old, nw, actor := make([]string, n), make([]string, n), make([]string, n),
		make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	tm, seq, ins := make([]time.Time, n), make([]int64, n), make([]time.Time, n)
	// Stored now, and never before the event's time (eventlog.go).
	now := ts(time.Now())
	for i := range es {
		e := &es[i]
		id[i], tm[i], sweep[i], seq[i], asset[i] = e.ID, ts(e.Time), e.SweepID, e.Seq, e.AssetID
		typ[i], field[i], old[i], nw[i], actor[i] = e.Type, e.Field, e.Old, e.New, e.Actor
		ins[i] = now
		if tm[i].After(now) {
			ins[i] = tm[i]
		}
	}
	return d.columns(ctx, "events", "events", "id, time, sweep_id, seq, asset_id, type, field, old, new, actor, ins",
		id, tm, sweep, seq, asset, typ, field, old, nw, actor, ins)
}

// Events lists events, oldest first.
func (d *DB) Events(ctx context.Context, f store.EventFilter) ([]store.Event, error) {
	// Not FINAL (see Observations): events never change, and a replayed
	// one is dropped by LIMIT 1 BY.
	q := `SELECT id, time, sweep_id, seq, asset_id, type, field, old, new, actor FROM {db}.events WHERE ` + d.visible()
	var args []any
	if f.AssetID != "" {
		q += ` AND asset_id = ?`
		args = append(args, f.AssetID)
	}
	// An event of time T or later was stored at T or later: ins, the
	// table's key, narrows the read to what was stored since.
	if !f.Since.IsZero() {
		q += ` AND ins >= ? AND time >= ?`
		args = append(args, ts(f.Since), ts(f.Since))
	}
	if k := f.After; k.ID != "" {
		q += ` AND ins >= ? AND time >= ? AND (time, seq, id) > (?, ?, ?)`
		args = append(args, ts(k.Time), ts(k.Time), ts(k.Time), k.Seq, k.ID)
	}
	if len(f.Types) > 0 {
		q += ` AND has(?, type)`
		args = append(args, f.Types)
	}
	q += ` ORDER BY time, seq, id LIMIT 1 BY id`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := d.conn.Query(ctx, d.q(q), args...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []store.Event
	for rows.Next() {
		var e store.Event
		var t time.Time
		if err := rows.Scan(&e.ID, &t, &e.SweepID, &e.Seq, &e.AssetID, &e.Type, &e.Field, &e.Old, &e.New, &e.Actor); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		e.Time = fromTS(t)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	return out, nil
}

// latest selects an asset's newest snapshot in table.
func (d *DB) latest(table string) string {
	return d.q(` WHERE asset_id = ? AND ` + d.visible() + ` AND sweep_id IN (SELECT sweep_id FROM {db}.` + table +
		` WHERE asset_id = ? AND ` + d.visible() + ` ORDER BY time DESC, ins DESC LIMIT 1)`)
}

// AppendSoftware stores a software snapshot, column by column (the
// largest table of an ingest).
func (d *DB) AppendSoftware(ctx context.Context, rs []store.Software) error {
	if len(rs) == 0 {
		return nil
	}
	n := len(rs)
	asset, sweep, name, version, arch := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	tm, inst, ins := make([]time.Time, n), make([]time.Time, n), make([]uint64, n)
	v := d.nextVer()
	for i := range rs {
		r := &rs[i]
		asset[i], sweep[i], tm[i], ins[i] = r.AssetID, r.SweepID, ts(r.Time), v
		name[i], version[i], arch[i], inst[i] = r.Name, r.Version, r.Arch, ts(r.InstalledAt)
	}
	return d.columns(ctx, "software", "software", "asset_id, sweep_id, time, ins, name, version, arch, installed_at",
		asset, sweep, tm, ins, name, version, arch, inst)
}

// columns stores rows given column by column (explicit column list), in
// blocks of chunkRows rows: the driver appends strings one by one to
// buffers it grows as it goes, so large blocks copy every byte several
// times over, while a Flush after each small block keeps the buffers and
// reuses them. The server squashes the blocks into large parts
// (min_insert_block_size_rows).
//
// Within a change set (on one server) the rows go into the change set's
// open INSERT of the table (streams), held until streamRows rows or
// Commit and sent in the table's key order: a sweep's software, samples
// and interfaces, given in batches while it is resolved, are one INSERT
// a table for every streamRows rows however many batches, so the server
// writes parts of that size, not one part (and its merges) per batch,
// without sorting them, while the next batches are resolved. Elsewhere it is one INSERT, waited for.
func (d *DB) columns(ctx context.Context, what, table, cols string, data ...any) error {
	n := 0
	if len(data) > 0 {
		n = reflect.ValueOf(data[0]).Len()
	}
	txn := txnOf(ctx)
	tag := make([]string, n)
	for i := range tag {
		tag[i] = txn
	}
	cols, data = cols+", txn", append(data, tag)
	if txn != "" && !d.distributed {
		return d.stream(ctx, txn, what, table, cols, n, data)
	}
	if n < 2*splitRows {
		return d.columnsOnce(ctx, what, table, cols, data...)
	}
	// Two INSERTs in flight, on two connections: one is built while the
	// server sorts and writes the other.
	half := n / 2
	parts := [2][]any{make([]any, len(data)), make([]any, len(data))}
	for i, c := range data {
		v := reflect.ValueOf(c)
		parts[0][i], parts[1][i] = v.Slice(0, half).Interface(), v.Slice(half, n).Interface()
	}
	errc := make(chan error, 1)
	go func() { errc <- d.columnsOnce(ctx, what, table, cols, parts[1]...) }()
	err := d.columnsOnce(ctx, what, table, cols, parts[0]...)
	return errors.Join(err, <-errc)
}

// splitRows: a column insert of at least twice as many rows is sent as
// two concurrent INSERTs.
const splitRows = 16384

// columnsOnce sends one INSERT of columns.
func (d *DB) columnsOnce(ctx context.Context, what, table, cols string, data ...any) error {
	b, err := d.conn.PrepareBatch(d.insertCtx(ctx), d.q(`INSERT INTO {db}.`+table+` (`+cols+`)`))
	if err != nil {
		return fmt.Errorf("store %s: %w", what, err)
	}
	if err := appendBlocks(b, data); err != nil {
		b.Abort()
		return fmt.Errorf("store %s: %w", what, err)
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("store %s: %w", what, err)
	}
	return nil
}

// appendBlocks sends columns to b's server in blocks of chunkRows rows.
func appendBlocks(b driver.Batch, data []any) error {
	n := 0
	if len(data) > 0 {
		n = reflect.ValueOf(data[0]).Len()
	}
	for at := 0; at < n; at += chunkRows {
		end := min(n, at+chunkRows)
		for i, c := range data {
			part := c
			if at > 0 || end < n {
				part = reflect.ValueOf(c).Slice(at, end).Interface()
			}
			if err := b.Column(i).Append(part); err != nil {
				return fmt.Errorf("column %d: %w", i, err)
			}
		}
		if err := b.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// streamRows is how many rows a change set's INSERT of a table takes
// before it is finished and the next begins, and the rows the server
// squashes its blocks into (min_insert_block_size_rows), so each is a
// part. A sweep of 3,000 hosts with 800 packages each (2.4 M software
// rows) took the server 6.5-10.4 s of CPU in INSERTs of 256 Ki rows,
// 8.5 s in INSERTs of 512 Ki, 10.3 s in INSERTs of 1 Mi (sorting a part
// of a million rows by six strings costs more than merging smaller
// parts), against 11.3-11.4 s for the 76 INSERTs of 32 Ki rows it sent
// before and their merges (three times the rows inserted); figures of a
// machine under a load average of 8 to 10 (docs/benchmarks.md).
const streamRows = 256 << 10

// streamsPerTable is how many INSERTs of a table a change set keeps
// open, batches going to each in turn: the server writes each INSERT's
// parts in one thread, so two keep both of its cores busy (as the two
// concurrent INSERTs of a batch did before).
const streamsPerTable = 2

// tableStream is a change set's open INSERT of one table, fed by its own
// goroutine, so the batch after is resolved while the server sorts and
// writes a part of this one.
type tableStream struct {
	cols   string
	feed   chan []any // column data of rows to send
	failed atomic.Bool
	send   bool       // set before feed is closed: finish, or abort
	done   chan error // what the goroutine ended with
}

// tableStreams are a change set's INSERTs of one table.
type tableStreams struct {
	s    [streamsPerTable]*tableStream
	next int
}

// stream hands n rows of columns to one of the change set's open INSERTs
// of table (opened here, finished at streamRows and by Commit), and
// returns once it has taken them. An INSERT that failed fails the next
// rows given to it, and Commit.
func (d *DB) stream(ctx context.Context, txn, what, table, cols string, n int, data []any) error {
	d.smu.Lock()
	if d.streams == nil {
		d.streams = map[string]map[string]*tableStreams{}
	}
	if d.streams[txn] == nil {
		d.streams[txn] = map[string]*tableStreams{}
	}
	ts := d.streams[txn][table]
	if ts == nil {
		ts = &tableStreams{}
		d.streams[txn][table] = ts
	}
	i := ts.next
	ts.next = (i + 1) % streamsPerTable
	s := ts.s[i]
	if s == nil {
		s = d.startStream(ctx, table, cols)
		ts.s[i] = s
	}
	d.smu.Unlock()
	if s.cols != cols {
		return fmt.Errorf("store %s: columns %s, the change set's INSERT of %s has %s", what, cols, table, s.cols)
	}
	if s.failed.Load() {
		return fmt.Errorf("store %s: the change set's INSERT of %s failed", what, table)
	}
	select {
	case s.feed <- append(data, n):
		return nil
	case <-ctx.Done():
		return fmt.Errorf("store %s: %w", what, ctx.Err())
	}
}

// startStream starts the goroutine of an INSERT of table: it holds the
// column data it is fed (the row count last) until streamRows rows, then
// sends them as one INSERT, in the table's key order (keyorder.go), and
// holds the next, until feed is closed.
func (d *DB) startStream(ctx context.Context, table, cols string) *tableStream {
	s := &tableStream{cols: cols, feed: make(chan []any, 1), done: make(chan error, 1)}
	ctx = ch.Context(ctx, ch.WithSettings(ch.Settings{"min_insert_block_size_rows": streamRows}))
	key := keyIndexes(cols, sortKeys[table])
	go func() {
		var held [][]any
		var err error
		rows := 0
		send := func() error {
			defer func() { held, rows = nil, 0 }()
			b, err := d.conn.PrepareBatch(ctx, d.q(`INSERT INTO {db}.`+table+` (`+cols+`)`))
			if err != nil {
				return err
			}
			if err := appendInKeyOrder(b, held, key); err != nil {
				b.Abort()
				return err
			}
			return b.Send()
		}
		for data := range s.feed {
			if err != nil {
				continue // failed: the rest is dropped, Commit refuses
			}
			held = append(held, data[:len(data)-1])
			if rows += data[len(data)-1].(int); rows >= streamRows {
				err = send()
				s.failed.Store(err != nil)
			}
		}
		if err == nil && s.send && len(held) > 0 {
			err = send()
		}
		if err != nil {
			err = fmt.Errorf("store %s: %w", table, err)
		}
		s.done <- err
	}()
	return s
}

// finishStreams finishes the change set's open INSERTs (send) or aborts
// them, waiting for each, and returns what failed.
func (d *DB) finishStreams(txn string, send bool) error {
	d.smu.Lock()
	tss := d.streams[txn]
	delete(d.streams, txn)
	d.smu.Unlock()
	tables := make([]string, 0, len(tss))
	for t := range tss {
		tables = append(tables, t)
	}
	slices.Sort(tables)
	var errs []error
	for _, t := range tables {
		for _, s := range tss[t].s {
			if s == nil {
				continue
			}
			s.send = send
			close(s.feed)
			if err := <-s.done; err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// chunkRows is the block size of column inserts.
const chunkRows = 2048

// Software returns the asset's latest software snapshot, by name.
func (d *DB) Software(ctx context.Context, assetID string) ([]store.Software, error) {
	out := map[string][]store.Software{}
	if err := d.software(ctx, d.latest("software"), []any{assetID, assetID}, out); err != nil {
		return nil, fmt.Errorf("software of %s: %w", assetID, err)
	}
	rs := out[assetID]
	sortSoftware(rs)
	return rs, nil
}

func sortSoftware(rs []store.Software) {
	slices.SortFunc(rs, func(a, b store.Software) int {
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		if c := strings.Compare(a.Version, b.Version); c != 0 {
			return c
		}
		return strings.Compare(a.Arch, b.Arch)
	})
}

// software reads the software rows matching where into out, by asset.
func (d *DB) software(ctx context.Context, where string, args []any, out map[string][]store.Software) error {
	rows, err := d.conn.Query(ctx, d.q(`SELECT asset_id, sweep_id, time, name, version, arch, installed_at FROM {db}.software`)+where+
		` LIMIT 1 BY `+softwareRow, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r store.Software
		var t, inst time.Time
		if err := rows.Scan(&r.AssetID, &r.SweepID, &t, &r.Name, &r.Version, &r.Arch, &inst); err != nil {
			return err
		}
		r.Time, r.InstalledAt = fromTS(t), fromTS(inst)
		out[r.AssetID] = append(out[r.AssetID], r)
	}
	return rows.Err()
}

// LatestSoftware returns each given asset's latest software snapshot
// (every asset's when ids is empty), in chunks of maxBound assets.
func (d *DB) LatestSoftware(ctx context.Context, ids []string) (map[string][]store.Software, error) {
	out := map[string][]store.Software{}
	var err error
	if len(ids) == 0 {
		err = d.latestSoftware(ctx, nil, out)
	}
	for i := 0; i < len(ids) && err == nil; i += maxBound {
		err = d.latestSoftware(ctx, ids[i:min(len(ids), i+maxBound)], out)
	}
	if err != nil {
		return nil, fmt.Errorf("latest software of %d assets: %w", len(ids), err)
	}
	for _, rs := range out {
		sortSoftware(rs)
	}
	return out, nil
}

// latestSoftware adds the latest snapshots of ids (all when nil) to out.
// `asset_id IN (SELECT arrayJoin(?))` uses the primary key; has(?,
// asset_id) would test every row against the whole array.
func (d *DB) latestSoftware(ctx context.Context, ids []string, out map[string][]store.Software) error {
	if ids == nil {
		return d.software(ctx, d.q(` WHERE `+d.visible()+` AND (asset_id, sweep_id)`+d.in()+`(SELECT asset_id, argMax(sweep_id, (time, ins))
			FROM {db}.software WHERE `+d.visible()+` GROUP BY asset_id)`), nil, out)
	}
	return d.software(ctx, d.q(` WHERE asset_id IN (SELECT arrayJoin(?)) AND `+d.visible()+` AND (asset_id, sweep_id)`+d.in()+`(SELECT asset_id,
		argMax(sweep_id, (time, ins)) FROM {db}.software WHERE asset_id IN (SELECT arrayJoin(?)) AND `+d.visible()+` GROUP BY asset_id)`),
		[]any{ids, ids}, out)
}

// AppendSamples stores capacity samples, column by column.
func (d *DB) AppendSamples(ctx context.Context, rs []store.Sample) error {
	if len(rs) == 0 {
		return nil
	}
	n := len(rs)
	asset, sweep, metric, inst := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	tm, val := make([]time.Time, n), make([]float64, n)
	for i := range rs {
		r := &rs[i]
		asset[i], sweep[i], tm[i], metric[i], inst[i], val[i] = r.AssetID, r.SweepID, ts(r.Time), r.Metric, r.Instance, r.Value
	}
	return d.columns(ctx, "samples", "samples", "asset_id, sweep_id, time, metric, instance, value", asset, sweep, tm, metric, inst, val)
}

// Samples lists samples, oldest first.
func (d *DB) Samples(ctx context.Context, f store.SampleFilter) ([]store.Sample, error) {
	q := `SELECT asset_id, sweep_id, time, metric, instance, value FROM {db}.samples WHERE ` + d.visible()
	var args []any
	if f.AssetID != "" {
		q += ` AND asset_id = ?`
		args = append(args, f.AssetID)
	}
	if len(f.AssetIDs) > 0 {
		q += ` AND asset_id IN (SELECT arrayJoin(?))`
		args = append(args, f.AssetIDs)
	}
	if f.Metric != "" {
		q += ` AND metric = ?`
		args = append(args, f.Metric)
	}
	if !f.Since.IsZero() {
		q += ` AND time >= ?`
		args = append(args, ts(f.Since))
	}
	rows, err := d.conn.Query(ctx, d.q(q+` ORDER BY time, asset_id, metric, instance LIMIT 1 BY `+sampleRow), args...)
	if err != nil {
		return nil, fmt.Errorf("list samples: %w", err)
	}
	defer rows.Close()
	var out []store.Sample
	for rows.Next() {
		var r store.Sample
		var t time.Time
		if err := rows.Scan(&r.AssetID, &r.SweepID, &t, &r.Metric, &r.Instance, &r.Value); err != nil {
			return nil, fmt.Errorf("list samples: %w", err)
		}
		r.Time = fromTS(t)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list samples: %w", err)
	}
	return out, nil
}

// AppendInterfaces stores an interface snapshot, column by column.
func (d *DB) AppendInterfaces(ctx context.Context, rs []store.Interface) error {
	if len(rs) == 0 {
		return nil
	}
	n := len(rs)
	asset, sweep, name, alias, typ, mac := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	tm, ins, idx := make([]time.Time, n), make([]uint64, n), make([]int64, n)
	speed, in, out := make([]uint64, n), make([]uint64, n), make([]uint64, n)
	admin, oper := make([]uint8, n), make([]uint8, n)
	v := d.nextVer()
	for i := range rs {
		r := &rs[i]
		asset[i], sweep[i], tm[i], ins[i], idx[i] = r.AssetID, r.SweepID, ts(r.Time), v, int64(r.Index)
		name[i], alias[i], typ[i], mac[i] = r.Name, r.Alias, r.Type, r.MAC.String()
		speed[i], admin[i], oper[i], in[i], out[i] = r.SpeedBps, b2u(r.AdminUp), b2u(r.OperUp), r.InOctets, r.OutOctets
	}
	return d.columns(ctx, "interfaces", "interfaces", `asset_id, sweep_id, time, ins, idx, name, alias, type, mac, speed_bps,
		admin_up, oper_up, in_octets, out_octets`, asset, sweep, tm, ins, idx, name, alias, typ, mac, speed, admin, oper, in, out)
}

// Interfaces returns the asset's latest interfaces, by index.
func (d *DB) Interfaces(ctx context.Context, assetID string) ([]store.Interface, error) {
	rows, err := d.conn.Query(ctx, d.q(`SELECT asset_id, sweep_id, time, idx, name, alias, type, mac, speed_bps,
		admin_up, oper_up, in_octets, out_octets FROM {db}.interfaces`)+d.latest("interfaces")+` ORDER BY idx LIMIT 1 BY `+interfaceRow, assetID, assetID)
	if err != nil {
		return nil, fmt.Errorf("interfaces of %s: %w", assetID, err)
	}
	defer rows.Close()
	var out []store.Interface
	for rows.Next() {
		var r store.Interface
		var t time.Time
		var idx int64
		var admin, oper uint8
		var mac string
		if err := rows.Scan(&r.AssetID, &r.SweepID, &t, &idx, &r.Name, &r.Alias, &r.Type, &mac, &r.SpeedBps, &admin,
			&oper, &r.InOctets, &r.OutOctets); err != nil {
			return nil, fmt.Errorf("interfaces of %s: %w", assetID, err)
		}
		r.Time, r.Index, r.AdminUp, r.OperUp = fromTS(t), int(idx), admin != 0, oper != 0
		if mac != "" {
			r.MAC, _ = record.ParseMAC(mac)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("interfaces of %s: %w", assetID, err)
	}
	return out, nil
}

// AppendNeighbors stores a neighbor snapshot.
func (d *DB) AppendNeighbors(ctx context.Context, rs []store.Neighbor) error {
	ins := d.nextVer()
	return d.insert(ctx, "neighbors", "neighbors", "asset_id, sweep_id, time, ins, local_port, chassis_id, port_id, sys_name, protocol, capabilities, platform", len(rs), func(i int) []any {
		r := &rs[i]
		caps := r.Capabilities
		if caps == nil {
			caps = []string{}
		}
		return []any{r.AssetID, r.SweepID, ts(r.Time), ins, r.LocalPort, r.ChassisID, r.PortID, r.SysName, r.Protocol, caps, r.Platform}
	})
}

// Neighbors returns the asset's latest neighbors.
func (d *DB) Neighbors(ctx context.Context, assetID string) ([]store.Neighbor, error) {
	rows, err := d.conn.Query(ctx, d.q(`SELECT asset_id, sweep_id, time, local_port, chassis_id, port_id, sys_name,
		protocol, capabilities, platform FROM {db}.neighbors`)+d.latest("neighbors")+` ORDER BY local_port, chassis_id, port_id LIMIT 1 BY `+neighborRow, assetID, assetID)
	if err != nil {
		return nil, fmt.Errorf("neighbors of %s: %w", assetID, err)
	}
	defer rows.Close()
	var out []store.Neighbor
	for rows.Next() {
		var r store.Neighbor
		var t time.Time
		if err := rows.Scan(&r.AssetID, &r.SweepID, &t, &r.LocalPort, &r.ChassisID, &r.PortID, &r.SysName,
			&r.Protocol, &r.Capabilities, &r.Platform); err != nil {
			return nil, fmt.Errorf("neighbors of %s: %w", assetID, err)
		}
		r.Time = fromTS(t)
		if len(r.Capabilities) == 0 {
			r.Capabilities = nil
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("neighbors of %s: %w", assetID, err)
	}
	return out, nil
}

// AppendLocations stores location rows (one per asset and sweep: a row
// written again is the same row to every read).
func (d *DB) AppendLocations(ctx context.Context, rs []store.Location) error {
	ins := d.nextVer()
	return d.insert(ctx, "locations", "locations", `asset_id, sweep_id, time, ins, mac, switch_id, switch_name, switch_ip,
		port, if_index, vlan, seen, rule`, len(rs), func(i int) []any {
		r := &rs[i]
		return []any{r.AssetID, r.SweepID, ts(r.Time), ins, r.MAC.String(), r.Switch.AssetID, r.Switch.Name, ipText(r.Switch.IP),
			r.Port, int64(r.IfIndex), uint16(r.VLAN), ts(r.Seen), r.Rule}
	})
}

// Locations lists location rows, oldest first.
func (d *DB) Locations(ctx context.Context, f store.LocationFilter) ([]store.Location, error) {
	q := `SELECT asset_id, sweep_id, time, mac, switch_id, switch_name, switch_ip, port, if_index, vlan, seen, rule
		FROM {db}.locations WHERE ` + d.visible()
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
		args = append(args, ts(f.Since))
	}
	q += ` ORDER BY time DESC, asset_id DESC LIMIT 1 BY asset_id, sweep_id`
	if f.Limit > 0 {
		q += ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	rows, err := d.conn.Query(ctx, d.q(q), args...)
	if err != nil {
		return nil, fmt.Errorf("list locations: %w", err)
	}
	defer rows.Close()
	var out []store.Location
	for rows.Next() {
		var r store.Location
		var t, seen time.Time
		var mac, ip string
		var ix int64
		var vlan uint16
		if err := rows.Scan(&r.AssetID, &r.SweepID, &t, &mac, &r.Switch.AssetID, &r.Switch.Name, &ip, &r.Port, &ix, &vlan, &seen, &r.Rule); err != nil {
			return nil, fmt.Errorf("list locations: %w", err)
		}
		r.Time, r.Seen, r.IfIndex, r.VLAN = fromTS(t), fromTS(seen), int(ix), int(vlan)
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

// Prune deletes old observations, samples and superseded snapshots. It
// counts what it deletes, then runs one mutation per table and waits for
// it, so reads after Prune no longer see the rows.
func (d *DB) Prune(ctx context.Context, before time.Time) (store.PruneStats, error) {
	var ps store.PruneStats
	cut := ts(store.Second(before))
	for _, t := range []struct {
		n     *int64
		table string
	}{{&ps.Observations, "observations"}, {&ps.Samples, "samples"}} {
		if err := d.prune(ctx, t.table, t.n, `time < ?`, cut); err != nil {
			return ps, err
		}
	}
	for _, t := range []struct {
		n     *int64
		table string
	}{{&ps.Software, "software"}, {&ps.Interfaces, "interfaces"}, {&ps.Neighbors, "neighbors"}, {&ps.Locations, "locations"}} {
		// Each asset's latest snapshot is kept, however old.
		rows, err := d.conn.Query(ctx, d.q(`SELECT concat(asset_id, '\t', argMax(sweep_id, (time, ins))) FROM {db}.`+t.table+
			` WHERE `+d.visible()+` AND asset_id`+d.in()+`(SELECT asset_id FROM {db}.`+t.table+` WHERE time < ?) GROUP BY asset_id`), cut)
		if err != nil {
			return ps, fmt.Errorf("prune %s: %w", t.table, err)
		}
		var keep []string
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return ps, fmt.Errorf("prune %s: %w", t.table, err)
			}
			keep = append(keep, k)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return ps, fmt.Errorf("prune %s: %w", t.table, err)
		}
		if len(keep) == 0 {
			continue
		}
		if err := d.prune(ctx, t.table, t.n, `time < ? AND NOT has(?, concat(asset_id, '\t', sweep_id))`, cut, keep); err != nil {
			return ps, err
		}
	}
	return ps, nil
}

// prune deletes the rows of table matching where, counting them first,
// and waits until the mutation is done.
func (d *DB) prune(ctx context.Context, table string, n *int64, where string, args ...any) error {
	var c uint64
	if err := d.conn.QueryRow(ctx, d.q(`SELECT count() FROM {db}.`+table+` WHERE `+where), args...).Scan(&c); err != nil {
		return fmt.Errorf("prune %s: %w", table, err)
	}
	*n = int64(c)
	if c == 0 {
		return nil
	}
	if d.distributed {
		return d.pruneCluster(ctx, table, where, args...)
	}
	if err := d.conn.Exec(ctx, d.q(`ALTER TABLE {db}.`+table+` DELETE WHERE `+where), args...); err != nil {
		return fmt.Errorf("prune %s: %w", table, err)
	}
	return d.waitMutations(ctx, d.conn, table)
}

// pruneCluster deletes the rows of table matching where on a cluster:
// a Distributed table takes no DELETE, so the mutation runs ON CLUSTER
// on the Replicated tables behind it (each shard's replicas apply it),
// and Prune returns once every node has applied it. Every node must
// answer first, as for a migration.
func (d *DB) pruneCluster(ctx context.Context, table, where string, args ...any) error {
	cluster, err := d.clusterName(ctx)
	if err != nil {
		return fmt.Errorf("prune %s: %w", table, err)
	}
	nodes, err := d.nodes(ctx, cluster)
	if err != nil {
		return fmt.Errorf("prune %s: %w", table, err)
	}
	conns := make([]driver.Conn, 0, len(nodes))
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for _, n := range nodes {
		c, err := d.dial(ctx, n.addr)
		if err != nil {
			return fmt.Errorf("prune %s: cluster %s: node %s (shard %d) does not answer (%w): a prune deletes on every node at once", table, cluster, n.addr, n.shard, err)
		}
		conns = append(conns, c)
	}
	local := localName(table)
	// ClickHouse 18.16 counts, when a mutation reaches a replica, the
	// parts it must rewrite: those it holds and those its replication
	// queue will fetch. A replica still catching up (back from a crash,
	// or its fetches slow) then fetches those parts already rewritten by
	// the other replica, each covering one it counted, and the count never
	// reaches zero: the mutation is never done there (TestPruneReplica-
	// CatchingUp). So each replica first works off its queue (SYSTEM SYNC
	// REPLICA), bounded in time like the DDL.
	for i, c := range conns {
		sctx, cancel := context.WithTimeout(ctx, ddlTimeout*time.Second)
		err := c.Exec(sctx, d.q(`SYSTEM SYNC REPLICA {db}.`+local))
		cancel()
		if err != nil {
			return fmt.Errorf("prune %s: node %s: its replication queue did not drain (%w)%s", table, nodes[i].addr, err, d.replicaState(ctx, c, local))
		}
	}
	// A replica takes a shard's mutation from ZooKeeper in its own time:
	// the DDL can return before a node lists it. So each node's mutations
	// are noted first, and a node is done once it lists a new one and
	// none is pending.
	before := make([]map[string]bool, len(conns))
	for i, c := range conns {
		if before[i], err = d.mutationIDs(ctx, c, local); err != nil {
			return fmt.Errorf("prune: node %s: %w", nodes[i].addr, err)
		}
	}
	dctx := ch.Context(ctx, ch.WithSettings(ch.Settings{"distributed_ddl_task_timeout": ddlTimeout}))
	if err := d.conn.Exec(dctx, d.q(`ALTER TABLE {db}.`+local+" ON CLUSTER `"+cluster+"` DELETE WHERE "+where), args...); err != nil {
		return fmt.Errorf("prune %s: cluster %s: %w", table, cluster, err)
	}
	for i, c := range conns {
		if err := d.waitNewMutation(ctx, c, local, before[i]); err != nil {
			return fmt.Errorf("prune: node %s: %w", nodes[i].addr, err)
		}
		if err := d.waitMutations(ctx, c, local); err != nil {
			return fmt.Errorf("prune: node %s: %w", nodes[i].addr, err)
		}
	}
	return nil
}

// mutationIDs are the mutations of table the server conn talks to lists.
func (d *DB) mutationIDs(ctx context.Context, conn driver.Conn, table string) (map[string]bool, error) {
	rows, err := conn.Query(ctx, `SELECT mutation_id FROM system.mutations WHERE database = ? AND table = ?`, d.name, table)
	if err != nil {
		return nil, fmt.Errorf("%s: list mutations: %w", table, err)
	}
	defer rows.Close()
	ids := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("%s: list mutations: %w", table, err)
		}
		ids[id] = true
	}
	return ids, rows.Err()
}

// waitNewMutation waits until the server conn talks to lists a mutation
// of table not in before (2 minutes at most).
func (d *DB) waitNewMutation(ctx context.Context, conn driver.Conn, table string, before map[string]bool) error {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(2 * time.Minute)
	for {
		ids, err := d.mutationIDs(ctx, conn, table)
		if err != nil {
			return err
		}
		for id := range ids {
			if !before[id] {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: wait for mutation: %w", table, ctx.Err())
		case <-deadline:
			return fmt.Errorf("%s: the mutation did not reach this node in 2 minutes", table)
		case <-tick.C:
		}
	}
}

// waitMutations waits until table's mutations are done on the server
// conn talks to (2 minutes at most).
func (d *DB) waitMutations(ctx context.Context, conn driver.Conn, table string) error {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(2 * time.Minute)
	for {
		var pending uint64
		if err := conn.QueryRow(ctx, `SELECT count() FROM system.mutations WHERE database = ? AND table = ? AND is_done = 0`, d.name, table).Scan(&pending); err != nil {
			return fmt.Errorf("%s: wait for mutation: %w", table, err)
		}
		if pending == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: wait for mutation: %w", table, ctx.Err())
		case <-deadline:
			return fmt.Errorf("%s: mutation not done after 2 minutes%s", table, d.replicaState(ctx, conn, table))
		case <-tick.C:
		}
	}
}

// replicaState is what the server conn talks to says of table's work
// left, for an error: each pending mutation's parts to do and the
// replication queue's entries that failed or wait (a replica mutates
// only the parts it holds, and waits for those it must fetch).
func (d *DB) replicaState(ctx context.Context, conn driver.Conn, table string) string {
	var b strings.Builder
	rows, err := conn.Query(ctx, `SELECT mutation_id, parts_to_do FROM system.mutations WHERE database = ? AND table = ? AND is_done = 0`, d.name, table)
	if err != nil {
		return ""
	}
	for rows.Next() {
		var id string
		var parts int64
		if rows.Scan(&id, &parts) == nil {
			fmt.Fprintf(&b, "; mutation %s has %d parts to do", id, parts)
		}
	}
	rows.Close()
	rows, err = conn.Query(ctx, `SELECT type, new_part_name, num_tries, last_exception, postpone_reason FROM system.replication_queue WHERE database = ? AND table = ? AND (num_tries > 0 OR postpone_reason != '') ORDER BY num_tries DESC LIMIT 3`, d.name, table)
	if err != nil {
		return b.String()
	}
	for rows.Next() {
		var typ, part, exc, postponed string
		var tries uint32
		if rows.Scan(&typ, &part, &tries, &exc, &postponed) == nil {
			fmt.Fprintf(&b, "; queue: %s %s, %d tries (%s%s)", typ, part, tries, exc, postponed)
		}
	}
	rows.Close()
	return b.String()
}
