package main

import (
	"math/rand/v2"
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/netcensus/netcensus/scanner/mdns"
)

// Each kind of packet the responder sends lands in the decoder counter it
// is meant to exercise.
func TestPacketsAreHostile(t *testing.T) {
	ip := net.IPv4(198, 51, 100, 13)
	src := netip.MustParseAddr("198.51.100.13")
	tests := []struct {
		name  string
		pkt   []byte
		check func(mdns.Stats) bool
	}{
		{"honest", honest(ip), func(s mdns.Stats) bool { return s.Dropped() == 0 && s.Records == 5 }},
		{"huge TXT", hugeTXT(), func(s mdns.Stats) bool { return s.TruncatedTXT == 1 }},
		{"compression loop", compressionLoop(), func(s mdns.Stats) bool { return s.Malformed == 1 }},
		{"many records", manyRecords(1), func(s mdns.Stats) bool { return s.Records == 400 }},
		{"claims too many", claimsTooMany(), func(s mdns.Stats) bool { return s.TooManyRecords == 1 }},
		{"truncated", truncated(ip, 30), func(s mdns.Stats) bool { return s.Malformed == 1 }},
		{"flood instance", floodInstance(ip, 3), func(s mdns.Stats) bool { return s.Records == 4 }},
		{"flood types", floodTypes(2), func(s mdns.Stats) bool { return s.Records == 100 }},
	}
	for _, tt := range tests {
		tab := mdns.NewTable(mdns.Limits{})
		tab.Add(tt.pkt, src, time.Now())
		if st := tab.Stats(); !tt.check(st) {
			t.Errorf("%s: stats %+v", tt.name, st)
		}
	}
	// Many flood packets from one sender stay within its share.
	tab := mdns.NewTable(mdns.Limits{})
	for i := 0; i < 20; i++ {
		tab.Add(manyRecords(i), src, time.Now())
		tab.Add(floodTypes(i), src, time.Now())
	}
	n := 0
	for _, h := range tab.Hosts() {
		n += len(h.Services)
	}
	if n > 256 || len(tab.Types()) > 64 || tab.Stats().DroppedRecords == 0 {
		t.Errorf("services %d types %d stats %+v", n, len(tab.Types()), tab.Stats())
	}
}

// Every generator builds every packet of a long run without panicking (a
// random packet shorter than its flag byte once killed the responder
// mid-test, silencing the flood).
func TestGeneratorsNeverPanic(t *testing.T) {
	gens := generators(net.IPv4(198, 51, 100, 13), rand.New(rand.NewPCG(7, 8)))
	for i := 0; i < 20000; i++ {
		if b := gens[i%len(gens)](i); len(b) == 0 {
			t.Fatalf("packet %d is empty", i)
		}
	}
}
