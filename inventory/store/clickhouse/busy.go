package clickhouse

import (
	"context"
	"errors"
	"fmt"

	ch "github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/netcensus/netcensus/inventory/store"
)

// busyConn marks the driver's "no connection free within the dial
// timeout" (every pooled connection in use: the server is slow or
// overloaded) as store.ErrBusy, for callers to answer "try again" rather
// than fail; other errors pass as they are.
type busyConn struct{ driver.Conn }

func busyErr(err error) error {
	if err != nil && errors.Is(err, ch.ErrAcquireConnTimeout) && !errors.Is(err, store.ErrBusy) {
		return fmt.Errorf("%w: %w", store.ErrBusy, err)
	}
	return err
}

func (c busyConn) Select(ctx context.Context, dest any, query string, args ...any) error {
	return busyErr(c.Conn.Select(ctx, dest, query, args...))
}

func (c busyConn) Query(ctx context.Context, query string, args ...any) (driver.Rows, error) {
	rows, err := c.Conn.Query(ctx, query, args...)
	return rows, busyErr(err)
}

func (c busyConn) QueryRow(ctx context.Context, query string, args ...any) driver.Row {
	return busyRow{c.Conn.QueryRow(ctx, query, args...)}
}

func (c busyConn) PrepareBatch(ctx context.Context, query string, opts ...driver.PrepareBatchOption) (driver.Batch, error) {
	b, err := c.Conn.PrepareBatch(ctx, query, opts...)
	return b, busyErr(err)
}

func (c busyConn) Exec(ctx context.Context, query string, args ...any) error {
	return busyErr(c.Conn.Exec(ctx, query, args...))
}

func (c busyConn) Ping(ctx context.Context) error { return busyErr(c.Conn.Ping(ctx)) }

type busyRow struct{ driver.Row }

func (r busyRow) Err() error                { return busyErr(r.Row.Err()) }
func (r busyRow) Scan(dest ...any) error    { return busyErr(r.Row.Scan(dest...)) }
func (r busyRow) ScanStruct(dest any) error { return busyErr(r.Row.ScanStruct(dest)) }
