package locate_test

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/locate"
	"github.com/netcensus/netcensus/scanner/snmp"
)

const dir = "../../testdata/switches/"

func parse(t *testing.T, name string) *snmprec.Walk {
	t.Helper()
	w, _, err := snmprec.ParseFile(dir + name + ".snmprec")
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// campus reads the two switch walks as a collection would: acc-sw-1 with
// its VLAN contexts, edge-sw-2 with Q-BRIDGE.
func campus(t *testing.T) []locate.Switch {
	t.Helper()
	seen := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	var out []locate.Switch
	for _, s := range []struct {
		name  string
		ip    string
		vlans []int
	}{{"acc-sw-1", "192.0.2.11", []int{1, 10, 20, 30}}, {"edge-sw-2", "192.0.2.12", nil}} {
		w := parse(t, s.name)
		ip := netip.MustParseAddr(s.ip)
		a, _ := snmp.Decode(w, ip, seen)
		var vcs []snmp.VLANContext
		for _, v := range s.vlans {
			vcs = append(vcs, snmp.VLANContext{VLAN: v, Context: fmt.Sprintf("@%d", v), Walk: parse(t, fmt.Sprintf("%s@%d", s.name, v))})
		}
		out = append(out, locate.SwitchOf(ip, &a, snmp.DecodeFDB(w, vcs, a.Interfaces), seen))
	}
	return out
}

func rules(t *testing.T) locate.Rules {
	t.Helper()
	r, err := locate.Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func lines(found map[string]locate.Conclusion) []string {
	var out []string
	for mac, c := range found {
		out = append(out, fmt.Sprintf("%s %s %s vlan=%d %s", mac, c.Location.Switch.Name, c.Location.Port, c.Location.VLAN, c.Evidence.Rule))
	}
	slices.Sort(out)
	return out
}

// TestLocateCampus: hosts land on their access ports; the CDP uplink to
// the core, the LLDP uplink of the edge switch and the port with a hub
// (14 MACs) locate nobody; the phone's port (CDP host/phone) stays an
// access port for the phone and the PC behind it; a MAC that two switches
// see on non-uplink ports goes to the port with fewer MACs.
func TestLocateCampus(t *testing.T) {
	found, ports := rules(t).Locate(campus(t))
	want := []string{
		"00:00:5e:00:53:01 acc-sw-1 Gi1/0/1 vlan=10 access_port",
		"00:00:5e:00:53:02 acc-sw-1 Gi1/0/2 vlan=10 access_port",
		"00:00:5e:00:53:03 acc-sw-1 Gi1/0/3 vlan=10 access_port",
		"00:00:5e:00:53:05 acc-sw-1 Gi1/0/5 vlan=30 access_port",
		"00:00:5e:00:53:06 acc-sw-1 Gi1/0/6 vlan=1 access_port",
		"00:00:5e:00:53:13 acc-sw-1 Gi1/0/3 vlan=20 access_port",
		"00:00:5e:00:53:21 edge-sw-2 2 vlan=10 access_port_fewest_macs",
		"00:00:5e:00:53:22 edge-sw-2 3 vlan=10 access_port_fewest_macs",
		"00:00:5e:00:53:23 edge-sw-2 4 vlan=30 access_port_fewest_macs",
		// The edge switch itself is plugged into acc-sw-1's Gi1/0/50.
		"00:00:5e:00:53:f2 acc-sw-1 Gi1/0/50 vlan=1 access_port",
	}
	if got := lines(found); !slices.Equal(got, want) {
		t.Errorf("located\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var judged []string
	for _, p := range ports {
		if p.Uplink {
			judged = append(judged, p.Switch.Name+" "+p.Port+" "+p.Rule+": "+p.Reason)
		}
	}
	wantUp := []string{
		"acc-sw-1 Gi1/0/49 uplink_neighbor: cdp neighbour core-sw-1.example.net (router, switch, igmp) announces switch",
		"acc-sw-1 Gi1/0/8 uplink_max_macs: 14 MACs, more than uplinks.max_macs 12",
		"edge-sw-2 8 uplink_neighbor: lldp neighbour acc-sw-1 (bridge, router) announces bridge",
	}
	if !slices.Equal(judged, wantUp) {
		t.Errorf("uplinks\n%s\nwant\n%s", strings.Join(judged, "\n"), strings.Join(wantUp, "\n"))
	}
	c := found["00:00:5e:00:53:01"]
	if c.Evidence.Source != record.SourceSNMP || c.Evidence.OID != "@10:1.3.6.1.2.1.17.4.3.1.2.0.0.94.0.83.1" ||
		!strings.Contains(c.Evidence.Value, "Gi1/0/1 of acc-sw-1") || c.Location.IfIndex != 10101 ||
		c.Location.Switch.IP != netip.MustParseAddr("192.0.2.11") || c.Location.Seen.IsZero() {
		t.Errorf("conclusion %+v", c)
	}
	if e := found["00:00:5e:00:53:21"].Evidence.Value; !strings.Contains(e, "also on access ports acc-sw-1 Gi1/0/50") {
		t.Errorf("evidence of the fewest-MACs choice: %s", e)
	}
}

// TestLocateRulesAreData: the rules change the conclusions: a larger
// max_macs makes the hub's port an access port, a port name pattern makes
// a port an uplink, an ignored VLAN locates nobody.
func TestLocateRulesAreData(t *testing.T) {
	r, err := locate.Parse(strings.NewReader(`
uplinks:
  neighbor_capabilities: [bridge, switch]
  except_capabilities: [phone]
  max_macs: 20
  port_names: ['^Gi1/0/5$']
ignore_vlans: [20]
`))
	if err != nil {
		t.Fatal(err)
	}
	found, _ := r.Locate(campus(t))
	if c, ok := found["00:00:5e:00:53:40"]; !ok || c.Location.Port != "Gi1/0/8" {
		t.Errorf("hub MAC with max_macs 20: %+v", c)
	}
	if _, ok := found["00:00:5e:00:53:05"]; ok {
		t.Error("MAC on a port named as an uplink was located")
	}
	if _, ok := found["00:00:5e:00:53:13"]; ok {
		t.Error("MAC of an ignored VLAN was located")
	}
}

func TestParseRulesStrict(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"unknown key", "uplinks:\n  max_macs: 3\n  maxmacs: 4\n", "maxmacs"},
		{"max_macs 0", "uplinks:\n  max_macs: 0\n", "max_macs 0"},
		{"bad pattern", "uplinks:\n  max_macs: 3\n  port_names: ['(']\n", "port_names"},
		{"bad vlan", "uplinks:\n  max_macs: 3\nignore_vlans: [5000]\n", "ignore_vlans 5000"},
	} {
		_, err := locate.Parse(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err %v, want one naming %q", tc.name, err, tc.want)
		}
	}
}

// TestApply: a record gets the location of its MAC, else of one of its
// other MACs, with the evidence under "location".
func TestApply(t *testing.T) {
	found, _ := rules(t).Locate(campus(t))
	m, _ := record.ParseMAC("00:00:5e:00:53:aa")
	o, _ := record.ParseMAC("00:00:5e:00:53:05")
	a := record.Asset{MAC: m, MACs: []record.MAC{m, o}}
	if !locate.Apply(&a, found) || a.Location.Port != "Gi1/0/5" || a.Evidence["location"].Rule != locate.RuleAccessPort {
		t.Errorf("apply: %+v %+v", a.Location, a.Evidence)
	}
	b := record.Asset{MAC: m}
	if locate.Apply(&b, found) || b.Location != nil {
		t.Errorf("unknown MAC located: %+v", b.Location)
	}
}
