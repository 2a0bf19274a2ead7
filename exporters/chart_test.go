package exporters

import (
	"testing"

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
