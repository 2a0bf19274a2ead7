package capacity

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// families are the groups of series metrics a MetricFilter takes besides
// exact names, each the prefix of its metrics.
var families = map[string]string{"storage": "storage_", "memory": "memory_", "cpu": "cpu_", "interface": "if_", "if": "if_"}

// MetricFilter matches series metrics: exact metric names or families
// (storage, memory, cpu, interface); an empty filter matches every one.
type MetricFilter []string

// ParseMetrics reads metric names and families, each value possibly a
// comma-separated list. An unknown name is an error that lists the
// known ones.
func ParseMetrics(values []string) (MetricFilter, error) {
	var f MetricFilter
	for _, s := range values {
		for _, m := range strings.Split(s, ",") {
			if m = strings.TrimSpace(m); m == "" {
				continue
			}
			if _, ok := families[m]; !ok && !isMetric(m) {
				return nil, fmt.Errorf("metric %q: want a family (storage, memory, cpu, interface) or one of %s", m, strings.Join(Metrics(), ", "))
			}
			f = append(f, m)
		}
	}
	return f, nil
}

func isMetric(m string) bool {
	for _, x := range Metrics() {
		if x == m {
			return true
		}
	}
	return false
}

// Match reports whether metric passes the filter.
func (f MetricFilter) Match(metric string) bool {
	if len(f) == 0 {
		return true
	}
	for _, m := range f {
		if m == metric || (families[m] != "" && strings.HasPrefix(metric, families[m])) {
			return true
		}
	}
	return false
}

// DefaultSince is the window capacity is read over when none is given:
// the CLI's --since, the API's and the UI's since (a timespec.ParseSince
// form). The one default, so that they show the same series.
const DefaultSince = "90d"

// LoadQuery selects what Load reads.
type LoadQuery struct {
	// AssetID is one asset; empty for every current asset (neither
	// merged nor retired).
	AssetID string
	// Since starts the window; zero for all samples.
	Since   time.Time
	Metrics MetricFilter
	Options Options
	// MaxPoints thins each series' points to at most this many, averaged
	// per bucket (a sparkline's worth); 0 keeps them all.
	MaxPoints int
	// Assets, when not nil (and AssetID empty), are the current assets,
	// read already by the caller: not read again.
	Assets []Current
}

// Current is what Load keeps of an asset it reports on.
type Current struct {
	AssetID string
	// Name is the asset's record.Name().
	Name string
	// Interfaces are its record's last interfaces, naming its interface
	// series (when empty, its latest interface snapshot is read).
	Interfaces []record.Interface
}

// CurrentOf is what Load keeps of a, or false when a is merged or
// retired.
func CurrentOf(a *store.Asset) (Current, bool) {
	r := &a.Record
	if r.State == store.StateMerged || r.State == store.StateRetired {
		return Current{}, false
	}
	return Current{AssetID: r.AssetID, Name: r.Name(), Interfaces: r.Interfaces}, true
}

// Row is one summarised series and the points to draw it.
type Row struct {
	Summary
	Series Series
}

// loadChunk is how many assets' samples one read takes: few reads
// (ClickHouse answers each in milliseconds, whatever its size) while
// memory stays bounded by the chunk, not the CMDB.
const loadChunk = 256

// Reader is what Load reads of a store.
type Reader interface {
	Sampler
	Asset(ctx context.Context, id string) (store.Asset, error)
	Assets(ctx context.Context, f store.AssetFilter) ([]store.Asset, error)
	Interfaces(ctx context.Context, assetID string) ([]store.Interface, error)
}

// currentAssets lists the current assets, streamed where the store
// streams, keeping only what Load needs of each.
func currentAssets(ctx context.Context, st Reader) ([]Current, error) {
	var out []Current
	keep := func(a *store.Asset) error {
		if c, ok := CurrentOf(a); ok {
			out = append(out, c)
		}
		return nil
	}
	if es, ok := st.(store.AssetStreamer); ok {
		if err := es.EachAsset(ctx, store.AssetFilter{}, keep); err != nil {
			return nil, err
		}
		return out, nil
	}
	all, err := st.Assets(ctx, store.AssetFilter{})
	if err != nil {
		return nil, err
	}
	for i := range all {
		keep(&all[i])
	}
	return out, nil
}

// Load summarises the capacity series of one asset, or of every current
// asset (neither merged nor retired), reading the samples of a chunk of
// assets at a time. Interface series are named by the asset's
// interfaces. The CLI (capacity), the exports and serve's API, UI,
// gauges and alerts all read through it.
func Load(ctx context.Context, st Reader, q LoadQuery) ([]Row, error) {
	as := q.Assets
	switch {
	case q.AssetID != "":
		a, err := st.Asset(ctx, q.AssetID)
		if err != nil {
			return nil, fmt.Errorf("asset %s: %w", q.AssetID, err)
		}
		r := &a.Record
		as = []Current{{AssetID: r.AssetID, Name: r.Name(), Interfaces: r.Interfaces}}
	case as == nil:
		var err error
		if as, err = currentAssets(ctx, st); err != nil {
			return nil, err
		}
	}
	var rows []Row
	for lo := 0; lo < len(as); lo += loadChunk {
		part := as[lo:min(len(as), lo+loadChunk)]
		recs := make(map[string]*Current, len(part))
		ids := make([]string, len(part))
		for i := range part {
			ids[i] = part[i].AssetID
			recs[ids[i]] = &part[i]
		}
		series, err := Query(ctx, st, store.SampleFilter{AssetIDs: ids, Since: q.Since})
		if err != nil {
			return nil, fmt.Errorf("capacity of %d assets: %w", len(ids), err)
		}
		names := map[string]map[string]string{}
		for _, s := range series {
			if !q.Metrics.Match(s.Metric) {
				continue
			}
			rec := recs[s.AssetID]
			if rec == nil {
				continue
			}
			sum := Summarize(s, q.Options)
			sum.Hostname = rec.Name
			if strings.HasPrefix(s.Metric, "if_") {
				if names[s.AssetID] == nil {
					if names[s.AssetID], err = interfaceNames(ctx, st, rec); err != nil {
						return nil, err
					}
				}
				sum.InstanceName = names[s.AssetID][s.Instance]
			}
			if q.MaxPoints > 0 {
				s.Points = Thin(s.Points, q.MaxPoints)
			}
			rows = append(rows, Row{Summary: sum, Series: s})
		}
	}
	return rows, nil
}

// Thin keeps at most n points, averaged per bucket.
func Thin(ps []Point, n int) []Point {
	if len(ps) <= n {
		return ps
	}
	vs := Buckets(Values(ps), n)
	out := make([]Point, n)
	for i := range n {
		out[i] = Point{Time: ps[(i+1)*len(ps)/n-1].Time, Value: vs[i]}
	}
	return out
}

// Buckets averages vs into at most n values.
func Buckets(vs []float64, n int) []float64 {
	if len(vs) <= n || n <= 0 {
		return vs
	}
	out := make([]float64, n)
	for i := range n {
		lo, hi := i*len(vs)/n, (i+1)*len(vs)/n
		var s float64
		for _, v := range vs[lo:hi] {
			s += v
		}
		out[i] = s / float64(hi-lo)
	}
	return out
}

// Values are the points' values.
func Values(ps []Point) []float64 {
	vs := make([]float64, len(ps))
	for i, p := range ps {
		vs[i] = p.Value
	}
	return vs
}

// interfaceNames maps ifIndex to name: from the asset's record, which
// keeps its last interfaces, else from its latest interface snapshot.
func interfaceNames(ctx context.Context, st Reader, rec *Current) (map[string]string, error) {
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
