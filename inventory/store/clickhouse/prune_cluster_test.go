package clickhouse

import (
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store/clickhouse/chtest"
)

// TestPruneReplicaCatchingUp: a prune while a replica is still fetching
// the parts its shard wrote. ClickHouse 18.16 counts, when the mutation
// reaches that replica, the parts its queue will produce; it then fetches
// the parts the other replica has already rewritten, each covering one it
// counted, and the count never reaches zero: the replica's mutation was
// never done, and Prune waited for it until it gave up. Prune now lets
// each replica work off its queue first, and returns with the rows gone
// from both.
func TestPruneReplicaCatchingUp(t *testing.T) {
	t.Parallel() // its own ZooKeeper and servers
	ctx := t.Context()
	c := startCluster(t, 1, 2, func(int) string { return chtest.ReadsFollowWrites })
	var dbs []*DB
	for _, n := range c.Nodes {
		db, err := Open(ctx, Options{Addr: n.Addr, Database: "nc"})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs = append(dbs, db)
	}
	w, lagging := dbs[0], dbs[1]
	if err := w.InitCluster(ctx, "nc_test", 2); err != nil {
		t.Fatal(err)
	}
	res, err := identity.New(identity.DefaultOrder(), identity.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	inv := inventory.New(w, res, inventory.Config{Scanner: "scan-a", Site: "a", MissingAfterSweeps: 3}, nil)

	// Two sweeps written through the first replica while the second
	// fetches nothing: its queue holds their parts.
	if err := lagging.conn.Exec(ctx, "SYSTEM STOP FETCHES nc.observations_local"); err != nil {
		t.Fatal(err)
	}
	t0 := time.Now().UTC().Add(-time.Hour).Truncate(time.Second)
	for i, v := range []string{"1.0", "1.1"} {
		if _, err := inv.Ingest(ctx, clusterSweep("a", 0, 40, t0.Add(time.Duration(i)*10*time.Minute), v)); err != nil {
			t.Fatal(err)
		}
	}
	var queued uint64
	if err := lagging.conn.QueryRow(ctx, "SELECT count() FROM system.replication_queue WHERE database = 'nc' AND table = 'observations_local'").Scan(&queued); err != nil || queued == 0 {
		t.Fatalf("the second replica's queue: %d entries (%v), want the sweeps' parts", queued, err)
	}
	// It fetches again a moment after the prune began.
	go func() {
		time.Sleep(8 * time.Second)
		lagging.conn.Exec(ctx, "SYSTEM START FETCHES nc.observations_local")
	}()
	begun := time.Now()
	ps, err := w.Prune(ctx, time.Now())
	if err != nil || ps.Observations != 160 {
		t.Fatalf("prune: %+v, %v (after %s); want the 160 observations before the cut deleted", ps, err, time.Since(begun).Round(time.Second))
	}
	for i, db := range dbs {
		var n uint64
		if err := db.conn.QueryRow(ctx, "SELECT count() FROM nc.observations_local").Scan(&n); err != nil || n != 0 {
			t.Errorf("replica %d holds %d observations (%v) after the prune, want none", i+1, n, err)
		}
	}
}
