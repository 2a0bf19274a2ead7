package passive

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net/netip"
	"os"
	"strings"
	"testing"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
)

// The differential tests: decodeFrame against gopacket v1.1.19's layers,
// read the way this package read them before it had decoders of its own
// (oldView is that code, kept here as the reference).

// view is what a Decoder does with a frame, in comparable form.
type view struct {
	Kind frameKind
	// ARP
	ARPOK    bool
	SHA, SPA string
	// DHCP: chaddr, ciaddr and options only for a request from a 6-byte MAC
	Op, HLen       byte
	CHAddr, CIAddr string
	Opts           []string
	// mDNS
	SrcMAC       string
	Src          netip.Addr
	SPort, DPort uint16
	Payload      string
}

// viewFields is view without its String method, for printing.
type viewFields view

func (v view) String() string { return fmt.Sprintf("%+v", viewFields(v)) }

func equalViews(a, b view) bool { return a.String() == b.String() }

func newView(b []byte, link LinkType) view {
	f := decodeFrame(b, link)
	v := view{Kind: f.kind}
	switch f.kind {
	case kindNDP:
		v.Kind = kindOther // read since gopacket's time: it passed NDP by
	case kindARP:
		v.ARPOK = f.arp.ok
		if f.arp.ok {
			v.SHA, v.SPA = hex.EncodeToString(f.arp.sha), hex.EncodeToString(f.arp.spa)
		}
	case kindDHCP:
		v.Op, v.HLen = f.dhcp.op, f.dhcp.hlen
		if v.Op == 1 && v.HLen == 6 {
			v.CHAddr, v.CIAddr = hex.EncodeToString(f.dhcp.chaddr[:6]), hex.EncodeToString(f.dhcp.ciaddr)
			for it := f.dhcp.options; ; {
				code, val, st := it.next()
				if st != optOK {
					break
				}
				v.Opts = append(v.Opts, fmt.Sprintf("%d:%x", code, val))
			}
		}
	case kindMDNS:
		v.SrcMAC, v.Src, v.SPort, v.DPort, v.Payload = hex.EncodeToString(f.srcMAC), f.src, f.sport, f.dport, string(f.payload)
	}
	return v
}

// oldView is the gopacket-based Decoder's reading of a frame.
func oldView(b []byte, link LinkType) (v view, p gopacket.Packet) {
	p = gopacket.NewPacket(b, layers.LinkType(link), gopacket.DecodeOptions{Lazy: true, NoCopy: true})
	var srcMAC []byte
	if eth, ok := p.Layer(layers.LayerTypeEthernet).(*layers.Ethernet); ok {
		srcMAC = eth.SrcMAC
	} else if sll, ok := p.Layer(layers.LayerTypeLinuxSLL).(*layers.LinuxSLL); ok && sll.AddrLen == 6 {
		srcMAC = sll.Addr
	}
	if a, ok := p.Layer(layers.LayerTypeARP).(*layers.ARP); ok {
		v.Kind = kindARP
		v.ARPOK = a.AddrType == layers.LinkTypeEthernet && len(a.SourceHwAddress) == 6 && len(a.SourceProtAddress) == 4
		if v.ARPOK {
			v.SHA, v.SPA = hex.EncodeToString(a.SourceHwAddress), hex.EncodeToString(a.SourceProtAddress)
		}
		return v, p
	}
	if dh, ok := p.Layer(layers.LayerTypeDHCPv4).(*layers.DHCPv4); ok {
		v.Kind, v.Op, v.HLen = kindDHCP, byte(dh.Operation), byte(len(dh.ClientHWAddr))
		if v.Op == 1 && v.HLen == 6 {
			v.CHAddr, v.CIAddr = hex.EncodeToString(dh.ClientHWAddr), hex.EncodeToString(dh.ClientIP)
			for _, o := range dh.Options {
				if o.Type != layers.DHCPOptPad {
					v.Opts = append(v.Opts, fmt.Sprintf("%d:%x", o.Type, o.Data))
				}
			}
		}
		return v, p
	}
	udp, ok := p.Layer(layers.LayerTypeUDP).(*layers.UDP)
	if !ok || (udp.SrcPort != 5353 && udp.DstPort != 5353) {
		if p.ErrorLayer() != nil {
			v.Kind = kindMalformed
		}
		return v, p
	}
	switch ip := p.NetworkLayer().(type) {
	case *layers.IPv4:
		v.Src, _ = netip.AddrFromSlice(ip.SrcIP.To4())
	case *layers.IPv6:
		v.Src, _ = netip.AddrFromSlice(ip.SrcIP)
	}
	v.Kind, v.SrcMAC, v.SPort, v.DPort, v.Payload = kindMDNS, hex.EncodeToString(srcMAC), uint16(udp.SrcPort), uint16(udp.DstPort), string(udp.Payload)
	return v, p
}

// onPath are the layers decodeFrame reads (or, for the last ones, stops
// at); a frame where gopacket found ARP, DHCP, IP or UDP after any other
// went through a tunnel, which decodeFrame does not follow.
var onPath = map[gopacket.LayerType]bool{
	layers.LayerTypeEthernet: true, layers.LayerTypeLinuxSLL: true, layers.LayerTypeDot1Q: true,
	layers.LayerTypeLLC: true, layers.LayerTypeSNAP: true, layers.LayerTypeARP: true,
	layers.LayerTypeIPv4: true, layers.LayerTypeIPv6: true, layers.LayerTypeIPv6HopByHop: true,
	layers.LayerTypeIPv6Routing: true, layers.LayerTypeIPv6Destination: true, layers.LayerTypeIPv6Fragment: true,
	layers.LayerTypeUDP: true, layers.LayerTypeDHCPv4: true, layers.LayerTypeDHCPv6: true,
	gopacket.LayerTypePayload: true, gopacket.LayerTypeFragment: true, gopacket.LayerTypeDecodeFailure: true,
}

// excuse says why a frame on which the two decoders differ is one of the
// deliberate differences (listed in decodeFrame's comment): "" when it is
// not.
func excuse(p gopacket.Packet) string {
	nIP, nEth, nLink, nExt, off := 0, 0, 0, 0, false
	for _, l := range p.Layers() {
		switch l.LayerType() {
		case layers.LayerTypeDot1Q, layers.LayerTypeLLC:
			if nLink++; nLink > maxLinkHeaders {
				return "more VLAN tags and LLC headers than followed"
			}
		case layers.LayerTypeIPv6HopByHop, layers.LayerTypeIPv6Destination, layers.LayerTypeIPv6Routing, layers.LayerTypeIPv6Fragment:
			if nExt++; nExt > maxIPv6Headers {
				return "more IPv6 extension headers than followed"
			}
		}
		switch l := l.(type) {
		case *layers.Ethernet:
			if nEth++; nEth > 1 {
				return "tunnel: Ethernet in Ethernet"
			}
			if l.EthernetType == etherQinQ2 {
				return "0x9100 VLAN tag, decoded now"
			}
		case *layers.IPv4:
			if nIP++; nIP > 1 || off {
				return "tunnel: IP in IP"
			}
			if l.Version != 4 {
				return "IPv4 header of another version"
			}
			if l.Flags&layers.IPv4MoreFragments != 0 && l.FragOffset == 0 {
				return "first IPv4 fragment, decoded now"
			}
			switch l.Protocol {
			case 0, 43, 44, 60:
				return "IPv6 extension header in IPv4"
			}
		case *layers.IPv6:
			if nIP++; nIP > 1 || off {
				return "tunnel: IP in IP"
			}
			if l.Version != 6 {
				return "IPv6 header of another version"
			}
			if l.HopByHop != nil && int(l.Length) < l.HopByHop.ActualLength && l.Length != 0 {
				return "IPv6 length shorter than its hop-by-hop header"
			}
		case *layers.LinuxSLL:
			if l.EthernetType == 4 {
				return "Linux SLL protocol 4 (802.2 LLC), decoded now"
			}
			if l.EthernetType == etherQinQ2 {
				return "0x9100 VLAN tag, decoded now"
			}
		case *layers.SNAP:
			if l.Type == etherQinQ2 {
				return "0x9100 VLAN tag, decoded now"
			}
		case *layers.IPv6Fragment:
			if l.FragmentOffset == 0 {
				return "first IPv6 fragment, decoded now"
			}
		case *layers.Dot1Q:
			if l.Type < 0x0600 {
				return "802.3 length after a VLAN tag, decoded now"
			}
			if l.Type == etherQinQ2 {
				return "0x9100 VLAN tag, decoded now"
			}
		case *layers.UDP:
			if off {
				return "tunnel: UDP"
			}
			if l.Length > 0 && l.Length < 8 {
				return "UDP length below 8: malformed now"
			}
		case *layers.ARP:
			if off {
				return "tunnel: ARP"
			}
			if h := binary.BigEndian.Uint16(l.Contents[0:2]); h > 0xff && h&0xff == 1 {
				return "gopacket bug: ARP hardware type truncated to 8 bits"
			}
			if 8+2*int(l.HwAddressSize)+2*int(l.ProtAddressSize) > 0xff {
				return "gopacket bug: ARP length computed in 8 bits"
			}
		case *layers.DHCPv4:
			if off {
				return "tunnel: DHCP"
			}
		case *gopacket.DecodeFailure:
			if strings.Contains(l.Error().Error(), "runtime error") {
				return "gopacket bug: panic"
			}
			if off {
				return "gopacket error past a layer not read"
			}
			if e := l.Error().Error(); strings.Contains(e, "IPv6 routing") || strings.Contains(e, "IPv6 source routing") {
				return "IPv6 routing header other than type 0, decoded now"
			}
		}
		if !onPath[l.LayerType()] {
			off = true
		}
	}
	ls := p.Layers()
	for i, l := range ls {
		if _, ok := l.(*gopacket.DecodeFailure); !ok || i == 0 {
			continue
		}
		if next := attempted(ls[i-1]); next != gopacket.LayerTypeZero && !onPath[next] {
			return "gopacket error in a layer not read: " + next.String()
		}
	}
	return ""
}

// compareFrame decodes b both ways: a difference not excused fails t.
func compareFrame(t *testing.T, b []byte, link LinkType) (excused string) {
	t.Helper()
	nv := newView(b, link)
	ov, p := oldView(b, link)
	if equalViews(nv, ov) {
		return ""
	}
	if why := excuse(p); why != "" {
		return why
	}
	var ls []string
	for _, l := range p.Layers() {
		ls = append(ls, l.LayerType().String())
	}
	if e := p.ErrorLayer(); e != nil {
		ls = append(ls, e.Error().Error())
	}
	t.Errorf("link %d frame %x:\nours     %v\ngopacket %v\nlayers %q", link, b, nv, ov, ls)
	return ""
}

// framesOf are the frames of the captures, with their link type.
func framesOf(t testing.TB, files []string) (frames [][]byte, links []LinkType) {
	for _, path := range files {
		fh, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		r, err := pcapgo.NewReader(fh)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for {
			b, _, err := r.ReadPacketData()
			if err != nil {
				break
			}
			frames, links = append(frames, b), append(links, LinkType(r.LinkType()))
		}
		fh.Close()
	}
	return frames, links
}

// TestMatchesGopacket: on every frame of the captures, decodeFrame does
// what the gopacket version did, or differs as documented.
func TestMatchesGopacket(t *testing.T) { matchesGopacket(t, pcaps(t, pcapDir)) }

func TestCorpusMatchesGopacket(t *testing.T) { matchesGopacket(t, corpusPcaps(t)) }

func matchesGopacket(t *testing.T, files []string) {
	frames, links := framesOf(t, files)
	why := map[string]int{}
	for i, b := range frames {
		if e := compareFrame(t, b, links[i]); e != "" {
			why[e]++
		}
	}
	for e, n := range why {
		t.Logf("%d frames excused: %s", n, e)
	}
}

// FuzzFrameMatchesGopacket: on any bytes, decodeFrame does what the
// gopacket version did (source MAC, ARP sender, DHCP fields, UDP ports and
// payload for mDNS, malformed or not), or differs as documented.
func FuzzFrameMatchesGopacket(f *testing.F) {
	frames, links := framesOf(f, seedPcaps(f))
	for i, b := range frames {
		f.Add(b, byte(links[i]))
	}
	for _, c := range frameCases() {
		switch c.link {
		case LinkEthernet:
			f.Add(c.b, byte(0))
		case LinkLinuxSLL:
			f.Add(c.b, byte(1))
		case LinkRaw:
			f.Add(c.b, byte(2))
		}
	}
	f.Fuzz(func(t *testing.T, b []byte, link byte) {
		l := []LinkType{LinkEthernet, LinkLinuxSLL, LinkRaw}[int(link)%3]
		compareFrame(t, b, l)
	})
}

// attempted is the layer gopacket tried to decode after l.
func attempted(l gopacket.Layer) gopacket.LayerType {
	switch l := l.(type) {
	case *layers.IPv6Routing:
		return l.NextHeader.LayerType()
	case *layers.IPv6HopByHop:
		return l.NextHeader.LayerType()
	case *layers.IPv6Destination:
		return l.NextHeader.LayerType()
	case *layers.SNAP:
		return l.Type.LayerType()
	case *layers.Ethernet:
		return l.EthernetType.LayerType()
	case *layers.LinuxSLL:
		return l.EthernetType.LayerType()
	case interface{ NextLayerType() gopacket.LayerType }:
		return l.NextLayerType()
	}
	return gopacket.LayerTypeZero
}

// FuzzDHCPMatchesGopacket: on any UDP payload, the BOOTP/DHCP decoder
// accepts what gopacket's accepted, with the same fields and options.
func FuzzDHCPMatchesGopacket(f *testing.F) {
	f.Add(bootp(1, 6, nil, dhcpOpts))
	f.Add(bootp(1, 6, []byte{192, 0, 2, 5}, []byte{0, 0, 12, 1, 'x', 0, 255, 1}))
	f.Add(bootp(2, 16, nil, []byte{12, 9, 'x'}))
	f.Fuzz(func(t *testing.T, b []byte) {
		var ours dhcpInfo
		ok := ours.decode(b)
		var theirs layers.DHCPv4
		theirsOK := func() (ok bool) {
			defer func() {
				if recover() != nil {
					ok = false
				}
			}()
			return theirs.DecodeFromBytes(bytes.Clone(b), gopacket.NilDecodeFeedback) == nil
		}()
		if len(b) >= 240 && (int(b[2]) > len(b)-28 || 28+int(b[2]) > 0xff) {
			// gopacket slices chaddr by hlen, past the message, in 8-bit
			// arithmetic: it panics or reads past the end.
			return
		}
		if ok != theirsOK {
			t.Fatalf("ok %v, gopacket %v", ok, theirsOK)
		}
		if !ok {
			return
		}
		var got, want []string
		for it := ours.options; ; {
			code, v, st := it.next()
			if st != optOK {
				break
			}
			got = append(got, fmt.Sprintf("%d:%x", code, v))
		}
		for _, o := range theirs.Options {
			if o.Type != layers.DHCPOptPad {
				want = append(want, fmt.Sprintf("%d:%x", o.Type, o.Data))
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) || ours.op != byte(theirs.Operation) || int(ours.hlen) != len(theirs.ClientHWAddr) ||
			!bytes.Equal(ours.ciaddr, theirs.ClientIP) || (ours.hlen <= 16 && !bytes.Equal(ours.chaddr[:ours.hlen], theirs.ClientHWAddr)) {
			t.Fatalf("ours op %d hlen %d ciaddr %x chaddr %x %q\ngopacket %+v %q", ours.op, ours.hlen, ours.ciaddr, ours.chaddr, got, theirs, want)
		}
	})
}
