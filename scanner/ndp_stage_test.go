package scanner

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/mdns"
	"github.com/netcensus/netcensus/scanner/ndp"
	"github.com/netcensus/netcensus/scanner/ndp/ndptest"
	"github.com/netcensus/netcensus/scanner/targets"
)

// ndpEnv is fakeEnv's segment with IPv6 on its link: .11 is dual-stack,
// .12 has a link-local address only, and a third host is IPv6 alone.
func ndpEnv(t *testing.T) (Env, *ndptest.Link, *[]string) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	seg.AddHost("198.51.100.12", "00:05:85:00:00:12")
	link := ndptest.NewLink(
		ndptest.Host{LL: netip.MustParseAddr("fe80::11"), Global: netip.MustParseAddr("2001:db8:100::11"), MAC: ndptest.MAC("00:1b:54:00:00:11")},
		ndptest.Host{LL: netip.MustParseAddr("fe80::12"), MAC: ndptest.MAC("00:05:85:00:00:12")},
		ndptest.Host{LL: netip.MustParseAddr("fe80::99"), Global: netip.MustParseAddr("2001:db8:100::99"), MAC: ndptest.MAC("a4:c3:61:00:00:99")},
	)
	env := fakeEnv(seg)
	var opened []string
	env.ListenNDP = func(ifi *net.Interface) (ndp.Conn, error) {
		opened = append(opened, ifi.Name)
		return link, nil
	}
	env.AddrsV6 = func(*net.Interface) ([]netip.Prefix, error) {
		return []netip.Prefix{netip.MustParsePrefix("fe80::2/64"), netip.MustParsePrefix("2001:db8:100::2/64")}, nil
	}
	return env, link, &opened
}

func TestRunNDPJoinsByMAC(t *testing.T) {
	env, _, opened := ndpEnv(t)
	set, err := targets.Build([]string{"198.51.100.0/24"}, nil, targets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), env, Options{Targets: set, Rate: 100000, ARPWait: 20 * time.Millisecond,
		NDP: &NDPOptions{Wait: 30 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range rep.Hosts() {
		got = append(got, fmt.Sprintf("%s %s %v %v", h.IP, h.MAC, h.IPs, h.Sources))
	}
	want := []string{
		// Joined through the MAC ARP saw: the global address, not the link-local.
		"198.51.100.11 00:1b:54:00:00:11 [198.51.100.11 2001:db8:100::11] [arp ndp]",
		// A link-local address alone adds nothing.
		"198.51.100.12 00:05:85:00:00:12 [] [arp]",
		// IPv6 alone, on a segment swept whole: a host of its own.
		"2001:db8:100::99 a4:c3:61:00:00:99 [] [ndp]",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("hosts\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s := rep.NDP; s.Links != 1 || s.Joined != 1 || s.Hosts != 1 || s.Neighbors != 5 || s.Echoes != 2 {
		t.Errorf("ndp stats %+v", s)
	}
	if rep.Found != 3 {
		t.Errorf("found %d, want the 3 hosts reported (IPv6 alone among them)", rep.Found)
	}
	if fmt.Sprint(*opened) != "[eth0]" {
		t.Errorf("ndp sockets on %v, want eth0 only", *opened)
	}
}

// TestRunNDPScope: a host known by IPv6 alone is reported only when it was
// asked for: its address among the targets, or the link's whole segment.
func TestRunNDPScope(t *testing.T) {
	for _, tc := range []struct {
		specs []string
		want  bool
	}{
		{[]string{"198.51.100.11-12"}, false},
		{[]string{"198.51.100.11-12", "2001:db8:100::99"}, true},
		{[]string{"2001:db8:100::99"}, true},
	} {
		env, link, _ := ndpEnv(t)
		set, err := targets.Build(tc.specs, nil, targets.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := Run(context.Background(), env, Options{Targets: set, Rate: 100000, ARPWait: 20 * time.Millisecond,
			NDP: &NDPOptions{Wait: 30 * time.Millisecond}})
		if err != nil {
			t.Fatal(err)
		}
		found := slices.ContainsFunc(rep.Hosts(), func(h record.Asset) bool { return h.IP.String() == "2001:db8:100::99" })
		if found != tc.want {
			t.Errorf("%v: IPv6-only host reported %v, want %v", tc.specs, found, tc.want)
		}
		if len(rep.Skipped) != 0 {
			t.Errorf("%v: skipped %v", tc.specs, rep.Skipped)
		}
		if slices.Contains(tc.specs, "2001:db8:100::99") && !slices.ContainsFunc(link.Sent(), func(s string) bool { return strings.HasPrefix(s, "ff02::1:ff00:99 ") }) {
			t.Errorf("%v: the IPv6 target was not solicited: %v", tc.specs, link.Sent())
		}
	}
}

// TestRunIPv6TargetsSkipped: IPv6 targets that nothing will ask are
// skipped with the reason.
func TestRunIPv6TargetsSkipped(t *testing.T) {
	env, _, _ := ndpEnv(t)
	set, err := targets.Build([]string{"198.51.100.11", "2001:db8:200::5", "2001:db8:100::11"}, nil, targets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), env, Options{Targets: set, Rate: 100000, ARPWait: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range rep.Skipped {
		got = append(got, s.Target+": "+s.Reason)
	}
	want := "[2001:db8:100::11: IPv6 neighbour discovery is off 2001:db8:200::5: not on an attached IPv6 link (only SNMP asks routed IPv6 targets, and it is off)]"
	if fmt.Sprint(got) != want {
		t.Errorf("skipped %v\nwant %s", got, want)
	}
}

// v6OnlyIfs is a machine whose interfaces have no IPv4 address.
type v6OnlyIfs map[string]*net.Interface

func (f v6OnlyIfs) ByName(n string) (*net.Interface, []netip.Prefix, error) {
	if ifi, ok := f[n]; ok {
		return ifi, nil, nil
	}
	return nil, nil, fmt.Errorf("no interface %s", n)
}

// TestRunNDPIPv6OnlyLink: a link with no IPv4 at all (no segment, no
// route) is asked by NDP for the IPv6 targets on it, with or without the
// interface chosen: its hosts are found by their IPv6 addresses and MACs.
// Before, such targets were skipped as "not on an attached IPv6 link", and
// a chosen interface without IPv4 failed the sweep. mDNS browses the link
// too (its hosts answer over ff02::fb), and what a host announces joins
// the host NDP found; before, only links with an IPv4 segment were
// browsed.
func TestRunNDPIPv6OnlyLink(t *testing.T) {
	eth1 := &net.Interface{Index: 3, Name: "eth1", Flags: net.FlagUp | net.FlagBroadcast | net.FlagMulticast, HardwareAddr: scanMAC}
	lo := &net.Interface{Index: 1, Name: "lo", Flags: net.FlagUp | net.FlagLoopback}
	for _, iface := range []string{"", "eth1"} {
		t.Run("interface="+iface, func(t *testing.T) {
			link := ndptest.NewLink(
				ndptest.Host{LL: netip.MustParseAddr("fe80::11"), Global: netip.MustParseAddr("2001:db8:100::11"), MAC: ndptest.MAC("00:1b:54:00:00:11")},
				ndptest.Host{LL: netip.MustParseAddr("fe80::99"), Global: netip.MustParseAddr("2001:db8:100::199"), MAC: ndptest.MAC("a4:c3:61:00:00:99")}, // outside the /120
			)
			var opened, browsed []string
			env := Env{
				BrowseMDNS: func(ctx context.Context, o mdns.Options) (*mdns.Result, error) {
					browsed = append(browsed, o.Interface.Name)
					return &mdns.Result{Start: time.Now(), Hosts: []mdns.Host{{Name: "v6-nas",
						Addrs:    []netip.Addr{netip.MustParseAddr("2001:db8:100::11")},
						Services: []record.Service{{Type: "_smb._tcp", Name: "v6-nas", Port: 445}}}}}, nil
				},
				Routes:     func() ([]arp.Route, error) { return nil, nil },
				Interfaces: v6OnlyIfs{"eth1": eth1, "lo": lo},
				ListenARP: func(*net.Interface) (net.PacketConn, error) {
					t.Fatal("an ARP socket was opened on a link with no IPv4")
					return nil, nil
				},
				ListInterfaces: func() ([]net.Interface, error) { return []net.Interface{*lo, *eth1}, nil },
				ListenNDP: func(ifi *net.Interface) (ndp.Conn, error) {
					opened = append(opened, ifi.Name)
					return link, nil
				},
				AddrsV6: func(ifi *net.Interface) ([]netip.Prefix, error) {
					if ifi.Name != "eth1" {
						return []netip.Prefix{netip.MustParsePrefix("::1/128")}, nil
					}
					return []netip.Prefix{netip.MustParsePrefix("fe80::2/64"), netip.MustParsePrefix("2001:db8:100::2/64")}, nil
				},
			}
			set, err := targets.Build([]string{"2001:db8:100::/120"}, nil, targets.Options{})
			if err != nil {
				t.Fatal(err)
			}
			rep, err := Run(context.Background(), env, Options{Targets: set, Interface: iface, Rate: 100000, NDP: &NDPOptions{Wait: 30 * time.Millisecond},
				MDNS: &MDNSOptions{Duration: time.Second}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range rep.Hosts() {
				got = append(got, fmt.Sprintf("%s %s %q %v", h.IP, h.MAC, h.Hostname, h.Sources))
			}
			if want := []string{`2001:db8:100::11 00:1b:54:00:00:11 "v6-nas" [mdns ndp]`}; fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("hosts %v, want %v (skipped %v)", got, want, rep.Skipped)
			}
			if rep.Found != 1 {
				t.Errorf("found %d, want the IPv6-only host", rep.Found)
			}
			if fmt.Sprint(opened) != "[eth1]" || rep.NDP.Links != 1 {
				t.Errorf("ndp on %v (%d links), want eth1 alone", opened, rep.NDP.Links)
			}
			if fmt.Sprint(browsed) != "[eth1]" {
				t.Errorf("mdns browsed %v, want eth1", browsed)
			}
		})
	}
}

// TestMDNSJoinsIPv6OnlyHost: a host with no IPv4 address that answers mDNS
// over IPv6 alone (its AAAA records, global and link-local) joins the host
// NDP found with that address and MAC: one record with NDP's MAC and
// mDNS's name and services. Before, only ARP hosts could be joined, and
// what such a host announced was dropped. An mDNS host whose addresses
// no MAC answered from stays out (never joined by address alone).
func TestMDNSJoinsIPv6OnlyHost(t *testing.T) {
	env, _, _ := ndpEnv(t)
	env.BrowseMDNS = func(ctx context.Context, o mdns.Options) (*mdns.Result, error) {
		return &mdns.Result{Start: time.Now(), Hosts: []mdns.Host{
			{Name: "v6-printer", Addrs: []netip.Addr{netip.MustParseAddr("fe80::99"), netip.MustParseAddr("2001:db8:100::99")},
				Services: []record.Service{{Type: "_ipp._tcp", Name: "V6 Printer", Port: 631}}},
			{Name: "stranger", Addrs: []netip.Addr{netip.MustParseAddr("2001:db8:100::77")},
				Services: []record.Service{{Type: "_ssh._tcp", Name: "stranger", Port: 22}}},
		}}, nil
	}
	set, err := targets.Build([]string{"198.51.100.0/24"}, nil, targets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), env, Options{Targets: set, Rate: 100000, ARPWait: 20 * time.Millisecond,
		NDP: &NDPOptions{Wait: 30 * time.Millisecond}, MDNS: &MDNSOptions{Duration: time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, h := range rep.Hosts() {
		switch h.IP {
		case netip.MustParseAddr("2001:db8:100::99"):
			found = true
			if h.MAC.String() != "a4:c3:61:00:00:99" || h.Hostname != "v6-printer" || len(h.Services) != 1 ||
				!slices.Contains(h.Sources, record.SourceMDNS) || !slices.Contains(h.Sources, record.SourceNDP) {
				t.Errorf("IPv6-only host: %+v", h)
			}
		case netip.MustParseAddr("2001:db8:100::77"):
			t.Errorf("a host joined by address alone: %+v", h)
		}
	}
	if !found || rep.MDNS.Merged != 1 {
		t.Errorf("IPv6-only host found %v, mdns stats %+v", found, rep.MDNS)
	}
}

// TestSubnetRouterAnycast: a router answers NDP for its link's
// subnet-router anycast address (prefix::) too; that address names no
// host and keys no record (the lab's router was recorded as
// 2001:db8:100:: before, its own ::254 second).
func TestSubnetRouterAnycast(t *testing.T) {
	for a, want := range map[string]bool{
		"2001:db8:100::":     true,
		"2001:db8:100::254":  false,
		"2001:db8:100:0:1::": false,
		"fe80::":             false,
		"fd00:1:2:3::":       true,
	} {
		if got := subnetRouterAnycast(netip.MustParseAddr(a)); got != want {
			t.Errorf("%s: %v, want %v", a, got, want)
		}
	}
}
