// Package ndp finds the IPv6 neighbours of one link: a multicast ICMPv6
// echo to all nodes (ff02::1) from each of the link's own addresses, then
// a neighbour solicitation to every address that answered (and to the
// IPv6 targets asked for), each answer's target link-layer address giving
// the neighbour's MAC. Solicitations, advertisements and router
// advertisements heard meanwhile name their senders too.
//
// Messages are built and parsed by github.com/mdlayher/ndp. Everything is
// bounded: the rounds (one echo round, 1+Retries solicitation rounds, each
// waiting at most Wait), the neighbours kept (MaxNeighbors), the packets
// (the sweep's limiter).
package ndp

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"slices"
	"sync"
	"time"

	mdndp "github.com/mdlayher/ndp"
	"golang.org/x/net/ipv6"
	"golang.org/x/time/rate"
)

// Conn is an ICMPv6 socket on one link: the whole test seam.
type Conn interface {
	// WriteTo sends one ICMPv6 message (its checksum left to the kernel)
	// from src to dst, with hop limit 255.
	WriteTo(b []byte, src, dst netip.Addr) error
	// ReadFrom reads one ICMPv6 message, its source and its hop limit
	// (-1 when unknown).
	ReadFrom(b []byte) (n int, src netip.Addr, hopLimit int, err error)
	SetReadDeadline(t time.Time) error
	Close() error
}

// AllNodes is the link-local all-nodes group the echo goes to.
var allNodes = netip.MustParseAddr("ff02::1")

// Defaults.
const (
	DefaultWait         = 300 * time.Millisecond
	DefaultRetries      = 1
	DefaultMaxNeighbors = 4096
	// maxSources bounds the echo round: one echo per own address.
	maxSources = 16
)

// Config is one link's discovery.
type Config struct {
	// HardwareAddr is the link's own MAC, sent in solicitations.
	HardwareAddr net.HardwareAddr
	// Sources are the link's own IPv6 addresses: an echo goes from each
	// (a link-local source draws link-local answers, a global one global
	// answers). Solicitations go from the link-local one, else the first.
	Sources []netip.Addr
	// Targets are addresses to solicit whether or not they answered the
	// echo (IPv6 targets on this link).
	Targets []netip.Addr
	Limiter *rate.Limiter
	// Retries is how many more times an address that gave no MAC is
	// solicited (0: DefaultRetries, negative: none); Wait how long each round waits for answers (an early end
	// when every solicited address answered).
	Retries      int
	Wait         time.Duration
	MaxNeighbors int
	Logger       *slog.Logger
}

// How a neighbour was learnt.
const (
	ViaSolicit = "solicit" // answered our solicitation
	ViaHeard   = "heard"   // its own solicitation or advertisement named its MAC
)

// Neighbor is one IPv6 address on the link and the MAC it answers with.
type Neighbor struct {
	Addr netip.Addr // without zone
	MAC  net.HardwareAddr
	// Router is set when it advertised itself as a router.
	Router bool
	// Echo is set when the address answered the multicast echo.
	Echo bool
	Via  string
}

// Stats count one link's discovery.
type Stats struct {
	Echoes        int // echo requests sent (that the kernel took)
	Solicitations int // neighbour solicitations sent (that the kernel took)
	EchoReplies   int
	Messages      int // NDP messages read
	Malformed     int // ICMPv6 messages that did not parse or failed a check
	Unresolved    int // addresses that answered but gave no MAC
	Dropped       int // addresses over MaxNeighbors
}

// Result is one link's neighbours, sorted by address.
type Result struct {
	Neighbors []Neighbor
	Stats     Stats
}

// ErrNoSource: the link has no IPv6 address to send from.
var ErrNoSource = errors.New("ndp: the interface has no IPv6 address")

type entry struct {
	mac       net.HardwareAddr
	router    bool
	echo      bool
	via       string
	solicited int
}

// Scan runs discovery on conn, which Scan does not close. A cancelled ctx
// returns what was learnt with ctx's error.
func Scan(ctx context.Context, conn Conn, cfg Config) (*Result, error) {
	if len(cfg.Sources) == 0 {
		return nil, ErrNoSource
	}
	if cfg.Wait <= 0 {
		cfg.Wait = DefaultWait
	}
	switch {
	case cfg.Retries == 0:
		cfg.Retries = DefaultRetries
	case cfg.Retries < 0:
		cfg.Retries = 0
	}
	if cfg.MaxNeighbors <= 0 {
		cfg.MaxNeighbors = DefaultMaxNeighbors
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	own := map[netip.Addr]bool{}
	var sources []netip.Addr
	for _, s := range cfg.Sources {
		s = s.WithZone("")
		if s.Is6() && !s.Is4In6() && !own[s] && len(sources) < maxSources {
			own[s] = true
			sources = append(sources, s)
		}
	}
	if len(sources) == 0 {
		return nil, ErrNoSource
	}
	// Solicitations go from the link-local address when it can send,
	// else from the next own address that can: right after a link comes
	// up its link-local address is tentative for a second or two and the
	// kernel refuses it as a source.
	nsSources := slices.Clone(sources)
	slices.SortStableFunc(nsSources, func(a, b netip.Addr) int {
		return boolInt(b.IsLinkLocalUnicast()) - boolInt(a.IsLinkLocalUnicast())
	})
	var idb [2]byte
	rand.Read(idb[:])
	id := binary.BigEndian.Uint16(idb[:])

	var (
		mu      sync.Mutex
		table   = map[netip.Addr]*entry{}
		st      Stats
		pending int // addresses solicited this round with no MAC yet
		settled = make(chan struct{}, 1)
	)
	get := func(a netip.Addr) *entry {
		if e, ok := table[a]; ok {
			return e
		}
		if len(table) >= cfg.MaxNeighbors {
			st.Dropped++
			return nil
		}
		e := &entry{}
		table[a] = e
		return e
	}
	learn := func(ev event) {
		mu.Lock()
		defer mu.Unlock()
		switch ev.kind {
		case evMalformed:
			st.Malformed++
			return
		case evEchoReply:
			if ev.id != id {
				return
			}
			st.EchoReplies++
		default:
			st.Messages++
		}
		if !ev.addr.IsValid() || own[ev.addr] || !usable(ev.addr) {
			return
		}
		e := get(ev.addr)
		if e == nil {
			return
		}
		if ev.kind == evEchoReply {
			e.echo = true
		}
		e.router = e.router || ev.router
		if len(ev.mac) == 6 && len(e.mac) == 0 {
			e.mac = slices.Clone(ev.mac)
			e.via = ViaHeard
			if ev.kind == evAdvert && e.solicited > 0 {
				e.via = ViaSolicit
			}
			if e.solicited > 0 {
				pending--
				if pending == 0 {
					select {
					case settled <- struct{}{}:
					default:
					}
				}
			}
		}
	}

	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		buf := make([]byte, 1500)
		for {
			n, src, hop, err := conn.ReadFrom(buf)
			if err != nil {
				var ne net.Error
				if errors.As(err, &ne) && ne.Timeout() {
					return
				}
				if errors.Is(err, net.ErrClosed) {
					return
				}
				continue
			}
			learn(decode(buf[:n], src, hop))
		}
	}()
	conn.SetReadDeadline(time.Time{})
	stop := func() {
		conn.SetReadDeadline(time.Now())
		<-readerDone
	}

	// send writes b to dst from the first of srcs the kernel takes, under
	// the limiter, and returns that source's index (-1: none took it);
	// only ctx's end is an error.
	send := func(b []byte, dst netip.Addr, srcs ...netip.Addr) (int, error) {
		if cfg.Limiter != nil {
			if err := cfg.Limiter.Wait(ctx); err != nil {
				return -1, err
			}
		}
		for i, src := range srcs {
			err := conn.WriteTo(b, src, dst)
			if err == nil {
				return i, nil
			}
			if ctx.Err() != nil {
				return -1, ctx.Err()
			}
			log.Debug("ndp send failed", "scanner", "ndp", "source", src, "target", dst, "err", err)
		}
		return -1, nil
	}
	wait := func(early bool) error {
		t := time.NewTimer(cfg.Wait)
		defer t.Stop()
		if early {
			mu.Lock()
			done := pending == 0
			mu.Unlock()
			if done {
				return nil
			}
		}
		for {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-t.C:
				return nil
			case <-settled:
				if early {
					return nil
				}
			}
		}
	}

	finish := func(err error) (*Result, error) {
		stop()
		mu.Lock()
		defer mu.Unlock()
		res := &Result{Stats: st}
		for a, e := range table {
			if len(e.mac) == 0 {
				res.Stats.Unresolved++
				continue
			}
			res.Neighbors = append(res.Neighbors, Neighbor{Addr: a, MAC: e.mac, Router: e.router, Echo: e.echo, Via: e.via})
		}
		slices.SortFunc(res.Neighbors, func(x, y Neighbor) int { return x.Addr.Compare(y.Addr) })
		return res, err
	}

	// Round 0: the echo, from every own address.
	for seq, s := range sources {
		b := echoRequest(id, uint16(seq))
		i, err := send(b, allNodes, s)
		if err != nil {
			return finish(err)
		}
		if i >= 0 {
			mu.Lock()
			st.Echoes++
			mu.Unlock()
		}
	}
	// The targets are solicited in the first round with the answers.
	mu.Lock()
	for _, a := range cfg.Targets {
		a = a.WithZone("")
		if usable(a) && !own[a] {
			get(a)
		}
	}
	mu.Unlock()
	if err := wait(false); err != nil {
		return finish(err)
	}
	for round := 0; round <= cfg.Retries; round++ {
		mu.Lock()
		var ask []netip.Addr
		for a, e := range table {
			if len(e.mac) == 0 && e.solicited == round {
				ask = append(ask, a)
			}
		}
		pending = len(ask)
		mu.Unlock()
		if len(ask) == 0 {
			break
		}
		slices.SortFunc(ask, netip.Addr.Compare)
		for _, a := range ask {
			b, err := solicitation(a, cfg.HardwareAddr)
			if err != nil {
				continue
			}
			dst, err := mdndp.SolicitedNodeMulticast(a)
			if err != nil {
				continue
			}
			mu.Lock()
			table[a].solicited++
			mu.Unlock()
			i, err := send(b, dst, nsSources...)
			if err != nil {
				return finish(err)
			}
			if i > 0 {
				// Later solicitations start from the one that worked.
				nsSources[0], nsSources[i] = nsSources[i], nsSources[0]
			}
			if i >= 0 {
				mu.Lock()
				st.Solicitations++
				mu.Unlock()
			}
		}
		if err := wait(true); err != nil {
			return finish(err)
		}
	}
	return finish(nil)
}

// usable: a unicast address a neighbour may hold.
func usable(a netip.Addr) bool {
	return a.Is6() && !a.Is4In6() && !a.IsUnspecified() && !a.IsMulticast() && !a.IsLoopback()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func echoRequest(id, seq uint16) []byte {
	b := make([]byte, 8, 16)
	b[0] = byte(ipv6.ICMPTypeEchoRequest)
	binary.BigEndian.PutUint16(b[4:], id)
	binary.BigEndian.PutUint16(b[6:], seq)
	return append(b, "netcensus"[:8]...)
}

func solicitation(target netip.Addr, mac net.HardwareAddr) ([]byte, error) {
	m := &mdndp.NeighborSolicitation{TargetAddress: target}
	if len(mac) == 6 {
		m.Options = []mdndp.Option{&mdndp.LinkLayerAddress{Direction: mdndp.Source, Addr: mac}}
	}
	b, err := mdndp.MarshalMessage(m)
	if err != nil {
		return nil, fmt.Errorf("ndp: solicitation of %s: %w", target, err)
	}
	return b, nil
}
