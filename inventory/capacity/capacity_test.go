package capacity

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

var t0 = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

const hour = 3600

// at is the i-th hourly sweep.
func at(i int) time.Time { return t0.Add(time.Duration(i) * time.Hour) }

func counters(vals ...float64) []store.Sample {
	out := make([]store.Sample, len(vals))
	for i, v := range vals {
		out[i] = store.Sample{AssetID: "a", Time: at(i), Metric: RawIfHCInOctets, Instance: "1", Value: v}
	}
	return out
}

// everySweep maps each of n hourly sweeps to v(i).
func everySweep(n int, v func(i int) float64) map[int64]float64 {
	m := map[int64]float64{}
	for i := range n {
		m[at(i).Unix()] = v(i)
	}
	return m
}

const (
	two32 = 4294967296.0
	two64 = 18446744073709551616.0
	gbit  = 1e9
)

func TestRates(t *testing.T) {
	steady := func(n int) map[int64]float64 {
		return everySweep(n, func(i int) float64 { return float64(1000*hour + i*hour) })
	}
	for _, tc := range []struct {
		name    string
		cs      []store.Sample
		bits    int
		uptime  map[int64]float64
		speed   map[int64]float64
		want    []float64 // bit/s per kept interval
		speeds  []float64
		dropped int
	}{
		{name: "steady", cs: counters(0, 450e6, 900e6), bits: 64, speed: everySweep(3, func(int) float64 { return gbit }),
			want: []float64{1e6, 1e6}, speeds: []float64{gbit, gbit}},
		{name: "32-bit wrap", cs: counters(two32-450e6/2, 450e6/2), bits: 32, speed: everySweep(2, func(int) float64 { return gbit }),
			want: []float64{1e6}, speeds: []float64{gbit}},
		{name: "32-bit wrap, speed unknown", cs: counters(two32-1000, 8000), bits: 32,
			want: []float64{9000 * 8 / float64(hour)}, speeds: []float64{0}},
		{name: "64-bit wrap", cs: counters(two64-1e9, 3.5e9), bits: 64, speed: everySweep(2, func(int) float64 { return 10 * gbit }),
			want: []float64{4.5e9 * 8 / hour}, speeds: []float64{10 * gbit}},
		{name: "64-bit wrap, speed unknown", cs: counters(two64-1e9, 3.5e9), bits: 64,
			want: []float64{4.5e9 * 8 / hour}, speeds: []float64{0}},
		{name: "counter reset, 64-bit", cs: counters(5e12, 6e12, 1e9, 2e9), bits: 64,
			want: []float64{1e12 * 8 / hour, 1e9 * 8 / hour}, speeds: []float64{0, 0}, dropped: 1},
		{name: "32-bit backwards beyond line rate is a reset", cs: counters(3e9, 3.5e9, 1e6), bits: 32,
			speed: everySweep(3, func(int) float64 { return 1e6 }), want: []float64{5e8 * 8 / hour}, speeds: []float64{1e6}, dropped: 1},
		{name: "32-bit backwards by more than half the range, speed unknown", cs: counters(1e9, 5e6), bits: 32, dropped: 1},
		{name: "agent reboot: uptime backwards", cs: counters(1e9, 2e9, 3e9, 4e9), bits: 64,
			uptime: map[int64]float64{at(0).Unix(): 5e6, at(1).Unix(): 5e6 + hour, at(2).Unix(): 10, at(3).Unix(): 10 + hour},
			want:   []float64{1e9 * 8 / hour, 1e9 * 8 / hour}, speeds: []float64{0, 0}, dropped: 1},
		{name: "agent reboot with counters that did not go backwards", cs: counters(1e6, 2e9), bits: 64,
			uptime: map[int64]float64{at(0).Unix(): 100, at(1).Unix(): 600}, dropped: 1},
		{name: "uptime steady, no drop", cs: counters(0, 1e9, 2e9), bits: 64, uptime: steady(3),
			want: []float64{1e9 * 8 / hour, 1e9 * 8 / hour}, speeds: []float64{0, 0}},
		{name: "single sample", cs: counters(42), bits: 64},
		{name: "no samples", bits: 32},
		{name: "speed from the previous sweep", cs: counters(0, 450e6), bits: 64, speed: map[int64]float64{at(0).Unix(): gbit},
			want: []float64{1e6}, speeds: []float64{gbit}},
		{name: "same second twice", cs: append(counters(0, 450e6), store.Sample{Time: at(1), Value: 450e6}), bits: 64,
			want: []float64{1e6}, speeds: []float64{0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs, dropped := Rates(tc.cs, tc.bits, tc.uptime, tc.speed)
			if dropped != tc.dropped || len(rs) != len(tc.want) {
				t.Fatalf("got %d rates %+v, %d dropped; want %v, %d dropped", len(rs), rs, dropped, tc.want, tc.dropped)
			}
			for i, r := range rs {
				if math.Abs(r.Bps-tc.want[i]) > 1e-6*math.Max(1, tc.want[i]) || r.Speed != tc.speeds[i] {
					t.Errorf("rate %d = %v bit/s at speed %v, want %v at %v", i, r.Bps, r.Speed, tc.want[i], tc.speeds[i])
				}
				if r.Bps < 0 {
					t.Errorf("negative rate %v", r.Bps)
				}
			}
		})
	}
}

func sample(metric, inst string, i int, v float64) store.Sample {
	return store.Sample{AssetID: "a", SweepID: "s", Time: at(i), Metric: metric, Instance: inst, Value: v}
}

func find(t *testing.T, ss []Series, metric, inst string) Series {
	t.Helper()
	for _, s := range ss {
		if s.Metric == metric && s.Instance == inst {
			return s
		}
	}
	t.Fatalf("no series %s %s in %+v", metric, inst, ss)
	return Series{}
}

func values(s Series) []float64 {
	out := make([]float64, len(s.Points))
	for i, p := range s.Points {
		out[i] = p.Value
	}
	return out
}

func near(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9*math.Max(1, math.Abs(b[i])) {
			return false
		}
	}
	return true
}

func TestBuild(t *testing.T) {
	var ss []store.Sample
	for i := range 4 {
		ss = append(ss,
			sample(RawStorageUsed, "/", i, float64(40+10*i)),
			sample(RawStorageSize, "/", i, 100),
			sample(RawMemoryUsed, "", i, 512),
			sample(RawMemorySize, "", i, 1024),
			sample(RawCPULoad, "", i, float64(i)),
			sample(RawUptime, "", i, float64(1e6+i*hour)),
			// interface 2: 64-bit with a speed; interface 10: 32-bit, no speed.
			sample(RawIfHCInOctets, "2", i, float64(i)*450e6),
			sample(RawIfHCOutOctets, "2", i, float64(i)*900e6),
			sample(RawIfSpeed, "2", i, gbit),
			sample(RawIfInOctets, "10", i, float64(i)*450),
			sample(RawIfOutOctets, "10", i, 0),
		)
	}
	// A volume whose size is unknown at one sweep: that point is left out.
	ss = append(ss, sample(RawStorageUsed, "/var", 0, 5), sample(RawStorageSize, "/var", 0, 10), sample(RawStorageUsed, "/var", 1, 6))
	got := Build(ss)
	var order []string
	for _, s := range got {
		order = append(order, s.Metric+" "+s.Instance)
	}
	want := []string{"storage_used_pct /", "storage_used_bytes /", "storage_used_pct /var", "storage_used_bytes /var",
		"memory_used_pct ", "cpu_load_pct ",
		"if_in_util_pct 2", "if_out_util_pct 2", "if_in_bps 2", "if_out_bps 2", "if_in_bps 10", "if_out_bps 10"}
	if len(order) != len(want) {
		t.Fatalf("series:\n%q\nwant\n%q", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("series:\n%q\nwant\n%q", order, want)
		}
	}
	for _, c := range []struct {
		metric, inst string
		want         []float64
	}{
		{StorageUsedPct, "/", []float64{40, 50, 60, 70}},
		{StorageUsedBytes, "/", []float64{40, 50, 60, 70}},
		{StorageUsedPct, "/var", []float64{50}},
		{StorageUsedBytes, "/var", []float64{5, 6}},
		{MemoryUsedPct, "", []float64{50, 50, 50, 50}},
		{CPULoadPct, "", []float64{0, 1, 2, 3}},
		{IfInBps, "2", []float64{1e6, 1e6, 1e6}},
		{IfInUtilPct, "2", []float64{0.1, 0.1, 0.1}},
		{IfOutUtilPct, "2", []float64{0.2, 0.2, 0.2}},
		{IfInBps, "10", []float64{1, 1, 1}},
		{IfOutBps, "10", []float64{0, 0, 0}},
	} {
		s := find(t, got, c.metric, c.inst)
		if !near(values(s), c.want) {
			t.Errorf("%s %s = %v, want %v", c.metric, c.inst, values(s), c.want)
		}
	}
	if s := find(t, got, StorageUsedPct, "/"); s.Limit != 100 || s.Unit != UnitPercent {
		t.Errorf("storage pct limit %v unit %q", s.Limit, s.Unit)
	}
	if s := find(t, got, IfInBps, "2"); s.Limit != 0 || s.Unit != UnitBps {
		t.Errorf("interface limit %v unit %q", s.Limit, s.Unit)
	}
}

// TestBuildWidthChange: an agent answering 32-bit counters one sweep
// (SNMPv1) and 64-bit ones the next never has a delta taken across the
// two; rows stored as if_in_octets before the width was recorded but
// beyond 32 bits are read as 64-bit.
func TestBuildWidthChange(t *testing.T) {
	ss := []store.Sample{
		sample(RawIfInOctets, "1", 0, 1000), sample(RawIfInOctets, "1", 1, 1000+450),
		sample(RawIfHCInOctets, "1", 2, 1e12), sample(RawIfHCInOctets, "1", 3, 1e12+900),
		// legacy rows: 64-bit values under the 32-bit name, wrapping 2^32 is not a wrap.
		sample(RawIfInOctets, "7", 0, 5e9), sample(RawIfInOctets, "7", 1, 5e9+450),
	}
	got := Build(ss)
	if v := values(find(t, got, IfInBps, "1")); !near(v, []float64{1, 2}) {
		t.Errorf("mixed widths: %v, want [1 2]", v)
	}
	if v := values(find(t, got, IfInBps, "7")); !near(v, []float64{1}) {
		t.Errorf("legacy 64-bit: %v", v)
	}
	// Read as 64-bit, 5e9 -> 3 is a reset, not a 32-bit wrap: no rate.
	legacy := []store.Sample{sample(RawIfInOctets, "7", 0, 5e9), sample(RawIfInOctets, "7", 1, 3)}
	if got := Build(legacy); len(got) != 0 {
		t.Errorf("legacy reset gave %+v", got)
	}
}

func TestBuildSingleCounterSample(t *testing.T) {
	got := Build([]store.Sample{sample(RawIfHCInOctets, "1", 0, 5), sample(RawStorageUsed, "/", 0, 1), sample(RawStorageSize, "/", 0, 2)})
	for _, s := range got {
		if s.Metric == IfInBps || s.Metric == IfInUtilPct {
			t.Errorf("a counter read once gave a series: %+v", s)
		}
	}
	if len(got) != 2 {
		t.Errorf("series: %+v", got)
	}
}

type fakeSampler struct {
	got store.SampleFilter
	ss  []store.Sample
	err error
}

func (f *fakeSampler) Samples(_ context.Context, sf store.SampleFilter) ([]store.Sample, error) {
	f.got = sf
	return f.ss, f.err
}

func TestQuery(t *testing.T) {
	f := &fakeSampler{ss: []store.Sample{sample(RawCPULoad, "", 0, 5), sample(RawCPULoad, "", 1, 7)}}
	since := t0.Add(-time.Hour)
	got, err := Query(context.Background(), f, store.SampleFilter{AssetID: "a", Metric: "cpu_load_pct", Since: since})
	if err != nil || len(got) != 1 || !near(values(got[0]), []float64{5, 7}) {
		t.Fatalf("%v %+v", err, got)
	}
	if f.got.Metric != "" || f.got.AssetID != "a" || !f.got.Since.Equal(since) {
		t.Errorf("filter passed %+v", f.got)
	}
	f.err = errors.New("boom")
	if _, err := Query(context.Background(), f, store.SampleFilter{}); err == nil {
		t.Error("error swallowed")
	}
}
