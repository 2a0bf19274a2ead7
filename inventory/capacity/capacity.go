// Package capacity turns the samples each sweep stores (storage, memory,
// CPU load, uptime, interface counters and speeds) into series per asset,
// metric and instance, and summarises each series over a window: latest,
// min, average, max, a linear least-squares trend per day and, for
// storage and memory, the days until full.
//
// Interface utilisation comes from counter deltas: a delta below zero is
// a wrap at the counter's width (32 or 64 bits) when the wrapped rate is
// possible, else a counter reset; an agent reboot (sysUpTime going
// backwards, or less uptime than time between the sweeps) drops the
// interval. A dropped interval is counted, never turned into a spike.
package capacity

import (
	"context"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

// Raw metrics: what inventory stores per sweep (store.Sample.Metric).
const (
	// RawStorageUsed and RawStorageSize are bytes per hrStorage volume
	// (instance: its description).
	RawStorageUsed = "storage_used_bytes"
	RawStorageSize = "storage_size_bytes"
	// RawMemoryUsed and RawMemorySize are physical memory bytes.
	RawMemoryUsed = "memory_used_bytes"
	RawMemorySize = "memory_size_bytes"
	// RawCPULoad is the processors' average load in percent.
	RawCPULoad = "cpu_load_pct"
	// RawUptime is sysUpTime in seconds: it detects agent reboots.
	RawUptime = "sys_uptime_s"
	// RawIfInOctets and RawIfOutOctets are 32-bit counters (ifInOctets,
	// ifOutOctets); RawIfHCInOctets and RawIfHCOutOctets 64-bit ones
	// (ifHCInOctets, ifHCOutOctets). Instance: the ifIndex.
	RawIfInOctets    = "if_in_octets"
	RawIfOutOctets   = "if_out_octets"
	RawIfHCInOctets  = "if_hc_in_octets"
	RawIfHCOutOctets = "if_hc_out_octets"
	// RawIfSpeed is the interface's speed in bits per second.
	RawIfSpeed = "if_speed_bps"
)

// Series metrics: what Build derives.
const (
	StorageUsedPct   = "storage_used_pct"
	StorageUsedBytes = "storage_used_bytes"
	MemoryUsedPct    = "memory_used_pct"
	CPULoadPct       = "cpu_load_pct"
	IfInBps          = "if_in_bps"
	IfOutBps         = "if_out_bps"
	IfInUtilPct      = "if_in_util_pct"
	IfOutUtilPct     = "if_out_util_pct"
)

// Metrics lists the series metrics in the order output sorts them.
func Metrics() []string {
	return []string{StorageUsedPct, StorageUsedBytes, MemoryUsedPct, CPULoadPct, IfInUtilPct, IfOutUtilPct, IfInBps, IfOutBps}
}

// Units.
const (
	UnitPercent = "%"
	UnitBytes   = "bytes"
	UnitBps     = "bit/s"
)

// Point is one value of a series.
type Point struct {
	Time  time.Time `json:"time"`
	Value float64   `json:"value"`
}

// Series is one metric of one instance of one asset, oldest first.
type Series struct {
	AssetID  string `json:"asset_id"`
	Metric   string `json:"metric"`
	Instance string `json:"instance,omitempty"`
	Unit     string `json:"unit"`
	// Limit is the value at which the series is full (100 for storage
	// and memory percentages); 0 when it has no forecast.
	Limit  float64 `json:"limit,omitempty"`
	Points []Point `json:"points"`
	// Dropped counts counter intervals left out: agent reboots and
	// counter resets.
	Dropped int `json:"dropped,omitempty"`
}

// Sampler is the part of store.Store that Query reads.
type Sampler interface {
	Samples(ctx context.Context, f store.SampleFilter) ([]store.Sample, error)
}

// Query reads the samples f selects (f.Metric is ignored: series need
// several raw metrics) and builds their series.
func Query(ctx context.Context, st Sampler, f store.SampleFilter) ([]Series, error) {
	f.Metric = ""
	ss, err := st.Samples(ctx, f)
	if err != nil {
		return nil, err
	}
	return Build(ss), nil
}

type key struct{ asset, metric, instance string }

// Build groups samples into series, sorted by asset, metric (Metrics
// order) and instance. Series without points (a counter seen once) are
// left out.
func Build(samples []store.Sample) []Series {
	raw := map[key][]store.Sample{}
	assets := map[string]bool{}
	for _, s := range samples {
		k := key{s.AssetID, s.Metric, s.Instance}
		raw[k] = append(raw[k], s)
		assets[s.AssetID] = true
	}
	for k := range raw {
		rs := raw[k]
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Time.Before(rs[j].Time) })
	}
	var out []Series
	for k, used := range raw {
		switch k.metric {
		case RawStorageUsed:
			size := byTime(raw[key{k.asset, RawStorageSize, k.instance}])
			out = append(out, ratio(k, StorageUsedPct, used, size), plain(k, StorageUsedBytes, UnitBytes, used))
		case RawMemoryUsed:
			size := byTime(raw[key{k.asset, RawMemorySize, k.instance}])
			out = append(out, ratio(k, MemoryUsedPct, used, size))
		case RawCPULoad:
			out = append(out, plain(k, CPULoadPct, UnitPercent, used))
		}
	}
	for asset := range assets {
		out = append(out, interfaces(asset, raw)...)
	}
	kept := out[:0]
	for _, s := range out {
		if len(s.Points) > 0 {
			kept = append(kept, s)
		}
	}
	sortSeries(kept)
	return kept
}

func byTime(ss []store.Sample) map[int64]float64 {
	m := make(map[int64]float64, len(ss))
	for _, s := range ss {
		m[s.Time.Unix()] = s.Value
	}
	return m
}

func plain(k key, metric, unit string, ss []store.Sample) Series {
	s := Series{AssetID: k.asset, Metric: metric, Instance: k.instance, Unit: unit}
	for _, x := range ss {
		s.Points = append(s.Points, Point{x.Time.UTC(), x.Value})
	}
	return s
}

// ratio is used / size in percent at each time both were read with a
// size above zero.
func ratio(k key, metric string, used []store.Sample, size map[int64]float64) Series {
	s := Series{AssetID: k.asset, Metric: metric, Instance: k.instance, Unit: UnitPercent, Limit: 100}
	for _, u := range used {
		if sz, ok := size[u.Time.Unix()]; ok && sz > 0 {
			s.Points = append(s.Points, Point{u.Time.UTC(), u.Value / sz * 100})
		}
	}
	return s
}

// counterPair names the raw counters of one direction at both widths.
var directions = []struct {
	c32, c64, bps, util string
}{
	{RawIfInOctets, RawIfHCInOctets, IfInBps, IfInUtilPct},
	{RawIfOutOctets, RawIfHCOutOctets, IfOutBps, IfOutUtilPct},
}

// interfaces derives rate and utilisation series for every interface of
// asset.
func interfaces(asset string, raw map[key][]store.Sample) []Series {
	uptime := byTime(raw[key{asset, RawUptime, ""}])
	insts := map[string]bool{}
	for k := range raw {
		if k.asset == asset {
			for _, d := range directions {
				if k.metric == d.c32 || k.metric == d.c64 {
					insts[k.instance] = true
				}
			}
		}
	}
	var out []Series
	for inst := range insts {
		speed := byTime(raw[key{asset, RawIfSpeed, inst}])
		for _, d := range directions {
			bps := Series{AssetID: asset, Metric: d.bps, Instance: inst, Unit: UnitBps}
			util := Series{AssetID: asset, Metric: d.util, Instance: inst, Unit: UnitPercent}
			for _, w := range []struct {
				metric string
				bits   int
			}{{d.c32, 32}, {d.c64, 64}} {
				cs := raw[key{asset, w.metric, inst}]
				bits := w.bits
				if bits == 32 && exceeds32(cs) {
					// Stored before the width was recorded: a value beyond
					// 32 bits can only be a 64-bit counter.
					bits = 64
				}
				rates, dropped := Rates(cs, bits, uptime, speed)
				bps.Dropped += dropped
				for _, r := range rates {
					bps.Points = append(bps.Points, Point{r.Time, r.Bps})
					if r.Speed > 0 {
						util.Points = append(util.Points, Point{r.Time, r.Bps / r.Speed * 100})
					}
				}
			}
			sortPoints(bps.Points)
			sortPoints(util.Points)
			util.Dropped = bps.Dropped
			out = append(out, bps, util)
		}
	}
	return out
}

func exceeds32(ss []store.Sample) bool {
	for _, s := range ss {
		if s.Value > math.MaxUint32 {
			return true
		}
	}
	return false
}

func sortPoints(ps []Point) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Time.Before(ps[j].Time) })
}

// Rate is a counter's rate over one interval ending at Time.
type Rate struct {
	Time time.Time
	Bps  float64
	// Speed is the interface's speed then, 0 when unknown.
	Speed float64
}

// rebootSlack allows for uptime and sample times being whole seconds.
const rebootSlack = 2

// Rates turns consecutive readings of an octet counter of width bits into
// bit rates. uptime and speed map a sample's Unix second to sysUpTime
// (seconds) and the interface speed (bits/s) read in the same sweep. An
// interval is dropped (and counted) when the agent rebooted in it (uptime
// went backwards or is shorter than the interval) or the counter was
// reset (it went backwards and a wrap would mean more than the line rate,
// or, with no speed known, more than half the counter's range).
func Rates(cs []store.Sample, bits int, uptime, speed map[int64]float64) (rates []Rate, dropped int) {
	span := math.Pow(2, float64(bits))
	for i := 1; i < len(cs); i++ {
		p, c := cs[i-1], cs[i]
		dt := c.Time.Sub(p.Time).Seconds()
		if dt <= 0 {
			continue
		}
		pt, ct := p.Time.Unix(), c.Time.Unix()
		if up, ok := uptime[ct]; ok {
			if prev, ok := uptime[pt]; ok && up < prev {
				dropped++
				continue
			}
			if up+rebootSlack < dt {
				dropped++
				continue
			}
		}
		sp := speed[ct]
		if sp <= 0 {
			sp = speed[pt]
		}
		d := c.Value - p.Value
		if d < 0 {
			wrapped := c.Value + span - p.Value
			possible := wrapped < span/2
			if sp > 0 {
				// 5% over the line rate allows for sample timing.
				possible = wrapped*8/dt <= sp*1.05
			}
			if !possible {
				dropped++
				continue
			}
			d = wrapped
		}
		rates = append(rates, Rate{Time: c.Time.UTC(), Bps: d * 8 / dt, Speed: sp})
	}
	return rates, dropped
}

func metricRank(m string) int {
	for i, x := range Metrics() {
		if x == m {
			return i
		}
	}
	return len(Metrics())
}

// lessInstance orders numerically when both are numbers (ifIndex).
func lessInstance(a, b string) bool {
	x, errA := strconv.Atoi(a)
	y, errB := strconv.Atoi(b)
	if errA == nil && errB == nil {
		return x < y
	}
	if (errA == nil) != (errB == nil) {
		return errA == nil
	}
	return a < b
}

// family groups metrics: storage, memory, cpu, interfaces.
func family(m string) int {
	for i, p := range []string{"storage_", "memory_", "cpu_", "if_"} {
		if strings.HasPrefix(m, p) {
			return i
		}
	}
	return 4
}

// sortSeries orders by asset, family, instance, then metric, so that an
// interface's series stand together.
func sortSeries(ss []Series) {
	sort.Slice(ss, func(i, j int) bool {
		a, b := &ss[i], &ss[j]
		if a.AssetID != b.AssetID {
			return a.AssetID < b.AssetID
		}
		if fa, fb := family(a.Metric), family(b.Metric); fa != fb {
			return fa < fb
		}
		if a.Instance != b.Instance {
			return lessInstance(a.Instance, b.Instance)
		}
		return metricRank(a.Metric) < metricRank(b.Metric)
	})
}
