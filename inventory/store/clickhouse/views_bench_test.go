package clickhouse

import (
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// BenchmarkAssetsCurrentByMAC: a search by MAC (SELECT asset_id, ip,
// hostname ... WHERE mac = ?) over NETCENSUS_BENCH_ASSETS assets (20,000
// by default; 10% annotated), in one run: through assets_current as
// schema 10 makes it (view), through the view before (before: schemas 7 to 9),
// and on the assets table as netcensus reads it (table). bench/views.sh
// runs it with the load average beside it.
func BenchmarkAssetsCurrentByMAC(b *testing.B) {
	ctx := b.Context()
	n := 20000
	if s := os.Getenv("NETCENSUS_BENCH_ASSETS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("NETCENSUS_BENCH_ASSETS=%q: want a number of assets", s)
		}
	}
	db, err := Open(ctx, Options{Addr: lab.Need(b).Addr, Database: fmt.Sprintf("bench%d", os.Getpid())})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	defer db.conn.Exec(ctx, db.q(`DROP DATABASE IF EXISTS {db}`))
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	mac := func(i int) record.MAC { return record.MAC{2, 0, 0, byte(i >> 16), byte(i >> 8), byte(i)} }
	const batch = 5000
	for at := 0; at < n; at += batch {
		as := make([]store.Asset, 0, batch)
		var ns []store.Annotation
		for i := at; i < min(n, at+batch); i++ {
			r := record.Asset{AssetID: fmt.Sprintf("a%07d", i), State: store.StateActive, MAC: mac(i),
				IP: netip.AddrFrom4([4]byte{198, 18, byte(i >> 8), byte(i)}), Hostname: fmt.Sprintf("host-%07d.example.net", i),
				Vendor: "Dell", Model: "PowerEdge R650", Serial: fmt.Sprintf("SN%08d", i), OS: "Linux", OSVersion: "6.1.0",
				DeviceType: "server", Sources: []record.Source{record.SourceARP, record.SourceSNMP},
				SysDescr: "Linux host 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) x86_64"}
			for j := range 4 {
				r.Interfaces = append(r.Interfaces, record.Interface{Index: j + 1, Name: fmt.Sprintf("eth%d", j), SpeedBps: 1e9})
				r.Storage = append(r.Storage, record.Storage{Descr: fmt.Sprintf("/srv/volume%d", j), SizeBytes: 1 << 40})
			}
			as = append(as, store.Asset{Record: r})
			if i%10 == 0 {
				ns = append(ns, store.Annotation{AssetID: r.AssetID, Approved: true, Site: "hq"})
			}
		}
		if err := db.PutAssets(ctx, as); err != nil {
			b.Fatal(err)
		}
		if err := db.Annotate(ctx, ns...); err != nil {
			b.Fatal(err)
		}
	}
	// At rest, as a user's store is between sweeps.
	for _, q := range []string{`OPTIMIZE TABLE {db}.assets FINAL`, `OPTIMIZE TABLE {db}.annotations FINAL`,
		strings.Replace(assetsCurrent7, "{db}.assets_current AS", "{db}.assets_current8 AS", 1)} {
		if err := db.conn.Exec(ctx, db.q(q)); err != nil {
			b.Fatal(err)
		}
	}
	for _, c := range []struct{ name, q string }{
		{"view", `SELECT asset_id, ip, hostname FROM {db}.assets_current WHERE mac = ?`},
		{"before", `SELECT asset_id, ip, hostname FROM {db}.assets_current8 WHERE mac = ?`},
		{"table", `SELECT id, ip, hostname FROM {db}.assets WHERE mac = ? AND (id, ver) IN (SELECT id, max(ver) FROM {db}.assets
			WHERE id IN (SELECT id FROM {db}.assets WHERE mac = ?) GROUP BY id) LIMIT 1 BY id`},
	} {
		b.Run(c.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				m := mac(i * 7919 % n).String()
				i++
				args := []any{m}
				if strings.Count(c.q, "?") == 2 {
					args = append(args, m)
				}
				rows, err := db.conn.Query(ctx, db.q(c.q), args...)
				if err != nil {
					b.Fatal(err)
				}
				got := 0
				for rows.Next() {
					got++
				}
				rows.Close()
				if err := rows.Err(); err != nil || got != 1 {
					b.Fatalf("%s: MAC %s: %d rows (%v), want 1", c.name, m, got, err)
				}
			}
		})
	}
}
