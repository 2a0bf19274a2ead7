package clickhouse

import (
	"context"
	"fmt"
	"reflect"
	"runtime"
	"sync"

	"github.com/netcensus/netcensus/inventory/store"
)

var _ store.AssetStreamer = (*DB)(nil)

// streamChunkRows is how many assets a worker decodes at a time.
const streamChunkRows = 256

// streamChunk is a run of consecutive blobs, then their assets.
type streamChunk struct {
	blobs []string
	out   []store.Asset
	err   error
	done  chan struct{}
}

// EachAsset hands fn each asset Assets(f) lists (store.AssetStreamer), in
// the order the server sends them (by ID; a cluster's shards interleave):
// the blobs are decoded on every CPU while the next ones arrive, and
// handed out in order, so that memory stays a few chunks whatever the
// CMDB's size.
func (d *DB) EachAsset(ctx context.Context, f store.AssetFilter, fn func(*store.Asset) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops the reader and the workers on an early return
	q := newAssetQuery(f)
	annotations := annotationsSoon(ctx, d, q.annIDs, asIs)
	workers := max(1, min(runtime.GOMAXPROCS(0), 4))
	jobs := make(chan *streamChunk, workers)
	pending := make(chan *streamChunk, 2*workers) // in order, for fn
	scanErr := make(chan error, 1)
	go func() {
		defer close(pending)
		defer close(jobs)
		var c *streamChunk
		send := func() bool {
			for _, ch := range []chan *streamChunk{pending, jobs} {
				select {
				case ch <- c:
				case <-ctx.Done():
					return false
				}
			}
			c = nil
			return true
		}
		err := d.streamBlobs(ctx, q.rowsWhere, func(_, blob string) error {
			if c == nil {
				c = &streamChunk{done: make(chan struct{})}
			}
			if c.blobs = append(c.blobs, blob); len(c.blobs) == streamChunkRows && !send() {
				return ctx.Err()
			}
			return nil
		})
		if err == nil && c != nil && !send() {
			err = ctx.Err()
		}
		scanErr <- err
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ann, annErr := annotations()
			for c := range jobs {
				if c.err = annErr; c.err == nil {
					c.out, c.err = d.decodeListed(c.blobs, ann, q, f)
				}
				close(c.done)
			}
		}()
	}
	defer wg.Wait()
	defer cancel() // before the wait: unblocks the reader and the workers
	n := 0
	for c := range pending {
		select {
		case <-c.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if c.err != nil {
			return fmt.Errorf("list assets: %w", c.err)
		}
		for i := range c.out {
			if err := fn(&c.out[i]); err != nil {
				return err
			}
			if n++; n == f.Limit {
				return nil
			}
		}
	}
	if err := <-scanErr; err != nil {
		return fmt.Errorf("list assets: %w", err)
	}
	return nil
}

// decodeListed decodes blobs into the assets a listing keeps, annotated.
func (d *DB) decodeListed(blobs []string, ann map[string]store.Annotation, q assetQuery, f store.AssetFilter) ([]store.Asset, error) {
	out := make([]store.Asset, len(blobs))
	n := 0
	var arena []byte
	for _, b := range blobs {
		a := &out[n]
		if err := d.blob.decode(b, reflect.ValueOf(a).Elem(), &arena); err != nil {
			return nil, fmt.Errorf("asset blob: %w", err)
		}
		applyAnnotation(&a.Record, ann[a.Record.AssetID])
		if keep(a, q, f) {
			n++
		} else {
			*a = store.Asset{}
		}
	}
	return out[:n], nil
}
