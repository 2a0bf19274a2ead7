package clickhouse

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// countingConn counts the queries to system.columns sent through it.
type countingConn struct {
	driver.Conn
	n atomic.Int64
}

func (c *countingConn) count(q string) {
	if strings.Contains(q, "system.columns") {
		c.n.Add(1)
	}
}

func (c *countingConn) Query(ctx context.Context, q string, args ...any) (driver.Rows, error) {
	c.count(q)
	return c.Conn.Query(ctx, q, args...)
}

func (c *countingConn) QueryRow(ctx context.Context, q string, args ...any) driver.Row {
	c.count(q)
	return c.Conn.QueryRow(ctx, q, args...)
}

// addColumns asks system.columns once, however many columns it is given,
// and adds those missing (once each, also when listed twice).
func TestAddColumnsOneQuery(t *testing.T) {
	ctx := t.Context()
	db, err := Open(ctx, freshDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cc := &countingConn{Conn: db.conn}
	db.conn = cc
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	// A fresh store's whole migration: one query a step that adds columns
	// and one for each rewrite that adds or drops them, not one a column
	// (743 when it was).
	if n := cc.n.Load(); n > 2*int64(Latest()) {
		t.Errorf("a fresh migration queried system.columns %d times, more than twice its %d steps", n, Latest())
	}
	cs := []addColumn{{"assets", "x_one", "String"}, {"assets", "hostname", "String"}, {"sweeps", "x_two", "UInt32"}, {"assets", "x_one", "String"}}
	cc.n.Store(0)
	if err := db.addColumns(ctx, cs); err != nil {
		t.Fatal(err)
	}
	if n := cc.n.Load(); n != 1 {
		t.Errorf("addColumns of %d columns queried system.columns %d times, want 1", len(cs), n)
	}
	for _, c := range cs {
		if has, err := db.hasColumn(ctx, c.table, c.name); err != nil || !has {
			t.Errorf("%s.%s after addColumns: %v %v", c.table, c.name, has, err)
		}
	}
	// Again: nothing to add, one query.
	cc.n.Store(0)
	if err := db.addColumns(ctx, cs); err != nil || cc.n.Load() != 1 {
		t.Errorf("second addColumns: %d queries (%v)", cc.n.Load(), err)
	}
}
