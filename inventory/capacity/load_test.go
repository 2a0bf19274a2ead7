package capacity

import (
	"context"
	"slices"
	"testing"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

func TestParseMetrics(t *testing.T) {
	f, err := ParseMetrics([]string{"storage, cpu_load_pct", "interface"})
	if err != nil {
		t.Fatal(err)
	}
	for metric, want := range map[string]bool{
		StorageUsedPct: true, StorageUsedBytes: true, CPULoadPct: true, IfInBps: true,
		MemoryUsedPct: false,
	} {
		if f.Match(metric) != want {
			t.Errorf("Match(%s) = %v, want %v", metric, !want, want)
		}
	}
	if !MetricFilter(nil).Match(MemoryUsedPct) {
		t.Error("an empty filter must match everything")
	}
	if _, err := ParseMetrics([]string{"disk"}); err == nil {
		t.Error("unknown metric accepted")
	}
}

func TestThin(t *testing.T) {
	ps := make([]Point, 10)
	for i := range ps {
		ps[i] = Point{Time: at(i), Value: float64(i)}
	}
	got := Thin(ps, 5)
	if want := []float64{0.5, 2.5, 4.5, 6.5, 8.5}; !slices.Equal(Values(got), want) {
		t.Errorf("values %v, want %v", Values(got), want)
	}
	if !got[4].Time.Equal(at(9)) || !got[0].Time.Equal(at(1)) {
		t.Errorf("times %v .. %v: want each bucket's last", got[0].Time, got[4].Time)
	}
	if len(Thin(ps, 20)) != 10 {
		t.Error("fewer points than n must be kept as they are")
	}
}

// fakeReader is a store of assets, their samples and interfaces.
type fakeReader struct {
	fakeSampler
	assets []store.Asset
	ifs    map[string][]store.Interface
}

func (f *fakeReader) Asset(_ context.Context, id string) (store.Asset, error) {
	for _, a := range f.assets {
		if a.Record.AssetID == id {
			return a, nil
		}
	}
	return store.Asset{}, store.ErrNotFound
}

func (f *fakeReader) Assets(context.Context, store.AssetFilter) ([]store.Asset, error) {
	return f.assets, nil
}

func (f *fakeReader) Interfaces(_ context.Context, id string) ([]store.Interface, error) {
	return f.ifs[id], nil
}

func asset(id, host, state string) store.Asset {
	return store.Asset{Record: record.Asset{AssetID: id, Hostname: host, State: state}}
}

// Load summarises every asset's series but merged and retired ones, filtered by
// metric, names interfaces from the latest snapshot, and thins points.
func TestLoad(t *testing.T) {
	var ss []store.Sample
	for i := range 30 {
		ss = append(ss,
			store.Sample{AssetID: "a", Time: at(i), Metric: RawCPULoad, Value: float64(i)},
			store.Sample{AssetID: "m", Time: at(i), Metric: RawCPULoad, Value: 1},
			store.Sample{AssetID: "r", Time: at(i), Metric: RawCPULoad, Value: 2},
			store.Sample{AssetID: "a", Time: at(i), Metric: RawIfHCInOctets, Instance: "2", Value: float64(i) * 1e6},
		)
	}
	f := &fakeReader{
		fakeSampler: fakeSampler{ss: ss},
		assets:      []store.Asset{asset("a", "web1", store.StateActive), asset("m", "old", store.StateMerged), asset("r", "gone", store.StateRetired)},
		ifs:         map[string][]store.Interface{"a": {{AssetID: "a", Interface: record.Interface{Index: 2, Name: "eth0"}}}},
	}
	rows, err := Load(context.Background(), f, LoadQuery{MaxPoints: 8})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.AssetID+" "+r.Hostname+" "+r.Metric+" "+r.InstanceName)
		if len(r.Series.Points) > 8 {
			t.Errorf("%s: %d points, want at most 8", r.Metric, len(r.Series.Points))
		}
	}
	want := []string{"a web1 cpu_load_pct ", "a web1 if_in_bps eth0"}
	if !slices.Equal(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
	rows, err = Load(context.Background(), f, LoadQuery{AssetID: "a", Metrics: MetricFilter{"cpu"}})
	if err != nil || len(rows) != 1 || len(rows[0].Series.Points) != 30 {
		t.Fatalf("one asset, cpu only, every point: %v %+v", err, rows)
	}
	// Assets read already by the caller are not read again.
	rows, err = Load(context.Background(), f, LoadQuery{Assets: []Current{{AssetID: "r", Name: "given"}}})
	if err != nil || len(rows) != 1 || rows[0].AssetID != "r" || rows[0].Hostname != "given" {
		t.Fatalf("given assets: %v %+v", err, rows)
	}
	if _, err := Load(context.Background(), f, LoadQuery{AssetID: "nope"}); err == nil {
		t.Error("unknown asset accepted")
	}
}
