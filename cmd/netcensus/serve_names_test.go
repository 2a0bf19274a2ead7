package main

import (
	"context"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/miekg/dns"

	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
)

// fakeResolverConn is a names socket that sends nothing: it answers each
// PTR question written to it with host-<last byte>.example, and records
// where every packet was written.
type fakeResolverConn struct {
	mu       sync.Mutex
	sent     []string
	replies  chan []byte
	closed   chan struct{}
	once     sync.Once
	deadline time.Time
	wake     chan struct{} // closed and replaced when the deadline moves
}

func newFakeResolverConn() *fakeResolverConn {
	return &fakeResolverConn{replies: make(chan []byte, 1024), closed: make(chan struct{}), wake: make(chan struct{})}
}

func (c *fakeResolverConn) WriteTo(b []byte, to net.Addr) (int, error) {
	c.mu.Lock()
	c.sent = append(c.sent, to.String())
	c.mu.Unlock()
	var q dns.Msg
	if err := q.Unpack(b); err != nil || len(q.Question) != 1 || q.Question[0].Qtype != dns.TypePTR {
		return len(b), nil
	}
	name := q.Question[0].Name
	last := name[:strings.IndexByte(name, '.')]
	r := new(dns.Msg)
	r.SetReply(&q)
	r.Answer = append(r.Answer, &dns.PTR{Hdr: dns.RR_Header{Name: name, Rrtype: dns.TypePTR, Class: dns.ClassINET, Ttl: 60}, Ptr: "host-" + last + ".example."})
	out, err := r.Pack()
	if err != nil {
		return 0, err
	}
	select {
	case c.replies <- out:
	default:
	}
	return len(b), nil
}

func (c *fakeResolverConn) ReadFrom(b []byte) (int, net.Addr, error) {
	for {
		c.mu.Lock()
		d, wake := c.deadline, c.wake
		c.mu.Unlock()
		var timeout <-chan time.Time
		if !d.IsZero() {
			t := time.NewTimer(time.Until(d))
			defer t.Stop()
			timeout = t.C
		}
		select {
		case r := <-c.replies:
			return copy(b, r), &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 53}, nil
		case <-c.closed:
			return 0, nil, net.ErrClosed
		case <-timeout:
			return 0, nil, os.ErrDeadlineExceeded
		case <-wake:
		}
	}
}

func (c *fakeResolverConn) Close() error {
	c.once.Do(func() { close(c.closed) })
	return nil
}

func (c *fakeResolverConn) LocalAddr() net.Addr {
	return &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 40000}
}
func (c *fakeResolverConn) SetDeadline(t time.Time) error    { return c.SetReadDeadline(t) }
func (c *fakeResolverConn) SetWriteDeadline(time.Time) error { return nil }
func (c *fakeResolverConn) SetReadDeadline(t time.Time) error {
	c.mu.Lock()
	c.deadline = t
	close(c.wake)
	c.wake = make(chan struct{})
	c.mu.Unlock()
	return nil
}

func (c *fakeResolverConn) writes() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.sent...)
}

// A scheduled sweep runs the names stage as a CLI sweep does (the names
// section's protocols and servers): the stored asset has the PTR name.
// A schedule's options.names: false leaves the stage out. Before, serve's
// sweeps never asked names.
func TestServeSweepAsksNames(t *testing.T) {
	for _, tc := range []struct {
		name    string
		options string
		want    string // the stored hostname
	}{
		{"names on", "{snmp: false}", "host-11.example"},
		{"names off by schedule", "{snmp: false, names: false}", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seg := arptest.NewSegment()
			seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
			a, _, _ := testApp(t, seg, nil)
			var mu sync.Mutex
			var conns []*fakeResolverConn
			env := a.newEnv
			a.newEnv = func(reg *oui.Registry, log *slog.Logger) scanner.Env {
				e := env(reg, log)
				e.ListenNames = func() (net.PacketConn, error) {
					c := newFakeResolverConn()
					mu.Lock()
					conns = append(conns, c)
					mu.Unlock()
					return c, nil
				}
				return e
			}
			logs := &lockedBuffer{}
			a.stderr = logs
			dir := t.TempDir()
			cfg := filepath.Join(dir, "c.yaml")
			conf := "sweep:\n  arp_wait: 20ms\n  rate: 100000\nmdns:\n  enabled: false\n" +
				"names:\n  dns: true\n  servers: [127.0.0.1]\n  netbios: false\n  llmnr: false\n  timeout: 2s\n" +
				"schedules:\n  - {name: lab, targets: [198.51.100.0/24], every: 1h, options: " + tc.options + "}\n"
			if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
				t.Fatal(err)
			}
			dbPath := filepath.Join(dir, "cmdb.db")
			// The first run is due an interval after start: a stored next run
			// in the past makes it run at once.
			db, err := sqlite.Open(t.Context(), dbPath)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Migrate(t.Context()); err != nil {
				t.Fatal(err)
			}
			if err := db.PutSchedule(t.Context(), store.ScheduleState{Name: "lab", NextRun: time.Now().Add(-time.Minute)}); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan int, 1)
			go func() {
				done <- run(ctx, a, []string{"--config", cfg, "--store", "sqlite:" + dbPath, "serve", "--listen", "127.0.0.1:0", "--log-format", "json"})
			}()
			deadline := time.After(30 * time.Second)
			tick := time.NewTicker(20 * time.Millisecond)
			defer tick.Stop()
			for !strings.Contains(logs.String(), `"msg":"sweep finished"`) {
				select {
				case code := <-done:
					t.Fatalf("serve exited %d:\n%s", code, logs)
				case <-deadline:
					t.Fatalf("no sweep finished in 30s:\n%s", logs)
				case <-tick.C:
				}
			}
			cancel()
			if code := <-done; code != exitOK {
				t.Fatalf("serve exited %d:\n%s", code, logs)
			}
			as, err := db.Assets(t.Context(), store.AssetFilter{})
			if err != nil || len(as) != 1 {
				t.Fatalf("assets %+v %v", as, err)
			}
			if got := as[0].Record.Hostname; got != tc.want {
				t.Errorf("stored hostname %q, want %q", got, tc.want)
			}
			mu.Lock()
			defer mu.Unlock()
			var asked []string
			for _, c := range conns {
				asked = append(asked, c.writes()...)
			}
			if tc.want == "" && len(conns) != 0 {
				t.Errorf("names: false, yet %d names sockets were opened (asked %v)", len(conns), asked)
			}
			if tc.want != "" && (len(asked) == 0 || !strings.HasPrefix(asked[0], "127.0.0.1:53")) {
				t.Errorf("names asked of %v, want the configured server 127.0.0.1:53", asked)
			}
		})
	}
}
