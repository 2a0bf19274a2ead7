package passive

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"net/netip"
	"slices"
	"strconv"
	"testing"
)

// Frames built byte by byte, independently of gopacket (which builds the
// frames of passive_test.go).

var (
	macA  = []byte{0x02, 0x00, 0x5e, 0x10, 0x00, 0x0a}
	bcast = []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	ip4A  = []byte{192, 0, 2, 10}
	ip6A  = netip.MustParseAddr("fe80::a").AsSlice()
)

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func u16(v int) []byte { return binary.BigEndian.AppendUint16(nil, uint16(v)) }

func ethHdr(et int) []byte { return cat(bcast, macA, u16(et)) }

func arpBody(htype, hlen, plen int, sha, spa []byte) []byte {
	return cat(u16(htype), u16(0x0800), []byte{byte(hlen), byte(plen)}, u16(1),
		sha, spa, make([]byte, hlen), make([]byte, plen))
}

func arpEth(spa []byte) []byte { return cat(ethHdr(0x0806), arpBody(1, 6, 4, macA, spa)) }

// ipv4Hdr builds an IPv4 header for a payload of n bytes; frag is the
// flags and fragment offset field; opts are padded by the caller.
func ipv4Hdr(proto byte, n, frag int, opts []byte) []byte {
	ihl := 5 + len(opts)/4
	return cat([]byte{byte(0x40 | ihl), 0}, u16(ihl*4+n), u16(1), u16(frag), []byte{64, proto, 0, 0}, ip4A, []byte{224, 0, 0, 251}, opts)
}

func ipv4(proto byte, payload []byte) []byte {
	return cat(ipv4Hdr(proto, len(payload), 0, nil), payload)
}

func ipv6(next byte, payload []byte) []byte {
	return cat([]byte{0x60, 0, 0, 0}, u16(len(payload)), []byte{next, 255}, ip6A, netip.MustParseAddr("ff02::fb").AsSlice(), payload)
}

// ext6 is an IPv6 extension header of 8 bytes: next header, length 0,
// then six bytes (PadN for options headers).
func ext6(next byte, rest ...byte) []byte {
	if rest == nil {
		rest = []byte{1, 4, 0, 0, 0, 0}
	}
	return cat([]byte{next, 0}, rest)
}

func udp(sport, dport int, payload []byte) []byte {
	return cat(u16(sport), u16(dport), u16(8+len(payload)), u16(0), payload)
}

// mdnsQuery is a 12-byte DNS header and one question.
var mdnsQuery = cat(make([]byte, 4), u16(1), make([]byte, 6), []byte("\x04test\x05local\x00"), u16(1), u16(1))

// bootp builds a BOOTP message with the DHCP cookie and the given raw
// options.
func bootp(op, hlen byte, ciaddr []byte, opts []byte) []byte {
	b := make([]byte, 236)
	b[0], b[1], b[2] = op, 1, hlen
	copy(b[12:], ciaddr)
	copy(b[28:], macA)
	return cat(b, []byte{99, 130, 83, 99}, opts)
}

var dhcpOpts = cat([]byte{53, 1, 3}, []byte{12, 4}, []byte("host"), []byte{55, 3, 1, 3, 6}, []byte{50, 4, 192, 0, 2, 77}, []byte{255})

func dhcpEth() []byte {
	return cat(ethHdr(0x0800), ipv4(17, udp(68, 67, bootp(1, 6, make([]byte, 4), dhcpOpts))))
}

func mdnsEth() []byte { return cat(ethHdr(0x0800), ipv4(17, udp(5353, 5353, mdnsQuery))) }

// mdnsEth6 builds an IPv6 mDNS frame: exts[0][0] is the IPv6 header's
// next header, the rest of exts the extension headers in order.
func mdnsEth6(exts ...[]byte) []byte {
	return cat(ethHdr(0x86dd), ipv6(exts[0][0], cat(cat(exts[1:]...), udp(5353, 5353, mdnsQuery))))
}

func sllHdr(addrLen, proto int) []byte {
	return cat(u16(0), u16(1), u16(addrLen), macA, []byte{0, 0}, u16(proto))
}

// want describes decodeFrame's result.
type want struct {
	kind    frameKind
	srcMAC  string // mDNS
	src     string // mDNS
	payload int    // mDNS payload length, -1 for any
	arpOK   bool
	spa     string
	opts    int // DHCP options other than pad
}

type frameCase struct {
	name string
	link LinkType
	b    []byte
	want want
}

// frameCases are decodeFrame's table: frames of every kind, well and badly
// formed.
func frameCases() []frameCase {
	mac := hex.EncodeToString(macA)
	arp := want{kind: kindARP, arpOK: true, spa: "c000020a"}
	mdns4 := want{kind: kindMDNS, srcMAC: mac, src: "192.0.2.10", payload: len(mdnsQuery)}
	mdns6 := want{kind: kindMDNS, srcMAC: mac, src: "fe80::a", payload: len(mdnsQuery)}
	udpMDNS := udp(5353, 5353, mdnsQuery)
	routerAlert := []byte{148, 4, 0, 0}
	jumbo := cat([]byte{17, 0}, []byte{0xc2, 4}, binary.BigEndian.AppendUint32(nil, 70000))
	return []frameCase{
		{"empty", LinkEthernet, nil, want{}},
		{"ethernet header only", LinkEthernet, ethHdr(0x0800), want{}},
		{"ethernet cut", LinkEthernet, ethHdr(0x0800)[:13], want{kind: kindMalformed}},
		{"arp", LinkEthernet, arpEth(ip4A), arp},
		{"arp probe", LinkEthernet, arpEth(make([]byte, 4)), want{kind: kindARP, arpOK: true, spa: "00000000"}},
		{"arp not ethernet", LinkEthernet, cat(ethHdr(0x0806), arpBody(6, 6, 4, macA, ip4A)), want{kind: kindARP}},
		// gopacket read the 16-bit hardware type into a uint8 and took
		// 0x0101 for Ethernet (1).
		{"arp hardware type 0x0101", LinkEthernet, cat(ethHdr(0x0806), arpBody(0x0101, 6, 4, macA, ip4A)), want{kind: kindARP}},
		{"arp 8-byte hardware address", LinkEthernet, cat(ethHdr(0x0806), arpBody(1, 8, 4, append(macA, 0, 0), ip4A)), want{kind: kindARP}},
		{"arp long addresses", LinkEthernet, cat(ethHdr(0x0806), arpBody(1, 100, 100, make([]byte, 100), make([]byte, 100))), want{kind: kindARP}},
		{"arp cut", LinkEthernet, arpEth(ip4A)[:41], want{kind: kindMalformed}},
		{"arp header cut", LinkEthernet, arpEth(ip4A)[:20], want{kind: kindMalformed}},
		{"vlan arp", LinkEthernet, cat(ethHdr(0x8100), u16(7), u16(0x0806), arpBody(1, 6, 4, macA, ip4A)), arp},
		{"qinq arp", LinkEthernet, cat(ethHdr(0x88a8), u16(7), u16(0x8100), u16(8), u16(0x0806), arpBody(1, 6, 4, macA, ip4A)), arp},
		{"0x9100 vlan arp", LinkEthernet, cat(ethHdr(0x9100), u16(7), u16(0x0806), arpBody(1, 6, 4, macA, ip4A)), arp},
		{"vlan mdns", LinkEthernet, cat(ethHdr(0x8100), u16(7), u16(0x0800), ipv4(17, udpMDNS)), mdns4},
		{"vlan cut", LinkEthernet, cat(ethHdr(0x8100), u16(7)), want{kind: kindMalformed}},
		{"8 vlan tags", LinkEthernet, cat(ethHdr(0x8100), bytes.Repeat(cat(u16(7), u16(0x8100)), 7), u16(7), u16(0x0806), arpBody(1, 6, 4, macA, ip4A)), arp},
		{"9 vlan tags", LinkEthernet, cat(ethHdr(0x8100), bytes.Repeat(cat(u16(7), u16(0x8100)), 8), u16(7), u16(0x0806), arpBody(1, 6, 4, macA, ip4A)), want{kind: kindMalformed}},
		{"llc snap arp", LinkEthernet, cat(ethHdr(8+28), []byte{0xaa, 0xaa, 3, 0, 0, 0}, u16(0x0806), arpBody(1, 6, 4, macA, ip4A)), arp},
		{"llc snap arp padded", LinkEthernet, cat(ethHdr(8+28), []byte{0xaa, 0xaa, 3, 0, 0, 0}, u16(0x0806), arpBody(1, 6, 4, macA, ip4A), make([]byte, 10)), arp},
		{"vlan llc snap arp", LinkEthernet, cat(ethHdr(0x8100), u16(7), u16(8+28), []byte{0xaa, 0xaa, 3, 0, 0, 0}, u16(0x0806), arpBody(1, 6, 4, macA, ip4A)), arp},
		{"llc snap cut", LinkEthernet, cat(ethHdr(6), []byte{0xaa, 0xaa, 3, 0, 0, 0}), want{kind: kindMalformed}},
		{"llc spanning tree", LinkEthernet, cat(ethHdr(38), []byte{0x42, 0x42, 3}, make([]byte, 35)), want{}},
		{"llc netbios", LinkEthernet, cat(ethHdr(10), []byte{0xf0, 0xf0, 3}, make([]byte, 7)), want{kind: kindMalformed}},
		{"llc cut", LinkEthernet, cat(ethHdr(2), []byte{0xf0, 0xf0}), want{kind: kindMalformed}},
		{"unknown ethertype", LinkEthernet, cat(ethHdr(0x3030), make([]byte, 46)), want{kind: kindMalformed}},
		{"lldp", LinkEthernet, cat(ethHdr(0x88cc), make([]byte, 46)), want{}},
		{"dhcp", LinkEthernet, dhcpEth(), want{kind: kindDHCP, opts: 4}},
		{"mdns", LinkEthernet, mdnsEth(), mdns4},
		{"mdns padded", LinkEthernet, cat(mdnsEth(), make([]byte, 20)), mdns4},
		{"mdns src port only", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, udp(5353, 40000, mdnsQuery))), mdns4},
		{"mdns to dns port", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, udp(5353, 53, mdnsQuery))), mdns4},
		{"mdns empty payload", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, udp(5353, 5353, nil))), want{kind: kindMDNS, srcMAC: mac, src: "192.0.2.10"}},
		{"mdns udp length 0", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, cat(u16(5353), u16(5353), u16(0), u16(0), mdnsQuery))), mdns4},
		{"mdns udp length 7", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, cat(u16(5353), u16(5353), u16(7), u16(0), mdnsQuery))), want{kind: kindMalformed}},
		{"mdns udp length past the data", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, cat(u16(5353), u16(5353), u16(1000), u16(0), mdnsQuery))), mdns4},
		{"mdns udp length short", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, cat(u16(5353), u16(5353), u16(8+12), u16(0), mdnsQuery))), want{kind: kindMDNS, srcMAC: mac, src: "192.0.2.10", payload: 12}},
		{"mdns udp cut", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, udpMDNS))[:40], want{kind: kindMalformed}},
		{"mdns ip options", LinkEthernet, cat(ethHdr(0x0800), ipv4Hdr(17, len(udpMDNS), 0, routerAlert), udpMDNS), mdns4},
		{"ip option too short", LinkEthernet, cat(ethHdr(0x0800), ipv4Hdr(17, len(udpMDNS), 0, []byte{148, 2, 0, 0}), udpMDNS), want{kind: kindMalformed}},
		{"ip option past the header", LinkEthernet, cat(ethHdr(0x0800), ipv4Hdr(17, len(udpMDNS), 0, []byte{148, 8, 0, 0}), udpMDNS), want{kind: kindMalformed}},
		{"ip options end, nop", LinkEthernet, cat(ethHdr(0x0800), ipv4Hdr(17, len(udpMDNS), 0, []byte{1, 0, 99, 99}), udpMDNS), mdns4},
		{"ip version 6 in ipv4", LinkEthernet, cat(ethHdr(0x0800), []byte{0x65}, ipv4(17, udpMDNS)[1:]), want{kind: kindMalformed}},
		{"ip header length 4", LinkEthernet, cat(ethHdr(0x0800), []byte{0x44}, ipv4(17, udpMDNS)[1:]), want{kind: kindMalformed}},
		{"ip total length below header", LinkEthernet, cat(ethHdr(0x0800), ipv4Hdr(17, 0, 0, routerAlert)[:2], u16(20), ipv4Hdr(17, 0, 0, routerAlert)[4:], udpMDNS), want{kind: kindMalformed}},
		{"ip total length 0 (TSO)", LinkEthernet, cat(ethHdr(0x0800), ipv4Hdr(17, 0, 0, nil)[:2], u16(0), ipv4Hdr(17, 0, 0, nil)[4:], udpMDNS), mdns4},
		{"ip header cut", LinkEthernet, cat(ethHdr(0x0800), ipv4Hdr(17, len(udpMDNS), 0, routerAlert))[:36], want{kind: kindMalformed}},
		{"ip payload cut", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, udpMDNS))[:50], want{kind: kindMDNS, srcMAC: mac, src: "192.0.2.10", payload: 8}},
		{"ip first fragment", LinkEthernet, cat(ethHdr(0x0800), ipv4Hdr(17, 8+6, 0x2000, nil), udpMDNS[:8+6]), want{kind: kindMDNS, srcMAC: mac, src: "192.0.2.10", payload: 6}},
		{"ip first fragment, cut dhcp", LinkEthernet, cat(ethHdr(0x0800), ipv4Hdr(17, 8+100, 0x2000, nil), udp(68, 67, bootp(1, 6, nil, dhcpOpts))[:108]), want{}},
		{"ip first fragment, udp cut", LinkEthernet, cat(ethHdr(0x0800), ipv4Hdr(17, 4, 0x2000, nil), udpMDNS[:4]), want{}},
		{"ip first fragment, unknown protocol", LinkEthernet, cat(ethHdr(0x0800), ipv4Hdr(253, 8, 0x2000, nil), make([]byte, 8)), want{}},
		{"ip later fragment", LinkEthernet, cat(ethHdr(0x0800), ipv4Hdr(17, len(udpMDNS), 0x0010, nil), udpMDNS), want{}},
		{"ip unknown protocol", LinkEthernet, cat(ethHdr(0x0800), ipv4(253, make([]byte, 8))), want{kind: kindMalformed}},
		{"ip unknown protocol, no payload", LinkEthernet, cat(ethHdr(0x0800), ipv4(253, nil)), want{}},
		{"tcp", LinkEthernet, cat(ethHdr(0x0800), ipv4(6, make([]byte, 20))), want{}},
		{"ipv4 in ipv4 (not followed)", LinkEthernet, cat(ethHdr(0x0800), ipv4(4, ipv4(17, udpMDNS))), want{}},
		{"dhcp from 5353", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, udp(5353, 67, bootp(1, 6, nil, dhcpOpts)))), want{kind: kindDHCP, opts: 4}},
		{"dhcp to 5353 from 68", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, udp(68, 5353, bootp(1, 6, nil, dhcpOpts)))), want{kind: kindDHCP, opts: 4}},
		{"garbage to 67 from 5353", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, udp(5353, 67, mdnsQuery))), mdns4},
		{"garbage to 67", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, udp(68, 67, mdnsQuery))), want{kind: kindMalformed}},
		{"nothing to 67", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, udp(68, 67, nil))), want{}},
		{"dns from 68", LinkEthernet, cat(ethHdr(0x0800), ipv4(17, udp(68, 53, mdnsQuery))), want{}},
		{"dhcpv6 solicit", LinkEthernet, cat(ethHdr(0x86dd), ipv6(17, udp(546, 547, cat([]byte{1, 0, 0, 1}, u16(8), u16(2), u16(0x1234))))), want{}},
		{"dhcpv6 option past the end", LinkEthernet, cat(ethHdr(0x86dd), ipv6(17, udp(546, 547, cat([]byte{1, 0, 0, 1}, u16(8), u16(20), u16(0x1234))))), want{kind: kindMalformed}},
		{"dhcpv6 relay cut", LinkEthernet, cat(ethHdr(0x86dd), ipv6(17, udp(547, 547, cat([]byte{12, 0}, make([]byte, 20))))), want{kind: kindMalformed}},
		{"ipv6 mdns", LinkEthernet, mdnsEth6([]byte{17}), mdns6},
		{"ipv6 extension headers", LinkEthernet, mdnsEth6([]byte{0}, ext6(60), ext6(43), ext6(44, 4, 0, 0, 0, 0, 0), ext6(17, 0, 0, 0, 0, 0, 0)), mdns6},
		{"ipv6 atomic fragment, cut dhcp", LinkEthernet, cat(ethHdr(0x86dd), ipv6(44, cat(ext6(17, 0, 0, 0, 0, 0, 0), udp(546, 547, []byte{1, 0, 0, 1, 0, 8, 0, 20})))), want{kind: kindMalformed}},
		{"ipv6 first fragment, cut dhcp", LinkEthernet, cat(ethHdr(0x86dd), ipv6(44, cat(ext6(17, 0, 1, 0, 0, 0, 0), udp(546, 547, []byte{1, 0, 0, 1, 0, 8, 0, 20})))), want{}},
		{"ipv6 first fragment", LinkEthernet, mdnsEth6([]byte{44}, ext6(17, 0, 1, 0, 0, 0, 0)), mdns6},
		{"ipv6 later fragment", LinkEthernet, mdnsEth6([]byte{44}, ext6(17, 0, 8, 0, 0, 0, 0)), want{}},
		{"ipv6 8 extension headers", LinkEthernet, mdnsEth6([]byte{60}, bytes.Repeat(ext6(60), 7), ext6(17)), mdns6},
		{"ipv6 9 extension headers", LinkEthernet, mdnsEth6([]byte{60}, bytes.Repeat(ext6(60), 8), ext6(17)), want{kind: kindMalformed}},
		{"ipv6 option past the packet", LinkEthernet, cat(ethHdr(0x86dd), ipv6(60, []byte{17, 0, 1, 200, 0, 0, 0, 0})), want{kind: kindMalformed}},
		{"ipv6 extension header past the packet", LinkEthernet, cat(ethHdr(0x86dd), ipv6(60, []byte{17, 1, 1, 4, 0, 0, 0, 0})), want{kind: kindMalformed}},
		{"ipv6 length 0", LinkEthernet, cat(ethHdr(0x86dd), ipv6(17, udpMDNS)[:4], u16(0), ipv6(17, udpMDNS)[6:]), want{kind: kindMalformed}},
		{"ipv6 jumbo", LinkEthernet, cat(ethHdr(0x86dd), ipv6(0, cat(jumbo, udpMDNS))[:4], u16(0), ipv6(0, cat(jumbo, udpMDNS))[6:]), mdns6},
		{"ipv6 jumbo with a length", LinkEthernet, cat(ethHdr(0x86dd), ipv6(0, cat(jumbo, udpMDNS))), want{kind: kindMalformed}},
		{"ipv6 version 4", LinkEthernet, cat(ethHdr(0x86dd), []byte{0x40}, ipv6(17, udpMDNS)[1:]), want{kind: kindMalformed}},
		{"ipv6 header cut", LinkEthernet, cat(ethHdr(0x86dd), ipv6(17, udpMDNS)[:39]), want{kind: kindMalformed}},
		{"sll arp", LinkLinuxSLL, cat(sllHdr(6, 0x0806), arpBody(1, 6, 4, macA, ip4A)), arp},
		{"sll mdns", LinkLinuxSLL, cat(sllHdr(6, 0x0800), ipv4(17, udpMDNS)), mdns4},
		{"sll mdns, 4-byte address", LinkLinuxSLL, cat(sllHdr(4, 0x0800), ipv4(17, udpMDNS)), want{kind: kindMDNS, src: "192.0.2.10", payload: len(mdnsQuery)}},
		{"sll mdns, 20-byte address", LinkLinuxSLL, cat(sllHdr(20, 0x0800), ipv4(17, udpMDNS)), want{kind: kindMDNS, src: "192.0.2.10", payload: len(mdnsQuery)}},
		{"sll llc snap arp", LinkLinuxSLL, cat(sllHdr(6, 4), []byte{0xaa, 0xaa, 3, 0, 0, 0}, u16(0x0806), arpBody(1, 6, 4, macA, ip4A)), arp},
		{"sll cut", LinkLinuxSLL, sllHdr(6, 0x0806)[:15], want{kind: kindMalformed}},
		{"raw ipv4 mdns", LinkRaw, ipv4(17, udpMDNS), want{kind: kindMDNS, src: "192.0.2.10", payload: len(mdnsQuery)}},
		{"raw ipv6 mdns", LinkRaw, ipv6(17, udpMDNS), want{kind: kindMDNS, src: "fe80::a", payload: len(mdnsQuery)}},
		{"raw version 5", LinkRaw, cat([]byte{0x50}, make([]byte, 30)), want{kind: kindMalformed}},
		{"ipv4 link", LinkIPv4, ipv4(17, udpMDNS), want{kind: kindMDNS, src: "192.0.2.10", payload: len(mdnsQuery)}},
		{"ipv6 link", LinkIPv6, ipv6(17, udpMDNS), want{kind: kindMDNS, src: "fe80::a", payload: len(mdnsQuery)}},
		{"802.11 link ignored", 105, mdnsEth(), want{}},
	}
}

func TestDecodeFrame(t *testing.T) {
	tests := frameCases()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := decodeFrame(tt.b, tt.link)
			got := want{kind: f.kind, arpOK: f.arp.ok, spa: hex.EncodeToString(f.arp.spa), payload: -1}
			if f.kind == kindMDNS {
				got.srcMAC, got.src, got.payload = hex.EncodeToString(f.srcMAC), f.src.String(), len(f.payload)
			}
			if f.kind == kindDHCP {
				for it := f.dhcp.options; ; got.opts++ {
					if _, _, st := it.next(); st != optOK {
						break
					}
				}
			}
			w := tt.want
			if w.kind != kindMDNS {
				w.payload = -1
			}
			if got != w {
				t.Errorf("got %+v, want %+v", got, w)
			}
		})
	}
}

func TestDHCPDecode(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
		ok   bool
		opts []string
	}{
		{"options", bootp(1, 6, nil, dhcpOpts), true, []string{"53:03", "12:686f7374", "55:010306", "50:c000024d"}},
		{"pads", bootp(1, 6, nil, []byte{0, 0, 12, 1, 'x', 0, 0, 0, 255}), true, []string{"12:78"}},
		{"only pads", bootp(1, 6, nil, []byte{0, 0, 0}), true, nil},
		{"no options", bootp(1, 6, nil, nil), true, nil},
		{"missing end", bootp(1, 6, nil, []byte{12, 1, 'x', 60, 2, 'a', 'b'}), true, []string{"12:78", "60:6162"}},
		{"empty option", bootp(1, 6, nil, []byte{55, 0, 255}), true, []string{"55:"}},
		{"after end", bootp(1, 6, nil, []byte{12, 1, 'x', 255, 12, 99}), true, []string{"12:78"}},
		{"option past the end", bootp(1, 6, nil, []byte{12, 1, 'x', 60, 5, 'a'}), false, nil},
		{"length missing", bootp(1, 6, nil, []byte{12, 1, 'x', 60}), false, nil},
		{"bad cookie", cat(bootp(1, 6, nil, nil)[:236], []byte{99, 130, 83, 98}), false, nil},
		{"cut", bootp(1, 6, nil, nil)[:239], false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d dhcpInfo
			if ok := d.decode(tt.b); ok != tt.ok {
				t.Fatalf("ok = %v", ok)
			}
			if !tt.ok {
				return
			}
			var got []string
			for it := d.options; ; {
				code, v, st := it.next()
				if st != optOK {
					break
				}
				got = append(got, strconv.Itoa(int(code))+":"+hex.EncodeToString(v))
			}
			if !slices.Equal(got, tt.opts) || d.op != 1 || d.hlen != 6 || !bytes.Equal(d.chaddr[:6], macA) {
				t.Errorf("options %q, op %d hlen %d chaddr %x", got, d.op, d.hlen, d.chaddr)
			}
		})
	}
}

// TestFrameCut cuts valid frames at every length: decodeFrame never
// panics, and nothing is heard from a frame cut before the end of the
// header that would say it (ARP's addresses, BOOTP's fixed part and
// cookie, the UDP header of mDNS).
func TestFrameCut(t *testing.T) {
	udpMDNS := udp(5353, 5353, mdnsQuery)
	tests := []struct {
		name      string
		link      LinkType
		b         []byte
		headerEnd int
		kind      frameKind
	}{
		{"arp", LinkEthernet, arpEth(ip4A), 14 + 28, kindARP},
		{"vlan arp", LinkEthernet, cat(ethHdr(0x8100), u16(7), u16(0x0806), arpBody(1, 6, 4, macA, ip4A)), 18 + 28, kindARP},
		{"llc snap arp", LinkEthernet, cat(ethHdr(8+28), []byte{0xaa, 0xaa, 3, 0, 0, 0}, u16(0x0806), arpBody(1, 6, 4, macA, ip4A)), 22 + 28, kindARP},
		{"sll arp", LinkLinuxSLL, cat(sllHdr(6, 0x0806), arpBody(1, 6, 4, macA, ip4A)), 16 + 28, kindARP},
		{"dhcp", LinkEthernet, dhcpEth(), 14 + 20 + 8 + 240, kindDHCP},
		{"mdns", LinkEthernet, mdnsEth(), 14 + 20 + 8, kindMDNS},
		{"mdns ip options", LinkEthernet, cat(ethHdr(0x0800), ipv4Hdr(17, len(udpMDNS), 0, []byte{148, 4, 0, 0}), udpMDNS), 14 + 24 + 8, kindMDNS},
		{"ipv6 mdns", LinkEthernet, mdnsEth6([]byte{0}, ext6(60), ext6(43), ext6(44, 4, 0, 0, 0, 0, 0), ext6(17, 0, 0, 0, 0, 0, 0)), 14 + 40 + 32 + 8, kindMDNS},
		{"sll mdns", LinkLinuxSLL, cat(sllHdr(6, 0x0800), ipv4(17, udpMDNS)), 16 + 20 + 8, kindMDNS},
		{"raw mdns", LinkRaw, ipv4(17, udpMDNS), 20 + 8, kindMDNS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if f := decodeFrame(tt.b, tt.link); f.kind != tt.kind {
				t.Fatalf("whole frame: kind %d, want %d", f.kind, tt.kind)
			}
			for n := 0; n < len(tt.b); n++ {
				b := bytes.Clone(tt.b[:n]) // no capacity past the cut
				f := decodeFrame(b, tt.link)
				if n < tt.headerEnd && f.kind != kindOther && f.kind != kindMalformed {
					t.Errorf("cut at %d: kind %d", n, f.kind)
				}
				if n >= tt.headerEnd && f.kind != tt.kind && !(tt.kind == kindDHCP && f.kind == kindMalformed) {
					t.Errorf("cut at %d, after the header: kind %d", n, f.kind)
				}
				d := NewDecoder(Limits{})
				d.Frame(b, tt.link, t0)
				if n < tt.headerEnd {
					if as, st := d.Assets(nil, nil), d.Stats(); len(as) > 0 || st.ARP+st.DHCP+st.MDNS > 0 {
						t.Errorf("cut at %d: heard %+v, %+v", n, as, st)
					}
				}
			}
		})
	}
}

// The DHCP requests a Decoder records, and how.
func TestDecoderDHCP(t *testing.T) {
	dhcp := func(op, hlen byte, ciaddr []byte, opts ...[]byte) []byte {
		return cat(ethHdr(0x0800), ipv4(17, udp(68, 67, bootp(op, hlen, ciaddr, cat(opts...)))))
	}
	tests := []struct {
		name     string
		frames   [][]byte
		hosts    int
		ip       string
		hostname string
		vendor   string
		prl      string
	}{
		{"request", [][]byte{dhcp(1, 6, nil, []byte{12, 2, 'p', 'c', 60, 3, 'a', 'b', 'c', 55, 2, 1, 3, 50, 4, 192, 0, 2, 9})}, 1, "192.0.2.9", "pc", "abc", "1,3"},
		{"client address", [][]byte{dhcp(1, 6, []byte{192, 0, 2, 5}, []byte{50, 4, 192, 0, 2, 9})}, 1, "192.0.2.5", "", "", ""},
		{"later option wins", [][]byte{dhcp(1, 6, nil, []byte{12, 1, 'a', 12, 1, 'b'})}, 1, "invalid IP", "b", "", ""},
		{"later request keeps earlier options", [][]byte{dhcp(1, 6, nil, []byte{12, 1, 'a', 55, 1, 3}), dhcp(1, 6, nil, []byte{60, 1, 'v'})}, 1, "invalid IP", "a", "v", "3"},
		{"requested address of 3 bytes", [][]byte{dhcp(1, 6, nil, []byte{50, 3, 192, 0, 2})}, 1, "invalid IP", "", "", ""},
		{"host name trimmed and sanitized", [][]byte{dhcp(1, 6, nil, []byte{12, 5, 'a', 0x1b, 'b', ' ', ' '})}, 1, "invalid IP", "ab", "", ""},
		{"reply", [][]byte{dhcp(2, 6, nil, []byte{12, 1, 'a'})}, 0, "", "", "", ""},
		{"16-byte hardware address", [][]byte{dhcp(1, 16, nil, []byte{12, 1, 'a'})}, 0, "", "", "", ""},
		{"option past the end", [][]byte{dhcp(1, 6, nil, []byte{12, 9, 'a'})}, 0, "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDecoder(Limits{})
			for _, f := range tt.frames {
				d.Frame(f, LinkEthernet, t0)
			}
			as := d.Assets(nil, nil)
			if len(as) != tt.hosts {
				t.Fatalf("%d hosts: %+v", len(as), as)
			}
			if tt.hosts == 0 {
				return
			}
			a := as[0]
			if a.MAC.String() != "02:00:5e:10:00:0a" || a.IP.String() != tt.ip || a.Hostname != tt.hostname ||
				a.Evidence["dhcp_vendor_class"].Value != tt.vendor || a.Evidence["dhcp_parameter_request_list"].Value != tt.prl {
				t.Errorf("asset %+v", a)
			}
		})
	}
}

// Decoding allocates nothing; a frame from a host already heard allocates
// nothing either.
func TestDecodeAllocs(t *testing.T) {
	for _, c := range frameCases() {
		if n := testing.AllocsPerRun(20, func() { decodeFrame(c.b, c.link) }); n != 0 {
			t.Errorf("%s: %v allocations", c.name, n)
		}
	}
	d := NewDecoder(Limits{})
	arp := arpEth(ip4A)
	d.Frame(arp, LinkEthernet, t0)
	if n := testing.AllocsPerRun(20, func() { d.Frame(arp, LinkEthernet, t0) }); n != 0 {
		t.Errorf("ARP from a known host: %v allocations", n)
	}
}

func BenchmarkDecodeFrame(b *testing.B) {
	cases := frameCases()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c := &cases[i%len(cases)]
		decodeFrame(c.b, c.link)
	}
}
