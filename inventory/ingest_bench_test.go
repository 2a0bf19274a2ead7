package inventory

import (
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/netcensus/netcensus/record"
)

// BenchmarkIngestSmallSweepLargeCMDB: a sweep of one /24's 21 hosts into
// a CMDB of NETCENSUS_BENCH_ASSETS assets (default 20,000) elsewhere,
// what a scheduled sweep of one segment does every few minutes.
//
//	NETCENSUS_BENCH_ASSETS=100000 go test -run - -bench IngestSmallSweep ./inventory/
func BenchmarkIngestSmallSweepLargeCMDB(b *testing.B) {
	n := 20_000
	if v, err := strconv.Atoi(os.Getenv("NETCENSUS_BENCH_ASSETS")); err == nil && v > 0 {
		n = v
	}
	inv := newInv(b, Config{MissingAfterSweeps: 2})
	big := make([]record.Observation, n)
	for i := range big {
		ip := netip.AddrFrom4([4]byte{198, 18, byte(i >> 8), byte(i)})
		big[i] = arp(ip.String(), fmt.Sprintf("02:00:00:%02x:%02x:%02x", i>>16&0xff, i>>8&0xff, i&0xff))
	}
	fill := sweep(t0, false, big...)
	fill.Segments = []netip.Prefix{netip.MustParsePrefix("198.18.0.0/15")}
	if _, err := inv.Ingest(b.Context(), fill); err != nil {
		b.Fatal(err)
	}
	var small []record.Observation
	for i := range 21 {
		small = append(small, arp(fmt.Sprintf("192.0.2.%d", 10+i), fmt.Sprintf("00:1b:21:00:03:%02x", i)))
	}
	at := t0
	for b.Loop() {
		at = at.Add(time.Minute)
		if _, err := inv.Ingest(b.Context(), sweep(at, false, small...)); err != nil {
			b.Fatal(err)
		}
	}
}
