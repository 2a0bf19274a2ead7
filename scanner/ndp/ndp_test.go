package ndp

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"testing"
	"time"

	mdndp "github.com/mdlayher/ndp"
	"golang.org/x/net/ipv6"

	"github.com/netcensus/netcensus/scanner/ndp/ndptest"
)

var (
	own   = []netip.Addr{netip.MustParseAddr("fe80::6e63:2"), netip.MustParseAddr("2001:db8:100::2")}
	ownHW = ndptest.MAC("02:6e:63:00:00:02")
)

func TestScan(t *testing.T) {
	l := ndptest.NewLink(
		ndptest.Host{LL: netip.MustParseAddr("fe80::11"), Global: netip.MustParseAddr("2001:db8:100::11"), MAC: ndptest.MAC("00:1b:54:00:00:01")},
		ndptest.Host{LL: netip.MustParseAddr("fe80::12"), Global: netip.MustParseAddr("2001:db8:100::12"), MAC: ndptest.MAC("00:05:85:00:00:02"), Resolves: true},
		ndptest.Host{LL: netip.MustParseAddr("fe80::13"), MAC: ndptest.MAC("f8:bc:12:00:00:03")},                           // link-local only
		ndptest.Host{LL: netip.MustParseAddr("fe80::14"), Global: netip.MustParseAddr("2001:db8:100::14"), NoAdvert: true}, // never says its MAC
		ndptest.Host{LL: netip.MustParseAddr("fe80::15"), Global: netip.MustParseAddr("2001:db8:100::15"), MAC: ndptest.MAC("00:1c:c4:00:00:05"), NoEcho: true},
		ndptest.Host{LL: netip.MustParseAddr("fe80::16"), MAC: ndptest.MAC("4c:ae:a3:00:00:06"), Hop: 64}, // forwarded: not on the link
	)
	res, err := Scan(context.Background(), l, Config{
		HardwareAddr: ownHW, Sources: own, Wait: 50 * time.Millisecond,
		Targets: []netip.Addr{netip.MustParseAddr("2001:db8:100::15"), own[1]},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range res.Neighbors {
		got = append(got, fmt.Sprintf("%s %s %s echo=%v", n.Addr, n.MAC, n.Via, n.Echo))
	}
	want := []string{
		"2001:db8:100::11 00:1b:54:00:00:01 solicit echo=true",
		"2001:db8:100::12 00:05:85:00:00:02 heard echo=true",
		"2001:db8:100::15 00:1c:c4:00:00:05 solicit echo=false",
		"fe80::11 00:1b:54:00:00:01 solicit echo=true",
		"fe80::12 00:05:85:00:00:02 heard echo=true",
		"fe80::13 f8:bc:12:00:00:03 solicit echo=true",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("neighbours\n%v\nwant\n%v", got, want)
	}
	// The silent host's two addresses stay unresolved; the forwarded
	// advertisements (hop limit 64, one a round) are malformed.
	if s := res.Stats; s.Echoes != 2 || s.EchoReplies != 8 || s.Unresolved != 3 || s.Malformed != 2 {
		t.Errorf("stats %+v", s)
	}
	// Retries: the unresolved were asked twice, the rest once; the
	// heard host never. (A host's two addresses share their solicited-node
	// group: ::14 is two addresses asked twice each.)
	count := map[string]int{}
	for _, s := range l.Sent() {
		count[s]++
	}
	snm := func(a string) string {
		m, _ := mdndp.SolicitedNodeMulticast(netip.MustParseAddr(a))
		return fmt.Sprintf("%s %d", m, ipv6.ICMPTypeNeighborSolicitation)
	}
	if count[snm("2001:db8:100::14")] != 4 || count[snm("fe80::11")] != 2 || count[snm("fe80::12")] != 0 || count["ff02::1 128"] != 2 {
		t.Errorf("sent %v", l.Sent())
	}
}

func TestScanBounds(t *testing.T) {
	var hosts []ndptest.Host
	for i := range 10 {
		hosts = append(hosts, ndptest.Host{LL: netip.AddrFrom16([16]byte{0: 0xfe, 1: 0x80, 15: byte(i + 1)}), MAC: net.HardwareAddr{0, 0x1b, 0x54, 0, 0, byte(i + 1)}})
	}
	res, err := Scan(context.Background(), ndptest.NewLink(hosts...), Config{HardwareAddr: ownHW, Sources: own[:1], Wait: 20 * time.Millisecond, MaxNeighbors: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Neighbors) != 4 || res.Stats.Dropped != 6 {
		t.Errorf("%d neighbours, %d dropped: want 4 and 6", len(res.Neighbors), res.Stats.Dropped)
	}
	if _, err := Scan(context.Background(), ndptest.NewLink(), Config{Sources: []netip.Addr{netip.MustParseAddr("198.51.100.2")}}); !errors.Is(err, ErrNoSource) {
		t.Errorf("no IPv6 source: %v", err)
	}
}

// TestScanCancel: a cancelled scan returns at once, whatever its wait.
func TestScanCancel(t *testing.T) {
	l := ndptest.NewLink(ndptest.Host{LL: netip.MustParseAddr("fe80::11"), MAC: ndptest.MAC("00:1b:54:00:00:01")})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Scan(ctx, l, Config{HardwareAddr: ownHW, Sources: own, Wait: time.Hour})
		done <- err
	}()
	<-l.Written
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Scan did not return after cancel")
	}
}

func TestDecode(t *testing.T) {
	ll := netip.MustParseAddr("fe80::11")
	hw := ndptest.MAC("00:1b:54:00:00:01")
	echo := echoRequest(0x1234, 1)
	echo[0] = byte(ipv6.ICMPTypeEchoReply)
	ra := ndptest.MustMarshal(&mdndp.RouterAdvertisement{RouterLifetime: 30 * time.Minute,
		Options: []mdndp.Option{&mdndp.LinkLayerAddress{Direction: mdndp.Source, Addr: hw}}})
	dad := ndptest.MustMarshal(&mdndp.NeighborSolicitation{TargetAddress: ll})
	for _, tc := range []struct {
		name string
		b    []byte
		src  netip.Addr
		hop  int
		want string
	}{
		{"echo reply", echo, netip.MustParseAddr("fe80::11%eth0"), 64, "2 fe80::11  false 4660"},
		{"advert", ndptest.Advert(netip.MustParseAddr("2001:db8::11"), hw, true), ll, 255, "3 2001:db8::11 00:1b:54:00:00:01 true 0"},
		{"advert forwarded", ndptest.Advert(ll, hw, false), ll, 64, "1 invalid IP  false 0"},
		{"advert hop unknown", ndptest.Advert(ll, hw, false), ll, -1, "3 fe80::11 00:1b:54:00:00:01 false 0"},
		{"multicast MAC", ndptest.Advert(ll, ndptest.MAC("01:00:5e:00:00:01"), false), ll, 255, "3 fe80::11  false 0"},
		{"router advert", ra, ll, 255, "4 fe80::11 00:1b:54:00:00:01 true 0"},
		{"router advert off link", ra, netip.MustParseAddr("2001:db8::1"), 255, "1 invalid IP  false 0"},
		{"duplicate address detection", dad, netip.IPv6Unspecified(), 255, "0 invalid IP  false 0"},
		{"truncated advert", ndptest.Advert(ll, hw, false)[:10], ll, 255, "1 invalid IP  false 0"},
		{"short", []byte{129, 0}, ll, 64, "1 invalid IP  false 0"},
		{"echo request", echoRequest(1, 1), ll, 64, "0 invalid IP  false 0"},
	} {
		ev := decode(tc.b, tc.src, tc.hop)
		if got := fmt.Sprintf("%d %s %s %v %d", ev.kind, ev.addr, ev.mac, ev.router, ev.id); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	hw := ndptest.MAC("00:1b:54:00:00:01")
	f.Add(ndptest.Advert(netip.MustParseAddr("2001:db8::11"), hw, true), 255)
	f.Add(ndptest.MustMarshal(&mdndp.NeighborSolicitation{TargetAddress: netip.MustParseAddr("fe80::2"),
		Options: []mdndp.Option{&mdndp.LinkLayerAddress{Direction: mdndp.Source, Addr: hw}}}), 255)
	f.Add(ndptest.MustMarshal(&mdndp.RouterAdvertisement{RouterLifetime: time.Minute}), 255)
	f.Add(echoRequest(7, 7), 64)
	f.Fuzz(func(t *testing.T, b []byte, hop int) {
		ev := decode(b, netip.MustParseAddr("fe80::11"), hop)
		if ev.kind == evAdvert || ev.kind == evHeard {
			if !ev.addr.Is6() || ev.mac != nil && len(ev.mac) != 6 {
				t.Fatalf("%x: %+v", b, ev)
			}
		}
		if ev.kind == evEchoReply && len(b) >= 8 && ev.id != binary.BigEndian.Uint16(b[4:]) {
			t.Fatalf("%x: id %d", b, ev.id)
		}
	})
}

// TestScanTentativeSource: right after a link comes up its link-local
// address is tentative (duplicate address detection runs for a second or
// two) and the kernel refuses to send from it. The echo from the global
// address still draws answers, and their solicitations must go from an
// address that can send: from the tentative one, every answer stayed
// without a MAC.
func TestScanTentativeSource(t *testing.T) {
	l := ndptest.NewLink(
		ndptest.Host{LL: netip.MustParseAddr("fe80::11"), Global: netip.MustParseAddr("2001:db8:100::11"), MAC: ndptest.MAC("00:1b:54:00:00:01")},
		ndptest.Host{LL: netip.MustParseAddr("fe80::12"), Global: netip.MustParseAddr("2001:db8:100::12"), MAC: ndptest.MAC("00:05:85:00:00:02")},
	)
	l.Unusable = map[netip.Addr]bool{own[0]: true}
	res, err := Scan(context.Background(), l, Config{HardwareAddr: ownHW, Sources: own, Wait: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range res.Neighbors {
		got = append(got, fmt.Sprintf("%s %s %s", n.Addr, n.MAC, n.Via))
	}
	want := []string{"2001:db8:100::11 00:1b:54:00:00:01 solicit", "2001:db8:100::12 00:05:85:00:00:02 solicit"}
	if fmt.Sprint(got) != fmt.Sprint(want) || res.Stats.Unresolved != 0 {
		t.Errorf("neighbours %v (unresolved %d), want %v", got, res.Stats.Unresolved, want)
	}
	// Sent counts what left: one echo (the global one), one solicitation each.
	if s := res.Stats; s.Echoes != 1 || s.Solicitations != 2 {
		t.Errorf("stats %+v: want 1 echo and 2 solicitations sent", s)
	}
}
