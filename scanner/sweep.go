// Package scanner runs a sweep: it splits the targets over the attached
// segments, runs the protocol scanners with one shared packet budget, and
// turns what they saw into host records. Protocols live in subpackages;
// this package only orchestrates.
package scanner

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/netcensus/netcensus/fingerprints"
	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/fingerprints/recog"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/locate"
	"github.com/netcensus/netcensus/scanner/mdns"
	"github.com/netcensus/netcensus/scanner/names"
	"github.com/netcensus/netcensus/scanner/ndp"
	"github.com/netcensus/netcensus/scanner/passive"
	"github.com/netcensus/netcensus/scanner/snmp"
	"github.com/netcensus/netcensus/scanner/targets"
)

// Env is what a sweep needs of the machine. Tests replace every field.
type Env struct {
	Routes     func() ([]arp.Route, error)
	Interfaces arp.Interfaces
	// ListenARP opens the raw ARP socket of an interface.
	ListenARP func(*net.Interface) (net.PacketConn, error)
	OUI       *oui.Registry
	Logger    *slog.Logger
	// ListenSNMP opens the one UDP socket of SNMP discovery and DialSNMP
	// opens a collection session; with either nil, the SNMP phases are
	// off (so a test's fake machine never sends SNMP anywhere).
	ListenSNMP func() (net.PacketConn, error)
	DialSNMP   func(timeout time.Duration, retries int) snmp.DialFunc
	// BrowseMDNS browses one interface (nil: no mDNS stage); OpenCapture
	// opens a receive-only capture for passive sweeps (mdns_stage.go).
	BrowseMDNS  func(context.Context, mdns.Options) (*mdns.Result, error)
	OpenCapture func(*net.Interface) (passive.Conn, error)
	// ListenNames opens a socket of the names stage (nil: no names
	// stage, so a test's fake machine never asks a real resolver).
	ListenNames func() (net.PacketConn, error)
	// DialNames opens the names stage's TCP connections (LLMNR's unicast
	// queries; nil: LLMNR over UDP alone, so a test's fake machine that
	// fakes ListenNames never reaches a real host by TCP).
	DialNames func(ctx context.Context, network, address string) (net.Conn, error)
	// ListenNDP opens the ICMPv6 socket of one interface, bound to it,
	// and AddrsV6 lists an interface's IPv6 addresses (ListenNDP nil: no
	// NDP stage, so a test's fake machine never sends ICMPv6).
	ListenNDP func(*net.Interface) (ndp.Conn, error)
	AddrsV6   func(*net.Interface) ([]netip.Prefix, error)
	// ListInterfaces lists the machine's interfaces: NDP looks there for
	// IPv6 links with no IPv4 segment (nil: only the segments' links).
	ListInterfaces func() ([]net.Interface, error)
}

// SystemEnv is the real machine.
func SystemEnv(reg *oui.Registry, log *slog.Logger) Env {
	return Env{
		Routes:      arp.SystemRoutes,
		Interfaces:  arp.SystemInterfaces{},
		ListenARP:   arp.Listen,
		OUI:         reg,
		Logger:      log,
		ListenSNMP:  func() (net.PacketConn, error) { return net.ListenPacket("udp", ":0") },
		DialSNMP:    snmp.GoSNMPDialer,
		BrowseMDNS:  mdns.Browse,
		OpenCapture: passive.OpenInterface,
		ListenNames: func() (net.PacketConn, error) { return net.ListenPacket("udp", ":0") },
		DialNames:   (&net.Dialer{}).DialContext,
		ListenNDP:   ndp.Listen,
		AddrsV6:     SystemAddrsV6,

		ListInterfaces: net.Interfaces,
	}
}

// Options are one sweep's settings.
type Options struct {
	Targets   *targets.Set
	Interface string // force one interface; "" = routing table
	Rate      int    // packets per second, every protocol together
	// Limiter, when set, paces the sweep instead of Rate: a service hands
	// the same limiter to every sweep it runs, so concurrent sweeps share
	// one packet budget.
	Limiter    *rate.Limiter
	ARPRetries int
	ARPWait    time.Duration
	// Counters, when set, are updated live (progress bars read them).
	Counters *arp.Counters
	// SNMP, when set, adds the SNMP phases: discovery of every live ARP
	// host and every address of routed targets, then collection from the
	// responders.
	SNMP *SNMPOptions
	// MDNS, when set, browses each attached segment alongside ARP (and
	// each IPv6-only link holding IPv6 targets); Recog fills what own
	// rules left unknown (mdns_stage.go).
	MDNS  *MDNSOptions
	Recog *recog.DB
	// Names, when set, asks reverse DNS, NetBIOS and LLMNR what every
	// found host is called (names_stage.go).
	Names *names.Options
	// NDP, when set, finds the IPv6 neighbours of the swept links and
	// joins their addresses to hosts through their MACs (ndp_stage.go).
	NDP *NDPOptions
	// Passive, when set, sends nothing: RunPassive listens instead.
	Passive *PassiveOptions
}

// SNMPOptions configure the SNMP phases of a sweep.
type SNMPOptions struct {
	Credentials    []snmp.Credential
	Port           int
	Timeout        time.Duration
	Retries        int
	Workers        int
	TargetTimeout  time.Duration
	MaxRepetitions int
	MaxRows        int
	// Engine names devices; nil: not identified.
	Engine *fingerprints.Engine
	// Remembered names, per address, the credential set that answered
	// the asset there before (from the CMDB): discovery asks with it
	// alone first and collection tries it first.
	Remembered map[netip.Addr]string
	// FDB configures the reading of switches' forwarding tables, VLAN
	// contexts and CDP; Locate holds the rules that place hosts on
	// switch ports from them (nil: the embedded defaults).
	FDB    snmp.FDBOptions
	Locate *locate.Rules
}

// LocateStats count the location of hosts on switch ports.
type LocateStats struct {
	Switches int // switches whose forwarding table was read
	Entries  int // forwarding entries read
	Located  int // MACs placed on an access port
	Uplinks  int // ports judged uplinks or trunks
	Duration time.Duration
}

// SNMPStats count the SNMP phases.
type SNMPStats struct {
	Probed     int // addresses sent discovery
	Responders int // addresses that answered discovery
	Collected  int // devices walked
	Failed     int // responders whose walk failed
	RouterARP  int // hosts learnt from routers' ARP caches
	RouterND   int // IPv6 addresses learnt from routers' neighbour tables
	// Partial counts devices walked only in part, and Reasons each
	// reason (record.ReasonMaxRows...) by the devices it cut.
	Partial int
	Reasons map[string]int
	// Locate counts the location of hosts from forwarding tables.
	Locate LocateStats
}

// Skip is a part of the targets that was not swept, and why.
type Skip struct {
	Target string `json:"target"`
	Reason string `json:"reason"`
}

// Report is a finished (or cancelled) sweep. Host records are not held in
// memory: Each builds them one at a time from the compact ARP results (a
// /16 is 65,536 of them), merging what other stages added by IP.
type Report struct {
	Skipped   []Skip
	Probed    int
	Sent      int
	Found     int // hosts reported: ARP's and those other stages found beside them
	Malformed int
	Start     time.Time
	Duration  time.Duration
	// Partial is true when the sweep was cancelled before it finished.
	Partial bool
	// Swept holds the addresses actually asked, as the fewest prefixes
	// that hold exactly them (a CMDB counts absence only there): the
	// targets within each segment swept to the end, exclusions left out.
	Swept []netip.Prefix
	// SharedMACs lists MACs that answered for more than one address, with
	// their count: the one-line-per-MAC summary for stderr.
	SharedMACs []SharedMAC
	// SNMP counts the SNMP phases, when they ran.
	SNMP SNMPStats
	// MDNS and Passive count those stages, when they ran.
	MDNS    MDNSStats
	Passive PassiveStats
	// Names counts the names stage, when it ran.
	Names NamesStats
	// NDP counts the IPv6 neighbour discovery, when it ran.
	NDP NDPStats
	// Extra holds what other stages learned (SNMP, router ARP tables, mDNS),
	// keyed by IP: merged into the ARP host with the same IP, or emitted as
	// a host of its own.
	Extra map[netip.Addr]*record.Asset

	// Ports are the switch ports the location rules judged, with their
	// MAC counts and, for uplinks, the rule and reason.
	Ports []locate.Port

	arp       *arpRecords
	names     map[netip.Addr]*names.Result
	locations map[string]locate.Conclusion
	// ndp holds, per MAC (as a string of its bytes), the IPv6 addresses
	// NDP or routers' neighbour tables saw it answer from, for the hosts
	// other stages found; routerND are the routers' IPv6 entries.
	ndp      map[string]*v6Of
	routerND []record.Observation
	// ndpOnly are the hosts NDP or routers' neighbour tables alone found
	// (no IPv4 address): the IPv6 address that keys each one's record,
	// and every address its MAC answered from (link-local too).
	ndpOnly map[netip.Addr][]netip.Addr
}

// Add merges rec into the report's extra records, by IP.
func (r *Report) Add(rec *record.Asset) {
	if r.Extra == nil {
		r.Extra = map[netip.Addr]*record.Asset{}
	}
	if old, ok := r.Extra[rec.IP]; ok {
		old.Merge(rec)
		return
	}
	r.Extra[rec.IP] = rec
}

// Len is the number of host records Each yields.
func (r *Report) Len() int {
	n := 0
	if r.arp != nil {
		n = len(r.arp.hosts)
	}
	for ip := range r.Extra {
		if r.arp == nil || !r.arp.has(ip) {
			n++
		}
	}
	return n
}

// Each calls fn with every host record in IP order. The record is fn's to
// keep.
func (r *Report) Each(fn func(*record.Asset) error) error {
	extra := make([]netip.Addr, 0, len(r.Extra))
	for ip := range r.Extra {
		extra = append(extra, ip)
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i].Less(extra[j]) })
	var hosts []arp.Host
	if r.arp != nil {
		hosts = r.arp.hosts
	}
	i, j := 0, 0
	for i < len(hosts) || j < len(extra) {
		var rec record.Asset
		switch {
		case j >= len(extra) || i < len(hosts) && hosts[i].IP.Less(extra[j]):
			rec = r.arp.record(&hosts[i])
			i++
		case i >= len(hosts) || extra[j].Less(hosts[i].IP):
			rec = *r.Extra[extra[j]]
			j++
		default:
			rec = r.arp.record(&hosts[i])
			rec.Merge(r.Extra[extra[j]])
			i++
			j++
		}
		r.applyNDP(&rec)
		r.applyNames(&rec)
		if rec.Location == nil && len(r.locations) > 0 {
			locate.Apply(&rec, r.locations)
		}
		if err := fn(&rec); err != nil {
			return err
		}
	}
	return nil
}

// Hosts returns every host record: for tests and small sweeps. Large
// sweeps should use Each.
func (r *Report) Hosts() []record.Asset {
	out := make([]record.Asset, 0, r.Len())
	r.Each(func(a *record.Asset) error { out = append(out, *a); return nil })
	return out
}

// SharedMAC is one MAC answering for several addresses.
type SharedMAC struct {
	MAC   record.MAC
	Count int
}

// Run sweeps opts.Targets. Errors opening sockets abort before anything is
// sent (so a missing capability is reported once, cleanly); a cancelled ctx
// returns the partial report with ctx's error.
func Run(ctx context.Context, env Env, opts Options) (*Report, error) {
	log := env.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.Passive != nil {
		return RunPassive(ctx, env, opts.Targets, opts.Interface, *opts.Passive)
	}
	routes, err := env.Routes()
	if err != nil {
		return nil, err
	}
	segs, err := arp.Segments(routes, env.Interfaces, opts.Interface)
	if err != nil && !(errors.Is(err, arp.ErrNoAddress) && len(opts.Targets.IPv6()) > 0) {
		return nil, err
	}
	// (An interface with IPv6 alone has no segment: NDP asks its link.)
	prefixes := make([]netip.Prefix, len(segs))
	for i, s := range segs {
		prefixes[i] = s.Prefix
	}
	in, rest := opts.Targets.Split(prefixes)
	rep := &Report{Start: time.Now().UTC()}
	for _, r := range rest {
		reason := arp.Explain(routes, r.From)
		if opts.Interface != "" {
			reason = fmt.Sprintf("not on a segment of interface %s", opts.Interface)
		}
		rep.Skipped = append(rep.Skipped, Skip{Target: r.String(), Reason: reason})
	}
	links, offLink := ndpLinks(env, segs, in, opts.Targets.IPv6(), opts.Interface, log)
	if opts.NDP == nil || env.ListenNDP == nil {
		// No NDP: IPv6 targets on a link are not asked.
		for _, l := range links {
			for _, a := range l.targets {
				rep.Skipped = append(rep.Skipped, Skip{Target: a.String(), Reason: "IPv6 neighbour discovery is off"})
			}
		}
	}
	if opts.SNMP == nil {
		for _, a := range offLink {
			rep.Skipped = append(rep.Skipped, Skip{Target: a.String(), Reason: "not on an attached IPv6 link (only SNMP asks routed IPv6 targets, and it is off)"})
		}
	}

	type job struct {
		seg   arp.Segment
		addrs []netip.Addr
		conn  net.PacketConn
	}
	var jobs []job
	for _, s := range segs {
		// The sweeping host's own address never answers its own request.
		addrs := slices.DeleteFunc(in[s.Prefix], func(a netip.Addr) bool { return a == s.Source })
		if len(addrs) == 0 {
			continue
		}
		conn, err := env.ListenARP(s.Interface)
		if err != nil {
			for _, j := range jobs {
				j.conn.Close()
			}
			return nil, err
		}
		jobs = append(jobs, job{seg: s, addrs: addrs, conn: conn})
	}

	mdnsWait := startMDNS(ctx, env, opts.MDNS, segs, in, links, log)
	limit := rate.Limit(opts.Rate)
	if opts.Rate <= 0 {
		limit = rate.Inf
	}
	// A burst of 5 ms worth keeps pacing smooth at high rates without
	// one-packet wake-ups.
	burst := max(1, opts.Rate/200)
	limiter := rate.NewLimiter(limit, burst)
	if opts.Limiter != nil {
		limiter = opts.Limiter
	}
	counters := opts.Counters
	if counters == nil {
		counters = &arp.Counters{}
	}
	ndpWait := startNDP(ctx, env, opts.NDP, links, limiter, log)
	namesRun := startNames(ctx, env, opts.Names, limiter, log)

	results := make([]*arp.Result, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer j.conn.Close()
			log.Info("arp sweep", "interface", j.seg.Interface.Name, "segment", j.seg.Prefix, "addresses", len(j.addrs))
			results[i], errs[i] = arp.Sweep(ctx, j.conn, arp.Config{
				HardwareAddr: j.seg.Interface.HardwareAddr,
				SourceIP:     j.seg.Source,
				Ifindex:      j.seg.Interface.Index,
				Limiter:      limiter,
				Retries:      opts.ARPRetries,
				Wait:         opts.ARPWait,
				Counters:     counters,
				Logger:       log.With("scanner", "arp", "interface", j.seg.Interface.Name),
			}, j.addrs)
			// The segment's hosts are asked their names once its ARP
			// sweep ends, not as each answers: the kernel resolves a
			// host's MAC before its first names question, and the
			// host's answer to that would count, on the sweep's raw
			// socket, as a duplicate reply to the sweep's own request.
			if results[i] != nil {
				for _, h := range results[i].Hosts {
					namesRun.found(h.IP)
				}
			}
		}()
	}
	wg.Wait()

	var hosts []arp.Host
	var firstErr error
	for i, r := range results {
		if r != nil {
			hosts = append(hosts, r.Hosts...)
			rep.Probed += r.Probed
			rep.Sent += r.Sent
			rep.Malformed += r.Malformed
		}
		if errs[i] != nil && firstErr == nil {
			firstErr = errs[i]
		}
		if errs[i] == nil {
			// The addresses asked (exclusions and other targets left
			// out), not the whole segment: absence counts only there.
			rep.Swept = append(rep.Swept, targets.Prefixes(jobs[i].addrs)...)
		}
	}
	rep.arp = newARPRecords(hosts, env.OUI)
	rep.SharedMACs = rep.arp.shared
	ndpDone := ndpWait()
	if opts.SNMP != nil && firstErr == nil && ctx.Err() == nil {
		if env.ListenSNMP == nil || env.DialSNMP == nil {
			log.Info("snmp phases off: no SNMP socket in this environment")
		} else {
			addrs := make([]netip.Addr, 0, len(rep.arp.hosts))
			for _, h := range rep.arp.hosts {
				addrs = append(addrs, h.IP)
			}
			for _, r := range rest {
				for a := r.From; a.IsValid() && !r.To.Less(a); a = a.Next() {
					addrs = append(addrs, a)
				}
			}
			addrs = append(addrs, offLink...)
			firstErr = runSNMP(ctx, env, *opts.SNMP, limiter, addrs, rep, log)
		}
	}
	foldNDP(rep, ndpDone, opts.Targets, env.OUI, log)
	namesRun.finish(rep, firstErr != nil || ctx.Err() != nil, log)
	finishStages(rep, opts, mdnsWait, log)
	// Every host the sweep reports: ARP's, and those NDP (IPv6 alone),
	// routers' tables or mDNS found beside them.
	rep.Found = rep.Len()
	rep.Duration = time.Since(rep.Start)
	if firstErr != nil {
		if errors.Is(firstErr, context.Canceled) || errors.Is(firstErr, context.DeadlineExceeded) {
			rep.Partial = true
		}
		return rep, firstErr
	}
	return rep, nil
}

// arpRecords turns ARP hosts into host records on demand, with the
// anomalies that only the whole picture shows: one IP with several MACs,
// one MAC with several IPs, virtual MACs, more replies than requests.
type arpRecords struct {
	hosts  []arp.Host // sorted by IP
	reg    *oui.Registry
	ipsBy  map[string]int // MAC -> addresses it answered for
	shared []SharedMAC
	detail map[string]string // MAC -> shared_mac detail, one string per MAC
}

func newARPRecords(hosts []arp.Host, reg *oui.Registry) *arpRecords {
	sort.Slice(hosts, func(i, j int) bool { return hosts[i].IP.Less(hosts[j].IP) })
	r := &arpRecords{hosts: hosts, reg: reg, ipsBy: map[string]int{}, detail: map[string]string{}}
	for _, h := range hosts {
		for _, rp := range h.Replies {
			r.ipsBy[string(rp.MAC)]++
		}
	}
	for m, n := range r.ipsBy {
		if n > 1 {
			mac := record.MAC(m)
			r.shared = append(r.shared, SharedMAC{MAC: mac, Count: n})
			r.detail[m] = fmt.Sprintf("%s answers for %d addresses (proxy ARP, virtual router or secondary addresses)", mac, n)
		}
	}
	sort.Slice(r.shared, func(i, j int) bool {
		if r.shared[i].Count != r.shared[j].Count {
			return r.shared[i].Count > r.shared[j].Count
		}
		return r.shared[i].MAC.String() < r.shared[j].MAC.String()
	})
	return r
}

func (r *arpRecords) has(ip netip.Addr) bool {
	i := sort.Search(len(r.hosts), func(i int) bool { return !r.hosts[i].IP.Less(ip) })
	return i < len(r.hosts) && r.hosts[i].IP == ip
}

func (r *arpRecords) record(h *arp.Host) record.Asset {
	a := record.Asset{IP: h.IP, Sources: []record.Source{record.SourceARP}}
	if len(h.Replies) == 0 {
		return a
	}
	first := h.Replies[0]
	a.MAC = record.MAC(first.MAC)
	a.FirstSeen = first.First.Truncate(time.Second)
	a.LastSeen = a.FirstSeen
	if r.reg != nil {
		a.MACVendor = oui.Label(r.reg, first.MAC)
	}
	for _, rp := range h.Replies {
		if t := rp.First.Truncate(time.Second); t.After(a.LastSeen) {
			a.LastSeen = t
		}
	}
	if len(h.Replies) > 1 {
		var macs []string
		for _, rp := range h.Replies {
			a.MACs = append(a.MACs, record.MAC(rp.MAC))
			macs = append(macs, rp.MAC.String())
		}
		a.Anomalies = append(a.Anomalies, record.Anomaly{
			Kind:   record.AnomalyIPConflict,
			Detail: fmt.Sprintf("%s answered by %d MACs: %s (address conflict or ARP spoofing)", h.IP, len(macs), strings.Join(macs, ", ")),
		})
	}
	for _, rp := range h.Replies {
		if d, ok := r.detail[string(rp.MAC)]; ok {
			a.Anomalies = append(a.Anomalies, record.Anomaly{Kind: record.AnomalySharedMAC, Detail: d})
		}
		if rp.Virtual != "" {
			a.Anomalies = append(a.Anomalies, record.Anomaly{
				Kind:   record.AnomalyVirtualMAC,
				Detail: fmt.Sprintf("%s is a %s virtual MAC: the address belongs to a redundant gateway, not one device", rp.MAC, rp.Virtual),
			})
		}
		if h.Requests > 0 && rp.Count > h.Requests {
			a.Anomalies = append(a.Anomalies, record.Anomaly{
				Kind:   record.AnomalyDuplicateReplies,
				Detail: fmt.Sprintf("%s sent %d replies to %d requests", rp.MAC, rp.Count, h.Requests),
			})
		}
	}
	return a
}

// Records turns ARP hosts into host records (all at once: for tests and
// small sweeps) and lists the MACs shared by several addresses.
func Records(hosts []arp.Host, reg *oui.Registry) ([]record.Asset, []SharedMAC) {
	r := newARPRecords(hosts, reg)
	out := make([]record.Asset, len(r.hosts))
	for i := range r.hosts {
		out[i] = r.record(&r.hosts[i])
	}
	return out, r.shared
}

// runSNMP is the two SNMP phases: discovery of addrs from one socket,
// paced by the sweep's limiter, then collection from the responders with
// a bounded pool. Results are merged into rep by IP.
func runSNMP(ctx context.Context, env Env, o SNMPOptions, limiter *rate.Limiter, addrs []netip.Addr, rep *Report, log *slog.Logger) error {
	if len(addrs) == 0 {
		return nil
	}
	if len(o.Credentials) == 0 {
		o.Credentials = snmp.DefaultCredentials()
	}
	if o.Port == 0 {
		o.Port = 161
	}
	log.Info("snmp discovery", "addresses", len(addrs))
	remembered := snmp.Remembered(o.Credentials, o.Remembered)
	found, err := snmp.Discover(ctx, addrs, snmp.DiscoverOptions{
		Port: o.Port, Credentials: o.Credentials, Limiter: limiter, Remembered: remembered,
		Timeout: o.Timeout, Retries: o.Retries, Listen: env.ListenSNMP,
		Logger: log.With("scanner", "snmp"),
	})
	rep.SNMP.Probed = len(addrs)
	rep.SNMP.Responders = len(found)
	if err != nil {
		return err
	}
	tgts := make([]snmp.Target, 0, len(found))
	for a, r := range found {
		tgts = append(tgts, snmp.Target{Addr: netip.AddrPortFrom(a, uint16(o.Port)), Credential: r.Credential, EngineID: r.EngineID})
	}
	sort.Slice(tgts, func(i, j int) bool { return tgts[i].Addr.Addr().Less(tgts[j].Addr.Addr()) })
	col := snmp.NewCollector(snmp.CollectOptions{
		Credentials: o.Credentials, Dial: env.DialSNMP(o.Timeout, o.Retries),
		Timeout: o.Timeout, Retries: o.Retries, TargetTimeout: o.TargetTimeout,
		MaxRepetitions: o.MaxRepetitions, MaxRows: o.MaxRows, Workers: o.Workers,
		Engine: o.Engine, Logger: log, Remembered: remembered, FDB: o.FDB,
	})
	var arpSeen []record.Observation
	var switches []locate.Switch
	for res := range col.Stream(ctx, tgts) {
		if !res.Answered {
			rep.SNMP.Failed++
			log.Info("snmp collection failed", "scanner", "snmp", "target", res.Target.Addr(), "err", res.Err)
			// What discovery heard is still worth a record.
			if r := found[res.Target.Addr()]; r != nil {
				a := snmp.FromResponder(r)
				rep.Add(&a)
			}
			continue
		}
		if res.Err != nil {
			log.Info("snmp collection partial", "scanner", "snmp", "target", res.Target.Addr(), "err", res.Err)
		}
		rep.SNMP.Collected++
		if c := res.Asset.Collection; c != nil && c.Status == record.CollectionPartial {
			rep.SNMP.Partial++
			if rep.SNMP.Reasons == nil {
				rep.SNMP.Reasons = map[string]int{}
			}
			seen := map[string]bool{}
			for _, r := range c.Reasons {
				if !seen[r.Reason] {
					seen[r.Reason] = true
					rep.SNMP.Reasons[r.Reason]++
				}
			}
		}
		a := res.Asset
		rep.Add(&a)
		arpSeen = append(arpSeen, res.RouterARP...)
		if len(res.FDB) > 0 {
			switches = append(switches, locate.SwitchOf(res.Target.Addr(), &res.Asset, res.FDB, time.Now()))
		}
	}
	if len(switches) > 0 {
		if err := locateHosts(o, switches, rep, log); err != nil {
			return err
		}
	}
	// Router ARP entries after every device's own record, so a device's
	// SNMP answers win over what its neighbours' caches say.
	for i := range arpSeen {
		a := arpSeen[i].Asset
		if arpSeen[i].Source == record.SourceRouterND {
			// IPv6 entries join hosts through their MACs (ndp_stage.go).
			rep.routerND = append(rep.routerND, arpSeen[i])
			continue
		}
		if a.FirstSeen.IsZero() {
			a.FirstSeen = arpSeen[i].Time.Truncate(time.Second)
			a.LastSeen = a.FirstSeen
		}
		rep.Add(&a)
	}
	rep.SNMP.RouterARP = len(arpSeen) - len(rep.routerND)
	rep.SNMP.RouterND = len(rep.routerND)
	return ctx.Err()
}

// locateHosts places the hosts whose MACs the switches learnt on access
// ports (applied to the records by Each) and keeps the judged ports.
func locateHosts(o SNMPOptions, switches []locate.Switch, rep *Report, log *slog.Logger) error {
	start := time.Now()
	rules := o.Locate
	if rules == nil {
		r, err := locate.Default()
		if err != nil {
			return err
		}
		rules = &r
	}
	found, ports := rules.Locate(switches)
	rep.locations, rep.Ports = found, ports
	st := &rep.SNMP.Locate
	st.Switches, st.Located = len(switches), len(found)
	for _, s := range switches {
		st.Entries += len(s.FDB)
	}
	for _, p := range ports {
		if p.Uplink {
			st.Uplinks++
			log.Debug("uplink port", "scanner", "locate", "switch", p.Switch.Name, "port", p.Port, "rule", p.Rule, "reason", p.Reason)
		}
	}
	st.Duration = time.Since(start)
	log.Info("hosts located on switch ports", "scanner", "locate", "switches", st.Switches, "entries", st.Entries, "located", st.Located, "uplinks", st.Uplinks, "duration", st.Duration)
	return nil
}
