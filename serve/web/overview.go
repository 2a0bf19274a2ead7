package web

import (
	"cmp"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/serve"
)

// chart is one capacity series drawn on the asset page: uPlot reads
// Data (times in Unix seconds, values, and the forecast line); without
// JavaScript the summary and the latest points show as a table.
type chart struct {
	ID      string
	Title   string
	S       capacity.Summary
	Data    string
	Points  []capacity.Point
	Percent bool
}

type chartData struct {
	Unit  string    `json:"unit"`
	T     []int64   `json:"t"`
	V     []float64 `json:"v"`
	FT    []int64   `json:"ft,omitempty"`
	FV    []float64 `json:"fv,omitempty"`
	Limit *float64  `json:"limit,omitempty"`
}

func metricTitle(m string) string {
	switch m {
	case capacity.StorageUsedPct:
		return "Storage used"
	case capacity.StorageUsedBytes:
		return "Storage used (bytes)"
	case capacity.MemoryUsedPct:
		return "Memory used"
	case capacity.CPULoadPct:
		return "CPU load"
	case capacity.IfInUtilPct:
		return "Interface in utilisation"
	case capacity.IfOutUtilPct:
		return "Interface out utilisation"
	case capacity.IfInBps:
		return "Interface in"
	case capacity.IfOutBps:
		return "Interface out"
	}
	return m
}

// forecastHorizon is how far the forecast line reaches when the series
// never fills.
const forecastHorizon = 30 * 24 * time.Hour

func charts(rows []serve.CapacityRow) []chart {
	order := capacity.Metrics()
	slices.SortStableFunc(rows, func(a, b serve.CapacityRow) int {
		return cmp.Or(cmp.Compare(slices.Index(order, a.Metric), slices.Index(order, b.Metric)), strings.Compare(a.Instance, b.Instance))
	})
	var out []chart
	for i, r := range rows {
		if r.Metric == capacity.StorageUsedBytes || len(r.Points) == 0 {
			continue // the percent series says the same, with a limit
		}
		title := metricTitle(r.Metric)
		if inst := cmp.Or(r.InstanceName, r.Instance); inst != "" {
			title += " (" + inst + ")"
		}
		cd := chartData{Unit: r.Unit}
		for _, p := range r.Points {
			cd.T = append(cd.T, p.Time.Unix())
			cd.V = append(cd.V, p.Value)
		}
		if r.Unit == capacity.UnitPercent {
			hundred := 100.0
			cd.Limit = &hundred
		}
		if r.TrendPerDay != nil {
			end := r.Last.Add(forecastHorizon)
			if !r.FullAt.IsZero() {
				end = r.FullAt
			}
			days := end.Sub(r.Last).Hours() / 24
			cd.FT = []int64{r.Last.Unix(), end.Unix()}
			cd.FV = []float64{r.Latest, r.Latest + *r.TrendPerDay*days}
		}
		b, _ := json.Marshal(cd)
		pts := r.Points
		if len(pts) > 10 {
			pts = pts[len(pts)-10:]
		}
		out = append(out, chart{ID: "chart-" + string(rune('a'+i%26)) + strings.Repeat("x", i/26), Title: title, S: r.Summary,
			Data: string(b), Points: pts, Percent: r.Unit == capacity.UnitPercent})
	}
	return out
}

// capData is the capacity overview.
type capData struct {
	Fill    []serve.CapacityRow
	Flagged []serve.CapacityRow
	Total   int
	// Loaded: the tables are in the page; else the page comes at once and
	// fetches them (they read every asset's series: seconds on a large
	// store), or a link does without JavaScript.
	Loaded bool
}

func (u *UI) capacityPage(w http.ResponseWriter, r *http.Request, s *session) {
	frag := r.Header.Get("HX-Request") != "" && r.Header.Get("HX-Target") == "capacity-table"
	if !frag && r.URL.Query().Get("load") == "" {
		u.render(w, r, http.StatusOK, "capacity", s, pageData{Title: "Capacity", Nav: "capacity", Data: capData{}})
		return
	}
	var res struct {
		Capacity []serve.CapacityRow `json:"capacity"`
	}
	if err := u.call(r.Context(), s, http.MethodGet, "/api/v1/capacity", nil, nil, &res); err != nil {
		u.fail(w, r, s, err)
		return
	}
	d := capData{Total: len(res.Capacity), Loaded: true}
	for _, x := range res.Capacity {
		switch {
		case x.Metric == capacity.StorageUsedPct || x.Metric == capacity.MemoryUsedPct:
			d.Fill = append(d.Fill, x)
		case x.Flag != "":
			d.Flagged = append(d.Flagged, x)
		}
	}
	days := func(x serve.CapacityRow) float64 {
		if x.DaysToFull == nil {
			return 1e18
		}
		return *x.DaysToFull
	}
	slices.SortStableFunc(d.Fill, func(a, b serve.CapacityRow) int {
		return cmp.Or(cmp.Compare(days(a), days(b)), cmp.Compare(b.Latest, a.Latest))
	})
	d.Fill = d.Fill[:min(len(d.Fill), 100)]
	d.Flagged = d.Flagged[:min(len(d.Flagged), 100)]
	if frag {
		u.fragment(w, "capacity", "table", d)
		return
	}
	u.render(w, r, http.StatusOK, "capacity", s, pageData{Title: "Capacity", Nav: "capacity", Data: d})
}

// driftData is the drift overview.
type driftData struct {
	None      bool
	Time      time.Time
	Assets    int
	Compliant int
	NonComp   int
	Unknown   int
	Baselines []baselineNow
	History   []complianceDay
	Findings  []drift.Finding
	More      int
}

type baselineNow struct {
	Name                 string
	Assets, Noncompliant int
}

// complianceDay is a baseline's compliance at the end of a day, replayed
// from the compliance events drift records.
type complianceDay struct {
	Day                     string
	Baseline                string
	Compliant, Noncompliant int
	CompliantPct            int
}

func (u *UI) drift(w http.ResponseWriter, r *http.Request, s *session) {
	var res struct {
		Time         time.Time       `json:"time"`
		Assets       int             `json:"assets"`
		Compliant    int             `json:"compliant"`
		NonCompliant int             `json:"noncompliant"`
		Unknown      int             `json:"unknown"`
		Findings     []drift.Finding `json:"findings"`
	}
	d := driftData{}
	err := u.call(r.Context(), s, http.MethodGet, "/api/v1/drift", nil, nil, &res)
	var ae *apiError
	switch {
	case errors.As(err, &ae) && ae.Code == http.StatusNotFound:
		d.None = true
	case err != nil:
		u.fail(w, r, s, err)
		return
	}
	d.Time, d.Assets, d.Compliant, d.NonComp, d.Unknown = res.Time, res.Assets, res.Compliant, res.NonCompliant, res.Unknown
	per := map[string]map[string]bool{}
	for _, f := range res.Findings {
		if per[f.Baseline] == nil {
			per[f.Baseline] = map[string]bool{}
		}
		per[f.Baseline][f.AssetID] = true
	}
	var ev struct {
		Events []serve.EventView `json:"events"`
	}
	if err := u.call(r.Context(), s, http.MethodGet, "/api/v1/events", url.Values{"type": {drift.EventCompliance}, "limit": {"10000"}}, nil, &ev); err != nil {
		u.fail(w, r, s, err)
		return
	}
	d.History = complianceHistory(ev.Events)
	for _, h := range d.History {
		if !slices.ContainsFunc(d.Baselines, func(b baselineNow) bool { return b.Name == h.Baseline }) {
			d.Baselines = append(d.Baselines, baselineNow{Name: h.Baseline})
		}
	}
	for i := range d.Baselines {
		d.Baselines[i].Noncompliant = len(per[d.Baselines[i].Name])
	}
	for b := range per {
		if !slices.ContainsFunc(d.Baselines, func(x baselineNow) bool { return x.Name == b }) {
			d.Baselines = append(d.Baselines, baselineNow{Name: b, Noncompliant: len(per[b])})
		}
	}
	d.Findings = res.Findings[:min(len(res.Findings), 500)]
	d.More = len(res.Findings) - len(d.Findings)
	u.render(w, r, http.StatusOK, "drift", s, pageData{Title: "Drift", Nav: "drift", Data: d})
}

// complianceHistory replays compliance events (asset against baseline:
// compliant or noncompliant) into each baseline's counts at the end of
// every day that had events, newest day first.
func complianceHistory(es []serve.EventView) []complianceDay {
	state := map[string]map[string]string{} // baseline → asset → state
	var out []complianceDay
	flush := func(day string) {
		names := make([]string, 0, len(state))
		for b := range state {
			names = append(names, b)
		}
		slices.Sort(names)
		for _, b := range names {
			c := complianceDay{Day: day, Baseline: b}
			for _, st := range state[b] {
				if st == "compliant" {
					c.Compliant++
				} else {
					c.Noncompliant++
				}
			}
			if n := c.Compliant + c.Noncompliant; n > 0 {
				c.CompliantPct = c.Compliant * 100 / n
			}
			out = append(out, c)
		}
	}
	day := ""
	for _, e := range es {
		if strings.Contains(e.Field, "/") {
			continue // a finding, not the asset's state against the baseline
		}
		d := e.Time.UTC().Format("2006-01-02")
		if day != "" && d != day {
			flush(day)
		}
		day = d
		if state[e.Field] == nil {
			state[e.Field] = map[string]string{}
		}
		state[e.Field][e.AssetID] = e.New
	}
	if day != "" {
		flush(day)
	}
	slices.Reverse(out)
	return out[:min(len(out), 90)]
}
