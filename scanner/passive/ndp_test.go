package passive

import (
	"encoding/binary"
	"fmt"
	"net"
	"net/netip"
	"testing"
	"time"

	mdndp "github.com/mdlayher/ndp"
)

// ndpFrame is an Ethernet frame from srcMAC carrying the NDP message m
// from src to dst with hop limit hop.
func ndpFrame(t *testing.T, srcMAC string, src, dst string, hop byte, m mdndp.Message) []byte {
	t.Helper()
	body, err := mdndp.MarshalMessage(m)
	if err != nil {
		t.Fatal(err)
	}
	mac, _ := net.ParseMAC(srcMAC)
	b := append([]byte{0x33, 0x33, 0, 0, 0, 1}, mac...)
	b = append(b, 0x86, 0xdd)
	ip := make([]byte, 40)
	ip[0] = 0x60
	binary.BigEndian.PutUint16(ip[4:], uint16(len(body)))
	ip[6], ip[7] = ipICMPv6, hop
	s, d := netip.MustParseAddr(src).As16(), netip.MustParseAddr(dst).As16()
	copy(ip[8:], s[:])
	copy(ip[24:], d[:])
	return append(append(b, ip...), body...)
}

func lla(d mdndp.Direction, s string) []mdndp.Option {
	m, _ := net.ParseMAC(s)
	return []mdndp.Option{&mdndp.LinkLayerAddress{Direction: d, Addr: m}}
}

// TestDecoderNDP: passive NDP names global and unique-local addresses with
// their MACs and joins them to the host ARP heard; link-local addresses,
// duplicate address detection and forwarded (hop limit below 255)
// messages name nobody.
func TestDecoderNDP(t *testing.T) {
	at := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	d := NewDecoder(Limits{})
	frames := [][]byte{
		// h1 advertises its global address (to the router's solicitation).
		ndpFrame(t, "00:1b:54:00:00:01", "2001:db8:100::11", "2001:db8:100::254", 255,
			&mdndp.NeighborAdvertisement{Solicited: true, TargetAddress: netip.MustParseAddr("2001:db8:100::11"), Options: lla(mdndp.Target, "00:1b:54:00:00:01")}),
		// h2 solicits from its unique-local address: its source option names it.
		ndpFrame(t, "00:05:85:00:00:02", "fd00::12", "ff02::1:ff00:254", 255,
			&mdndp.NeighborSolicitation{TargetAddress: netip.MustParseAddr("fd00::254"), Options: lla(mdndp.Source, "00:05:85:00:00:02")}),
		// An advertisement without the option: the frame's source is the MAC.
		ndpFrame(t, "f8:bc:12:00:00:03", "2001:db8:100::13", "ff02::1", 255,
			&mdndp.NeighborAdvertisement{Override: true, TargetAddress: netip.MustParseAddr("2001:db8:100::13")}),
		// Names nobody: link-local, DAD, forwarded, a router's link-local.
		ndpFrame(t, "00:1c:c4:00:00:04", "fe80::14", "ff02::1:ff00:254", 255,
			&mdndp.NeighborSolicitation{TargetAddress: netip.MustParseAddr("fe80::254"), Options: lla(mdndp.Source, "00:1c:c4:00:00:04")}),
		ndpFrame(t, "4c:ae:a3:00:00:05", "::", "ff02::1:ff00:15", 255,
			&mdndp.NeighborSolicitation{TargetAddress: netip.MustParseAddr("2001:db8:100::15")}),
		ndpFrame(t, "a4:c3:61:00:00:06", "2001:db8:100::16", "2001:db8:100::2", 64,
			&mdndp.NeighborAdvertisement{TargetAddress: netip.MustParseAddr("2001:db8:100::16"), Options: lla(mdndp.Target, "a4:c3:61:00:00:06")}),
		ndpFrame(t, "02:6e:63:00:00:fe", "fe80::fe", "ff02::1", 255,
			&mdndp.RouterAdvertisement{RouterLifetime: 30 * time.Minute, Options: lla(mdndp.Source, "02:6e:63:00:00:fe")}),
	}
	for _, f := range frames {
		d.Frame(f, LinkEthernet, at)
	}
	// h1 asks by ARP too: one host, its IPv4 address first.
	m1, _ := net.ParseMAC("00:1b:54:00:00:01")
	arp := arpFrame(t, m1, net.ParseIP("198.51.100.11").To4())
	d.Frame(arp, LinkEthernet, at.Add(time.Second))
	var got []string
	for _, a := range d.Assets(nil, nil) {
		got = append(got, fmt.Sprintf("%s %v %s %v", a.IP, a.IPs, a.MAC, a.Sources))
	}
	want := []string{
		"198.51.100.11 [2001:db8:100::11 198.51.100.11] 00:1b:54:00:00:01 [ndp passive]",
		"2001:db8:100::13 [] f8:bc:12:00:00:03 [ndp passive]",
		"fd00::12 [] 00:05:85:00:00:02 [ndp passive]",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("assets\n%v\nwant\n%v", got, want)
	}
	if st := d.Stats(); st.NDP != 5 || st.Malformed != 0 {
		t.Errorf("stats %+v: want 5 NDP messages naming a MAC, none malformed", st)
	}
}
