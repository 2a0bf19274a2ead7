package names

import (
	"context"
	"net"
	"net/netip"
	"testing"
	"time"
)

// closedPort is a loopback UDP port nobody listens on (one just closed).
func closedPort(t *testing.T) uint16 {
	t.Helper()
	c := udp(t, "127.0.0.1", 0)
	p := addrPort(c).Port()
	c.Close()
	return p
}

// TestRefusedIsAnswered: hosts that run no NetBIOS or LLMNR responder
// answer their questions with ICMP port unreachable; those questions are
// answered (naming nothing), so the stage ends at once, not a timeout
// after its last question. A DNS server that refuses is given up at once.
// Before, each such question was awaited for the whole timeout.
func TestRefusedIsAnswered(t *testing.T) {
	var addrs []netip.Addr
	for i := 1; i <= 20; i++ {
		addrs = append(addrs, netip.AddrFrom4([4]byte{127, 0, 0, byte(i)}))
	}
	dnsPort := closedPort(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	got, st, err := Resolve(ctx, addrs, Options{
		DNS: true, Servers: []netip.AddrPort{netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), dnsPort)},
		NetBIOS: true, NetBIOSPort: closedPort(t), LLMNR: true, LLMNRPort: closedPort(t),
		// Longer than the test's deadline: awaiting it fails the test.
		Timeout: time.Minute,
		Listen:  func() (net.PacketConn, error) { return net.ListenPacket("udp4", "127.0.0.1:0") },
	})
	if err != nil {
		t.Fatalf("Resolve: %v (refused questions awaited for the timeout)", err)
	}
	if len(got) != 0 {
		t.Errorf("named %v", got)
	}
	// Every NetBIOS and LLMNR question, and the DNS questions sent
	// before the server's refusal came back.
	if st.Refused < 2*len(addrs)+1 || st.DNSSilent != 1 {
		t.Errorf("stats %+v: want the 40 host questions and the DNS server refused", st)
	}
}
