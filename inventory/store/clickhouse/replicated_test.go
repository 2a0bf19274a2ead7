package clickhouse

import (
	"errors"
	"fmt"
	"net/netip"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/clickhouse/chtest"
	"github.com/netcensus/netcensus/record"
)

// clusterSweep is a sweep of n hosts of 198.18.x.y seen by ARP and SNMP.
func clusterSweep(n int, at time.Time, tag string) inventory.Sweep {
	var obs []record.Observation
	for i := range n {
		ip := netip.AddrFrom4([4]byte{198, 18, byte(i >> 8), byte(i)})
		m := record.MAC{2, 0x42, 0, 0, byte(i >> 8), byte(i)}
		obs = append(obs, record.Observation{Time: at, Source: record.SourceARP, Asset: record.Asset{IP: ip, MAC: m}},
			record.Observation{Time: at, Source: record.SourceSNMP, Asset: record.Asset{IP: ip, SysName: fmt.Sprintf("host-%d", i),
				Serial: fmt.Sprintf("SN%05d", i), OSVersion: tag, Interfaces: []record.Interface{{Index: 1, Name: "eth0", MAC: m}}}})
	}
	return inventory.Sweep{Start: at, End: at, Segments: []netip.Prefix{netip.MustParsePrefix("198.18.0.0/16")}, Observations: obs}
}

// TestReplicatedCluster: netcensus sets up a real cluster itself (store
// init --cluster): ZooKeeper and four clickhouse-server processes, two
// shards of two replicas, all on loopback. A sweep written through one
// node is spread over both shards and read whole through another; with
// one replica killed, a second sweep is written and read through the
// others; restarted, the replica catches up.
func TestReplicatedCluster(t *testing.T) {
	if lab.Err != nil {
		lab.Need(t)
	}
	ctx := t.Context()
	c, err := chtest.StartCluster(ctx, t.TempDir(), "nc_test", 2, 2)
	if errors.Is(err, chtest.ErrNoZooKeeper) || errors.Is(err, chtest.ErrNoBinary) {
		if os.Getenv("NETCENSUS_LAB") == "1" {
			t.Fatalf("%v (NETCENSUS_LAB=1: required)", err)
		}
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
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
	for range 2 { // again: nothing new
		if err := w.InitCluster(ctx, "nc_test", 2); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := w.Migrate(ctx); err != nil || n != 0 || !w.distributed {
		t.Fatalf("after init: migrate applied %d (%v), distributed %v", n, err, w.distributed)
	}
	res, err := identity.New(identity.DefaultOrder(), identity.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	t1 := time.Now().UTC().Add(-time.Hour).Truncate(time.Second)
	if _, err := inventory.New(w, res, inventory.Config{MissingAfterSweeps: 3}, nil).Ingest(ctx, clusterSweep(300, t1, "6.1")); err != nil {
		t.Fatal(err)
	}
	// Both shards hold some of the assets.
	for _, i := range []int{0, 2} {
		var n uint64
		if err := open(i).conn.QueryRow(ctx, "SELECT count() FROM nc.assets_local").Scan(&n); err != nil || n == 0 || n >= 300*2 {
			t.Fatalf("node %d (shard %d) holds %d asset rows (%v)", i, i/2+1, n, err)
		}
	}
	// eventually polls a node's listing until it has want assets, each
	// with osVersion (replication is asynchronous).
	eventually := func(db *DB, want int, osVersion string) []store.Asset {
		t.Helper()
		deadline := time.Now().Add(90 * time.Second)
		for {
			as, err := db.Assets(ctx, store.AssetFilter{})
			ok := err == nil && len(as) == want
			for i := 0; ok && i < len(as); i++ {
				ok = as[i].Record.OSVersion == osVersion
			}
			if ok {
				return as
			}
			if time.Now().After(deadline) {
				t.Fatalf("node %s: %d assets (%v), want %d with os_version %s", db.addr, len(as), err, want, osVersion)
			}
			select {
			case <-ctx.Done():
				t.Fatal(ctx.Err())
			case <-time.After(200 * time.Millisecond):
			}
		}
	}
	want := eventually(w, 300, "6.1")
	r := open(3)
	if got := eventually(r, 300, "6.1"); !reflect.DeepEqual(got, want) {
		t.Error("the listing read through another node differs from the writer's")
	}

	// One replica of shard 2 down: the next sweep still goes in whole,
	// and reads through the others see it.
	if err := c.Nodes[2].Kill(); err != nil {
		t.Fatal(err)
	}
	t2 := t1.Add(30 * time.Minute)
	if _, err := inventory.New(w, res, inventory.Config{MissingAfterSweeps: 3}, nil).Ingest(ctx, clusterSweep(300, t2, "6.2")); err != nil {
		t.Fatalf("sweep with a replica down: %v", err)
	}
	want = eventually(w, 300, "6.2")
	if got := eventually(r, 300, "6.2"); !reflect.DeepEqual(got, want) {
		t.Error("with a replica down, the listing read through another node differs")
	}
	sws, err := r.Sweeps(ctx, 0)
	if err != nil || len(sws) != 2 {
		t.Errorf("%d sweeps through node 3 (%v), want 2", len(sws), err)
	}
	// Back, the replica catches up with its shard.
	if err := c.Nodes[2].Restart(ctx); err != nil {
		t.Fatal(err)
	}
	back := open(2)
	deadline := time.Now().Add(90 * time.Second)
	for {
		var a, b uint64
		err1 := back.conn.QueryRow(ctx, "SELECT count() FROM nc.assets_local").Scan(&a)
		err2 := r.conn.QueryRow(ctx, "SELECT count() FROM nc.assets_local").Scan(&b)
		if err1 == nil && err2 == nil && a == b && a > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("restarted replica holds %d asset rows (%v), its shard's other %d (%v)", a, err1, b, err2)
		}
		select {
		case <-ctx.Done():
			t.Fatal(ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}
