package assemble

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/netip"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// CapacityQuery refuses an unknown metric and negative warn days naming
// the flag, and keeps the rest for the query.
func TestCapacityQuery(t *testing.T) {
	since := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	q, err := CapacityQuery("a1", since, []string{"storage,cpu"}, 10)
	if err != nil || q.AssetID != "a1" || !q.Since.Equal(since) || len(q.Metrics) != 2 || q.Options.WarnDays != 10 || q.MaxPoints != 0 {
		t.Fatalf("query %+v, %v", q, err)
	}
	var se *SettingsError
	for name, c := range map[string]struct {
		metrics []string
		warn    float64
		says    string
	}{
		"an unknown metric":  {[]string{"disk"}, 1, `--metric "disk"`},
		"negative warn days": {nil, -1, "--warn-days -1: want 0 or more days"},
	} {
		if _, err := CapacityQuery("", since, c.metrics, c.warn); !errors.As(err, &se) || !strings.HasPrefix(err.Error(), c.says) {
			t.Errorf("%s: %v, want a *SettingsError %q", name, err, c.says)
		}
	}
}

// Capacity says its summary on stderr and writes a row per series in the
// format asked; a table of one asset charts each series unless told not
// to.
func TestCapacity(t *testing.T) {
	inv := testInventory(t)
	st := inv.Store()
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	if err := st.PutAssets(t.Context(), []store.Asset{{Record: record.Asset{AssetID: "a1", Hostname: "web1", State: store.StateActive, FirstSeen: t0, LastSeen: t0}}}); err != nil {
		t.Fatal(err)
	}
	var ss []store.Sample
	for i := range 40 {
		ss = append(ss, store.Sample{AssetID: "a1", Time: t0.Add(time.Duration(i) * time.Hour), Metric: capacity.RawCPULoad, Value: float64(i)})
	}
	if err := st.AppendSamples(t.Context(), ss); err != nil {
		t.Fatal(err)
	}
	run := func(format, asset string, noChart bool) (string, string) {
		t.Helper()
		q, err := CapacityQuery(asset, time.Time{}, nil, 30)
		if err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		if err := Capacity(t.Context(), st, q, Output{Stdout: &out, Stderr: &errb, Format: format}, noChart, true); err != nil {
			t.Fatal(err)
		}
		return out.String(), errb.String()
	}
	out, said := run("jsonl", "", false)
	var row map[string]any
	if err := json.Unmarshal([]byte(out), &row); err != nil || !strings.Contains(out, "web1") || strings.Count(out, "\n") != 1 {
		t.Errorf("jsonl %q (%v): want one row of web1", out, err)
	}
	if !strings.HasPrefix(said, "capacity: 1 series, all samples, 0 flagged (warn under 30 days)") {
		t.Errorf("summary %q", said)
	}
	charted, _ := run("table", "a1", false)
	plain, _ := run("table", "a1", true)
	all, _ := run("table", "", false)
	if !strings.Contains(plain, "web1") || !strings.HasPrefix(charted, plain) || len(charted) <= len(plain) {
		t.Errorf("a table of one asset: charted %q, want the table %q and a chart after it", charted, plain)
	}
	if all != plain {
		t.Errorf("every asset's table %q, want no chart, as %q", all, plain)
	}
}

// Baselines reads the example baselines; none given, or one it cannot
// read, is a *SettingsError saying what to give.
func TestBaselines(t *testing.T) {
	bs, err := Baselines([]string{"../../configs/baselines"})
	if err != nil || len(bs) < 3 {
		t.Fatalf("the examples: %d baselines, %v", len(bs), err)
	}
	var se *SettingsError
	for name, c := range map[string]struct {
		paths []string
		says  string
	}{
		"none":    {nil, "give --baseline FILE or DIR (examples in configs/baselines/)"},
		"missing": {[]string{filepath.Join(t.TempDir(), "none.yaml")}, "--baseline: "},
	} {
		if _, err := Baselines(c.paths); !errors.As(err, &se) || !strings.HasPrefix(err.Error(), c.says) {
			t.Errorf("%s: %v, want a *SettingsError %q", name, err, c.says)
		}
	}
}

// Drift finds an asset with a forbidden package, says so on stderr,
// writes the finding, records it unless a dry run, and with Daily writes
// the day's counts instead.
func TestDrift(t *testing.T) {
	inv := testInventory(t)
	st := inv.Store()
	t0 := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	a := store.Asset{Record: record.Asset{AssetID: "a1", OS: "Debian", OSVersion: "12", DeviceType: "server", IP: netip.MustParseAddr("192.0.2.10"), State: store.StateActive, FirstSeen: t0, LastSeen: t0}}
	if err := st.PutAssets(t.Context(), []store.Asset{a}); err != nil {
		t.Fatal(err)
	}
	if err := st.AppendSoftware(t.Context(), []store.Software{{AssetID: "a1", SweepID: "s1", Time: t0, Software: record.Software{Name: "telnetd", Version: "0.17-44"}}}); err != nil {
		t.Fatal(err)
	}
	bs, err := Baselines([]string{"../../configs/baselines/debian-servers.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	now := t0.Add(time.Hour)
	var out, said bytes.Buffer
	o := Output{Stdout: &out, Stderr: &said, Format: "csv"}
	res, err := Drift(t.Context(), st, DriftRequest{Baselines: bs, Now: now, DryRun: true}, o)
	if err != nil || res.NonCompliant != 1 || !strings.Contains(out.String(), "telnetd") || !strings.Contains(said.String(), "not recorded") {
		t.Fatalf("dry run: %+v, %v; wrote %q, said %q", res, err, out.String(), said.String())
	}
	if evs, _ := st.Events(t.Context(), store.EventFilter{Types: []string{store.EventCompliance}}); len(evs) != 0 {
		t.Errorf("a dry run recorded %d events", len(evs))
	}
	out.Reset()
	if res, err = Drift(t.Context(), st, DriftRequest{Baselines: bs, Now: now, Since: t0, Daily: true}, o); err != nil || res.NonCompliant != 1 {
		t.Fatalf("daily: %+v, %v", res, err)
	}
	if evs, _ := st.Events(t.Context(), store.EventFilter{Types: []string{store.EventCompliance}}); len(evs) == 0 {
		t.Error("recorded no compliance event")
	}
	if strings.Contains(out.String(), "telnetd") || !strings.Contains(out.String(), "2026-11-01") {
		t.Errorf("daily wrote %q, want the day's counts and no finding", out.String())
	}
}

// Output.WriteAssets labels a MAC's registry owner in mac_vendor only;
// WriteRows and AssetWriter write in the output's format.
func TestOutput(t *testing.T) {
	mac, _ := record.ParseMAC("00:00:0c:07:ac:01") // Cisco's
	var out bytes.Buffer
	o := Output{Stdout: &out, Format: "jsonl"}
	if err := o.WriteAssets([]record.Asset{{MAC: mac}}); err != nil {
		t.Fatal(err)
	}
	var got record.Asset
	if err := json.Unmarshal(out.Bytes(), &got); err != nil || !strings.Contains(strings.ToLower(got.MACVendor), "cisco") || got.Vendor != "" {
		t.Errorf("wrote %q (%v): want the MAC vendor labelled, no vendor", out.String(), err)
	}
	if _, err := (Output{Stdout: &out, Format: "xml"}).AssetWriter(); err == nil {
		t.Error("format xml accepted")
	}
}

// ListActedOn lists the assets an action returned, merged ones too, and
// an empty list for none.
func TestListActedOn(t *testing.T) {
	st := testInventory(t).Store()
	t0 := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	err := st.PutAssets(t.Context(), []store.Asset{
		{Record: record.Asset{AssetID: "a1", Hostname: "kept", State: store.StateActive, FirstSeen: t0, LastSeen: t0}},
		{Record: record.Asset{AssetID: "a2", Hostname: "folded", State: store.StateMerged, FirstSeen: t0, LastSeen: t0}},
		{Record: record.Asset{AssetID: "a3", Hostname: "other", State: store.StateActive, FirstSeen: t0, LastSeen: t0}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	o := Output{Stdout: &out, Format: "json"}
	if err := o.ListActedOn(t.Context(), st, []string{"a1", "a2"}); err != nil {
		t.Fatal(err)
	}
	if s := out.String(); !strings.Contains(s, "kept") || !strings.Contains(s, "folded") || strings.Contains(s, "other") {
		t.Errorf("listed %s", s)
	}
	out.Reset()
	if err := o.ListActedOn(t.Context(), st, nil); err != nil || strings.TrimSpace(out.String()) != "[]" {
		t.Errorf("none: %v, %q; want an empty JSON list", err, out.String())
	}
}
