package scanner

import (
	"context"
	"net"
	"net/netip"
	"sync"
	"testing"
	"time"

	"github.com/miekg/dns"

	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/names"
	"github.com/netcensus/netcensus/scanner/targets"
)

// resolverConn is a names socket whose every question goes to one fake
// DNS server, which answers each PTR question with host-<last octet>.
// asked is closed at the first question about firstOf.
type resolverConn struct {
	server  netip.AddrPort
	firstOf netip.Addr
	asked   chan struct{}

	mu       sync.Mutex
	inbox    [][]byte
	deadline time.Time
	closed   bool
	wake     chan struct{}
}

func newResolverConn(server netip.AddrPort, firstOf netip.Addr) *resolverConn {
	return &resolverConn{server: server, firstOf: firstOf, asked: make(chan struct{}), wake: make(chan struct{})}
}

func (c *resolverConn) WriteTo(b []byte, to net.Addr) (int, error) {
	q := new(dns.Msg)
	if err := q.Unpack(b); err != nil || len(q.Question) != 1 {
		return len(b), nil
	}
	if ua, ok := to.(*net.UDPAddr); !ok || ua.AddrPort() != c.server {
		return len(b), nil // NetBIOS, LLMNR: nobody there
	}
	m := new(dns.Msg)
	m.SetReply(q)
	name := q.Question[0].Name
	if ip, err := netip.ParseAddr(reverse(name)); err == nil {
		if ip == c.firstOf {
			c.mu.Lock()
			select {
			case <-c.asked:
			default:
				close(c.asked)
			}
			c.mu.Unlock()
		}
		rr, _ := dns.NewRR(name + " 60 IN PTR host-" + ip.String() + ".example.")
		m.Answer = append(m.Answer, rr)
	}
	out, _ := m.Pack()
	c.mu.Lock()
	c.inbox = append(c.inbox, out)
	close(c.wake)
	c.wake = make(chan struct{})
	c.mu.Unlock()
	return len(b), nil
}

// reverse turns d.c.b.a.in-addr.arpa. into a.b.c.d.
func reverse(name string) string {
	var parts []string
	start := 0
	for i := 0; i < len(name); i++ {
		if name[i] == '.' {
			parts = append(parts, name[start:i])
			start = i + 1
		}
	}
	if len(parts) != 6 {
		return ""
	}
	return parts[3] + "." + parts[2] + "." + parts[1] + "." + parts[0]
}

func (c *resolverConn) ReadFrom(b []byte) (int, net.Addr, error) {
	for {
		c.mu.Lock()
		if len(c.inbox) > 0 {
			m := c.inbox[0]
			c.inbox = c.inbox[1:]
			c.mu.Unlock()
			return copy(b, m), net.UDPAddrFromAddrPort(c.server), nil
		}
		if c.closed {
			c.mu.Unlock()
			return 0, nil, net.ErrClosed
		}
		dl, wake := c.deadline, c.wake
		c.mu.Unlock()
		var timer <-chan time.Time
		if !dl.IsZero() {
			d := time.Until(dl)
			if d <= 0 {
				return 0, nil, &net.OpError{Op: "read", Err: timeoutErr{}}
			}
			t := time.NewTimer(d)
			defer t.Stop()
			timer = t.C
		}
		select {
		case <-wake:
		case <-timer:
		}
	}
}

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func (c *resolverConn) SetReadDeadline(t time.Time) error {
	c.mu.Lock()
	c.deadline = t
	close(c.wake)
	c.wake = make(chan struct{})
	c.mu.Unlock()
	return nil
}

func (c *resolverConn) Close() error {
	c.mu.Lock()
	if !c.closed {
		c.closed = true
		close(c.wake)
		c.wake = make(chan struct{})
	}
	c.mu.Unlock()
	return nil
}

func (c *resolverConn) LocalAddr() net.Addr                { return &net.UDPAddr{IP: net.IPv4(192, 0, 2, 2)} }
func (c *resolverConn) SetDeadline(t time.Time) error      { return c.SetReadDeadline(t) }
func (c *resolverConn) SetWriteDeadline(_ time.Time) error { return nil }

// gatedSegment is a segment on which gated stays silent to ARP until open
// is closed.
type gatedSegment struct {
	*arptest.Segment
	gated netip.Addr
	open  <-chan struct{}
}

func (g gatedSegment) WriteTo(b []byte, to net.Addr) (int, error) {
	if p, err := arp.Decode(b); err == nil && p.TargetIP == g.gated {
		select {
		case <-g.open:
		default:
			return len(b), nil
		}
	}
	return g.Segment.WriteTo(b, to)
}

// TestNamesOverlapARP: the names stage asks about a host as soon as ARP
// finds it, while ARP still sweeps, and ends as soon as every question is
// answered. The segment's second host answers ARP only once the names
// stage has asked about the first: a stage that starts after ARP ends (as
// it did, adding about a second to a /24 with every protocol on) never
// lets it answer, and it is not found. The names timeout is longer than
// the test's deadline: a stage that waits for it, though every question
// was answered, fails the sweep.
func TestNamesOverlapARP(t *testing.T) {
	first, second := netip.MustParseAddr("198.51.100.11"), netip.MustParseAddr("198.51.100.12")
	server := netip.MustParseAddrPort("192.0.2.53:53")
	conn := newResolverConn(server, first)
	seg := arptest.NewSegment()
	seg.AddHost(first.String(), "00:1b:54:00:00:11")
	seg.AddHost(second.String(), "00:1b:54:00:00:12")
	env := fakeEnv(nil)
	env.ListenARP = func(*net.Interface) (net.PacketConn, error) {
		return gatedSegment{Segment: seg, gated: second, open: conn.asked}, nil
	}
	env.ListenNames = func() (net.PacketConn, error) { return conn, nil }
	set, err := targets.Build([]string{first.String(), second.String()}, nil, targets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	// ARP asks the second host again every 100 ms for two seconds.
	rep, err := Run(ctx, env, Options{Targets: set, Rate: 100000, ARPRetries: 20, ARPWait: 100 * time.Millisecond,
		Names: &names.Options{DNS: true, Servers: []netip.AddrPort{server}, Timeout: time.Minute}})
	if err != nil {
		t.Fatalf("sweep: %v (a names stage that waited for its timeout though every host answered)", err)
	}
	got := map[netip.Addr]string{}
	for _, h := range rep.Hosts() {
		got[h.IP] = h.Hostname
	}
	if _, ok := got[second]; !ok {
		t.Fatalf("hosts %v: %s not found; it answers ARP only once the names stage has asked about %s, which it did not while ARP ran", got, second, first)
	}
	for _, ip := range []netip.Addr{first, second} {
		if want := "host-" + ip.String() + ".example"; got[ip] != want {
			t.Errorf("%s: hostname %q, want %q", ip, got[ip], want)
		}
	}
	if rep.Names.Asked != 2 || rep.Names.DNS != 2 {
		t.Errorf("names stats %+v, want 2 asked and named", rep.Names)
	}
}
