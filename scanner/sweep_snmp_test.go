package scanner

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/internal/snmpsim"
	"github.com/netcensus/netcensus/internal/snmpsim/simtest"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/snmp"
	"github.com/netcensus/netcensus/scanner/targets"
)

// natConn stands in for the SNMP socket: packets to the lab addresses in
// to go to simulators on loopback, and their replies come back from the
// lab address; packets to any other address vanish. Nothing leaves
// loopback.
type natConn struct {
	net.PacketConn
	to   map[netip.Addr]netip.AddrPort
	from map[netip.AddrPort]netip.Addr
}

func (c *natConn) WriteTo(b []byte, addr net.Addr) (int, error) {
	ua, ok := addr.(*net.UDPAddr)
	if !ok {
		return 0, errors.New("not udp")
	}
	dst, ok := c.to[ua.AddrPort().Addr().Unmap()]
	if !ok {
		return len(b), nil
	}
	return c.PacketConn.WriteTo(b, net.UDPAddrFromAddrPort(dst))
}

func (c *natConn) ReadFrom(b []byte) (int, net.Addr, error) {
	n, a, err := c.PacketConn.ReadFrom(b)
	if ua, ok := a.(*net.UDPAddr); ok {
		if orig, ok := c.from[ua.AddrPort()]; ok {
			a = net.UDPAddrFromAddrPort(netip.AddrPortFrom(orig, 161))
		}
	}
	return n, a, err
}

func serveSim(t *testing.T, w *snmprec.Walk) netip.AddrPort {
	t.Helper()
	return simtest.Loopback(t, snmpsim.Options{Walks: map[string]*snmprec.Walk{"public": w}})
}

func octets(s string) snmprec.Value {
	return snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte(s)}
}

func TestRunSNMPPhases(t *testing.T) {
	// A router on the segment, whose ARP cache knows a far host.
	router := snmprec.NewWalk([]snmprec.Record{
		{OID: "1.3.6.1.2.1.1.1.0", Value: octets("Test router")},
		{OID: "1.3.6.1.2.1.1.2.0", Value: snmprec.Value{Type: snmprec.TypeOID, OID: "1.3.6.1.4.1.9.1.1"}},
		{OID: "1.3.6.1.2.1.1.5.0", Value: octets("rtr1")},
		{OID: "1.3.6.1.2.1.2.2.1.2.1", Value: octets("Gi0/0")},
		{OID: "1.3.6.1.2.1.4.22.1.2.2.203.0.113.99", Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte{0x00, 0x05, 0x85, 0x12, 0x34, 0x56}}},
		{OID: "1.3.6.1.2.1.4.22.1.4.2.203.0.113.99", Value: snmprec.Value{Type: snmprec.TypeInteger, Int: 3}},
		// Its IPv6 neighbour table (ipNetToPhysicalPhysAddress): the
		// silent .12's address, the far host's, and a host of IPv6 alone.
		{OID: "1.3.6.1.2.1.4.35.1.4.1.2.16.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.18", Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte{0x00, 0x1b, 0x54, 0, 0, 0x12}}},
		{OID: "1.3.6.1.2.1.4.35.1.4.1.2.16.32.1.13.184.0.7.0.0.0.0.0.0.0.0.0.153", Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte{0x00, 0x05, 0x85, 0x12, 0x34, 0x56}}},
		{OID: "1.3.6.1.2.1.4.35.1.4.1.2.16.32.1.13.184.0.7.0.0.0.0.0.0.0.0.0.5", Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte{0xa4, 0xc3, 0x61, 0, 0, 5}}},
	})
	far := snmprec.NewWalk([]snmprec.Record{
		{OID: "1.3.6.1.2.1.1.1.0", Value: octets("Linux far 6.1.0")},
		{OID: "1.3.6.1.2.1.1.5.0", Value: octets("far7")},
		{OID: "1.3.6.1.2.1.25.6.3.1.2.1", Value: octets("adduser_3.134_all")},
	})
	simR, simF := serveSim(t, router), serveSim(t, far)
	rIP, fIP := netip.MustParseAddr("198.51.100.11"), netip.MustParseAddr("203.0.113.7")
	to := map[netip.Addr]netip.AddrPort{rIP: simR, fIP: simF}
	from := map[netip.AddrPort]netip.Addr{simR: rIP, simF: fIP}

	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	seg.AddHost("198.51.100.12", "00:1b:54:00:00:12")
	env := fakeEnv(seg)
	env.ListenSNMP = func() (net.PacketConn, error) {
		c, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		return &natConn{PacketConn: c, to: to, from: from}, nil
	}
	env.DialSNMP = func(timeout time.Duration, retries int) snmp.DialFunc {
		base := snmp.GoSNMPDialer(timeout, retries)
		return func(ctx context.Context, t netip.AddrPort, c snmp.Credential) (snmp.Client, error) {
			dst, ok := to[t.Addr()]
			if !ok {
				return nil, errors.New("test: no agent at " + t.String())
			}
			return base(ctx, dst, c)
		}
	}
	set, err := targets.Build([]string{"198.51.100.0/24", "203.0.113.0/28"}, nil, targets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rep, err := Run(ctx, env, Options{Targets: set, Rate: 100000, ARPRetries: 0, ARPWait: 20 * time.Millisecond,
		SNMP: &SNMPOptions{Timeout: 300 * time.Millisecond, Retries: 0, Workers: 4}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.SNMP.Responders != 2 || rep.SNMP.Collected != 2 || rep.SNMP.RouterARP != 1 || rep.SNMP.RouterND != 3 {
		t.Fatalf("snmp stats %+v", rep.SNMP)
	}
	// 2 ARP hosts plus the 16 routed addresses.
	if rep.SNMP.Probed != 2+16 {
		t.Errorf("probed %d, want 18", rep.SNMP.Probed)
	}
	byIP := map[netip.Addr]record.Asset{}
	for _, h := range rep.Hosts() {
		byIP[h.IP] = h
	}
	r := byIP[rIP]
	if r.SysName != "rtr1" || r.MAC.String() != "00:1b:54:00:00:11" || len(r.Sources) != 2 || r.Sources[0] != record.SourceARP || r.Sources[1] != record.SourceSNMP {
		t.Errorf("router record %+v", r)
	}
	f := byIP[fIP]
	if f.SysName != "far7" || len(f.Software) != 1 || len(f.Sources) != 1 || f.Sources[0] != record.SourceSNMP {
		t.Errorf("far record %+v", f)
	}
	x := byIP[netip.MustParseAddr("203.0.113.99")]
	if x.MAC.String() != "00:05:85:12:34:56" || fmt.Sprint(x.Sources) != "[router_arp router_nd]" || fmt.Sprint(x.IPs) != "[203.0.113.99 2001:db8:7::99]" {
		t.Errorf("router ARP record %+v", x)
	}
	// The router's IPv6 entries join hosts through their MACs.
	if h := byIP[netip.MustParseAddr("198.51.100.12")]; fmt.Sprint(h.Sources) != "[arp router_nd]" || h.SysName != "" || fmt.Sprint(h.IPs) != "[198.51.100.12 2001:db8::12]" {
		t.Errorf("silent host %+v", h)
	}
	if h := byIP[netip.MustParseAddr("2001:db8:7::5")]; h.MAC.String() != "a4:c3:61:00:00:05" || fmt.Sprint(h.Sources) != "[router_nd]" {
		t.Errorf("IPv6-only host %+v", h)
	}
	if len(rep.Hosts()) != 5 {
		t.Errorf("%d records, want 5", len(rep.Hosts()))
	}
}

// TestRunSNMPOffWithoutSocket: a fake machine with no SNMP socket never
// runs the SNMP phases.
func TestRunSNMPOffWithoutSocket(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	set, _ := targets.Build([]string{"198.51.100.0/24"}, nil, targets.Options{})
	rep, err := Run(context.Background(), fakeEnv(seg), Options{Targets: set, Rate: 100000, ARPWait: 20 * time.Millisecond, SNMP: &SNMPOptions{}})
	if err != nil || rep.SNMP.Probed != 0 || len(rep.Hosts()) != 1 {
		t.Fatalf("err %v, snmp %+v", err, rep.SNMP)
	}
}

// TestRunSNMPCancel: cancelling during SNMP discovery returns promptly
// with a partial report.
func TestRunSNMPCancel(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	env := fakeEnv(seg)
	env.ListenSNMP = func() (net.PacketConn, error) {
		c, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		return &natConn{PacketConn: c}, nil // every packet vanishes
	}
	env.DialSNMP = func(time.Duration, int) snmp.DialFunc {
		return func(context.Context, netip.AddrPort, snmp.Credential) (snmp.Client, error) {
			return nil, errors.New("test: no agents")
		}
	}
	set, _ := targets.Build([]string{"198.51.100.0/24", "203.0.113.0/24"}, nil, targets.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(150*time.Millisecond, cancel)
	start := time.Now()
	rep, err := Run(ctx, env, Options{Targets: set, Rate: 100000, ARPWait: 20 * time.Millisecond,
		SNMP: &SNMPOptions{Timeout: time.Hour, Retries: 3}})
	if !errors.Is(err, context.Canceled) || rep == nil || !rep.Partial {
		t.Fatalf("err %v, report %+v", err, rep)
	}
	if el := time.Since(start); el > 3*time.Second {
		t.Fatalf("Run took %s to stop", el)
	}
	if len(rep.Hosts()) != 1 {
		t.Fatalf("ARP results lost: %+v", rep.Hosts())
	}
}
