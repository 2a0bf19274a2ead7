package arp

import (
	"net"
	"net/netip"
	"testing"
)

func TestSegmentInterfaces(t *testing.T) {
	eth0, eth1 := &net.Interface{Index: 2, Name: "eth0"}, &net.Interface{Index: 3, Name: "eth1"}
	p := netip.MustParsePrefix
	segs := []Segment{{Prefix: p("198.51.100.0/24"), Interface: eth1}, {Prefix: p("192.0.2.0/24"), Interface: eth0}, {Prefix: p("203.0.113.0/24"), Interface: eth1}}
	got := SegmentInterfaces(segs)
	if len(got) != 2 || got[0] != eth1 || got[1] != eth0 {
		t.Errorf("interfaces %v", got)
	}
	if got := SegmentInterfaces(nil); len(got) != 0 {
		t.Errorf("no segments: %v", got)
	}
}
