package passive

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
	"github.com/miekg/dns"

	fpmdns "github.com/netcensus/netcensus/fingerprints/mdns"
	"github.com/netcensus/netcensus/fingerprints/recog"
	"github.com/netcensus/netcensus/internal/testenv"
	"github.com/netcensus/netcensus/record"
)

// pcapDir holds small captures from Zeek's and tcpdump's test suites
// (testdata/README.md); the corpus tier reads the full set.
const pcapDir = "../../testdata/pcap"

func TestMain(m *testing.M) { testenv.Main(m) }

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

var t0 = time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)

// pcaps lists the captures in dir's subfolders (zeek/, tcpdump/).
func pcaps(t testing.TB, dir string) []string {
	t.Helper()
	ps, err := filepath.Glob(filepath.Join(dir, "*", "*.pcap"))
	if err != nil || len(ps) == 0 {
		t.Fatalf("no pcaps under %s: %v", dir, err)
	}
	return ps
}

// corpusPcaps are every capture of the corpus (the corpus tier).
func corpusPcaps(t testing.TB) []string { return pcaps(t, testenv.Corpus(t, "pcap")) }

// seedPcaps are the fixture captures, and the corpus's when it is set.
func seedPcaps(f *testing.F) []string {
	ps := pcaps(f, pcapDir)
	if dir, ok := testenv.OptionalCorpus(f, "pcap"); ok {
		ps = append(ps, pcaps(f, dir)...)
	}
	return ps
}

// Every capture, malformed ones included, reads without error or panic.
func TestPcaps(t *testing.T) { readsCleanly(t, pcaps(t, pcapDir)) }

func TestCorpusPcaps(t *testing.T) { readsCleanly(t, corpusPcaps(t)) }

func readsCleanly(t *testing.T, files []string) {
	rules, err := fpmdns.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range files {
		t.Run(filepath.Base(p), func(t *testing.T) {
			d := NewDecoder(Limits{})
			n, err := ReadPath(context.Background(), p, d)
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				t.Fatal("no frames read")
			}
			st := d.Stats()
			if st.Frames != n || st.Panics != 0 {
				t.Errorf("frames %d read %d, stats %+v", st.Frames, n, st)
			}
			for _, a := range d.Assets(rules, nil) {
				if !a.IP.IsValid() && len(a.MAC) == 0 {
					t.Errorf("asset with neither IP nor MAC: %+v", a)
				}
			}
		})
	}
}

func TestMDNSPcap(t *testing.T) {
	d := NewDecoder(Limits{})
	if _, err := ReadPath(context.Background(), filepath.Join(pcapDir, "zeek", "dns-mdns.pcap"), d); err != nil {
		t.Fatal(err)
	}
	as := d.Assets(nil, nil)
	var found *record.Asset
	for i := range as {
		if as[i].Hostname == "johanna-QEMU-Virtual-Machine" {
			found = &as[i]
		}
	}
	if found == nil {
		t.Fatalf("mDNS host not found in %+v", as)
	}
	if !found.IP.Is4() || len(found.MAC) != 6 || found.Sources[0] != record.SourcePassive {
		t.Errorf("host = %+v", *found)
	}
	if st := d.Stats(); st.MDNS == 0 || st.MDNSStats.Queries == 0 || st.MDNSStats.Records == 0 {
		t.Errorf("stats = %+v", st)
	}
}

func TestARPPcaps(t *testing.T) {
	for _, name := range []string{"arp-who-has.pcap", "linuxsll-arp.pcap"} {
		d := NewDecoder(Limits{})
		if _, err := ReadPath(context.Background(), filepath.Join(pcapDir, "zeek", name), d); err != nil {
			t.Fatal(err)
		}
		as := d.Assets(nil, nil)
		if len(as) < 2 {
			t.Fatalf("%s: %d hosts, want at least 2", name, len(as))
		}
		for _, a := range as {
			if !a.IP.Is4() || len(a.MAC) != 6 {
				t.Errorf("%s: %+v", name, a)
			}
		}
	}
}

var (
	clientMAC = net.HardwareAddr{0x02, 0x00, 0x5e, 0x10, 0x00, 0x07}
	hostMAC   = net.HardwareAddr{0x02, 0x00, 0x5e, 0x10, 0x00, 0x08}
)

func frame(t testing.TB, ls ...gopacket.SerializableLayer) []byte {
	t.Helper()
	buf := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	for _, l := range ls {
		if n, ok := l.(gopacket.NetworkLayer); ok {
			if u, ok := ls[len(ls)-2].(*layers.UDP); ok {
				u.SetNetworkLayerForChecksum(n)
			}
		}
	}
	if err := gopacket.SerializeLayers(buf, opts, ls...); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func dhcpFrame(t testing.TB) []byte {
	eth := &layers.Ethernet{SrcMAC: clientMAC, DstMAC: layers.EthernetBroadcast, EthernetType: layers.EthernetTypeIPv4}
	ip := &layers.IPv4{Version: 4, TTL: 64, Protocol: layers.IPProtocolUDP, SrcIP: net.IPv4zero, DstIP: net.IPv4bcast}
	udp := &layers.UDP{SrcPort: 68, DstPort: 67}
	dh := &layers.DHCPv4{Operation: layers.DHCPOpRequest, HardwareType: layers.LinkTypeEthernet, HardwareLen: 6, Xid: 7,
		ClientIP: net.IPv4zero, YourClientIP: net.IPv4zero, NextServerIP: net.IPv4zero, RelayAgentIP: net.IPv4zero, ClientHWAddr: clientMAC,
		Options: layers.DHCPOptions{
			layers.NewDHCPOption(layers.DHCPOptMessageType, []byte{byte(layers.DHCPMsgTypeRequest)}),
			layers.NewDHCPOption(layers.DHCPOptHostname, []byte("print-room\x1b[2J")),
			layers.NewDHCPOption(layers.DHCPOptClassID, []byte("Mfg=Xerox;Typ=MFP;Mod=VersaLink C405;Ser=ABC123456")),
			layers.NewDHCPOption(layers.DHCPOptParamsRequest, []byte{1, 3, 6, 15, 44}),
			layers.NewDHCPOption(layers.DHCPOptRequestIP, []byte{192, 0, 2, 77}),
		}}
	return frame(t, eth, ip, udp, dh)
}

func arpFrame(t testing.TB, mac net.HardwareAddr, ip net.IP) []byte {
	return frame(t,
		&layers.Ethernet{SrcMAC: mac, DstMAC: layers.EthernetBroadcast, EthernetType: layers.EthernetTypeARP},
		&layers.ARP{AddrType: layers.LinkTypeEthernet, Protocol: layers.EthernetTypeIPv4, HwAddressSize: 6, ProtAddressSize: 4, Operation: layers.ARPRequest,
			SourceHwAddress: mac, SourceProtAddress: ip.To4(), DstHwAddress: make([]byte, 6), DstProtAddress: []byte{192, 0, 2, 1}})
}

func mdnsFrame(t testing.TB) []byte {
	m := new(dns.Msg)
	m.Response = true
	h := func(n string, ty uint16) dns.RR_Header {
		return dns.RR_Header{Name: n, Rrtype: ty, Class: dns.ClassINET, Ttl: 120}
	}
	inst := `Lab\ Cast._googlecast._tcp.local.`
	m.Answer = []dns.RR{&dns.PTR{Hdr: h("_googlecast._tcp.local.", dns.TypePTR), Ptr: inst}}
	m.Extra = []dns.RR{
		&dns.SRV{Hdr: h(inst, dns.TypeSRV), Port: 8009, Target: "lab-cast.local."},
		&dns.TXT{Hdr: h(inst, dns.TypeTXT), Txt: []string{"md=Chromecast", "fn=Den TV", "id=abc"}},
		&dns.A{Hdr: h("lab-cast.local.", dns.TypeA), A: net.IPv4(192, 0, 2, 8)},
	}
	payload, err := m.Pack()
	if err != nil {
		t.Fatal(err)
	}
	return frame(t,
		&layers.Ethernet{SrcMAC: hostMAC, DstMAC: net.HardwareAddr{1, 0, 0x5e, 0, 0, 0xfb}, EthernetType: layers.EthernetTypeIPv4},
		&layers.IPv4{Version: 4, TTL: 255, Protocol: layers.IPProtocolUDP, SrcIP: net.IPv4(192, 0, 2, 8), DstIP: net.IPv4(224, 0, 0, 251)},
		&layers.UDP{SrcPort: 5353, DstPort: 5353},
		gopacket.Payload(payload))
}

func TestDecoderFrames(t *testing.T) {
	db, err := recog.LoadDir("../../testdata/recog")
	if err != nil {
		t.Fatal(err)
	}
	rules, err := fpmdns.New(db)
	if err != nil {
		t.Fatal(err)
	}
	d := NewDecoder(Limits{})
	d.Frame(dhcpFrame(t), LinkEthernet, t0)
	d.Frame(arpFrame(t, hostMAC, net.IPv4(192, 0, 2, 8)), LinkEthernet, t0)
	d.Frame(arpFrame(t, clientMAC, net.IPv4zero), LinkEthernet, t0) // probe
	d.Frame(mdnsFrame(t), LinkEthernet, t0.Add(time.Second))
	d.Frame([]byte{1, 2, 3}, LinkEthernet, t0)
	as := d.Assets(rules, db)
	if len(as) != 2 {
		t.Fatalf("assets = %+v", as)
	}
	cast, printer := as[0], as[1]
	if cast.IP != netip.MustParseAddr("192.0.2.8") || cast.MAC.String() != hostMAC.String() || cast.Hostname != "lab-cast" ||
		cast.Model != "Chromecast" || cast.Vendor != "Google" || len(cast.Services) != 1 || cast.Services[0].Name != "Lab Cast" {
		t.Errorf("cast = %+v", cast)
	}
	if printer.IP != netip.MustParseAddr("192.0.2.77") || printer.Hostname != "print-room[2J" || printer.Model != "VersaLink C405" ||
		printer.Serial != "ABC123456" || printer.DeviceType != "printer" {
		t.Errorf("printer = %+v", printer)
	}
	if ev := printer.Evidence["dhcp_parameter_request_list"]; ev.Value != "1,3,6,15,44" {
		t.Errorf("prl evidence = %+v", ev)
	}
	if ev := printer.Evidence["model"]; !strings.HasPrefix(ev.Rule, "recog:dhcp_vendor_class.xml:") {
		t.Errorf("model evidence = %+v", ev)
	}
	st := d.Stats()
	if st.ARP != 2 || st.DHCP != 1 || st.MDNS != 1 || st.Frames != 5 {
		t.Errorf("stats = %+v", st)
	}
}

func TestMaxHosts(t *testing.T) {
	d := NewDecoder(Limits{MaxHosts: 3})
	for i := 0; i < 10; i++ {
		d.Frame(arpFrame(t, net.HardwareAddr{2, 0, 0, 0, 0, byte(i + 1)}, net.IPv4(198, 18, 0, byte(i+1))), LinkEthernet, t0)
	}
	if n := len(d.Assets(nil, nil)); n != 3 || d.Stats().DroppedHosts != 7 {
		t.Errorf("hosts %d stats %+v", n, d.Stats())
	}
}

func TestReadFileFormats(t *testing.T) {
	frames := [][]byte{dhcpFrame(t), mdnsFrame(t)}
	var pc, ng bytes.Buffer
	w := pcapgo.NewWriter(&pc)
	if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
		t.Fatal(err)
	}
	nw, err := pcapgo.NewNgWriter(&ng, layers.LinkTypeEthernet)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range frames {
		ci := gopacket.CaptureInfo{Timestamp: t0, CaptureLength: len(f), Length: len(f), InterfaceIndex: 0}
		if err := w.WritePacket(ci, f); err != nil {
			t.Fatal(err)
		}
		if err := nw.WritePacket(ci, f); err != nil {
			t.Fatal(err)
		}
	}
	if err := nw.Flush(); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"pcap": pc.Bytes(), "pcapng": ng.Bytes(), "truncated": pc.Bytes()[:pc.Len()-10]} {
		d := NewDecoder(Limits{})
		n, err := ReadFile(context.Background(), bytes.NewReader(b), d)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := 2
		if name == "truncated" {
			want = 1
		}
		if n != want || len(d.Assets(nil, nil)) != want {
			t.Errorf("%s: %d frames, %d assets", name, n, len(d.Assets(nil, nil)))
		}
	}
	if _, err := ReadFile(context.Background(), strings.NewReader("hello, not a capture"), NewDecoder(Limits{})); err == nil {
		t.Error("text accepted as capture")
	}
}

// fakeConn replays frames, then times out like a socket with a deadline.
type fakeConn struct {
	frames   [][]byte
	deadline time.Time
	closed   bool
}

func (f *fakeConn) ReadFrom(b []byte) (int, net.Addr, error) {
	if len(f.frames) > 0 {
		n := copy(b, f.frames[0])
		f.frames = f.frames[1:]
		return n, nil, nil
	}
	if d := time.Until(f.deadline); d > 0 {
		time.Sleep(d) // a socket blocks until its deadline
	}
	return 0, nil, os.ErrDeadlineExceeded
}
func (f *fakeConn) SetReadDeadline(t time.Time) error { f.deadline = t; return nil }
func (f *fakeConn) Close() error                      { f.closed = true; return nil }

func TestListen(t *testing.T) {
	c := &fakeConn{frames: [][]byte{mdnsFrame(t), arpFrame(t, clientMAC, net.IPv4(192, 0, 2, 7))}}
	d := NewDecoder(Limits{})
	start := time.Now()
	if err := Listen(context.Background(), c, 300*time.Millisecond, d); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el < 300*time.Millisecond || el > 2*time.Second || !c.closed {
		t.Errorf("listened %s, closed %v", el, c.closed)
	}
	if n := len(d.Assets(nil, nil)); n != 2 {
		t.Errorf("%d assets", n)
	}
}

// A cancelled ctx ends Listen within one read deadline.
func TestListenCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Listen(ctx, &fakeConn{}, time.Hour, NewDecoder(Limits{})) }()
	cancel()
	select {
	case err := <-done:
		if err != context.Canceled {
			t.Errorf("err = %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Listen did not return after cancel")
	}
}

func FuzzFrame(f *testing.F) {
	f.Add(dhcpFrame(f))
	f.Add(mdnsFrame(f))
	f.Add(arpFrame(f, hostMAC, net.IPv4(192, 0, 2, 8)))
	for _, p := range seedPcaps(f) {
		fh, err := os.Open(p)
		if err != nil {
			continue
		}
		r, err := pcapgo.NewReader(fh)
		if err == nil && r.LinkType() == layers.LinkTypeEthernet {
			for i := 0; i < 20; i++ {
				b, _, err := r.ReadPacketData()
				if err != nil {
					break
				}
				f.Add(b)
			}
		}
		fh.Close()
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d := NewDecoder(Limits{MaxHosts: 8})
		d.Frame(b, LinkEthernet, t0)
		d.Frame(b, LinkLinuxSLL, t0)
		d.Assets(nil, nil)
	})
}

func FuzzReadFile(f *testing.F) {
	for _, p := range seedPcaps(f) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ReadFile(context.Background(), bytes.NewReader(b), NewDecoder(Limits{MaxHosts: 8}))
	})
}

// TestCorpusGolden: the host records of every corpus capture, read
// together, against testdata/corpus.golden.json (go test -update rewrites).
// Addresses are replaced by tokens (addr-1, addr-2, ...): the captures use
// private ranges, which never appear in this repository.
func TestCorpusGolden(t *testing.T) {
	db, err := recog.LoadDir(testenv.Corpus(t, "recog"))
	if err != nil {
		t.Fatal(err)
	}
	rules, err := fpmdns.New(db)
	if err != nil {
		t.Fatal(err)
	}
	d := NewDecoder(Limits{})
	for _, p := range corpusPcaps(t) {
		if _, err := ReadPath(context.Background(), p, d); err != nil {
			t.Fatal(err)
		}
	}
	type row struct {
		IP       string            `json:"ip"`
		IPs      int               `json:"ips,omitempty"`
		MAC      string            `json:"mac,omitempty"`
		Hostname string            `json:"hostname,omitempty"`
		Services []string          `json:"services,omitempty"`
		Sources  []record.Source   `json:"sources"`
		Evidence map[string]string `json:"evidence,omitempty"`
	}
	out := struct {
		Stats  Stats `json:"stats"`
		Assets []row `json:"assets"`
	}{Stats: d.Stats()}
	for i, a := range d.Assets(rules, db) {
		r := row{IP: "addr-" + strconv.Itoa(i+1), IPs: len(a.IPs), MAC: a.MAC.String(), Hostname: a.Hostname, Sources: a.Sources}
		for _, s := range a.Services {
			r.Services = append(r.Services, s.Type+" "+s.Name)
		}
		for k, ev := range a.Evidence {
			if r.Evidence == nil {
				r.Evidence = map[string]string{}
			}
			r.Evidence[k] = ev.Rule
		}
		out.Assets = append(out.Assets, r)
	}
	got, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "corpus.golden.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("corpus records differ from %s (go test -update rewrites it):\n%s", golden, got)
	}
}

// TestReadPaths: captures are read one after another into one decoder;
// a missing one is a *FileError before any frame is read.
func TestReadPaths(t *testing.T) {
	files := pcaps(t, pcapDir)
	if len(files) < 2 {
		t.Fatalf("%d captures in %s, want two", len(files), pcapDir)
	}
	want := 0
	for _, p := range files[:2] {
		n, err := ReadPath(context.Background(), p, NewDecoder(Limits{}))
		if err != nil {
			t.Fatal(err)
		}
		want += n
	}
	d := NewDecoder(Limits{})
	if err := ReadPaths(context.Background(), files[:2], d); err != nil || d.Stats().Frames != want {
		t.Fatalf("ReadPaths: %v, %d frames; want %d", err, d.Stats().Frames, want)
	}
	d = NewDecoder(Limits{})
	missing := filepath.Join(t.TempDir(), "none.pcap")
	err := ReadPaths(context.Background(), []string{files[0], missing}, d)
	var fe *FileError
	if !errors.As(err, &fe) || !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), "capture: ") || d.Stats().Frames != 0 {
		t.Errorf("a missing capture: %v, %d frames read; want a *FileError before any frame", err, d.Stats().Frames)
	}
}
