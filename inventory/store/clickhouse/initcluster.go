package clickhouse

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// A cluster's schema (store init --cluster): every table of the latest
// schema as a Replicated* table NAME_local on every node, with the
// {shard} and {replica} macros, and in front of it a Distributed table
// under the name netcensus reads and writes, sharded by asset (asset_id,
// else the row's id, so every version of a row sits on one shard). The
// tables that are not the CMDB's rows (schema_migrations, txns, serve's
// schedules and alert outbox) are replicated to every node alike, so each
// node knows the schema version and which change sets are open. The DDL
// is made from the single-node schema itself (migrated into a scratch
// database on the node, read from system.tables and system.columns), so
// it never falls behind the migrations.

// everywhere are the tables replicated to every node, not sharded.
var everywhere = []string{"schema_migrations", "txns", "schedules", "alert_outbox"}

// ClusterShard is one shard of a cluster as the node sees it.
type ClusterShard struct {
	Num      uint32
	Replicas []string // host:port
}

// ClusterShards returns the shards of cluster in the node's
// remote_servers.
func (d *DB) ClusterShards(ctx context.Context, cluster string) ([]ClusterShard, error) {
	rows, err := d.conn.Query(ctx, `SELECT shard_num, host_name, port FROM system.clusters WHERE cluster = ? ORDER BY shard_num, replica_num`, cluster)
	if err != nil {
		return nil, fmt.Errorf("cluster %s: %w", cluster, err)
	}
	defer rows.Close()
	var out []ClusterShard
	for rows.Next() {
		var num uint32
		var host string
		var port uint16
		if err := rows.Scan(&num, &host, &port); err != nil {
			return nil, fmt.Errorf("cluster %s: %w", cluster, err)
		}
		if len(out) == 0 || out[len(out)-1].Num != num {
			out = append(out, ClusterShard{Num: num})
		}
		out[len(out)-1].Replicas = append(out[len(out)-1].Replicas, fmt.Sprintf("%s:%d", host, port))
	}
	return out, rows.Err()
}

// InitCluster creates the whole schema on cluster (ON CLUSTER: every
// node runs it), at the latest version, and records that version. With
// replicas > 0, every shard must have that many replicas. Run again, it
// creates nothing that exists. The database must hold no netcensus
// schema yet, or one InitCluster made.
func (d *DB) InitCluster(ctx context.Context, cluster string, replicas int) error {
	return d.initCluster(ctx, cluster, replicas, len(migrations))
}

// initCluster is InitCluster at schema version to (tests make a cluster
// of an older schema to migrate).
func (d *DB) initCluster(ctx context.Context, cluster string, replicas, to int) error {
	if strings.ContainsAny(cluster, "`'\"\\ \x00") || cluster == "" {
		return fmt.Errorf("cluster name %q", cluster)
	}
	shards, err := d.ClusterShards(ctx, cluster)
	if err != nil {
		return err
	}
	if len(shards) == 0 {
		return fmt.Errorf("cluster %s: not in this server's remote_servers (%s)", cluster, d.addr)
	}
	for _, s := range shards {
		if replicas > 0 && len(s.Replicas) != replicas {
			return fmt.Errorf("cluster %s: shard %d has %d replicas (%s), --replicas says %d", cluster, s.Num, len(s.Replicas),
				strings.Join(s.Replicas, ", "), replicas)
		}
	}
	if d.opened > 0 && !d.distributed {
		return fmt.Errorf("clickhouse %s/%s: holds a single-node netcensus schema (version %d): init the cluster in a new database", d.addr, d.name, d.opened)
	}
	tables, err := d.latestTables(ctx, to)
	if err != nil {
		return fmt.Errorf("cluster %s: the schema: %w", cluster, err)
	}
	stmts, err := d.clusterTables(cluster, tables)
	if err != nil {
		return err
	}
	for _, q := range stmts {
		if err := d.conn.Exec(ctx, d.q(q)); err != nil {
			return fmt.Errorf("cluster %s: %w (%.120s)", cluster, err, q)
		}
	}
	var have []uint32
	rows, err := d.conn.Query(ctx, d.q(`SELECT DISTINCT version FROM {db}.schema_migrations`))
	if err != nil {
		return fmt.Errorf("cluster %s: schema version: %w", cluster, err)
	}
	for rows.Next() {
		var v uint32
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return fmt.Errorf("cluster %s: schema version: %w", cluster, err)
		}
		have = append(have, v)
	}
	rows.Close()
	var add []uint32
	for v := uint32(1); v <= uint32(to); v++ {
		if !slices.Contains(have, v) {
			add = append(add, v)
		}
	}
	if err := d.insert(ctx, "schema versions", "schema_migrations", "version, applied", len(add), func(i int) []any {
		return []any{add[i], ts(time.Now())}
	}); err != nil {
		return fmt.Errorf("cluster %s: %w", cluster, err)
	}
	d.opened, err = d.check(ctx)
	return err
}

// localName is the name of table's Replicated table on every node:
// NAME_local, or the name itself for the tables replicated everywhere.
func localName(table string) string {
	if slices.Contains(everywhere, table) {
		return table
	}
	return table + "_local"
}

// clusterTables is the DDL, ON CLUSTER and each statement idempotent,
// that creates tables on cluster: each one's Replicated table on every
// node and, for the sharded ones, the Distributed table in front; then
// the views of current state over them.
func (d *DB) clusterTables(cluster string, tables []latestTable) ([]string, error) {
	on := " ON CLUSTER `" + cluster + "`"
	stmts := []string{`CREATE DATABASE IF NOT EXISTS {db}` + on}
	for _, t := range tables {
		path := `/clickhouse/tables/{shard}/` + d.name + `/` + t.name
		replica := `{replica}`
		local := localName(t.name)
		if local == t.name {
			path, replica = `/clickhouse/tables/all/`+d.name+`/`+t.name, `{shard}-{replica}`
		}
		engine, err := replicated(t.engine, path, replica)
		if err != nil {
			return nil, fmt.Errorf("cluster %s: table %s: %w", cluster, t.name, err)
		}
		stmts = append(stmts, `CREATE TABLE IF NOT EXISTS {db}.`+local+on+` (`+t.cols+`) ENGINE = `+engine)
		if local != t.name {
			stmts = append(stmts, `CREATE TABLE IF NOT EXISTS {db}.`+t.name+on+` AS {db}.`+local+
				` ENGINE = Distributed(`+cluster+`, `+d.name+`, `+local+`, cityHash64(`+t.shardKey+`))`)
		}
	}
	for _, v := range currentViews() {
		stmts = append(stmts, clusterView(v, cluster))
	}
	return stmts, nil
}

// clusterView is view v on cluster: created ON CLUSTER, its subqueries
// GLOBAL (over Distributed tables a plain IN would run each of them on
// every shard against the Distributed table again).
func clusterView(v, cluster string) string {
	v = strings.Replace(v, " AS SELECT", " ON CLUSTER `"+cluster+"` AS SELECT", 1)
	v = strings.ReplaceAll(v, " NOT IN (SELECT", " GLOBAL NOT\x00IN (SELECT")
	v = strings.ReplaceAll(v, " IN (SELECT", " GLOBAL IN (SELECT")
	return strings.ReplaceAll(v, "NOT\x00IN", "NOT IN")
}

// latestTable is a table of the single-node schema: columns with their
// types, engine with its clauses, and the column it is sharded by.
type latestTable struct {
	name, cols, engine, shardKey string
	// colList is cols one by one: name and type.
	colList [][2]string
}

// latestTables migrates a scratch database on the node to schema version
// to and reads its tables back (views left out), then drops it.
func (d *DB) latestTables(ctx context.Context, to int) ([]latestTable, error) {
	scratch := d.name + "_netcensus_schema"
	p := &DB{conn: d.conn, db: "`" + scratch + "`", name: scratch, addr: d.addr}
	if err := d.conn.Exec(ctx, "DROP DATABASE IF EXISTS "+p.db); err != nil {
		return nil, err
	}
	defer d.conn.Exec(context.WithoutCancel(ctx), "DROP DATABASE IF EXISTS "+p.db)
	if _, err := p.migrate(ctx, to); err != nil {
		return nil, err
	}
	rows, err := d.conn.Query(ctx, `SELECT name, engine_full FROM system.tables WHERE database = ? AND engine LIKE '%MergeTree' ORDER BY name`, scratch)
	if err != nil {
		return nil, err
	}
	var out []latestTable
	for rows.Next() {
		var t latestTable
		if err := rows.Scan(&t.name, &t.engine); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		t := &out[i]
		crows, err := d.conn.Query(ctx, `SELECT name, type FROM system.columns WHERE database = ? AND table = ?`, scratch, t.name)
		if err != nil {
			return nil, err
		}
		var cols []string
		t.shardKey = "id"
		for crows.Next() {
			var n, typ string
			if err := crows.Scan(&n, &typ); err != nil {
				crows.Close()
				return nil, err
			}
			cols = append(cols, n+" "+typ)
			t.colList = append(t.colList, [2]string{n, typ})
			if n == "asset_id" {
				t.shardKey = "asset_id"
			}
		}
		crows.Close()
		if err := crows.Err(); err != nil {
			return nil, err
		}
		t.cols = strings.Join(cols, ", ")
	}
	return out, nil
}

// replicated turns a MergeTree family engine (as system.tables'
// engine_full writes it) into its Replicated form at path and replica.
func replicated(engine, path, replica string) (string, error) {
	name, rest, _ := strings.Cut(engine, " ")
	args := ""
	if i := strings.IndexByte(name, '('); i >= 0 {
		// "ReplacingMergeTree(ver)" with no space before the clauses.
		name, args = name[:i], strings.TrimSuffix(name[i+1:], ")")
	}
	if !strings.HasSuffix(name, "MergeTree") || strings.HasPrefix(name, "Replicated") {
		return "", fmt.Errorf("engine %q: not a MergeTree", engine)
	}
	a := `'` + path + `', '` + replica + `'`
	if args != "" {
		a += ", " + args
	}
	return "Replicated" + name + "(" + a + ") " + rest, nil
}
