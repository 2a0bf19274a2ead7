package names

import (
	"context"
	"encoding/binary"
	"io"
	"net"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestLLMNROverTCP: a host whose LLMNR responder, like systemd-resolved,
// holds the UDP port but answers a unicast query only over TCP (RFC 4795
// 2.4) is named over TCP; a host with no responder resets the connection
// (a refusal, not awaited); a host that drops the connection's packets is
// given up with the timeout. Over UDP alone (no Dial) the first host
// names nothing. Every address is on loopback.
func TestLLMNROverTCP(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.3:0")
	if err != nil {
		t.Skipf("listen: %v", err)
	}
	t.Cleanup(func() { ln.Close() })
	port := uint16(ln.Addr().(*net.TCPAddr).Port)
	// The responder's UDP socket: it reads unicast queries and answers none.
	serve(udp(t, "127.0.0.3", int(port)), func([]byte) []byte { return nil })
	answer := ptrServer(map[string]string{"3.0.0.127.in-addr.arpa.": "ws12."})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				var n [2]byte
				if _, err := io.ReadFull(c, n[:]); err != nil {
					return
				}
				q := make([]byte, binary.BigEndian.Uint16(n[:]))
				if _, err := io.ReadFull(c, q); err != nil {
					return
				}
				r := answer(q)
				c.Write(append(binary.BigEndian.AppendUint16(nil, uint16(len(r))), r...))
			}()
		}
	}()
	named, refused, silent := netip.MustParseAddr("127.0.0.3"), netip.MustParseAddr("127.0.0.4"), netip.MustParseAddr("127.0.0.5")
	dial := func(ctx context.Context, network, address string) (net.Conn, error) {
		if strings.HasPrefix(address, silent.String()+":") {
			<-ctx.Done() // its SYN is dropped
			return nil, ctx.Err()
		}
		return (&net.Dialer{}).DialContext(ctx, network, address)
	}
	const timeout = 300 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	addrs := []netip.Addr{named, refused, silent}
	got, st, err := Resolve(ctx, addrs, Options{LLMNR: true, LLMNRPort: port, Timeout: timeout, Dial: dial})
	if err != nil {
		t.Fatal(err)
	}
	if r := got[named]; r == nil || !slices.Equal(r.LLMNR, []string{"ws12"}) || len(got) != 1 {
		t.Errorf("results %v: want %s named ws12 over TCP, alone", got, named)
	}
	// Refused: .4 over TCP (a reset) and over UDP, .5 over UDP (ICMP).
	if st.LLMNR != 1 || st.Refused != 3 || st.LLMNRErrors != 0 {
		t.Errorf("stats %+v: want 1 named, 3 refused", st)
	}
	if ctx.Err() != nil {
		t.Fatal("the silent host was not given up")
	}

	got, st, err = Resolve(ctx, addrs, Options{LLMNR: true, LLMNRPort: port, Timeout: timeout})
	if err != nil || len(got) != 0 || st.LLMNR != 0 {
		t.Errorf("over UDP alone: %v, stats %+v, %v: want nothing named", got, st, err)
	}
}
