package clickhouse

import (
	"context"
	"encoding/json"
	"fmt"
	"net/netip"
	"path/filepath"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/spool"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/clickhouse/chtest"
	"github.com/netcensus/netcensus/record"
)

// crashStore is the store an ingest writes through: it kills the server
// with SIGKILL just before the nth call of method reaches it.
type crashStore struct {
	*DB
	srv    *chtest.Server
	method string
	nth    int
	calls  map[string]int
	killed bool
}

func (c *crashStore) hit(method string) {
	c.calls[method]++
	if !c.killed && method == c.method && c.calls[method] == c.nth {
		c.killed = true
		if err := c.srv.Kill(); err != nil {
			panic(err)
		}
	}
}

func (c *crashStore) PutSweep(ctx context.Context, s store.Sweep) error {
	c.hit("PutSweep")
	return c.DB.PutSweep(ctx, s)
}

func (c *crashStore) AppendObservations(ctx context.Context, o []store.Observation) error {
	c.hit("AppendObservations")
	return c.DB.AppendObservations(ctx, o)
}

func (c *crashStore) PutAssets(ctx context.Context, as []store.Asset) error {
	c.hit("PutAssets")
	return c.DB.PutAssets(ctx, as)
}

func (c *crashStore) AddKeys(ctx context.Context, ks []store.AssetKey) error {
	c.hit("AddKeys")
	return c.DB.AddKeys(ctx, ks)
}

func (c *crashStore) AppendEvents(ctx context.Context, es []store.Event) error {
	c.hit("AppendEvents")
	return c.DB.AppendEvents(ctx, es)
}

func (c *crashStore) AppendSoftware(ctx context.Context, rs []store.Software) error {
	c.hit("AppendSoftware")
	return c.DB.AppendSoftware(ctx, rs)
}

func (c *crashStore) AppendSamples(ctx context.Context, rs []store.Sample) error {
	c.hit("AppendSamples")
	return c.DB.AppendSamples(ctx, rs)
}

func (c *crashStore) AppendInterfaces(ctx context.Context, rs []store.Interface) error {
	c.hit("AppendInterfaces")
	return c.DB.AppendInterfaces(ctx, rs)
}

// Atomically is DB's, with fn writing through c.
func (c *crashStore) Atomically(ctx context.Context, fn func(ctx context.Context, tx store.Store) error) error {
	tx, err := c.DB.Begin(ctx, store.ChangeSetOf(ctx))
	if err != nil {
		return err
	}
	if err := fn(tx, c); err != nil {
		return err
	}
	c.hit("Commit")
	return c.DB.Commit(tx)
}

// crashSweep is sweep gen (1 or 2) of a network of SNMP hosts with
// software, interfaces, storage and neighbors: enough table rows that
// the ingest writes software, samples and interfaces before the sweep is
// complete. Sweep 2 changes half the hosts' software, loses one host
// and finds a new one.
func crashSweep(gen int) inventory.Sweep {
	at := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC).Add(time.Duration(gen) * time.Hour)
	sw := inventory.Sweep{ID: fmt.Sprintf("00000000-0000-4000-8000-00000000000%d", gen), Scanner: "crash",
		Start: at.Add(-time.Minute), End: at, Segments: []netip.Prefix{netip.MustParsePrefix("198.51.100.0/24")}}
	const hosts, packages = 40, 60
	for i := range hosts {
		if gen == 2 && i == 0 {
			continue // gone
		}
		host := i
		if gen == 2 && i == hosts-1 {
			host = hosts // new
		}
		a := record.Asset{IP: netip.AddrFrom4([4]byte{198, 51, 100, byte(10 + host)}),
			MAC: record.MAC{0x02, 0, 0, 0, 0, byte(host)}, SysName: fmt.Sprintf("host-%d", host), Serial: fmt.Sprintf("SN%04d", host),
			Vendor: "Example", Model: "X1", OS: "Linux", OSVersion: fmt.Sprintf("6.%d", gen), DeviceType: "server",
			SysUptimeS: uint64(1000 * gen), Sources: []record.Source{record.SourceSNMP}}
		v := 1
		if gen == 2 && host%2 == 0 {
			v = 2
		}
		for p := range packages {
			a.Software = append(a.Software, record.Software{Name: fmt.Sprintf("pkg-%04d", p), Version: fmt.Sprintf("1.%d", v), Arch: "amd64"})
		}
		for x := 1; x <= 2; x++ {
			a.Interfaces = append(a.Interfaces, record.Interface{Index: x, Name: fmt.Sprintf("eth%d", x), MAC: record.MAC{0x02, 1, 0, 0, byte(x), byte(host)},
				SpeedBps: 1e9, AdminUp: true, OperUp: true, InOctets: uint64(gen * 1000 * x), OutOctets: uint64(gen * 500 * x), CounterBits: 64})
		}
		a.Storage = []record.Storage{{Descr: "/", Type: "fixed_disk", SizeBytes: 1 << 30, UsedBytes: uint64(gen) << 20}}
		a.Neighbors = []record.Neighbor{{LocalPort: "eth1", ChassisID: "02:ff:00:00:00:01", PortID: fmt.Sprintf("ge-0/0/%d", host), SysName: "core"}}
		sw.Observations = append(sw.Observations, record.Observation{Time: at.Add(-30 * time.Second), Source: record.SourceSNMP, Scanner: "crash", Asset: a})
	}
	return sw
}

// crashTables are every table a sweep writes.
var crashTables = []string{"sweeps", "observations", "assets", "annotations", "asset_keys", "decisions", "events",
	"software", "samples", "interfaces", "neighbors", "txns"}

// storedState is everything a reader of db sees, through the Store and
// as JSON, and, per table, how many rows the table holds once merged
// (what a person counting rows sees once ClickHouse has merged them).
func storedState(t *testing.T, db *DB) (visible string, rows map[string]uint64) {
	t.Helper()
	ctx := t.Context()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	st := map[string]any{}
	sws, err := db.Sweeps(ctx, 0)
	must(err)
	as, err := db.Assets(ctx, store.AssetFilter{IncludeMerged: true})
	must(err)
	keys, err := db.Keys(ctx)
	must(err)
	evs, err := db.Events(ctx, store.EventFilter{})
	must(err)
	obs, err := db.Observations(ctx, "", "")
	must(err)
	samples, err := db.Samples(ctx, store.SampleFilter{})
	must(err)
	latest, err := db.LatestSoftware(ctx, nil)
	must(err)
	var listing []string
	must(db.EachAsset(ctx, store.AssetFilter{}, func(a *store.Asset) error {
		js, err := json.Marshal(&a.Record)
		listing = append(listing, string(js))
		return err
	}))
	st["sweeps"], st["assets"], st["keys"], st["events"], st["observations"], st["samples"], st["latest"], st["listing"] =
		sws, as, keys, evs, obs, samples, latest, listing
	for _, a := range as {
		id := a.Record.AssetID
		sw, err := db.Software(ctx, id)
		must(err)
		its, err := db.Interfaces(ctx, id)
		must(err)
		ns, err := db.Neighbors(ctx, id)
		must(err)
		st["software "+id], st["interfaces "+id], st["neighbors "+id] = sw, its, ns
	}
	for _, s := range sws {
		o, err := db.Observations(ctx, s.ID, "")
		must(err)
		st["observations of "+s.ID] = len(o)
	}
	js, err := json.MarshalIndent(st, "", " ")
	must(err)
	rows = map[string]uint64{}
	for _, tb := range crashTables {
		var n uint64
		must(db.conn.Exec(ctx, db.q(`OPTIMIZE TABLE {db}.`+tb+` FINAL`)))
		must(db.conn.QueryRow(ctx, db.q(`SELECT count() FROM {db}.`+tb)).Scan(&n))
		rows[tb] = n
	}
	return string(js), rows
}

// firstDiff says where two states part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-300)
	return fmt.Sprintf("at byte %d:\n got ...%s\nwant ...%s", i, a[lo:min(len(a), i+200)], b[lo:min(len(b), i+200)])
}

// TestCrashReplay: ClickHouse killed (SIGKILL) at five points of a
// sweep's ingest, then restarted and the spooled sweep replayed. Until
// the replay no read shows any of the sweep (it is invisible, not half
// there); after it, what every read shows and every table's row count
// equal a control run's that never crashed.
func TestCrashReplay(t *testing.T) {
	t.Parallel() // its own server
	lab.Need(t)
	ctx := t.Context()
	srv, err := chtest.Start(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Kill() }) // its data goes with the test's directory
	res, err := identity.New(identity.DefaultOrder(), identity.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	cfg := inventory.Config{MissingAfterSweeps: 1, FlushRows: 1000} // tables go out in several batches
	open := func(name string) *DB {
		t.Helper()
		db, err := Open(ctx, Options{Addr: srv.Addr, Database: name})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		return db
	}
	sw1, sw2 := crashSweep(1), crashSweep(2)

	ctl := open("control")
	inv := inventory.New(ctl, res, cfg, nil)
	if _, err := inv.Ingest(ctx, sw1); err != nil {
		t.Fatal(err)
	}
	after1, rows1 := storedState(t, ctl)
	if _, err := inv.Ingest(ctx, sw2); err != nil {
		t.Fatal(err)
	}
	after2, rows2 := storedState(t, ctl)
	if rows2["software"] == 0 || rows2["samples"] == 0 || rows2["interfaces"] == 0 || rows2["neighbors"] == 0 {
		t.Fatalf("control run stored no snapshots: %v", rows2)
	}

	for i, p := range []struct {
		method string
		nth    int
	}{
		{"AppendSamples", 1},      // software flushed before the sweep is resolved
		{"AppendObservations", 1}, // every table batch of the loop written
		{"AddKeys", 1},            // assets written, keys not
		{"PutSweep", 2},           // everything but the sweep's end
		{"Commit", 1},             // everything but the commit
	} {
		t.Run(fmt.Sprintf("%s#%d", p.method, p.nth), func(t *testing.T) {
			name := fmt.Sprintf("crash%d", i)
			db := open(name)
			if _, err := inventory.New(db, res, cfg, nil).Ingest(ctx, sw1); err != nil {
				t.Fatal(err)
			}
			cs := &crashStore{DB: db, srv: srv, method: p.method, nth: p.nth, calls: map[string]int{}}
			sp := spool.New(filepath.Join(t.TempDir(), "spool.jsonl"), spool.DefaultMaxBytes)
			out, err := sp.Deliver(ctx, func(context.Context) (*inventory.Inventory, func(), error) {
				return inventory.New(cs, res, cfg, nil), func() {}, nil
			}, sw2)
			if !cs.killed {
				t.Fatalf("the ingest never called %s %d times: %v", p.method, p.nth, cs.calls)
			}
			if err != nil || !out.Spooled {
				t.Fatalf("sweep not spooled after the crash: %+v %v", out, err)
			}
			if err := srv.Restart(ctx); err != nil {
				t.Fatal(err)
			}
			db = open(name)
			got, gotRows := storedState(t, db)
			if got != after1 {
				t.Errorf("after the crash, before replay, reads show part of the sweep: %s", firstDiff(got, after1))
			}
			n, err := sp.Replay(ctx, inventory.New(db, res, cfg, nil))
			if err != nil || n != 1 {
				t.Fatalf("replay: %d sweeps, %v", n, err)
			}
			got, gotRows = storedState(t, db)
			if got != after2 {
				t.Errorf("after replay, reads differ from the control run's: %s", firstDiff(got, after2))
			}
			for _, tb := range crashTables {
				if gotRows[tb] != rows2[tb] {
					t.Errorf("after replay, table %s holds %d rows, the control run %d (after sweep 1: %d)", tb, gotRows[tb], rows2[tb], rows1[tb])
				}
			}
			if t.Failed() {
				t.Logf("rows: got %v, control %v", gotRows, rows2)
			}
		})
	}
}
