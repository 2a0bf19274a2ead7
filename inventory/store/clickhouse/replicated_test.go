package clickhouse

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/spool"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/clickhouse/chtest"
	"github.com/netcensus/netcensus/record"
)

// clusterSweep is site's sweep of hosts first..first+n-1, seen by ARP
// and SNMP: host i at 198.18.x.y (the sites reuse addresses), a MAC of
// the site, serial SNi (a device's serial whichever site sees it).
func clusterSweep(site string, first, n int, at time.Time, osVersion string) inventory.Sweep {
	var obs []record.Observation
	for i := first; i < first+n; i++ {
		ip := netip.AddrFrom4([4]byte{198, 18, byte(i >> 8), byte(i)})
		m := record.MAC{2, 0x42, site[0], 0, byte(i >> 8), byte(i)}
		obs = append(obs, record.Observation{Time: at, Source: record.SourceARP, Asset: record.Asset{IP: ip, MAC: m}},
			record.Observation{Time: at, Source: record.SourceSNMP, Asset: record.Asset{IP: ip, SysName: fmt.Sprintf("host-%d", i),
				Vendor: "Acme", Serial: fmt.Sprintf("SN%05d", i), OSVersion: osVersion, Interfaces: []record.Interface{{Index: 1, Name: "eth0", MAC: m}}}})
	}
	return inventory.Sweep{ID: store.NewUUID(at.Add(time.Duration(first))), Scanner: "scan-" + site, Site: site, Start: at, End: at,
		Segments: []netip.Prefix{netip.MustParsePrefix("198.18.0.0/16")}, Observations: obs}
}

// TestReplicatedCluster: netcensus sets up a real cluster itself (store
// init --cluster): ZooKeeper and four clickhouse-server processes, two
// shards of two replicas, all on loopback. A sweep written through one
// node is spread over both shards and read whole through another; with
// one replica killed, a second sweep is written and read through the
// others; restarted, the replica catches up.
func TestReplicatedCluster(t *testing.T) {
	t.Parallel() // its own ZooKeeper and servers
	ctx := t.Context()
	// Every node's profile reads what was written (docs/clickhouse.md)
	// but node 3's (shard 2's first replica), which store check names.
	const lagging = 2
	c := startCluster(t, 2, 2, func(i int) string {
		if i == lagging {
			return ""
		}
		return chtest.ReadsFollowWrites
	})
	begun := time.Now()
	step := func(what string) { t.Logf("%5.1f s: %s", time.Since(begun).Seconds(), what) }
	step("cluster started")
	open := func(i int) *DB {
		t.Helper()
		db, err := Open(ctx, Options{Addr: c.Nodes[i].Addr, Database: "nc"})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	w := open(0)
	if err := w.InitCluster(ctx, "nc_test", 3); err == nil {
		t.Error("a cluster of 2 replicas a shard accepted --replicas 3")
	}
	// The cluster at schema 8, then migrated: ON CLUSTER, every node
	// gets what the later schemas add (schema 9's search index, filled,
	// and schema 10's assets_current).
	const before = 8
	if err := w.initCluster(ctx, "nc_test", 2, before); err != nil {
		t.Fatal(err)
	}
	step("initialised at schema 8")
	checkNodes(t, w, func(n NodeCheck) string {
		if n.Err != nil || n.Version != before || !slices.Contains(n.Missing, "asset_search_local") || !slices.Contains(n.Missing, "asset_search") {
			return "want schema 8, without the search index (asset_search_local and its Distributed asset_search)"
		}
		return ""
	})
	if n, err := w.Migrate(ctx); err != nil || n != Latest()-before || !w.distributed {
		t.Fatalf("migrating the cluster: applied %d (%v), distributed %v", n, err, w.distributed)
	}
	current := func(n NodeCheck) string {
		if !n.Current() {
			return "not current"
		}
		return ""
	}
	checkNodes(t, w, current)
	checkNodes(t, w, func(n NodeCheck) string {
		lags := n.Addr == c.Nodes[lagging].Addr
		if want := "load_balancing = random (want in_order), prefer_localhost_replica = 1 (want 0)"; lags && n.Lag != want {
			return fmt.Sprintf("its profile's settings that let reads lag: %q, want %q", n.Lag, want)
		}
		if !lags && n.Lag != "" {
			return "want no setting that lets reads lag"
		}
		return ""
	})
	step("migrated")
	// Run again after it was cut short (the DDL done, the version not
	// recorded): it finishes, changing nothing twice.
	if err := w.conn.Exec(ctx, "ALTER TABLE nc.schema_migrations DELETE WHERE version = ?", uint32(Latest())); err != nil {
		t.Fatal(err)
	}
	// Polled through the node that migrates again too: each replica
	// applies the delete in its own time (once, at load 13, the second
	// node's Migrate applied nothing after the first node's poll had seen
	// the row gone).
	probe := open(1)
	pollUntil(t, 60*time.Second, "the version's row deleted", func() bool {
		v, err := w.check(ctx)
		vp, errp := probe.check(ctx)
		return err == nil && v == Latest()-1 && errp == nil && vp == Latest()-1
	})
	again := open(1)
	if n, err := again.Migrate(ctx); err != nil || n != 1 {
		t.Fatalf("migrating the cluster again: applied %d (%v)", n, err)
	}
	checkNodes(t, w, current)
	if err := w.InitCluster(ctx, "nc_test", 2); err != nil { // again: nothing new
		t.Fatal(err)
	}
	if n, err := w.Migrate(ctx); err != nil || n != 0 {
		t.Fatalf("after init: migrate applied %d (%v)", n, err)
	}
	// A node behind: node 4 lost a table (dropped there alone); store
	// check names it and it alone; store init puts it back.
	if err := open(3).conn.Exec(ctx, "DROP TABLE nc.locations"); err != nil {
		t.Fatal(err)
	}
	checkNodes(t, w, func(n NodeCheck) string {
		if n.Addr == c.Nodes[3].Addr {
			if n.Err != nil || !slices.Equal(n.Missing, []string{"locations"}) {
				return "want it to lack the table locations alone"
			}
			return ""
		}
		return current(n)
	})
	if err := w.InitCluster(ctx, "nc_test", 2); err != nil {
		t.Fatal(err)
	}
	checkNodes(t, w, current)
	step("store check and migration")
	res, err := identity.New(identity.DefaultOrder(), identity.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	// scanner is an inventory of site (scanner name and L2 domain) over db.
	scanner := func(db store.Store, site string) *inventory.Inventory {
		return inventory.New(db, res, inventory.Config{Scanner: "scan-" + site, Site: site, MissingAfterSweeps: 3}, nil)
	}
	// listing polls a node's listing until it holds want assets and ok
	// holds for each (replication is asynchronous).
	listing := func(db *DB, want int, ok func(*store.Asset) bool) []store.Asset {
		t.Helper()
		var as []store.Asset
		var err error
		pollUntil(t, 90*time.Second, fmt.Sprintf("node %s lists %d assets", db.addr, want), func() bool {
			as, err = db.Assets(ctx, store.AssetFilter{})
			if err != nil || len(as) != want {
				return false
			}
			for i := range as {
				if !ok(&as[i]) {
					return false
				}
			}
			return true
		})
		return as
	}
	// once checks that every device is one asset (one a serial, each
	// serial there), and that every observation of the sweeps is stored
	// exactly once (read through db, and in the tables themselves). A
	// read goes to either replica of a shard, and replication is
	// asynchronous: it asks until the answer holds, or 90 s pass.
	once := func(db *DB, sweeps map[string]int) {
		t.Helper()
		problem := func() string {
			as, err := db.Assets(ctx, store.AssetFilter{})
			if err != nil {
				return err.Error()
			}
			serials := map[string]int{}
			for _, a := range as {
				serials[a.Record.Serial]++
			}
			for sn, n := range serials {
				if n != 1 {
					return fmt.Sprintf("serial %q: %d assets", sn, n)
				}
			}
			total := 0
			for id, n := range sweeps {
				obs, err := db.Observations(ctx, id, "")
				if err != nil || len(obs) != n {
					return fmt.Sprintf("sweep %s: %d observations (%v), want %d", id, len(obs), err, n)
				}
				total += n
			}
			var rows, ids uint64
			if err := db.conn.QueryRow(ctx, "SELECT count(), uniqExact(id) FROM nc.observations FINAL").Scan(&rows, &ids); err != nil ||
				rows != uint64(total) || ids != uint64(total) {
				return fmt.Sprintf("observations FINAL: %d rows, %d IDs (%v); want %d of each", rows, ids, err, total)
			}
			return ""
		}
		pollWhy(t, 90*time.Second, problem)
	}

	// Two scanners at two sites sweep into the cluster at once, through
	// two nodes: site a hosts 0-199, site b hosts 150-349; 150-199 are
	// devices both see (one serial, a MAC of each site).
	t1 := time.Now().UTC().Add(-time.Hour).Truncate(time.Second)
	r := open(3)
	swA, swB := clusterSweep("a", 0, 200, t1, "6.1"), clusterSweep("b", 150, 200, t1, "6.1")
	errs := make(chan error, 2)
	go func() { _, err := scanner(w, "a").Ingest(ctx, swA); errs <- err }()
	go func() { _, err := scanner(r, "b").Ingest(ctx, swB); errs <- err }()
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatalf("concurrent sweeps: %v", err)
		}
	}
	step("two scanners swept at once")
	sweeps := map[string]int{swA.ID: len(swA.Observations), swB.ID: len(swB.Observations)}
	is := func(v string) func(*store.Asset) bool {
		return func(a *store.Asset) bool {
			n, _ := strconv.Atoi(strings.TrimPrefix(a.Record.Serial, "SN"))
			return n >= 200 || a.Record.OSVersion == v
		}
	}
	want := listing(w, 350, is("6.1"))
	if got := listing(r, 350, is("6.1")); !reflect.DeepEqual(got, want) {
		t.Error("the listing read through another node differs from the writer's")
	}
	once(w, sweeps)
	// A search through the index (GLOBAL IN over the Distributed
	// asset_search) lists what SearchMatch selects, through either node.
	for _, s := range []string{want[17].Record.Serial, strings.ToUpper(want[201].Record.MAC.String()[3:])} {
		var match []string
		for i := range want {
			if store.SearchMatch(&want[i].Record, s) {
				match = append(match, want[i].Record.AssetID)
			}
		}
		for _, db := range []*DB{w, r} {
			pollWhy(t, 90*time.Second, func() string {
				got, err := db.Assets(ctx, store.AssetFilter{Search: s})
				var ids []string
				for i := range got {
					ids = append(ids, got[i].Record.AssetID)
				}
				if err != nil || len(match) == 0 || !slices.Equal(ids, match) {
					return fmt.Sprintf("search %q through %s: %v (%v), SearchMatch selects %v", s, db.addr, ids, err, match)
				}
				return ""
			})
		}
	}
	// Both shards hold some of the assets.
	for _, i := range []int{0, 2} {
		var n uint64
		if err := open(i).conn.QueryRow(ctx, "SELECT count() FROM nc.assets_local").Scan(&n); err != nil || n == 0 || n >= 350*2 {
			t.Fatalf("node %d (shard %d) holds %d asset rows (%v)", i, i/2+1, n, err)
		}
	}

	// Read your writes: with the second replica of each shard fetching
	// nothing, a sweep written through node 1 is read at once, without
	// asking again, through node 4, the second replica of shard 2: both
	// nodes' profiles send a Distributed table's INSERT and SELECT to
	// the first replica of each shard, not to the node's own replica
	// (node 4's lacks the sweep).
	for _, i := range []int{1, 3} {
		if err := open(i).conn.Exec(ctx, "SYSTEM STOP FETCHES"); err != nil {
			t.Fatal(err)
		}
	}
	swRYW := clusterSweep("a", 0, 200, t1.Add(5*time.Minute), "6.1.1")
	if _, err := scanner(w, "a").Ingest(ctx, swRYW); err != nil {
		t.Fatal(err)
	}
	sweeps[swRYW.ID] = len(swRYW.Observations)
	if as, err := r.Assets(ctx, store.AssetFilter{}); err != nil || len(as) != 350 {
		t.Errorf("just after a sweep, node 4 lists %d assets (%v), want 350", len(as), err)
	} else {
		stale := 0
		for i := range as {
			if !is("6.1.1")(&as[i]) {
				stale++
			}
		}
		if stale > 0 {
			t.Errorf("just after a sweep, node 4 lists %d of the 200 swept assets as before it", stale)
		}
	}
	if obs, err := r.Observations(ctx, swRYW.ID, ""); err != nil || len(obs) != len(swRYW.Observations) {
		t.Errorf("just after a sweep, node 4 reads %d of its %d observations (%v)", len(obs), len(swRYW.Observations), err)
	}
	// The second replicas fetch again and catch up before a first one is
	// killed below (else the sweep's rows would be on a dead node alone).
	for _, i := range []int{1, 3} {
		db := open(i)
		if err := db.conn.Exec(ctx, "SYSTEM START FETCHES"); err != nil {
			t.Fatal(err)
		}
		rows, err := db.conn.Query(ctx, "SELECT database || '.' || table FROM system.replicas")
		if err != nil {
			t.Fatal(err)
		}
		var tables []string
		for rows.Next() {
			var tb string
			if err := rows.Scan(&tb); err != nil {
				t.Fatal(err)
			}
			tables = append(tables, tb)
		}
		rows.Close()
		for _, tb := range tables {
			if err := db.conn.Exec(ctx, "SYSTEM SYNC REPLICA "+tb); err != nil {
				t.Fatalf("node %d: sync replica %s: %v", i+1, tb, err)
			}
		}
	}
	step("a sweep read at once through a second replica")

	// A replica of shard 2 killed in the middle of site a's next sweep
	// (after it began writing): the sweep is stored whole, at once or
	// from the spool, and the replica catches up when it is back.
	sp := spool.New(filepath.Join(t.TempDir(), "spool.jsonl"), 0)
	deliver := func(sw inventory.Sweep, db store.Store) spool.Outcome {
		t.Helper()
		out, err := sp.Deliver(ctx, func(context.Context) (*inventory.Inventory, func(), error) {
			return scanner(db, "a"), func() {}, nil
		}, sw)
		if err != nil {
			t.Fatalf("sweep %s: %v", sw.ID, err)
		}
		return out
	}
	t2 := t1.Add(10 * time.Minute)
	sw2 := clusterSweep("a", 0, 200, t2, "6.2")
	k := &killer{DB: w, kill: func() error { return c.Nodes[2].Kill() }}
	if out := deliver(sw2, k); out.Spooled {
		t.Logf("sweep with a replica killed in it spooled (%v); replayed", out.Cause)
		if n, err := sp.Replay(ctx, scanner(w, "a")); err != nil || n != 1 {
			t.Fatalf("replaying it: %d (%v)", n, err)
		}
	}
	if !k.killed {
		t.Fatal("the replica was not killed in the sweep")
	}
	sweeps[sw2.ID] = len(sw2.Observations)
	step("a replica killed in a sweep")
	want = listing(w, 350, is("6.2"))
	if got := listing(r, 350, is("6.2")); !reflect.DeepEqual(got, want) {
		t.Error("with a replica down, the listing read through another node differs")
	}
	once(r, sweeps)
	if err := c.Nodes[2].Restart(ctx); err != nil {
		t.Fatal(err)
	}
	back := open(2)
	for _, table := range []string{"assets_local", "observations_local", "asset_keys_local", "txns"} {
		q := "SELECT count() FROM nc." + table
		pollUntil(t, 90*time.Second, "the restarted replica's "+table+" as its shard's other", func() bool {
			var a, b uint64
			err1 := back.conn.QueryRow(ctx, q).Scan(&a)
			err2 := r.conn.QueryRow(ctx, q).Scan(&b)
			return err1 == nil && err2 == nil && a == b && a > 0
		})
	}
	if got := listing(back, 350, is("6.2")); !reflect.DeepEqual(got, want) {
		t.Error("the restarted replica lists differently")
	}
	step("the replica caught up")

	// Shard 2 down whole: site a's sweep is spooled, naming the shard,
	// and replayed once by the next sweep after the shard is back.
	for _, i := range []int{2, 3} {
		if err := c.Nodes[i].Kill(); err != nil {
			t.Fatal(err)
		}
	}
	sw3, sw4 := clusterSweep("a", 0, 200, t2.Add(10*time.Minute), "6.3"), clusterSweep("a", 0, 200, t2.Add(20*time.Minute), "6.4")
	out := deliver(sw3, w)
	if !out.Spooled || out.Cause == nil || !strings.Contains(out.Cause.Error(), "shard 2 down") {
		t.Fatalf("sweep with shard 2 down: spooled %v, cause %v; want it spooled, naming shard 2", out.Spooled, out.Cause)
	}
	step("a sweep spooled with a shard down")
	for _, i := range []int{2, 3} {
		if err := c.Nodes[i].Restart(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if out := deliver(sw4, w); out.Spooled || out.Replayed != 1 {
		t.Fatalf("after the shard is back: spooled %v (%v), replayed %d; want 1 replayed, this one stored", out.Spooled, out.Cause, out.Replayed)
	}
	sweeps[sw3.ID], sweeps[sw4.ID] = len(sw3.Observations), len(sw4.Observations)
	want = listing(w, 350, is("6.4"))
	reader := open(1)
	if got := listing(reader, 350, is("6.4")); !reflect.DeepEqual(got, want) {
		t.Error("after the replay, the listing through another node differs")
	}
	once(reader, sweeps)
	// Through another node, which may still be fetching (3 of 5 sweeps
	// once, read at once).
	pollWhy(t, 90*time.Second, func() string {
		if sws, err := reader.Sweeps(ctx, 0); err != nil || len(sws) != len(sweeps) {
			return fmt.Sprintf("%d sweeps (%v), want %d", len(sws), err, len(sweeps))
		}
		return ""
	})
	step("replayed after the shard came back")

	// The views of current state, on the cluster too: assets_current
	// lists what the store's listing does.
	var fromList, fromView []string
	for _, a := range want {
		fromList = append(fromList, a.Record.AssetID+" "+a.Record.Serial+" "+a.Record.OSVersion+" "+a.Record.State)
	}
	slices.Sort(fromList)
	view := func() error {
		fromView = fromView[:0]
		rows, err := reader.conn.Query(ctx, "SELECT asset_id, serial, os_version, state FROM nc.assets_current")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, sn, v, st string
			if err := rows.Scan(&id, &sn, &v, &st); err != nil {
				return err
			}
			fromView = append(fromView, id+" "+sn+" "+v+" "+st)
		}
		slices.Sort(fromView)
		return rows.Err()
	}
	pollWhy(t, 90*time.Second, func() string {
		if err := view(); err != nil || !slices.Equal(fromView, fromList) {
			return fmt.Sprintf("assets_current on the cluster: %d rows (%v), the listing %d, or others", len(fromView), err, len(fromList))
		}
		return ""
	})
	var sw uint64
	if err := reader.conn.QueryRow(ctx, "SELECT count() FROM nc.software_current").Scan(&sw); err != nil {
		t.Errorf("software_current on the cluster: %v", err)
	}

	// Prune on a cluster: the DELETE runs ON CLUSTER on the Replicated
	// tables (the Distributed ones take none), and Prune returns once
	// every node has applied it: no node holds an observation after.
	ps, err := reader.Prune(ctx, time.Now().Add(time.Hour))
	if err != nil || ps.Observations == 0 {
		t.Fatalf("prune on the cluster: %+v, %v", ps, err)
	}
	for i := range c.Nodes {
		var obs uint64
		if err := open(i).conn.QueryRow(ctx, "SELECT count() FROM nc.observations_local").Scan(&obs); err != nil || obs != 0 {
			t.Errorf("after the prune, node %s holds %d observations (%v)", c.Nodes[i].Addr, obs, err)
		}
	}
	step("pruned")
}

// startCluster starts a test cluster of shards × replicas nodes
// (profile as for chtest.StartCluster), stopped when the test ends; the
// test is skipped where ZooKeeper or clickhouse-server is missing, but
// in the lab (NETCENSUS_LAB=1), where they must be there.
func startCluster(t *testing.T, shards, replicas int, profile func(node int) string) *chtest.Cluster {
	t.Helper()
	if lab.Err != nil {
		lab.Need(t)
	}
	c, err := chtest.StartCluster(t.Context(), t.TempDir(), "nc_test", shards, replicas, profile)
	if errors.Is(err, chtest.ErrNoZooKeeper) || errors.Is(err, chtest.ErrNoBinary) {
		if os.Getenv("NETCENSUS_LAB") == "1" {
			t.Fatalf("%v (NETCENSUS_LAB=1: required)", err)
		}
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// killer is a store that runs kill once, when the ingest through it
// first writes observations: a server dies in the middle of a sweep.
type killer struct {
	*DB
	kill   func() error
	killed bool
}

func (k *killer) Atomically(ctx context.Context, fn func(ctx context.Context, tx store.Store) error) error {
	return k.DB.Atomically(ctx, func(ctx context.Context, _ store.Store) error { return fn(ctx, k) })
}

func (k *killer) AppendObservations(ctx context.Context, obs []store.Observation) error {
	if !k.killed {
		k.killed = true
		if err := k.kill(); err != nil {
			return err
		}
	}
	return k.DB.AppendObservations(ctx, obs)
}

// checkNodes runs CheckSchema through db and fails for each node whose
// check bad explains (it returns "" for a node as wanted).
func checkNodes(t *testing.T, db *DB, bad func(NodeCheck) string) {
	t.Helper()
	cluster, nodes, err := db.CheckSchema(t.Context())
	if err != nil || cluster != "nc_test" || len(nodes) != 4 {
		t.Fatalf("store check: cluster %q, %d nodes (%v)", cluster, len(nodes), err)
	}
	for _, n := range nodes {
		if why := bad(n); why != "" {
			t.Errorf("store check: %s: %s", n, why)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

// pollWhy polls problem until it says none ("") or timeout passes, and
// fails with the last one it said.
func pollWhy(t *testing.T, timeout time.Duration, problem func() string) {
	t.Helper()
	last := ""
	deadline := time.Now().Add(timeout)
	for last = problem(); last != ""; last = problem() {
		if time.Now().After(deadline) {
			t.Fatalf("after %s: %s", timeout, last)
		}
		select {
		case <-t.Context().Done():
			t.Fatal(t.Context().Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// pollUntil polls cond until it holds or timeout passes.
func pollUntil(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not after %s", what, timeout)
		}
		select {
		case <-t.Context().Done():
			t.Fatal(t.Context().Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}
