package serve

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/timespec"
	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// The API's capacity rows are the CLI's: `netcensus capacity` with its
// defaults is capacity.Load over capacity.DefaultSince with the default
// warning window. The store holds 80 days of samples (a window of 30
// days would drop most), a retired and a merged asset with samples of
// their own, and an interface named only by its asset's record.
func TestCapacityAPIIsTheCLIs(t *testing.T) {
	h := newHarness(t, "", testOptions(), nil)
	ctx := t.Context()
	now := time.Now().UTC()
	const web, old, gone = "0193a1b2-0000-7000-8000-0000000000c1", "0193a1b2-0000-7000-8000-0000000000c2", "0193a1b2-0000-7000-8000-0000000000c3"
	as := []store.Asset{
		{Record: record.Asset{AssetID: web, IP: netip.MustParseAddr("192.0.2.10"), Hostname: "web1", State: store.StateActive,
			Interfaces: []record.Interface{{Index: 2, Name: "eth0"}}}},
		{Record: record.Asset{AssetID: old, IP: netip.MustParseAddr("192.0.2.11"), Hostname: "old1", State: store.StateRetired}},
		{Record: record.Asset{AssetID: gone, IP: netip.MustParseAddr("192.0.2.12"), Hostname: "gone1", State: store.StateMerged}},
	}
	if err := h.st.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	var ss []store.Sample
	for i := range 80 {
		at := store.Second(now.Add(-time.Duration(80-i) * 24 * time.Hour))
		add := func(asset, metric, inst string, v float64) {
			ss = append(ss, store.Sample{AssetID: asset, SweepID: fmt.Sprint("s", i), Time: at, Metric: metric, Instance: inst, Value: v})
		}
		add(web, capacity.RawStorageUsed, "/", (20+float64(i))*1e10) // 99 % on the last day: WARN
		add(web, capacity.RawStorageSize, "/", 1e12)
		add(web, capacity.RawCPULoad, "", float64(10+i%7))
		add(web, capacity.RawIfHCInOctets, "2", float64(i)*86400*1e6/8)
		add(web, capacity.RawIfSpeed, "2", 1e9)
		add(web, capacity.RawUptime, "", float64(i+100)*86400)
		add(old, capacity.RawCPULoad, "", 50)
		add(gone, capacity.RawCPULoad, "", 60)
	}
	if err := h.st.AppendSamples(ctx, ss); err != nil {
		t.Fatal(err)
	}
	h.start()

	since, err := timespec.ParseSince(capacity.DefaultSince, now)
	if err != nil {
		t.Fatal(err)
	}
	cli, err := capacity.Load(ctx, h.st, capacity.LoadQuery{Since: since, Options: capacity.Options{WarnDays: capacity.DefaultWarnDays}})
	if err != nil {
		t.Fatal(err)
	}
	var want []capacity.Summary
	for _, r := range cli {
		want = append(want, r.Summary)
	}
	var got struct{ Capacity []CapacityRow }
	h.getJSON("/api/v1/capacity", readToken, &got)
	var api []capacity.Summary
	for _, r := range got.Capacity {
		api = append(api, r.Summary)
	}
	wj, _ := json.Marshal(want)
	aj, _ := json.Marshal(api)
	if string(wj) != string(aj) {
		t.Errorf("API capacity\n%s\nCLI's\n%s", aj, wj)
	}
	// What the two agree on is the window, the assets and the names.
	flagged, named := false, false
	for _, s := range want {
		if s.AssetID != web {
			t.Errorf("series of %s (%s): only current assets have series", s.AssetID, s.Hostname)
		}
		if s.Metric == capacity.StorageUsedPct && s.Samples < 70 {
			t.Errorf("storage series of %d samples: want the 90-day window's", s.Samples)
		}
		flagged = flagged || s.Flag == capacity.FlagWarn
		named = named || s.InstanceName == "eth0"
	}
	if !flagged || !named || len(want) == 0 {
		t.Errorf("CLI rows %s: want a WARN storage series and eth0 named", wj)
	}
	// One asset, with its points: the same series.
	var one AssetDetails
	h.getJSON("/api/v1/assets/"+web, readToken, &one)
	if len(one.Capacity) != len(want) {
		t.Fatalf("asset page: %d series, want %d", len(one.Capacity), len(want))
	}
	for i, r := range one.Capacity {
		if r.Metric != want[i].Metric || r.Samples != want[i].Samples || len(r.Points) != len(cli[i].Series.Points) {
			t.Errorf("asset page series %d: %s %d samples %d points, want %s %d %d", i, r.Metric, r.Samples, len(r.Points),
				want[i].Metric, want[i].Samples, len(cli[i].Series.Points))
		}
	}
}
