package names

import (
	"context"
	"encoding/binary"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/miekg/dns"

	"github.com/netcensus/netcensus/record"
)

// udp listens on loopback address a, port 0 or port.
func udp(t *testing.T, a string, port int) *net.UDPConn {
	t.Helper()
	c, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.ParseIP(a), Port: port})
	if err != nil {
		t.Skipf("listen %s:%d: %v", a, port, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// serve answers every datagram on c with reply(request) (nil: silence).
func serve(c *net.UDPConn, reply func([]byte) []byte) {
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := c.ReadFromUDP(buf)
			if err != nil {
				return
			}
			if r := reply(buf[:n]); r != nil {
				c.WriteToUDP(r, from)
			}
		}
	}()
}

// ptrServer answers PTR questions from names (reverse name -> PTR).
func ptrServer(names map[string]string) func([]byte) []byte {
	return func(b []byte) []byte {
		q := new(dns.Msg)
		if q.Unpack(b) != nil || len(q.Question) != 1 {
			return nil
		}
		m := new(dns.Msg)
		m.SetReply(q)
		if n, ok := names[q.Question[0].Name]; ok {
			rr, _ := dns.NewRR(q.Question[0].Name + " 60 IN PTR " + n)
			m.Answer = append(m.Answer, rr)
		} else {
			m.Rcode = dns.RcodeNameError
		}
		out, _ := m.Pack()
		return out
	}
}

func addrPort(c *net.UDPConn) netip.AddrPort { return c.LocalAddr().(*net.UDPAddr).AddrPort() }

// TestResolve: one sweep of names over loopback fakes of a DNS server, a
// NetBIOS host and an LLMNR host, with silent addresses beside them.
func TestResolve(t *testing.T) {
	dnsSrv := udp(t, "127.0.0.1", 0)
	serve(dnsSrv, ptrServer(map[string]string{
		"2.0.0.127.in-addr.arpa.": "printer-3f.example.net.",
		"3.0.0.127.in-addr.arpa.": "ws12.example.net.",
	}))
	nb := udp(t, "127.0.0.2", 0)
	nbPort := addrPort(nb).Port()
	serve(nb, func(b []byte) []byte {
		if len(b) < 2 {
			return nil
		}
		return nbstatReply(binary.BigEndian.Uint16(b), []nbEntry{{"PRN3F", 0, false}, {"OFFICE", 0, true}}, []byte{0x00, 0x80, 0x77, 1, 2, 3})
	})
	ll := udp(t, "127.0.0.3", 0)
	serve(ll, ptrServer(map[string]string{"3.0.0.127.in-addr.arpa.": "ws12."}))
	// LLMNR must come back on its own port: the host at .3 listens there.
	addrs := []netip.Addr{
		netip.MustParseAddr("127.0.0.2"), netip.MustParseAddr("127.0.0.3"),
		netip.MustParseAddr("127.0.0.4"), netip.MustParseAddr("127.0.0.5"),
	}
	got, st, err := Resolve(context.Background(), addrs, Options{
		DNS: true, Servers: []netip.AddrPort{addrPort(dnsSrv)},
		NetBIOS: true, NetBIOSPort: nbPort,
		LLMNR: true, LLMNRPort: addrPort(ll).Port(),
		Timeout: 300 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	r2, r3 := got[addrs[0]], got[addrs[1]]
	if r2 == nil || r3 == nil || len(got) != 2 {
		t.Fatalf("results %v, want .2 and .3 named", got)
	}
	if !slices.Equal(r2.PTR, []string{"printer-3f.example.net"}) || r2.NetBIOS == nil || r2.NetBIOS.Name != "PRN3F" || r2.NetBIOS.Workgroup != "OFFICE" {
		t.Errorf(".2: %+v", r2)
	}
	if !slices.Equal(r3.PTR, []string{"ws12.example.net"}) || !slices.Equal(r3.LLMNR, []string{"ws12"}) {
		t.Errorf(".3: %+v", r3)
	}
	if st.DNS != 2 || st.NetBIOS != 1 || st.LLMNR != 1 || st.Asked != 4 {
		t.Errorf("stats %+v", st)
	}

	// Apply: names with sources, the workgroup, the NetBIOS MAC for a host
	// with none, and the name order (NetBIOS before DNS).
	var rec record.Asset
	Apply(&rec, r2)
	if rec.Hostname != "PRN3F" || rec.Workgroup != "OFFICE" || rec.MAC.String() != "00:80:77:01:02:03" ||
		!slices.Equal(rec.Names, []record.HostName{{Name: "PRN3F", Source: record.SourceNetBIOS}, {Name: "printer-3f.example.net", Source: record.SourceDNS}}) ||
		!slices.Equal(rec.Sources, []record.Source{record.SourceNetBIOS}) {
		t.Errorf("applied: %+v", rec)
	}
	// An mDNS name or a sysName is kept as the host name.
	named := record.Asset{Hostname: "lab-printer", MAC: record.MAC{2, 0, 0, 0, 0, 1}}
	Apply(&named, r2)
	if named.Hostname != "lab-printer" || named.MAC.String() != "02:00:00:00:00:01" {
		t.Errorf("mDNS name or MAC overridden: %+v", named)
	}
	sys := record.Asset{SysName: "core-sw1"}
	Apply(&sys, r3)
	if sys.Hostname != "" || len(sys.Names) != 2 {
		t.Errorf("sysName host: %+v", sys)
	}
}

// TestResolveSilentIsOneTimeout: requests go out together, so 200 silent
// addresses cost about one timeout, not 200 (a serial resolver's 60 s).
func TestResolveSilentIsOneTimeout(t *testing.T) {
	dnsSrv := udp(t, "127.0.0.1", 0)
	serve(dnsSrv, func([]byte) []byte { return nil }) // a server that never answers
	var addrs []netip.Addr
	for i := range 200 {
		addrs = append(addrs, netip.AddrFrom4([4]byte{127, 0, 1, byte(i + 1)}))
	}
	start := time.Now()
	got, st, err := Resolve(context.Background(), addrs, Options{
		DNS: true, Servers: []netip.AddrPort{addrPort(dnsSrv)},
		NetBIOS: true, NetBIOSPort: 9, LLMNR: true, LLMNRPort: 9,
		Timeout: 300 * time.Millisecond,
	})
	if err != nil || len(got) != 0 || st.Asked != 200 {
		t.Fatalf("got %v %+v %v", got, st, err)
	}
	if d := time.Since(start); d > 20*300*time.Millisecond {
		t.Errorf("200 silent addresses took %v: resolution is serial", d)
	}
}

// TestResolveCancel: a cancelled sweep stops waiting for replies at once.
func TestResolveCancel(t *testing.T) {
	dnsSrv := udp(t, "127.0.0.1", 0)
	serve(dnsSrv, func([]byte) []byte { return nil })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, _, err := Resolve(ctx, []netip.Addr{netip.MustParseAddr("127.0.0.9")}, Options{
			DNS: true, Servers: []netip.AddrPort{addrPort(dnsSrv)}, Timeout: time.Minute,
		})
		done <- err
	}()
	cancel()
	select {
	case err := <-done:
		if err == nil {
			t.Error("cancelled resolution returned no error")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Resolve did not return after cancel")
	}
}

// TestResolvConf: servers come from resolv.conf when none are configured.
func TestResolvConf(t *testing.T) {
	p := filepath.Join(t.TempDir(), "resolv.conf")
	os.WriteFile(p, []byte("search example.net\nnameserver 192.0.2.53\nnameserver 2001:db8::53\n"), 0o644)
	got, err := resolvConfServers(p)
	if err != nil || !slices.Equal(got, []netip.AddrPort{netip.MustParseAddrPort("192.0.2.53:53"), netip.MustParseAddrPort("[2001:db8::53]:53")}) {
		t.Errorf("servers %v, %v", got, err)
	}
	os.WriteFile(p, []byte("search example.net\n"), 0o644)
	if _, err := resolvConfServers(p); err == nil {
		t.Error("no nameserver: no error")
	}
}

// TestRepliesFromElsewhere: a reply from an address that was not asked, or
// a DNS answer for another question, names nobody.
func TestRepliesFromElsewhere(t *testing.T) {
	feed := FeedOf([]netip.Addr{netip.MustParseAddr("198.51.100.7")})
	res := map[int]*Result{}
	result := func(i int) *Result {
		if res[i] == nil {
			res[i] = &Result{}
		}
		return res[i]
	}
	var p = netbiosProtocol(feed, 137, result, new(sync.Mutex))
	reply := nbstatReply(0, []nbEntry{{"SPOOF", 0, false}}, nil)
	if _, _, ok := p.reply(reply, netip.MustParseAddrPort("198.51.100.8:137")); ok || res[0] != nil {
		t.Error("NetBIOS reply from another host accepted")
	}
	m := new(dns.Msg)
	m.SetQuestion("8.100.51.198.in-addr.arpa.", dns.TypePTR)
	m.Response = true
	b, _ := m.Pack()
	if _, _, ok := ptrReply(b, feed); ok {
		t.Error("DNS answer to another question accepted")
	}
}

// TestResolveFeed: addresses added to an open feed are asked as they come
// (an address added twice once), and the resolution ends when the feed is
// closed and every question answered; cancelled with the feed still open,
// it returns at once.
func TestResolveFeed(t *testing.T) {
	dnsSrv := udp(t, "127.0.0.1", 0)
	serve(dnsSrv, ptrServer(map[string]string{
		"2.0.0.127.in-addr.arpa.": "a.example.net.",
		"3.0.0.127.in-addr.arpa.": "b.example.net.",
	}))
	feed := NewFeed()
	type out struct {
		got map[netip.Addr]*Result
		st  Stats
		err error
	}
	done := make(chan out, 1)
	go func() {
		got, st, err := ResolveFeed(context.Background(), feed, Options{
			DNS: true, Servers: []netip.AddrPort{addrPort(dnsSrv)}, Timeout: time.Minute,
		})
		done <- out{got, st, err}
	}()
	a, b := netip.MustParseAddr("127.0.0.2"), netip.MustParseAddr("127.0.0.3")
	feed.Add(a)
	feed.Add(b)
	feed.Add(a)
	feed.Close()
	feed.Add(netip.MustParseAddr("127.0.0.4")) // after Close: not asked
	select {
	case o := <-done:
		if o.err != nil || o.st.Asked != 2 || o.st.DNS != 2 || o.got[a] == nil || o.got[a].PTR[0] != "a.example.net" || o.got[b] == nil {
			t.Errorf("got %v, stats %+v, err %v", o.got, o.st, o.err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the resolution of a closed, answered feed waited on")
	}

	ctx, cancel := context.WithCancel(context.Background())
	open := NewFeed()
	cdone := make(chan error, 1)
	go func() {
		_, _, err := ResolveFeed(ctx, open, Options{DNS: true, Servers: []netip.AddrPort{addrPort(dnsSrv)}, Timeout: time.Minute})
		cdone <- err
	}()
	open.Add(a)
	cancel()
	select {
	case err := <-cdone:
		if err == nil {
			t.Error("cancelled resolution returned no error")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ResolveFeed did not return after cancel, its feed open")
	}
}
