package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// metricFamilies name groups of capacity metrics --metric takes.
var metricFamilies = map[string]string{"storage": "storage_", "memory": "memory_", "cpu": "cpu_", "interface": "if_", "if": "if_"}

// metricFilter matches series metrics against --metric values: exact
// metric names or families; none matches everything.
type metricFilter []string

func parseMetrics(flags []string) (metricFilter, error) {
	var f metricFilter
	for _, s := range flags {
		for _, m := range strings.Split(s, ",") {
			if m = strings.TrimSpace(m); m == "" {
				continue
			}
			if _, ok := metricFamilies[m]; !ok && !contains(capacity.Metrics(), m) {
				return nil, usagef("--metric %q: want a family (storage, memory, cpu, interface) or one of %s", m, strings.Join(capacity.Metrics(), ", "))
			}
			f = append(f, m)
		}
	}
	return f, nil
}

func (f metricFilter) match(metric string) bool {
	if len(f) == 0 {
		return true
	}
	for _, m := range f {
		if m == metric || (metricFamilies[m] != "" && strings.HasPrefix(metric, metricFamilies[m])) {
			return true
		}
	}
	return false
}

// capacityQuery selects what loadCapacity reads.
type capacityQuery struct {
	assetID string
	since   time.Time
	metrics metricFilter
	opts    capacity.Options
	// points keeps each series' points (else only a sparkline's worth).
	points bool
}

// capacityRow is one summarised series and the points to chart it.
type capacityRow struct {
	capacity.Summary
	series capacity.Series
}

// sparkWidth is the sparkline column's width and the number of points
// kept per series when not all of them are.
const sparkWidth = 24

// capacityChunk is how many assets' samples one read takes: few reads
// (ClickHouse answers each in milliseconds, whatever its size) while
// memory stays bounded by the chunk, not the CMDB.
const capacityChunk = 256

// loadCapacity summarises the capacity series of one asset, or of every
// asset (merged ones aside), reading the samples of capacityChunk assets
// at a time.
func loadCapacity(ctx context.Context, st store.Store, q capacityQuery) ([]capacityRow, error) {
	var as []store.Asset
	if q.assetID != "" {
		a, err := st.Asset(ctx, q.assetID)
		if err != nil {
			return nil, fmt.Errorf("asset %s: %w", q.assetID, err)
		}
		as = []store.Asset{a}
	} else {
		all, err := st.Assets(ctx, store.AssetFilter{})
		if err != nil {
			return nil, err
		}
		for _, a := range all {
			if a.Record.State != store.StateMerged {
				as = append(as, a)
			}
		}
	}
	var rows []capacityRow
	for lo := 0; lo < len(as); lo += capacityChunk {
		part := as[lo:min(len(as), lo+capacityChunk)]
		recs := make(map[string]*record.Asset, len(part))
		ids := make([]string, len(part))
		for i := range part {
			ids[i] = part[i].Record.AssetID
			recs[ids[i]] = &part[i].Record
		}
		series, err := capacity.Query(ctx, st, store.SampleFilter{AssetIDs: ids, Since: q.since})
		if err != nil {
			return nil, fmt.Errorf("capacity of %d assets: %w", len(ids), err)
		}
		names := map[string]map[string]string{}
		for _, s := range series {
			if !q.metrics.match(s.Metric) {
				continue
			}
			rec := recs[s.AssetID]
			if rec == nil {
				continue
			}
			sum := capacity.Summarize(s, q.opts)
			sum.Hostname = rec.Name()
			if strings.HasPrefix(s.Metric, "if_") {
				if names[s.AssetID] == nil {
					if names[s.AssetID], err = interfaceNames(ctx, st, rec); err != nil {
						return nil, err
					}
				}
				sum.InstanceName = names[s.AssetID][s.Instance]
			}
			if !q.points {
				s.Points = thin(s.Points, sparkWidth)
			}
			rows = append(rows, capacityRow{Summary: sum, series: s})
		}
	}
	return rows, nil
}

// thin keeps at most n points, averaged per bucket, for a sparkline.
func thin(ps []capacity.Point, n int) []capacity.Point {
	if len(ps) <= n {
		return ps
	}
	vs := buckets(pointValues(ps), n)
	out := make([]capacity.Point, n)
	for i := range n {
		out[i] = capacity.Point{Time: ps[(i+1)*len(ps)/n-1].Time, Value: vs[i]}
	}
	return out
}

// interfaceNames maps ifIndex to name: from the asset's record, which
// keeps its last interfaces, else from its latest interface snapshot.
func interfaceNames(ctx context.Context, st store.Store, rec *record.Asset) (map[string]string, error) {
	its := rec.Interfaces
	if len(its) == 0 {
		snap, err := st.Interfaces(ctx, rec.AssetID)
		if err != nil {
			return nil, fmt.Errorf("interfaces of %s: %w", rec.AssetID, err)
		}
		for _, it := range snap {
			its = append(its, it.Interface)
		}
	}
	m := make(map[string]string, len(its))
	for _, it := range its {
		m[strconv.Itoa(it.Index)] = it.Name
	}
	return m, nil
}

func summaries(rows []capacityRow) []capacity.Summary {
	out := make([]capacity.Summary, len(rows))
	for i := range rows {
		out[i] = rows[i].Summary
	}
	return out
}

// capacityTable is the table format: values in their units for people,
// and a sparkline.
func capacityTable(utf8 bool) exporters.Rows[capacityRow] {
	return exporters.Rows[capacityRow]{
		Header: func() []string {
			return []string{"asset", "metric", "instance", "latest", "min", "avg", "max", "trend/day", "full in", "flag", "samples", "chart"}
		},
		Row: func(r *capacityRow) []string {
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
				trend = formatTrend(*s.TrendPerDay, s.Unit)
			}
			full := ""
			switch {
			case s.DaysToFull != nil && *s.DaysToFull == 0:
				full = "now"
			case s.DaysToFull != nil:
				full = trimFloat(*s.DaysToFull, 1) + "d"
			case s.TooFew && r.series.Limit > 0:
				full = "too soon"
			case r.series.Limit > 0:
				full = "never"
			}
			samples := strconv.Itoa(s.Samples)
			if s.Dropped > 0 {
				samples += fmt.Sprintf(" (-%d)", s.Dropped)
			}
			return []string{asset, s.Metric, inst, formatValue(s.Latest, s.Unit), formatValue(s.Min, s.Unit), formatValue(s.Avg, s.Unit),
				formatValue(s.Max, s.Unit), trend, full, strings.ToUpper(s.Flag), samples, sparkline(pointValues(r.series.Points), sparkWidth, utf8)}
		},
	}
}

func newCapacityCmd(a *app) *cobra.Command {
	var (
		format, since, assetID string
		metrics                []string
		warnDays               float64
		noChart                bool
	)
	cmd := &cobra.Command{
		Use:   "capacity",
		Short: "Storage, memory, CPU, interface use over time; when disks fill",
		Long: `capacity reads the samples each sweep stored and prints one row per series
(asset, metric, instance): the latest value, min/avg/max over the window, the
trend per day (a least-squares line through the window) and, for storage and
memory, the days until full at that trend, counted from the latest sample:
flagged WARN under --warn-days and FULL when full. A series of fewer than 3
samples, or spanning less than 24 hours, gets no trend and no forecast ("too
soon"): two samples always fit a line, and within a day the daily cycle
swamps the growth. Interface rates come from
counter deltas: wraps at 32 and 64 bits are followed, and an interval with an
agent reboot or a counter reset is dropped (counted in SAMPLES as -N).

Metrics: storage_used_pct, storage_used_bytes, memory_used_pct, cpu_load_pct,
if_in_util_pct, if_out_util_pct (when the speed is known), if_in_bps,
if_out_bps. --metric takes those or a family: storage, memory, cpu, interface.

The table has a sparkline per series; with --asset, a chart of each series
follows it (--no-chart leaves charts out). Block characters on a UTF-8
locale, ASCII otherwise.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			mf, err := parseMetrics(metrics)
			if err != nil {
				return err
			}
			if warnDays < 0 {
				return usagef("--warn-days %v: want 0 or more days", warnDays)
			}
			t, err := parseSince(since, time.Now().UTC())
			if err != nil {
				return usagef("--since %v", err)
			}
			return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
				q := capacityQuery{assetID: assetID, since: t, metrics: mf, opts: capacity.Options{WarnDays: warnDays},
					points: assetID != "" && format == "table" && !noChart}
				rows, err := loadCapacity(ctx, inv.Store(), q)
				if err != nil {
					return err
				}
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
				if !t.IsZero() {
					window = "since " + t.Format(time.RFC3339)
				}
				fmt.Fprintf(a.stderr, "capacity: %d series, %s, %d flagged (warn under %s days)\n", len(rows), window, flagged, trimFloat(q.opts.WarnDays, 1))
				if tooFew > 0 {
					fmt.Fprintf(a.stderr, "capacity: %d series without a trend or forecast: a trend needs %d samples over %s at least\n",
						tooFew, capacity.MinForecastSamples, capacity.MinForecastSpan)
				}
				if format != "table" {
					w, err := newRowWriter(format, a, exporters.CapacitySheet().Rows())
					if err != nil {
						return err
					}
					return writeAll(w, summaries(rows))
				}
				utf8 := utf8Locale(a.getenv)
				if err := writeAll(exporters.NewTable(a.stdout, capacityTable(utf8)), rows); err != nil {
					return err
				}
				if q.points {
					fmt.Fprintln(a.stdout)
					for i := range rows {
						r := &rows[i]
						title := fmt.Sprintf("%s %s %s", r.Hostname, r.Metric, strings.TrimSpace(r.Instance+" "+r.InstanceName))
						drawChart(a.stdout, strings.TrimSpace(title), r.series, 60, 6, utf8)
					}
				}
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&assetID, "asset", "", "only this asset (its ID); charts each series")
	fl.StringArrayVar(&metrics, "metric", nil, "only these metrics or families (storage, memory, cpu, interface; repeatable or comma-separated)")
	fl.StringVar(&since, "since", "90d", "the window: a duration back from now (90d) or an RFC 3339 time; empty for all samples")
	fl.Float64Var(&warnDays, "warn-days", capacity.DefaultWarnDays, "flag storage and memory that fill up within this many days (0: flag only what is full)")
	fl.BoolVar(&noChart, "no-chart", false, "with --asset: no charts after the table")
	formatFlag(cmd, &format)
	return cmd
}
