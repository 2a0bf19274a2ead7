package assemble

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
)

// unreachable is a ClickHouse store on a loopback port that refuses.
const unreachable = "clickhouse://127.0.0.1:1/netcensus"

func sqliteSettings(t *testing.T, path string) StoreSettings {
	return StoreSettings{Inventory: storeAt("sqlite:"+path, config.Default().Inventory), Getenv: envOf(nil), UID: 1000,
		Hostname: func() (string, error) { return "scanner-host", nil }}
}

// Preflight refuses what no sweep should be sent for (a bad setting, a
// foreign file) and lets a store that is only out of reach now through.
func TestPreflight(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "foreign.db")
	if err := os.WriteFile(foreign, []byte(strings.Repeat("not a database\n", 20)), 0o600); err != nil {
		t.Fatal(err)
	}
	down := StoreSettings{Inventory: storeAt(unreachable, config.Inventory{}), Getenv: envOf(map[string]string{"XDG_STATE_HOME": dir}), UID: 1000}
	for _, tc := range []struct {
		name        string
		s           StoreSettings
		notNow, err bool
		settings    bool
	}{
		{name: "opens", s: sqliteSettings(t, filepath.Join(dir, "cmdb.db"))},
		{name: "out of reach now", s: down, notNow: true},
		{name: "a foreign file", s: sqliteSettings(t, foreign), err: true},
		{name: "a bad DSN", s: StoreSettings{Inventory: storeAt("postgres://192.0.2.9/x", config.Inventory{}), Getenv: envOf(nil)}, err: true, settings: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			notNow, err := tc.s.Preflight(t.Context())
			if (notNow != nil) != tc.notNow || (err != nil) != tc.err {
				t.Fatalf("notNow %v, err %v: want notNow %v, err %v", notNow, err, tc.notNow, tc.err)
			}
			var se *SettingsError
			if errors.As(err, &se) != tc.settings {
				t.Errorf("err %v: settings error %v, want %v", err, !tc.settings, tc.settings)
			}
		})
	}
}

func importSweep(t *testing.T, cred string) (record.Asset, StoreSettings) {
	t.Helper()
	mac, _ := record.ParseMAC("02:00:5e:00:00:07")
	h := record.Asset{IP: netip.MustParseAddr("192.0.2.7"), MAC: mac, Sources: []record.Source{record.SourceSNMP},
		SysName: "rtr-7", SNMPCredential: cred, LastSeen: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	return h, sqliteSettings(t, filepath.Join(t.TempDir(), "cmdb.db"))
}

// Deliver stores a sweep in a reachable store and says so; with the store
// out of reach the sweep waits in the spool; RememberedCredentials reads
// back the set that answered.
func TestDeliver(t *testing.T) {
	h, s := importSweep(t, "core-v3")
	sw := ImportSweep([]record.Asset{h}, time.Time{}, "scanner-host")
	var out bytes.Buffer
	if err := s.Deliver(t.Context(), sw, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "stored: sweep="+sw.ID) || !strings.Contains(out.String(), "new=1") {
		t.Errorf("stored sweep said:\n%s", out.String())
	}
	inv, done, err := s.OpenInventory(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	as, err := inv.Store().Assets(t.Context(), store.AssetFilter{})
	done()
	if err != nil || len(as) != 1 || as[0].Record.IP != h.IP {
		t.Fatalf("stored assets %+v, %v: want the one host", as, err)
	}
	rem, err := s.RememberedCredentials(t.Context())
	if err != nil || rem[h.IP] != "core-v3" {
		t.Errorf("remembered %v, %v: want %s -> core-v3", rem, err, h.IP)
	}

	state := t.TempDir()
	down := StoreSettings{Inventory: storeAt(unreachable, config.Default().Inventory), Getenv: envOf(map[string]string{"XDG_STATE_HOME": state}), UID: 1000}
	out.Reset()
	if err := down.Deliver(t.Context(), sw, &out); err != nil {
		t.Fatalf("an unreachable store with a spool: %v", err)
	}
	pool := filepath.Join(state, "netcensus", "spool.jsonl")
	if fi, err := os.Stat(pool); err != nil || fi.Size() == 0 || !strings.Contains(out.String(), "spooled to "+pool) {
		t.Errorf("spool %v, %v; said:\n%s", fi, err, out.String())
	}
	if _, err := down.RememberedCredentials(t.Context()); err == nil {
		t.Error("remembered credentials read from an unreachable store")
	}
	// For a sweep: the memory, or nil said on w.
	out.Reset()
	if rem := s.Remembered(&out)(t.Context()); rem[h.IP] != "core-v3" || out.Len() != 0 {
		t.Errorf("remembered for a sweep %v; said %q", rem, out.String())
	}
	if rem := down.Remembered(&out)(t.Context()); rem != nil || !strings.HasPrefix(out.String(), "snmp: remembered credentials not read (") {
		t.Errorf("unreachable, remembered for a sweep %v; said %q", rem, out.String())
	}
}

// A sweep's report and an import are stored under the inventory
// section's scanner name (the host's when it has none).
func TestDeliverReportAndImport(t *testing.T) {
	h, s := importSweep(t, "")
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	sw := Sweeper{Env: fakeEnv(seg), Getenv: envOf(nil), Log: slog.New(slog.DiscardHandler)}
	o, err := sw.Plan(SweepRequest{Config: config.Default(), Targets: []string{"198.51.100.0/28"}, Stages: Stages{NoSNMP: true, NoMDNS: true, NoNames: true, NoNDP: true}})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := sw.Run(t.Context(), o, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := s.DeliverReport(t.Context(), rep, &out); err != nil {
		t.Fatal(err)
	}
	s.Inventory.Scanner = "importer"
	if err := s.DeliverImport(t.Context(), []record.Asset{h}, time.Time{}, &out); err != nil {
		t.Fatal(err)
	}
	inv, done, err := s.OpenInventory(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	sws, err := inv.Store().Sweeps(t.Context(), 0)
	if err != nil || len(sws) != 2 {
		t.Fatalf("sweeps %+v, %v", sws, err)
	}
	var got []string
	for _, x := range sws {
		got = append(got, x.Scanner)
	}
	if slices.Sort(got); !slices.Equal(got, []string{"importer", "scanner-host"}) {
		t.Errorf("stored sweeps' scanners %v: want the sweep's under the host's name, the import's under importer", got)
	}
	as, err := inv.Store().Assets(t.Context(), store.AssetFilter{})
	if err != nil || len(as) != 2 {
		t.Errorf("assets %d, %v: want the swept host and the imported one", len(as), err)
	}
}

// A sweep interrupted (its context cancelled) is still delivered.
func TestDeliverOutlivesCancel(t *testing.T) {
	h, s := importSweep(t, "")
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var out bytes.Buffer
	sw := ImportSweep([]record.Asset{h}, time.Time{}, "scanner-host")
	if err := s.Deliver(ctx, sw, &out); err != nil || !strings.Contains(out.String(), "stored: sweep="+sw.ID) {
		t.Fatalf("cancelled: %v; said:\n%s", err, out.String())
	}
}
