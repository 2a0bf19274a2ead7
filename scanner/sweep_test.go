package scanner

import (
	"golang.org/x/time/rate"

	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/targets"
)

var scanMAC = net.HardwareAddr{0x02, 0, 0, 0, 0, 0x02}

type fakeIfs map[string]*net.Interface

func (f fakeIfs) ByName(n string) (*net.Interface, []netip.Prefix, error) {
	ifi, ok := f[n]
	if !ok {
		return nil, nil, errors.New("no interface " + n)
	}
	return ifi, []netip.Prefix{netip.MustParsePrefix("198.51.100.2/24")}, nil
}

// fakeEnv is one attached segment, 198.51.100.0/24 on eth0, with
// 203.0.113.0/24 routed behind 198.51.100.254.
func fakeEnv(seg *arptest.Segment) Env {
	return Env{
		Routes: func() ([]arp.Route, error) {
			return []arp.Route{
				{Iface: "eth0", Prefix: netip.MustParsePrefix("0.0.0.0/0"), Gateway: netip.MustParseAddr("198.51.100.254"), Flags: 3},
				{Iface: "eth0", Prefix: netip.MustParsePrefix("198.51.100.0/24"), Gateway: netip.IPv4Unspecified(), Flags: 1},
				{Iface: "eth0", Prefix: netip.MustParsePrefix("203.0.113.0/24"), Gateway: netip.MustParseAddr("198.51.100.254"), Flags: 3},
			}, nil
		},
		Interfaces: fakeIfs{"eth0": {Name: "eth0", Flags: net.FlagUp | net.FlagBroadcast, HardwareAddr: scanMAC}},
		ListenARP:  func(*net.Interface) (net.PacketConn, error) { return seg, nil },
	}
}

func TestRunSplitsSkipsAndExcludes(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	seg.AddHost("198.51.100.50", "00:1b:54:00:00:50")
	set, err := targets.Build([]string{"198.51.100.0/24", "203.0.113.0/24"}, []string{"198.51.100.50"}, targets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), fakeEnv(seg), Options{Targets: set, Rate: 100000, ARPRetries: 1, ARPWait: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Hosts()) != 1 || rep.Hosts()[0].IP.String() != "198.51.100.11" || rep.Hosts()[0].MAC.String() != "00:1b:54:00:00:11" {
		t.Fatalf("hosts = %+v", rep.Hosts())
	}
	if seg.RequestsTo("198.51.100.50") != 0 {
		t.Error("excluded address was sent a request")
	}
	if len(rep.Skipped) != 1 || rep.Skipped[0].Target != "203.0.113.0/24" || !strings.Contains(rep.Skipped[0].Reason, "via 198.51.100.254") {
		t.Errorf("skipped = %+v", rep.Skipped)
	}
	// Swept is exactly the addresses asked: .1 to .254 less our own .2
	// and the excluded .50; never the network, the broadcast, an
	// excluded address or the segment as a whole (#16, defect 1).
	asked := 0
	for _, p := range rep.Swept {
		asked += 1 << (32 - p.Bits())
		for _, not := range []string{"198.51.100.0", "198.51.100.2", "198.51.100.50", "198.51.100.255"} {
			if p.Contains(netip.MustParseAddr(not)) {
				t.Errorf("swept %v holds %s, which was not asked", p, not)
			}
		}
	}
	if asked != 252 || len(rep.Swept) > 20 {
		t.Errorf("swept = %v: %d addresses in %d prefixes, want 252 in a few", rep.Swept, asked, len(rep.Swept))
	}
	// 254 less the excluded .50 and our own .2.
	if rep.Probed != 252 || rep.Found != 1 || rep.Partial {
		t.Errorf("probed %d found %d partial %v", rep.Probed, rep.Found, rep.Partial)
	}
	if h := rep.Hosts()[0]; len(h.Sources) != 1 || h.Sources[0] != record.SourceARP || h.FirstSeen.IsZero() {
		t.Errorf("record = %+v", h)
	}
}

func TestRunPermission(t *testing.T) {
	env := fakeEnv(arptest.NewSegment())
	env.ListenARP = func(*net.Interface) (net.PacketConn, error) { return nil, os.ErrPermission }
	set, _ := targets.Build([]string{"198.51.100.0/24"}, nil, targets.Options{})
	rep, err := Run(context.Background(), env, Options{Targets: set, Rate: 1000, ARPWait: time.Millisecond})
	if !errors.Is(err, os.ErrPermission) || rep != nil {
		t.Fatalf("err = %v rep = %v", err, rep)
	}
}

func TestRunCancelReturnsPromptly(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.3", "00:1b:54:00:00:03")
	set, _ := targets.Build([]string{"198.51.100.0/24"}, nil, targets.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	rep, err := Run(ctx, fakeEnv(seg), Options{Targets: set, Rate: 20, ARPRetries: 1, ARPWait: 5 * time.Second})
	if el := time.Since(start); el > 2*time.Second {
		t.Fatalf("Run returned %v after cancel", el)
	}
	if !errors.Is(err, context.Canceled) || rep == nil || !rep.Partial {
		t.Fatalf("err = %v, rep = %+v", err, rep)
	}
	if len(rep.Swept) != 0 {
		t.Errorf("a cancelled segment counted as swept: %v", rep.Swept)
	}
}

func hw(s string) net.HardwareAddr {
	m, err := net.ParseMAC(s)
	if err != nil {
		panic(err)
	}
	return m
}

func TestRecordsAnomalies(t *testing.T) {
	t0 := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	ip := func(s string) netip.Addr { return netip.MustParseAddr(s) }
	proxy := hw("00:05:85:aa:bb:cc")
	hosts := []arp.Host{
		{IP: ip("198.51.100.9"), Requests: 1, Replies: []arp.Reply{{MAC: hw("00:1b:54:00:00:09"), Count: 1, First: t0}}},
		{IP: ip("198.51.100.7"), Requests: 1, Replies: []arp.Reply{
			{MAC: hw("00:1b:54:00:00:07"), Count: 1, First: t0},
			{MAC: hw("3c:22:fb:00:00:07"), Count: 1, First: t0.Add(time.Second)},
		}},
		{IP: ip("198.51.100.20"), Requests: 1, Replies: []arp.Reply{{MAC: proxy, Count: 1, First: t0}}},
		{IP: ip("198.51.100.21"), Requests: 1, Replies: []arp.Reply{{MAC: proxy, Count: 1, First: t0}}},
		{IP: ip("198.51.100.22"), Requests: 2, Replies: []arp.Reply{{MAC: proxy, Count: 5, First: t0}}},
		{IP: ip("198.51.100.1"), Requests: 1, Replies: []arp.Reply{{MAC: hw("00:00:5e:00:01:01"), Count: 1, First: t0, Virtual: "vrrp"}}},
	}
	recs, shared := Records(hosts, nil)
	if len(recs) != 6 || recs[0].IP.String() != "198.51.100.1" {
		t.Fatalf("records not sorted by IP: %v", recs)
	}
	kinds := func(a record.Asset) string {
		var k []string
		for _, x := range a.Anomalies {
			k = append(k, x.Kind)
		}
		return strings.Join(k, ",")
	}
	want := map[string]string{
		"198.51.100.1":  "virtual_mac",
		"198.51.100.7":  "ip_conflict",
		"198.51.100.9":  "",
		"198.51.100.20": "shared_mac",
		"198.51.100.21": "shared_mac",
		"198.51.100.22": "shared_mac,duplicate_replies",
	}
	for _, r := range recs {
		if got := kinds(r); got != want[r.IP.String()] {
			t.Errorf("%s anomalies = %q, want %q", r.IP, got, want[r.IP.String()])
		}
	}
	if c := recs[1]; len(c.MACs) != 2 || c.LastSeen != t0.Add(time.Second) {
		t.Errorf("conflict record = %+v", c)
	}
	if len(shared) != 1 || shared[0].Count != 3 || shared[0].MAC.String() != proxy.String() {
		t.Errorf("shared = %+v", shared)
	}
}

func TestReportMergesExtraByIP(t *testing.T) {
	t0 := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	hosts := []arp.Host{
		{IP: netip.MustParseAddr("198.51.100.20"), Requests: 1, Replies: []arp.Reply{{MAC: hw("00:1b:54:00:00:20"), Count: 1, First: t0}}},
		{IP: netip.MustParseAddr("198.51.100.10"), Requests: 1, Replies: []arp.Reply{{MAC: hw("00:1b:54:00:00:10"), Count: 1, First: t0}}},
	}
	rep := &Report{arp: newARPRecords(hosts, nil)}
	rep.Add(&record.Asset{IP: netip.MustParseAddr("198.51.100.20"), SysName: "sw1", Sources: []record.Source{record.SourceSNMP}})
	rep.Add(&record.Asset{IP: netip.MustParseAddr("203.0.113.5"), MAC: record.MAC(hw("00:05:85:00:00:05")), Sources: []record.Source{record.SourceRouterARP}})
	rep.Add(&record.Asset{IP: netip.MustParseAddr("198.51.100.1"), Sources: []record.Source{record.SourceSNMP}})
	if rep.Len() != 4 {
		t.Fatalf("Len = %d, want 4", rep.Len())
	}
	got := rep.Hosts()
	order := []string{"198.51.100.1", "198.51.100.10", "198.51.100.20", "203.0.113.5"}
	for i, ip := range order {
		if got[i].IP.String() != ip {
			t.Fatalf("record %d = %s, want %s", i, got[i].IP, ip)
		}
	}
	if m := got[2]; m.SysName != "sw1" || m.MAC.String() != "00:1b:54:00:00:20" || len(m.Sources) != 2 {
		t.Errorf("merged record = %+v", m)
	}
}

// A sweep given a limiter spends that limiter's tokens, not a budget of
// its own: concurrent sweeps of a service share one.
func TestRunSharedLimiter(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	set, err := targets.Build([]string{"198.51.100.0/24"}, nil, targets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Rate 1 alone would take minutes; the shared limiter's burst pays.
	shared := rate.NewLimiter(1, 1000)
	rep, err := Run(t.Context(), fakeEnv(seg), Options{Targets: set, Rate: 1, Limiter: shared, ARPWait: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Found != 1 {
		t.Fatalf("found %d", rep.Found)
	}
	if left := shared.Tokens(); left > float64(1000-rep.Probed)+5 {
		t.Errorf("shared limiter has %.0f tokens after %d probes: the sweep did not spend them", left, rep.Probed)
	}
}
