// Package ndptest is a fake IPv6 link for NDP tests: hosts, as data,
// answer the echoes and solicitations written to it.
package ndptest

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"sync"
	"time"

	mdndp "github.com/mdlayher/ndp"
	"golang.org/x/net/ipv6"
)

// Host is one neighbour on the fake link.
type Host struct {
	LL, Global netip.Addr
	MAC        net.HardwareAddr
	// NoAdvert: answers the echo, never a solicitation.
	NoAdvert bool
	// NoEcho: never answers the echo (it is found only if asked).
	NoEcho bool
	// Resolves: before answering an echo it solicits the sender, as a
	// host resolving the scanner's address does, naming its own MAC.
	Resolves bool
	// Hop is the hop limit of its advertisements (0: 255).
	Hop int
}

type pkt struct {
	b   []byte
	src netip.Addr
	hop int
}

// Link is a fake ndp.Conn: the hosts answer what is written, as data.
type Link struct {
	hosts []Host
	mu    sync.Mutex
	sent  []string // "dst type" of every write
	in    chan pkt
	// deadline is the read deadline; dl wakes a read when it changes.
	deadline time.Time
	dl       chan struct{}
	// Written is signalled on every write.
	Written chan struct{}
	// Unusable are own addresses the kernel refuses to send from, as it
	// refuses a tentative one (duplicate address detection not done).
	Unusable map[netip.Addr]bool
}

// ErrUnusable is what a write from an Unusable source returns.
var ErrUnusable = errors.New("ndptest: source address not usable (tentative)")

// NewLink is a link holding hosts.
func NewLink(hosts ...Host) *Link {
	return &Link{hosts: hosts, in: make(chan pkt, 1024), dl: make(chan struct{}, 1), Written: make(chan struct{}, 1024)}
}

// Sent lists "dst type" of every message written.
func (l *Link) Sent() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.sent...)
}

// MAC parses s.
func MAC(s string) net.HardwareAddr { m, _ := net.ParseMAC(s); return m }

// MustMarshal marshals m.
func MustMarshal(m mdndp.Message) []byte {
	b, err := mdndp.MarshalMessage(m)
	if err != nil {
		panic(err)
	}
	return b
}

// Advert is a solicited advertisement of target at hw.
func Advert(target netip.Addr, hw net.HardwareAddr, router bool) []byte {
	return MustMarshal(&mdndp.NeighborAdvertisement{Router: router, Solicited: true, Override: true, TargetAddress: target,
		Options: []mdndp.Option{&mdndp.LinkLayerAddress{Direction: mdndp.Target, Addr: hw}}})
}

func (l *Link) WriteTo(b []byte, src, dst netip.Addr) error {
	if l.Unusable[src] {
		return ErrUnusable
	}
	l.mu.Lock()
	l.sent = append(l.sent, fmt.Sprintf("%s %d", dst, b[0]))
	l.mu.Unlock()
	defer func() {
		select {
		case l.Written <- struct{}{}:
		default:
		}
	}()
	switch ipv6.ICMPType(b[0]) {
	case ipv6.ICMPTypeEchoRequest:
		if dst != netip.MustParseAddr("ff02::1") {
			return nil
		}
		for _, h := range l.hosts {
			from := h.LL
			if !src.IsLinkLocalUnicast() {
				from = h.Global
			}
			if h.NoEcho || !from.IsValid() {
				continue
			}
			if h.Resolves {
				ns := MustMarshal(&mdndp.NeighborSolicitation{TargetAddress: src,
					Options: []mdndp.Option{&mdndp.LinkLayerAddress{Direction: mdndp.Source, Addr: h.MAC}}})
				l.in <- pkt{ns, from, 255}
			}
			r := append([]byte(nil), b...)
			r[0] = byte(ipv6.ICMPTypeEchoReply)
			l.in <- pkt{r, from, 64}
		}
	case ipv6.ICMPTypeNeighborSolicitation:
		m, err := mdndp.ParseMessage(b)
		if err != nil {
			return err
		}
		t := m.(*mdndp.NeighborSolicitation).TargetAddress
		if snm, _ := mdndp.SolicitedNodeMulticast(t); snm != dst {
			return fmt.Errorf("solicitation of %s sent to %s", t, dst)
		}
		for _, h := range l.hosts {
			if (h.LL == t || h.Global == t) && !h.NoAdvert {
				hop := h.Hop
				if hop == 0 {
					hop = 255
				}
				l.in <- pkt{Advert(t, h.MAC, false), h.LL, hop}
			}
		}
	}
	return nil
}

func (l *Link) ReadFrom(b []byte) (int, netip.Addr, int, error) {
	for {
		// The deadline is the link's, as a socket's is: it holds across
		// reads, and a past one fails a read even with data waiting.
		l.mu.Lock()
		d := l.deadline
		l.mu.Unlock()
		if !d.IsZero() && !time.Now().Before(d) {
			return 0, netip.Addr{}, -1, os.ErrDeadlineExceeded
		}
		timer := time.NewTimer(time.Hour)
		if !d.IsZero() {
			timer.Reset(time.Until(d))
		}
		select {
		case p := <-l.in:
			timer.Stop()
			return copy(b, p.b), p.src, p.hop, nil
		case <-l.dl:
			timer.Stop()
		case <-timer.C:
			if !d.IsZero() {
				return 0, netip.Addr{}, -1, os.ErrDeadlineExceeded
			}
		}
	}
}

func (l *Link) SetReadDeadline(t time.Time) error {
	l.mu.Lock()
	l.deadline = t
	l.mu.Unlock()
	select {
	case l.dl <- struct{}{}:
	default:
	}
	return nil
}

func (l *Link) Close() error { return nil }
