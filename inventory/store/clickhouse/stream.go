package clickhouse

import (
	"context"
	"fmt"

	"github.com/netcensus/netcensus/inventory/store"
)

var _ store.AssetStreamer = (*DB)(nil)

// streamChunkRows is how many assets the reader hands over at a time.
const streamChunkRows = 256

// EachAsset hands fn each asset Assets(f) lists (store.AssetStreamer), in
// the order the server sends them (by ID, or f's sort; a cluster's shards
// interleave in an unsorted listing).
// One goroutine reads and builds the assets while fn writes the ones
// before, so memory stays a few chunks whatever the CMDB's size.
func (d *DB) EachAsset(ctx context.Context, f store.AssetFilter, fn func(*store.Asset) error) error {
	if f.Sort != "" && !store.IsSortKey(f.Sort) {
		_, err := d.Assets(ctx, f) // its error
		return err
	}
	cands, err := d.searchCandidates(ctx, f)
	if err != nil {
		return fmt.Errorf("list assets: %w", err)
	}
	if cands != nil && len(cands) == 0 {
		return nil
	}
	q := newAssetQuery(f, d.in(), cands)
	if q.annAfter || sortedHere(f.Sort) {
		// Sorted after the annotations are read, or a search through the
		// index's subquery (its annotations read after the assets): a
		// list, not a stream.
		as, err := d.listAssets(ctx, f, cands)
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
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops the reader on an early return
	annotations := annotationsSoon(ctx, d, q.annIDs, asIs)
	chunks := make(chan []store.Asset, 4)
	scanErr := make(chan error, 1)
	go func() {
		defer close(chunks)
		var c []store.Asset
		send := func() bool {
			select {
			case chunks <- c:
				c = nil
				return true
			case <-ctx.Done():
				return false
			}
		}
		err := d.streamAssets(ctx, q.rowsWhere, func(a *store.Asset) error {
			if c == nil {
				c = make([]store.Asset, 0, streamChunkRows)
			}
			if c = append(c, *a); len(c) == streamChunkRows && !send() {
				return ctx.Err()
			}
			return nil
		})
		if err == nil && len(c) > 0 && !send() {
			err = ctx.Err()
		}
		scanErr <- err
	}()
	read := false
	defer func() {
		if !read { // an early return: stop the reader and wait for it
			cancel()
			for range chunks {
			}
			<-scanErr
		}
	}()
	ann, err := annotations()
	if err != nil {
		return fmt.Errorf("list assets: annotations: %w", err)
	}
	n := 0
	for c := range chunks {
		for i := range c {
			a := &c[i]
			applyAnnotation(&a.Record, ann[a.Record.AssetID])
			if !keep(a, q, f) {
				continue
			}
			if err := fn(a); err != nil {
				return err
			}
			if n++; n == f.Limit {
				return nil // the deferred stop ends the reader
			}
		}
	}
	read = true
	if err := <-scanErr; err != nil {
		return fmt.Errorf("list assets: %w", err)
	}
	return nil
}
