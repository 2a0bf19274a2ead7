package mdns

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/grandcat/zeroconf"
	"github.com/miekg/dns"
	"golang.org/x/net/ipv4"
	"golang.org/x/net/ipv6"
	"golang.org/x/sys/unix"
)

// DefaultDuration is how long a browse listens by default.
const DefaultDuration = 3 * time.Second

// typeBrowseTime is how long each zeroconf browse of one type lives.
const typeBrowseTime = 1500 * time.Millisecond

// requeryEvery is how often the own querier asks again for every type.
const requeryEvery = time.Second

// Options are one browse's settings.
type Options struct {
	// Interface is the one interface queried and listened on. Required:
	// nothing is ever sent anywhere else.
	Interface *net.Interface
	// Duration bounds the whole browse (default DefaultDuration).
	Duration time.Duration
	// MaxBrowsed is how many service types are browsed through zeroconf
	// (default 64); types past it are counted in Result.TypesSkipped.
	MaxBrowsed int
	Limits     Limits
	Logger     *slog.Logger
}

// Result is a finished browse.
type Result struct {
	Hosts []Host
	Types []string
	Stats Stats
	// TypesSkipped counts service types not browsed through zeroconf
	// (MaxBrowsed); the own querier asked for those.
	TypesSkipped int
	// Queries counts the query packets netcensus built itself (HINFO,
	// _device-info, types past MaxBrowsed); zeroconf's are not counted.
	Queries int
	// UnicastAnswers counts the datagrams that came back to the legacy
	// unicast socket: answers no multicast flood could crowd out.
	UnicastAnswers int
	Start          time.Time
	Duration       time.Duration
	// LastNew is when the last new instance or host arrived, from Start.
	LastNew time.Duration
}

var (
	mdnsGroup  = net.IPv4(224, 0, 0, 251)
	mdnsGroup6 = net.ParseIP("ff02::fb")
)

// ErrNoInterface: Options.Interface is nil.
var ErrNoInterface = errors.New("mdns: no interface chosen")

// Browse enumerates the service types on the interface's segment, browses
// each, resolves the instances and asks each host for HINFO and
// _device-info, until opts.Duration passes or ctx is done. A cancelled ctx
// returns what was heard with ctx's error.
func Browse(ctx context.Context, opts Options) (*Result, error) {
	if opts.Interface == nil {
		return nil, ErrNoInterface
	}
	if opts.Duration <= 0 {
		opts.Duration = DefaultDuration
	}
	if opts.MaxBrowsed <= 0 {
		opts.MaxBrowsed = 64
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With("scanner", "mdns", "interface", opts.Interface.Name)
	ifi := *opts.Interface
	start := time.Now()
	bctx, cancel := context.WithTimeout(ctx, opts.Duration)
	defer cancel()

	// zeroconf's sockets hear every interface's multicast (Linux delivers
	// a joined group to every socket bound to the port): its entries are
	// kept only when their address is on this interface's segments.
	var onLink []netip.Prefix
	if addrs, err := ifi.Addrs(); err == nil {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok {
				ones, _ := n.Mask.Size()
				if ip, ok := netip.AddrFromSlice(n.IP.To4()); ok {
					onLink = append(onLink, netip.PrefixFrom(ip, ones).Masked())
				} else if ip, ok := netip.AddrFromSlice(n.IP); ok && !ip.IsLinkLocalUnicast() {
					// IPv6 global and unique-local prefixes; a link-local
					// address names no link (every one has fe80::/64).
					onLink = append(onLink, netip.PrefixFrom(ip, ones).Masked())
				}
			}
		}
	}
	local := func(a netip.Addr) bool {
		for _, p := range onLink {
			if p.Contains(a) {
				return true
			}
		}
		return false
	}
	tab := NewTable(opts.Limits)
	pc4, err := listen(&ifi)
	if err != nil {
		return nil, err
	}
	uc4, err := listenLegacy(&ifi)
	if err != nil {
		pc4.Close()
		return nil, err
	}
	// mDNS over IPv6 (ff02::fb), on the same interface: hosts that answer
	// only there are heard, with their AAAA records. A link without IPv6
	// is browsed over IPv4 alone.
	pcs, ucs := []mconn{v4conn{pc4}}, []mconn{v4conn{uc4}}
	var traffic zeroconf.IPType = zeroconf.IPv4
	if pc6, err := listen6(&ifi); err != nil {
		log.Info("mdns over IPv6 off", "err", err)
	} else if uc6, err := listenLegacy6(&ifi); err != nil {
		pc6.Close()
		log.Info("mdns over IPv6 off", "err", err)
	} else {
		pcs, ucs = append(pcs, v6conn{pc6}), append(ucs, v6conn{uc6})
		traffic = zeroconf.IPv4AndIPv6
	}
	closeAll := func() {
		for _, c := range append(slices.Clone(pcs), ucs...) {
			c.Close()
		}
	}
	var wg sync.WaitGroup
	for _, c := range pcs {
		wg.Go(func() { readLoop(bctx, c, ifi.Index, tab) })
	}
	unicasts := make([]int, len(ucs))
	for i, c := range ucs {
		wg.Go(func() { unicasts[i] = readLoop(bctx, c, ifi.Index, tab) })
	}

	newResolver := func() (*zeroconf.Resolver, error) {
		// Always bound to the chosen interface: zeroconf multicasts on
		// every interface otherwise (over IPv6 too when the own socket
		// could join ff02::fb there).
		return zeroconf.NewResolver(zeroconf.SelectIfaces([]net.Interface{ifi}), zeroconf.SelectIPTraffic(traffic))
	}
	var mu sync.Mutex
	var cancels []context.CancelFunc
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range cancels {
			c()
		}
	}()
	browsed := map[string]bool{}
	skipped := 0
	var ownQuery []string
	browse := func(ctx context.Context, service string, onEntry func(*zeroconf.ServiceEntry)) error {
		r, err := newResolver()
		if err != nil {
			return fmt.Errorf("mdns resolver on %s: %w", ifi.Name, err)
		}
		ch := make(chan *zeroconf.ServiceEntry, 16)
		if err := r.Browse(ctx, service, "local.", ch); err != nil {
			return fmt.Errorf("mdns browse %s on %s: %w", service, ifi.Name, err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			// zeroconf closes ch when ctx ends; it blocks sending, so
			// drain to the end.
			for e := range ch {
				onEntry(e)
			}
		}()
		return nil
	}
	// A zeroconf browse keeps every instance it has passed on, without
	// bound: a type's browse stops once the table is full, and the
	// meta-query's once MaxBrowsed types are known.
	metaCtx, metaCancel := context.WithTimeout(bctx, typeBrowseTime)
	defer metaCancel()
	startType := func(typ string) {
		mu.Lock()
		if browsed[typ] || bctx.Err() != nil {
			mu.Unlock()
			return
		}
		if len(browsed) >= opts.MaxBrowsed {
			// Past zeroconf's share, the own querier asks for the type.
			skipped++
			browsed[typ] = true
			ownQuery = append(ownQuery, typ)
			mu.Unlock()
			metaCancel()
			return
		}
		browsed[typ] = true
		mu.Unlock()
		// zeroconf queries once at the start (then after 4 s): past the
		// answers' delays its resolver only costs CPU, and the own
		// decoder keeps hearing everything on the segment.
		tctx, tcancel := context.WithTimeout(bctx, typeBrowseTime)
		err := browse(tctx, typ, func(e *zeroconf.ServiceEntry) {
			var addrs []netip.Addr
			for _, ip := range e.AddrIPv4 {
				if a, ok := netip.AddrFromSlice(ip.To4()); ok && local(a) {
					addrs = append(addrs, a)
				}
			}
			for _, ip := range e.AddrIPv6 {
				if a, ok := netip.AddrFromSlice(ip.To16()); ok && !a.Is4In6() && local(a) {
					addrs = append(addrs, a)
				}
			}
			if len(addrs) == 0 {
				tab.CountForeign()
				return
			}
			tab.AddEntry(e.ServiceInstanceName(), e.HostName, e.Port, e.Text, addrs, time.Now())
			if tab.Full() {
				tcancel()
			}
		})
		if err != nil {
			tcancel()
			log.Warn("browse failed", "type", typ, "err", err)
			return
		}
		mu.Lock()
		cancels = append(cancels, tcancel)
		mu.Unlock()
	}
	metaErr := browse(metaCtx, "_services._dns-sd._udp", func(e *zeroconf.ServiceEntry) {
		// The meta-query's entries carry the type as their instance.
		if typ, ok := serviceType(dns.Fqdn(e.Instance)); ok {
			startType(typ)
		}
	})
	if metaErr != nil {
		cancel()
		closeAll()
		wg.Wait()
		return nil, metaErr
	}

	// Follow-ups: types the own decoder heard, and HINFO / _device-info
	// for each host as it appears.
	asked := map[string]bool{}
	var lastRequery time.Time // zero: the first tick asks for everything
	queries := 0
	tick := time.NewTicker(100 * time.Millisecond)
loop:
	for {
		select {
		case <-bctx.Done():
			break loop
		case <-tick.C:
		}
		for _, typ := range tab.Types() {
			startType(typ)
		}
		var qs []dns.Question
		requery := false
		mu.Lock()
		if time.Since(lastRequery) >= requeryEvery {
			// Ask again for every type known, as RFC 6762 5.2's
			// continuous querier does: answers lost to a busy segment
			// (or a flood filling the socket) get a second chance.
			lastRequery = time.Now()
			requery = true
			ownQuery = knownTypes(tab.Types(), browsed, tab.lim.MaxTypes)
		}
		for _, typ := range ownQuery {
			qs = append(qs, dns.Question{Name: typ + ".local.", Qtype: dns.TypePTR, Qclass: dns.ClassINET})
		}
		ownQuery = nil
		mu.Unlock()
		for _, h := range tab.HostNames() {
			if asked[h] || len(asked) >= tab.lim.MaxHosts {
				continue
			}
			asked[h] = true
			qs = append(qs, dns.Question{Name: h, Qtype: dns.TypeHINFO, Qclass: dns.ClassINET})
			if l := dns.SplitDomainName(h); len(l) > 0 {
				qs = append(qs, dns.Question{Name: l[0] + "._device-info._tcp.local.", Qtype: dns.TypeTXT, Qclass: dns.ClassINET})
			}
		}
		for _, c := range pcs {
			n, err := sendQuestions(c, ifi.Index, qs, false)
			queries += n
			if err != nil {
				log.Debug("follow-up query failed", "err", err)
			}
		}
		// The same questions again as legacy unicast queries (RFC 6762
		// 6.7), the meta-query with each round: responders answer those
		// at once, straight to the own socket, where no flood of
		// multicast can crowd the answers out and no one-second
		// multicast rate limit delays them.
		if requery {
			qs = append(qs, dns.Question{Name: metaQuery, Qtype: dns.TypePTR, Qclass: dns.ClassINET})
		}
		for _, c := range ucs {
			n, err := sendQuestions(c, ifi.Index, qs, true)
			queries += n
			if err != nil {
				log.Debug("legacy unicast query failed", "err", err)
			}
		}
	}
	tick.Stop()
	closeAll()
	wg.Wait()
	unicast := 0
	for _, n := range unicasts {
		unicast += n
	}

	res := &Result{Hosts: tab.Hosts(), Types: tab.Types(), Stats: tab.Stats(), TypesSkipped: skipped, Queries: queries, UnicastAnswers: unicast, Start: start.UTC(), Duration: time.Since(start)}
	if ln := tab.LastNew(); !ln.IsZero() {
		res.LastNew = ln.Sub(start)
	}
	log.Info("mdns browse done", "hosts", len(res.Hosts), "types", len(res.Types), "dropped", res.Stats.Dropped(), "duration", res.Duration)
	if err := ctx.Err(); err != nil {
		return res, err
	}
	return res, nil
}

// listen opens the decoder's socket: port 5353 (shared with zeroconf's
// through SO_REUSEADDR), the group joined on ifi only, multicast sent out
// of ifi only.
func listen(ifi *net.Interface) (*ipv4.PacketConn, error) {
	c, err := net.ListenUDP("udp4", &net.UDPAddr{IP: mdnsGroup, Port: 5353})
	if err != nil {
		return nil, fmt.Errorf("mdns listen on %s: %w", ifi.Name, err)
	}
	// Room for a burst of answers: past rmem_max when allowed (root),
	// else as much as rmem_max gives.
	setReadBuffer(c, 4<<20)
	pc := ipv4.NewPacketConn(c)
	fail := func(what string, err error) (*ipv4.PacketConn, error) {
		pc.Close()
		return nil, fmt.Errorf("mdns %s on %s: %w", what, ifi.Name, err)
	}
	if err := pc.JoinGroup(ifi, &net.UDPAddr{IP: mdnsGroup}); err != nil {
		return fail("join group", err)
	}
	if what, err := multicastOut(pc, ifi); err != nil {
		return fail(what, err)
	}
	return pc, nil
}

// multicastOut has pc report each datagram's interface and send multicast
// out of ifi only, TTL 255 (RFC 6762 11), not looped back. It names the
// step that failed.
func multicastOut(pc *ipv4.PacketConn, ifi *net.Interface) (string, error) {
	if err := pc.SetControlMessage(ipv4.FlagInterface, true); err != nil {
		return "control messages", err
	}
	if err := pc.SetMulticastInterface(ifi); err != nil {
		return "multicast interface", err
	}
	if err := pc.SetMulticastTTL(255); err != nil {
		return "multicast ttl", err
	}
	if err := pc.SetMulticastLoopback(false); err != nil {
		return "multicast loopback", err
	}
	return "", nil
}

// listenLegacy opens the socket of legacy unicast queries: an ephemeral
// port, so that responders answer it by unicast (RFC 6762 6.7), multicast
// sent out of ifi only.
func listenLegacy(ifi *net.Interface) (*ipv4.PacketConn, error) {
	c, err := net.ListenUDP("udp4", &net.UDPAddr{})
	if err != nil {
		return nil, fmt.Errorf("mdns legacy socket on %s: %w", ifi.Name, err)
	}
	setReadBuffer(c, 1<<20)
	pc := ipv4.NewPacketConn(c)
	if what, err := multicastOut(pc, ifi); err != nil {
		pc.Close()
		return nil, fmt.Errorf("mdns legacy %s on %s: %w", what, ifi.Name, err)
	}
	return pc, nil
}

// knownTypes is every service type heard or browsed, sorted, at most max.
func knownTypes(heard []string, browsed map[string]bool, max int) []string {
	seen := make(map[string]bool, len(heard))
	out := make([]string, 0, len(heard))
	for _, t := range heard {
		seen[t] = true
		out = append(out, t)
	}
	for t := range browsed {
		if !seen[t] {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	if len(out) > max {
		out = out[:max]
	}
	return out
}

// readLoop feeds every datagram that arrives on ifIndex to tab until ctx
// ends, with short read deadlines so it never outlives ctx. It returns how
// many it fed.
func readLoop(ctx context.Context, pc mconn, ifIndex int, tab *Table) int {
	fed := 0
	buf := make([]byte, 65536)
	for ctx.Err() == nil {
		dl := time.Now().Add(100 * time.Millisecond)
		if d, ok := ctx.Deadline(); ok && d.Before(dl) {
			dl = d
		}
		if err := pc.SetReadDeadline(dl); err != nil {
			return fed
		}
		n, in, src, err := pc.read(buf)
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) {
				continue
			}
			return fed
		}
		if in != 0 && in != ifIndex {
			tab.CountForeign()
			continue
		}
		var from netip.Addr
		if ua, ok := src.(*net.UDPAddr); ok {
			from, _ = netip.AddrFromSlice(ua.IP)
		}
		tab.Add(buf[:n], from, time.Now())
		fed++
	}
	return fed
}

// sendQuestions multicasts qs out of ifIndex and returns the packets
// sent. An ordinary query packs as many questions into each packet as fit
// in 1400 bytes; a legacy one (sent from the legacy socket) carries one
// question and an ID, which keeps each unicast answer within the 512 bytes
// some responders allow legacy queriers.
func sendQuestions(pc mconn, ifIndex int, qs []dns.Question, legacy bool) (int, error) {
	sent := 0
	for len(qs) > 0 {
		m := new(dns.Msg)
		n := 1
		if legacy {
			m.Id = dns.Id()
		} else {
			for size := 12 + len(qs[0].Name) + 6; n < len(qs); n++ {
				if size += len(qs[n].Name) + 6; size > 1400 {
					break
				}
			}
		}
		m.Question = qs[:n]
		qs = qs[n:]
		b, err := m.Pack()
		if err != nil {
			return sent, fmt.Errorf("pack query: %w", err)
		}
		if err := pc.send(b, ifIndex); err != nil {
			return sent, fmt.Errorf("send query: %w", err)
		}
		sent++
	}
	return sent, nil
}

// setReadBuffer asks for n bytes of receive buffer, forcing past
// rmem_max when the process may.
func setReadBuffer(c *net.UDPConn, n int) {
	if rc, err := c.SyscallConn(); err == nil {
		var serr error
		if err := rc.Control(func(fd uintptr) {
			serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, n)
		}); err == nil && serr == nil {
			return
		}
	}
	_ = c.SetReadBuffer(n)
}

// mconn is one of the browse's sockets, IPv4 or IPv6: a read that says the
// interface a datagram came in on (0: not known), and a send to the mDNS
// group out of one interface.
type mconn interface {
	read(b []byte) (n, ifIndex int, src net.Addr, err error)
	send(b []byte, ifIndex int) error
	SetReadDeadline(time.Time) error
	Close() error
}

type v4conn struct{ *ipv4.PacketConn }

func (c v4conn) read(b []byte) (int, int, net.Addr, error) {
	n, cm, src, err := c.ReadFrom(b)
	in := 0
	if cm != nil {
		in = cm.IfIndex
	}
	return n, in, src, err
}

func (c v4conn) send(b []byte, ifIndex int) error {
	_, err := c.WriteTo(b, &ipv4.ControlMessage{IfIndex: ifIndex}, &net.UDPAddr{IP: mdnsGroup, Port: 5353})
	return err
}

type v6conn struct{ *ipv6.PacketConn }

func (c v6conn) read(b []byte) (int, int, net.Addr, error) {
	n, cm, src, err := c.ReadFrom(b)
	in := 0
	if cm != nil {
		in = cm.IfIndex
	}
	return n, in, src, err
}

func (c v6conn) send(b []byte, ifIndex int) error {
	_, err := c.WriteTo(b, &ipv6.ControlMessage{IfIndex: ifIndex, HopLimit: 255}, &net.UDPAddr{IP: mdnsGroup6, Port: 5353})
	return err
}

// listen6 is listen over IPv6: port 5353, ff02::fb joined on ifi only,
// multicast out of ifi only, hop limit 255, not looped back.
func listen6(ifi *net.Interface) (*ipv6.PacketConn, error) {
	c, err := net.ListenUDP("udp6", &net.UDPAddr{IP: mdnsGroup6, Port: 5353, Zone: ifi.Name})
	if err != nil {
		return nil, fmt.Errorf("mdns listen (IPv6) on %s: %w", ifi.Name, err)
	}
	setReadBuffer(c, 4<<20)
	pc := ipv6.NewPacketConn(c)
	if err := pc.JoinGroup(ifi, &net.UDPAddr{IP: mdnsGroup6}); err != nil {
		pc.Close()
		return nil, fmt.Errorf("mdns join group (IPv6) on %s: %w", ifi.Name, err)
	}
	if what, err := multicastOut6(pc, ifi); err != nil {
		pc.Close()
		return nil, fmt.Errorf("mdns %s (IPv6) on %s: %w", what, ifi.Name, err)
	}
	return pc, nil
}

// listenLegacy6 is listenLegacy over IPv6.
func listenLegacy6(ifi *net.Interface) (*ipv6.PacketConn, error) {
	c, err := net.ListenUDP("udp6", &net.UDPAddr{})
	if err != nil {
		return nil, fmt.Errorf("mdns legacy socket (IPv6) on %s: %w", ifi.Name, err)
	}
	setReadBuffer(c, 1<<20)
	pc := ipv6.NewPacketConn(c)
	if what, err := multicastOut6(pc, ifi); err != nil {
		pc.Close()
		return nil, fmt.Errorf("mdns legacy %s (IPv6) on %s: %w", what, ifi.Name, err)
	}
	return pc, nil
}

func multicastOut6(pc *ipv6.PacketConn, ifi *net.Interface) (string, error) {
	if err := pc.SetControlMessage(ipv6.FlagInterface, true); err != nil {
		return "control messages", err
	}
	if err := pc.SetMulticastInterface(ifi); err != nil {
		return "multicast interface", err
	}
	if err := pc.SetMulticastHopLimit(255); err != nil {
		return "multicast hop limit", err
	}
	if err := pc.SetMulticastLoopback(false); err != nil {
		return "multicast loopback", err
	}
	return "", nil
}
