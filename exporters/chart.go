package exporters

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/capacity"
)

// Terminal charts of capacity series: a sparkline per series in the
// table, and a column chart per series when one asset is shown. Block
// characters on a UTF-8 terminal, ASCII otherwise.

var (
	sparkUTF8  = []rune("▁▂▃▄▅▆▇█")
	sparkASCII = []rune("_.-:=+*#")
)

// UTF8Locale reports whether the locale (LC_ALL, else LC_CTYPE, else LANG)
// is UTF-8.
func UTF8Locale(getenv func(string) string) bool {
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := getenv(k); v != "" {
			v = strings.ToLower(v)
			return strings.Contains(v, "utf-8") || strings.Contains(v, "utf8")
		}
	}
	return false
}

// Sparkline draws vs in at most width characters, scaled from their
// minimum to their maximum (a flat series sits in the middle).
func Sparkline(vs []float64, width int, utf8 bool) string {
	ramp := sparkASCII
	if utf8 {
		ramp = sparkUTF8
	}
	vs = capacity.Buckets(vs, width)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	var b strings.Builder
	for _, v := range vs {
		i := len(ramp) / 2
		// Differences in the last bits of a float are not a shape.
		if hi-lo > 1e-9*math.Max(math.Abs(hi), math.Abs(lo)) {
			i = int(math.Round((v - lo) / (hi - lo) * float64(len(ramp)-1)))
		}
		b.WriteRune(ramp[i])
	}
	return b.String()
}

// DrawChart draws one series as columns height rows high and at most
// width wide, from 0 (or the minimum, when negative) to the series'
// limit, or its maximum when it has none; the axis says both, and the
// first and last time.
func DrawChart(w io.Writer, title string, s capacity.Series, width, height int, utf8 bool) {
	vs := capacity.Buckets(capacity.Values(s.Points), width)
	if len(vs) == 0 {
		return
	}
	lo, hi := 0.0, s.Limit
	for _, v := range vs {
		lo = math.Min(lo, v)
		if s.Limit <= 0 {
			hi = math.Max(hi, v)
		}
	}
	if hi <= lo {
		hi = lo + 1
	}
	full, axis, corner, rule := '#', '|', '+', '-'
	partial := []rune(" .:-=+*#")
	if utf8 {
		full, axis, corner, rule = '█', '│', '└', '─'
		partial = []rune(" ▁▂▃▄▅▆▇")
	}
	top, bottom := FormatValue(hi, s.Unit), FormatValue(lo, s.Unit)
	lw := max(len(top), len(bottom))
	fmt.Fprintf(w, "%s\n", title)
	for r := range height {
		label := ""
		switch r {
		case 0:
			label = top
		case height - 1:
			label = bottom
		}
		var line strings.Builder
		for _, v := range vs {
			// eighths of a row filled above this row's floor
			level := (v - lo) / (hi - lo) * float64(height*8)
			floor := float64((height - 1 - r) * 8)
			switch e := level - floor; {
			case e >= 8:
				line.WriteRune(full)
			case e >= 1:
				line.WriteRune(partial[int(e)])
			default:
				line.WriteByte(' ')
			}
		}
		fmt.Fprintf(w, "  %*s %c%s\n", lw, label, axis, strings.TrimRight(line.String(), " "))
	}
	first, last := s.Points[0].Time.UTC().Format(time.DateOnly), s.Points[len(s.Points)-1].Time.UTC().Format(time.DateOnly)
	fmt.Fprintf(w, "  %*s %c%s\n", lw, "", corner, strings.Repeat(string(rule), len(vs)))
	gap := len(vs) - len(first) - len(last)
	if gap < 1 {
		gap = 1
	}
	fmt.Fprintf(w, "  %*s  %s%s%s\n\n", lw, "", first, strings.Repeat(" ", gap), last)
}

// FormatValue prints a value in its unit for people.
func FormatValue(v float64, unit string) string {
	switch unit {
	case capacity.UnitPercent:
		if math.Abs(v) < 1 {
			return TrimFloat(v, 2) + "%"
		}
		return TrimFloat(v, 1) + "%"
	case capacity.UnitBytes:
		return scaled(v, 1024, []string{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"})
	case capacity.UnitBps:
		return scaled(v, 1000, []string{"bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"})
	}
	return TrimFloat(v, 2)
}

func scaled(v, base float64, units []string) string {
	i := 0
	a := math.Abs(v)
	for a >= base && i < len(units)-1 {
		a /= base
		v /= base
		i++
	}
	return TrimFloat(v, 1) + " " + units[i]
}

// TrimFloat prints v with at most prec decimals, no trailing zeros.
func TrimFloat(v float64, prec int) string {
	s := fmt.Sprintf("%.*f", prec, v)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// FormatTrend prints a change per day, signed when it is not zero as
// printed.
func FormatTrend(v float64, unit string) string {
	s := FormatValue(v, unit)
	if v > 0 && s != FormatValue(0, unit) {
		s = "+" + s
	}
	return s
}

// SparkWidth is the sparkline column's width and the number of points
// kept per series when not all of them are.
const SparkWidth = 24

// CapacitySummaries are the rows' summaries, as the capacity sheet takes them.
func CapacitySummaries(rows []capacity.Row) []capacity.Summary {
	out := make([]capacity.Summary, len(rows))
	for i := range rows {
		out[i] = rows[i].Summary
	}
	return out
}

// CapacityTable is the capacity command's table: values in their units
// for people, and a sparkline.
func CapacityTable(utf8 bool) Rows[capacity.Row] {
	return Rows[capacity.Row]{
		Header: func() []string {
			return []string{"asset", "metric", "instance", "latest", "min", "avg", "max", "trend/day", "full in", "flag", "samples", "chart"}
		},
		Row: func(r *capacity.Row) []string {
			s := &r.Summary
			asset := s.Hostname
			if asset == "" {
				asset = s.AssetID
			}
			inst := s.Instance
			if s.InstanceName != "" {
				inst += " " + s.InstanceName
			}
			trend := ""
			if s.TrendPerDay != nil {
				trend = FormatTrend(*s.TrendPerDay, s.Unit)
			}
			full := ""
			switch {
			case s.DaysToFull != nil && *s.DaysToFull == 0:
				full = "now"
			case s.DaysToFull != nil:
				full = TrimFloat(*s.DaysToFull, 1) + "d"
			case s.TooFew && r.Series.Limit > 0:
				full = "too soon"
			case r.Series.Limit > 0:
				full = "never"
			}
			samples := strconv.Itoa(s.Samples)
			if s.Dropped > 0 {
				samples += fmt.Sprintf(" (-%d)", s.Dropped)
			}
			return []string{asset, s.Metric, inst, FormatValue(s.Latest, s.Unit), FormatValue(s.Min, s.Unit), FormatValue(s.Avg, s.Unit),
				FormatValue(s.Max, s.Unit), trend, full, strings.ToUpper(s.Flag), samples, Sparkline(capacity.Values(r.Series.Points), SparkWidth, utf8)}
		},
	}
}

// WriteCapacitySummary says, for people, how many series rows holds, over
// which window (since; zero: all samples), how many are flagged at
// warnDays, and how many have too few samples for a trend.
func WriteCapacitySummary(w io.Writer, rows []capacity.Row, since time.Time, warnDays float64) {
	flagged, tooFew := 0, 0
	for i := range rows {
		if rows[i].Flag != "" {
			flagged++
		}
		if rows[i].TooFew {
			tooFew++
		}
	}
	window := "all samples"
	if !since.IsZero() {
		window = "since " + since.Format(time.RFC3339)
	}
	fmt.Fprintf(w, "capacity: %d series, %s, %d flagged (warn under %s days)\n", len(rows), window, flagged, TrimFloat(warnDays, 1))
	if tooFew > 0 {
		fmt.Fprintf(w, "capacity: %d series without a trend or forecast: a trend needs %d samples over %s at least\n",
			tooFew, capacity.MinForecastSamples, capacity.MinForecastSpan)
	}
}

// WriteCapacityTable writes rows as the capacity table (CapacityTable)
// and, with charts, a chart of each series after it.
func WriteCapacityTable(w io.Writer, rows []capacity.Row, charts, utf8 bool) error {
	if err := WriteAll(NewTable(w, CapacityTable(utf8)), rows); err != nil {
		return err
	}
	if !charts {
		return nil
	}
	fmt.Fprintln(w)
	for i := range rows {
		r := &rows[i]
		title := fmt.Sprintf("%s %s %s", r.Hostname, r.Metric, strings.TrimSpace(r.Instance+" "+r.InstanceName))
		DrawChart(w, strings.TrimSpace(title), r.Series, 60, 6, utf8)
	}
	return nil
}
