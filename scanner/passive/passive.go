// Package passive listens without sending and reports the hosts it heard:
// ARP senders, mDNS responders and DHCP clients (host name, vendor class,
// parameter request list). Frames come from a live packet socket
// (github.com/mdlayher/packet, read with deadlines) or from a pcap / pcapng
// file; both go through the same Decoder, built on gopacket's layers. UDP
// 5353 payloads are decoded by scanner/mdns's Table (gopacket does not
// decode them as DNS).
package passive

import (
	"fmt"
	"net"
	"net/netip"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"

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
	Frames    int `json:"frames"`
	Bytes     int `json:"bytes"`
	ARP       int `json:"arp"`
	MDNS      int `json:"mdns"`
	DHCP      int `json:"dhcp"`
	Malformed int `json:"malformed"` // frames gopacket could not decode
	Oversize  int `json:"oversize"`
	// DroppedHosts counts hosts not kept (MaxHosts).
	DroppedHosts int `json:"dropped_hosts"`
	// Panics counts frames whose decoding panicked inside gopacket; the
	// frame is dropped and reading goes on.
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
	lim    Limits
	mu     sync.Mutex
	stats  Stats
	byMAC  map[string]*host
	ipMAC  map[netip.Addr]string
	mdns   *mdns.Table
	parser func([]byte, gopacket.Decoder) gopacket.Packet
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
		parser: func(b []byte, d gopacket.Decoder) gopacket.Packet {
			return gopacket.NewPacket(b, d, gopacket.DecodeOptions{Lazy: true, NoCopy: true})
		},
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

// Frame decodes one captured frame of the given link type.
func (d *Decoder) Frame(data []byte, link layers.LinkType, at time.Time) {
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
		// gopacket v1.1.19 has decoders that panic on some malformed
		// input; a hostile frame must not end a capture.
		if r := recover(); r != nil {
			d.mu.Lock()
			d.stats.Panics++
			d.mu.Unlock()
		}
	}()
	p := d.parser(data, link)
	d.packet(p, at)
}

func (d *Decoder) packet(p gopacket.Packet, at time.Time) {
	var srcMAC net.HardwareAddr
	if eth, ok := p.Layer(layers.LayerTypeEthernet).(*layers.Ethernet); ok {
		srcMAC = eth.SrcMAC
	} else if sll, ok := p.Layer(layers.LayerTypeLinuxSLL).(*layers.LinuxSLL); ok && sll.AddrLen == 6 {
		srcMAC = sll.Addr
	}
	if a, ok := p.Layer(layers.LayerTypeARP).(*layers.ARP); ok {
		d.arp(a, at)
		return
	}
	if dh, ok := p.Layer(layers.LayerTypeDHCPv4).(*layers.DHCPv4); ok {
		d.dhcp(dh, at)
		return
	}
	udp, ok := p.Layer(layers.LayerTypeUDP).(*layers.UDP)
	if !ok || (udp.SrcPort != 5353 && udp.DstPort != 5353) {
		if p.ErrorLayer() != nil {
			d.mu.Lock()
			d.stats.Malformed++
			d.mu.Unlock()
		}
		return
	}
	var src netip.Addr
	switch ip := p.NetworkLayer().(type) {
	case *layers.IPv4:
		src, _ = netip.AddrFromSlice(ip.SrcIP.To4())
	case *layers.IPv6:
		src, _ = netip.AddrFromSlice(ip.SrcIP)
	}
	d.mu.Lock()
	d.stats.MDNS++
	if src.Is4() && len(srcMAC) == 6 && !src.IsUnspecified() {
		d.sawLocked(srcMAC, src, "mdns", at)
	}
	d.mu.Unlock()
	d.mdns.Add(udp.Payload, src, at)
}

func (d *Decoder) arp(a *layers.ARP, at time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stats.ARP++
	if a.AddrType != layers.LinkTypeEthernet || len(a.SourceHwAddress) != 6 || len(a.SourceProtAddress) != 4 {
		d.stats.Malformed++
		return
	}
	ip, _ := netip.AddrFromSlice(a.SourceProtAddress)
	mac := net.HardwareAddr(a.SourceHwAddress)
	if ip.IsUnspecified() {
		// An ARP probe (RFC 5227): the MAC is there, its address is not yet.
		d.sawLocked(mac, netip.Addr{}, "arp", at)
		return
	}
	d.sawLocked(mac, ip, "arp", at)
}

func (d *Decoder) dhcp(dh *layers.DHCPv4, at time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stats.DHCP++
	if dh.Operation != layers.DHCPOpRequest || len(dh.ClientHWAddr) != 6 {
		return
	}
	var ip netip.Addr
	if a, ok := netip.AddrFromSlice(dh.ClientIP.To4()); ok && !a.IsUnspecified() {
		ip = a
	}
	h := d.sawLocked(dh.ClientHWAddr, ip, "dhcp", at)
	if h == nil {
		return
	}
	for _, o := range dh.Options {
		switch o.Type {
		case layers.DHCPOptHostname:
			h.dhcp.Hostname = clip(string(o.Data), 255)
		case layers.DHCPOptClassID:
			h.dhcp.VendorClass = clip(string(o.Data), 255)
		case layers.DHCPOptParamsRequest:
			if len(o.Data) <= 255 {
				h.dhcp.ParamRequestList = append([]uint8(nil), o.Data...)
			}
		case layers.DHCPOptRequestIP:
			if a, ok := netip.AddrFromSlice(o.Data); ok && a.Is4() {
				h.dhcp.RequestedIP = a
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
func (d *Decoder) sawLocked(mac net.HardwareAddr, ip netip.Addr, how string, at time.Time) *host {
	if mac[0]&1 != 0 || isZero(mac) {
		return nil // broadcast / multicast / zero source: not a host
	}
	key := string(mac)
	h, ok := d.byMAC[key]
	if !ok {
		if len(d.byMAC) >= d.lim.MaxHosts {
			d.stats.DroppedHosts++
			return nil
		}
		h = &host{mac: append(net.HardwareAddr(nil), mac...), first: at, how: map[string]bool{}}
		d.byMAC[key] = h
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
		d.ipMAC[ip] = key
	}
	return h
}

func isZero(mac net.HardwareAddr) bool {
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
			a.IP = h.ips[0]
		}
		if len(h.ips) > 1 {
			a.IPs = append([]netip.Addr(nil), h.ips...)
		}
		if !a.IP.IsValid() && h.dhcp.RequestedIP.IsValid() {
			a.IP = h.dhcp.RequestedIP
		}
		a.AddSource(record.SourcePassive)
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
	return fmt.Sprintf("frames=%d arp=%d mdns=%d dhcp=%d malformed=%d dropped=%d", s.Frames, s.ARP, s.MDNS, s.DHCP, s.Malformed, s.Dropped())
}
