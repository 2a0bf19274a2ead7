package scanner

import (
	"context"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/miekg/dns"

	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/names"
	"github.com/netcensus/netcensus/scanner/snmp"
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

// kernelARP stands for the kernel resolving a host's MAC before the names
// stage's first datagram to it: the host's answer reaches the segment's
// readers, the sweep's raw socket too if it still listens.
type kernelARP struct {
	*resolverConn
	seg   *arptest.Segment
	hosts map[netip.Addr]net.HardwareAddr
}

func (k kernelARP) WriteTo(b []byte, to net.Addr) (int, error) {
	if ua, ok := to.(*net.UDPAddr); ok {
		if hw, ok := k.hosts[ua.AddrPort().Addr().Unmap()]; ok {
			k.seg.Deliver(arptest.Reply(hw, ua.AddrPort().Addr().Unmap(), scanMAC, netip.MustParseAddr("198.51.100.2")))
		}
	}
	return k.resolverConn.WriteTo(b, to)
}

// TestNamesAfterSegmentARP: the names stage asks a segment's hosts once
// its ARP sweep has ended, not while it listens: the kernel's own ARP for
// a host, before the first NetBIOS question to it, is answered on the
// wire, and ARP's socket would count that answer as a second reply to
// its one request (a duplicate_replies anomaly on every host whose MAC
// the kernel did not hold; seen in the lab with the stage asking each
// host as ARP found it).
func TestNamesAfterSegmentARP(t *testing.T) {
	server := netip.MustParseAddrPort("192.0.2.53:53")
	seg := arptest.NewSegment()
	hosts := map[netip.Addr]net.HardwareAddr{}
	for _, h := range []struct{ ip, mac string }{{"198.51.100.11", "00:1b:54:00:00:11"}, {"198.51.100.12", "00:1b:54:00:00:12"}} {
		seg.AddHost(h.ip, h.mac)
		hosts[netip.MustParseAddr(h.ip)], _ = net.ParseMAC(h.mac)
	}
	env := fakeEnv(seg)
	env.ListenNames = func() (net.PacketConn, error) {
		return kernelARP{resolverConn: newResolverConn(server, netip.Addr{}), seg: seg, hosts: hosts}, nil
	}
	set, err := targets.Build([]string{"198.51.100.0/28"}, nil, targets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// ARP listens on for 300 ms after its last retry.
	rep, err := Run(context.Background(), env, Options{Targets: set, Rate: 100000, ARPRetries: 1, ARPWait: 300 * time.Millisecond,
		Names: &names.Options{DNS: true, Servers: []netip.AddrPort{server}, NetBIOS: true, Timeout: 100 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range rep.Hosts() {
		for _, a := range h.Anomalies {
			t.Errorf("%s: %s: %s (the kernel's ARP for the names stage counted as the sweep's)", h.IP, a.Kind, a.Detail)
		}
		if h.Hostname != "host-"+h.IP.String()+".example" {
			t.Errorf("%s: hostname %q", h.IP, h.Hostname)
		}
	}
	if rep.Names.Asked != 2 {
		t.Errorf("names stats %+v", rep.Names)
	}
}

// snmpConn is an SNMP discovery socket nobody answers; it records when it
// was closed (discovery over).
type snmpConn struct {
	net.PacketConn
	closed atomic.Bool
}

func (c *snmpConn) WriteTo(b []byte, _ net.Addr) (int, error) { return len(b), nil }
func (c *snmpConn) Close() error {
	c.closed.Store(true)
	return c.PacketConn.Close()
}

// namesWhileSNMP is a names socket that notes whether SNMP discovery was
// still under way at its first question.
type namesWhileSNMP struct {
	*resolverConn
	snmp   *snmpConn
	during *atomic.Int32 // 1: asked during discovery, 2: after
}

func (n namesWhileSNMP) WriteTo(b []byte, to net.Addr) (int, error) {
	v := int32(2)
	if !n.snmp.closed.Load() {
		v = 1
	}
	n.during.CompareAndSwap(0, v)
	return n.resolverConn.WriteTo(b, to)
}

// TestNamesOverlapSNMP: the names stage asks ARP's hosts while SNMP
// discovery still waits for its answers (here, a whole second for none),
// not after the SNMP phases end, as it did (adding its questions and its
// wait to the sweep's end); and it ends with the sweep, though its
// timeout is longer than the test's deadline, every question answered.
func TestNamesOverlapSNMP(t *testing.T) {
	server := netip.MustParseAddrPort("192.0.2.53:53")
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	env := fakeEnv(seg)
	udp, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Skipf("loopback: %v", err)
	}
	sc := &snmpConn{PacketConn: udp}
	var during atomic.Int32
	env.ListenSNMP = func() (net.PacketConn, error) { return sc, nil }
	env.DialSNMP = func(time.Duration, int) snmp.DialFunc { return nil }
	env.ListenNames = func() (net.PacketConn, error) {
		return namesWhileSNMP{resolverConn: newResolverConn(server, netip.Addr{}), snmp: sc, during: &during}, nil
	}
	set, err := targets.Build([]string{"198.51.100.11"}, nil, targets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	rep, err := Run(ctx, env, Options{Targets: set, Rate: 100000, ARPWait: 20 * time.Millisecond,
		SNMP:  &SNMPOptions{Timeout: time.Second, Retries: 0},
		Names: &names.Options{DNS: true, Servers: []netip.AddrPort{server}, Timeout: time.Minute}})
	if err != nil {
		t.Fatalf("sweep: %v (a names stage that waited for its timeout though every question was answered)", err)
	}
	if d := during.Load(); d != 1 {
		t.Errorf("names asked during SNMP discovery: %v (state %d), want asked while it waited", d == 1, d)
	}
	if h := rep.Hosts(); len(h) != 1 || h[0].Hostname != "host-198.51.100.11.example" {
		t.Errorf("hosts %+v", h)
	}
}
