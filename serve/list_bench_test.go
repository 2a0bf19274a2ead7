package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
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
	as := benchAssets(n)
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

// TestAssetListingJSON: the listing writes each record as json.Encoder
// does (the API's bytes before the records were written by hand), for
// records whose every kind of field is set: escaped strings, lists,
// maps, a location, a CPU load, annotations.
func TestAssetListingJSON(t *testing.T) {
	db, inv := openInv(t, filepath.Join(t.TempDir(), "netcensus.db"))
	defer db.Close()
	now := time.Date(2026, 12, 4, 13, 35, 52, 0, time.UTC)
	load := 12.5
	mac := record.MAC{0x00, 0x1b, 0x54, 0x00, 0x00, 0x01}
	as := []store.Asset{
		{Record: record.Asset{AssetID: "0190c2a0-0000-7000-8000-000000000001", State: store.StateActive, FirstSeen: now, LastSeen: now,
			IP: netip.MustParseAddr("192.0.2.1"), IPs: []netip.Addr{netip.MustParseAddr("2001:db8::1")}, MAC: mac,
			MACs: []record.MAC{mac}, Hostname: "printer <lobby> & co", Vendor: "Brother", SysDescr: "line\nbreak \"quoted\" é 日本 \u2028",
			Names:      []record.HostName{{Name: "PRN", Source: record.SourceNetBIOS}},
			Collection: &record.Collection{Status: record.CollectionPartial, Reasons: []record.CollectionReason{{Reason: record.ReasonMaxRows, OID: "1.3.6.1.2.1.2.2"}}},
			Software:   []record.Software{{Name: "fw", Version: "1.0", InstalledAt: now.Add(-time.Hour)}},
			Interfaces: []record.Interface{{Index: 1, Name: "eth0", MAC: mac, SpeedBps: 1e9, AdminUp: true}},
			Storage:    []record.Storage{{Descr: "/", SizeBytes: 1 << 30, UsedBytes: 1 << 29}},
			Neighbors:  []record.Neighbor{{LocalPort: "1", SysName: "sw", Capabilities: []string{"bridge"}}},
			CPULoadPct: &load, CPUCount: 4, MemoryBytes: 1 << 33,
			Services: []record.Service{{Type: "_ipp._tcp", Name: "Lobby", Port: 631, TXT: map[string]string{"ty": "HL-L2350", "adminurl": "http://x/?a=1&b=2"}}},
			Ports:    []record.Port{{Port: 631, Protocol: "tcp", Service: "ipp"}},
			Location: &record.Location{Switch: record.SwitchRef{Name: "sw-1", IP: netip.MustParseAddr("192.0.2.254")}, Port: "Gi1/0/5", VLAN: 10, Seen: now},
			Sources:  []record.Source{record.SourceARP, record.SourceMDNS}, Anomalies: []record.Anomaly{{Kind: record.AnomalySharedMAC, Detail: "2 IPs"}},
			Evidence: map[string]record.Evidence{"vendor": {Rule: "mdns-ty", Source: record.SourceMDNS, TXT: "ty", Value: "HL-L2350"}, "model": {Rule: "r", Source: record.SourceSNMP}}}},
		{Record: record.Asset{AssetID: "0190c2a0-0000-7000-8000-000000000002", State: store.StateNew, FirstSeen: now, LastSeen: now,
			IP: netip.MustParseAddr("192.0.2.2")}},
	}
	if err := db.PutAssets(t.Context(), as); err != nil {
		t.Fatal(err)
	}
	if err := db.Annotate(t.Context(), store.Annotation{AssetID: as[0].Record.AssetID, Approved: true, Site: "hq", Role: "printer",
		Owner: "ops <ops@example.com>", Tags: []string{"floor-1", "a&b"}, Updated: now}); err != nil {
		t.Fatal(err)
	}
	s, err := New(testOptions(), Deps{Inventory: inv, State: db, Sweep: newNetwork(nil).sweeper(inv)})
	if err != nil {
		t.Fatal(err)
	}
	stored, err := db.Assets(t.Context(), store.AssetFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	want.WriteString(`{"assets":[`)
	for i := range stored {
		if i > 0 {
			want.WriteByte(',')
		}
		if err := json.NewEncoder(&want).Encode(&stored[i].Record); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Fprintf(&want, `],"count":%d}`+"\n", len(stored))
	req := httptest.NewRequest("GET", "/api/v1/assets", nil)
	req.Header.Set("Authorization", "Bearer "+readToken)
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, req)
	if w.Code != 200 || w.Body.String() != want.String() {
		t.Errorf("listing %d:\n%s\nwant\n%s", w.Code, w.Body, want.String())
	}
}

// memAssets is a store whose listing hands out assets from memory: what
// is left of a listing's cost is serve's own.
type memAssets struct {
	*sqlite.DB
	as []store.Asset
}

func (m *memAssets) EachAsset(ctx context.Context, f store.AssetFilter, fn func(*store.Asset) error) error {
	for i := range m.as {
		if f.Limit > 0 && i == f.Limit {
			break
		}
		if err := fn(&m.as[i]); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkListAssetsServeSide: serve's own part of the listing of
// 100,000 assets over loopback HTTP (the store's read left out: the
// assets come from memory), the client reading the body in the same
// process; cpu-ms/op is the process's CPU time (server and client).
func BenchmarkListAssetsServeSide(b *testing.B) {
	const n = 100000
	db, _ := openInv(b, filepath.Join(b.TempDir(), "netcensus.db"))
	defer db.Close()
	ms := &memAssets{DB: db, as: benchAssets(n)}
	res, err := identity.New(nil, identity.Defaults())
	if err != nil {
		b.Fatal(err)
	}
	inv := inventory.New(ms, res, inventory.Config{Scanner: "test"}, nil)
	s, err := New(testOptions(), Deps{Inventory: inv, State: db, Sweep: newNetwork(nil).sweeper(inv)})
	if err != nil {
		b.Fatal(err)
	}
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()
	url := fmt.Sprintf("%s/api/v1/assets?limit=%d", hs.URL, n)
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	var size int64
	b.ReportAllocs()
	for b.Loop() {
		req, _ := http.NewRequest("GET", url, nil)
		req.Header.Set("Authorization", "Bearer "+readToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		size, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if size < n*100 {
			b.Fatalf("a listing of %d bytes", size)
		}
	}
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := time.Duration(syscall.TimevalToNsec(ru1.Utime) - syscall.TimevalToNsec(ru0.Utime) + syscall.TimevalToNsec(ru1.Stime) - syscall.TimevalToNsec(ru0.Stime))
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(size)/1e6, "MB/listing")
}

func benchAssets(n int) []store.Asset {
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
	return as
}
