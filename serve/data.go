package serve

import (
	"context"
	"fmt"
	"time"

	"github.com/netcensus/netcensus/internal/timespec"
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
	// Since starts the window; zero: capacity.DefaultSince back from now,
	// the CLI's default.
	Since  time.Time
	Points bool
	// assets, when not nil, are the current assets, read already (the
	// gauges' pass over the assets): not read again.
	assets []capacity.Current
}

// CapacityRow is one series' summary, with its points when asked.
type CapacityRow struct {
	capacity.Summary
	Points []capacity.Point `json:"points,omitempty"`
}

// capacityRows summarises the capacity series of one asset or of every
// current asset through capacity.Load, the CLI's loader, over its window
// unless Since says otherwise.
func (s *Server) capacityRows(ctx context.Context, q capacityQuery) ([]CapacityRow, error) {
	now := s.deps.Now()
	if q.Since.IsZero() {
		t, err := timespec.ParseSince(capacity.DefaultSince, now)
		if err != nil {
			return nil, fmt.Errorf("capacity window %s: %w", capacity.DefaultSince, err)
		}
		q.Since = t
	}
	warn := s.options().CapacityWarnDays
	if warn <= 0 {
		warn = capacity.DefaultWarnDays
	}
	rs, err := capacity.Load(ctx, s.deps.Inventory.Store(), capacity.LoadQuery{AssetID: q.AssetID, Since: q.Since,
		Options: capacity.Options{WarnDays: warn}, Assets: q.assets})
	if err != nil {
		return nil, err
	}
	rows := make([]CapacityRow, len(rs))
	for i := range rs {
		rows[i].Summary = rs[i].Summary
		if q.Points {
			rows[i].Points = rs[i].Series.Points
		}
	}
	return rows, nil
}
