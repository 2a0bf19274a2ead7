package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
)

var capT0 = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

const (
	capWeb = "0193a1b2-0000-7000-8000-0000000000c1"
	capSW  = "0193a1b2-0000-7000-8000-0000000000c2"
	// capSince selects every sample of the test store, whatever today is.
	capSince = "2026-01-01T00:00:00Z"
)

// capacitySamples is eleven daily sweeps of a server (a root volume
// growing 1.5 points a day from 60%, a flat /boot, memory, CPU, an
// interface at 1 Mbit/s on 1 Gbit/s with a reboot on day 5) and a switch
// with a full flash.
func capacitySamples() ([]store.Asset, []store.Interface, []store.Sample) {
	as := []store.Asset{
		{Record: record.Asset{AssetID: capWeb, IP: netip.MustParseAddr("192.0.2.10"), Hostname: "web1", State: store.StateActive,
			FirstSeen: capT0, LastSeen: capT0.Add(10 * 24 * time.Hour)}},
		{Record: record.Asset{AssetID: capSW, IP: netip.MustParseAddr("198.51.100.2"), SysName: "sw1", State: store.StateActive,
			FirstSeen: capT0, LastSeen: capT0.Add(10 * 24 * time.Hour)}},
	}
	ifs := []store.Interface{{AssetID: capWeb, SweepID: "s-10", Time: capT0.Add(10 * 24 * time.Hour), Interface: record.Interface{Index: 2, Name: "eth0"}}}
	var ss []store.Sample
	add := func(asset string, i int, metric, inst string, v float64) {
		ss = append(ss, store.Sample{AssetID: asset, SweepID: "s-" + string(rune('a'+i)), Time: capT0.Add(time.Duration(i) * 24 * time.Hour),
			Metric: metric, Instance: inst, Value: v})
	}
	const day = 86400.0
	for i := range 11 {
		add(capWeb, i, capacity.RawStorageUsed, "/", (60+1.5*float64(i))*1e10)
		add(capWeb, i, capacity.RawStorageSize, "/", 1e12)
		add(capWeb, i, capacity.RawStorageUsed, "/boot", 2e8)
		add(capWeb, i, capacity.RawStorageSize, "/boot", 1e9)
		add(capWeb, i, capacity.RawMemoryUsed, "", float64((4+i%3)<<30))
		add(capWeb, i, capacity.RawMemorySize, "", 16<<30)
		add(capWeb, i, capacity.RawCPULoad, "", float64(10+5*(i%2)))
		up, octets := 100*day+float64(i)*day, float64(i)*day*1e6/8
		if i >= 5 { // rebooted between day 4 and 5: uptime and counters restart
			up, octets = float64(i-5)*day+3600, float64(i-5)*day*1e6/8+3600*1e6/8
		}
		add(capWeb, i, capacity.RawUptime, "", up)
		add(capWeb, i, capacity.RawIfHCInOctets, "2", octets)
		add(capWeb, i, capacity.RawIfHCOutOctets, "2", octets/2)
		add(capWeb, i, capacity.RawIfSpeed, "2", 1e9)
		add(capSW, i, capacity.RawStorageUsed, "flash:", 64e6)
		add(capSW, i, capacity.RawStorageSize, "flash:", 64e6)
	}
	return as, ifs, ss
}

func fillCapacity(t *testing.T, dsn string) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	as, ifs, ss := capacitySamples()
	if err := db.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	if err := db.AppendInterfaces(ctx, ifs); err != nil {
		t.Fatal(err)
	}
	if err := db.AppendSamples(ctx, ss); err != nil {
		t.Fatal(err)
	}
}

func capacityCMDB(t *testing.T) *cmdb {
	c := newCMDB(t)
	fillCapacity(t, c.store)
	return c
}

// runLocale runs a command line with LANG set.
func (c *cmdb) runLocale(lang string, args ...string) (int, string, string) {
	c.t.Helper()
	a, out, errb := testApp(c.t, nil, nil)
	env := a.getenv
	a.getenv = func(k string) string {
		if k == "LANG" {
			return lang
		}
		return env(k)
	}
	code := run(context.Background(), a, append([]string{"--config", c.cfg, "--store", c.store}, args...))
	return code, out.String(), errb.String()
}

func TestCapacityCommand(t *testing.T) {
	c := capacityCMDB(t)
	out := c.ok(nil, "capacity", "--since", capSince, "-o", "json")
	var rows []capacity.Summary
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := map[string]capacity.Summary{}
	var order []string
	for _, r := range rows {
		k := r.Hostname + " " + r.Metric + " " + r.Instance
		got[k] = r
		order = append(order, k)
	}
	wantOrder := []string{
		"web1 storage_used_pct /", "web1 storage_used_bytes /", "web1 storage_used_pct /boot", "web1 storage_used_bytes /boot",
		"web1 memory_used_pct ", "web1 cpu_load_pct ",
		"web1 if_in_util_pct 2", "web1 if_out_util_pct 2", "web1 if_in_bps 2", "web1 if_out_bps 2",
		"sw1 storage_used_pct flash:", "sw1 storage_used_bytes flash:",
	}
	if strings.Join(order, "|") != strings.Join(wantOrder, "|") {
		t.Fatalf("series:\n%q\nwant\n%q", order, wantOrder)
	}
	root := got["web1 storage_used_pct /"]
	if root.Flag != capacity.FlagWarn || root.DaysToFull == nil || math.Abs(*root.DaysToFull-25/1.5) > 1e-6 ||
		root.TrendPerDay == nil || math.Abs(*root.TrendPerDay-1.5) > 1e-9 || root.Latest != 75 || root.Samples != 11 {
		t.Errorf("root volume: %+v", root)
	}
	if b := got["web1 storage_used_pct /boot"]; b.Flag != "" || b.DaysToFull != nil {
		t.Errorf("flat /boot forecast: %+v", b)
	}
	if f := got["sw1 storage_used_pct flash:"]; f.Flag != capacity.FlagFull || f.DaysToFull == nil || *f.DaysToFull != 0 {
		t.Errorf("full flash: %+v", f)
	}
	in := got["web1 if_in_util_pct 2"]
	// Ten intervals, the reboot's dropped: nine at 0.1%, never a spike.
	if in.Samples != 9 || in.Dropped != 1 || math.Abs(in.Max-0.1) > 1e-9 || math.Abs(in.Min-0.1) > 1e-9 || in.InstanceName != "eth0" {
		t.Errorf("interface: %+v", in)
	}
	if cpu := got["web1 cpu_load_pct "]; cpu.Min != 10 || cpu.Max != 15 || cpu.DaysToFull != nil {
		t.Errorf("cpu: %+v", cpu)
	}

	// --warn-days moves the flag; --metric and --asset select.
	out = c.ok(nil, "capacity", "--since", capSince, "--warn-days", "10", "--metric", "storage_used_pct", "-o", "jsonl")
	if n := strings.Count(out, "\n"); n != 3 || strings.Contains(out, `"flag":"warn"`) || !strings.Contains(out, `"flag":"full"`) {
		t.Errorf("--warn-days 10:\n%s", out)
	}
	out = c.ok(nil, "capacity", "--since", capSince, "--asset", capWeb, "--metric", "memory,cpu", "-o", "csv")
	lines := strings.Split(strings.TrimSpace(out), "\r\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "asset_id,hostname,metric,") || !strings.Contains(lines[1], ",memory_used_pct,") {
		t.Errorf("csv:\n%s", out)
	}
	// A window that begins after the samples selects none.
	out = c.ok(nil, "capacity", "--since", "2026-03-20T00:00:00Z", "-o", "csv")
	if strings.Count(out, "\r\n") != 1 {
		t.Errorf("window after the samples:\n%s", out)
	}
}

func TestCapacityTable(t *testing.T) {
	c := capacityCMDB(t)
	for _, tc := range []struct{ lang, golden string }{{"en_US.UTF-8", "table-utf8.txt"}, {"C", "table-ascii.txt"}} {
		code, out, errb := c.runLocale(tc.lang, "capacity", "--since", capSince, "-o", "table")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errb)
		}
		if !strings.Contains(errb, "capacity: 12 series, since 2026-01-01T00:00:00Z, 2 flagged (warn under 30 days)") {
			t.Errorf("stderr: %s", errb)
		}
		goldenFile(t, "../capacity/"+tc.golden, []byte(out))
	}
	code, out, _ := c.runLocale("C.UTF-8", "capacity", "--since", capSince, "--asset", capWeb, "--metric", "storage_used_pct,if_in_util_pct", "-o", "table")
	if code != 0 {
		t.Fatal(code)
	}
	goldenFile(t, "../capacity/asset-chart.txt", []byte(out))
	_, out, _ = c.runLocale("C.UTF-8", "capacity", "--since", capSince, "--asset", capWeb, "--no-chart", "-o", "table")
	if strings.Contains(out, "└") {
		t.Errorf("--no-chart drew a chart:\n%s", out)
	}
}

func TestCapacityRefusals(t *testing.T) {
	c := capacityCMDB(t)
	for _, args := range [][]string{
		{"--metric", "disk"},
		{"--asset", "no-such-asset"},
		{"--warn-days", "-1"},
		{"--since", "last week"},
		{"-o", "xml"},
	} {
		code, _, errb := c.run(nil, append([]string{"capacity"}, args...)...)
		if code != 2 || errb == "" {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, errb)
		}
	}
}

// Sweeps seconds apart (issue 16): two or three samples 9 seconds apart
// make no trend and no forecast, and say so; the values are still shown.
func TestCapacitySweepsSecondsApart(t *testing.T) {
	c := newCMDB(t)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, strings.TrimPrefix(c.store, "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	as := []store.Asset{{Record: record.Asset{AssetID: capWeb, IP: netip.MustParseAddr("192.0.2.10"), Hostname: "web1", State: store.StateActive,
		FirstSeen: capT0, LastSeen: capT0.Add(18 * time.Second)}}}
	var ss []store.Sample
	for i, used := range []float64{50e9, 57e9, 64e9} {
		at := capT0.Add(time.Duration(i) * 9 * time.Second)
		sweep := fmt.Sprintf("s-%d", i)
		ss = append(ss, store.Sample{AssetID: capWeb, SweepID: sweep, Time: at, Metric: capacity.RawStorageUsed, Instance: "/", Value: used},
			store.Sample{AssetID: capWeb, SweepID: sweep, Time: at, Metric: capacity.RawStorageSize, Instance: "/", Value: 100e9})
	}
	if err := db.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	if err := db.AppendSamples(ctx, ss); err != nil {
		t.Fatal(err)
	}
	db.Close()

	code, out, errb := c.run(nil, "capacity", "--since", capSince, "--metric", "storage_used_pct", "-o", "jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var got capacity.Summary
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Samples != 3 || got.Latest != 64 || got.Min != 50 || got.TrendPerDay != nil || got.DaysToFull != nil || got.Flag != "" {
		t.Errorf("3 samples over 18 s: %s", out)
	}
	if !strings.Contains(errb, "1 series without a trend or forecast: a trend needs 3 samples over 24h0m0s at least") {
		t.Errorf("stderr does not say why there is no forecast:\n%s", errb)
	}
	_, out, _ = c.run(nil, "capacity", "--since", capSince, "--metric", "storage_used_pct", "-o", "table")
	if !strings.Contains(out, "too soon") || strings.Contains(out, "WARN") {
		t.Errorf("table:\n%s", out)
	}
}
