package clickhouse

import (
	"fmt"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// BenchmarkInKeyOrder orders one INSERT's software rows (256 Ki rows of
// 800 packages a device, as bench/cmdb's ingest gives them: devices in
// no order, each device's packages named package-0 ... package-799, out
// of byte order) by the software table's key.
func BenchmarkInKeyOrder(b *testing.B) {
	const n = streamRows
	asset, sweep, name, version, arch := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	tm, inst, ins, txn := make([]time.Time, n), make([]time.Time, n), make([]uint64, n), make([]string, n)
	for i := range n {
		asset[i], sweep[i] = fmt.Sprintf("%08x-0000-4000-8000-%012x", (i/800)*2654435761%(1<<32), i/800), "sweep-1"
		name[i], version[i], arch[i] = fmt.Sprintf("package-%d", i%800), "1.0", "amd64"
		tm[i], inst[i] = t0, t0.Add(-time.Duration(i%800)*time.Hour)
	}
	cols := "asset_id, sweep_id, time, ins, name, version, arch, installed_at, txn"
	key := keyIndexes(cols, sortKeys["software"])
	parts := [][]any{{asset, sweep, tm, ins, name, version, arch, inst, txn}}
	b.ReportAllocs()
	for b.Loop() {
		appendInKeyOrder(discardBatch{}, parts, key)
	}
}

// discardBatch takes blocks and sends nothing.
type discardBatch struct{ driver.Batch }

type discardColumn struct{ driver.BatchColumn }

func (discardBatch) Column(int) driver.BatchColumn { return discardColumn{} }
func (discardBatch) Flush() error                  { return nil }
func (discardColumn) Append(any) error             { return nil }
