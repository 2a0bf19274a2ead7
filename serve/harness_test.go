package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
)

// Secrets the tests configure; none may appear in a response or a log.
const (
	readToken  = "read-token-0123456789abcdef"
	writeToken = "write-token-0123456789abcdef"
	hmacSecret = "hmac-secret-0123456789"
)

// network is the fake scanner's world: the hosts up now, by IP.
type network struct {
	mu    sync.Mutex
	hosts map[string]string // ip → mac
	// block, when set, holds every sweep until it is closed or the
	// sweep's context ends (then the sweep is partial).
	block chan struct{}
	calls chan SweepRequest
}

func newNetwork(hosts map[string]string) *network {
	return &network{hosts: hosts, calls: make(chan SweepRequest, 100)}
}

func (n *network) set(ip, mac string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if mac == "" {
		delete(n.hosts, ip)
	} else {
		n.hosts[ip] = mac
	}
}

var seg = netip.MustParsePrefix("192.0.2.0/24")

// sweeper is the fake SweepFunc: it "sees" the network's hosts and
// ingests them into inv as a CLI sweep would.
func (n *network) sweeper(inv *inventory.Inventory) SweepFunc {
	return func(ctx context.Context, req SweepRequest) (SweepResult, error) {
		start := time.Now().UTC()
		n.mu.Lock()
		block := n.block
		var obs []record.Observation
		for ip, mac := range n.hosts {
			m, _ := record.ParseMAC(mac)
			obs = append(obs, record.Observation{Time: start, Source: record.SourceARP, Scanner: "test",
				Asset: record.Asset{IP: netip.MustParseAddr(ip), MAC: m, Sources: []record.Source{record.SourceARP}}})
		}
		n.mu.Unlock()
		req.Progress.Total.Store(254)
		req.Progress.Bind(func() int64 { return 254 }, func() int64 { return int64(len(obs)) })
		select {
		case n.calls <- req:
		default:
		}
		partial := false
		if block != nil {
			select {
			case <-block:
			case <-ctx.Done():
				partial = true
			}
		}
		res, err := inv.Ingest(context.WithoutCancel(ctx), inventory.Sweep{Start: start, End: time.Now().UTC(), Partial: partial,
			Segments: []netip.Prefix{seg}, Observations: obs})
		if err != nil {
			return SweepResult{}, err
		}
		return SweepResult{SweepID: res.Sweep.ID, Partial: partial, Found: len(obs), Sent: 254, New: res.Sweep.New,
			Missing: res.Sweep.Missing, Events: len(res.Events)}, nil
	}
}

type harness struct {
	t    *testing.T
	path string
	st   *sqlite.DB
	inv  *inventory.Inventory
	net  *network
	srv  *Server
	logs *syncBuffer
	url  string
	stop func()
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func openInv(t testing.TB, path string) (*sqlite.DB, *inventory.Inventory) {
	t.Helper()
	db, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	res, err := identity.New(nil, identity.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	return db, inventory.New(db, res, inventory.Config{Scanner: "test", MissingAfterSweeps: 1}, nil)
}

func testOptions() Options {
	return Options{Listen: "127.0.0.1:0", Tokens: []Token{{Name: "grafana", Secret: readToken}, {Name: "alice", Secret: writeToken, Write: true}},
		MaxBodyBytes: 4096, ShutdownGrace: 5 * time.Second, PollInterval: 20 * time.Millisecond}
}

// newHarness builds a server on a fresh store (or path's) without running it.
func newHarness(t *testing.T, path string, opts Options, nw *network) *harness {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), "netcensus.db")
	}
	if nw == nil {
		nw = newNetwork(map[string]string{})
	}
	db, inv := openInv(t, path)
	logs := &syncBuffer{}
	h := &harness{t: t, path: path, st: db, inv: inv, net: nw, logs: logs}
	srv, err := New(opts, Deps{Inventory: inv, State: db, Sweep: nw.sweeper(inv),
		Log: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	if err != nil {
		t.Fatal(err)
	}
	h.srv = srv
	return h
}

// start runs the server on a loopback port; stop shuts it down and
// waits.
func (h *harness) start() {
	h.t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		h.t.Fatal(err)
	}
	h.url = "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	// Serve takes the alerts' position before it listens: a test that
	// sweeps at once must not store events ahead of it (they would be
	// behind the position, never alerted).
	ready := make(chan struct{})
	started := h.srv.deps.Started
	h.srv.deps.Started = func(a net.Addr) {
		if started != nil {
			started(a)
		}
		close(ready)
	}
	go func() { done <- h.srv.Serve(ctx, ln) }()
	var once sync.Once
	h.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					h.t.Errorf("Serve: %v", err)
				}
			case <-time.After(20 * time.Second):
				h.t.Error("Serve did not return within 20s of cancel")
			}
			h.st.Close()
		})
	}
	h.t.Cleanup(h.stop)
	select {
	case <-ready:
	case err := <-done:
		done <- err // for stop
		h.t.Fatalf("Serve returned before it listened: %v", err)
	case <-time.After(20 * time.Second):
		h.t.Fatal("Serve did not listen within 20s")
	}
}

// do sends a request with a token ("" for none) and returns status and
// body.
func (h *harness) do(method, path, token, body string) (int, string) {
	h.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, h.url+path, rd)
	if err != nil {
		h.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (h *harness) getJSON(path, token string, v any) {
	h.t.Helper()
	code, body := h.do("GET", path, token, "")
	if code != 200 {
		h.t.Fatalf("GET %s: %d %s", path, code, body)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		h.t.Fatalf("GET %s: %v: %s", path, err, body)
	}
}

// until polls cond until it holds or the deadline passes.
func until(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", d, what)
		}
		<-tick.C
	}
}

// ingest runs one fake sweep directly (outside the scheduler).
func (h *harness) sweepNow() SweepResult {
	h.t.Helper()
	res, err := h.net.sweeper(h.inv)(h.t.Context(), SweepRequest{Progress: &Progress{}})
	if err != nil {
		h.t.Fatal(err)
	}
	return res
}

func (h *harness) assets(filter store.AssetFilter) []store.Asset {
	h.t.Helper()
	as, err := h.st.Assets(h.t.Context(), filter)
	if err != nil {
		h.t.Fatal(err)
	}
	return as
}
