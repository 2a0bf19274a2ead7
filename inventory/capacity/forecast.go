package capacity

import (
	"math"
	"time"
)

// Flags a summary can carry.
const (
	// FlagFull: the latest value is at the series' limit.
	FlagFull = "full"
	// FlagWarn: the forecast says full within the warning window.
	FlagWarn = "warn"
)

// DefaultWarnDays is the warning window of a forecast.
const DefaultWarnDays = 30

// maxForecastDays: forecasts further out than this are not made (a
// nearly flat trend says "never", not "in 40,000 years").
const maxForecastDays = 3650

// A trend, and a forecast from it, need at least MinForecastSamples
// samples spanning at least MinForecastSpan. Two samples always fit a line
// exactly, so nothing in them can show the line is wrong; three are the
// fewest that can disagree with it. And under a day, a series' daily cycle
// (backups, log rotation, business hours) swamps its growth: two samples
// 9 seconds apart once gave +14765.6% a day and "full in 0.3 days".
// Below either bound the values are still summarised, without a trend.
const (
	MinForecastSamples = 3
	MinForecastSpan    = 24 * time.Hour
)

// Options tune Summarize.
type Options struct {
	// WarnDays flags forecasts that reach the limit within this many
	// days (DefaultWarnDays is the usual); 0 flags only what is full.
	WarnDays float64
}

// Summary describes one series over its window.
type Summary struct {
	AssetID  string `json:"asset_id"`
	Hostname string `json:"hostname,omitempty"`
	Metric   string `json:"metric"`
	Instance string `json:"instance,omitempty"`
	// InstanceName names an interface instance (its ifName), when known.
	InstanceName string    `json:"instance_name,omitempty"`
	Unit         string    `json:"unit"`
	Samples      int       `json:"samples"`
	First        time.Time `json:"first"`
	Last         time.Time `json:"last"`
	Latest       float64   `json:"latest"`
	Min          float64   `json:"min"`
	Avg          float64   `json:"avg"`
	Max          float64   `json:"max"`
	// TrendPerDay is the slope of the least-squares line through the
	// window's points, in Unit per day; nil with fewer than
	// MinForecastSamples points or a span under MinForecastSpan.
	TrendPerDay *float64 `json:"trend_per_day,omitempty"`
	// DaysToFull counts from Last, at the trend, until the series reaches
	// its limit: 0 when already full, nil when it never will (flat or
	// falling, more than ten years out) or has no limit.
	DaysToFull *float64  `json:"days_to_full,omitempty"`
	FullAt     time.Time `json:"full_at,omitzero"`
	Flag       string    `json:"flag,omitempty"`
	// Dropped counts counter intervals left out (reboots, resets).
	Dropped int `json:"dropped_intervals,omitempty"`
	// TooFew is set when the window holds too little data for a trend
	// (see MinForecastSamples): TrendPerDay and any forecast are then nil.
	TooFew bool `json:"too_few_samples,omitempty"`
}

// Fit is the least-squares line y = Intercept + Slope·x.
type Fit struct{ Slope, Intercept float64 }

// LinearFit fits a line through (x, y); ok is false with fewer than two
// distinct x.
func LinearFit(x, y []float64) (Fit, bool) {
	n := float64(len(x))
	if len(x) < 2 || len(x) != len(y) {
		return Fit{}, false
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx, my = mx/n, my/n
	var sxy, sxx float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
	}
	if sxx == 0 {
		return Fit{}, false
	}
	slope := sxy / sxx
	return Fit{Slope: slope, Intercept: my - slope*mx}, true
}

// Summarize describes s: it must have points (Build leaves out those
// that have none).
func Summarize(s Series, o Options) Summary {
	ps := s.Points
	sum := Summary{AssetID: s.AssetID, Metric: s.Metric, Instance: s.Instance, Unit: s.Unit, Samples: len(ps), Dropped: s.Dropped}
	if len(ps) == 0 {
		return sum
	}
	first, last := ps[0], ps[len(ps)-1]
	sum.First, sum.Last, sum.Latest = first.Time, last.Time, last.Value
	sum.Min, sum.Max = math.Inf(1), math.Inf(-1)
	x, y := make([]float64, len(ps)), make([]float64, len(ps))
	for i, p := range ps {
		sum.Min = math.Min(sum.Min, p.Value)
		sum.Max = math.Max(sum.Max, p.Value)
		sum.Avg += p.Value
		x[i], y[i] = p.Time.Sub(first.Time).Hours()/24, p.Value
	}
	sum.Avg /= float64(len(ps))
	fit, ok := LinearFit(x, y)
	if len(ps) < MinForecastSamples || last.Time.Sub(first.Time) < MinForecastSpan {
		ok, sum.TooFew = false, true
	}
	if ok {
		slope := fit.Slope
		sum.TrendPerDay = &slope
	}
	if s.Limit <= 0 {
		return sum
	}
	switch {
	case sum.Latest >= s.Limit:
		zero := 0.0
		sum.DaysToFull, sum.FullAt, sum.Flag = &zero, sum.Last, FlagFull
	case ok && fit.Slope > 0:
		days := (s.Limit - sum.Latest) / fit.Slope
		if days > maxForecastDays {
			break
		}
		sum.DaysToFull = &days
		sum.FullAt = sum.Last.Add(time.Duration(days * 24 * float64(time.Hour))).Truncate(time.Second)
		if days < o.WarnDays {
			sum.Flag = FlagWarn
		}
	}
	return sum
}
