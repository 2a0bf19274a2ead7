package names

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"sync"
	"testing"
	"time"

	"github.com/miekg/dns"
	"golang.org/x/time/rate"
)

// slash24 is the 254 host addresses of 198.51.100.0/24.
func slash24() []netip.Addr {
	out := make([]netip.Addr, 0, 254)
	for i := 1; i <= 254; i++ {
		out = append(out, netip.AddrFrom4([4]byte{198, 51, 100, byte(i)}))
	}
	return out
}

// TestDNSAsksConcurrently: a fake resolver that answers nothing until it
// holds every question of a /24 at once. A resolver asked one question at
// a time (waiting for each answer) would never be answered and name no
// host; asked concurrently, every host is named by one batch of answers.
func TestDNSAsksConcurrently(t *testing.T) {
	addrs := slash24()
	srv := udp(t, "127.0.0.1", 0)
	var mu sync.Mutex
	var held []*dns.Msg
	var from *net.UDPAddr
	peak := 0
	go func() {
		buf := make([]byte, 1500)
		for {
			n, f, err := srv.ReadFromUDP(buf)
			if err != nil {
				return
			}
			q := new(dns.Msg)
			if q.Unpack(buf[:n]) != nil || len(q.Question) != 1 {
				continue
			}
			mu.Lock()
			held, from = append(held, q), f
			peak = max(peak, len(held))
			release := len(held) == len(addrs)
			batch := held
			if release {
				held = nil
			}
			mu.Unlock()
			if !release {
				continue
			}
			for _, q := range batch {
				m := new(dns.Msg)
				m.SetReply(q)
				rr, _ := dns.NewRR(q.Question[0].Name + " 60 IN PTR h" + fmt.Sprint(q.Id) + ".lab.example.net.")
				m.Answer = append(m.Answer, rr)
				b, _ := m.Pack()
				srv.WriteToUDP(b, from)
			}
		}
	}()
	// The timeout only bounds a failing run: a passing one ends when the
	// last answer is read.
	got, st, err := Resolve(context.Background(), addrs, Options{
		DNS: true, Servers: []netip.AddrPort{addrPort(srv)}, Timeout: 20 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if peak != len(addrs) || st.DNS != len(addrs) || len(got) != len(addrs) {
		t.Fatalf("%d questions outstanding at once, %d named (stats %+v): want all %d at once and named", peak, len(got), st, len(addrs))
	}
	if r := got[addrs[9]]; r == nil || len(r.PTR) != 1 || r.PTR[0] != "h9.lab.example.net" {
		t.Errorf("198.51.100.10: %+v", r)
	}
}

// deadlineConn records when each datagram was written and every read
// deadline set, around a real loopback socket.
type deadlineConn struct {
	net.PacketConn
	mu        sync.Mutex
	writes    []time.Time
	deadlines []time.Time
}

func (c *deadlineConn) WriteTo(b []byte, to net.Addr) (int, error) {
	c.mu.Lock()
	c.writes = append(c.writes, time.Now())
	c.mu.Unlock()
	return c.PacketConn.WriteTo(b, to)
}

func (c *deadlineConn) SetReadDeadline(t time.Time) error {
	c.mu.Lock()
	c.deadlines = append(c.deadlines, t)
	c.mu.Unlock()
	return c.PacketConn.SetReadDeadline(t)
}

// TestSilentResolverCostsOneTimeout: when no server, NetBIOS or LLMNR host
// answers, every protocol asks the whole /24 first and then waits one
// timeout after its last question: the read deadline is set once all are
// asked, and lies one timeout (not one per address) after the last.
func TestSilentResolverCostsOneTimeout(t *testing.T) {
	addrs := slash24()
	silent := udp(t, "127.0.0.1", 0)
	var conns []*deadlineConn
	var mu sync.Mutex
	// A timeout long enough to send the /24 in, on a loaded machine under
	// -race (at 150 ms the silent server was once given up, at load 27,
	// after 51 of its questions, as it should be).
	const timeout = time.Second
	_, st, err := Resolve(context.Background(), addrs, Options{
		DNS: true, Servers: []netip.AddrPort{addrPort(silent)}, Timeout: timeout,
		// NetBIOS and LLMNR go to the /24's addresses: here, loopback
		// ports nobody listens on stand in for them.
		NetBIOS: true, LLMNR: true,
		Listen: func() (net.PacketConn, error) {
			c, err := net.ListenPacket("udp4", "127.0.0.1:0")
			if err != nil {
				return nil, err
			}
			dc := &deadlineConn{PacketConn: redirect{c, addrPort(silent)}}
			mu.Lock()
			conns = append(conns, dc)
			mu.Unlock()
			return dc, nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.DNS+st.NetBIOS+st.LLMNR != 0 {
		t.Fatalf("silence named hosts: %+v", st)
	}
	if len(conns) != 3 {
		t.Fatalf("%d sockets, want one per protocol", len(conns))
	}
	for i, c := range conns {
		if len(c.writes) != len(addrs) || len(c.deadlines) == 0 {
			t.Fatalf("socket %d: %d questions, %d deadlines", i, len(c.writes), len(c.deadlines))
		}
		last := c.writes[len(c.writes)-1]
		first := c.deadlines[0]
		if first.Before(last) {
			t.Errorf("socket %d: a read deadline was set before the last question went: one address waited for", i)
		}
		for _, d := range c.deadlines {
			// One timeout after the last question; a serial resolver's
			// would lie up to 254 timeouts after the first.
			if d.Sub(last) > 2*timeout {
				t.Errorf("socket %d: read deadline %v after the last question, want one timeout (%v)", i, d.Sub(last), timeout)
			}
		}
	}
}

// redirect sends every datagram to one silent loopback port, whatever its
// destination: the /24 stays unreached.
type redirect struct {
	net.PacketConn
	to netip.AddrPort
}

func (r redirect) WriteTo(b []byte, _ net.Addr) (int, error) {
	return r.PacketConn.WriteTo(b, net.UDPAddrFromAddrPort(r.to))
}

// TestSilentServerGivenUp: a DNS server that answers none of its
// questions for one timeout after the first is given up: the rest of its
// questions are not sent (their packets stay in the sweep's budget) and
// not awaited, so a dead server costs one timeout, not one timeout after
// the last question of a /24 paced at the sweep's rate. A server that
// answers keeps being asked, and names its share of the hosts. Before,
// every question went to the dead server too, and Resolve waited a
// timeout after the last of them.
func TestSilentServerGivenUp(t *testing.T) {
	addrs := slash24()
	silent := udp(t, "127.0.0.1", 0)
	live := udp(t, "127.0.0.1", 0)
	go answerEveryPTR(live, 0)
	var conn *deadlineConn
	// 254 questions at 500 a second take half a second to send: two and
	// a half timeouts. (The timeout is also the live server's answers'
	// wait after the last question: 50 ms lost a few under a loaded CI
	// machine.)
	const timeout = 200 * time.Millisecond
	got, st, err := Resolve(context.Background(), addrs, Options{
		DNS: true, Servers: []netip.AddrPort{addrPort(silent), addrPort(live)}, Timeout: timeout,
		Limiter: rate.NewLimiter(500, 1),
		Listen: func() (net.PacketConn, error) {
			c, err := net.ListenPacket("udp4", "127.0.0.1:0")
			if err != nil {
				return nil, err
			}
			conn = &deadlineConn{PacketConn: c}
			return conn, nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Round robin: the live server has the odd indexes, 127 questions.
	if st.DNSSilent != 1 || st.DNS != len(addrs)/2 || len(got) != len(addrs)/2 {
		t.Errorf("stats %+v, %d named: want the silent server given up and the live one's 127 hosts named", st, len(got))
	}
	if r := got[addrs[1]]; r == nil || len(r.PTR) != 1 || r.PTR[0] != "h1.lab.example.net" {
		t.Errorf("%s: %+v", addrs[1], r)
	}
	conn.mu.Lock()
	defer conn.mu.Unlock()
	// The live server's 127 and, to the silent one, those sent before it
	// was given up: fewer than its 127.
	if n := len(conn.writes); n >= len(addrs) || n <= len(addrs)/2 {
		t.Errorf("%d questions sent, want the live server's %d and part of the silent one's", n, len(addrs)/2)
	}
}

// TestWaitCountsFromLastQuestion: a feed held open long after its last
// address was asked (a sweep's SNMP phase runs on after ARP) does not add
// a timeout after it closes: the wait for a silent host ends one timeout
// after its question, a wait already spent. Before, the read deadline lay
// a timeout after the feed closed.
func TestWaitCountsFromLastQuestion(t *testing.T) {
	silent := udp(t, "127.0.0.1", 0)
	const timeout = 100 * time.Millisecond
	var mu sync.Mutex
	var conn *deadlineConn
	feed := NewFeed()
	done := make(chan error, 1)
	go func() {
		_, _, err := ResolveFeed(context.Background(), feed, Options{
			NetBIOS: true, Timeout: timeout,
			Listen: func() (net.PacketConn, error) {
				c, err := net.ListenPacket("udp4", "127.0.0.1:0")
				if err != nil {
					return nil, err
				}
				mu.Lock()
				defer mu.Unlock()
				conn = &deadlineConn{PacketConn: redirect{c, addrPort(silent)}}
				return conn, nil
			},
		})
		done <- err
	}()
	feed.Add(netip.MustParseAddr("198.51.100.7"))
	// Hold the feed open until two timeouts have passed since the
	// question went out.
	var sent time.Time
	limit := time.Now().Add(10 * time.Second)
	for sent.IsZero() || time.Since(sent) < 2*timeout {
		if time.Now().After(limit) {
			t.Fatal("the question was not sent")
		}
		mu.Lock()
		if conn != nil {
			conn.mu.Lock()
			if len(conn.writes) > 0 {
				sent = conn.writes[0]
			}
			conn.mu.Unlock()
		}
		mu.Unlock()
		time.Sleep(5 * time.Millisecond) // polling a condition, with a deadline
	}
	closed := time.Now()
	feed.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	conn.mu.Lock()
	defer conn.mu.Unlock()
	for _, d := range conn.deadlines {
		// (The write is stamped as it starts, the stage's clock when it
		// returns: half a timeout of slack; the old deadline lay three
		// timeouts after the question.)
		if d.Sub(sent) > timeout+timeout/2 {
			t.Errorf("read deadline %v after the question (feed closed %v after it), want at most one timeout (%v)", d.Sub(sent), closed.Sub(sent), timeout)
		}
	}
}

// TestQuestionsRunAheadOfBudget: a /24's three questions a host, charged
// to a packet budget that takes most of a timeout to send them (800 a
// second: 762 questions, 0.95 s), go out at once, ahead of it, so hosts
// that drop NetBIOS and LLMNR silently cost one timeout after the feed
// closes, not one after the last question the budget would let out. A
// slow server that answers each question just inside the timeout still
// names every host. Before, each question waited for the budget, and the
// last went out about a timeout after the first.
func TestQuestionsRunAheadOfBudget(t *testing.T) {
	addrs := slash24()
	silent := udp(t, "127.0.0.1", 0)
	slow := udp(t, "127.0.0.1", 0)
	const timeout = time.Second
	const lag = 600 * time.Millisecond // the slow server's answer time
	go answerEveryPTR(slow, lag)
	var mu sync.Mutex
	var conns []*deadlineConn
	lim := rate.NewLimiter(800, 1)
	_, st, err := Resolve(context.Background(), addrs, Options{
		DNS: true, Servers: []netip.AddrPort{addrPort(slow)}, Timeout: timeout,
		NetBIOS: true, LLMNR: true, Limiter: lim,
		Listen: func() (net.PacketConn, error) {
			c, err := net.ListenPacket("udp4", "127.0.0.1:0")
			if err != nil {
				return nil, err
			}
			// The first socket is DNS's (to the slow server); NetBIOS
			// and LLMNR questions go to the silent port.
			var pc net.PacketConn = c
			mu.Lock()
			defer mu.Unlock()
			if len(conns) > 0 {
				pc = redirect{c, addrPort(silent)}
			}
			dc := &deadlineConn{PacketConn: pc}
			conns = append(conns, dc)
			return dc, nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.DNS != len(addrs) || st.NetBIOS+st.LLMNR != 0 {
		t.Errorf("stats %+v: want every host named by the slow server, none by the silent hosts", st)
	}
	mu.Lock()
	defer mu.Unlock()
	var first, last time.Time
	for i, c := range conns {
		c.mu.Lock()
		if len(c.writes) != len(addrs) {
			t.Errorf("socket %d: %d questions, want %d", i, len(c.writes), len(addrs))
		}
		for _, w := range c.writes {
			if first.IsZero() || w.Before(first) {
				first = w
			}
			if w.After(last) {
				last = w
			}
		}
		c.mu.Unlock()
	}
	// Paced by the budget, the questions would span 0.95 s; ahead of it,
	// the time the loopback takes to carry them (half a timeout of slack
	// for a loaded machine).
	if spread := last.Sub(first); spread > timeout/2 {
		t.Errorf("questions spread over %v, want them sent at once (the budget paces them over %v)", spread, time.Duration(3*len(addrs))*time.Second/800)
	}
}

// TestTakeAhead: a question is charged to the budget at once, and waits
// only for what it owes beyond the time it may run ahead; cancelled, it
// gives its charge back.
func TestTakeAhead(t *testing.T) {
	ctx := context.Background()
	lim := rate.NewLimiter(10, 1) // a packet every 100 ms
	now := time.Now()
	// One second ahead: the burst and ten more go at once, each charged.
	for i := range 11 {
		if err := takeAhead(ctx, lim, time.Second); err != nil {
			t.Fatalf("question %d: %v", i, err)
		}
	}
	if tok := lim.TokensAt(now); tok > -9.5 {
		t.Errorf("budget at %.1f after 11 questions from a burst of 1: not charged", tok)
	}
	// The next owes more than a second: it waits the excess, and a
	// context that ends first takes it back.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := takeAhead(cctx, lim, time.Second); err == nil {
		t.Error("a question past the time ahead did not wait")
	}
	if tok := lim.TokensAt(now); tok < -10.5 {
		t.Errorf("budget at %.1f: the cancelled question kept its charge", tok)
	}
	// With no budget (rate.Inf) nothing waits.
	inf := rate.NewLimiter(rate.Inf, 1)
	for range 1000 {
		if err := takeAhead(cctx, inf, 0); err != nil {
			t.Fatal(err)
		}
	}
}

// answerEveryPTR answers each PTR question on c with h<query ID>, after
// lag, until c is closed.
func answerEveryPTR(c *net.UDPConn, lag time.Duration) {
	buf := make([]byte, 1500)
	for {
		n, from, err := c.ReadFromUDP(buf)
		if err != nil {
			return
		}
		q := new(dns.Msg)
		if q.Unpack(buf[:n]) != nil || len(q.Question) != 1 {
			continue
		}
		m := new(dns.Msg)
		m.SetReply(q)
		rr, _ := dns.NewRR(q.Question[0].Name + " 60 IN PTR h" + fmt.Sprint(q.Id) + ".lab.example.net.")
		m.Answer = append(m.Answer, rr)
		b, _ := m.Pack()
		time.AfterFunc(lag, func() { c.WriteToUDP(b, from) })
	}
}
