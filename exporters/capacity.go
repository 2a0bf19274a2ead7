package exporters

import (
	"math"

	"github.com/netcensus/netcensus/inventory/capacity"
)

// CapacitySheet lists capacity summaries, one series a row: counts and
// values as numbers, times as dates, a missing trend or forecast as an
// empty cell.
func CapacitySheet() Sheet[capacity.Summary] {
	return Sheet[capacity.Summary]{Name: "capacity", Columns: []TypedColumn[capacity.Summary]{
		{"asset_id", func(s *capacity.Summary) any { return s.AssetID }},
		{"hostname", func(s *capacity.Summary) any { return s.Hostname }},
		{"metric", func(s *capacity.Summary) any { return s.Metric }},
		{"instance", func(s *capacity.Summary) any { return s.Instance }},
		{"instance_name", func(s *capacity.Summary) any { return s.InstanceName }},
		{"unit", func(s *capacity.Summary) any { return s.Unit }},
		{"samples", func(s *capacity.Summary) any { return int64(s.Samples) }},
		{"first", func(s *capacity.Summary) any { return optTime(s.First) }},
		{"last", func(s *capacity.Summary) any { return optTime(s.Last) }},
		{"latest", func(s *capacity.Summary) any { return num(s.Latest) }},
		{"min", func(s *capacity.Summary) any { return num(s.Min) }},
		{"avg", func(s *capacity.Summary) any { return num(s.Avg) }},
		{"max", func(s *capacity.Summary) any { return num(s.Max) }},
		{"trend_per_day", func(s *capacity.Summary) any { return optNum(s.TrendPerDay) }},
		{"days_to_full", func(s *capacity.Summary) any { return optNum(s.DaysToFull) }},
		{"full_at", func(s *capacity.Summary) any { return optTime(s.FullAt) }},
		{"flag", func(s *capacity.Summary) any { return s.Flag }},
		{"dropped_intervals", func(s *capacity.Summary) any { return int64(s.Dropped) }},
	}}
}

// num rounds to six decimals: enough for percentages and bit rates, and
// free of binary noise (33.333333333333336) in text cells. NaN and
// infinities are empty cells.
func num(f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	r := math.Round(f*1e6) / 1e6
	if math.IsInf(r, 0) {
		return f
	}
	return r
}

func optNum(p *float64) any {
	if p == nil {
		return nil
	}
	return num(*p)
}
