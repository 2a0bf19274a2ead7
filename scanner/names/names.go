// Package names finds what hosts are called: reverse DNS (PTR records, from
// the configured servers or the system's resolv.conf), NetBIOS node status
// (the name, workgroup and MAC of Windows and Samba hosts) and LLMNR reverse
// queries (RFC 4795 2.4, unicast to the host: over UDP, which Windows'
// profile of LLMNR requires, and over TCP, as 2.4 has a unicast query sent
// and systemd-resolved answers no other; llmnr_tcp.go).
//
// Each protocol is one UDP socket: requests are sent to every address as
// it comes (a sweep feeds a segment's hosts as its ARP sweep ends, so the
// stage runs beside the rest of the sweep rather than after it), charged
// to the sweep's packet budget but allowed one timeout ahead of it (a
// /24's questions go out at once), and replies are collected until every
// request is answered, or one timeout after the last send, so a /24 costs
// at most about one timeout however many hosts are silent. A request
// refused by ICMP (port unreachable: no responder at the host; on Linux,
// where an unconnected socket can be told) is answered and not awaited. A
// DNS server silent for a timeout after its first question, or refusing,
// is given up at once: a dead resolver costs one timeout at most, not one
// after the last question (the sending of a large segment at the sweep's
// rate).
package names

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/netcensus/netcensus/record"
)

// Options configure name resolution.
type Options struct {
	// DNS asks for PTR records of every address: from Servers, else from
	// the nameservers of ResolvConf (default /etc/resolv.conf).
	DNS        bool
	Servers    []netip.AddrPort
	ResolvConf string
	// NetBIOS sends a node status request to every IPv4 address (UDP
	// NetBIOSPort, default 137); LLMNR a reverse query to every address
	// (UDP LLMNRPort, default 5355).
	NetBIOS     bool
	NetBIOSPort uint16
	LLMNR       bool
	LLMNRPort   uint16
	// Timeout is how long replies are awaited after the last request
	// (less when every request is answered or refused).
	Timeout time.Duration
	// Limiter is the packet budget the requests are charged to (nil:
	// none); they may run up to one Timeout ahead of it (takeAhead).
	Limiter *rate.Limiter
	Logger  *slog.Logger
	// Listen opens a protocol's socket (nil: UDP on an ephemeral port).
	Listen func() (net.PacketConn, error)
	// Dial opens LLMNR's TCP connections (llmnr_tcp.go; nil: LLMNR asks
	// over UDP alone). Unlike Listen it has no default, so that a caller
	// that fakes the sockets never reaches a real host by TCP.
	Dial func(ctx context.Context, network, address string) (net.Conn, error)
}

// DefaultTimeout is Options.Timeout's default.
const DefaultTimeout = time.Second

// Result is what one address is called.
type Result struct {
	// PTR holds the reverse DNS names, without the trailing dot.
	PTR []string
	// NetBIOS is the node status reply, if any.
	NetBIOS *NodeStatus
	// LLMNR holds the names the host gave for its address.
	LLMNR []string
}

// Stats count one resolution.
type Stats struct {
	Asked                    int // addresses
	DNS, NetBIOS, LLMNR      int // addresses each protocol named
	DNSErrors, NetBIOSErrors int // malformed or refused replies
	LLMNRErrors              int
	// DNSSilent counts the DNS servers given up: silent for a timeout
	// after their first question, the rest of theirs neither sent nor
	// awaited (a dead server costs one timeout, not one after the last
	// question of a whole /24).
	DNSSilent int
	// Refused counts the questions refused by an ICMP destination
	// unreachable (Linux) or, over TCP, a reset: no NetBIOS or LLMNR
	// responder at the host, no DNS server at the address. They are
	// answered, naming nothing, and not awaited.
	Refused int
}

// ErrNoServers: DNS was asked for and no server is configured or in
// resolv.conf.
var ErrNoServers = errors.New("no DNS servers")

// Resolve asks every protocol of o about addrs at once and returns what
// each address is called (addresses nobody named are absent). A protocol
// whose socket cannot be opened is an error; silent hosts are not.
func Resolve(ctx context.Context, addrs []netip.Addr, o Options) (map[netip.Addr]*Result, Stats, error) {
	if len(addrs) > MaxAddrs {
		return nil, Stats{}, fmt.Errorf("names: %d addresses, at most %d", len(addrs), MaxAddrs)
	}
	return ResolveFeed(ctx, FeedOf(addrs), o)
}

// ResolveFeed is Resolve of the addresses feed gives as they come: each
// protocol asks an address as soon as it is added, and waits one timeout
// after its last question once the feed is closed (less when every
// address has answered). It returns when the feed is closed and the
// answers are in, or when ctx ends.
func ResolveFeed(ctx context.Context, feed *Feed, o Options) (map[netip.Addr]*Result, Stats, error) {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.NetBIOSPort == 0 {
		o.NetBIOSPort = 137
	}
	if o.LLMNRPort == 0 {
		o.LLMNRPort = 5355
	}
	if o.Listen == nil {
		o.Listen = func() (net.PacketConn, error) { return net.ListenPacket("udp", ":0") }
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	var st Stats
	var confErr error
	if o.DNS && len(o.Servers) == 0 {
		// No servers: the other protocols still run.
		o.Servers, confErr = resolvConfServers(o.ResolvConf)
		o.DNS = confErr == nil
	}

	results := map[int]*Result{}
	var mu sync.Mutex // guards results across the protocols' readers
	result := func(i int) *Result {
		r := results[i]
		if r == nil {
			r = &Result{}
			results[i] = r
		}
		return r
	}
	type run struct {
		name string
		p    protocol
	}
	var runs []run
	if o.DNS {
		runs = append(runs, run{"dns", dnsProtocol(feed, o.Servers, result, &mu)})
	}
	if o.NetBIOS {
		runs = append(runs, run{"netbios", netbiosProtocol(feed, o.NetBIOSPort, result, &mu)})
	}
	if o.LLMNR {
		runs = append(runs, run{"llmnr", llmnrProtocol(feed, o.LLMNRPort, result, &mu)})
	}
	conns := make([]net.PacketConn, len(runs))
	for i, r := range runs {
		c, err := o.Listen()
		if err != nil {
			for _, c := range conns[:i] {
				c.Close()
			}
			return nil, st, fmt.Errorf("names: %s socket: %w", r.name, err)
		}
		conns[i] = c
	}
	counts := make([]exchangeStats, len(runs))
	errs := make([]error, len(runs))
	var wg sync.WaitGroup
	var tcp exchangeStats
	if o.LLMNR && o.Dial != nil {
		wg.Go(func() {
			tcp = llmnrTCP(ctx, feed, o.LLMNRPort, o.Limiter, o.Timeout, o.Dial, func(i int, names []string) {
				mu.Lock()
				defer mu.Unlock()
				result(i).addLLMNR(names)
			})
			log.Info("names", "scanner", "llmnr-tcp", "asked", tcp.asked, "named", tcp.answered, "errors", tcp.bad, "refused", tcp.refused)
		})
	}
	for i, r := range runs {
		wg.Go(func() {
			defer conns[i].Close()
			counts[i], errs[i] = exchange(ctx, conns[i], feed, o.Limiter, o.Timeout, r.p)
			log.Info("names", "scanner", r.name, "asked", counts[i].asked, "named", counts[i].answered, "errors", counts[i].bad, "refused", counts[i].refused, "servers_given_up", counts[i].silent)
		})
	}
	wg.Wait()
	addrs, over := feed.list()
	st.Asked = len(addrs)
	for i, r := range runs {
		st.Refused += counts[i].refused
		switch r.name {
		case "dns":
			st.DNS, st.DNSErrors, st.DNSSilent = counts[i].answered, counts[i].bad, counts[i].silent
		case "netbios":
			st.NetBIOS, st.NetBIOSErrors = counts[i].answered, counts[i].bad
		case "llmnr":
			st.LLMNRErrors = counts[i].bad
		}
	}
	// An address named over UDP, TCP or both counts once.
	st.Refused += tcp.refused
	st.LLMNRErrors += tcp.bad
	for _, r := range results {
		if len(r.LLMNR) > 0 {
			st.LLMNR++
		}
	}
	if over > 0 {
		errs = append(errs, fmt.Errorf("names: %d addresses, at most %d", len(addrs)+over, MaxAddrs))
	}
	out := map[netip.Addr]*Result{}
	for i, r := range results {
		if len(r.PTR) > 0 || r.NetBIOS != nil || len(r.LLMNR) > 0 {
			out[addrs[i]] = r
		}
	}
	return out, st, errors.Join(append(errs, confErr)...)
}

// protocol is one way of asking: request i's bytes and destination, and a
// reply's decoder, which stores what it learns and returns the index of
// the request it answers (ok false: not a reply to any).
type protocol struct {
	request func(i int) (b []byte, to netip.AddrPort, ok bool)
	reply   func(b []byte, from netip.AddrPort) (i int, named bool, ok bool)
	// server, when set, names the server request i goes to (DNS): a
	// server that answered none of its questions one timeout after the
	// first is given up, its other questions neither sent nor awaited.
	// (Hosts asked for themselves, NetBIOS and LLMNR, are each silent or
	// not: no server to give up.)
	server func(i int) int
	// refused says which request an ICMP error for destination to
	// refused: request i, or (server true) every request to server i.
	refused func(to netip.AddrPort) (i int, server bool, ok bool)
}

type exchangeStats struct{ asked, answered, bad, silent, refused int }

// serverState is what exchange knows of one server.
type serverState struct {
	first   time.Time // first question sent
	heard   bool      // some answer came
	dead    bool      // given up
	waiting int       // questions sent, not answered
}

// exchange sends every request of p through conn, paced by lim, while a
// reader collects replies until timeout after the last send, every request
// answered (or its server given up), or ctx ends.
func exchange(ctx context.Context, conn net.PacketConn, feed *Feed, lim *rate.Limiter, timeout time.Duration, p protocol) (exchangeStats, error) {
	var st exchangeStats
	answered := map[int]bool{}
	pending := 0
	var mu sync.Mutex
	servers := map[int]*serverState{}
	serverOf := func(i int) *serverState {
		if p.server == nil {
			return nil
		}
		s := servers[p.server(i)]
		if s == nil {
			s = &serverState{}
			servers[p.server(i)] = s
		}
		return s
	}
	// giveUp declares the servers silent for a timeout dead (mu held):
	// their questions are no longer awaited.
	giveUp := func(now time.Time) {
		for _, s := range servers {
			if !s.dead && !s.heard && !s.first.IsZero() && now.Sub(s.first) >= timeout {
				s.dead = true
				st.silent++
				pending -= s.waiting
				s.waiting = 0
			}
		}
	}
	// A question refused by ICMP (no responder at the host's port, no
	// server at the address) is answered: naming nothing, and not
	// awaited. A refused server is given up at once.
	drain, canRefuse := refusals(conn)
	refuse := func(to netip.AddrPort) {
		i, isServer, ok := p.refused(to)
		if !ok {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if isServer {
			if s := servers[i]; s != nil && !s.dead && !s.heard {
				s.dead = true
				st.silent++
				st.refused += s.waiting
				pending -= s.waiting
				s.waiting = 0
			}
			return
		}
		if !answered[i] {
			answered[i] = true
			pending--
			st.refused++
		}
	}
	drainRefusals := func() {
		if canRefuse {
			drain(refuse)
		}
	}
	done := make(chan struct{})
	// over: the feed has closed (done) and no question is awaited.
	over := func() bool {
		mu.Lock()
		finished := pending == 0
		mu.Unlock()
		select {
		case <-done:
			return finished
		default:
			return false
		}
	}
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		buf := make([]byte, 1500)
		for {
			n, from, err := conn.ReadFrom(buf)
			if err != nil && canRefuse && !errors.Is(err, net.ErrClosed) && !errors.Is(err, os.ErrDeadlineExceeded) {
				// An ICMP error was queued (the socket reports it on
				// the next read): read which question it refused.
				drainRefusals()
				if over() {
					return
				}
				continue
			}
			if err != nil {
				return // deadline or closed
			}
			ua, ok := from.(*net.UDPAddr)
			if !ok {
				continue
			}
			ap := ua.AddrPort()
			ap = netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
			i, named, ok := p.reply(buf[:n], ap)
			mu.Lock()
			switch {
			case !ok:
				st.bad++
			case !answered[i]:
				answered[i] = true
				if s := serverOf(i); s == nil || !s.dead {
					pending--
					if s != nil {
						s.heard = true
						s.waiting--
					}
				}
				if named {
					st.answered++
				}
			}
			mu.Unlock()
			if over() {
				return
			}
		}
	}()

	var sendErr error
	var lastSend time.Time
	for i := 0; ; i++ {
		if _, ok := feed.next(ctx, i); !ok {
			if ctx.Err() != nil {
				sendErr = ctx.Err()
			}
			break
		}
		b, to, ok := p.request(i)
		if !ok {
			continue
		}
		mu.Lock()
		giveUp(time.Now())
		srv := serverOf(i)
		dead := srv != nil && srv.dead
		mu.Unlock()
		if dead {
			continue // its packets are left to the rest of the budget
		}
		if lim != nil {
			if err := takeAhead(ctx, lim, timeout); err != nil {
				sendErr = err
				break
			}
		}
		mu.Lock()
		pending++
		st.asked++
		if srv != nil {
			if srv.first.IsZero() {
				srv.first = time.Now()
			}
			srv.waiting++
		}
		mu.Unlock()
		_, err := conn.WriteTo(b, net.UDPAddrFromAddrPort(to))
		if err != nil && canRefuse && !errors.Is(err, net.ErrClosed) {
			// The error was an earlier question's ICMP refusal,
			// reported on this write: read it, and send again.
			drainRefusals()
			_, err = conn.WriteTo(b, net.UDPAddrFromAddrPort(to))
		}
		if err != nil {
			mu.Lock()
			pending--
			if srv != nil {
				srv.waiting--
			}
			mu.Unlock()
			if ctx.Err() != nil {
				sendErr = ctx.Err()
				break
			}
			continue // one unreachable address is not the sweep's failure
		}
		lastSend = time.Now()
	}
	close(done)
	// One timeout after the last question, not after the feed closed: a
	// sweep's later stages (SNMP) may keep the feed open long after its
	// last host was asked, and that wait is already spent.
	deadline := time.Now()
	if !lastSend.IsZero() {
		deadline = lastSend.Add(timeout)
	}
	if dl, ok := ctx.Deadline(); ok && dl.Before(deadline) {
		deadline = dl
	}
	conn.SetReadDeadline(deadline)
	// Wake the reader early when every request was answered (or its
	// server given up) or ctx ends.
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	giveUpTimer := time.NewTimer(time.Hour)
	defer giveUpTimer.Stop()
	for {
		drainRefusals()
		mu.Lock()
		giveUp(time.Now())
		finished := pending == 0
		// The next server to give up, to the moment.
		var next time.Time
		for _, s := range servers {
			if at := s.first.Add(timeout); !s.dead && !s.heard && !s.first.IsZero() && (next.IsZero() || at.Before(next)) {
				next = at
			}
		}
		mu.Unlock()
		if finished {
			conn.SetReadDeadline(time.Now())
		}
		var giveUpAt <-chan time.Time
		if !next.IsZero() && !finished {
			giveUpTimer.Reset(time.Until(next))
			giveUpAt = giveUpTimer.C
		}
		select {
		case <-readerDone:
			mu.Lock()
			defer mu.Unlock()
			if sendErr == nil {
				sendErr = ctx.Err()
			}
			return st, sendErr
		case <-ctx.Done():
			conn.SetReadDeadline(time.Now())
		case <-tick.C:
		case <-giveUpAt:
		}
	}
}

// takeAhead charges one question to the budget lim and lets it go as
// soon as it is no more than ahead in debt: the questions of a /24 (four
// a host: DNS, NetBIOS, LLMNR over UDP and over TCP, a connection charged
// as one) go out at once however slow the budget, and the stage ends one
// timeout after its hosts were found instead of one after the last
// question the budget lets out (which, at 1,000 packets a second, is 0.8 s
// later for 200 hosts). The budget is charged all the same, so the rest
// of the sweep waits for what the stage sent first, and over time the rate
// holds; a stage with more questions than ahead's worth (a /16) is paced
// by it beyond that. Cancelled, the question gives its charge back.
func takeAhead(ctx context.Context, lim *rate.Limiter, ahead time.Duration) error {
	r := lim.Reserve()
	if !r.OK() {
		return fmt.Errorf("names: packet budget: burst %d", lim.Burst())
	}
	wait := r.Delay() - ahead
	if wait <= 0 {
		return nil
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-ctx.Done():
		r.Cancel()
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Names are the names a result gives, each with its source, in the
// order Apply prefers them.
func (r *Result) Names() []record.HostName {
	var out []record.HostName
	add := func(n string, src record.Source) {
		n = record.Sanitize(strings.TrimSuffix(strings.TrimSpace(n), "."))
		if n == "" {
			return
		}
		for _, o := range out {
			if o.Source == src && strings.EqualFold(o.Name, n) {
				return
			}
		}
		out = append(out, record.HostName{Name: n, Source: src})
	}
	if r.NetBIOS != nil {
		add(r.NetBIOS.Name, record.SourceNetBIOS)
	}
	for _, n := range r.LLMNR {
		add(n, record.SourceLLMNR)
	}
	for _, n := range r.PTR {
		add(n, record.SourceDNS)
	}
	return out
}

// Apply records what r says of rec's host: every name with its source, the
// workgroup, the MAC when rec has none (a routed host), and the sources
// that answered. The host name is then chosen in the stated order: an mDNS
// name, else the sysName, else NetBIOS, else LLMNR, else reverse DNS.
func Apply(rec *record.Asset, r *Result) {
	names := r.Names()
	for _, n := range names {
		if !slices.Contains(rec.Names, n) {
			rec.Names = append(rec.Names, n)
		}
	}
	if r.NetBIOS != nil {
		rec.AddSource(record.SourceNetBIOS)
		if rec.Workgroup == "" {
			rec.Workgroup = record.Sanitize(r.NetBIOS.Workgroup)
		}
		if len(rec.MAC) == 0 && len(r.NetBIOS.MAC) == 6 {
			rec.MAC = record.MAC(r.NetBIOS.MAC)
		}
	}
	if len(r.LLMNR) > 0 {
		rec.AddSource(record.SourceLLMNR)
	}
	if rec.Hostname == "" && rec.SysName == "" && len(names) > 0 {
		rec.Hostname = names[0].Name
	}
}
