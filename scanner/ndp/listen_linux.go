package ndp

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"syscall"
	"time"

	"golang.org/x/net/ipv6"
	"golang.org/x/sys/unix"
)

// sysConn is a raw ICMPv6 socket bound to one interface (SO_BINDTODEVICE):
// it sends and hears on that link only.
type sysConn struct {
	pc  *ipv6.PacketConn
	ifi *net.Interface
}

// Listen opens the ICMPv6 socket of one interface (needs CAP_NET_RAW). The
// socket is bound to the interface: nothing it sends leaves by another one,
// multicast included, and it hears only that link.
func Listen(ifi *net.Interface) (Conn, error) {
	lc := net.ListenConfig{Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		if err := c.Control(func(fd uintptr) { serr = unix.BindToDevice(int(fd), ifi.Name) }); err != nil {
			return err
		}
		return serr
	}}
	c, err := lc.ListenPacket(context.Background(), "ip6:ipv6-icmp", "::")
	if err != nil {
		return nil, fmt.Errorf("ndp socket on %s: %w", ifi.Name, err)
	}
	pc := ipv6.NewPacketConn(c)
	fail := func(what string, err error) (Conn, error) {
		c.Close()
		return nil, fmt.Errorf("ndp socket on %s: %s: %w", ifi.Name, what, err)
	}
	if err := pc.SetMulticastInterface(ifi); err != nil {
		return fail("multicast interface", err)
	}
	if err := pc.SetMulticastLoopback(false); err != nil {
		return fail("multicast loopback", err)
	}
	if err := pc.SetHopLimit(255); err != nil {
		return fail("hop limit", err)
	}
	if err := pc.SetMulticastHopLimit(255); err != nil {
		return fail("multicast hop limit", err)
	}
	var f ipv6.ICMPFilter
	f.SetAll(true)
	for _, t := range []ipv6.ICMPType{ipv6.ICMPTypeEchoReply, ipv6.ICMPTypeNeighborSolicitation,
		ipv6.ICMPTypeNeighborAdvertisement, ipv6.ICMPTypeRouterAdvertisement} {
		f.Accept(t)
	}
	if err := pc.SetICMPFilter(&f); err != nil {
		return fail("ICMPv6 filter", err)
	}
	if err := pc.SetControlMessage(ipv6.FlagHopLimit|ipv6.FlagInterface, true); err != nil {
		return fail("control messages", err)
	}
	return &sysConn{pc: pc, ifi: ifi}, nil
}

func (c *sysConn) WriteTo(b []byte, src, dst netip.Addr) error {
	cm := &ipv6.ControlMessage{HopLimit: 255, Src: src.WithZone("").AsSlice(), IfIndex: c.ifi.Index}
	_, err := c.pc.WriteTo(b, cm, &net.IPAddr{IP: dst.AsSlice(), Zone: c.ifi.Name})
	return err
}

func (c *sysConn) ReadFrom(b []byte) (int, netip.Addr, int, error) {
	for {
		n, cm, src, err := c.pc.ReadFrom(b)
		if err != nil {
			return 0, netip.Addr{}, -1, err
		}
		hop := -1
		if cm != nil {
			if cm.IfIndex != 0 && cm.IfIndex != c.ifi.Index {
				continue
			}
			hop = cm.HopLimit
		}
		ia, ok := src.(*net.IPAddr)
		if !ok {
			continue
		}
		a, ok := netip.AddrFromSlice(ia.IP)
		if !ok {
			continue
		}
		return n, a, hop, nil
	}
}

func (c *sysConn) SetReadDeadline(t time.Time) error { return c.pc.SetReadDeadline(t) }
func (c *sysConn) Close() error                      { return c.pc.Close() }
