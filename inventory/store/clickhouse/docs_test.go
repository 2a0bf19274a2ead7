package clickhouse

import (
	"fmt"
	"net/netip"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// documentedQueries are the SQL blocks of docs/clickhouse.md, in order.
func documentedQueries(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../../docs/clickhouse.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, part := range strings.Split(string(b), "```sql\n")[1:] {
		q, _, ok := strings.Cut(part, "```")
		if !ok {
			t.Fatalf("unterminated SQL block: %.80s", part)
		}
		out = append(out, strings.TrimSpace(q))
	}
	return out
}

// TestDocumentedQueries runs every query of docs/clickhouse.md against a
// store filled with a small network (five devices, two sites, software,
// volumes, address history, changes) plus a change set still open, whose
// rows no query may show, and checks each result.
func TestDocumentedQueries(t *testing.T) {
	ctx := t.Context()
	db := openFresh(t).(*DB)
	now := time.Now().UTC().Truncate(time.Second)
	day := func(n int) time.Time { return now.Add(-time.Duration(n) * 24 * time.Hour) }
	mac := func(b byte) record.MAC { return record.MAC{2, 0, 0, 0, 0, b} }
	asset := func(id, host, typ, vendor, model, os, osv, ip string, m byte, first, last int, state string) store.Asset {
		return store.Asset{Record: record.Asset{AssetID: id, Hostname: host, DeviceType: typ, Vendor: vendor, Model: model,
			OS: os, OSVersion: osv, IP: netip.MustParseAddr(ip), MAC: mac(m), FirstSeen: day(first), LastSeen: day(last), State: state}}
	}
	a2 := asset("a2", "access-2", "switch", "Cisco", "C9300-48P", "IOS-XE", "16.12.4", "192.0.2.2", 9, 30, 1, store.StateActive)
	a2.Record.MACs = []record.MAC{mac(9), mac(2)}
	a1 := asset("a1", "core-1", "switch", "Cisco", "C9300-48P", "IOS-XE", "17.9.4", "192.0.2.1", 1, 30, 1, store.StateActive)
	a1.Record.Interfaces = []record.Interface{{Index: 1, Name: "Gi1/0/1", SpeedBps: 1e9, AdminUp: true, OperUp: true},
		{Index: 2, Name: "Gi1/0/2", SpeedBps: 1e9, AdminUp: true}, {Index: 3, Name: "Gi1/0/3", SpeedBps: 1e8}}
	a4 := asset("a4", "", "", "", "", "", "", "198.51.100.77", 4, 2, 0, store.StateNew)
	a4.Record.MACVendor = "Raspberry Pi Trading Ltd"
	must(t, db.PutAssets(ctx, []store.Asset{
		a1,
		a2,
		asset("a3", "db-1", "server", "Dell", "PowerEdge R650", "Linux", "5.15.0", "198.51.100.10", 3, 60, 0, store.StateActive),
		a4,
		asset("a5", "web-1", "server", "Dell", "PowerEdge R650", "Linux", "6.1.0", "198.51.100.11", 5, 90, 10, store.StateMissing),
	}))
	var ns []store.Annotation
	for id, site := range map[string]string{"a1": "hq", "a2": "hq", "a3": "dc", "a5": "dc"} {
		ns = append(ns, store.Annotation{AssetID: id, Approved: true, Site: site, Updated: now})
	}
	must(t, db.Annotate(ctx, ns...))
	sw := func(id, sweep string, at time.Time, pkgs ...string) []store.Software {
		var out []store.Software
		for i := 0; i < len(pkgs); i += 2 {
			out = append(out, store.Software{AssetID: id, SweepID: sweep, Time: at, Software: record.Software{Name: pkgs[i], Version: pkgs[i+1]}})
		}
		return out
	}
	must(t, db.AppendSoftware(ctx, sw("a3", "s1", day(20), "openssl", "1.1.1n", "bash", "5.1.4")))
	must(t, db.AppendSoftware(ctx, append(sw("a3", "s2", day(1), "openssl", "1.1.1w", "bash", "5.1.16"),
		sw("a5", "s2", day(1), "openssl", "3.0.13", "bash", "5.1.16")...)))
	const gb = 1e9
	must(t, db.AppendSamples(ctx, []store.Sample{
		{AssetID: "a3", SweepID: "s1", Time: day(10), Metric: "storage_used_bytes", Instance: "/var", Value: 80 * gb},
		{AssetID: "a3", SweepID: "s2", Time: now, Metric: "storage_used_bytes", Instance: "/var", Value: 90 * gb},
		{AssetID: "a3", SweepID: "s2", Time: now, Metric: "storage_size_bytes", Instance: "/var", Value: 100 * gb},
		{AssetID: "a5", SweepID: "s0", Time: day(20), Metric: "storage_used_bytes", Instance: "/", Value: 50 * gb},
		{AssetID: "a5", SweepID: "s1", Time: day(10), Metric: "storage_used_bytes", Instance: "/", Value: 50.5 * gb},
		{AssetID: "a5", SweepID: "s1", Time: day(10), Metric: "storage_size_bytes", Instance: "/", Value: 100 * gb},
	}))
	sighting := func(id, sweep string, at time.Time, ip string) store.Observation {
		return store.Observation{ID: id, SweepID: sweep, AssetID: "a1", Observation: record.Observation{Time: at,
			Source: record.SourceARP, Scanner: "lab", Asset: record.Asset{IP: netip.MustParseAddr(ip), MAC: mac(1)}}}
	}
	must(t, db.AppendObservations(ctx, []store.Observation{sighting("o1", "s0", day(40), "192.0.2.100"),
		sighting("o2", "s1", day(30), "192.0.2.1"), sighting("o3", "s2", day(1), "192.0.2.1")}))
	must(t, db.AppendEvents(ctx, []store.Event{
		{ID: "e1", Time: day(2), AssetID: "a1", Type: store.EventChange, Field: "os_version", Old: "17.6.1", New: "17.9.4"},
		{ID: "e2", Time: day(3), AssetID: "a2", Type: store.EventChange, Field: "hostname", Old: "sw-2", New: "access-2"},
		{ID: "e3", Time: day(20), AssetID: "a2", Type: store.EventChange, Field: "model", Old: "C9300-24P", New: "C9300-48P"},
		{ID: "e4", Time: day(2), AssetID: "a4", Type: store.EventState, Field: "state", New: store.StateNew},
	}))

	// A sweep still being written: none of it may show.
	tx, err := db.Begin(ctx, "open-sweep")
	must(t, err)
	ghost := asset("a6", "ghost", "server", "Ghost", "Ghost", "Linux", "1.0", "203.0.113.5", 6, 0, 0, store.StateNew)
	wrong := asset("a1", "core-1", "switch", "Cisco", "WRONG", "IOS-XE", "17.9.4", "192.0.2.1", 1, 30, 0, store.StateActive)
	must(t, db.PutAssets(tx, []store.Asset{ghost, wrong}))
	must(t, db.AppendSoftware(tx, sw("a3", "s9", now, "evil", "1.0")))
	must(t, db.AppendObservations(tx, []store.Observation{sighting("o9", "s9", now, "192.0.2.200")}))
	must(t, db.AppendEvents(tx, []store.Event{{ID: "e9", Time: now, AssetID: "a1", Type: store.EventChange, Field: "ghost"}}))
	must(t, db.AppendSamples(tx, []store.Sample{{AssetID: "a5", SweepID: "s9", Time: now, Metric: "storage_used_bytes", Instance: "/", Value: 99.9 * gb}}))
	must(t, db.finishStreams("open-sweep", true)) // its rows in the tables, the change set still open

	want := [][]string{
		{"\t\t\t1", "dc\tDell\tPowerEdge R650\t2", "hq\tCisco\tC9300-48P\t2"},
		{"a4\t198.51.100.77\t02:00:00:00:00:04\tRaspberry Pi Trading Ltd"},
		{"IOS-XE\t16.12.4\t1", "IOS-XE\t17.9.4\t1", "Linux\t5.15.0\t1", "Linux\t6.1.0\t1"},
		{"db-1\t5.15.0"},
		{"a3\t/var\t10"},
		{"bash\t5.1.16\t2", "openssl\t1.1.1w\t1", "openssl\t3.0.13\t1"},
		{"db-1\t1.1.1w"},
		{"192.0.2.100\t02:00:00:00:00:01\t1", "192.0.2.1\t02:00:00:00:00:01\t2"},
		{"a2\t192.0.2.2\taccess-2"},
		{"web-1\t198.51.100.11\tdc"},
		{"192.0.2.0\t2", "198.51.100.0\t3"},
		{"hostname\t1", "os_version\t1"},
		{"\t1\t0", "server\t2\t2", "switch\t2\t2"},
		{"core-1\tGi1/0/2\t1000000000"},
	}
	qs := documentedQueries(t)
	if len(qs) != len(want) {
		t.Fatalf("docs/clickhouse.md has %d queries, the test checks %d", len(qs), len(want))
	}
	for i, q := range qs {
		got, err := queryText(t, db, strings.ReplaceAll(q, "netcensus.", db.db+"."))
		if err != nil {
			t.Errorf("query %d:\n%s\n%v", i+1, q, err)
			continue
		}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("query %d:\n%s\n got %q\nwant %q", i+1, q, got, want[i])
		}
	}
}

// queryText runs q and returns its rows as tab-separated text.
func queryText(t *testing.T, db *DB, q string) ([]string, error) {
	rows, err := db.conn.Query(t.Context(), q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	types := rows.ColumnTypes()
	var out []string
	for rows.Next() {
		dest := make([]any, len(types))
		for i, ct := range types {
			dest[i] = reflect.New(ct.ScanType()).Interface()
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		cells := make([]string, len(dest))
		for i, d := range dest {
			switch v := reflect.ValueOf(d).Elem().Interface().(type) {
			case float64:
				cells[i] = strconv.FormatFloat(v, 'f', -1, 64)
			case time.Time:
				cells[i] = v.UTC().Format(time.DateTime)
			case []string:
				cells[i] = strings.Join(v, ",")
			default:
				cells[i] = fmt.Sprint(v)
			}
		}
		out = append(out, strings.Join(cells, "\t"))
	}
	return out, rows.Err()
}
