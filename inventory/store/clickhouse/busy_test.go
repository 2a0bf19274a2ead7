package clickhouse

import (
	"context"
	"errors"
	"fmt"
	"testing"

	ch "github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/netcensus/netcensus/inventory/store"
)

// poolFull is a driver connection whose pool never frees a connection:
// every call fails as the driver fails then (or with err when set).
type poolFull struct {
	driver.Conn
	err error
}

func (p poolFull) e() error {
	if p.err != nil {
		return p.err
	}
	return fmt.Errorf("acquire: %w", ch.ErrAcquireConnTimeout)
}

func (p poolFull) Select(context.Context, any, string, ...any) error { return p.e() }
func (p poolFull) Query(context.Context, string, ...any) (driver.Rows, error) {
	return nil, p.e()
}
func (p poolFull) QueryRow(context.Context, string, ...any) driver.Row { return failRow{p.e()} }
func (p poolFull) PrepareBatch(context.Context, string, ...driver.PrepareBatchOption) (driver.Batch, error) {
	return nil, p.e()
}
func (p poolFull) Exec(context.Context, string, ...any) error { return p.e() }
func (p poolFull) Ping(context.Context) error                 { return p.e() }

type failRow struct{ err error }

func (r failRow) Err() error           { return r.err }
func (r failRow) Scan(...any) error    { return r.err }
func (r failRow) ScanStruct(any) error { return r.err }

// A server too slow to free a pooled connection within the dial timeout
// is a busy store (serve answers 503, try again), through every call the
// store makes and through its own reads; other errors stay what they are.
func TestPoolTimeoutIsBusy(t *testing.T) {
	ctx := t.Context()
	c := busyConn{poolFull{}}
	_, qerr := c.Query(ctx, "SELECT 1")
	_, berr := c.PrepareBatch(ctx, "INSERT INTO t")
	for name, err := range map[string]error{
		"select": c.Select(ctx, nil, "SELECT 1"), "query": qerr, "row": c.QueryRow(ctx, "SELECT 1").Scan(), "row err": c.QueryRow(ctx, "SELECT 1").Err(),
		"batch": berr, "exec": c.Exec(ctx, "SELECT 1"), "ping": c.Ping(ctx),
	} {
		if !errors.Is(err, store.ErrBusy) || !errors.Is(err, ch.ErrAcquireConnTimeout) {
			t.Errorf("%s: %v, want store.ErrBusy wrapping the driver's error", name, err)
		}
	}
	d := &DB{conn: c, db: "`x`", name: "x"}
	if _, err := d.Asset(ctx, "0190c2a0-0000-7000-8000-000000000001"); !errors.Is(err, store.ErrBusy) {
		t.Errorf("Asset on a full pool: %v, want store.ErrBusy", err)
	}
	if _, err := d.Assets(ctx, store.AssetFilter{Search: "00:1b:54", Limit: 10}); !errors.Is(err, store.ErrBusy) {
		t.Errorf("Assets on a full pool: %v, want store.ErrBusy", err)
	}
	other := busyConn{poolFull{err: errors.New("code: 60, table does not exist")}}
	if err := other.Exec(ctx, "SELECT 1"); errors.Is(err, store.ErrBusy) || err == nil {
		t.Errorf("another error became %v", err)
	}
}
