package ndp

import (
	"encoding/binary"
	"net"
	"net/netip"

	mdndp "github.com/mdlayher/ndp"
	"golang.org/x/net/ipv6"
)

type eventKind int

const (
	evNone      eventKind = iota // nothing to learn (a message of no interest)
	evMalformed                  // did not parse, or failed RFC 4861's checks
	evEchoReply                  // addr answered the echo with id
	evAdvert                     // a neighbour advertisement: addr has mac
	evHeard                      // a solicitation or router advertisement: addr (its sender) has mac
)

// event is what one ICMPv6 message says of one address.
type event struct {
	kind   eventKind
	addr   netip.Addr
	mac    net.HardwareAddr
	router bool
	id     uint16
}

// decode reads one ICMPv6 message from src (hop limit hop, -1 unknown).
// NDP messages must come with hop limit 255 (RFC 4861 7.1.2): anything else
// was forwarded from off the link and is malformed.
func decode(b []byte, src netip.Addr, hop int) event {
	if len(b) < 4 {
		return event{kind: evMalformed}
	}
	src = src.WithZone("")
	switch ipv6.ICMPType(b[0]) {
	case ipv6.ICMPTypeEchoReply:
		if len(b) < 8 || b[1] != 0 {
			return event{kind: evMalformed}
		}
		return event{kind: evEchoReply, addr: src, id: binary.BigEndian.Uint16(b[4:])}
	case ipv6.ICMPTypeNeighborAdvertisement, ipv6.ICMPTypeNeighborSolicitation, ipv6.ICMPTypeRouterAdvertisement:
	default:
		return event{}
	}
	if b[1] != 0 || hop >= 0 && hop != mdndp.HopLimit {
		return event{kind: evMalformed}
	}
	m, err := mdndp.ParseMessage(b)
	if err != nil {
		return event{kind: evMalformed}
	}
	switch m := m.(type) {
	case *mdndp.NeighborAdvertisement:
		if !m.TargetAddress.Is6() || m.TargetAddress.IsMulticast() {
			return event{kind: evMalformed}
		}
		return event{kind: evAdvert, addr: m.TargetAddress.WithZone(""), mac: lla(m.Options, mdndp.Target), router: m.Router}
	case *mdndp.NeighborSolicitation:
		// From the unspecified address it is duplicate address
		// detection: the sender holds no address yet.
		if src.IsUnspecified() {
			return event{}
		}
		return event{kind: evHeard, addr: src, mac: lla(m.Options, mdndp.Source)}
	case *mdndp.RouterAdvertisement:
		if !src.IsLinkLocalUnicast() {
			return event{kind: evMalformed}
		}
		return event{kind: evHeard, addr: src, mac: lla(m.Options, mdndp.Source), router: m.RouterLifetime > 0}
	}
	return event{}
}

// lla is the link-layer address option of direction d, if one is a MAC.
func lla(opts []mdndp.Option, d mdndp.Direction) net.HardwareAddr {
	for _, o := range opts {
		if l, ok := o.(*mdndp.LinkLayerAddress); ok && l.Direction == d && len(l.Addr) == 6 {
			mac := net.HardwareAddr(l.Addr)
			if mac[0]&1 != 0 || isZero(mac) {
				return nil
			}
			return mac
		}
	}
	return nil
}

func isZero(m net.HardwareAddr) bool {
	for _, b := range m {
		if b != 0 {
			return false
		}
	}
	return true
}
