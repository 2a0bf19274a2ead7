package targets

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// ParseHostPort reads HOST, HOST:PORT, [V6]:PORT or a bare IPv6 address,
// port where s names none; names are resolved (the first address, within
// 5 seconds).
func ParseHostPort(ctx context.Context, s string, port int) (netip.AddrPort, error) {
	host, ps := s, ""
	if h, p, err := net.SplitHostPort(s); err == nil {
		host, ps = h, p
	}
	if ps != "" {
		n, err := strconv.ParseUint(ps, 10, 16)
		if err != nil || n == 0 {
			return netip.AddrPort{}, fmt.Errorf("host %q: bad port %q", s, ps)
		}
		port = int(n)
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return netip.AddrPortFrom(a.Unmap(), uint16(port)), nil
	}
	if host == "" || strings.ContainsAny(host, " /") {
		return netip.AddrPort{}, fmt.Errorf("host %q: want HOST[:PORT]", s)
	}
	rctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupNetIP(rctx, "ip", host)
	if err != nil || len(addrs) == 0 {
		return netip.AddrPort{}, fmt.Errorf("host %q: cannot resolve: %w", s, err)
	}
	return netip.AddrPortFrom(addrs[0].Unmap(), uint16(port)), nil
}
