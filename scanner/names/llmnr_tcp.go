package names

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"net/netip"
	"sync"
	"syscall"
	"time"

	"golang.org/x/time/rate"
)

// tcpWorkers is how many LLMNR TCP questions are open at once: a /24's
// hosts all at once, so a silent host costs one timeout beside the others,
// not one after them.
const tcpWorkers = 256

// llmnrTCP asks every address of feed its name over TCP, as RFC 4795 2.4
// has a unicast LLMNR query sent (systemd-resolved answers a unicast query
// only over TCP; the UDP question, which Windows' profile of LLMNR
// requires, goes beside it). A host with no responder resets the
// connection at once (a refusal); a silent one is given up one timeout
// after its question. Up to tcpWorkers questions are open at once, each
// charged to lim like a datagram (takeAhead); store keeps what a host
// said. It returns when the feed is closed and every question is over.
func llmnrTCP(ctx context.Context, feed *Feed, port uint16, lim *rate.Limiter, timeout time.Duration,
	dial func(ctx context.Context, network, address string) (net.Conn, error), store func(i int, names []string)) exchangeStats {
	var st exchangeStats
	var mu sync.Mutex
	next := 0
	var wg sync.WaitGroup
	for range tcpWorkers {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				a, ok := feed.next(ctx, i)
				if !ok {
					return
				}
				if lim != nil && takeAhead(ctx, lim, timeout) != nil {
					return
				}
				names, err := askTCP(ctx, dial, a, port, i, feed, timeout)
				mu.Lock()
				st.asked++
				switch {
				case errors.Is(err, syscall.ECONNREFUSED):
					st.refused++
				case errors.Is(err, errBadReply):
					st.bad++
				case err == nil && len(names) > 0:
					st.answered++
				}
				mu.Unlock()
				if len(names) > 0 {
					store(i, names)
				}
			}
		})
	}
	wg.Wait()
	return st
}

// errBadReply: an LLMNR TCP answer that is not one to the question asked.
var errBadReply = errors.New("llmnr: not a reply to the question")

// askTCP sends a, address i of feed, the reverse query of its own address
// over one TCP connection and reads the names of the answer, all within
// timeout.
func askTCP(ctx context.Context, dial func(ctx context.Context, network, address string) (net.Conn, error),
	a netip.Addr, port uint16, i int, feed *Feed, timeout time.Duration) ([]string, error) {
	q, ok := ptrQuery(a, uint16(i), false)
	if !ok {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	c, err := dial(ctx, "tcp", netip.AddrPortFrom(a, port).String())
	if err != nil {
		return nil, err
	}
	defer c.Close()
	dl, _ := ctx.Deadline()
	c.SetDeadline(dl)
	// A DNS message over TCP: two bytes of length, then the message.
	if _, err := c.Write(append(binary.BigEndian.AppendUint16(nil, uint16(len(q))), q...)); err != nil {
		return nil, err
	}
	var n [2]byte
	if _, err := io.ReadFull(c, n[:]); err != nil {
		return nil, err
	}
	b := make([]byte, binary.BigEndian.Uint16(n[:]))
	if _, err := io.ReadFull(c, b); err != nil {
		return nil, err
	}
	j, names, ok := ptrReply(b, feed)
	if !ok || j != i {
		return nil, errBadReply
	}
	return names, nil
}
