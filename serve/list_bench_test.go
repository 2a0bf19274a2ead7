package serve

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// discard is a ResponseWriter that counts the body.
type discard struct {
	h http.Header
	n int64
}

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(b []byte) (int, error) { d.n += int64(len(b)); return len(b), nil }
func (d *discard) WriteHeader(int)             {}

// BenchmarkListAssets: the whole listing of 20,000 assets as JSON (the
// API's GET /api/v1/assets?limit=N), as bench/serve.sh asks for 100,000.
func BenchmarkListAssets(b *testing.B) {
	const n = 20000
	db, inv := openInv(b, filepath.Join(b.TempDir(), "netcensus.db"))
	defer db.Close()
	now := time.Now().UTC().Truncate(time.Second)
	as := make([]store.Asset, n)
	for i := range as {
		ip := netip.AddrFrom4([4]byte{198, 18, byte(i >> 8), byte(i)})
		mac := record.MAC{0x00, 0x1b, 0x54, byte(i >> 16), byte(i >> 8), byte(i)}
		as[i] = store.Asset{Record: record.Asset{AssetID: fmt.Sprintf("0190c2a0-0000-7000-8000-%012d", i), State: store.StateActive,
			FirstSeen: now, LastSeen: now, IP: ip, MAC: mac, SysName: fmt.Sprintf("host-%d", i), Vendor: "Net-SNMP",
			Model: fmt.Sprintf("NS-%d", i%40), Serial: fmt.Sprintf("SN%08d", i), OSVersion: "6.1",
			Sources:    []record.Source{record.SourceARP, record.SourceSNMP},
			Interfaces: []record.Interface{{Index: 1, Name: "eth0", MAC: mac, SpeedBps: 1e9, AdminUp: true, OperUp: true}}}}
	}
	if err := db.PutAssets(b.Context(), as); err != nil {
		b.Fatal(err)
	}
	s, err := New(testOptions(), Deps{Inventory: inv, State: db, Sweep: newNetwork(nil).sweeper(inv)})
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", fmt.Sprintf("/api/v1/assets?limit=%d", n), nil)
		req.Header.Set("Authorization", "Bearer "+readToken)
		w := &discard{h: http.Header{}}
		h.ServeHTTP(w, req)
		if w.n < n*100 {
			b.Fatalf("a listing of %d bytes", w.n)
		}
	}
}
