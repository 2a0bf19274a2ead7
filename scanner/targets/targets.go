// Package targets parses what a user asks to sweep (CIDRs, single addresses,
// ranges), removes exclusions and enforces the safety limits: no public
// addresses without an explicit flag, no sweep larger than a maximum.
//
// IPv6 targets are addresses and prefixes up to /120 (256 addresses): an
// IPv6 subnet (a /64 holds 2^64 addresses) cannot be swept address by
// address, and its hosts are found by NDP, mDNS and routers' neighbour
// tables instead.
package targets

import (
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Sentinel errors, wrapped with the offending value.
var (
	ErrSyntax   = errors.New("not a CIDR, address or range")
	ErrPublic   = errors.New("public address space: pass --allow-public (or set sweep.allow_public in the config) to sweep it")
	ErrTooLarge = errors.New("sweep too large")
	ErrIPv6     = errors.New("IPv6 prefixes longer than /120 are not swept address by address: hosts of an IPv6 subnet are found by NDP on attached links, mDNS and routers' neighbour tables (sweep the IPv4 targets of the same links, or give IPv6 addresses or a /120)")
	ErrEmpty    = errors.New("no addresses left to sweep")
)

// Range is an inclusive run of IPv4 addresses.
type Range struct {
	From, To netip.Addr
}

// Size is the number of addresses in the range.
func (r Range) Size() uint64 { return uint64(u32(r.To)-u32(r.From)) + 1 }

// Contains reports whether a lies in r.
func (r Range) Contains(a netip.Addr) bool {
	return a.Is4() && u32(a) >= u32(r.From) && u32(a) <= u32(r.To)
}

func (r Range) String() string {
	if r.From == r.To {
		return r.From.String()
	}
	if p, ok := r.prefix(); ok {
		return p.String()
	}
	return r.From.String() + "-" + r.To.String()
}

// prefix returns r as a CIDR when it is exactly one.
func (r Range) prefix() (netip.Prefix, bool) {
	n := r.Size()
	if n&(n-1) != 0 {
		return netip.Prefix{}, false
	}
	bits := 32
	for s := n; s > 1; s >>= 1 {
		bits--
	}
	p := netip.PrefixFrom(r.From, bits)
	if p.Masked().Addr() != r.From {
		return netip.Prefix{}, false
	}
	return p, true
}

// Target is one thing the user asked for, as written, and its addresses.
type Target struct {
	Spec  string
	Range Range
	// Prefix is set when Spec was a CIDR: used to tell network and
	// broadcast addresses apart and to match attached segments.
	Prefix netip.Prefix
	// V6 is set (and Range is not) when Spec was an IPv6 address (a /128)
	// or prefix (at most MaxV6Addrs addresses).
	V6 netip.Prefix
}

// MinV6Bits is the longest IPv6 prefix a target may be: /120, 256
// addresses.
const MinV6Bits = 120

// v6Target parses an IPv6 address or prefix target.
func v6Target(spec string, p netip.Prefix) (Target, error) {
	if p.Bits() < MinV6Bits {
		return Target{}, fmt.Errorf("target %q: /%d holds 2^%d addresses, more than a /%d: %w", spec, p.Bits(), 128-p.Bits(), MinV6Bits, ErrIPv6)
	}
	return Target{Spec: spec, V6: p.Masked()}, nil
}

// v6Addrs lists the addresses of a /120 or longer.
func v6Addrs(p netip.Prefix) []netip.Addr {
	n := 1 << (128 - p.Bits())
	out := make([]netip.Addr, 0, n)
	for a := p.Masked().Addr(); len(out) < n && a.IsValid(); a = a.Next() {
		out = append(out, a)
	}
	return out
}

// Parse reads one target: "198.51.100.0/24", "198.51.100.7",
// "198.51.100.10-20" (last octet) or "198.51.100.10-198.51.100.40".
func Parse(spec string) (Target, error) {
	s := strings.TrimSpace(spec)
	if s == "" {
		return Target{}, fmt.Errorf("target %q: %w", spec, ErrSyntax)
	}
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return Target{}, fmt.Errorf("target %q: %w", spec, ErrSyntax)
		}
		if p.Addr().Is4In6() {
			p = netip.PrefixFrom(p.Addr().Unmap(), max(p.Bits()-96, -1))
			if p.Bits() < 0 {
				return Target{}, fmt.Errorf("target %q: %w", spec, ErrSyntax)
			}
		}
		if !p.Addr().Is4() {
			return v6Target(spec, p)
		}
		p = p.Masked()
		from := p.Addr()
		to := fromU32(u32(from) | (^uint32(0) >> uint(p.Bits()) & maskIf(p.Bits() < 32)))
		return Target{Spec: spec, Range: Range{from, to}, Prefix: p}, nil
	}
	if i := strings.IndexByte(s, '-'); i >= 0 {
		a, err := netip.ParseAddr(strings.TrimSpace(s[:i]))
		if err != nil {
			return Target{}, fmt.Errorf("target %q: %w", spec, ErrSyntax)
		}
		if !a.Is4() {
			return Target{}, fmt.Errorf("target %q: IPv6 ranges are not accepted, give an address or a prefix of /%d or longer: %w", spec, MinV6Bits, ErrSyntax)
		}
		rest := strings.TrimSpace(s[i+1:])
		var b netip.Addr
		if n, err := strconv.ParseUint(rest, 10, 8); err == nil {
			o := a.As4()
			o[3] = byte(n)
			b = netip.AddrFrom4(o)
		} else if b, err = netip.ParseAddr(rest); err != nil || !b.Is4() {
			return Target{}, fmt.Errorf("target %q: %w", spec, ErrSyntax)
		}
		if u32(b) < u32(a) {
			return Target{}, fmt.Errorf("target %q: range ends before it starts: %w", spec, ErrSyntax)
		}
		return Target{Spec: spec, Range: Range{a, b}}, nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return Target{}, fmt.Errorf("target %q: %w", spec, ErrSyntax)
	}
	if !a.Unmap().Is4() {
		if a.Zone() != "" {
			return Target{}, fmt.Errorf("target %q: an IPv6 target takes no zone (the sweep finds the link): %w", spec, ErrSyntax)
		}
		return v6Target(spec, netip.PrefixFrom(a, 128))
	}
	a = a.Unmap()
	return Target{Spec: spec, Range: Range{a, a}}, nil
}

func maskIf(b bool) uint32 {
	if b {
		return ^uint32(0)
	}
	return 0
}

// Options are the safety limits.
type Options struct {
	AllowPublic bool
	// MaxHosts bounds the number of addresses one sweep may hold; 0 means
	// DefaultMaxHosts.
	MaxHosts uint64
}

// DefaultMaxHosts is the largest sweep allowed without raising --max-hosts.
const DefaultMaxHosts = 65536

// Set is the parsed, de-duplicated, exclusion-applied list of addresses to
// sweep, kept as sorted disjoint ranges (never expanded into a slice until
// a scanner walks it).
type Set struct {
	Targets []Target
	ranges  []Range
	// v6 holds the IPv6 addresses, sorted and unique (at most 256 a
	// target, bounded by MaxHosts as a whole).
	v6 []netip.Addr
}

// Build parses targets and exclusions and applies the limits. Nothing is
// sent by anyone before it returns without error.
func Build(specs, excludes []string, opts Options) (*Set, error) {
	if len(specs) == 0 {
		return nil, fmt.Errorf("no targets given: %w", ErrEmpty)
	}
	max := opts.MaxHosts
	if max == 0 {
		max = DefaultMaxHosts
	}
	set := &Set{}
	var rs []Range
	var v6 []netip.Addr
	for _, s := range specs {
		t, err := Parse(s)
		if err != nil {
			return nil, err
		}
		if t.V6.IsValid() {
			if pub, ok := firstPublic6(t.V6); ok && !opts.AllowPublic {
				return nil, fmt.Errorf("target %q contains %s: %w", s, pub, ErrPublic)
			}
			set.Targets = append(set.Targets, t)
			v6 = append(v6, v6Addrs(t.V6)...)
			continue
		}
		if !opts.AllowPublic {
			if pub, ok := firstPublic(t.Range); ok {
				return nil, fmt.Errorf("target %q contains %s: %w", s, pub, ErrPublic)
			}
		}
		set.Targets = append(set.Targets, t)
		rs = append(rs, t.Range)
	}
	var ex []Range
	var ex6 []netip.Prefix
	for _, s := range excludes {
		if p, err := netip.ParsePrefix(strings.TrimSpace(s)); err == nil && !p.Addr().Unmap().Is4() {
			// Any IPv6 prefix may be excluded: nothing is expanded.
			ex6 = append(ex6, p.Masked())
			continue
		}
		t, err := Parse(s)
		if err != nil {
			return nil, fmt.Errorf("exclude: %w", err)
		}
		if t.V6.IsValid() {
			ex6 = append(ex6, t.V6)
			continue
		}
		ex = append(ex, t.Range)
	}
	set.ranges = subtract(merge(rs), merge(ex))
	slices.SortFunc(v6, netip.Addr.Compare)
	set.v6 = slices.DeleteFunc(slices.Compact(v6), func(a netip.Addr) bool {
		return slices.ContainsFunc(ex6, func(p netip.Prefix) bool { return p.Contains(a) })
	})
	n := set.Size()
	if n == 0 {
		return nil, fmt.Errorf("%s after exclusions: %w", strings.Join(specs, " "), ErrEmpty)
	}
	if n > max {
		return nil, fmt.Errorf("%d addresses is more than --max-hosts %d (the config's sweep.max_hosts): %w", n, max, ErrTooLarge)
	}
	return set, nil
}

// Size is the number of addresses in the set.
func (s *Set) Size() uint64 {
	var n uint64
	for _, r := range s.ranges {
		n += r.Size()
	}
	return n + uint64(len(s.v6))
}

// IPv6 returns the set's IPv6 addresses, sorted.
func (s *Set) IPv6() []netip.Addr { return s.v6 }

// Ranges returns the disjoint sorted ranges of the set.
func (s *Set) Ranges() []Range { return s.ranges }

// Contains reports whether a is in the set.
func (s *Set) Contains(a netip.Addr) bool {
	if a.Is6() && !a.Is4In6() {
		_, ok := slices.BinarySearchFunc(s.v6, a.WithZone(""), netip.Addr.Compare)
		return ok
	}
	a = a.Unmap()
	i := sort.Search(len(s.ranges), func(i int) bool { return u32(s.ranges[i].To) >= u32(a) })
	return a.Is4() && i < len(s.ranges) && s.ranges[i].Contains(a)
}

// Within returns the addresses of the set inside p, in order, skipping the
// network and broadcast addresses of p when p is shorter than /31.
func (s *Set) Within(p netip.Prefix) []netip.Addr {
	p = p.Masked()
	lo := u32(p.Addr())
	hi := lo | (^uint32(0) >> uint(p.Bits()) & maskIf(p.Bits() < 32))
	var out []netip.Addr
	for _, r := range s.ranges {
		a, b := max(u32(r.From), lo), min(u32(r.To), hi)
		for x := uint64(a); x <= uint64(b) && a <= b; x++ {
			if p.Bits() < 31 && (uint32(x) == lo || uint32(x) == hi) {
				continue
			}
			out = append(out, fromU32(uint32(x)))
		}
	}
	return out
}

// Split divides the set by the prefixes given (attached segments): for each
// prefix the addresses inside it, and the ranges that fell in none.
func (s *Set) Split(prefixes []netip.Prefix) (in map[netip.Prefix][]netip.Addr, rest []Range) {
	in = make(map[netip.Prefix][]netip.Addr)
	// Longest prefix first, so an address lands on the most specific segment.
	ps := append([]netip.Prefix(nil), prefixes...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Bits() > ps[j].Bits() })
	left := append([]Range(nil), s.ranges...)
	for _, p := range ps {
		p = p.Masked()
		sub := &Set{ranges: left}
		if addrs := sub.Within(p); len(addrs) > 0 {
			in[p] = append(in[p], addrs...)
		}
		left = subtract(left, []Range{prefixRange(p)})
	}
	return in, left
}

func prefixRange(p netip.Prefix) Range {
	lo := u32(p.Addr())
	return Range{p.Addr(), fromU32(lo | (^uint32(0) >> uint(p.Bits()) & maskIf(p.Bits() < 32)))}
}

// merge sorts and joins overlapping or adjacent ranges.
func merge(rs []Range) []Range {
	if len(rs) == 0 {
		return nil
	}
	rs = append([]Range(nil), rs...)
	sort.Slice(rs, func(i, j int) bool { return u32(rs[i].From) < u32(rs[j].From) })
	out := []Range{rs[0]}
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if uint64(u32(r.From)) <= uint64(u32(last.To))+1 {
			if u32(r.To) > u32(last.To) {
				last.To = r.To
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

// subtract removes ex (merged, sorted) from rs (merged, sorted).
func subtract(rs, ex []Range) []Range {
	var out []Range
	for _, r := range rs {
		from, to := uint64(u32(r.From)), uint64(u32(r.To))
		for _, e := range ex {
			ef, et := uint64(u32(e.From)), uint64(u32(e.To))
			if et < from || ef > to {
				continue
			}
			if ef > from {
				out = append(out, Range{fromU32(uint32(from)), fromU32(uint32(ef - 1))})
			}
			from = et + 1
			if from > to {
				break
			}
		}
		if from <= to {
			out = append(out, Range{fromU32(uint32(from)), fromU32(uint32(to))})
		}
	}
	return out
}

// nonPublic lists the IPv4 space that is not public: private (RFC 1918),
// CGNAT, loopback, link-local, documentation, benchmarking, multicast and
// reserved blocks, "this network".
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("127.0.0.0/8"),
	netip.MustParsePrefix("169.254.0.0/16"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("224.0.0.0/3"),
}

// nonPublic6 is the IPv6 space counted as not public, as nonPublic is for
// IPv4: documentation (2001:db8::/32), unique local (fc00::/7), link-local
// (fe80::/10), loopback and multicast.
var nonPublic6 = []netip.Prefix{
	netip.MustParsePrefix("::1/128"),
	netip.MustParsePrefix("2001:db8::/32"),
	netip.MustParsePrefix("fc00::/7"),
	netip.MustParsePrefix("fe80::/10"),
	netip.MustParsePrefix("ff00::/8"),
}

// firstPublic6 returns the first public address of p (a /120 or longer,
// so it lies wholly inside or outside each of nonPublic6 but ::1).
func firstPublic6(p netip.Prefix) (netip.Addr, bool) {
	for _, a := range v6Addrs(p) {
		if IsPublic(a) {
			return a, true
		}
	}
	return netip.Addr{}, false
}

// IsPublic reports whether a is routable public address space.
func IsPublic(a netip.Addr) bool {
	if a.Is6() && !a.Is4In6() {
		a = a.WithZone("")
		for _, p := range nonPublic6 {
			if p.Contains(a) {
				return false
			}
		}
		return true
	}
	a = a.Unmap()
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// firstPublic returns the first public address in r, if any.
func firstPublic(r Range) (netip.Addr, bool) {
	np := make([]Range, 0, len(nonPublic))
	for _, p := range nonPublic {
		np = append(np, prefixRange(p))
	}
	left := subtract([]Range{r}, merge(np))
	if len(left) == 0 {
		return netip.Addr{}, false
	}
	return left[0].From, true
}

func u32(a netip.Addr) uint32 {
	b := a.As4()
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func fromU32(x uint32) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(x >> 24), byte(x >> 16), byte(x >> 8), byte(x)})
}

// Prefixes returns the fewest CIDR prefixes that hold exactly addrs (IPv4,
// in ascending order, as Within returns them): the compact form of the
// addresses a sweep asked, which a CMDB counts absence in. A run of
// addresses from a to b takes at most 62 prefixes.
func Prefixes(addrs []netip.Addr) []netip.Prefix {
	var out []netip.Prefix
	for i := 0; i < len(addrs); {
		lo := u32(addrs[i])
		j := i + 1
		for j < len(addrs) && u32(addrs[j]) == u32(addrs[j-1])+1 {
			j++
		}
		out = append(out, RangePrefixes(Range{From: addrs[i], To: fromU32(lo + uint32(j-i-1))})...)
		i = j
	}
	return out
}

// RangePrefixes returns the fewest CIDR prefixes that cover r exactly.
func RangePrefixes(r Range) []netip.Prefix {
	var out []netip.Prefix
	lo, hi := uint64(u32(r.From)), uint64(u32(r.To))
	for lo <= hi {
		bits := 32
		// Grow the block while lo stays aligned and it ends within r.
		for bits > 0 {
			size := uint64(1) << uint(32-bits+1)
			if lo%size != 0 || lo+size-1 > hi {
				break
			}
			bits--
		}
		out = append(out, netip.PrefixFrom(fromU32(uint32(lo)), bits))
		lo += uint64(1) << uint(32-bits)
	}
	return out
}
