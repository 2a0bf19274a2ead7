package drift

import (
	"context"
	"fmt"
	"net/netip"
	"os"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/clickhouse"
	"github.com/netcensus/netcensus/inventory/store/clickhouse/chtest"
	"github.com/netcensus/netcensus/record"
)

// benchStore fills st (a fresh SQLite store when nil) with n assets: a
// third Debian servers with 20 packages each, the rest switches and
// firewalls of four vendors. worst: most assets deviate from many rules;
// otherwise about one in eight deviates from one or two.
func benchStore(b *testing.B, st store.Store, n int, worst bool) store.Store {
	ctx := context.Background()
	if st == nil {
		st = openStore(b)
	}
	var as []store.Asset
	var rows []store.Software
	for i := range n {
		id := fmt.Sprintf("asset-%05d", i)
		ip := netip.AddrFrom4([4]byte{198, 18, byte(i >> 8), byte(i)})
		a := store.Asset{Record: record.Asset{AssetID: id, IP: ip, State: store.StateActive, FirstSeen: t0, LastSeen: t0}}
		switch i % 6 {
		case 0, 1:
			a.Record.OS, a.Record.OSVersion, a.Record.DeviceType = "Debian", "12", "server"
			for p := range 20 {
				name, minor := fmt.Sprintf("pkg%02d", p), i%7
				if !worst {
					minor = 4 + i%4
					if i%50 == 0 {
						minor = 2
					}
					if p == 19 && i%40 == 0 {
						name = "telnetd"
					}
				}
				rows = append(rows, store.Software{AssetID: id, SweepID: "s1", Time: t0,
					Software: record.Software{Name: name, Version: fmt.Sprintf("1.%d.%d-1~deb12u1", minor, p)}})
			}
		case 2, 3, 4, 5:
			v := i // the version numbers below, and whether they are behind
			if !worst && i%8 != 0 {
				v = 119 // at or above every minimum of the baseline
			}
			switch i % 6 {
			case 2:
				a.Record.Vendor, a.Record.OS, a.Record.Model, a.Record.OSVersion = "Cisco", "IOS", "WS-C2960X-48TS-L", fmt.Sprintf("15.2(%d)E%d", v%8, v%11)
			case 3:
				a.Record.Vendor, a.Record.OS, a.Record.OSVersion = "Fortinet", "FortiOS", fmt.Sprintf("v7.2.%d,build1%03d", v%10, v%1000)
			case 4:
				a.Record.Vendor, a.Record.OS, a.Record.Model, a.Record.OSVersion = "Juniper Networks", "Junos", "srx345", fmt.Sprintf("21.4R%d-S%d", v%4, v%6)
			case 5:
				a.Record.Vendor, a.Record.OS, a.Record.OSVersion = "Palo Alto Networks", "PAN-OS", fmt.Sprintf("10.2.%d-h%d", v%10, v%4)
			}
		}
		as = append(as, a)
	}
	if err := st.PutAssets(ctx, as); err != nil {
		b.Fatal(err)
	}
	if err := st.AppendSoftware(ctx, rows); err != nil {
		b.Fatal(err)
	}
	return st
}

// benchBaseline has 50 rules: 30 package minimums and forbids on Debian
// (by subnet and by OS), 20 OS minimums across the vendors.
func benchBaseline(b *testing.B, worst bool) []Baseline {
	bl := Baseline{Name: "bench"}
	for i := range 30 {
		r := Rule{ID: fmt.Sprintf("deb-%02d", i), Select: Selector{OS: "debian"}}
		if i%3 == 0 {
			r.Select = Selector{Subnets: []netip.Prefix{netip.MustParsePrefix(fmt.Sprintf("198.18.%d.0/24", i))}}
			r.Forbid = []string{"telnetd", "rsh-server"}
			if worst {
				r.Forbid = append(r.Forbid, fmt.Sprintf("pkg%02d", 19-i%20))
			}
		} else {
			r.MinPackages = []string{fmt.Sprintf("pkg%02d >= 1.3.0-1", i%20)}
		}
		bl.Rules = append(bl.Rules, r)
	}
	vendors := []struct{ vendor, min string }{{"cisco", "15.2(7)E3"}, {"fortinet", "v7.2.8,build1639"}, {"juniper", "21.4R3-S5"}, {"palo alto", "10.2.9-h1"}}
	for i := range 20 {
		v := vendors[i%4]
		bl.Rules = append(bl.Rules, Rule{ID: fmt.Sprintf("os-%02d", i), Select: Selector{Vendor: v.vendor}, MinOSVersion: v.min})
	}
	if err := bl.Validate(); err != nil {
		b.Fatal(err)
	}
	return []Baseline{bl}
}

// BenchmarkEvaluate10k: drift of 10,000 assets against 50 rules on
// SQLite, after a first run recorded the history (the steady state of a
// scheduled drift check). typical: one asset in eight deviates; worst:
// most deviate from several rules.
func BenchmarkEvaluate10k(b *testing.B) {
	benchEvaluate(b, func(*testing.B) store.Store { return nil })
}

// BenchmarkEvaluate10kClickHouse: the same on ClickHouse, on a private
// server (chtest) it starts; it skips when clickhouse-server is not
// installed (a failure with NETCENSUS_LAB=1).
func BenchmarkEvaluate10kClickHouse(b *testing.B) {
	srv, err := chtest.Start(context.Background(), b.TempDir())
	if err != nil {
		msg := fmt.Sprintf("no ClickHouse server for this benchmark: %v", err)
		if os.Getenv("NETCENSUS_LAB") == "1" {
			b.Fatal(msg + " (NETCENSUS_LAB=1: required)")
		}
		b.Skip(msg)
	}
	b.Cleanup(func() { srv.Stop() })
	seq := 0
	benchEvaluate(b, func(b *testing.B) store.Store {
		seq++
		db, err := clickhouse.Open(context.Background(), clickhouse.Options{Addr: srv.Addr, Database: fmt.Sprintf("drift%d", seq)})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		if _, err := db.Migrate(context.Background()); err != nil {
			b.Fatal(err)
		}
		return db
	})
}

func benchEvaluate(b *testing.B, open func(*testing.B) store.Store) {
	for _, worst := range []bool{false, true} {
		name := "typical"
		if worst {
			name = "worst"
		}
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			st := benchStore(b, open(b), 10000, worst)
			bs := benchBaseline(b, worst)
			first := time.Now()
			res, err := Evaluate(ctx, st, bs, Options{Now: t0, Record: true})
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("first run (records %d events): %v; %d assets, %d non-compliant, %d findings",
				len(res.Events), time.Since(first), res.Assets, res.NonCompliant, len(res.Findings))
			b.ResetTimer()
			for b.Loop() {
				if _, err := Evaluate(ctx, st, bs, Options{Now: t0, Record: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
