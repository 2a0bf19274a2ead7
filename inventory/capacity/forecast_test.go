package capacity

import (
	"math"
	"testing"
	"time"
)

func daily(vals ...float64) []Point {
	ps := make([]Point, len(vals))
	for i, v := range vals {
		ps[i] = Point{t0.Add(time.Duration(i) * 24 * time.Hour), v}
	}
	return ps
}

// every spaces points step apart from t0.
func every(step time.Duration, vals ...float64) []Point {
	ps := make([]Point, len(vals))
	for i, v := range vals {
		ps[i] = Point{t0.Add(time.Duration(i) * step), v}
	}
	return ps
}

func ptr(f float64) *float64 { return &f }

func TestSummarize(t *testing.T) {
	for _, tc := range []struct {
		name     string
		s        Series
		warnDays float64
		trend    *float64
		days     *float64
		flag     string
		fullAt   time.Time
		tooFew   bool
	}{
		{name: "growing 1%/day from 60%: 40 days", s: Series{Limit: 100, Points: daily(57, 58, 59, 60)},
			trend: ptr(1), days: ptr(40), fullAt: t0.Add(43 * 24 * time.Hour)},
		{name: "same, warned under 60 days", s: Series{Limit: 100, Points: daily(57, 58, 59, 60)}, warnDays: 60,
			trend: ptr(1), days: ptr(40), flag: FlagWarn, fullAt: t0.Add(43 * 24 * time.Hour)},
		{name: "no warning window: not flagged", s: Series{Limit: 100, Points: daily(84, 86, 88, 90)}, warnDays: -1,
			trend: ptr(2), days: ptr(5), fullAt: t0.Add(8 * 24 * time.Hour)},
		{name: "flat: never full", s: Series{Limit: 100, Points: daily(70, 70, 70)}, trend: ptr(0)},
		{name: "falling: never full", s: Series{Limit: 100, Points: daily(80, 70, 60)}, trend: ptr(-10)},
		{name: "already full", s: Series{Limit: 100, Points: daily(98, 99, 100)}, trend: ptr(1), days: ptr(0), flag: FlagFull,
			fullAt: t0.Add(48 * time.Hour)},
		{name: "full though shrinking", s: Series{Limit: 100, Points: daily(101, 100.5, 100)}, trend: ptr(-0.5), days: ptr(0), flag: FlagFull,
			fullAt: t0.Add(48 * time.Hour)},
		{name: "full after two samples: full, no trend", s: Series{Limit: 100, Points: daily(99, 100)}, days: ptr(0), flag: FlagFull,
			fullAt: t0.Add(24 * time.Hour), tooFew: true},
		{name: "two samples a day apart: no trend", s: Series{Limit: 100, Points: daily(50, 90)}, tooFew: true},
		{name: "sweeps seconds apart: no trend", s: Series{Limit: 100, Points: every(9*time.Second, 20, 20.6, 21.2, 21.8)}, tooFew: true},
		{name: "three samples just under a day: no trend", s: Series{Limit: 100, Points: every(12*time.Hour-time.Second, 50, 60, 70)}, tooFew: true},
		{name: "three samples over a day: trend", s: Series{Limit: 100, Points: every(12*time.Hour, 50, 60, 70)},
			trend: ptr(20), days: ptr(1.5), flag: FlagWarn, fullAt: t0.Add(24*time.Hour + 36*time.Hour)},
		{name: "single sample: no trend, no forecast", s: Series{Limit: 100, Points: daily(42)}, tooFew: true},
		{name: "decades away: no forecast", s: Series{Limit: 100, Points: daily(10, 10.001, 10.002)}, trend: ptr(0.001)},
		{name: "no limit: trend only", s: Series{Points: daily(1e6, 3e6, 5e6)}, trend: ptr(2e6)},
		{name: "noisy rise: fitted slope", s: Series{Limit: 100, Points: daily(50, 54, 52, 56)},
			trend: ptr(1.6), days: ptr(44 / 1.6), flag: FlagWarn, fullAt: t0.Add(3*24*time.Hour + time.Duration(44/1.6*24*float64(time.Hour))).Truncate(time.Second)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := Options{WarnDays: DefaultWarnDays}
			if tc.warnDays != 0 {
				o.WarnDays = tc.warnDays
			}
			got := Summarize(tc.s, o)
			if !sameOpt(got.TrendPerDay, tc.trend) || !sameOpt(got.DaysToFull, tc.days) || got.Flag != tc.flag || !got.FullAt.Equal(tc.fullAt) {
				t.Errorf("trend %v days %v flag %q full_at %v; want %v %v %q %v", show(got.TrendPerDay), show(got.DaysToFull), got.Flag, got.FullAt,
					show(tc.trend), show(tc.days), tc.flag, tc.fullAt)
			}
			if got.TooFew != tc.tooFew {
				t.Errorf("too few samples %v, want %v", got.TooFew, tc.tooFew)
			}
			if got.Samples != len(tc.s.Points) || got.Latest != tc.s.Points[len(tc.s.Points)-1].Value {
				t.Errorf("samples %d latest %v", got.Samples, got.Latest)
			}
		})
	}
}

func TestSummarizeStats(t *testing.T) {
	s := Series{AssetID: "a", Metric: CPULoadPct, Unit: UnitPercent, Dropped: 2, Points: daily(5, 1, 9, 5)}
	got := Summarize(s, Options{})
	if got.Min != 1 || got.Max != 9 || got.Avg != 5 || got.Latest != 5 || got.Samples != 4 || got.Dropped != 2 ||
		!got.First.Equal(t0) || !got.Last.Equal(t0.Add(72*time.Hour)) || got.AssetID != "a" || got.Unit != UnitPercent {
		t.Errorf("%+v", got)
	}
	if got.DaysToFull != nil || got.Flag != "" {
		t.Errorf("CPU load forecast: %+v", got)
	}
	if e := Summarize(Series{Metric: CPULoadPct}, Options{}); e.Samples != 0 || e.TrendPerDay != nil {
		t.Errorf("empty: %+v", e)
	}
}

func TestLinearFit(t *testing.T) {
	f, ok := LinearFit([]float64{0, 1, 2, 3}, []float64{1, 3, 5, 7})
	if !ok || f.Slope != 2 || f.Intercept != 1 {
		t.Errorf("%+v %v", f, ok)
	}
	for _, x := range [][]float64{nil, {1}, {2, 2, 2}} {
		if _, ok := LinearFit(x, make([]float64, len(x))); ok {
			t.Errorf("fit through %v", x)
		}
	}
	if _, ok := LinearFit([]float64{1, 2}, []float64{1}); ok {
		t.Error("fit with mismatched lengths")
	}
}

func sameOpt(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(*a-*b) < 1e-9
}

func show(p *float64) any {
	if p == nil {
		return "nil"
	}
	return *p
}
