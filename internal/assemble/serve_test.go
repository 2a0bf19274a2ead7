package assemble

import (
	"context"
	"errors"
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
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/targets"
	"github.com/netcensus/netcensus/serve"
)

const token = "0123456789abcdef-read"

func decode(t *testing.T, y string) config.Config {
	t.Helper()
	c, err := config.Decode(strings.NewReader(y))
	if err != nil {
		t.Fatalf("config %q: %v", y, err)
	}
	return c
}

func TestServeOptions(t *testing.T) {
	dir := t.TempDir()
	tokFile := filepath.Join(dir, "write.token")
	if err := os.WriteFile(tokFile, []byte("file-token-0123456789abcdef\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	getenv := func(string) string { return "" }
	for _, tc := range []struct {
		name, cfg, listen string
		check             func(t *testing.T, o serve.Options)
		err               string // a refusal that says this
	}{
		{name: "schedules with their rates and options", cfg: `sweep: {rate: 700}
schedules:
  - {name: core, targets: [198.51.100.0/24], every: 1h, jitter: 5m}
  - {name: nightly, targets: [192.0.2.0/24], cron: "0 2 * * *", options: {snmp: false, rate: 500}}
`, check: func(t *testing.T, o serve.Options) {
			if len(o.Schedules) != 2 || o.Schedules[0].Rate != 0 || o.Schedules[1].Rate != 500 || o.Schedules[0].Every != time.Hour ||
				o.Schedules[0].Jitter != 5*time.Minute || o.Schedules[1].Cron != "0 2 * * *" || o.Schedules[1].SNMP == nil || *o.Schedules[1].SNMP {
				t.Errorf("schedules %+v", o.Schedules)
			}
			if o.Rate != 700 {
				t.Errorf("serve rate %d: want sweep.rate's 700 when serve.rate is unset", o.Rate)
			}
		}},
		{name: "serve.rate kept", cfg: "sweep: {rate: 700}\nserve: {rate: 90}\n", check: func(t *testing.T, o serve.Options) {
			if o.Rate != 90 {
				t.Errorf("rate %d", o.Rate)
			}
		}},
		{name: "tokens inline and from a file", cfg: "serve:\n  listen: 0.0.0.0:8470\n  tokens:\n    - {name: grafana, token: " + token + ", scope: read}\n    - {name: ops, token_file: " + tokFile + ", scope: write}\n",
			check: func(t *testing.T, o serve.Options) {
				if len(o.Tokens) != 2 || o.Tokens[0].Secret != token || o.Tokens[0].Write || o.Tokens[1].Secret != "file-token-0123456789abcdef" || !o.Tokens[1].Write {
					t.Errorf("tokens %+v", o.Tokens)
				}
			}},
		{name: "listen replaced", cfg: "", listen: "127.0.0.1:0", check: func(t *testing.T, o serve.Options) {
			if o.Listen != "127.0.0.1:0" {
				t.Errorf("listen %q", o.Listen)
			}
		}},
		{name: "listen replaced, checked", cfg: "", listen: "0.0.0.0:8470", err: "needs serve.tokens"},
		{name: "alert subnets masked", cfg: "serve:\n  alerts: [{name: hook, type: webhook, url: \"https://hooks.example.net/x\", types: [missing], subnets: [192.0.2.7/24]}]\n",
			check: func(t *testing.T, o serve.Options) {
				if len(o.Sinks) != 1 || o.Sinks[0].Kind != "webhook" || !slices.Equal(o.Sinks[0].Subnets, []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}) {
					t.Errorf("sinks %+v", o.Sinks)
				}
			}},
		{name: "a missing token file", cfg: "serve:\n  tokens: [{name: a, token_file: /nonexistent/tok, scope: read}]\n", err: "serve.tokens[0] (a)"},
		{name: "an unknown credential set", cfg: "schedules:\n  - {name: a, targets: [192.0.2.0/24], every: 1h, options: {credentials: [nope]}}\n", err: `options.credentials: "nope"`},
		{name: "a named credential set", cfg: "snmp:\n  credentials: [{name: lab, version: 2c, community: c}, {version: 2c, community: d}]\nschedules:\n  - {name: a, targets: [192.0.2.0/24], every: 1h, options: {credentials: [lab, \"credentials[1]\"]}}\n",
			check: func(t *testing.T, o serve.Options) {
				if len(o.Schedules) != 1 || !slices.Equal(o.Schedules[0].Credentials, []string{"lab", "credentials[1]"}) {
					t.Errorf("schedules %+v", o.Schedules)
				}
			}},
		{name: "a public target", cfg: "schedules:\n  - {name: a, targets: [8.8.8.0/24], every: 1h}\n", err: "schedules[0] (a).targets"},
		{name: "a missing baseline", cfg: "serve:\n  baselines: [/nonexistent/baseline.yaml]\n", err: "serve.baselines"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := decode(t, tc.cfg)
			listen := &tc.listen // serve --listen, laid over serve.listen
			if tc.listen == "" {
				listen = nil
			}
			err := c.Overlay(config.Option(&c.Serve.Listen, listen))
			var o serve.Options
			if err == nil {
				o, err = ServeOptions(c, getenv)
			}
			if tc.err != "" {
				var se *SettingsError
				var ce *config.Error
				if !errors.As(err, &se) && !errors.As(err, &ce) || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v: want a *SettingsError or *config.Error saying %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, o)
		})
	}
	// A config built in code (not validated) with a bad alert subnet is
	// refused, not a panic.
	c := config.Default()
	c.Serve.Alerts = []config.Sink{{Name: "a", Type: "exec", Command: []string{"true"}, Subnets: []string{"192.0.2.0/33"}}}
	if _, err := ServeOptions(c, getenv); err == nil || !strings.Contains(err.Error(), "serve.alerts[0] (a).subnets") {
		t.Errorf("a bad subnet: %v", err)
	}
	// A token too short to guess at is refused here too (the config's
	// Validate refuses an inline one; a token file is read here only).
	short := filepath.Join(dir, "short.token")
	if err := os.WriteFile(short, []byte("short\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c = config.Default()
	c.Serve.Tokens = []config.Token{{Name: "a", TokenFile: short, Scope: "read"}}
	if _, err := ServeOptions(c, getenv); err == nil || err.Error() != "serve.tokens[0] (a): at least 16 characters" {
		t.Errorf("a short token file: %v", err)
	}
}

func TestLive(t *testing.T) {
	c := config.Default()
	l := NewLive(c)
	c.Sweep.Rate = 5
	l.Set(c)
	if l.Get().Sweep.Rate != 5 {
		t.Errorf("rate %d after Set", l.Get().Sweep.Rate)
	}
}

// fakeIfs is the fake machine's one interface, on 198.51.100.0/24.
type fakeIfs map[string]*net.Interface

func (f fakeIfs) ByName(n string) (*net.Interface, []netip.Prefix, error) {
	if ifi, ok := f[n]; ok {
		return ifi, []netip.Prefix{netip.MustParsePrefix("198.51.100.2/24")}, nil
	}
	return nil, nil, os.ErrNotExist
}

// fakeEnv is a machine on a fake segment: ARP only (no SNMP, mDNS,
// names or NDP socket), so nothing is sent anywhere.
func fakeEnv(seg *arptest.Segment) func(*oui.Registry, *slog.Logger) scanner.Env {
	return func(reg *oui.Registry, log *slog.Logger) scanner.Env {
		return scanner.Env{
			Routes: func() ([]arp.Route, error) {
				return []arp.Route{{Iface: "eth0", Prefix: netip.MustParsePrefix("198.51.100.0/24"), Gateway: netip.IPv4Unspecified(), Flags: 1}}, nil
			},
			Interfaces: fakeIfs{"eth0": {Name: "eth0", Flags: net.FlagUp | net.FlagBroadcast, HardwareAddr: net.HardwareAddr{2, 0, 0, 0, 0, 2}}},
			ListenARP:  func(*net.Interface) (net.PacketConn, error) { return seg, nil },
			OUI:        reg,
			Logger:     log,
		}
	}
}

func testInventory(t *testing.T) *inventory.Inventory {
	t.Helper()
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "cmdb.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	inv, err := Inventory(st, config.Default().Inventory, func() (string, error) { return "scanner-host", nil })
	if err != nil {
		t.Fatal(err)
	}
	return inv
}

func sweepDeps(t *testing.T, inv *inventory.Inventory, seg *arptest.Segment) ServeSweepDeps {
	cfg := config.Default()
	cfg.Sweep.ARPWait = config.Duration(20 * time.Millisecond)
	cfg.Sweep.Rate = 100000
	stored := cfg.Inventory
	stored.Scanner = "east-1"
	return ServeSweepDeps{Inventory: inv, Stored: stored, Config: NewLive(cfg).Get, Env: fakeEnv(seg),
		Getenv: func(string) string { return "" }, Hostname: func() (string, error) { return "scanner-host", nil }, Log: slog.New(slog.DiscardHandler)}
}

// A scheduled sweep runs the scanner on the targets and stores what it
// found under the scanner name of the inventory's section.
func TestServeSweep(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	inv := testInventory(t)
	sweep := ServeSweep(sweepDeps(t, inv, seg))
	no := false
	prog := &serve.Progress{}
	res, err := sweep(t.Context(), serve.SweepRequest{Targets: []string{"198.51.100.0/24"}, Exclude: []string{"198.51.100.200"}, MDNS: &no, Progress: prog})
	if err != nil {
		t.Fatal(err)
	}
	if res.SweepID == "" || res.Found != 1 || res.New != 1 || res.Partial || res.Sent == 0 {
		t.Errorf("result %+v", res)
	}
	all, err := targets.Build([]string{"198.51.100.0/24"}, nil, targets.Options{MaxHosts: config.Default().Sweep.MaxHosts})
	if err != nil {
		t.Fatal(err)
	}
	if n := prog.Total.Load(); n != int64(all.Size()-1) {
		t.Errorf("progress total %d: want the %d addresses less the one excluded", n, all.Size())
	}
	as, err := inv.Store().Assets(t.Context(), store.AssetFilter{})
	if err != nil || len(as) != 1 || as[0].Record.IP != netip.MustParseAddr("198.51.100.11") {
		t.Fatalf("stored %+v, %v", as, err)
	}
	sws, err := inv.Store().Sweeps(t.Context(), 10)
	if err != nil || len(sws) != 1 || sws[0].Scanner != "east-1" {
		t.Errorf("sweeps %+v, %v", sws, err)
	}

	if _, err := sweep(t.Context(), serve.SweepRequest{Targets: []string{"8.8.8.0/24"}}); err == nil {
		t.Error("a public target was swept")
	}
}

// A cancelled sweep returns promptly and is stored as partial.
func TestServeSweepCancel(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	inv := testInventory(t)
	sweep := ServeSweep(sweepDeps(t, inv, seg))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	type out struct {
		res serve.SweepResult
		err error
	}
	done := make(chan out, 1)
	go func() {
		res, err := sweep(ctx, serve.SweepRequest{Targets: []string{"198.51.100.0/24"}})
		done <- out{res, err}
	}()
	select {
	case o := <-done:
		if !errors.Is(o.err, context.Canceled) || !o.res.Partial || o.res.SweepID == "" {
			t.Errorf("cancelled sweep: %+v, %v; want a partial sweep stored and context.Canceled", o.res, o.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a cancelled sweep did not return within 10s")
	}
}

// A scheduled sweep's SNMP stage uses the config's sets, those a
// schedule names only, and the sets remembered from the store.
func TestServeSNMP(t *testing.T) {
	inv := testInventory(t)
	d := sweepDeps(t, inv, arptest.NewSegment())
	cfg := decode(t, "snmp:\n  credentials: [{name: lab, version: 2c, community: c}, {name: core, version: 2c, community: d}]\n")
	for _, tc := range []struct {
		names, want []string
	}{
		{nil, []string{"lab", "core"}},
		{[]string{"core"}, []string{"core"}},
	} {
		var so scanner.Options
		if err := SweepStages(&so, cfg, Stages{Only: tc.names}, d.Getenv, d.Log); err != nil {
			t.Fatal(err)
		}
		o := so.SNMP
		o.Remembered = d.remembered(t.Context())
		var got []string
		for _, c := range o.Credentials {
			got = append(got, c.Name)
		}
		if !slices.Equal(got, tc.want) || o.Engine == nil || o.Remembered == nil || o.FDB.Off {
			t.Errorf("names %v: sets %v, options %+v", tc.names, got, o)
		}
	}
	cfg.Locate.RulesFile = "/nonexistent/rules.yaml"
	if err := SweepStages(&scanner.Options{}, cfg, Stages{}, d.Getenv, d.Log); err == nil || !strings.Contains(err.Error(), "locate.rules_file") {
		t.Errorf("a missing rules file: %v", err)
	}
}
