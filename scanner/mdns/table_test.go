package mdns

import (
	"encoding/binary"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/miekg/dns"

	fpmdns "github.com/netcensus/netcensus/fingerprints/mdns"
	"github.com/netcensus/netcensus/record"
)

var t0 = time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)

func hdr(name string, t uint16) dns.RR_Header {
	return dns.RR_Header{Name: name, Rrtype: t, Class: dns.ClassINET | 0x8000, Ttl: 120}
}

func response(answers []dns.RR, extra ...dns.RR) []byte {
	m := new(dns.Msg)
	m.Response = true
	m.Authoritative = true
	m.Answer = answers
	m.Extra = extra
	b, err := m.Pack()
	if err != nil {
		panic(err)
	}
	return b
}

func printerPacket() []byte {
	inst := `Lab\ Printer\ \195\169._ipp._tcp.local.`
	return response(
		[]dns.RR{&dns.PTR{Hdr: hdr("_ipp._tcp.local.", dns.TypePTR), Ptr: inst}},
		&dns.SRV{Hdr: hdr(inst, dns.TypeSRV), Port: 631, Target: "lab-printer.local."},
		&dns.TXT{Hdr: hdr(inst, dns.TypeTXT), Txt: []string{"txtvers=1", "ty=Acme LaserBeam 9000", `note=3rd \"floor\"`, "usb_MFG=Acme", "usb_MFG=Second", "Color"}},
		&dns.A{Hdr: hdr("lab-printer.local.", dns.TypeA), A: net.IPv4(192, 0, 2, 10)},
	)
}

func TestTablePrinter(t *testing.T) {
	tab := NewTable(Limits{})
	tab.Add(printerPacket(), netip.MustParseAddr("192.0.2.10"), t0)
	tab.Add(response([]dns.RR{&dns.HINFO{Hdr: hdr("lab-printer.local.", dns.TypeHINFO), Cpu: "ARM", Os: "LINUX"}}), netip.MustParseAddr("192.0.2.10"), t0.Add(time.Second))
	hosts := tab.Hosts()
	if len(hosts) != 1 {
		t.Fatalf("hosts = %+v", hosts)
	}
	h := hosts[0]
	if h.Name != "lab-printer" || len(h.Addrs) != 1 || h.Addrs[0] != netip.MustParseAddr("192.0.2.10") || !h.FirstSeen.Equal(t0) {
		t.Errorf("host = %+v", h)
	}
	if h.HINFO != (fpmdns.HINFO{CPU: "ARM", OS: "LINUX"}) {
		t.Errorf("hinfo = %+v", h.HINFO)
	}
	want := record.Service{Type: "_ipp._tcp", Name: "Lab Printer é", Port: 631, TXT: map[string]string{
		"txtvers": "1", "ty": "Acme LaserBeam 9000", "note": `3rd "floor"`, "usb_MFG": "Acme", "Color": "",
	}}
	if len(h.Services) != 1 || !sameService(h.Services[0], want) {
		t.Errorf("services = %+v, want %+v", h.Services, want)
	}
	if st := tab.Stats(); st.Packets != 2 || st.Records != 5 || st.Dropped() != 0 {
		t.Errorf("stats = %+v", st)
	}
}

func sameService(a, b record.Service) bool {
	if a.Type != b.Type || a.Name != b.Name || a.Port != b.Port || len(a.TXT) != len(b.TXT) {
		return false
	}
	for k, v := range b.TXT {
		if a.TXT[k] != v {
			return false
		}
	}
	return true
}

// An Apple _device-info TXT has no PTR or SRV: it joins the host whose
// answers carried it. Types come from the meta-query.
func TestTableDeviceInfoAndTypes(t *testing.T) {
	tab := NewTable(Limits{})
	src := netip.MustParseAddr("192.0.2.20")
	tab.Add(response([]dns.RR{
		&dns.PTR{Hdr: hdr(metaQuery, dns.TypePTR), Ptr: "_airplay._tcp.local."},
		&dns.PTR{Hdr: hdr(metaQuery, dns.TypePTR), Ptr: "_device-info._tcp.local."},
		&dns.PTR{Hdr: hdr(metaQuery, dns.TypePTR), Ptr: "not-a-type.local."},
	}), src, t0)
	tab.Add(response([]dns.RR{
		&dns.A{Hdr: hdr("Johns-MBP.local.", dns.TypeA), A: net.IPv4(192, 0, 2, 20)},
		&dns.PTR{Hdr: hdr("20.2.0.192.in-addr.arpa.", dns.TypePTR), Ptr: "Johns-MBP.local."},
	}), src, t0)
	tab.Add(response([]dns.RR{&dns.TXT{Hdr: hdr("Johns-MBP._device-info._tcp.local.", dns.TypeTXT), Txt: []string{"model=MacBookPro18,3", "osxvers=22"}}}), src, t0)
	if got := strings.Join(tab.Types(), ","); got != "_airplay._tcp,_device-info._tcp" {
		t.Errorf("types = %s", got)
	}
	hosts := tab.Hosts()
	if len(hosts) != 1 || hosts[0].Name != "Johns-MBP" || len(hosts[0].Services) != 1 || hosts[0].Services[0].TXT["model"] != "MacBookPro18,3" {
		t.Fatalf("hosts = %+v", hosts)
	}
	if st := tab.Stats(); st.DroppedRecords != 1 {
		t.Errorf("bad meta PTR not counted: %+v", st)
	}
}

// Services whose host sent no address record take the answers' source.
func TestTableNoAddressRecord(t *testing.T) {
	tab := NewTable(Limits{})
	inst := "box._ssh._tcp.local."
	tab.Add(response([]dns.RR{&dns.SRV{Hdr: hdr(inst, dns.TypeSRV), Port: 22, Target: "box.local."}}), netip.MustParseAddr("192.0.2.30"), t0)
	hosts := tab.Hosts()
	if len(hosts) != 1 || hosts[0].Name != "box" || hosts[0].Addrs[0] != netip.MustParseAddr("192.0.2.30") {
		t.Fatalf("hosts = %+v", hosts)
	}
}

func TestTableBounds(t *testing.T) {
	src := netip.MustParseAddr("192.0.2.66")
	tests := []struct {
		name  string
		lim   Limits
		pkts  [][]byte
		check func(t *testing.T, st Stats, hosts []Host)
	}{
		{
			name: "oversize",
			pkts: [][]byte{make([]byte, 9001)},
			check: func(t *testing.T, st Stats, _ []Host) {
				if st.Oversize != 1 {
					t.Errorf("%+v", st)
				}
			},
		},
		{
			name: "too many records claimed",
			pkts: [][]byte{func() []byte {
				b := make([]byte, 12)
				b[2] = 0x84
				binary.BigEndian.PutUint16(b[6:], 65535)
				return b
			}()},
			check: func(t *testing.T, st Stats, _ []Host) {
				if st.TooManyRecords != 1 {
					t.Errorf("%+v", st)
				}
			},
		},
		{
			name: "malformed: short, truncated, compression loop",
			pkts: [][]byte{{1, 2, 3}, printerPacket()[:40], compressionLoop()},
			check: func(t *testing.T, st Stats, _ []Host) {
				if st.Malformed != 3 {
					t.Errorf("%+v", st)
				}
			},
		},
		{
			name: "queries are not read",
			pkts: [][]byte{func() []byte {
				m := new(dns.Msg)
				m.SetQuestion("_ipp._tcp.local.", dns.TypePTR)
				b, _ := m.Pack()
				return b
			}()},
			check: func(t *testing.T, st Stats, h []Host) {
				if st.Queries != 1 || len(h) != 0 {
					t.Errorf("%+v %+v", st, h)
				}
			},
		},
		{
			name: "huge TXT truncated",
			lim:  Limits{MaxTXTBytes: 100},
			pkts: [][]byte{response([]dns.RR{&dns.TXT{Hdr: hdr("x._http._tcp.local.", dns.TypeTXT), Txt: []string{"a=1", strings.Repeat("b", 200), "c=3"}}})},
			check: func(t *testing.T, st Stats, h []Host) {
				if st.TruncatedTXT != 1 || len(h) != 1 || len(h[0].Services[0].TXT) != 1 {
					t.Errorf("%+v %+v", st, h)
				}
			},
		},
		{
			name: "instances, hosts and addresses bounded",
			lim:  Limits{MaxInstances: 10, MaxHosts: 5, MaxAddrs: 2},
			pkts: func() [][]byte {
				var out [][]byte
				for i := 0; i < 50; i++ {
					var rrs []dns.RR
					for j := 0; j < 20; j++ {
						rrs = append(rrs, &dns.PTR{Hdr: hdr("_http._tcp.local.", dns.TypePTR), Ptr: "i" + strconv.Itoa(i*20+j) + "._http._tcp.local."})
						rrs = append(rrs, &dns.A{Hdr: hdr("h"+strconv.Itoa(j)+".local.", dns.TypeA), A: net.IPv4(198, 18, byte(i), byte(j))})
					}
					out = append(out, response(rrs))
				}
				return out
			}(),
			check: func(t *testing.T, st Stats, h []Host) {
				n := 0
				for _, x := range h {
					n += len(x.Services)
					if len(x.Addrs) > 2 {
						t.Errorf("host with %d addrs", len(x.Addrs))
					}
				}
				if n != 10 || len(h) > 6 || st.DroppedRecords < 990 {
					t.Errorf("services=%d hosts=%d stats=%+v", n, len(h), st)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := NewTable(tt.lim)
			for _, p := range tt.pkts {
				tab.Add(p, src, t0)
			}
			tt.check(t, tab.Stats(), tab.Hosts())
		})
	}
}

// compressionLoop is a response whose one answer's name points at itself.
func compressionLoop() []byte {
	b := []byte{0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0}
	// name at offset 12: pointer to offset 12.
	b = append(b, 0xc0, 12, 0, 12, 0, 1, 0, 0, 0, 120, 0, 2, 0xc0, 12)
	return b
}

func TestUnescapeAndSplit(t *testing.T) {
	tests := []struct{ in, name, typ string }{
		{`Lab\ Printer._ipp._tcp.local.`, "Lab Printer", "_ipp._tcp"},
		{`Caf\195\169\ \(2\)._http._tcp.local.`, "Café (2)", "_http._tcp"},
		{`dotted\.name._ssh._tcp.local.`, "dotted.name", "_ssh._tcp"},
		{`evil\027\[31m._ssh._tcp.local.`, "evil[31m", "_ssh._tcp"},
		{`ws\ \[02:00:5e:10:00:01\]._workstation._tcp.LOCAL.`, "ws [02:00:5e:10:00:01]", "_workstation._tcp"},
	}
	for _, tt := range tests {
		name, typ, ok := SplitInstance(tt.in)
		if !ok || name != tt.name || typ != tt.typ {
			t.Errorf("%s: %q %q %v", tt.in, name, typ, ok)
		}
	}
	for _, bad := range []string{"_ipp._tcp.local.", "x._ipp._sctp.local.", "x.ipp._tcp.local.", "x._ipp._tcp.example."} {
		if _, _, ok := SplitInstance(bad); ok {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestAssets(t *testing.T) {
	rules, err := fpmdns.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	tab := NewTable(Limits{})
	tab.Add(printerPacket(), netip.MustParseAddr("192.0.2.10"), t0)
	as := Assets(tab.Hosts(), rules, record.SourceMDNS, t0)
	if len(as) != 1 {
		t.Fatalf("%+v", as)
	}
	a := as[0]
	if a.IP != netip.MustParseAddr("192.0.2.10") || a.Hostname != "lab-printer" || a.Vendor != "Acme" || a.Model != "LaserBeam 9000" ||
		a.DeviceType != "printer" || len(a.Sources) != 1 || a.Sources[0] != record.SourceMDNS || !a.FirstSeen.Equal(t0) {
		t.Errorf("asset = %+v", a)
	}
}

func FuzzTableAdd(f *testing.F) {
	f.Add(printerPacket())
	f.Add(compressionLoop())
	f.Add(response([]dns.RR{&dns.HINFO{Hdr: hdr("h.local.", dns.TypeHINFO), Cpu: "x", Os: "y"}}))
	f.Fuzz(func(t *testing.T, b []byte) {
		tab := NewTable(Limits{MaxInstances: 16, MaxHosts: 16})
		tab.Add(b, netip.MustParseAddr("192.0.2.1"), t0)
		for _, h := range tab.Hosts() {
			if len(h.Services) > 16 {
				t.Fatal("bound broken")
			}
		}
	})
}

func TestBrowseNeedsInterface(t *testing.T) {
	if _, err := Browse(t.Context(), Options{}); err != ErrNoInterface {
		t.Errorf("err = %v", err)
	}
}

// One sender cannot crowd the others out: its share is MaxPerSource.
func TestTablePerSourceShare(t *testing.T) {
	tab := NewTable(Limits{MaxInstances: 100, MaxPerSource: 10})
	hostile := netip.MustParseAddr("192.0.2.66")
	for i := 0; i < 50; i++ {
		tab.Add(response([]dns.RR{&dns.PTR{Hdr: hdr("_http._tcp.local.", dns.TypePTR), Ptr: "f" + strconv.Itoa(i) + "._http._tcp.local."}}), hostile, t0)
	}
	tab.Add(printerPacket(), netip.MustParseAddr("192.0.2.10"), t0)
	var printer bool
	total := 0
	for _, h := range tab.Hosts() {
		total += len(h.Services)
		printer = printer || h.Name == "lab-printer"
	}
	if !printer || total != 11 || tab.Stats().DroppedRecords != 40 {
		t.Errorf("printer %v services %d stats %+v", printer, total, tab.Stats())
	}
}
