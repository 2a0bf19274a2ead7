package exporters

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/capacity"
)

func TestSparklineAndChart(t *testing.T) {
	if got := Sparkline([]float64{0, 1, 2, 3, 4, 5, 6, 7}, 24, true); got != "▁▂▃▄▅▆▇█" {
		t.Errorf("utf-8 Sparkline %q", got)
	}
	if got := Sparkline([]float64{5, 5, 5}, 24, false); got != "===" {
		t.Errorf("flat ascii Sparkline %q", got)
	}
	if got := Sparkline([]float64{0, 0, 10, 10}, 2, false); got != "_#" {
		t.Errorf("bucketed Sparkline %q", got)
	}
	if !UTF8Locale(func(k string) string { return map[string]string{"LANG": "de_DE.utf8"}[k] }) ||
		UTF8Locale(func(k string) string { return map[string]string{"LC_ALL": "C", "LANG": "en_US.UTF-8"}[k] }) {
		t.Error("locale detection")
	}
	for v, want := range map[float64]string{0: "0 bit/s", 999: "999 bit/s", 1.5e9: "1.5 Gbit/s"} {
		if got := FormatValue(v, capacity.UnitBps); got != want {
			t.Errorf("FormatValue(%v) = %q, want %q", v, got, want)
		}
	}
	if got := FormatValue(1536<<20, capacity.UnitBytes); got != "1.5 GiB" {
		t.Errorf("bytes: %q", got)
	}
	if got := FormatValue(-0.004, capacity.UnitPercent); got != "0%" {
		t.Errorf("pct: %q", got)
	}
}

func TestWriteCapacity(t *testing.T) {
	t0 := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	series := capacity.Series{Unit: capacity.UnitPercent, Limit: 100, Points: []capacity.Point{{Time: t0, Value: 40}, {Time: t0.Add(time.Hour), Value: 50}}}
	rows := []capacity.Row{
		{Summary: capacity.Summary{AssetID: "a1", Hostname: "db-1", Metric: "storage", Instance: "2", InstanceName: "/var", Unit: capacity.UnitPercent, Samples: 2, Latest: 50, Flag: "warn", TooFew: true}, Series: series},
		{Summary: capacity.Summary{AssetID: "a1", Hostname: "db-1", Metric: "memory", Unit: capacity.UnitPercent, Samples: 2, Latest: 10}, Series: series},
	}
	for _, tc := range []struct {
		name     string
		since    time.Time
		warnDays float64
		want     string
	}{
		{"all samples", time.Time{}, 30, "capacity: 2 series, all samples, 1 flagged (warn under 30 days)\n" +
			"capacity: 1 series without a trend or forecast: a trend needs " + strconv.Itoa(capacity.MinForecastSamples) + " samples over " + capacity.MinForecastSpan.String() + " at least\n"},
		{"a window", t0, 7.5, "capacity: 2 series, since 2026-05-01T00:00:00Z, 1 flagged (warn under 7.5 days)\n" +
			"capacity: 1 series without a trend or forecast: a trend needs " + strconv.Itoa(capacity.MinForecastSamples) + " samples over " + capacity.MinForecastSpan.String() + " at least\n"},
	} {
		var b strings.Builder
		WriteCapacitySummary(&b, rows, tc.since, tc.warnDays)
		if b.String() != tc.want {
			t.Errorf("%s: %q\nwant %q", tc.name, b.String(), tc.want)
		}
	}
	var b strings.Builder
	WriteCapacitySummary(&b, rows[1:], time.Time{}, 30)
	if strings.Contains(b.String(), "without a trend") {
		t.Errorf("a line for series with enough samples: %q", b.String())
	}
	for _, charts := range []bool{false, true} {
		var b strings.Builder
		if err := WriteCapacityTable(&b, rows, charts, false); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.Contains(out, "db-1") || !strings.Contains(out, "WARN") || strings.Contains(out, "db-1 storage 2 /var") != charts {
			t.Errorf("charts %v:\n%s", charts, out)
		}
	}
}
