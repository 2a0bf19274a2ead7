package inventory

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

func sampleKeys(ss []store.Sample) []string {
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%s[%s]=%g", s.Metric, s.Instance, s.Value))
	}
	sort.Strings(out)
	return out
}

func TestSweepSamples(t *testing.T) {
	load, idle := 12.5, 0.0
	for _, tc := range []struct {
		name string
		a    record.Asset
		want []string
	}{
		{"host", record.Asset{
			SysUptimeS: 3600, MemoryBytes: 8 << 30, MemoryUsedBytes: 2 << 30, CPUCount: 2, CPULoadPct: &load,
			Storage: []record.Storage{
				{Descr: "Physical memory", Type: "ram", SizeBytes: 8 << 30, UsedBytes: 7 << 30},
				{Descr: "Swap space", Type: "virtual_memory", SizeBytes: 1 << 30, UsedBytes: 0},
				{Descr: "Cached memory", Type: "other", SizeBytes: 5 << 30, UsedBytes: 5 << 30},
				{Descr: "Available memory", Type: "other", SizeBytes: 6 << 30},
				{Descr: "/dev/cdrom", Type: "compact_disc", SizeBytes: 700 << 20, UsedBytes: 700 << 20},
				{Descr: "A:\\", Type: "removable_disk"},
				{Descr: "/", Type: "fixed_disk", SizeBytes: 100, UsedBytes: 40},
			},
			Interfaces: []record.Interface{
				{Index: 2, InOctets: 1 << 40, OutOctets: 5, CounterBits: 64, SpeedBps: 1e9},
				{Index: 3, InOctets: 7, OutOctets: 0, CounterBits: 32},
				{Index: 4, Name: "no counters"},
				{Index: 5, InOctets: 9, OutOctets: 1}, // stored before the width was
			},
		}, []string{
			"cpu_load_pct[]=12.5", "if_hc_in_octets[2]=1.099511627776e+12", "if_hc_out_octets[2]=5",
			"if_in_octets[3]=7", "if_in_octets[5]=9", "if_out_octets[3]=0", "if_out_octets[5]=1", "if_speed_bps[2]=1e+09",
			"memory_size_bytes[]=8.589934592e+09", "memory_used_bytes[]=2.147483648e+09",
			"storage_size_bytes[/]=100", "storage_used_bytes[/]=40", "sys_uptime_s[]=3600",
		}},
		{"idle CPU is a sample", record.Asset{CPUCount: 1, CPULoadPct: &idle}, []string{"cpu_load_pct[]=0"}},
		{"nothing known", record.Asset{CPUCount: 4, MemoryBytes: 1 << 30}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := sweepSamples("a-1", "s-1", t0, &tc.a)
			for _, s := range got {
				if s.AssetID != "a-1" || s.SweepID != "s-1" || !s.Time.Equal(t0) {
					t.Errorf("stamp %+v", s)
				}
			}
			if k := sampleKeys(got); fmt.Sprint(k) != fmt.Sprint(tc.want) {
				t.Errorf("got\n%q\nwant\n%q", k, tc.want)
			}
		})
	}
}

// TestIngestSamples: samples are stored per sweep through Ingest, and
// package capacity turns two sweeps into rates and a storage series.
func TestIngestSamples(t *testing.T) {
	inv := newInv(t, Config{})
	host := func(at time.Time, up uint64, in uint64, used uint64) record.Observation {
		o := arp("192.0.2.20", "00:16:3e:00:00:20")
		o.Source = record.SourceSNMP
		o.Asset.SysUptimeS = up
		o.Asset.Interfaces = []record.Interface{{Index: 2, InOctets: in, OutOctets: in / 2, CounterBits: 64, SpeedBps: 1e9}}
		o.Asset.Storage = []record.Storage{{Descr: "/", Type: "fixed_disk", SizeBytes: 1000, UsedBytes: used}}
		return o
	}
	ingest(t, inv, sweep(t0, false, host(t0, 86400, 0, 500)))
	t1 := t0.Add(time.Hour)
	ingest(t, inv, sweep(t1, false, host(t1, 86400+3600, 450e6, 600)))
	ss, err := inv.st.Samples(t.Context(), store.SampleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2*6 {
		t.Fatalf("%d samples: %q", len(ss), sampleKeys(ss))
	}
	series := capacity.Build(ss)
	got := map[string][]float64{}
	for _, s := range series {
		for _, p := range s.Points {
			got[s.Metric+"["+s.Instance+"]"] = append(got[s.Metric+"["+s.Instance+"]"], p.Value)
		}
	}
	want := map[string][]float64{
		"storage_used_pct[/]": {50, 60}, "storage_used_bytes[/]": {500, 600},
		"if_in_bps[2]": {1e6}, "if_out_bps[2]": {0.5e6}, "if_in_util_pct[2]": {0.1}, "if_out_util_pct[2]": {0.05},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("series\n%v\nwant\n%v", got, want)
	}
}
