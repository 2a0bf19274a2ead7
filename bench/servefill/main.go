// Command servefill prepares bench/serve.sh's runs: it fills a store with
// N assets (one sweep through inventory.Ingest, as a real sweep stores
// them), and writes vegeta target files of searches for the MACs or IPs
// of assets it holds.
//
//	go run ./bench/servefill -store sqlite:/tmp/cmdb.db -assets 100000
//	go run ./bench/servefill -store sqlite:/tmp/cmdb.db -targets mac.txt -kind mac -addr 127.0.0.1:8080 -token-file tok
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/clickhouse"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
)

func main() {
	dsn := flag.String("store", "", "sqlite:PATH or clickhouse://HOST:PORT/DB")
	n := flag.Int("assets", 100_000, "fill: assets the store should hold")
	targets := flag.String("targets", "", "write vegeta targets here instead of filling")
	kind := flag.String("kind", "mac", "targets: search by mac or ip")
	addr := flag.String("addr", "", "targets: serve's host:port")
	tokenFile := flag.String("token-file", "", "targets: the bearer token's file")
	count := flag.Int("count", 2000, "targets: distinct searches")
	flag.Parse()
	ctx := context.Background()
	db, err := open(ctx, *dsn)
	if err != nil {
		fmt.Fprintln(os.Stderr, "servefill:", err)
		os.Exit(1)
	}
	defer db.Close()
	if *targets != "" {
		err = writeTargets(ctx, db, *targets, *kind, *addr, *tokenFile, *count)
	} else {
		err = fill(ctx, db, *n)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "servefill:", err)
		os.Exit(1)
	}
}

func open(ctx context.Context, dsn string) (store.Store, error) {
	var db store.Store
	switch {
	case strings.HasPrefix(dsn, "sqlite:"):
		path := strings.TrimPrefix(dsn, "sqlite:")
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			return nil, err
		}
		d, err := sqlite.Open(ctx, path)
		if err != nil {
			return nil, err
		}
		db = d
	case strings.HasPrefix(dsn, "clickhouse://"):
		o, err := clickhouse.ParseDSN(dsn)
		if err != nil {
			return nil, err
		}
		d, err := clickhouse.Open(ctx, o)
		if err != nil {
			return nil, err
		}
		db = d
	default:
		return nil, fmt.Errorf("-store %q: want sqlite:PATH or clickhouse://HOST:PORT/DB", dsn)
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// addr spreads i over 198.18.0.0/15 (the benchmarking range).
func addr(i int) netip.Addr {
	return netip.AddrFrom4([4]byte{198, 18 + byte(i>>16&1), byte(i >> 8), byte(i)})
}

func mac(i int) record.MAC {
	return record.MAC{0x00, 0x1b, 0x54, byte(i >> 16), byte(i >> 8), byte(i)}
}

// fill stores one sweep of n hosts, each seen by ARP and SNMP (name,
// serial, model, one interface), unless the store holds n assets already.
func fill(ctx context.Context, db store.Store, n int) error {
	have, err := db.Assets(ctx, store.AssetFilter{Limit: n})
	if err != nil {
		return err
	}
	if len(have) >= n {
		fmt.Printf("store holds %d assets already\n", len(have))
		return nil
	}
	res, err := identity.New(nil, identity.Defaults())
	if err != nil {
		return err
	}
	inv := inventory.New(db, res, inventory.Config{MissingAfterSweeps: 3}, nil)
	now := time.Now().UTC()
	obs := make([]record.Observation, 0, 2*n)
	for i := range n {
		ip := addr(i)
		obs = append(obs, record.Observation{Time: now, Source: record.SourceARP,
			Asset: record.Asset{IP: ip, MAC: mac(i), Sources: []record.Source{record.SourceARP}}})
		a := record.Asset{IP: ip, SysName: fmt.Sprintf("host-%d", i), Vendor: "Net-SNMP", Model: fmt.Sprintf("NS-%d", i%40),
			Serial: fmt.Sprintf("SN%08d", i), OSVersion: "6.1", Sources: []record.Source{record.SourceSNMP}}
		a.Interfaces = []record.Interface{{Index: 1, Name: "eth0", MAC: mac(i), SpeedBps: 1e9, AdminUp: true, OperUp: true}}
		obs = append(obs, record.Observation{Time: now, Source: record.SourceSNMP, Asset: a})
	}
	start := time.Now()
	r, err := inv.Ingest(ctx, inventory.Sweep{Start: now, End: now, Segments: []netip.Prefix{netip.MustParsePrefix("198.18.0.0/15")}, Observations: obs})
	if err != nil {
		return err
	}
	fmt.Printf("filled with %d assets in %s\n", r.Sweep.Assets, time.Since(start).Round(time.Millisecond))
	return nil
}

// writeTargets writes count GET searches for stored assets' MACs or IPs,
// in a random order, in vegeta's HTTP format.
func writeTargets(ctx context.Context, db store.Store, path, kind, addr, tokenFile string, count int) error {
	tok, err := os.ReadFile(tokenFile)
	if err != nil {
		return err
	}
	as, err := db.Assets(ctx, store.AssetFilter{})
	if err != nil {
		return err
	}
	if len(as) == 0 {
		return fmt.Errorf("the store holds no assets")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range count {
		r := &as[rng.IntN(len(as))].Record
		q := r.IP.String()
		switch kind {
		case "mac":
			q = r.MAC.String()
		case "ip":
		default:
			return fmt.Errorf("-kind %q: want mac or ip", kind)
		}
		fmt.Fprintf(&b, "GET http://%s/api/v1/assets?q=%s\nAuthorization: Bearer %s\n\n", addr, url.QueryEscape(q), strings.TrimSpace(string(tok)))
	}
	return os.WriteFile(path, []byte(b.String()), 0o600)
}
