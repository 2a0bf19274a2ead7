// Package arptest is a fake Ethernet segment for tests: a net.PacketConn
// that answers ARP requests the way configured hosts would.
package arptest

import (
	"net"
	"net/netip"
	"sync"
	"time"

	"github.com/mdlayher/arp"
	"github.com/mdlayher/ethernet"

	ncarp "github.com/netcensus/netcensus/scanner/arp"
)

// Segment is a net.PacketConn that behaves like an Ethernet segment:
// every request written to it is answered by the hosts configured for the
// target address. It records every request it sees.
type Segment struct {
	mu       sync.Mutex
	cond     *sync.Cond
	hosts    map[netip.Addr][]net.HardwareAddr
	DropN    map[netip.Addr]int // ignore the first N requests to an address
	Extra    map[netip.Addr]int // Extra unsolicited duplicate replies
	inbox    [][]byte
	requests map[netip.Addr]int
	deadline time.Time
	closed   bool
	// Noise is delivered on the first write, before any reply.
	Noise [][]byte
}

// NewSegment returns an empty segment.
func NewSegment() *Segment {
	f := &Segment{
		hosts:    map[netip.Addr][]net.HardwareAddr{},
		DropN:    map[netip.Addr]int{},
		Extra:    map[netip.Addr]int{},
		requests: map[netip.Addr]int{},
	}
	f.cond = sync.NewCond(&f.mu)
	return f
}

// AddHost makes ip answer with each of macs.
func (f *Segment) AddHost(ip string, macs ...string) {
	a := netip.MustParseAddr(ip)
	for _, m := range macs {
		hw, err := net.ParseMAC(m)
		if err != nil {
			panic(err)
		}
		f.hosts[a] = append(f.hosts[a], hw)
	}
}

func (f *Segment) WriteTo(b []byte, _ net.Addr) (int, error) {
	p, err := ncarp.Decode(b)
	if err != nil {
		return 0, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return 0, net.ErrClosed
	}
	if len(f.Noise) > 0 {
		f.inbox = append(f.inbox, f.Noise...)
		f.Noise = nil
	}
	f.requests[p.TargetIP]++
	if f.DropN[p.TargetIP] >= f.requests[p.TargetIP] {
		return len(b), nil
	}
	for _, hw := range f.hosts[p.TargetIP] {
		n := 1
		if f.requests[p.TargetIP] == 1 {
			n += f.Extra[p.TargetIP]
		}
		for range n {
			f.inbox = append(f.inbox, Reply(hw, p.TargetIP, p.SenderHardwareAddr, p.SenderIP))
		}
	}
	f.cond.Broadcast()
	return len(b), nil
}

// Reply builds the Ethernet frame of an ARP reply from hw/ip to toHW/toIP.
func Reply(hw net.HardwareAddr, ip netip.Addr, toHW net.HardwareAddr, toIP netip.Addr) []byte {
	p, err := arp.NewPacket(arp.OperationReply, hw, ip, toHW, toIP)
	if err != nil {
		panic(err)
	}
	pb, _ := p.MarshalBinary()
	fr := &ethernet.Frame{Destination: toHW, Source: hw, EtherType: ethernet.EtherTypeARP, Payload: pb}
	b, _ := fr.MarshalBinary()
	return b
}

type timeoutError struct{}

func (timeoutError) Error() string   { return "i/o timeout" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }

func (f *Segment) ReadFrom(b []byte) (int, net.Addr, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for len(f.inbox) == 0 {
		if f.closed {
			return 0, nil, net.ErrClosed
		}
		if !f.deadline.IsZero() && !time.Now().Before(f.deadline) {
			return 0, nil, timeoutError{}
		}
		// Wake up at the deadline even if nothing arrives.
		d := f.deadline
		go func() {
			if !d.IsZero() {
				time.Sleep(time.Until(d))
			}
			f.mu.Lock()
			f.cond.Broadcast()
			f.mu.Unlock()
		}()
		f.cond.Wait()
	}
	fr := f.inbox[0]
	f.inbox = f.inbox[1:]
	return copy(b, fr), nil, nil
}

func (f *Segment) Close() error {
	f.mu.Lock()
	f.closed = true
	f.cond.Broadcast()
	f.mu.Unlock()
	return nil
}

func (f *Segment) SetReadDeadline(t time.Time) error {
	f.mu.Lock()
	f.deadline = t
	f.cond.Broadcast()
	f.mu.Unlock()
	return nil
}

func (f *Segment) LocalAddr() net.Addr                { return nil }
func (f *Segment) SetDeadline(t time.Time) error      { return f.SetReadDeadline(t) }
func (f *Segment) SetWriteDeadline(t time.Time) error { return nil }

// RequestsTo counts the requests seen for ip.
func (f *Segment) RequestsTo(ip string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.requests[netip.MustParseAddr(ip)]
}

// Deliver queues a frame for the reader, as if it had arrived (a reply to
// a request someone else on the machine sent, such as the kernel's own).
func (f *Segment) Deliver(frame []byte) {
	f.mu.Lock()
	f.inbox = append(f.inbox, frame)
	f.cond.Broadcast()
	f.mu.Unlock()
}
