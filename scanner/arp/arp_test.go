package arp_test

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
	mdarp "github.com/mdlayher/arp"
	"golang.org/x/time/rate"

	"github.com/netcensus/netcensus/internal/testenv"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
)

var (
	ourMAC = net.HardwareAddr{0x02, 0x00, 0x00, 0x00, 0x00, 0x01}
	ourIP  = netip.MustParseAddr("198.51.100.2")
)

func span(prefix string, from, to int) []netip.Addr {
	var out []netip.Addr
	base := netip.MustParseAddr(prefix).As4()
	for i := from; i <= to; i++ {
		base[3] = byte(i)
		out = append(out, netip.AddrFrom4(base))
	}
	return out
}

func testConfig() arp.Config {
	return arp.Config{HardwareAddr: ourMAC, SourceIP: ourIP, Retries: 1, Wait: 30 * time.Millisecond}
}

func TestRequestFrame(t *testing.T) {
	b, err := arp.RequestFrame(ourMAC, ourIP)
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0, 0, 0, 0, 0x01, 0x08, 0x06, // ethernet
		0x00, 0x01, 0x08, 0x00, 6, 4, 0x00, 0x01, // htype, ptype, hlen, plen, op=request
		0x02, 0, 0, 0, 0, 0x01, 198, 51, 100, 2, // sender
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // target hw, target ip (patched per request)
	}
	if !bytes.Equal(b[:len(want)], want) {
		t.Fatalf("frame\n got %x\nwant %x", b[:len(want)], want)
	}
	if len(b) < 60 {
		t.Fatalf("frame %d bytes, want padded to 60", len(b))
	}
}

func TestSweepFindsHostsAndRetriesOnlySilent(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	seg.AddHost("198.51.100.12", "00:05:85:00:00:12")
	seg.AddHost("198.51.100.13", "b8:27:eb:00:00:13")
	seg.DropN[netip.MustParseAddr("198.51.100.13")] = 1 // answers only the retry
	addrs := span("198.51.100.0", 1, 30)
	res, err := arp.Sweep(context.Background(), seg, testConfig(), addrs)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hosts) != 3 {
		t.Fatalf("found %d hosts, want 3: %+v", len(res.Hosts), res.Hosts)
	}
	for i, ip := range []string{"198.51.100.11", "198.51.100.12", "198.51.100.13"} {
		if res.Hosts[i].IP.String() != ip {
			t.Errorf("host %d = %s, want %s", i, res.Hosts[i].IP, ip)
		}
	}
	if got := seg.RequestsTo("198.51.100.11"); got != 1 {
		t.Errorf("answering host got %d requests, want 1", got)
	}
	if got := seg.RequestsTo("198.51.100.13"); got != 2 {
		t.Errorf("host answering the retry got %d requests, want 2", got)
	}
	if got := seg.RequestsTo("198.51.100.20"); got != 2 {
		t.Errorf("silent address got %d requests, want 1 + 1 retry", got)
	}
	if want := 30 + 27 + 1; res.Sent != want {
		t.Errorf("sent %d, want %d", res.Sent, want)
	}
	if res.Hosts[0].Replies[0].MAC.String() != "00:1b:54:00:00:11" {
		t.Errorf("mac = %s", res.Hosts[0].Replies[0].MAC)
	}
}

func TestSweepNoRetries(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.5", "00:1b:54:00:00:05")
	cfg := testConfig()
	cfg.Retries = 0
	res, err := arp.Sweep(context.Background(), seg, cfg, span("198.51.100.0", 1, 10))
	if err != nil {
		t.Fatal(err)
	}
	if res.Sent != 10 || len(res.Hosts) != 1 {
		t.Fatalf("sent %d found %d, want 10 and 1", res.Sent, len(res.Hosts))
	}
}

func TestSweepStopsEarlyWhenAllAnswered(t *testing.T) {
	seg := arptest.NewSegment()
	for _, a := range span("198.51.100.0", 1, 5) {
		seg.AddHost(a.String(), "00:1b:54:00:00:01")
	}
	cfg := testConfig()
	cfg.Wait = 10 * time.Second
	start := time.Now()
	res, err := arp.Sweep(context.Background(), seg, cfg, span("198.51.100.0", 1, 5))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hosts) != 5 {
		t.Fatalf("found %d", len(res.Hosts))
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Fatalf("sweep waited %v although every address answered", el)
	}
}

func TestSweepConflictAndDuplicates(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.7", "00:1b:54:00:00:07", "3c:22:fb:00:00:07")
	seg.AddHost("198.51.100.8", "00:05:85:00:00:08")
	seg.Extra[netip.MustParseAddr("198.51.100.8")] = 2
	res, err := arp.Sweep(context.Background(), seg, testConfig(), span("198.51.100.0", 7, 8))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hosts) != 2 {
		t.Fatalf("found %d", len(res.Hosts))
	}
	if n := len(res.Hosts[0].Replies); n != 2 {
		t.Errorf("198.51.100.7: %d MACs, want 2", n)
	}
	h := res.Hosts[1]
	if h.Replies[0].Count != 3 || h.Requests != 1 {
		t.Errorf("198.51.100.8: %d replies to %d requests, want 3 to 1", h.Replies[0].Count, h.Requests)
	}
}

func TestSweepIgnoresForeignAndMalformed(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.9", "00:1b:54:00:00:09")
	other := netip.MustParseAddr("198.51.100.200")
	seg.Noise = [][]byte{
		arptest.Reply(net.HardwareAddr{0, 0x1b, 0x54, 1, 2, 3}, other, ourMAC, ourIP), // not swept
		arptest.Reply(net.HardwareAddr{0, 0x1b, 0x54, 1, 2, 4}, netip.MustParseAddr("198.51.100.9"),
			net.HardwareAddr{2, 9, 9, 9, 9, 9}, netip.MustParseAddr("198.51.100.3")), // answer to someone else
		{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 1, 2, 3, 4, 5, 0x08, 0x06, 0, 1}, // truncated ARP
	}
	res, err := arp.Sweep(context.Background(), seg, testConfig(), span("198.51.100.0", 9, 9))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hosts) != 1 || len(res.Hosts[0].Replies) != 1 || res.Hosts[0].Replies[0].MAC.String() != "00:1b:54:00:00:09" {
		t.Fatalf("hosts = %+v", res.Hosts)
	}
	if res.Malformed != 1 {
		t.Errorf("malformed = %d, want 1", res.Malformed)
	}
}

func TestSweepCancelReturnsPromptly(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.1", "00:1b:54:00:00:01")
	cfg := testConfig()
	cfg.Limiter = rate.NewLimiter(50, 1) // 254 addresses would take 5 s
	cfg.Wait = 5 * time.Second
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	var res *arp.Result
	var err error
	go func() {
		res, err = arp.Sweep(ctx, seg, cfg, span("198.51.100.0", 1, 254))
		close(done)
	}()
	time.AfterFunc(100*time.Millisecond, cancel)
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("arp.Sweep did not return within 2 s of cancel")
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if res == nil || res.Sent >= 254 {
		t.Fatalf("partial result missing or complete: %+v", res)
	}
}

func TestSweepValidates(t *testing.T) {
	if _, err := arp.Sweep(context.Background(), arptest.NewSegment(), arp.Config{HardwareAddr: ourMAC}, nil); !errors.Is(err, arp.ErrNoAddress) {
		t.Errorf("no source: %v", err)
	}
	if _, err := arp.Sweep(context.Background(), arptest.NewSegment(), arp.Config{SourceIP: ourIP, HardwareAddr: net.HardwareAddr{1}}, nil); err == nil {
		t.Error("short MAC accepted")
	}
}

func TestVirtualMAC(t *testing.T) {
	for mac, want := range map[string]string{
		"00:00:5e:00:01:0a": "vrrp",
		"00:00:5e:00:02:0a": "vrrp",
		"00:00:0c:07:ac:01": "hsrp",
		"00:00:0c:9f:f0:01": "hsrp",
		"00:07:b4:00:01:02": "glbp",
		"00:00:0c:12:34:56": "",
		"00:00:5e:00:53:01": "",
	} {
		hw, _ := net.ParseMAC(mac)
		if got := arp.VirtualMAC(hw); got != want {
			t.Errorf("arp.VirtualMAC(%s) = %q, want %q", mac, got, want)
		}
	}
}

func TestDecodeTable(t *testing.T) {
	good := arptest.Reply(net.HardwareAddr{0, 0x1b, 0x54, 1, 2, 3}, netip.MustParseAddr("198.51.100.9"), ourMAC, ourIP)
	ipv4 := append([]byte(nil), good...)
	ipv4[12], ipv4[13] = 0x08, 0x00
	badHType := append([]byte(nil), good...)
	badHType[15] = 6
	tests := []struct {
		name string
		b    []byte
		err  bool
		not  bool
	}{
		{"reply", good, false, false},
		{"empty", nil, true, false},
		{"short ethernet", good[:10], true, false},
		{"truncated arp", good[:20], true, false},
		{"ipv4 frame", ipv4, true, true},
		{"token ring hardware type", badHType, true, false},
	}
	for _, tt := range tests {
		p, err := arp.Decode(tt.b)
		if (err != nil) != tt.err {
			t.Errorf("%s: err = %v", tt.name, err)
		}
		if tt.not != errors.Is(err, arp.ErrNotARP) {
			t.Errorf("%s: arp.ErrNotARP = %v", tt.name, errors.Is(err, arp.ErrNotARP))
		}
		if err == nil && (p.Operation != mdarp.OperationReply || p.SenderIP.String() != "198.51.100.9") {
			t.Errorf("%s: decoded %+v", tt.name, p)
		}
	}
}

// pcapDir holds small captures from Zeek's and tcpdump's test suites
// (testdata/README.md); the corpus tier reads the full set.
const pcapDir = "../../testdata/pcap"

func TestMain(m *testing.M) { testenv.Main(m) }

// pcapFrames returns the Ethernet ARP frames of every pcap in dir's
// subfolders, re-framed as Ethernet when captured on Linux cooked (SLL).
func pcapFrames(t testing.TB, dir string) map[string][][]byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.pcap"))
	if len(files) == 0 {
		t.Fatalf("no pcaps under %s", dir)
	}
	out := map[string][][]byte{}
	for _, fn := range files {
		f, err := os.Open(fn)
		if err != nil {
			t.Fatal(err)
		}
		r, err := pcapgo.NewReader(f)
		if err != nil {
			f.Close()
			continue // pcapng or damaged header: not ours to read here
		}
		for {
			data, _, err := r.ReadPacketData()
			if err != nil {
				break
			}
			switch r.LinkType() {
			case layers.LinkTypeEthernet:
				if len(data) >= 14 && data[12] == 0x08 && data[13] == 0x06 {
					out[filepath.Base(fn)] = append(out[filepath.Base(fn)], data)
				}
			case layers.LinkTypeLinuxSLL:
				pkt := gopacket.NewPacket(data, layers.LinkTypeLinuxSLL, gopacket.Default)
				if sll, ok := pkt.Layer(layers.LayerTypeLinuxSLL).(*layers.LinuxSLL); ok && sll.EthernetType == layers.EthernetTypeARP {
					eth := append([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0x08, 0x06}, sll.Payload...)
					out[filepath.Base(fn)] = append(out[filepath.Base(fn)], eth)
				}
			}
		}
		f.Close()
	}
	return out
}

func TestDecodePcaps(t *testing.T) { decodePcaps(t, pcapFrames(t, pcapDir)) }

func TestDecodeCorpusPcaps(t *testing.T) {
	decodePcaps(t, pcapFrames(t, testenv.Corpus(t, "pcap")))
}

func decodePcaps(t *testing.T, frames map[string][][]byte) {
	decoded, failed := 0, 0
	perFile := map[string][2]int{}
	for name, fs := range frames {
		for _, b := range fs {
			c := perFile[name]
			if p, err := arp.Decode(b); err != nil {
				failed++
				c[1]++
			} else {
				decoded++
				c[0]++
				if p.Operation != mdarp.OperationRequest && p.Operation != mdarp.OperationReply {
					t.Errorf("%s: accepted operation %v", name, p.Operation)
				}
			}
			perFile[name] = c
		}
	}
	if decoded == 0 {
		t.Fatal("no ARP frame of the captures decoded")
	}
	// tcpdump's arp-oobr.pcap holds frames damaged to read out of bounds:
	// those must be rejected (and nothing may panic).
	if c := perFile["arp-oobr.pcap"]; c[1] == 0 {
		t.Errorf("arp-oobr.pcap: no frame rejected (%d decoded)", c[0])
	}
	for name, c := range perFile {
		t.Logf("%s: %d ARP frames decoded, %d rejected", name, c[0], c[1])
	}
}

func FuzzDecode(f *testing.F) {
	dirs := []string{pcapDir}
	if dir, ok := testenv.OptionalCorpus(f, "pcap"); ok {
		dirs = append(dirs, dir)
	}
	for _, dir := range dirs {
		for _, fs := range pcapFrames(f, dir) {
			for _, b := range fs {
				f.Add(b)
			}
		}
	}
	f.Add(arptest.Reply(net.HardwareAddr{0, 0x1b, 0x54, 1, 2, 3}, netip.MustParseAddr("198.51.100.9"), ourMAC, ourIP))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := arp.Decode(b)
		if err != nil {
			return
		}
		if !p.SenderIP.Is4() || len(p.SenderHardwareAddr) != 6 {
			t.Fatalf("accepted inconsistent packet %+v", p)
		}
		// What decodes must re-encode to the same ARP payload fields.
		if _, err := p.MarshalBinary(); err != nil {
			t.Fatalf("decoded packet does not re-encode: %v", err)
		}
	})
}

func TestParseRoutesAndSegments(t *testing.T) {
	table := `Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
eth0	00000000	FE6433C6	0003	0	0	0	00000000	0	0	0
eth0	006433C6	00000000	0001	0	0	0	00FFFFFF	0	0	0
eth0	007100CB	FE6433C6	0003	0	0	0	00FFFFFF	0	0	0
bench0	000012C6	00000000	0001	0	0	0	0000FFFF	0	0	0
down0	000200C0	00000000	0001	0	0	0	00FFFFFF	0	0	0
`
	routes, err := arp.ParseRoutes(strings.NewReader(table))
	if err != nil {
		t.Fatal(err)
	}
	if len(routes) != 5 || routes[1].Prefix.String() != "198.51.100.0/24" || routes[0].Gateway.String() != "198.51.100.254" {
		t.Fatalf("routes = %+v", routes)
	}
	ifs := fakeIfs{
		"eth0":   {&net.Interface{Name: "eth0", Flags: net.FlagUp | net.FlagBroadcast, HardwareAddr: ourMAC}, []netip.Prefix{netip.MustParsePrefix("198.51.100.2/24")}},
		"bench0": {&net.Interface{Name: "bench0", Flags: net.FlagUp | net.FlagBroadcast, HardwareAddr: ourMAC}, []netip.Prefix{netip.MustParsePrefix("198.18.0.1/16")}},
		"down0":  {&net.Interface{Name: "down0", Flags: net.FlagBroadcast, HardwareAddr: ourMAC}, []netip.Prefix{netip.MustParsePrefix("192.0.2.1/24")}},
	}
	segs, err := arp.Segments(routes, ifs, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) != 2 || segs[0].Prefix.String() != "198.51.100.0/24" || segs[0].Source != ourIP || segs[1].Interface.Name != "bench0" {
		t.Fatalf("segments = %+v", segs)
	}
	only, err := arp.Segments(routes, ifs, "bench0")
	if err != nil || len(only) != 1 || only[0].Prefix.String() != "198.18.0.0/16" {
		t.Fatalf("--interface bench0: %+v %v", only, err)
	}
	if _, err := arp.Segments(routes, ifs, "down0"); err == nil {
		t.Error("down interface accepted")
	}
	if _, err := arp.Segments(routes, ifs, "nope0"); err == nil || !strings.Contains(err.Error(), "nope0") {
		t.Errorf("unknown interface: %v", err)
	}
	// The interfaces to browse: each with a segment, once; the one named.
	ifis, err := arp.AttachedInterfaces(routes, ifs, "")
	if err != nil || len(ifis) != 2 || ifis[0].Name != "eth0" || ifis[1].Name != "bench0" {
		t.Errorf("attached interfaces %v, %v; want eth0, bench0", ifis, err)
	}
	if ifis, err := arp.AttachedInterfaces(routes, ifs, "bench0"); err != nil || len(ifis) != 1 || ifis[0].Name != "bench0" {
		t.Errorf("attached interfaces of bench0: %v, %v", ifis, err)
	}
	if _, err := arp.AttachedInterfaces(routes, ifs, "down0"); err == nil || !strings.Contains(err.Error(), "down0") {
		t.Errorf("attached interfaces of down0: %v", err)
	}
	if _, err := arp.AttachedInterfaces(routes[:1], ifs, ""); !errors.Is(err, arp.ErrNoSegment) {
		t.Errorf("only a default route: %v, want ErrNoSegment", err)
	}
	why := arp.Explain(routes, netip.MustParseAddr("203.0.113.10"))
	if !strings.Contains(why, "via 198.51.100.254") {
		t.Errorf("arp.Explain = %q", why)
	}
	if _, err := arp.ParseRoutes(strings.NewReader("h\neth0 zz 00 0001 0 0 0 00\n")); err == nil {
		t.Error("malformed route accepted")
	}
}

type fakeIfs map[string]struct {
	ifi *net.Interface
	ps  []netip.Prefix
}

func (f fakeIfs) ByName(n string) (*net.Interface, []netip.Prefix, error) {
	e, ok := f[n]
	if !ok {
		return nil, nil, errors.New("no such interface " + n)
	}
	return e.ifi, e.ps, nil
}
