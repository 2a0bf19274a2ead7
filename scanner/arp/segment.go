package arp

import (
	"bufio"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"strings"
)

// Segment is a directly attached IPv4 subnet: ARP reaches every address in
// Prefix through Interface, sent from Source.
type Segment struct {
	Prefix    netip.Prefix
	Interface *net.Interface
	Source    netip.Addr
}

// Route is one line of the kernel's IPv4 routing table.
type Route struct {
	Iface   string
	Prefix  netip.Prefix
	Gateway netip.Addr // unspecified for a directly attached route
	Flags   uint32
}

const (
	rtfUp     = 0x0001
	rtfReject = 0x0200
)

// ParseRoutes reads /proc/net/route's format.
func ParseRoutes(r io.Reader) ([]Route, error) {
	var out []Route
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if line == 1 || len(f) < 8 {
			continue // header
		}
		dst, err1 := hexAddr(f[1])
		gw, err2 := hexAddr(f[2])
		mask, err3 := hexAddr(f[7])
		var flags uint32
		_, err4 := fmt.Sscanf(f[3], "%x", &flags)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			return nil, fmt.Errorf("route table line %d: %q: malformed", line, sc.Text())
		}
		bits := maskBits(mask)
		if bits < 0 {
			return nil, fmt.Errorf("route table line %d: mask %s not contiguous", line, mask)
		}
		out = append(out, Route{Iface: f[0], Prefix: netip.PrefixFrom(dst, bits).Masked(), Gateway: gw, Flags: flags})
	}
	return out, sc.Err()
}

// hexAddr decodes the little-endian hex of /proc/net/route.
func hexAddr(s string) (netip.Addr, error) {
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 4 {
		return netip.Addr{}, fmt.Errorf("address %q: malformed", s)
	}
	v := binary.LittleEndian.Uint32(b)
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), nil
}

func maskBits(m netip.Addr) int {
	b := m.As4()
	v := binary.BigEndian.Uint32(b[:])
	n := 0
	for v&0x80000000 != 0 {
		n++
		v <<= 1
	}
	if v != 0 {
		return -1
	}
	return n
}

// Interfaces is what Segments needs of the host: its interfaces and their
// addresses. The real one is SystemInterfaces; tests pass a table.
type Interfaces interface {
	ByName(name string) (*net.Interface, []netip.Prefix, error)
}

// SystemInterfaces reads the machine's interfaces.
type SystemInterfaces struct{}

// ByName implements Interfaces.
func (SystemInterfaces) ByName(name string) (*net.Interface, []netip.Prefix, error) {
	ifi, err := net.InterfaceByName(name)
	if err != nil {
		return nil, nil, err
	}
	addrs, err := ifi.Addrs()
	if err != nil {
		return nil, nil, fmt.Errorf("addresses of %s: %w", name, err)
	}
	var ps []netip.Prefix
	for _, a := range addrs {
		if p, err := netip.ParsePrefix(a.String()); err == nil && p.Addr().Is4() {
			ps = append(ps, p)
		}
	}
	return ifi, ps, nil
}

// SystemRoutes reads /proc/net/route.
func SystemRoutes() ([]Route, error) {
	f, err := os.Open("/proc/net/route")
	if err != nil {
		return nil, fmt.Errorf("routing table: %w", err)
	}
	defer f.Close()
	return ParseRoutes(f)
}

// ErrNoSegment: no interface has an attached IPv4 segment.
var ErrNoSegment = errors.New("no interface with an attached IPv4 segment")

// AttachedInterfaces are the interfaces of the attached segments
// (Segments, only as there), each once; ErrNoSegment when there are none.
func AttachedInterfaces(routes []Route, ifs Interfaces, only string) ([]*net.Interface, error) {
	segs, err := Segments(routes, ifs, only)
	if err != nil {
		return nil, err
	}
	out := SegmentInterfaces(segs)
	if len(out) == 0 {
		return nil, ErrNoSegment
	}
	return out, nil
}

// SegmentInterfaces are the interfaces of segs, each once, in the order
// of their first segment.
func SegmentInterfaces(segs []Segment) []*net.Interface {
	seen := map[string]bool{}
	var out []*net.Interface
	for _, s := range segs {
		if !seen[s.Interface.Name] {
			seen[s.Interface.Name] = true
			out = append(out, s.Interface)
		}
	}
	return out
}

// Segments returns the attached segments: every up, gateway-less route
// whose interface is up, can broadcast, and holds an address in the route's
// prefix. With only set, just that interface's segments (its addresses'
// prefixes, whatever the routing table says).
func Segments(routes []Route, ifs Interfaces, only string) ([]Segment, error) {
	var out []Segment
	seen := map[netip.Prefix]bool{}
	add := func(ifi *net.Interface, p netip.Prefix, src netip.Addr) {
		p = p.Masked()
		if seen[p] || p.Bits() >= 31 || ifi.Flags&net.FlagUp == 0 || ifi.Flags&net.FlagLoopback != 0 || len(ifi.HardwareAddr) != 6 {
			return
		}
		seen[p] = true
		out = append(out, Segment{Prefix: p, Interface: ifi, Source: src})
	}
	if only != "" {
		ifi, ps, err := ifs.ByName(only)
		if err != nil {
			return nil, fmt.Errorf("interface %q: %w", only, err)
		}
		if ifi.Flags&net.FlagUp == 0 {
			return nil, fmt.Errorf("interface %q is down", only)
		}
		if len(ifi.HardwareAddr) != 6 {
			return nil, fmt.Errorf("interface %q has no Ethernet address: ARP cannot run on it", only)
		}
		for _, p := range ps {
			add(ifi, p, p.Addr())
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("interface %q: %w", only, ErrNoAddress)
		}
		return out, nil
	}
	for _, r := range routes {
		if r.Flags&rtfUp == 0 || r.Flags&rtfReject != 0 || r.Gateway.IsValid() && !r.Gateway.IsUnspecified() || r.Prefix.Bits() == 0 {
			continue
		}
		ifi, ps, err := ifs.ByName(r.Iface)
		if err != nil {
			continue // interface vanished since the table was read
		}
		for _, p := range ps {
			if r.Prefix.Contains(p.Addr()) {
				add(ifi, r.Prefix, p.Addr())
				break
			}
		}
	}
	return out, nil
}

// Explain says why a is not on an attached segment: which route would
// carry it, if any.
func Explain(routes []Route, a netip.Addr) string {
	best := -1
	var via Route
	for _, r := range routes {
		if r.Flags&rtfUp != 0 && r.Prefix.Contains(a) && r.Prefix.Bits() > best {
			best, via = r.Prefix.Bits(), r
		}
	}
	switch {
	case best < 0:
		return "not on an attached segment: no route to it"
	case via.Gateway.IsValid() && !via.Gateway.IsUnspecified():
		return fmt.Sprintf("not on an attached segment: routed via %s dev %s (ARP cannot cross a router)", via.Gateway, via.Iface)
	default:
		return fmt.Sprintf("not on an attached segment: dev %s holds no address in %s", via.Iface, via.Prefix)
	}
}
