// Package arp finds live hosts on a directly attached IPv4 segment with ARP.
//
// One raw socket carries the sweep: a sender paces requests through a rate
// limiter while a receiver collects replies at the same time, so a sweep
// takes about addresses/rate plus one wait, not addresses times a timeout.
// Only addresses that have not answered are asked again.
package arp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mdlayher/arp"
	"github.com/mdlayher/ethernet"
	"github.com/mdlayher/packet"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
	"golang.org/x/time/rate"
)

// ErrNoAddress: the interface has no IPv4 address to send from.
var ErrNoAddress = errors.New("no IPv4 source address")

// Counters are live totals a caller may read while a sweep runs (for a
// progress bar) and after it.
type Counters struct {
	Sent    atomic.Int64 // requests written
	Replies atomic.Int64 // replies accepted (from swept addresses, to us)
	Found   atomic.Int64 // distinct addresses that answered
}

// Config is one sweep of one segment.
type Config struct {
	// HardwareAddr and SourceIP are put in every request.
	HardwareAddr net.HardwareAddr
	SourceIP     netip.Addr
	// Ifindex, when known and the connection is a Linux packet socket,
	// lets the sweep send and receive in batches (sendmmsg, recvmmsg).
	Ifindex int
	// Limiter paces every packet sent; callers share one across segments
	// so --rate bounds the whole sweep.
	Limiter *rate.Limiter
	// Retries is how many more requests an unanswered address gets.
	Retries int
	// Wait is how long after a request an address counts as unanswered,
	// and how long the sweep listens after its last request.
	Wait time.Duration
	// Counters, if set, are updated as the sweep runs.
	Counters *Counters
	Logger   *slog.Logger
}

// Reply is one hardware address that answered for an IP.
type Reply struct {
	MAC     net.HardwareAddr
	Count   int           // replies from this MAC
	First   time.Time     // when its first reply arrived
	RTT     time.Duration // from the first request to the first reply
	Virtual string        // "vrrp", "hsrp"... when MAC is a first-hop redundancy MAC
}

// Host is an address that answered.
type Host struct {
	IP       netip.Addr
	Replies  []Reply // ordered by first reply
	Requests int     // requests sent to IP
}

// Result is what one sweep of one segment found.
type Result struct {
	Hosts    []Host // sorted by IP
	Probed   int
	Sent     int
	Start    time.Time
	Duration time.Duration
	// Malformed counts frames that could not be decoded.
	Malformed int
	// Dropped counts replies the kernel dropped because the socket's
	// buffer was full (when the socket can tell).
	Dropped int
}

// replyFilter is a BPF program that passes only ARP replies (opcode 2 at
// offset 20 of the Ethernet frame). Without it the socket also queues every
// request this sweep sends, doubling the receive load at high rates.
func replyFilter() ([]bpf.RawInstruction, error) {
	return bpf.Assemble([]bpf.Instruction{
		bpf.LoadAbsolute{Off: 12, Size: 2},
		bpf.JumpIf{Cond: bpf.JumpNotEqual, Val: uint32(ethernet.EtherTypeARP), SkipTrue: 3},
		bpf.LoadAbsolute{Off: 20, Size: 2},
		bpf.JumpIf{Cond: bpf.JumpNotEqual, Val: uint32(arp.OperationReply), SkipTrue: 1},
		bpf.RetConstant{Val: 128},
		bpf.RetConstant{Val: 0},
	})
}

// receiveBuffer is what the socket asks the kernel to queue: a /16's
// replies arriving at 100,000/s while the reader is descheduled fit.
const receiveBuffer = 8 << 20

// Listen opens the raw ARP socket on ifi, filtered to ARP replies, with a
// large receive buffer. It needs CAP_NET_RAW; without it the error wraps
// os.ErrPermission.
func Listen(ifi *net.Interface) (net.PacketConn, error) {
	filter, err := replyFilter()
	if err != nil {
		return nil, fmt.Errorf("assemble ARP filter: %w", err)
	}
	c, err := packet.Listen(ifi, packet.Raw, int(ethernet.EtherTypeARP), &packet.Config{Filter: filter})
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return nil, fmt.Errorf("raw socket on %s: %w", ifi.Name, os.ErrPermission)
		}
		return nil, fmt.Errorf("raw socket on %s: %w", ifi.Name, err)
	}
	if rc, err := c.SyscallConn(); err == nil {
		_ = rc.Control(func(fd uintptr) {
			// SO_RCVBUFFORCE passes the rmem_max cap with CAP_NET_ADMIN;
			// otherwise SO_RCVBUF gets what the cap allows.
			if unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, receiveBuffer) != nil {
				_ = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_RCVBUF, receiveBuffer)
			}
		})
	}
	return c, nil
}

// dropCounter is what a packet socket tells of frames the kernel dropped
// because the reader was too slow.
type dropCounter interface {
	Stats() (*packet.Stats, error)
}

// Sweep asks every address in addrs over conn and returns who answered.
// It returns early when every address has answered, and promptly when ctx
// is cancelled (with what was found so far and ctx's error).
func Sweep(ctx context.Context, conn net.PacketConn, cfg Config, addrs []netip.Addr) (*Result, error) {
	if !cfg.SourceIP.Is4() {
		return nil, ErrNoAddress
	}
	if len(cfg.HardwareAddr) != 6 {
		return nil, fmt.Errorf("hardware address %v: want 6 bytes", cfg.HardwareAddr)
	}
	if cfg.Limiter == nil {
		cfg.Limiter = rate.NewLimiter(rate.Inf, 1)
	}
	if cfg.Counters == nil {
		cfg.Counters = &Counters{}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	frame, err := requestFrame(cfg.HardwareAddr, cfg.SourceIP)
	if err != nil {
		return nil, err
	}
	index := make(map[netip.Addr]int32, len(addrs))
	for i, a := range addrs {
		index[a] = int32(i)
	}
	s := &sweep{
		cfg:      cfg,
		conn:     conn,
		addrs:    addrs,
		index:    index,
		answered: make([]atomic.Bool, len(addrs)),
		attempts: make([]int32, len(addrs)),
		firstReq: make([]time.Time, len(addrs)),
		hosts:    make(map[int32]*Host),
		frame:    frame,
		allDone:  make(chan struct{}),
		batch:    newBatcher(conn, cfg.Ifindex),
	}
	s.left.Store(int64(len(addrs)))
	start := time.Now()
	res := &Result{Probed: len(addrs), Start: start.UTC()}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.receive(stop)
	}()
	sendErr := s.send(ctx)
	if sendErr == nil {
		sendErr = s.drain(ctx)
	}
	close(stop)
	// Unblock a receiver waiting in ReadFrom.
	_ = conn.SetReadDeadline(time.Now())
	wg.Wait()

	res.Duration = time.Since(start)
	if dc, ok := conn.(dropCounter); ok {
		if st, err := dc.Stats(); err == nil {
			res.Dropped = int(st.Drops)
		}
	}
	res.Sent = int(s.sent)
	res.Malformed = s.malformed
	for i, h := range s.hosts {
		h.Requests = int(s.attempts[i])
		for j := range h.Replies {
			h.Replies[j].RTT = h.Replies[j].First.Sub(s.firstReq[i])
		}
		res.Hosts = append(res.Hosts, *h)
	}
	sort.Slice(res.Hosts, func(i, j int) bool { return res.Hosts[i].IP.Less(res.Hosts[j].IP) })
	if sendErr != nil {
		return res, sendErr
	}
	return res, nil
}

type sweep struct {
	cfg      Config
	conn     net.PacketConn
	addrs    []netip.Addr
	index    map[netip.Addr]int32
	answered []atomic.Bool
	left     atomic.Int64  // addresses not yet answered
	allDone  chan struct{} // closed by the receiver when left reaches 0
	// attempts and firstReq belong to the sender until it returns; the
	// receiver reads firstReq only after the sweep ends.
	attempts []int32
	firstReq []time.Time
	sent     int64
	lastSent time.Time
	frame    []byte
	// batch, when set, carries frames in batches of system calls.
	batch *batcher
	// hosts and malformed belong to the receiver.
	hosts     map[int32]*Host
	malformed int
}

type retry struct {
	idx int32
	due time.Time
}

// send writes the first pass in order and each retry when it falls due,
// interleaving them so the sweep never idles while work is due. Frames go
// out in batches of what is ready, paced by the limiter.
func (s *sweep) send(ctx context.Context) error {
	var queue []retry // FIFO, due times increase
	next := 0
	dst := &packet.Addr{HardwareAddr: ethernet.Broadcast}
	maxBatch := 1
	if s.batch != nil {
		maxBatch = max(1, min(batchSize, s.cfg.Limiter.Burst()))
	}
	frames := make([][]byte, maxBatch)
	for i := range frames {
		frames[i] = append([]byte(nil), s.frame...)
	}
	idxs := make([]int32, 0, maxBatch)
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		if s.left.Load() == 0 {
			return nil
		}
		idxs = idxs[:0]
		now := time.Now()
		for len(idxs) < maxBatch {
			var idx int32 = -1
			for len(queue) > 0 && !queue[0].due.After(now) {
				r := queue[0]
				queue = queue[1:]
				if !s.answered[r.idx].Load() {
					idx = r.idx
					break
				}
			}
			if idx < 0 && next < len(s.addrs) {
				idx = int32(next)
				next++
			}
			if idx < 0 {
				break
			}
			idxs = append(idxs, idx)
		}
		if len(idxs) == 0 {
			if len(queue) == 0 {
				return nil
			}
			timer.Reset(time.Until(queue[0].due))
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-s.allDone:
				return nil
			case <-timer.C:
			}
			continue
		}
		if err := s.cfg.Limiter.WaitN(ctx, len(idxs)); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("rate limiter: %w", err)
		}
		for i, idx := range idxs {
			a := s.addrs[idx].As4()
			copy(frames[i][38:42], a[:])
		}
		sent := 0
		if s.batch != nil {
			n, err := s.batch.send(frames[:len(idxs)])
			sent = n
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				// A full socket buffer is transient: the retry covers
				// what was not sent.
				s.cfg.Logger.Debug("arp batch write failed", "sent", n, "of", len(idxs), "err", err)
			}
		} else {
			for i := range idxs {
				if _, err := s.conn.WriteTo(frames[i], dst); err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					s.cfg.Logger.Debug("arp write failed", "target", s.addrs[idxs[i]], "err", err)
					continue
				}
				sent++
			}
		}
		s.sent += int64(sent)
		s.cfg.Counters.Sent.Add(int64(sent))
		now = time.Now()
		s.lastSent = now
		for _, idx := range idxs {
			if s.attempts[idx] == 0 {
				s.firstReq[idx] = now
			}
			s.attempts[idx]++
			if int(s.attempts[idx]) <= s.cfg.Retries {
				queue = append(queue, retry{idx: idx, due: now.Add(s.cfg.Wait)})
			}
		}
	}
}

// drain listens for late replies for Wait after the last request, or until
// every address has answered.
func (s *sweep) drain(ctx context.Context) error {
	if len(s.addrs) == 0 {
		return nil
	}
	t := time.NewTimer(time.Until(s.lastSent.Add(s.cfg.Wait)))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-s.allDone:
	case <-t.C:
	}
	return nil
}

// finalDrain bounds the last read after stop: frames already queued when
// the sweep ends (the duplicate replies that came with the last answer)
// are still counted, and nothing is waited for.
const finalDrain = 2 * time.Millisecond

// receive decodes frames until stop is closed, then reads what is already
// queued for at most finalDrain.
func (s *sweep) receive(stop <-chan struct{}) {
	buf := make([]byte, 1600)
	var deadline time.Time
	stopping := false
	for {
		if !stopping {
			select {
			case <-stop:
				stopping = true
				deadline = time.Now().Add(finalDrain)
				_ = s.conn.SetReadDeadline(deadline)
			default:
			}
		}
		// A deadline keeps the loop responsive to stop even when the
		// segment is silent; it is moved only when half spent, not per
		// frame.
		now := time.Now()
		if !stopping && deadline.Sub(now) < 25*time.Millisecond {
			deadline = now.Add(50 * time.Millisecond)
			_ = s.conn.SetReadDeadline(deadline)
		}
		var err error
		if s.batch != nil {
			err = s.batch.recv(func(b []byte) { s.handle(b) })
		} else {
			var n int
			if n, _, err = s.conn.ReadFrom(buf); err == nil {
				s.handle(buf[:n])
			}
		}
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				if stopping {
					return
				}
				deadline = time.Time{}
				continue
			}
			if errors.Is(err, net.ErrClosed) {
				return
			}
			s.cfg.Logger.Debug("arp read failed", "err", err)
			continue
		}
	}
}

// handle decodes one received frame.
func (s *sweep) handle(b []byte) {
	p, err := Decode(b)
	if err != nil {
		if !errors.Is(err, ErrNotARP) {
			s.malformed++
		}
		return
	}
	s.accept(p, time.Now())
}

// accept records a decoded packet if it is a reply to this sweep.
func (s *sweep) accept(p *arp.Packet, now time.Time) {
	if p.Operation != arp.OperationReply {
		return
	}
	if p.TargetIP != s.cfg.SourceIP && !sameMAC(p.TargetHardwareAddr, s.cfg.HardwareAddr) {
		return
	}
	idx, ok := s.index[p.SenderIP]
	if !ok {
		return
	}
	h := s.hosts[idx]
	if h == nil {
		h = &Host{IP: p.SenderIP}
		s.hosts[idx] = h
	}
	for i := range h.Replies {
		if sameMAC(h.Replies[i].MAC, p.SenderHardwareAddr) {
			h.Replies[i].Count++
			s.cfg.Counters.Replies.Add(1)
			return
		}
	}
	mac := append(net.HardwareAddr(nil), p.SenderHardwareAddr...)
	h.Replies = append(h.Replies, Reply{MAC: mac, Count: 1, First: now.UTC(), Virtual: VirtualMAC(mac)})
	s.cfg.Counters.Replies.Add(1)
	if !s.answered[idx].Swap(true) {
		if s.left.Add(-1) == 0 {
			close(s.allDone)
		}
		s.cfg.Counters.Found.Add(1)
	}
}

func sameMAC(a, b net.HardwareAddr) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// requestFrame builds the broadcast who-has frame; the target address is
// patched into bytes 38..41 for each request.
func requestFrame(hw net.HardwareAddr, src netip.Addr) ([]byte, error) {
	p, err := arp.NewPacket(arp.OperationRequest, hw, src, ethernet.Broadcast, netip.IPv4Unspecified())
	if err != nil {
		return nil, fmt.Errorf("build ARP request: %w", err)
	}
	pb, err := p.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("build ARP request: %w", err)
	}
	// Target hardware address is zero in a request (RFC 826 leaves it
	// unspecified; zeros are what every stack sends).
	copy(pb[18:24], make([]byte, 6))
	f := &ethernet.Frame{Destination: ethernet.Broadcast, Source: hw, EtherType: ethernet.EtherTypeARP, Payload: pb}
	return f.MarshalBinary()
}

// ErrNotARP: the frame is well formed but carries no ARP packet.
var ErrNotARP = errors.New("not an ARP frame")

// Decode parses an Ethernet frame carrying an IPv4-over-Ethernet ARP packet.
// Frames of other types return ErrNotARP; truncated or inconsistent ones
// another error. It never panics.
func Decode(b []byte) (*arp.Packet, error) {
	var f ethernet.Frame
	if err := f.UnmarshalBinary(b); err != nil {
		return nil, fmt.Errorf("ethernet frame: %w", err)
	}
	if f.EtherType != ethernet.EtherTypeARP {
		return nil, ErrNotARP
	}
	var p arp.Packet
	if err := p.UnmarshalBinary(f.Payload); err != nil {
		return nil, fmt.Errorf("arp packet: %w", err)
	}
	if p.HardwareType != 1 || p.ProtocolType != uint16(ethernet.EtherTypeIPv4) || p.HardwareAddrLength != 6 || p.IPLength != 4 {
		return nil, fmt.Errorf("arp packet: hardware type %d (len %d), protocol %#04x (len %d): not IPv4 over Ethernet", p.HardwareType, p.HardwareAddrLength, p.ProtocolType, p.IPLength)
	}
	if p.Operation != arp.OperationRequest && p.Operation != arp.OperationReply {
		return nil, fmt.Errorf("arp packet: operation %d is neither request nor reply", p.Operation)
	}
	if !p.SenderIP.Is4() || !p.TargetIP.Is4() {
		return nil, fmt.Errorf("arp packet: addresses not IPv4")
	}
	return &p, nil
}

// VirtualMAC names the first-hop redundancy protocol whose virtual MAC mac
// is (VRRP for IPv4 and IPv6, HSRP v1 and v2, GLBP), or "".
func VirtualMAC(mac net.HardwareAddr) string {
	if len(mac) != 6 {
		return ""
	}
	switch {
	case mac[0] == 0x00 && mac[1] == 0x00 && mac[2] == 0x5e && mac[3] == 0x00 && (mac[4] == 0x01 || mac[4] == 0x02):
		return "vrrp"
	case mac[0] == 0x00 && mac[1] == 0x00 && mac[2] == 0x0c && mac[3] == 0x07 && mac[4] == 0xac:
		return "hsrp"
	case mac[0] == 0x00 && mac[1] == 0x00 && mac[2] == 0x0c && mac[3] == 0x9f && mac[4]&0xf0 == 0xf0:
		return "hsrp"
	case mac[0] == 0x00 && mac[1] == 0x07 && mac[2] == 0xb4 && mac[3] == 0x00:
		return "glbp"
	}
	return ""
}
