package main

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"os/signal"
	"slices"
	"syscall"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/clickhouse/chtest"
)

// listing times what `netcensus assets` does: list every asset with its
// annotation. The store is filled first (one sweep of n hosts through
// inventory.Ingest, pct percent of them annotated) unless it already holds
// n assets, so a ClickHouse database can be listed again without
// re-ingesting.
func listing(dir, dsn string, n, nsw, nsamp, pct, runs int) error {
	ctx := context.Background()
	db, kind, done, err := openBench(ctx, dir, dsn)
	if err != nil {
		return err
	}
	defer done()
	have, err := db.Assets(ctx, store.AssetFilter{})
	if err != nil {
		return err
	}
	if len(have) < n {
		res, err := identity.New(nil, identity.Defaults())
		if err != nil {
			return err
		}
		inv := inventory.New(db, res, inventory.Config{MissingAfterSweeps: 3}, nil)
		now := time.Now().UTC()
		start := time.Now()
		r, err := inv.Ingest(ctx, inventory.Sweep{Start: now, End: now, Segments: []netip.Prefix{netip.MustParsePrefix("198.18.0.0/15")},
			Observations: sweepObservations(n, nsw, nsamp, now)})
		if err != nil {
			return err
		}
		fmt.Printf("%s: filled with %d assets in %s\n", kind, r.Sweep.Assets, time.Since(start).Round(time.Millisecond))
		all, err := db.Assets(ctx, store.AssetFilter{})
		if err != nil {
			return err
		}
		var ns []store.Annotation
		for i := range all {
			if pct > 0 && i%100 < pct {
				ns = append(ns, store.Annotation{AssetID: all[i].Record.AssetID, Approved: i%2 == 0, Site: "dc-1", Owner: "netops",
					Tags: []string{"bench"}, Updated: now})
			}
		}
		if err := db.Annotate(ctx, ns...); err != nil {
			return err
		}
	}
	var times []time.Duration
	var got int
	for range max(1, runs) {
		start := time.Now()
		as, err := db.Assets(ctx, store.AssetFilter{})
		if err != nil {
			return err
		}
		times = append(times, time.Since(start))
		got = len(as)
	}
	un := time.Now()
	ua, err := db.Assets(ctx, store.AssetFilter{Unapproved: true})
	if err != nil {
		return err
	}
	unEl := time.Since(un)
	slices.Sort(times)
	fmt.Printf("%s assets: listed %d assets (with annotations) %d times: median %s, min %s, max %s; unapproved filter: %d in %s; peak RSS %d MB\n",
		kind, got, len(times), times[len(times)/2].Round(time.Millisecond), times[0].Round(time.Millisecond),
		times[len(times)-1].Round(time.Millisecond), len(ua), unEl.Round(time.Millisecond), maxRSS()>>20)
	return nil
}

// chserver runs a private clickhouse-server (the tests' chtest set-up)
// under dir (a temporary directory when empty) until SIGINT or SIGTERM,
// printing its DSN, so the ClickHouse benchmarks need no installed
// service: go run ./bench/cmdb -mode chserver &
func chserver(dir string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if dir == "" {
		d, err := os.MkdirTemp("", "cmdb-clickhouse-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	s, err := chtest.Start(ctx, dir)
	if err != nil {
		return err
	}
	defer s.Stop()
	fmt.Printf("clickhouse://%s/bench\n", s.Addr)
	<-ctx.Done()
	if errors.Is(ctx.Err(), context.Canceled) {
		return nil
	}
	return ctx.Err()
}
