package main

import (
	"context"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/ndp"
	"github.com/netcensus/netcensus/scanner/ndp/ndptest"
)

// A scheduled sweep runs NDP as a CLI sweep does: the stored asset holds
// the IPv6 address its MAC answered NDP with. Before, serve's sweeps never
// asked IPv6 neighbours and the asset had its IPv4 address alone. A
// schedule's options.ndp: false leaves the stage out (no NDP socket).
func TestServeSweepFindsIPv6(t *testing.T) {
	for _, tc := range []struct {
		name    string
		options string
		ndp     bool
	}{
		{"ndp on by default", "{snmp: false}", true},
		{"ndp off by schedule", "{snmp: false, ndp: false}", false},
	} {
		t.Run(tc.name, func(t *testing.T) { serveSweepNDP(t, tc.options, tc.ndp) })
	}
}

func serveSweepNDP(t *testing.T, options string, wantNDP bool) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	a, _, _ := testApp(t, seg, nil)
	v6 := netip.MustParseAddr("2001:db8:100::11")
	link := ndptest.NewLink(ndptest.Host{LL: netip.MustParseAddr("fe80::21b:54ff:fe00:11"), Global: v6, MAC: ndptest.MAC("00:1b:54:00:00:11")})
	opened := make(chan struct{}, 16)
	env := a.newEnv
	a.newEnv = func(reg *oui.Registry, log *slog.Logger) scanner.Env {
		e := env(reg, log)
		e.ListenNDP = func(*net.Interface) (ndp.Conn, error) { opened <- struct{}{}; return link, nil }
		e.AddrsV6 = func(*net.Interface) ([]netip.Prefix, error) {
			return []netip.Prefix{netip.MustParsePrefix("fe80::2/64"), netip.MustParsePrefix("2001:db8:100::2/64")}, nil
		}
		return e
	}
	logs := &lockedBuffer{}
	a.stderr = logs
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	conf := "sweep:\n  arp_wait: 20ms\n  rate: 100000\nmdns:\n  enabled: false\nnames:\n  dns: false\n  netbios: false\n  llmnr: false\n" +
		"schedules:\n  - {name: lab, targets: [198.51.100.0/24], every: 1h, options: " + options + "}\n"
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(dir, "cmdb.db")
	db, err := sqlite.Open(t.Context(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	// A stored next run in the past makes the first run at once.
	if err := db.PutSchedule(t.Context(), store.ScheduleState{Name: "lab", NextRun: time.Now().Add(-time.Minute)}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, a, []string{"--config", cfg, "--store", "sqlite:" + dbPath, "serve", "--listen", "127.0.0.1:0", "--log-format", "json"})
	}()
	deadline := time.After(30 * time.Second)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for !strings.Contains(logs.String(), `"msg":"sweep finished"`) {
		select {
		case code := <-done:
			t.Fatalf("serve exited %d:\n%s", code, logs)
		case <-deadline:
			t.Fatalf("no sweep finished in 30s:\n%s", logs)
		case <-tick.C:
		}
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Fatalf("serve exited %d:\n%s", code, logs)
	}
	if got := len(opened) > 0; got != wantNDP {
		t.Errorf("options %s: NDP socket opened %v, want %v", options, got, wantNDP)
	}
	as, err := db.Assets(t.Context(), store.AssetFilter{})
	if err != nil || len(as) != 1 {
		t.Fatalf("assets %+v %v", as, err)
	}
	r := as[0].Record
	if r.IP != netip.MustParseAddr("198.51.100.11") || slices.Contains(r.IPs, v6) != wantNDP {
		t.Errorf("options %s: stored asset %s addresses %v; want %s joined through its MAC: %v", options, r.IP, r.IPs, v6, wantNDP)
	}
}
