package scanner

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/snmp"
	"github.com/netcensus/netcensus/scanner/targets"
)

// TestRunLocatesHosts: a sweep that finds a switch reads its forwarding
// table and gives the ARP hosts behind its access ports their location
// (switch, port, VLAN, with evidence); a host seen only on the uplink
// gets none.
func TestRunLocatesHosts(t *testing.T) {
	w, _, err := snmprec.ParseFile("../testdata/switches/edge-sw-2.snmprec")
	if err != nil {
		t.Fatal(err)
	}
	sim := serveSim(t, w)
	swIP := netip.MustParseAddr("198.51.100.20")
	to := map[netip.Addr]netip.AddrPort{swIP: sim}
	from := map[netip.AddrPort]netip.Addr{sim: swIP}
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.20", "00:00:5e:00:53:f2")
	seg.AddHost("198.51.100.21", "00:00:5e:00:53:21")
	seg.AddHost("198.51.100.23", "00:00:5e:00:53:23")
	seg.AddHost("198.51.100.30", "00:00:5e:00:53:01")
	env := fakeEnv(seg)
	env.ListenSNMP = func() (net.PacketConn, error) {
		c, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		return &natConn{PacketConn: c, to: to, from: from}, nil
	}
	env.DialSNMP = func(timeout time.Duration, retries int) snmp.DialFunc {
		base := snmp.GoSNMPDialer(timeout, retries)
		return func(ctx context.Context, t netip.AddrPort, c snmp.Credential) (snmp.Client, error) {
			dst, ok := to[t.Addr()]
			if !ok {
				return nil, errors.New("test: no agent at " + t.String())
			}
			return base(ctx, dst, c)
		}
	}
	set, err := targets.Build([]string{"198.51.100.0/26"}, nil, targets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rep, err := Run(ctx, env, Options{Targets: set, Rate: 100000, ARPWait: 20 * time.Millisecond,
		SNMP: &SNMPOptions{Timeout: 300 * time.Millisecond, Workers: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if st := rep.SNMP.Locate; st.Switches != 1 || st.Entries != 7 || st.Located != 3 || st.Uplinks != 1 {
		t.Errorf("locate stats %+v", st)
	}
	byIP := map[string]record.Asset{}
	for _, h := range rep.Hosts() {
		byIP[h.IP.String()] = h
	}
	h := byIP["198.51.100.21"]
	if l := h.Location; l == nil || l.Port != "2" || l.VLAN != 10 || l.Switch.Name != "edge-sw-2" || l.Switch.IP != swIP || l.Seen.IsZero() {
		t.Errorf("location of .21: %+v", l)
	} else if ev := h.Evidence["location"]; ev.Rule != "access_port" || ev.OID == "" {
		t.Errorf("evidence %+v", ev)
	}
	if l := byIP["198.51.100.23"].Location; l == nil || l.Port != "4" || l.VLAN != 30 {
		t.Errorf("location of .23: %+v", l)
	}
	if l := byIP["198.51.100.30"].Location; l != nil {
		t.Errorf("host seen only on the uplink located: %+v", l)
	}
}
