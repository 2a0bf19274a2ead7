package serve

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/store"
)

// eachAsset hands out the assets f selects, streamed where the store
// streams, in ID order.
func (s *Server) eachAsset(ctx context.Context, f store.AssetFilter, fn func(*store.Asset) error) error {
	st := s.deps.Inventory.Store()
	if es, ok := st.(store.AssetStreamer); ok {
		return es.EachAsset(ctx, f, fn)
	}
	as, err := st.Assets(ctx, f)
	if err != nil {
		return err
	}
	for i := range as {
		if err := fn(&as[i]); err != nil {
			return err
		}
	}
	return nil
}

func evaluateDrift(ctx context.Context, st store.Store, bs []drift.Baseline, now time.Time, record bool) (drift.Result, error) {
	return drift.Evaluate(ctx, st, bs, drift.Options{Now: now, Record: record})
}

// capacityQuery selects capacity rows.
type capacityQuery struct {
	AssetID string
	Since   time.Time
	Points  bool
	// names, when set, are the current assets' names by ID, read already
	// (the gauges' pass over the assets): not read again.
	names map[string]string
}

// CapacityRow is one series' summary, with its points when asked.
type CapacityRow struct {
	capacity.Summary
	Points []capacity.Point `json:"points,omitempty"`
}

const capacityChunk = 500

// capacityRows summarises the capacity series of one asset or of every
// current asset, over the last 30 days unless Since says otherwise.
func (s *Server) capacityRows(ctx context.Context, q capacityQuery) ([]CapacityRow, error) {
	st := s.deps.Inventory.Store()
	if q.Since.IsZero() {
		q.Since = s.deps.Now().Add(-30 * 24 * time.Hour)
	}
	names := q.names
	switch {
	case q.AssetID != "":
		a, err := st.Asset(ctx, q.AssetID)
		if err != nil {
			return nil, err
		}
		names = map[string]string{q.AssetID: a.Record.Name()}
	case names == nil:
		names = map[string]string{}
		if err := s.eachAsset(ctx, store.AssetFilter{}, func(a *store.Asset) error {
			if a.Record.State != store.StateRetired {
				names[a.Record.AssetID] = a.Record.Name()
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	ids := slices.Sorted(maps.Keys(names))
	warn := s.options().CapacityWarnDays
	if warn <= 0 {
		warn = capacity.DefaultWarnDays
	}
	var rows []CapacityRow
	for lo := 0; lo < len(ids); lo += capacityChunk {
		part := ids[lo:min(len(ids), lo+capacityChunk)]
		series, err := capacity.Query(ctx, st, store.SampleFilter{AssetIDs: part, Since: q.Since})
		if err != nil {
			return nil, fmt.Errorf("capacity of %d assets: %w", len(part), err)
		}
		for _, se := range series {
			r := CapacityRow{Summary: capacity.Summarize(se, capacity.Options{WarnDays: warn})}
			r.Hostname = names[se.AssetID]
			if q.Points {
				r.Points = se.Points
			}
			rows = append(rows, r)
		}
	}
	return rows, nil
}
