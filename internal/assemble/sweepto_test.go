package assemble

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
)

// failing is an output whose every write fails (a closed stdout).
type failing struct{}

func (failing) Write(*record.Asset) error { return errors.New("broken pipe") }
func (failing) Close() error              { return nil }

// RunTo checks the store before it sends, shows progress over the
// targets, writes the hosts and the summary and stores the report; a
// failing output still stores it; a store it must refuse stops the sweep
// before anything is sent; a raw socket it may not open is ErrNeedRaw.
func TestSweeperRunTo(t *testing.T) {
	// A fresh segment for each sweep: a sweep closes its socket.
	segment := func() *arptest.Segment {
		seg := arptest.NewSegment()
		seg.AddHost("198.51.100.200", "00:1b:54:00:00:11")
		return seg
	}
	s := Sweeper{Getenv: envOf(nil), Log: slog.New(slog.DiscardHandler)}
	plan := func() scanner.Options {
		t.Helper()
		cfg := config.Default()
		cfg.Sweep.ARPWait = config.Duration(20 * time.Millisecond)
		o, err := s.Plan(SweepRequest{Config: cfg, Targets: []string{"198.51.100.192/28"}, Stages: Stages{NoSNMP: true, NoMDNS: true, NoNames: true, NoNDP: true}})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	stored := func(st StoreSettings) int {
		t.Helper()
		inv, done, err := st.OpenInventory(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		defer done()
		as, err := inv.Store().Assets(t.Context(), store.AssetFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(as)
	}
	dir := t.TempDir()

	st := sqliteSettings(t, filepath.Join(dir, "cmdb.db"))
	var out, said bytes.Buffer
	w, _ := exporters.NewAssetWriter("jsonl", &out)
	var shown []int64
	progress := func(_ context.Context, c *arp.Counters, total int64) func() {
		shown = append(shown, total)
		return func() { shown = append(shown, -1) }
	}
	s.Env = fakeEnv(segment())
	if err := s.RunTo(t.Context(), plan(), SweepTo{Store: &st, Out: w, Stderr: &said, Progress: progress}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "198.51.100.200") || !strings.Contains(said.String(), "store") || stored(st) != 1 || fmt.Sprint(shown) != "[16 -1]" {
		t.Errorf("wrote %q, said %q, stored %d, progress %v", out.String(), said.String(), stored(st), shown)
	}

	st2 := sqliteSettings(t, filepath.Join(dir, "second.db"))
	s.Env = fakeEnv(segment())
	err := s.RunTo(t.Context(), plan(), SweepTo{Store: &st2, Out: failing{}, Stderr: &said})
	if err == nil || !strings.Contains(err.Error(), "write output") || stored(st2) != 1 {
		t.Errorf("a failing output: %v, stored %d; want the output's error and the sweep stored", err, stored(st2))
	}

	foreign := filepath.Join(dir, "foreign.db")
	if err := os.WriteFile(foreign, []byte(strings.Repeat("not a database\n", 20)), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := sqliteSettings(t, foreign)
	shown = nil
	s.Env = fakeEnv(segment())
	if err := s.RunTo(t.Context(), plan(), SweepTo{Store: &bad, Out: w, Stderr: &said, Progress: progress}); err == nil || shown != nil {
		t.Errorf("a foreign store: %v, progress %v; want a refusal before the sweep", err, shown)
	}

	denied := Sweeper{Getenv: envOf(nil), Log: s.Log, Env: func(reg *oui.Registry, log *slog.Logger) scanner.Env {
		e := fakeEnv(segment())(reg, log)
		e.ListenARP = func(*net.Interface) (net.PacketConn, error) { return nil, fmt.Errorf("socket: %w", os.ErrPermission) }
		return e
	}}
	if err := denied.RunTo(t.Context(), plan(), SweepTo{Out: w, Stderr: &said}); !errors.Is(err, ErrNeedRaw) {
		t.Errorf("no raw socket: %v, want ErrNeedRaw", err)
	}
}

// Passive takes a given listening time of more than 0 and up to 24h;
// not given, none.
func TestPassive(t *testing.T) {
	var se *SettingsError
	for _, tc := range []struct {
		d     time.Duration
		given bool
		ok    bool
	}{{6 * time.Second, true, true}, {24 * time.Hour, true, true}, {0, false, true}, {0, true, false}, {25 * time.Hour, true, false}} {
		got, err := Passive(config.Duration(tc.d), tc.given)
		switch {
		case tc.ok && (err != nil || got != tc.d):
			t.Errorf("%v given %v: %v, %v", tc.d, tc.given, got, err)
		case !tc.ok && (!errors.As(err, &se) || !strings.Contains(err.Error(), "must be more than 0 and at most 24h")):
			t.Errorf("%v given %v: %v, want a *SettingsError", tc.d, tc.given, err)
		}
	}
}
