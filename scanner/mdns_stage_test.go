package scanner

import (
	"bytes"
	"context"
	"net"
	"net/netip"
	"os"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"

	fpmdns "github.com/netcensus/netcensus/fingerprints/mdns"
	"github.com/netcensus/netcensus/fingerprints/recog"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/mdns"
	"github.com/netcensus/netcensus/scanner/passive"
	"github.com/netcensus/netcensus/scanner/targets"
)

// The mDNS stage's hosts join the ARP host of the same address: one record
// with ARP's MAC and mDNS's name, services and facts; hosts outside the
// targets are left out.
func TestSweepMergesMDNS(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	set, err := targets.Build([]string{"198.51.100.0/28"}, nil, targets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rules, err := fpmdns.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	env := fakeEnv(seg)
	var browsed []string
	env.BrowseMDNS = func(ctx context.Context, o mdns.Options) (*mdns.Result, error) {
		browsed = append(browsed, o.Interface.Name)
		if o.Duration != time.Second || o.MaxBrowsed != 7 {
			t.Errorf("options %+v", o)
		}
		return &mdns.Result{Start: time.Now(), LastNew: 150 * time.Millisecond, Stats: mdns.Stats{Malformed: 2}, Hosts: []mdns.Host{
			{Name: "lab-printer", Addrs: []netip.Addr{netip.MustParseAddr("198.51.100.11"), netip.MustParseAddr("fe80::1")},
				Services: []record.Service{{Type: "_ipp._tcp", Name: "Lab Printer", Port: 631, TXT: map[string]string{"ty": "Acme P1", "usb_MFG": "Acme"}}}},
			{Name: "far-away", Addrs: []netip.Addr{netip.MustParseAddr("198.51.100.200")},
				Services: []record.Service{{Type: "_ssh._tcp", Name: "far-away", Port: 22}}},
		}}, nil
	}
	rep, err := Run(context.Background(), env, Options{Targets: set, Rate: 100000, ARPWait: 20 * time.Millisecond,
		MDNS: &MDNSOptions{Duration: time.Second, MaxTypes: 7, Rules: rules}})
	if err != nil {
		t.Fatal(err)
	}
	if len(browsed) != 1 || browsed[0] != "eth0" {
		t.Errorf("browsed %v", browsed)
	}
	hosts := rep.Hosts()
	if len(hosts) != 1 {
		t.Fatalf("hosts %+v", hosts)
	}
	h := hosts[0]
	if h.MAC.String() != "00:1b:54:00:00:11" || h.Hostname != "lab-printer" || h.Vendor != "Acme" || h.Model != "P1" ||
		h.DeviceType != "printer" || len(h.Services) != 1 || len(h.Sources) != 2 || len(h.IPs) != 0 {
		t.Errorf("host %+v", h)
	}
	if ev := h.Evidence["model"]; ev.Source != record.SourceMDNS || ev.Rule != "mdns-printer-ty (maker's name dropped)" {
		t.Errorf("evidence %+v", h.Evidence)
	}
	if m := rep.MDNS; m.Segments != 1 || m.Hosts != 2 || m.Merged != 1 || m.Dropped != 2 || m.LastNew != 150*time.Millisecond {
		t.Errorf("stats %+v", m)
	}
}

// Recog fills SNMP records' gaps from sysDescr after the own profiles.
func TestApplyRecog(t *testing.T) {
	db, err := recog.LoadDir("../testdata/recog")
	if err != nil {
		t.Fatal(err)
	}
	rep := &Report{}
	rep.Add(&record.Asset{IP: netip.MustParseAddr("198.51.100.7"), Vendor: "Own Rule Vendor",
		SysDescr: "Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 12.2(55)SE5, RELEASE SOFTWARE (fc1)"})
	applyRecog(rep, db)
	a := rep.Extra[netip.MustParseAddr("198.51.100.7")]
	if a.Vendor != "Own Rule Vendor" || a.OSVersion != "12.2(55)SE5" || a.Evidence["os_version"].OID != "1.3.6.1.2.1.1.1.0" {
		t.Errorf("asset %+v", a)
	}
	applyRecog(rep, nil) // no Recog: nothing happens
}

type frameConn struct {
	frames [][]byte
	dl     time.Time
}

func (f *frameConn) ReadFrom(b []byte) (int, net.Addr, error) {
	if len(f.frames) > 0 {
		n := copy(b, f.frames[0])
		f.frames = f.frames[1:]
		return n, nil, nil
	}
	if d := time.Until(f.dl); d > 0 {
		time.Sleep(d) // a socket blocks until its read deadline
	}
	return 0, nil, os.ErrDeadlineExceeded
}
func (f *frameConn) SetReadDeadline(t time.Time) error { f.dl = t; return nil }
func (f *frameConn) Close() error                      { return nil }

func arpFrame(t *testing.T, mac net.HardwareAddr, ip net.IP) []byte {
	buf := gopacket.NewSerializeBuffer()
	err := gopacket.SerializeLayers(buf, gopacket.SerializeOptions{FixLengths: true},
		&layers.Ethernet{SrcMAC: mac, DstMAC: layers.EthernetBroadcast, EthernetType: layers.EthernetTypeARP},
		&layers.ARP{AddrType: layers.LinkTypeEthernet, Protocol: layers.EthernetTypeIPv4, HwAddressSize: 6, ProtAddressSize: 4, Operation: layers.ARPRequest,
			SourceHwAddress: mac, SourceProtAddress: ip.To4(), DstHwAddress: make([]byte, 6), DstProtAddress: []byte{198, 51, 100, 1}})
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Clone(buf.Bytes())
}

// A passive sweep sends nothing and reports the hosts heard inside the
// targets.
func TestRunPassive(t *testing.T) {
	set, err := targets.Build([]string{"198.51.100.0/28", "203.0.113.0/24"}, nil, targets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	env := fakeEnv(nil)
	env.ListenARP = func(*net.Interface) (net.PacketConn, error) {
		t.Fatal("a passive sweep opened the ARP socket")
		return nil, nil
	}
	conn := &frameConn{frames: [][]byte{
		arpFrame(t, net.HardwareAddr{0, 0x1b, 0x54, 0, 0, 0x11}, net.IPv4(198, 51, 100, 11)),
		arpFrame(t, net.HardwareAddr{0, 0x1b, 0x54, 0, 0, 0x99}, net.IPv4(198, 51, 100, 99)), // outside the targets
	}}
	env.OpenCapture = func(*net.Interface) (passive.Conn, error) { return conn, nil }
	rep, err := RunPassive(context.Background(), env, set, "", PassiveOptions{Duration: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	hosts := rep.Hosts()
	if len(hosts) != 1 || hosts[0].IP.String() != "198.51.100.11" || hosts[0].Sources[0] != record.SourcePassive {
		t.Fatalf("hosts %+v", hosts)
	}
	if rep.Passive.Heard != 2 || rep.Passive.ARP != 2 || len(rep.Skipped) != 1 || rep.Found != 1 {
		t.Errorf("report %+v", rep)
	}
}

func TestRunPassiveCancel(t *testing.T) {
	set, _ := targets.Build([]string{"198.51.100.0/28"}, nil, targets.Options{})
	env := fakeEnv(nil)
	env.OpenCapture = func(*net.Interface) (passive.Conn, error) { return &frameConn{}, nil }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := RunPassive(ctx, env, set, "", PassiveOptions{Duration: time.Hour})
		done <- err
	}()
	cancel()
	select {
	case err := <-done:
		if err == nil {
			t.Error("no error after cancel")
		}
	case <-time.After(3 * time.Second):
		t.Fatal("RunPassive did not return after cancel")
	}
}
