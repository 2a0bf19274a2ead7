package scanner

import (
	"context"
	"log/slog"
	"net"
	"net/netip"
	"slices"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/ndp"
	"github.com/netcensus/netcensus/scanner/targets"
)

// NDPOptions configure the sweep's IPv6 neighbour discovery: on the link of
// every attached segment swept (and of every IPv6 target on an attached
// link), alongside ARP.
type NDPOptions struct {
	Wait         time.Duration
	Retries      int
	MaxNeighbors int
}

// DefaultNDP is the NDP stage of every sweep that does not turn it off: a
// CLI sweep without --no-ndp, and serve's scheduled sweeps (ndp.Scan's
// defaults: one echo round, one more solicitation, 300 ms waits).
func DefaultNDP() *NDPOptions { return &NDPOptions{} }

// NDPStats count the NDP stage.
type NDPStats struct {
	Links         int // links asked
	Echoes        int
	Solicitations int
	Neighbors     int // addresses with a MAC
	Unresolved    int // addresses that gave no MAC
	Joined        int // IPv6 addresses added to a host found otherwise, through its MAC
	Hosts         int // hosts known by IPv6 alone (their addresses inside the targets)
	Malformed     int
}

type ndpLink struct {
	ifi *net.Interface
	// whole is set when the sweep holds the whole IPv4 segment of the
	// link: every neighbour there is inside what was asked.
	whole bool
	res   *ndp.Result
	err   error
}

// v6Link is an interface and its IPv6 addresses.
type v6Link struct {
	ifi   *net.Interface
	addrs []netip.Prefix
	whole bool
	// v4 is set when the link holds IPv4 targets; targets are the IPv6
	// targets on it.
	v4      bool
	targets []netip.Addr
}

// ndpLinks picks the links NDP runs on: the interfaces of the segments
// holding targets, and those whose IPv6 prefixes hold IPv6 targets, also
// links with no IPv4 at all (of the interface only, when one is chosen).
// The IPv6 targets on no link are returned apart.
func ndpLinks(env Env, segs []arp.Segment, in map[netip.Prefix][]netip.Addr, v6 []netip.Addr, only string, log *slog.Logger) (links []*v6Link, offLink []netip.Addr) {
	var all []*v6Link
	byIndex := map[int]*v6Link{}
	for _, s := range segs {
		l, ok := byIndex[s.Interface.Index]
		if !ok {
			var err error
			l = &v6Link{ifi: s.Interface}
			if env.AddrsV6 != nil {
				if l.addrs, err = env.AddrsV6(s.Interface); err != nil {
					log.Info("ndp: no IPv6 addresses", "interface", s.Interface.Name, "err", err)
				}
			}
			byIndex[s.Interface.Index] = l
			all = append(all, l)
		}
		if n := len(in[s.Prefix]); n > 0 {
			l.v4 = true
			if size := 1 << (32 - s.Prefix.Bits()); n >= size-2 {
				l.whole = true
			}
		}
	}
	if len(v6) > 0 && env.ListInterfaces != nil && env.AddrsV6 != nil {
		// IPv6-only links: up, Ethernet, not loopback, with IPv6 addresses.
		ifs, err := env.ListInterfaces()
		if err != nil {
			log.Info("ndp: interfaces not listed", "err", err)
		}
		for i := range ifs {
			ifi := &ifs[i]
			if byIndex[ifi.Index] != nil || only != "" && ifi.Name != only ||
				ifi.Flags&net.FlagUp == 0 || ifi.Flags&net.FlagLoopback != 0 || len(ifi.HardwareAddr) != 6 {
				continue
			}
			addrs, err := env.AddrsV6(ifi)
			if err != nil || len(addrs) == 0 {
				continue
			}
			l := &v6Link{ifi: ifi, addrs: addrs}
			byIndex[ifi.Index] = l
			all = append(all, l)
		}
	}
	for _, a := range v6 {
		var on *v6Link
		for _, l := range all {
			for _, p := range l.addrs {
				if p.Masked().Contains(a.WithZone("")) {
					on = l
					break
				}
			}
			if on != nil {
				break
			}
		}
		if on == nil {
			offLink = append(offLink, a)
			continue
		}
		on.targets = append(on.targets, a)
	}
	for _, l := range all {
		if (l.v4 || len(l.targets) > 0) && len(l.addrs) > 0 {
			links = append(links, l)
		}
	}
	return links, offLink
}

// startNDP runs neighbour discovery on every link, alongside ARP, and
// returns a func that waits for them all. With o nil, or no socket in env,
// it does nothing.
func startNDP(ctx context.Context, env Env, o *NDPOptions, links []*v6Link, limiter *rate.Limiter, log *slog.Logger) func() []ndpLink {
	if o == nil || env.ListenNDP == nil || len(links) == 0 {
		return func() []ndpLink { return nil }
	}
	out := make([]ndpLink, len(links))
	var wg sync.WaitGroup
	for i, l := range links {
		out[i] = ndpLink{ifi: l.ifi, whole: l.whole}
		conn, err := env.ListenNDP(l.ifi)
		if err != nil {
			out[i].err = err
			continue
		}
		var sources []netip.Addr
		for _, p := range l.addrs {
			sources = append(sources, p.Addr())
		}
		// Link-local first: solicitations go from it.
		slices.SortStableFunc(sources, func(a, b netip.Addr) int {
			return btoi(b.IsLinkLocalUnicast()) - btoi(a.IsLinkLocalUnicast())
		})
		wg.Go(func() {
			defer conn.Close()
			log.Info("ndp", "interface", l.ifi.Name, "sources", len(sources), "targets", len(l.targets))
			out[i].res, out[i].err = ndp.Scan(ctx, conn, ndp.Config{
				HardwareAddr: l.ifi.HardwareAddr, Sources: sources, Targets: l.targets,
				Limiter: limiter, Retries: o.Retries, Wait: o.Wait, MaxNeighbors: o.MaxNeighbors,
				Logger: log.With("scanner", "ndp", "interface", l.ifi.Name),
			})
		})
	}
	return func() []ndpLink { wg.Wait(); return out }
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// v6Of is what NDP and routers' neighbour tables learnt of one MAC.
type v6Of struct {
	addrs []netip.Addr // global and unique local first, then link-local
	// global are the addresses other than link-local ones.
	global  []netip.Addr
	sources []record.Source
	whole   bool
	used    bool
}

// foldNDP joins what NDP and routers' neighbour tables learnt to the
// report's hosts through their MACs: a host found otherwise gains its
// global and unique-local IPv6 addresses (Report.Each adds them). A MAC
// nobody else saw becomes a host of its own: from NDP when one of its
// addresses is an IPv6 target or the sweep holds the link's whole IPv4
// segment, from a router's table always (as its IPv4 entries are).
// Link-local addresses alone name no host.
func foldNDP(rep *Report, links []ndpLink, set *targets.Set, reg *oui.Registry, log *slog.Logger) {
	byMAC := map[string]*v6Of{}
	var macs []string
	note := func(addr netip.Addr, mac net.HardwareAddr, src record.Source, whole bool) {
		if len(mac) != 6 || !addr.Is6() || subnetRouterAnycast(addr) {
			return
		}
		k := string(mac)
		v := byMAC[k]
		if v == nil {
			v = &v6Of{}
			byMAC[k] = v
			macs = append(macs, k)
		}
		v.whole = v.whole || whole
		if !slices.Contains(v.sources, src) {
			v.sources = append(v.sources, src)
		}
		if !slices.Contains(v.addrs, addr) {
			v.addrs = append(v.addrs, addr)
		}
	}
	for _, l := range links {
		if l.res == nil {
			if l.err != nil {
				log.Warn("ndp failed", "interface", l.ifi.Name, "err", l.err)
			}
			continue
		}
		rep.NDP.Links++
		st := l.res.Stats
		rep.NDP.Echoes += st.Echoes
		rep.NDP.Solicitations += st.Solicitations
		rep.NDP.Unresolved += st.Unresolved
		rep.NDP.Malformed += st.Malformed
		for _, n := range l.res.Neighbors {
			rep.NDP.Neighbors++
			note(n.Addr, n.MAC, record.SourceNDP, l.whole)
		}
	}
	for _, o := range rep.routerND {
		note(o.Asset.IP.WithZone(""), net.HardwareAddr(o.Asset.MAC), record.SourceRouterND, false)
	}
	if len(byMAC) == 0 {
		return
	}
	for _, v := range byMAC {
		slices.SortFunc(v.addrs, func(a, b netip.Addr) int {
			if c := btoi(a.IsLinkLocalUnicast()) - btoi(b.IsLinkLocalUnicast()); c != 0 {
				return c
			}
			return a.Compare(b)
		})
		for _, a := range v.addrs {
			if !a.IsLinkLocalUnicast() {
				v.global = append(v.global, a)
			}
		}
		slices.Sort(v.sources)
	}
	// Which MACs the other stages found.
	if rep.arp != nil {
		for _, h := range rep.arp.hosts {
			for _, r := range h.Replies {
				if v := byMAC[string(r.MAC)]; v != nil {
					v.used = true
				}
			}
		}
	}
	for _, a := range rep.Extra {
		if v := byMAC[string(a.MAC)]; v != nil && len(a.MAC) > 0 {
			v.used = true
		}
	}
	rep.ndp = map[string]*v6Of{}
	slices.Sort(macs)
	for _, k := range macs {
		v := byMAC[k]
		if len(v.global) == 0 {
			continue
		}
		if v.used {
			rep.ndp[k] = v
			rep.NDP.Joined += len(v.global)
			continue
		}
		asked := v.whole || slices.Contains(v.sources, record.SourceRouterND)
		for _, a := range v.global {
			asked = asked || set != nil && set.Contains(a)
		}
		if !asked {
			continue
		}
		at := rep.Start.Truncate(time.Second)
		a := record.Asset{IP: v.global[0], MAC: record.MAC(k), Sources: slices.Clone(v.sources), FirstSeen: at, LastSeen: at}
		if len(v.global) > 1 {
			a.IPs = v.global
		}
		if reg != nil {
			a.MACVendor = oui.Label(reg, net.HardwareAddr(k))
		}
		rep.NDP.Hosts++
		rep.Add(&a)
		if rep.ndpOnly == nil {
			rep.ndpOnly = map[netip.Addr][]netip.Addr{}
		}
		rep.ndpOnly[a.IP] = v.addrs
	}
}

// applyNDP gives rec the IPv6 addresses seen with its MAC.
func (r *Report) applyNDP(rec *record.Asset) {
	if len(r.ndp) == 0 || len(rec.MAC) == 0 {
		return
	}
	v, ok := r.ndp[string(rec.MAC)]
	if !ok {
		return
	}
	if len(rec.IPs) == 0 && rec.IP.IsValid() {
		rec.IPs = []netip.Addr{rec.IP}
	}
	for _, a := range v.global {
		if !slices.Contains(rec.IPs, a) {
			rec.IPs = append(rec.IPs, a)
		}
	}
	for _, s := range v.sources {
		rec.AddSource(s)
	}
}

// SystemAddrsV6 lists an interface's IPv6 addresses.
func SystemAddrsV6(ifi *net.Interface) ([]netip.Prefix, error) {
	addrs, err := ifi.Addrs()
	if err != nil {
		return nil, err
	}
	var out []netip.Prefix
	for _, a := range addrs {
		p, err := netip.ParsePrefix(a.String())
		if err != nil || !p.Addr().Is6() || p.Addr().Is4In6() {
			continue
		}
		out = append(out, p)
	}
	return out, nil
}

// subnetRouterAnycast reports whether a is a subnet-router anycast address
// (RFC 4291 2.6.1: the prefix with an all-zero interface identifier, here
// of a /64): every router on the link answers for it, so it names no host
// and would key a router's record by an address not its own.
func subnetRouterAnycast(a netip.Addr) bool {
	b := a.As16()
	return !a.IsLinkLocalUnicast() && [8]byte(b[8:]) == [8]byte{}
}
