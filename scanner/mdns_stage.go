package scanner

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"slices"
	"sync"
	"time"

	fpmdns "github.com/netcensus/netcensus/fingerprints/mdns"
	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/fingerprints/recog"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/mdns"
	"github.com/netcensus/netcensus/scanner/passive"
	"github.com/netcensus/netcensus/scanner/targets"
)

// MDNSOptions configure the sweep's mDNS stage: a browse of each attached
// segment swept, alongside ARP (and SNMP), whose hosts join the ARP host
// with the same address.
type MDNSOptions struct {
	Duration time.Duration
	// MaxTypes is how many service types are browsed through zeroconf.
	MaxTypes int
	Limits   mdns.Limits
	// Rules say what hosts are from what they announce; nil: only names
	// and services.
	Rules *fpmdns.Rules
}

// MDNSStats count the mDNS stage.
type MDNSStats struct {
	Segments int // interfaces browsed
	Hosts    int // hosts heard (inside the targets or not)
	Services int
	Merged   int // hosts inside the targets, added to the report
	Dropped  int // what the decoder dropped (malformed, over a bound)
	// LastNew is when, from the start, the last new host or service came.
	LastNew time.Duration
}

// startMDNS browses the interface of every segment in segs that holds
// targets (in), and of every IPv6 link holding IPv6 targets (one with no
// IPv4 segment too: its hosts answer over ff02::fb), one browse per
// interface, and returns a func that waits for them all. With o nil, or no
// browse function in env, it does nothing.
func startMDNS(ctx context.Context, env Env, o *MDNSOptions, segs []arp.Segment, in map[netip.Prefix][]netip.Addr, links []*v6Link, log *slog.Logger) func() []mdns.Browsed {
	if o == nil || env.BrowseMDNS == nil {
		return func() []mdns.Browsed { return nil }
	}
	seen := map[int]bool{}
	var ifis []*net.Interface
	for _, s := range segs {
		if len(in[s.Prefix]) > 0 && !seen[s.Interface.Index] {
			seen[s.Interface.Index] = true
			ifis = append(ifis, s.Interface)
		}
	}
	for _, l := range links {
		if len(l.targets) > 0 && !seen[l.ifi.Index] {
			seen[l.ifi.Index] = true
			ifis = append(ifis, l.ifi)
		}
	}
	if len(ifis) == 0 {
		return func() []mdns.Browsed { return nil }
	}
	var out []mdns.Browsed
	done := make(chan struct{})
	go func() {
		defer close(done)
		out = mdns.BrowseEach(ctx, env.BrowseMDNS, ifis, mdns.Options{Duration: o.Duration, MaxBrowsed: o.MaxTypes, Limits: o.Limits, Logger: log})
	}()
	return func() []mdns.Browsed { <-done; return out }
}

// finishStages waits for the mDNS browses and merges their hosts (those
// inside the targets) into the report, then lets Recog fill what is still
// unknown of SNMP records from their sysDescr and sysObjectID.
func finishStages(rep *Report, opts Options, wait func() []mdns.Browsed, log *slog.Logger) {
	for _, s := range wait() {
		if s.Result == nil {
			log.Warn("mdns browse failed", "interface", s.Interface.Name, "err", s.Err)
			continue
		}
		rep.MDNS.Segments++
		st := s.Result.Stats
		rep.MDNS.Dropped += st.Dropped()
		rep.MDNS.LastNew = max(rep.MDNS.LastNew, s.Result.LastNew)
		var rules *fpmdns.Rules
		if opts.MDNS != nil {
			rules = opts.MDNS.Rules
		}
		for _, a := range mdns.Assets(s.Result.Hosts, rules, record.SourceMDNS, s.Result.Start) {
			rep.MDNS.Hosts++
			rep.MDNS.Services += len(a.Services)
			if !a.IP.Is4() || opts.Targets == nil || !opts.Targets.Contains(a.IP) {
				// Heard over IPv6 alone (AAAA records, no A inside the
				// targets): it joins the host whose MAC NDP saw answer
				// from one of its addresses, never by address alone: an
				// ARP host, or a host NDP alone found (one with no IPv4
				// address at all), already among the sweep's records.
				ip, ok := rep.hostOfV6(a)
				if !ok {
					continue
				}
				a.IP = ip
			}
			a.IPs = nil // link-local v6 and the like: ARP's record is the host's
			rep.MDNS.Merged++
			rep.Add(&a)
		}
	}
	applyRecog(rep, opts.Recog)
}

// hostOfV6 is the address a host heard over IPv6 alone joins: that of the
// ARP host whose MAC NDP saw answer from one of a's IPv6 addresses, or of
// the host NDP alone found with that MAC and address (an IPv6-only host,
// whose record is keyed by its first global address). Either is inside
// what the sweep asked.
func (r *Report) hostOfV6(a record.Asset) (netip.Addr, bool) {
	for _, ip := range append([]netip.Addr{a.IP}, a.IPs...) {
		if !ip.Is6() || ip.Is4In6() {
			continue
		}
		ip = ip.WithZone("")
		for mac, v := range r.ndp {
			if !slices.Contains(v.addrs, ip) || r.arp == nil {
				continue
			}
			for _, h := range r.arp.hosts {
				for _, rp := range h.Replies {
					if string(rp.MAC) == mac {
						return h.IP, true
					}
				}
			}
		}
		for key, addrs := range r.ndpOnly {
			if slices.Contains(addrs, ip) {
				return key, true
			}
		}
	}
	return netip.Addr{}, false
}

// applyRecog fills the gaps of SNMP records from Recog's sysDescr and
// sysObjectID fingerprints, after the project's own profiles ran.
func applyRecog(rep *Report, db *recog.DB) {
	if db == nil {
		return
	}
	for _, a := range rep.Extra {
		if a.SysDescr != "" {
			if m, ok := db.Match(recog.SNMPSysDescription, a.SysDescr); ok {
				recog.Fill(a, m, record.Evidence{Source: record.SourceSNMP, OID: "1.3.6.1.2.1.1.1.0", Value: a.SysDescr})
			}
		}
		if a.SysObjectID != "" {
			if m, ok := db.Match(recog.SNMPSysObjectID, a.SysObjectID); ok {
				recog.Fill(a, m, record.Evidence{Source: record.SourceSNMP, OID: "1.3.6.1.2.1.1.2.0", Value: a.SysObjectID})
			}
		}
	}
}

// PassiveOptions configure a passive sweep.
type PassiveOptions struct {
	Duration time.Duration
	Limits   passive.Limits
	Rules    *fpmdns.Rules
	Recog    *recog.DB
}

// PassiveStats count a passive sweep.
type PassiveStats struct {
	passive.Stats
	Heard int // hosts heard, inside the targets or not
}

// RunPassive listens on the interface of every attached segment holding
// targets, sending nothing, for o.Duration, and reports the hosts heard
// inside the targets: ARP senders, mDNS responders, DHCP clients. A
// cancelled ctx returns what was heard with ctx's error.
func RunPassive(ctx context.Context, env Env, set *targets.Set, iface string, o PassiveOptions) (*Report, error) {
	log := env.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if env.OpenCapture == nil {
		return nil, fmt.Errorf("passive: no capture in this environment")
	}
	routes, err := env.Routes()
	if err != nil {
		return nil, err
	}
	segs, err := arp.Segments(routes, env.Interfaces, iface)
	if err != nil {
		return nil, err
	}
	prefixes := make([]netip.Prefix, len(segs))
	for i, s := range segs {
		prefixes[i] = s.Prefix
	}
	in, rest := set.Split(prefixes)
	rep := &Report{Start: time.Now().UTC()}
	for _, r := range rest {
		rep.Skipped = append(rep.Skipped, Skip{Target: r.String(), Reason: arp.Explain(routes, r.From)})
	}
	type job struct {
		seg  arp.Segment
		conn passive.Conn
	}
	var jobs []job
	opened := map[int]bool{}
	for _, s := range segs {
		if len(in[s.Prefix]) == 0 || opened[s.Interface.Index] {
			continue
		}
		c, err := env.OpenCapture(s.Interface)
		if err != nil {
			for _, j := range jobs {
				j.conn.Close()
			}
			return nil, err
		}
		opened[s.Interface.Index] = true
		jobs = append(jobs, job{seg: s, conn: c})
	}
	d := passive.NewDecoder(o.Limits)
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			log.Info("passive listen", "interface", j.seg.Interface.Name, "duration", o.Duration)
			errs[i] = passive.Listen(ctx, j.conn, o.Duration, d)
		}()
	}
	wg.Wait()
	var firstErr error
	for i, err := range errs {
		if err != nil && firstErr == nil {
			firstErr = err
		}
		if err == nil {
			rep.Swept = append(rep.Swept, targets.Prefixes(in[jobs[i].seg.Prefix])...)
		}
	}
	for _, a := range d.Assets(o.Rules, o.Recog) {
		rep.Passive.Heard++
		if !a.IP.IsValid() || !set.Contains(a.IP) {
			continue
		}
		if reg := env.OUI; reg != nil && len(a.MAC) > 0 {
			a.MACVendor = oui.Label(reg, net.HardwareAddr(a.MAC))
		}
		rep.Add(&a)
	}
	rep.Passive.Stats = d.Stats()
	rep.Found = rep.Len()
	rep.Duration = time.Since(rep.Start)
	if firstErr != nil {
		rep.Partial = true
		return rep, firstErr
	}
	return rep, nil
}
