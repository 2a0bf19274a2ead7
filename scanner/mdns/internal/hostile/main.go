// Command hostile is a misbehaving mDNS responder for the lab: run inside
// a lab host's network namespace, it multicasts, out of one interface, for
// a bounded time and packet count: huge TXT records, name-compression
// loops, thousands of records, packets claiming 65535 records, truncated
// and random packets, a flood of unique instances and of service types,
// and a few honest answers among them. It never reads what it is asked.
//
//	hostile -i eth0 -ip 198.51.100.13 -duration 5s -rate 4000
package main

import (
	"context"
	"encoding/binary"
	"flag"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/miekg/dns"
	"golang.org/x/net/ipv4"
	"golang.org/x/time/rate"
)

func main() {
	iface := flag.String("i", "eth0", "interface to send out of")
	ipStr := flag.String("ip", "", "this host's address, put in A records")
	dur := flag.Duration("duration", 5*time.Second, "how long to send")
	pps := flag.Int("rate", 4000, "packets per second")
	maxPkts := flag.Int("max-packets", 100000, "stop after this many packets")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, *dur)
	defer cancel()
	n, err := run(ctx, *iface, net.ParseIP(*ipStr), *pps, *maxPkts)
	fmt.Fprintf(os.Stderr, "hostile: sent %d packets\n", n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, ifname string, ip net.IP, pps, maxPkts int) (int, error) {
	if ip.To4() == nil {
		return 0, fmt.Errorf("-ip: want an IPv4 address")
	}
	ifi, err := net.InterfaceByName(ifname)
	if err != nil {
		return 0, err
	}
	c, err := net.ListenUDP("udp4", &net.UDPAddr{Port: 0})
	if err != nil {
		return 0, err
	}
	pc := ipv4.NewPacketConn(c)
	defer pc.Close()
	if err := pc.SetMulticastInterface(ifi); err != nil {
		return 0, err
	}
	if err := pc.SetMulticastTTL(255); err != nil {
		return 0, err
	}
	dst := &net.UDPAddr{IP: net.IPv4(224, 0, 0, 251), Port: 5353}
	lim := rate.NewLimiter(rate.Limit(pps), max(1, pps/100))
	gens := generators(ip, rand.New(rand.NewPCG(1, 2)))
	sent := 0
	for i := 0; sent < maxPkts; i++ {
		if err := lim.Wait(ctx); err != nil {
			return sent, nil // time is up
		}
		b := gens[i%len(gens)](i)
		if _, err := pc.WriteTo(b, nil, dst); err != nil {
			// A full send buffer under flood: skip, go on.
			continue
		}
		sent++
	}
	return sent, nil
}

// generators are the kinds of packet sent in turn; each takes the packet's
// sequence number.
func generators(ip net.IP, rng *rand.Rand) []func(int) []byte {
	return []func(int) []byte{
		func(int) []byte { return honest(ip) },
		func(int) []byte { return hugeTXT() },
		func(int) []byte { return compressionLoop() },
		manyRecords,
		func(int) []byte { return claimsTooMany() },
		func(i int) []byte { return truncated(ip, i) },
		func(int) []byte {
			// Random bytes flagged as a response; some shorter than a header.
			b := make([]byte, 1+rng.IntN(1400))
			fillRand(rng, b)
			if len(b) > 2 {
				b[2] |= 0x80
			}
			return b
		},
		func(i int) []byte { return floodInstance(ip, i) },
		floodTypes,
		func(int) []byte { return make([]byte, 9200) }, // oversize (jumbo)
	}
}

func fillRand(r *rand.Rand, b []byte) {
	for i := range b {
		b[i] = byte(r.Uint32())
	}
}

func hdr(name string, t uint16) dns.RR_Header {
	return dns.RR_Header{Name: name, Rrtype: t, Class: dns.ClassINET | 0x8000, Ttl: 120}
}

func pack(answers []dns.RR, extra ...dns.RR) []byte {
	m := new(dns.Msg)
	m.Response, m.Authoritative, m.Compress = true, true, true
	m.Answer, m.Extra = answers, extra
	b, err := m.Pack()
	if err != nil {
		panic(err)
	}
	return b
}

// honest is a well-formed service the scanner should still find.
func honest(ip net.IP) []byte {
	inst := `Hostile\ Honest._http._tcp.local.`
	return pack([]dns.RR{
		&dns.PTR{Hdr: hdr("_services._dns-sd._udp.local.", dns.TypePTR), Ptr: "_http._tcp.local."},
		&dns.PTR{Hdr: hdr("_http._tcp.local.", dns.TypePTR), Ptr: inst},
	},
		&dns.SRV{Hdr: hdr(inst, dns.TypeSRV), Port: 80, Target: "hostile.local."},
		&dns.TXT{Hdr: hdr(inst, dns.TypeTXT), Txt: []string{"path=/"}},
		&dns.A{Hdr: hdr("hostile.local.", dns.TypeA), A: ip},
	)
}

// hugeTXT: one TXT of 34 strings of 255 bytes (8.7 kB).
func hugeTXT() []byte {
	var txt []string
	for i := 0; i < 34; i++ {
		txt = append(txt, fmt.Sprintf("k%02d=%s", i, strings.Repeat("x", 250)))
	}
	return pack([]dns.RR{&dns.TXT{Hdr: hdr(`Huge._http._tcp.local.`, dns.TypeTXT), Txt: txt}})
}

// compressionLoop: the answer's name points at itself.
func compressionLoop() []byte {
	b := []byte{0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0}
	return append(b, 0xc0, 12, 0, 12, 0, 1, 0, 0, 0, 120, 0, 2, 0xc0, 12)
}

// manyRecords: 400 PTRs to distinct instances in one packet.
func manyRecords(i int) []byte {
	var rrs []dns.RR
	for j := 0; j < 400; j++ {
		rrs = append(rrs, &dns.PTR{Hdr: hdr("_http._tcp.local.", dns.TypePTR), Ptr: fmt.Sprintf("m%d-%d._http._tcp.local.", i, j)})
	}
	return pack(rrs)
}

// claimsTooMany: a header announcing 65535 answers, with none.
func claimsTooMany() []byte {
	b := make([]byte, 12)
	b[2] = 0x84
	binary.BigEndian.PutUint16(b[6:], 65535)
	return b
}

func truncated(ip net.IP, i int) []byte {
	b := honest(ip)
	return b[:12+i%(len(b)-12)]
}

// floodInstance: a new instance, with host and address, every packet.
func floodInstance(ip net.IP, i int) []byte {
	inst := fmt.Sprintf("flood-%d._http._tcp.local.", i)
	host := fmt.Sprintf("flood-%d.local.", i)
	return pack([]dns.RR{&dns.PTR{Hdr: hdr("_http._tcp.local.", dns.TypePTR), Ptr: inst}},
		&dns.SRV{Hdr: hdr(inst, dns.TypeSRV), Port: 80, Target: host},
		&dns.TXT{Hdr: hdr(inst, dns.TypeTXT), Txt: []string{"a=b"}},
		&dns.A{Hdr: hdr(host, dns.TypeA), A: ip},
	)
}

// floodTypes: 100 new service types per packet.
func floodTypes(i int) []byte {
	var rrs []dns.RR
	for j := 0; j < 100; j++ {
		rrs = append(rrs, &dns.PTR{Hdr: hdr("_services._dns-sd._udp.local.", dns.TypePTR), Ptr: fmt.Sprintf("_t%d-%d._tcp.local.", i, j)})
	}
	return pack(rrs)
}
