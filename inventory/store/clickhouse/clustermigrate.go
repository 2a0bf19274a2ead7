package clickhouse

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	ch "github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// Schema changes on a cluster (one store init --cluster made): Migrate
// brings every node to the latest schema ON CLUSTER, from the single-node
// schema as InitCluster does: the tables a newer schema adds are created
// (Replicated on every node, Distributed in front), the columns it adds
// are added to each node's tables that lack them, and only then is the
// version recorded (schema_migrations is replicated to every node). Every
// statement is idempotent and every node is asked afterwards, so a run
// cut short is finished by the next. CheckSchema asks every node what it
// has and names the ones behind.

// clusterFloor is the oldest schema a cluster can be migrated from: the
// steps before it rewrite rows on one server and have no cluster form
// (store init --cluster has made the latest schema since schema 8).
const clusterFloor = 7

// ddlTimeout bounds how long an ON CLUSTER statement waits for the nodes
// to run it (distributed_ddl_task_timeout).
const ddlTimeout = 120

// clusterName is the cluster the Distributed assets table is over.
func (d *DB) clusterName(ctx context.Context) (string, error) {
	var engine string
	if err := d.conn.QueryRow(ctx, `SELECT engine_full FROM system.tables WHERE database = ? AND name = 'assets'`, d.name).Scan(&engine); err != nil {
		return "", fmt.Errorf("clickhouse %s/%s: the cluster of assets: %w", d.addr, d.name, err)
	}
	_, args, ok := strings.Cut(engine, "Distributed(")
	name, _, _ := strings.Cut(args, ",")
	name = strings.Trim(strings.TrimSpace(name), "'`\"")
	if !ok || name == "" {
		return "", fmt.Errorf("clickhouse %s/%s: assets is not a Distributed table (%q)", d.addr, d.name, engine)
	}
	return name, nil
}

// node is one server of a cluster.
type node struct {
	shard uint32
	addr  string
}

// nodes are the servers of cluster, shard by shard.
func (d *DB) nodes(ctx context.Context, cluster string) ([]node, error) {
	shards, err := d.ClusterShards(ctx, cluster)
	if err != nil {
		return nil, err
	}
	var out []node
	for _, s := range shards {
		for _, r := range s.Replicas {
			out = append(out, node{s.Num, r})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("cluster %s: not in %s's remote_servers", cluster, d.addr)
	}
	return out, nil
}

// dial connects to another server as d did, and checks it answers.
func (d *DB) dial(ctx context.Context, addr string) (driver.Conn, error) {
	timeout := cmp.Or(d.opts.DialTimeout, 5*time.Second)
	conn, err := ch.Open(&ch.Options{
		Addr:         []string{addr},
		Auth:         ch.Auth{Database: "default", Username: d.opts.Username, Password: d.opts.Password},
		DialTimeout:  timeout,
		MaxOpenConns: 2,
	})
	if err != nil {
		return nil, err
	}
	pctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := conn.Ping(pctx); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// wantColumns are the tables and their columns every node of a cluster
// (distributed) or the one server holds at the schema of tables.
func wantColumns(tables []latestTable, distributed bool) map[string][][2]string {
	out := map[string][][2]string{}
	for _, t := range tables {
		if !distributed {
			out[t.name] = t.colList
			continue
		}
		out[localName(t.name)] = t.colList
		out[t.name] = t.colList
	}
	return out
}

// nodeColumns are the columns of database db on a server, as
// "table.column".
func nodeColumns(ctx context.Context, conn driver.Conn, db string) (map[string]bool, error) {
	rows, err := conn.Query(ctx, `SELECT table, name FROM system.columns WHERE database = ?`, db)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			return nil, err
		}
		have[t] = true
		have[t+"."+c] = true
	}
	return have, rows.Err()
}

// missing lists what want has and have lacks: a table, or table.column
// of a table there.
func missing(want map[string][][2]string, have map[string]bool) []string {
	var out []string
	for t, cols := range want {
		if !have[t] {
			out = append(out, t)
			continue
		}
		for _, c := range cols {
			if !have[t+"."+c[0]] {
				out = append(out, t+"."+c[0])
			}
		}
	}
	slices.Sort(out)
	return out
}

// migrateCluster brings every node of the store's cluster to schema to.
func (d *DB) migrateCluster(ctx context.Context, to int) (int, error) {
	v, err := d.check(ctx)
	if err != nil || v >= to {
		return 0, err
	}
	cluster, err := d.clusterName(ctx)
	if err != nil {
		return 0, err
	}
	if v < clusterFloor {
		return 0, fmt.Errorf("cluster %s: schema version %d: a cluster migrates from schema %d on (store init --cluster a new database and copy the rows)", cluster, v, clusterFloor)
	}
	nodes, err := d.nodes(ctx, cluster)
	if err != nil {
		return 0, err
	}
	// Every node first: an ON CLUSTER statement would wait for a node
	// that is down, and the version is recorded only once all have it.
	conns := make([]driver.Conn, len(nodes))
	defer func() {
		for _, c := range conns {
			if c != nil {
				c.Close()
			}
		}
	}()
	for i, n := range nodes {
		if conns[i], err = d.dial(ctx, n.addr); err != nil {
			return 0, fmt.Errorf("cluster %s: node %s (shard %d) does not answer (%w): a cluster's schema changes on every node at once; start it and migrate again", cluster, n.addr, n.shard, err)
		}
	}
	tables, err := d.latestTables(ctx, to)
	if err != nil {
		return 0, fmt.Errorf("cluster %s: the schema: %w", cluster, err)
	}
	stmts, err := d.clusterTables(cluster, tables)
	if err != nil {
		return 0, err
	}
	if v < assetsCurrentSince {
		// The view changed: CREATE VIEW IF NOT EXISTS keeps an old one.
		stmts = append([]string{"DROP TABLE IF EXISTS {db}.assets_current ON CLUSTER `" + cluster + "`"}, stmts...)
	}
	dctx := ch.Context(ctx, ch.WithSettings(ch.Settings{"distributed_ddl_task_timeout": ddlTimeout}))
	for _, q := range stmts {
		if err := d.conn.Exec(dctx, d.q(q)); err != nil {
			return 0, fmt.Errorf("cluster %s: migrate to %d: %w (%.120s)", cluster, to, err, q)
		}
	}
	// The columns any node lacks: added ON CLUSTER to the Replicated
	// table (one replica of a shard runs it, ZooKeeper takes it to the
	// others; a shard that has it already refuses the statement, and
	// what counts is that every node has it afterwards), then to the
	// Distributed table in front on each node that lacks it (ON CLUSTER
	// refuses a table that is not replicated on a replicated cluster).
	want := wantColumns(tables, true)
	have := make([]map[string]bool, len(nodes))
	read := func() error {
		for i, c := range conns {
			if have[i], err = nodeColumns(ctx, c, d.name); err != nil {
				return fmt.Errorf("cluster %s: node %s: columns: %w", cluster, nodes[i].addr, err)
			}
		}
		return nil
	}
	if err := read(); err != nil {
		return 0, err
	}
	on := " ON CLUSTER `" + cluster + "`"
	var refused []string
	for _, t := range tables {
		local := localName(t.name)
		for _, c := range t.colList {
			add := ` ADD COLUMN ` + c[0] + ` ` + c[1]
			for i := range nodes {
				if !have[i][local+"."+c[0]] {
					q := `ALTER TABLE {db}.` + local + on + add
					if err := d.conn.Exec(dctx, d.q(q)); err != nil {
						refused = append(refused, fmt.Sprintf("%s.%s: %v", local, c[0], err))
					}
					break
				}
			}
		}
		if local == t.name {
			continue
		}
		for i, conn := range conns {
			for _, c := range t.colList {
				if have[i][t.name+"."+c[0]] {
					continue
				}
				if err := conn.Exec(ctx, d.q(`ALTER TABLE {db}.`+t.name+` ADD COLUMN `+c[0]+` `+c[1])); err != nil {
					return 0, fmt.Errorf("cluster %s: node %s: add %s.%s: %w", cluster, nodes[i].addr, t.name, c[0], err)
				}
			}
		}
	}
	// Every node has the schema (a replica takes its shard's ALTER from
	// ZooKeeper: asked until it has, or a minute passes).
	deadline := time.Now().Add(time.Minute)
	for {
		if err := read(); err != nil {
			return 0, err
		}
		var behind []string
		for i, n := range nodes {
			if m := missing(want, have[i]); len(m) > 0 {
				behind = append(behind, fmt.Sprintf("%s (shard %d) lacks %s", n.addr, n.shard, strings.Join(m, ", ")))
			}
		}
		if len(behind) == 0 {
			break
		}
		if time.Now().After(deadline) {
			return 0, fmt.Errorf("cluster %s: migrate to %d: %s (refused: %s); migrate again", cluster, to, strings.Join(behind, "; "), strings.Join(refused, "; "))
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	// The rewrites that have a cluster form, through the Distributed
	// tables (each idempotent: a run cut short does it again).
	for i := v; i < to; i++ {
		if m := migrations[i]; m.cluster && m.data != nil {
			if err := m.data(d, ctx); err != nil {
				return 0, fmt.Errorf("cluster %s: migrate to %d: %w", cluster, i+1, err)
			}
		}
	}
	var add []uint32
	for i := v + 1; i <= to; i++ {
		add = append(add, uint32(i))
	}
	if err := d.insert(ctx, "schema versions", "schema_migrations", "version, applied", len(add), func(i int) []any {
		return []any{add[i], ts(time.Now())}
	}); err != nil {
		return 0, fmt.Errorf("cluster %s: %w", cluster, err)
	}
	d.opened = to
	return len(add), nil
}

// NodeCheck is what one server holds of the store's schema.
type NodeCheck struct {
	// Shard is the node's shard (0: a single server).
	Shard uint32
	Addr  string
	// Version is the schema version the node's schema_migrations says.
	Version int
	// Missing are the tables and table.columns of the latest schema the
	// node lacks.
	Missing []string
	// Err: the node could not be asked.
	Err error
	// Lag, when not empty, names the settings of the node's profile (the
	// user netcensus connects as) that let a read through it miss the
	// last writes, the node being one of several replicas of a shard: a
	// Distributed table's INSERT and SELECT may go to different replicas
	// of a shard, one still fetching (load_balancing is not in_order, or
	// prefer_localhost_replica is on).
	Lag string
}

// lagSettings names the settings of a node's profile that let its reads
// miss the last writes on a replicated cluster ("" when none do).
func lagSettings(loadBalancing, preferLocal string) string {
	var bad []string
	if loadBalancing != "in_order" {
		bad = append(bad, "load_balancing = "+loadBalancing+" (want in_order)")
	}
	if preferLocal != "0" {
		bad = append(bad, "prefer_localhost_replica = "+preferLocal+" (want 0)")
	}
	return strings.Join(bad, ", ")
}

// Current is whether the node holds the latest schema whole.
func (n NodeCheck) Current() bool {
	return n.Err == nil && n.Version == len(migrations) && len(n.Missing) == 0
}

func (n NodeCheck) String() string {
	where := n.Addr
	if n.Shard > 0 {
		where = fmt.Sprintf("%s (shard %d)", n.Addr, n.Shard)
	}
	switch {
	case n.Err != nil:
		return fmt.Sprintf("%s: not reachable: %v", where, n.Err)
	case n.Current():
		if n.Lag != "" {
			return fmt.Sprintf("%s: schema version %d, current; reads through it may miss the last writes: %s (docs/clickhouse.md)", where, n.Version, n.Lag)
		}
		return fmt.Sprintf("%s: schema version %d, current", where, n.Version)
	case len(n.Missing) > 0:
		m := n.Missing
		more := ""
		if len(m) > 8 {
			m, more = m[:8], fmt.Sprintf(" and %d more", len(n.Missing)-8)
		}
		return fmt.Sprintf("%s: schema version %d of %d, lacks %s%s", where, n.Version, len(migrations), strings.Join(m, ", "), more)
	}
	return fmt.Sprintf("%s: schema version %d of %d", where, n.Version, len(migrations))
}

// Behind is how a schema check ends when some nodes do not hold the
// latest schema whole: how many of how many (of the cluster, when there
// is one), naming them; nil when every node does.
func Behind(cluster string, nodes []NodeCheck) error {
	var behind []string
	for _, n := range nodes {
		if !n.Current() {
			behind = append(behind, n.Addr)
		}
	}
	if len(behind) == 0 {
		return nil
	}
	of := ""
	if cluster != "" {
		of = " of cluster " + cluster
	}
	return fmt.Errorf("%d of %d nodes%s not at schema version %d whole: %s", len(behind), len(nodes), of, len(migrations), strings.Join(behind, ", "))
}

// CheckSchema asks every server of the store for its schema version and
// tables: on a cluster, each node of it, directly; else the one server.
// The cluster's name is "" for a single server.
func (d *DB) CheckSchema(ctx context.Context) (string, []NodeCheck, error) {
	tables, err := d.latestTables(ctx, len(migrations))
	if err != nil {
		return "", nil, fmt.Errorf("clickhouse %s/%s: the schema: %w", d.addr, d.name, err)
	}
	want := wantColumns(tables, d.distributed)
	if !d.distributed {
		return "", []NodeCheck{checkNode(ctx, d.conn, d, node{addr: d.addr}, want)}, nil
	}
	cluster, err := d.clusterName(ctx)
	if err != nil {
		return "", nil, err
	}
	nodes, err := d.nodes(ctx, cluster)
	if err != nil {
		return cluster, nil, err
	}
	replicas := map[uint32]int{}
	for _, n := range nodes {
		replicas[n.shard]++
	}
	out := make([]NodeCheck, len(nodes))
	for i, n := range nodes {
		conn, err := d.dial(ctx, n.addr)
		if err != nil {
			out[i] = NodeCheck{Shard: n.shard, Addr: n.addr, Err: err}
			continue
		}
		out[i] = checkNode(ctx, conn, d, n, want)
		if out[i].Err == nil && replicas[n.shard] > 1 {
			var lb, local string
			err := conn.QueryRow(ctx, `SELECT anyIf(value, name = 'load_balancing'), anyIf(value, name = 'prefer_localhost_replica')
				FROM system.settings WHERE name IN ('load_balancing', 'prefer_localhost_replica')`).Scan(&lb, &local)
			if err != nil {
				out[i].Err = err
			} else {
				out[i].Lag = lagSettings(lb, local)
			}
		}
		conn.Close()
	}
	return cluster, out, nil
}

// checkNode reads one server's schema version and what it lacks.
func checkNode(ctx context.Context, conn driver.Conn, d *DB, n node, want map[string][][2]string) NodeCheck {
	nc := NodeCheck{Shard: n.shard, Addr: n.addr}
	have, err := nodeColumns(ctx, conn, d.name)
	if err != nil {
		nc.Err = err
		return nc
	}
	nc.Missing = missing(want, have)
	if have["schema_migrations"] {
		var v uint32
		if err := conn.QueryRow(ctx, d.q(`SELECT max(version) FROM {db}.schema_migrations`)).Scan(&v); err != nil {
			nc.Err = err
			return nc
		}
		nc.Version = int(v)
	}
	return nc
}

// shardsDown adds to err, on a cluster, which shards have no node that
// answers (a sweep that failed for that is spooled: the user is told
// which shard to bring back) and which nodes do not answer.
func (d *DB) shardsDown(ctx context.Context, err error) error {
	if err == nil || !d.distributed || ctx.Err() != nil {
		return err
	}
	cluster, cerr := d.clusterName(ctx)
	if cerr != nil {
		return err
	}
	nodes, cerr := d.nodes(ctx, cluster)
	if cerr != nil {
		return err
	}
	up := map[uint32]bool{}
	var down []string
	for _, n := range nodes {
		c, derr := d.dial(ctx, n.addr)
		if derr != nil {
			down = append(down, fmt.Sprintf("%s (shard %d)", n.addr, n.shard))
			continue
		}
		c.Close()
		up[n.shard] = true
	}
	if len(down) == 0 {
		return err
	}
	var dead []string
	for _, n := range nodes {
		if !up[n.shard] && !slices.Contains(dead, fmt.Sprint(n.shard)) {
			dead = append(dead, fmt.Sprint(n.shard))
		}
	}
	if len(dead) > 0 {
		return fmt.Errorf("cluster %s: shard %s down, no replica answers (%s): %w", cluster, strings.Join(dead, ", "), strings.Join(down, ", "), err)
	}
	return fmt.Errorf("cluster %s: not answering: %s: %w", cluster, strings.Join(down, ", "), err)
}
