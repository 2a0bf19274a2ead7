// Package passive listens without sending and reports the hosts it heard:
// ARP senders, mDNS responders and DHCP clients (host name, vendor class,
// parameter request list). Frames come from a live packet socket
// (github.com/mdlayher/packet, read with deadlines) or from a pcap / pcapng
// file (read by capture.go); both go through the same Decoder, whose
// header decoders (frame.go) read only the layers on the way to ARP, DHCP
// and mDNS: Ethernet, Linux SLL or raw IP, VLAN tags, LLC/SNAP, IPv4, IPv6
// and its extension headers, UDP, BOOTP/DHCPv4. They are this package's own, not
// gopacket's, whose layers package costs every process tens of
// milliseconds of init. UDP 5353 payloads are decoded by scanner/mdns's
// Table.
package passive

import (
	"fmt"
	"net"
	"net/netip"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	fpmdns "github.com/netcensus/netcensus/fingerprints/mdns"
	"github.com/netcensus/netcensus/fingerprints/recog"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/mdns"
)

// Limits bound a Decoder. Zero fields take the defaults.
type Limits struct {
	// MaxHosts is how many hosts are kept (default 4096).
	MaxHosts int
	// MaxFrameBytes skips larger frames (default 65535).
	MaxFrameBytes int
	// MDNS bounds the mDNS decoding.
	MDNS mdns.Limits
}

// Stats count what a Decoder read.
type Stats struct {
	Frames int `json:"frames"`
	Bytes  int `json:"bytes"`
	ARP    int `json:"arp"`
	MDNS   int `json:"mdns"`
	DHCP   int `json:"dhcp"`
	// NDP counts IPv6 neighbour solicitations and advertisements and
	// router advertisements that named an address and its MAC.
	NDP int `json:"ndp,omitempty"`
	// Malformed counts frames with a truncated or inconsistent header on
	// the way to ARP / DHCP / mDNS (ARP packets other than Ethernet/IPv4
	// among them), or with an EtherType or IP protocol unknown to the
	// gopacket-based decoder this package once had, which counted them so;
	// and a capture file's unreadable last record.
	Malformed int `json:"malformed"`
	Oversize  int `json:"oversize"`
	// DroppedHosts counts hosts not kept (MaxHosts).
	DroppedHosts int `json:"dropped_hosts"`
	// Panics counts frames whose decoding panicked; the frame is dropped
	// and reading goes on. The decoders are written (and fuzzed) never to
	// panic: this is a last guard.
	Panics int `json:"panics"`
	// MDNSStats is the mDNS decoder's own count.
	MDNSStats mdns.Stats `json:"mdns_stats"`
}

// Dropped is everything thrown away.
func (s Stats) Dropped() int {
	return s.Malformed + s.Oversize + s.DroppedHosts + s.Panics + s.MDNSStats.Dropped()
}

// DHCP is what a client's requests said.
type DHCP struct {
	Hostname    string
	VendorClass string
	// ParamRequestList is option 55, in the client's order: together with
	// the vendor class, a fingerprint of its DHCP stack.
	ParamRequestList []uint8
	RequestedIP      netip.Addr
}

type host struct {
	key   string // string(mac): its key in Decoder.byMAC
	mac   net.HardwareAddr
	ips   []netip.Addr
	dhcp  DHCP
	seen  map[record.Source]bool
	first time.Time
	last  time.Time
	how   map[string]bool // arp, mdns, dhcp
}

// Decoder accumulates what frames say about hosts. Safe for concurrent use.
type Decoder struct {
	lim   Limits
	mu    sync.Mutex
	stats Stats
	byMAC map[string]*host
	ipMAC map[netip.Addr]string
	mdns  *mdns.Table
}

// NewDecoder returns an empty decoder.
func NewDecoder(lim Limits) *Decoder {
	if lim.MaxHosts <= 0 {
		lim.MaxHosts = 4096
	}
	if lim.MaxFrameBytes <= 0 {
		lim.MaxFrameBytes = 65535
	}
	return &Decoder{
		lim:   lim,
		byMAC: map[string]*host{},
		ipMAC: map[netip.Addr]string{},
		mdns:  mdns.NewTable(lim.MDNS),
	}
}

// Stats returns the counts so far.
func (d *Decoder) Stats() Stats {
	d.mu.Lock()
	defer d.mu.Unlock()
	s := d.stats
	s.MDNSStats = d.mdns.Stats()
	return s
}

// Frame decodes one captured frame of the given link type; frames of link
// types other than Ethernet, Linux SLL and raw IP are ignored. Frame keeps
// no reference to data.
func (d *Decoder) Frame(data []byte, link LinkType, at time.Time) {
	d.mu.Lock()
	d.stats.Frames++
	d.stats.Bytes += len(data)
	if len(data) > d.lim.MaxFrameBytes {
		d.stats.Oversize++
		d.mu.Unlock()
		return
	}
	d.mu.Unlock()
	defer func() {
		// decodeFrame is written and fuzzed never to panic; should it
		// all the same, a hostile frame must not end a capture.
		if r := recover(); r != nil {
			d.mu.Lock()
			d.stats.Panics++
			d.mu.Unlock()
		}
	}()
	f := decodeFrame(data, link)
	switch f.kind {
	case kindMalformed:
		d.mu.Lock()
		d.stats.Malformed++
		d.mu.Unlock()
	case kindARP:
		d.arp(&f.arp, at)
	case kindDHCP:
		d.dhcp(&f.dhcp, at)
	case kindMDNS:
		d.mdnsFrame(&f, at)
	case kindNDP:
		d.ndpFrame(&f.ndp, at)
	}
}

// ndpFrame records the address and MAC an NDP message names. Link-local
// addresses are left out: they name no host a sweep reports, and every
// interface brought up sends them.
func (d *Decoder) ndpFrame(n *ndpInfo, at time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stats.NDP++
	if n.addr.IsLinkLocalUnicast() || n.addr.IsMulticast() || n.addr.IsLoopback() {
		return
	}
	d.sawLocked(n.mac, n.addr.WithZone(""), "ndp", at)
}

// mdnsFrame records an mDNS packet's sender (an IPv4 source with its MAC)
// and hands the payload to the mDNS table.
func (d *Decoder) mdnsFrame(f *frameInfo, at time.Time) {
	d.mu.Lock()
	d.stats.MDNS++
	if f.src.Is4() && len(f.srcMAC) == 6 && !f.src.IsUnspecified() {
		d.sawLocked(f.srcMAC, f.src, "mdns", at)
	}
	d.mu.Unlock()
	d.mdns.Add(f.payload, f.src, at)
}

func (d *Decoder) arp(a *arpInfo, at time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stats.ARP++
	if !a.ok {
		d.stats.Malformed++
		return
	}
	ip := netip.AddrFrom4([4]byte(a.spa))
	if ip.IsUnspecified() {
		// An ARP probe (RFC 5227): the MAC is there, its address is not yet.
		d.sawLocked(a.sha, netip.Addr{}, "arp", at)
		return
	}
	d.sawLocked(a.sha, ip, "arp", at)
}

// DHCP options read from clients' requests.
const (
	dhcpOptRequestedIP = 50
	dhcpOptHostname    = 12
	dhcpOptParams      = 55
	dhcpOptVendorClass = 60
)

func (d *Decoder) dhcp(dh *dhcpInfo, at time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stats.DHCP++
	if dh.op != 1 || dh.hlen != 6 { // BOOTREQUEST from an Ethernet MAC
		return
	}
	var ip netip.Addr
	if a := netip.AddrFrom4([4]byte(dh.ciaddr)); !a.IsUnspecified() {
		ip = a
	}
	h := d.sawLocked(dh.chaddr[:6], ip, "dhcp", at)
	if h == nil {
		return
	}
	// The options were checked whole by decodeFrame; a later occurrence
	// of an option overrides an earlier one.
	for it := dh.options; ; {
		code, v, st := it.next()
		if st != optOK {
			return
		}
		switch code {
		case dhcpOptHostname:
			h.dhcp.Hostname = clip(string(v), 255)
		case dhcpOptVendorClass:
			h.dhcp.VendorClass = clip(string(v), 255)
		case dhcpOptParams:
			h.dhcp.ParamRequestList = append([]uint8(nil), v...)
		case dhcpOptRequestedIP:
			if len(v) == 4 {
				h.dhcp.RequestedIP = netip.AddrFrom4([4]byte(v))
			}
		}
	}
}

func clip(s string, n int) string {
	if len(s) > n {
		s = s[:n]
	}
	return strings.TrimRight(record.Sanitize(s), " ")
}

// sawLocked records mac (and ip, when valid) as heard. d.mu is held.
// mac may point into a frame: it is copied if kept.
func (d *Decoder) sawLocked(mac []byte, ip netip.Addr, how string, at time.Time) *host {
	if mac[0]&1 != 0 || isZero(mac) {
		return nil // broadcast / multicast / zero source: not a host
	}
	h, ok := d.byMAC[string(mac)] // no allocation for the lookup
	if !ok {
		if len(d.byMAC) >= d.lim.MaxHosts {
			d.stats.DroppedHosts++
			return nil
		}
		h = &host{key: string(mac), mac: append(net.HardwareAddr(nil), mac...), first: at, how: map[string]bool{}}
		d.byMAC[h.key] = h
	}
	if at.Before(h.first) {
		h.first = at
	}
	if at.After(h.last) {
		h.last = at
	}
	h.how[how] = true
	if ip.IsValid() {
		have := false
		for _, x := range h.ips {
			have = have || x == ip
		}
		if !have && len(h.ips) < 8 {
			h.ips = append(h.ips, ip)
		}
		d.ipMAC[ip] = h.key
	}
	return h
}

func isZero(mac []byte) bool {
	for _, b := range mac {
		if b != 0 {
			return false
		}
	}
	return true
}

// Assets returns one record per host heard, sorted by address then MAC.
// mDNS facts come from rules (nil: none); Recog's DHCP vendor-class
// fingerprints from db (nil: none) fill what the rest left empty.
func (d *Decoder) Assets(rules *fpmdns.Rules, db *recog.DB) []record.Asset {
	mhosts := d.mdns.Hosts()
	d.mu.Lock()
	defer d.mu.Unlock()
	mAssets := mdns.Assets(mhosts, rules, record.SourcePassive, time.Time{})
	out := map[string]*record.Asset{}
	var order []string
	for key, h := range d.byMAC {
		a := &record.Asset{MAC: record.MAC(h.mac), FirstSeen: h.first.UTC(), LastSeen: h.last.UTC()}
		if len(h.ips) > 0 {
			// An IPv4 address first: IPv6 ones join it, through the MAC.
			a.IP = h.ips[0]
			if i := slices.IndexFunc(h.ips, netip.Addr.Is4); i > 0 {
				a.IP = h.ips[i]
			}
		}
		if len(h.ips) > 1 {
			a.IPs = append([]netip.Addr(nil), h.ips...)
		}
		if !a.IP.IsValid() && h.dhcp.RequestedIP.IsValid() {
			a.IP = h.dhcp.RequestedIP
		}
		a.AddSource(record.SourcePassive)
		if h.how["ndp"] {
			a.AddSource(record.SourceNDP)
		}
		dhcpInto(a, h.dhcp, db)
		out[key] = a
		order = append(order, key)
	}
	for i := range mAssets {
		ma := &mAssets[i]
		key, ok := d.ipMAC[ma.IP]
		if !ok {
			k := "ip:" + ma.IP.String()
			out[k] = ma
			order = append(order, k)
			continue
		}
		a := out[key]
		mergeMDNS(a, ma)
	}
	res := make([]record.Asset, 0, len(order))
	for _, k := range order {
		res = append(res, *out[k])
	}
	sort.Slice(res, func(i, j int) bool {
		ai, aj := res[i].IP, res[j].IP
		if ai != aj {
			if !ai.IsValid() || !aj.IsValid() {
				return ai.IsValid()
			}
			return ai.Less(aj)
		}
		return res[i].MAC.String() < res[j].MAC.String()
	})
	return res
}

// mergeMDNS lays what mDNS said over a host's record, filling gaps.
func mergeMDNS(a, m *record.Asset) {
	fill := func(dst *string, src string, field string) {
		if *dst == "" && src != "" {
			*dst = src
			if ev, ok := m.Evidence[field]; ok {
				if a.Evidence == nil {
					a.Evidence = map[string]record.Evidence{}
				}
				a.Evidence[field] = ev
			}
		}
	}
	fill(&a.Hostname, m.Hostname, "hostname")
	fill(&a.Vendor, m.Vendor, "vendor")
	fill(&a.Model, m.Model, "model")
	fill(&a.OS, m.OS, "os")
	fill(&a.OSVersion, m.OSVersion, "os_version")
	fill(&a.DeviceType, m.DeviceType, "device_type")
	fill(&a.Serial, m.Serial, "serial")
	if ev, ok := m.Evidence["uuid"]; ok {
		if a.Evidence == nil {
			a.Evidence = map[string]record.Evidence{}
		}
		a.Evidence["uuid"] = ev
	}
	a.Services = append(a.Services, m.Services...)
	if !a.IP.IsValid() {
		a.IP = m.IP
	}
	if a.FirstSeen.IsZero() || (!m.FirstSeen.IsZero() && m.FirstSeen.Before(a.FirstSeen)) {
		a.FirstSeen = m.FirstSeen
	}
}

// dhcpInto records what a client's DHCP requests said: the host name it
// asked for, and (as evidence, there being no field for them) its vendor
// class and parameter request list; Recog's vendor-class fingerprints
// fill vendor, model, OS and device type.
func dhcpInto(a *record.Asset, dh DHCP, db *recog.DB) {
	ev := func(key, rule, v string) {
		if a.Evidence == nil {
			a.Evidence = map[string]record.Evidence{}
		}
		a.Evidence[key] = record.Evidence{Rule: rule, Source: record.SourcePassive, Value: v}
	}
	if dh.Hostname != "" && a.Hostname == "" {
		a.Hostname = dh.Hostname
		ev("hostname", "dhcp-option-12", dh.Hostname)
	}
	if dh.VendorClass != "" {
		ev("dhcp_vendor_class", "dhcp-option-60", dh.VendorClass)
		if m, ok := db.Match(recog.DHCPVendorClass, dh.VendorClass); ok {
			recog.Fill(a, m, record.Evidence{Source: record.SourcePassive, TXT: "dhcp option 60", Value: dh.VendorClass})
		}
	}
	if len(dh.ParamRequestList) > 0 {
		parts := make([]string, len(dh.ParamRequestList))
		for i, o := range dh.ParamRequestList {
			parts[i] = strconv.Itoa(int(o))
		}
		ev("dhcp_parameter_request_list", "dhcp-option-55", strings.Join(parts, ","))
	}
}

// String describes the counts for a summary line.
func (s Stats) String() string {
	if s.NDP > 0 {
		return fmt.Sprintf("frames=%d arp=%d mdns=%d dhcp=%d ndp=%d malformed=%d dropped=%d", s.Frames, s.ARP, s.MDNS, s.DHCP, s.NDP, s.Malformed, s.Dropped())
	}
	return fmt.Sprintf("frames=%d arp=%d mdns=%d dhcp=%d malformed=%d dropped=%d", s.Frames, s.ARP, s.MDNS, s.DHCP, s.Malformed, s.Dropped())
}
