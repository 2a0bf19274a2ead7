package assemble

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/store"
)

// The reports of the CMDB's commands: capacity and drift.

// CapacityQuery is the capacity command's query: the series of assetID
// (every current asset for "") and of metrics (names or families,
// capacity.ParseMetrics) since since, storage and memory flagged that
// fill within warnDays. An unknown metric or a negative warnDays is a
// *SettingsError naming the flag.
func CapacityQuery(assetID string, since time.Time, metrics []string, warnDays float64) (capacity.LoadQuery, error) {
	mf, err := capacity.ParseMetrics(metrics)
	if err != nil {
		return capacity.LoadQuery{}, &SettingsError{fmt.Errorf("--%w", err)}
	}
	if warnDays < 0 {
		return capacity.LoadQuery{}, &SettingsError{fmt.Errorf("--warn-days %v: want 0 or more days", warnDays)}
	}
	return capacity.LoadQuery{AssetID: assetID, Since: since, Metrics: mf, Options: capacity.Options{WarnDays: warnDays}}, nil
}

// Capacity is the capacity command's report of q (capacity.Load): its
// summary on o's Stderr, then one row per series on Stdout. A table of
// one asset charts each series (unless noChart), in block characters when
// utf8, else ASCII; without charts, a series keeps as many points as a
// sparkline draws.
func Capacity(ctx context.Context, st capacity.Reader, q capacity.LoadQuery, o Output, noChart, utf8 bool) error {
	charts := q.AssetID != "" && o.Format == "table" && !noChart
	if !charts {
		q.MaxPoints = exporters.SparkWidth
	}
	rows, err := capacity.Load(ctx, st, q)
	if err != nil {
		return err
	}
	exporters.WriteCapacitySummary(o.Stderr, rows, q.Since, q.Options.WarnDays)
	if o.Format != "table" {
		return WriteRows(o, exporters.CapacitySheet().Rows(), exporters.CapacitySummaries(rows))
	}
	return exporters.WriteCapacityTable(o.Stdout, rows, charts, utf8)
}

// Baselines reads the baseline files and directories of paths
// (drift.LoadPaths). None given, or one it cannot read, is a
// *SettingsError; none given says where the examples are.
func Baselines(paths []string) ([]drift.Baseline, error) {
	bs, err := drift.LoadPaths(paths)
	if errors.Is(err, drift.ErrNoBaseline) {
		return nil, &SettingsError{errors.New("give --baseline FILE or DIR (examples in configs/baselines/)")}
	}
	if err != nil {
		return nil, &SettingsError{fmt.Errorf("--baseline: %w", err)}
	}
	return bs, nil
}

// DriftRequest is one drift check at Now against Baselines: recorded in
// the CMDB's events unless DryRun; with Daily, the compliance counts per
// day since Since instead of the findings.
type DriftRequest struct {
	Baselines     []drift.Baseline
	Now, Since    time.Time
	DryRun, Daily bool
}

// Drift checks every asset of st against r's baselines (drift.Evaluate),
// says the result on o's Stderr and writes the findings, or the daily
// counts, on its Stdout. The result's NonCompliant counts the assets that
// deviate.
func Drift(ctx context.Context, st store.Store, r DriftRequest, o Output) (drift.Result, error) {
	res, err := drift.Evaluate(ctx, st, r.Baselines, drift.Options{Now: r.Now, Record: !r.DryRun})
	if err != nil {
		return res, err
	}
	res.WriteSummary(o.Stderr, !r.DryRun)
	if r.Daily {
		var days []drift.DayCount
		if days, err = drift.Daily(ctx, st, r.Since, r.Now); err == nil {
			err = WriteRows(o, exporters.DriftDayRows(), days)
		}
		return res, err
	}
	return res, WriteRows(o, exporters.DriftSheet().Rows(), res.Findings)
}
