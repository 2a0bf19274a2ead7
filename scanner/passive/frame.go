package passive

import (
	"encoding/binary"
	mdndp "github.com/mdlayher/ndp"
	xipv6 "golang.org/x/net/ipv6"
	"net/netip"
)

// LinkType is a capture's link-layer header type, numbered as pcap's
// LINKTYPE_ values (the numbers pcap and pcapng files carry).
type LinkType uint32

// The link types Frame decodes; frames of any other link type are ignored.
const (
	LinkEthernet LinkType = 1   // LINKTYPE_ETHERNET
	LinkRaw      LinkType = 101 // LINKTYPE_RAW: an IPv4 or IPv6 header first
	LinkLinuxSLL LinkType = 113 // LINKTYPE_LINUX_SLL: Linux cooked capture v1
	LinkIPv4     LinkType = 228 // LINKTYPE_IPV4
	LinkIPv6     LinkType = 229 // LINKTYPE_IPV6
)

// frameKind is what a frame turned out to be.
type frameKind uint8

const (
	// kindOther: nothing this package listens for (TCP, ICMP, LLDP, a
	// non-first fragment, a header with nothing after it, ...).
	kindOther frameKind = iota
	// kindMalformed: a truncated or inconsistent header on the way to
	// ARP / DHCP / mDNS, or a protocol number nothing knows (see knownEtherType).
	kindMalformed
	kindARP
	kindDHCP
	kindMDNS
	// kindNDP: an IPv6 neighbour solicitation, advertisement or router
	// advertisement naming an address and the MAC it is at.
	kindNDP
)

// frameInfo is what decodeFrame read from one frame. Its slices point into the
// frame's bytes: they are valid only while those are, and whatever is kept
// must be copied.
type frameInfo struct {
	kind frameKind
	// srcMAC is the link-layer source: Ethernet's, or Linux SLL's address
	// when it is 6 bytes long; nil otherwise.
	srcMAC []byte
	arp    arpInfo
	dhcp   dhcpInfo
	// src is the IP source (mDNS).
	src netip.Addr
	// sport, dport and payload are UDP's (mDNS).
	sport, dport uint16
	payload      []byte
	// hop is IPv6's hop limit; ndp is what an NDP message names.
	hop int
	ndp ndpInfo
}

// ndpInfo is an address and the MAC an NDP message says it is at.
type ndpInfo struct {
	addr netip.Addr
	mac  []byte
}

// arpInfo is an ARP packet's sender, when the packet is Ethernet/IPv4
// (hardware type 1, 6-byte hardware and 4-byte protocol addresses).
type arpInfo struct {
	ok       bool
	sha, spa []byte
}

// dhcpInfo is the part of a BOOTP/DHCPv4 message a Decoder reads.
type dhcpInfo struct {
	op, hlen byte
	ciaddr   []byte // 4 bytes
	chaddr   []byte // 16 bytes; the MAC is the first hlen
	options  dhcpOptions
}

// Bounds on the headers followed before the network layer and after it: a
// frame that needs more is treated as garbage, not walked.
const (
	maxLinkHeaders = 8 // VLAN tags, LLC/SNAP
	maxIPv6Headers = 8 // IPv6 extension headers
)

const (
	etherLLC   = 0x0000 // not an EtherType: marks an 802.2 LLC header (IEEE 802.3 frame)
	etherIPv4  = 0x0800
	etherARP   = 0x0806
	etherVLAN  = 0x8100 // 802.1Q
	etherQinQ  = 0x88a8 // 802.1ad
	etherQinQ2 = 0x9100 // pre-standard QinQ
	etherIPv6  = 0x86dd
)

const (
	ipHopByHop = 0
	ipUDP      = 17
	ipICMPv6   = 58
	ipRouting  = 43
	ipFragment = 44
	ipDestOpts = 60
)

func be16(b []byte) uint16 { return binary.BigEndian.Uint16(b) }

// decodeFrame reads one frame of the given link type (Ethernet II, Linux
// SLL, raw IP; others are kindOther). It never panics and allocates
// nothing, whatever the bytes.
//
// What counts as malformed follows the gopacket version of this package
// on the layers read here, so that the count keeps its meaning; in
// particular a layer ending with nothing after it (a frame cut at a header
// boundary) is kindOther, as it was then, and errors in protocols not read
// here (TCP, DNS, LLDP, ...) are no longer counted.
//
// It differs from that version on purpose (FuzzFrameMatchesGopacket holds
// it to the rest): tunnels (IP in IP, GRE, VXLAN, PPPoE, MPLS, ...) are not
// followed; an IP header must say its own version; first fragments are
// decoded (the UDP header, and what payload there is); 0x9100 VLAN tags,
// IPv6 routing headers of any type, an 802.3 length after a VLAN tag and
// Linux SLL's 802.2 protocol are decoded where gopacket failed; VLAN tags
// and LLC headers, and IPv6 extension headers, are followed 8 deep at
// most; an IPv6 payload length shorter than the hop-by-hop header is
// malformed; IPv6 extension headers are not looked for in IPv4; ARP and
// UDP as said at decodeARP and udp.
func decodeFrame(b []byte, link LinkType) (f frameInfo) {
	if len(b) == 0 {
		return f
	}
	switch link {
	case LinkEthernet:
		if len(b) < 14 {
			f.kind = kindMalformed
			return f
		}
		f.srcMAC = b[6:12]
		et, p := etherType(be16(b[12:14]), b[14:])
		f.link(et, p)
	case LinkLinuxSLL:
		f.sll(b)
	case LinkRaw:
		f.ip(b)
	case LinkIPv4:
		f.ipv4(b)
	case LinkIPv6:
		f.ipv6(b)
	}
	return f
}

// etherType reads an Ethernet or 802.1Q type/length field: a value below
// 0x0600 is the length of an 802.3 frame, whose payload (cut to that
// length, the rest being padding) starts with an LLC header.
func etherType(v uint16, p []byte) (uint16, []byte) {
	if v >= 0x0600 {
		return v, p
	}
	if int(v) < len(p) {
		p = p[:v]
	}
	return etherLLC, p
}

// sll reads a Linux cooked capture (v1) header: packet type, ARPHRD type,
// address length, 8 address bytes, protocol.
func (f *frameInfo) sll(b []byte) {
	if len(b) < 16 {
		f.kind = kindMalformed
		return
	}
	if be16(b[4:6]) == 6 {
		f.srcMAC = b[6:12]
	}
	et := be16(b[14:16])
	if et == 0x0004 { // LINUX_SLL_P_802_2: an LLC header follows
		et = etherLLC
	}
	f.link(et, b[16:])
}

// link follows VLAN tags and LLC/SNAP headers from EtherType et to the
// network layer.
func (f *frameInfo) link(et uint16, p []byte) {
	tagged := false // et comes from a VLAN tag
	for n := 0; len(p) > 0; n++ {
		switch et {
		case etherVLAN, etherQinQ, etherQinQ2, etherLLC:
			if n == maxLinkHeaders {
				f.kind = kindMalformed
				return
			}
			tagged = et != etherLLC
			var ok bool
			if et, p, ok = linkHeader(et, p); !ok {
				f.kind = kindMalformed
				return
			}
		case etherARP:
			f.decodeARP(p)
			return
		case etherIPv4:
			f.ipv4(p)
			return
		case etherIPv6:
			f.ipv6(p)
			return
		default:
			// gopacket stopped quietly at an unknown EtherType after a
			// VLAN tag, and failed on one anywhere else.
			if !tagged && !knownEtherType(et) {
				f.kind = kindMalformed
			}
			return
		}
	}
}

// linkHeader reads a VLAN tag or an LLC header: the EtherType after it,
// and what follows.
func linkHeader(et uint16, p []byte) (uint16, []byte, bool) {
	if et == etherLLC {
		return llc(p)
	}
	if len(p) < 4 {
		return 0, nil, false
	}
	et, p = etherType(be16(p[2:4]), p[4:])
	return et, p, true
}

// llc reads an 802.2 LLC header. A SNAP header after it carries an
// EtherType, which is returned with what follows. Spanning tree (SAP 0x42)
// returns no payload, ending the walk; so does any other SAP with nothing
// after the header, while one with data is not ok (gopacket had no
// decoder for it, so the gopacket version counted it as malformed).
func llc(p []byte) (uint16, []byte, bool) {
	if len(p) < 3 {
		return 0, nil, false
	}
	dsap, ssap, ctl := p[0]&0xfe, p[1]&0xfe, p[2]
	n := 3
	if ctl&1 == 0 || ctl&3 == 1 { // I and S formats: 2-byte control field
		n = 4
		if len(p) < n {
			return 0, nil, false
		}
	}
	p = p[n:]
	switch {
	case len(p) == 0, dsap == 0x42 && ssap == 0x42:
		return 0, nil, true
	case dsap == 0xaa && ssap == 0xaa:
		if len(p) < 5 { // OUI, then the EtherType
			return 0, nil, false
		}
		return be16(p[3:5]), p[5:], true
	}
	return 0, nil, false
}

// knownEtherType: EtherTypes gopacket v1.1.19 decoded, which the version
// of this package built on it therefore did not count as malformed, and
// which this one ignores. Any other EtherType is counted as malformed, as
// it was then.
func knownEtherType(et uint16) bool {
	switch et {
	case 0x01a2, // Nortel discovery
		0x2000,         // CDP
		0x6558,         // transparent Ethernet bridging
		0x880b,         // PPP
		0x8847, 0x8848, // MPLS
		0x8863, 0x8864, // PPPoE
		0x888e, // EAPOL
		0x88be, // ERSPAN
		0x88cc, // LLDP
		0x9000: // Ethernet configuration testing
		return true
	}
	return false
}

// knownIPProtocol: IP protocol numbers gopacket v1.1.19 decoded; as with
// EtherTypes, others are counted as malformed, as they were then.
func knownIPProtocol(p byte) bool {
	switch p {
	case 0, 1, 2, 4, 6, 17, 27, 41, 43, 44, 47, 50, 51, 58, 59, 60, 89, 97, 112, 132, 136, 137:
		return true
	}
	return false
}

// decodeARP reads an ARP packet: hardware type, protocol type, hardware
// and protocol address lengths, operation, then sender and target
// addresses sized by those lengths.
//
// Two gopacket v1.1.19 bugs are not kept: it read the 16-bit hardware
// type into an 8-bit LinkType, taking 0x0101, 0x2001, ... for Ethernet (1)
// and recording the sender; and it computed the packet's length in 8 bits,
// panicking on long addresses (such a packet was malformed and not ARP; it
// is now ARP, and malformed as not Ethernet/IPv4). The corpus has both
// kinds of packet, which is why testdata/corpus.golden.json changed when
// this decoder replaced gopacket's: 6 more ARP, 33 more malformed, one host
// fewer.
func (f *frameInfo) decodeARP(p []byte) {
	if len(p) < 8 {
		f.kind = kindMalformed
		return
	}
	htype, hlen, plen := be16(p[0:2]), int(p[4]), int(p[5])
	if len(p) < 8+2*hlen+2*plen {
		f.kind = kindMalformed
		return
	}
	f.kind = kindARP
	if htype == 1 && hlen == 6 && plen == 4 {
		f.arp = arpInfo{ok: true, sha: p[8:14], spa: p[14:18]}
	}
}

// ip reads a raw IP packet, its version saying which.
func (f *frameInfo) ip(b []byte) {
	switch b[0] >> 4 {
	case 4:
		f.ipv4(b)
	case 6:
		f.ipv6(b)
	default:
		f.kind = kindMalformed
	}
}

// ipv4 reads an IPv4 header and, for an unfragmented packet or a first
// fragment, what it carries.
func (f *frameInfo) ipv4(b []byte) {
	if len(b) < 20 || b[0]>>4 != 4 {
		f.kind = kindMalformed
		return
	}
	hlen := int(b[0]&0x0f) * 4
	total := int(be16(b[2:4]))
	if total == 0 {
		// TCP segmentation offload leaves the length 0: the packet is
		// what was captured.
		total = len(b)
	}
	if total < 20 || hlen < 20 || hlen > total {
		f.kind = kindMalformed
		return
	}
	if len(b) > total {
		b = b[:total] // Ethernet padding
	} else if hlen > len(b) {
		f.kind = kindMalformed
		return
	}
	if !ipv4Options(b[20:hlen]) {
		f.kind = kindMalformed
		return
	}
	frag := be16(b[6:8])
	if frag&0x1fff != 0 {
		return // not the first fragment: no UDP header
	}
	f.src = netip.AddrFrom4([4]byte(b[12:16]))
	f.transport(b[9], b[hlen:], frag&0x2000 != 0)
}

// ipv4Options checks the options' framing: end of list (0), no-op (1),
// else type, length (> 2, within the header), data.
func ipv4Options(o []byte) bool {
	for len(o) > 0 {
		switch o[0] {
		case 0:
			return true
		case 1:
			o = o[1:]
		default:
			if len(o) < 2 || int(o[1]) > len(o) || o[1] <= 2 {
				return false
			}
			o = o[o[1]:]
		}
	}
	return true
}

// ipv6 reads an IPv6 header and its extension headers (hop-by-hop,
// routing, fragment, destination options) to what they carry.
func (f *frameInfo) ipv6(b []byte) {
	if len(b) < 40 || b[0]>>4 != 6 {
		f.kind = kindMalformed
		return
	}
	plen, next, p := int(be16(b[4:6])), b[6], b[40:]
	hdrs := 0 // extension headers followed
	if next == ipHopByHop {
		// A hop-by-hop header comes first, and may hold a jumbo length.
		n, jumbo, ok := ipv6HopByHop(p)
		switch {
		case !ok, jumbo > 0 && plen != 0, jumbo == 0 && plen == 0, jumbo == 0 && plen < n:
			f.kind = kindMalformed
			return
		case jumbo > 0:
			plen = jumbo
		}
		next, p, plen, hdrs = p[0], p[n:], plen-n, 1
	} else if plen == 0 {
		f.kind = kindMalformed // no jumbo option to give the length
		return
	}
	if plen < len(p) {
		p = p[:plen]
	}
	f.src = netip.AddrFrom16([16]byte(b[8:24]))
	f.hop = int(b[7])
	frag := false // a first fragment: more follow
	for ; len(p) > 0; hdrs++ {
		if hdrs == maxIPv6Headers && isIPv6Ext(next) {
			f.kind = kindMalformed
			return
		}
		switch next {
		case ipHopByHop, ipDestOpts, ipRouting:
			l, ok := ipv6ExtLen(p)
			if !ok || (next != ipRouting && !ipv6TLVs(p[2:l], p[2:])) {
				f.kind = kindMalformed
				return
			}
			next, p = p[0], p[l:]
		case ipFragment:
			if len(p) < 8 {
				f.kind = kindMalformed
				return
			}
			if be16(p[2:4])>>3 != 0 {
				return // not the first fragment: no UDP header
			}
			frag = frag || p[3]&1 != 0
			next, p = p[0], p[8:]
		default:
			f.transport(next, p, frag)
			return
		}
	}
}

func isIPv6Ext(next byte) bool {
	return next == ipHopByHop || next == ipDestOpts || next == ipRouting || next == ipFragment
}

// ipv6ExtLen is an extension header's length: (second byte + 1) * 8.
func ipv6ExtLen(p []byte) (int, bool) {
	if len(p) < 2 {
		return 0, false
	}
	n := (int(p[1]) + 1) * 8
	return n, n <= len(p)
}

// ipv6TLVs checks the options of a hop-by-hop or destination options
// header: Pad1 (0), else type, length, data. hdr is the header's option
// area, rest the packet from there on: like gopacket, an option may run
// past the header's end but not past the packet's.
func ipv6TLVs(hdr, rest []byte) bool {
	for off := 0; off < len(hdr); {
		if len(rest)-off < 2 {
			return false
		}
		if rest[off] == 0 {
			off++
			continue
		}
		n := int(rest[off+1]) + 2
		if len(rest)-off < n {
			return false
		}
		off += n
	}
	return true
}

// ipv6HopByHop reads a hop-by-hop header right after the IPv6 header: its
// length, and the jumbo payload length (RFC 2675) it holds, or 0. Not ok
// when the header or the jumbo option is malformed.
func ipv6HopByHop(p []byte) (n, jumbo int, ok bool) {
	n, ok = ipv6ExtLen(p)
	if !ok || !ipv6TLVs(p[2:n], p[2:]) {
		return 0, 0, false
	}
	for off := 2; off < n; {
		if p[off] == 0 {
			off++
			continue
		}
		l := int(p[off+1])
		if p[off] == 0xc2 {
			if l != 4 {
				return 0, 0, false
			}
			v := binary.BigEndian.Uint32(p[off+2 : off+6])
			if v <= 65535 { // a jumbo length fits no 16-bit field
				return 0, 0, false
			}
			return n, int(min(v, 1<<30)), true // no frame is that long
		}
		off += l + 2
	}
	return n, 0, true
}

// transport reads what an IP packet carries: UDP is decoded, protocols
// gopacket knew are ignored, others counted as malformed. Only UDP is read
// from a first fragment, and since a fragment is incomplete by nature,
// what would be malformed in a whole packet is merely ignored there.
func (f *frameInfo) transport(proto byte, p []byte, frag bool) {
	switch {
	case len(p) == 0:
	case frag:
		if proto != ipUDP {
			return
		}
		f.udp(p)
		if f.kind == kindMalformed {
			f.kind = kindOther
		}
	case proto == ipUDP:
		f.udp(p)
	case proto == ipICMPv6 && f.src.Is6():
		f.icmpv6(p)
	case !knownIPProtocol(proto):
		f.kind = kindMalformed
	}
}

// udpApp is what gopacket decoded a UDP payload as, from the ports.
type udpApp uint8

const (
	appNone udpApp = iota
	appOther
	appDHCPv4
	appDHCPv6
)

// portApp is gopacket v1.1.19's UDP port map (layers/ports.go): the
// application a port's payload was decoded as.
func portApp(port uint16) udpApp {
	switch port {
	case 67, 68:
		return appDHCPv4
	case 546, 547:
		return appDHCPv6
	case 53, 123, 623, 1812, 2152, 3784, 4789, 5060, 6081, 6343:
		return appOther
	}
	return appNone
}

// udp reads a UDP header and its payload: DHCP (port 67 or 68, the
// destination port deciding first, as gopacket did) or mDNS (5353 either
// side). DHCPv6's framing is checked too (ports 546, 547), so that garbage
// there counts as malformed, as it did.
//
// A length field below 8 is now malformed: gopacket failed on it but still
// handed a 5353 packet, with no payload, to the mDNS path.
func (f *frameInfo) udp(p []byte) {
	if len(p) < 8 {
		f.kind = kindMalformed
		return
	}
	f.sport, f.dport = be16(p[0:2]), be16(p[2:4])
	switch n := int(be16(p[4:6])); {
	case n == 0: // jumbogram: the rest of the packet
		p = p[8:]
	case n < 8:
		f.kind = kindMalformed
		return
	case n < len(p):
		p = p[8:n]
	default: // cut short (snap length, first fragment): what there is
		p = p[8:]
	}
	app := portApp(f.dport)
	if app == appNone {
		app = portApp(f.sport)
	}
	bad := false
	if len(p) > 0 {
		switch app {
		case appDHCPv4:
			if f.dhcp.decode(p) {
				f.kind = kindDHCP
				return
			}
			bad = true
		case appDHCPv6:
			bad = !dhcpv6OK(p)
		}
	}
	if f.sport == 5353 || f.dport == 5353 {
		f.kind, f.payload = kindMDNS, p
		return
	}
	if bad {
		f.kind = kindMalformed
	}
}

// dhcpv6OK checks a DHCPv6 message's framing: type and transaction id (a
// relay message: type, hop count, two addresses), then options of code,
// length, data.
func dhcpv6OK(p []byte) bool {
	if len(p) < 4 {
		return false
	}
	off := 4
	if p[0] == 12 || p[0] == 13 { // RELAY-FORW, RELAY-REPL
		if off = 34; len(p) < off {
			return false
		}
	}
	for off < len(p) {
		if len(p)-off < 4 {
			return false
		}
		n := 4 + int(be16(p[off+2:off+4]))
		if len(p)-off < n {
			return false
		}
		off += n
	}
	return true
}

// dhcpMagic is the cookie between BOOTP's fixed part and DHCP's options.
const dhcpMagic = 0x63825363

// decode reads a BOOTP message: op, htype, hlen, hops, xid, secs, flags,
// ciaddr, yiaddr, siaddr, giaddr, chaddr (16), sname (64), file (128); the
// magic cookie; options. It is not ok when the message is too short, the
// cookie wrong or an option runs past the end (as with gopacket, the
// message is then discarded whole).
func (d *dhcpInfo) decode(p []byte) bool {
	if len(p) < 240 || binary.BigEndian.Uint32(p[236:240]) != dhcpMagic {
		return false
	}
	opts := dhcpOptions(p[240:])
	for it := opts; ; {
		_, _, st := it.next()
		if st == optBad {
			return false
		}
		if st == optEnd {
			break
		}
	}
	*d = dhcpInfo{op: p[0], hlen: p[2], ciaddr: p[12:16], chaddr: p[28:44], options: opts}
	return true
}

// dhcpOptions walks DHCP options: pad (0), end (255), else code, length,
// data.
type dhcpOptions []byte

type optState uint8

const (
	optOK  optState = iota
	optEnd          // the end option, or the end of the data
	optBad          // an option runs past the end
)

// next returns the next option other than pad.
func (o *dhcpOptions) next() (code byte, val []byte, st optState) {
	b := *o
	for len(b) > 0 && b[0] == 0 {
		b = b[1:]
	}
	switch {
	case len(b) == 0 || b[0] == 255:
		*o = nil
		return 0, nil, optEnd
	case len(b) < 2 || int(b[1]) > len(b)-2:
		*o = nil
		return 0, nil, optBad
	}
	n := 2 + int(b[1])
	*o = b[n:]
	return b[0], b[2:n], optOK
}

// icmpv6 reads the NDP messages that name a MAC: a neighbour advertisement
// (its target, at its target link-layer address or the frame's source), a
// solicitation (its sender, at its source link-layer address) and a router
// advertisement (the router). A message failing RFC 4861's checks (code 0,
// hop limit 255, its own framing) is ignored, as every ICMPv6 message was
// before; a solicitation from the unspecified address (duplicate address
// detection) names nobody yet.
func (f *frameInfo) icmpv6(p []byte) {
	if len(p) < 4 {
		return
	}
	switch xipv6.ICMPType(p[0]) {
	case xipv6.ICMPTypeNeighborSolicitation, xipv6.ICMPTypeNeighborAdvertisement, xipv6.ICMPTypeRouterAdvertisement:
	default:
		return
	}
	if p[1] != 0 || f.hop != mdndp.HopLimit {
		return
	}
	m, err := mdndp.ParseMessage(p)
	if err != nil {
		return
	}
	lla := func(opts []mdndp.Option, d mdndp.Direction) []byte {
		for _, o := range opts {
			if l, ok := o.(*mdndp.LinkLayerAddress); ok && l.Direction == d && len(l.Addr) == 6 {
				return l.Addr
			}
		}
		return f.srcMAC
	}
	switch m := m.(type) {
	case *mdndp.NeighborAdvertisement:
		f.ndp = ndpInfo{addr: m.TargetAddress, mac: lla(m.Options, mdndp.Target)}
	case *mdndp.NeighborSolicitation:
		if f.src.IsUnspecified() {
			return
		}
		f.ndp = ndpInfo{addr: f.src, mac: lla(m.Options, mdndp.Source)}
	case *mdndp.RouterAdvertisement:
		f.ndp = ndpInfo{addr: f.src, mac: lla(m.Options, mdndp.Source)}
	default:
		return
	}
	if len(f.ndp.mac) == 6 && f.ndp.addr.Is6() {
		f.kind = kindNDP
	}
}
