package mdns

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"

	fpmdns "github.com/netcensus/netcensus/fingerprints/mdns"
	"github.com/netcensus/netcensus/record"
)

// TestBrowseEach: every interface is browsed with the shared settings and
// its own interface, results in the order given, a failure kept as data.
func TestBrowseEach(t *testing.T) {
	ifis := []*net.Interface{{Index: 2, Name: "eth0"}, {Index: 3, Name: "eth1"}, {Index: 4, Name: "eth2"}}
	fail := errors.New("bind: permission denied")
	browse := func(ctx context.Context, o Options) (*Result, error) {
		if o.Duration != 3*time.Second || o.MaxBrowsed != 7 {
			t.Errorf("settings lost: %+v", o)
		}
		if o.Interface.Name == "eth1" {
			return nil, fail
		}
		return &Result{Types: []string{o.Interface.Name}}, nil
	}
	got := BrowseEach(t.Context(), browse, ifis, Options{Duration: 3 * time.Second, MaxBrowsed: 7})
	if len(got) != 3 {
		t.Fatalf("%d results", len(got))
	}
	for i, b := range got {
		if b.Interface != ifis[i] {
			t.Errorf("result %d is %s's", i, b.Interface.Name)
		}
	}
	if got[0].Result.Types[0] != "eth0" || got[2].Result.Types[0] != "eth2" || got[1].Result != nil || !errors.Is(got[1].Err, fail) {
		t.Errorf("results %+v", got)
	}
	if n := len(BrowseEach(t.Context(), browse, nil, Options{})); n != 0 {
		t.Errorf("no interfaces, %d results", n)
	}
}

func TestResultSummary(t *testing.T) {
	r := &Result{Hosts: []Host{{Services: make([]record.Service, 2)}, {Services: make([]record.Service, 1)}}, Types: []string{"_ipp._tcp"},
		TypesSkipped: 1, UnicastAnswers: 4, Stats: Stats{Packets: 10, Malformed: 1, Oversize: 2},
		LastNew: 1234567 * time.Microsecond, Duration: 3 * time.Second}
	want := "hosts=2 services=3 types=1 types_skipped=1 packets=10 unicast=4 dropped=3 (malformed=1 oversize=2 too_many_records=0 dropped_records=0 truncated_txt=0) last_new=1.235s duration=3s"
	if got := r.Summary(); got != want {
		t.Errorf("Summary\n got %s\nwant %s", got, want)
	}
}

func TestBrowsedAssets(t *testing.T) {
	rules, err := fpmdns.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	eth0, eth1 := &net.Interface{Name: "eth0"}, &net.Interface{Name: "eth1"}
	host := func(name, ip string) Host { return Host{Name: name, Addrs: []netip.Addr{netip.MustParseAddr(ip)}} }
	cut := errors.New("read: connection reset")
	ok := []Browsed{
		{Interface: eth0, Result: &Result{Hosts: []Host{host("b", "192.0.2.9"), host("a", "192.0.2.7")}}},
		{Interface: eth1, Result: &Result{Hosts: []Host{host("c", "198.51.100.3")}}, Err: cut},
	}
	as, partial, err := BrowsedAssets(ok, rules)
	var ips []string
	for _, a := range as {
		ips = append(ips, a.IP.String())
		if len(a.Sources) != 1 || a.Sources[0] != record.SourceMDNS {
			t.Errorf("%s: sources %v", a.IP, a.Sources)
		}
	}
	if err != nil || !errors.Is(partial, cut) || strings.Join(ips, " ") != "192.0.2.7 192.0.2.9 198.51.100.3" {
		t.Errorf("assets %v, partial %v, err %v", ips, partial, err)
	}
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"no permission", fmt.Errorf("listen: %w", os.ErrPermission), "mdns on eth1: listen: permission denied (binding UDP 5353"},
		{"another failure", errors.New("no such interface"), "no such interface"},
	} {
		bs := append(ok[:1:1], Browsed{Interface: eth1, Err: tc.err})
		as, _, err := BrowsedAssets(bs, rules)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) || !errors.Is(err, tc.err) || as != nil {
			t.Errorf("%s: %v, %v", tc.name, as, err)
		}
	}
}
