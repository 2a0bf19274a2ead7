package snmp_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/snmpsim"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/snmp"
)

// switches holds this project's switch walks (testdata/switches/gen.py).
const switches = "../../testdata/switches"

func fdbLines(r snmp.Result) []string {
	var out []string
	for _, e := range r.FDB {
		out = append(out, fmt.Sprintf("%s vlan=%d port=%s ifindex=%d", e.MAC, e.VLAN, e.Port, e.IfIndex))
	}
	slices.Sort(out)
	return out
}

// TestCollectFDBVLANContexts: a Cisco-style switch lists its VLANs in
// CISCO-VTP-MIB; each operational Ethernet VLAN's BRIDGE-MIB is read in
// its community@vlan context (the reserved 1002-1005 are not), bridge
// ports map to ifNames per context, the switch's own (self) entry is left
// out, and CDP neighbours come with their capabilities.
func TestCollectFDBVLANContexts(t *testing.T) {
	addr := startSim(t, snmpsim.Options{DataDir: switches})
	res := collect(t, addr, snmp.CollectOptions{Credentials: []snmp.Credential{comm("acc-sw-1", gosnmp.Version2c)}})
	if !res.Answered || res.Err != nil {
		t.Fatalf("collect: answered=%v err=%v", res.Answered, res.Err)
	}
	var ctxs []string
	for _, v := range res.VLANs {
		ctxs = append(ctxs, v.Context)
	}
	if want := []string{"@1", "@10", "@20", "@30"}; !slices.Equal(ctxs, want) {
		t.Errorf("contexts %v, want %v", ctxs, want)
	}
	got := fdbLines(res)
	for _, want := range []string{
		"00:00:5e:00:53:01 vlan=10 port=Gi1/0/1 ifindex=10101",
		"00:00:5e:00:53:03 vlan=10 port=Gi1/0/3 ifindex=10103",
		"00:00:5e:00:53:13 vlan=20 port=Gi1/0/3 ifindex=10103",
		"00:00:5e:00:53:05 vlan=30 port=Gi1/0/5 ifindex=10105",
		"00:00:5e:00:53:06 vlan=1 port=Gi1/0/6 ifindex=10106",
		"00:00:5e:00:53:23 vlan=30 port=Gi1/0/50 ifindex=10150",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
	if len(got) != 4+21+2+2 {
		t.Errorf("%d entries, want 29:\n%s", len(got), strings.Join(got, "\n"))
	}
	for _, l := range got {
		if strings.HasPrefix(l, "00:00:5e:00:53:f1") {
			t.Errorf("self entry kept: %s", l)
		}
	}
	var cdp []string
	for _, n := range res.Asset.Neighbors {
		if n.Protocol == "cdp" {
			cdp = append(cdp, n.LocalPort+" "+n.SysName+" "+strings.Join(n.Capabilities, ","))
		}
	}
	want := []string{"Gi1/0/3 SEP00005E005313 host,phone,two_port_mac_relay", "Gi1/0/49 core-sw-1.example.net router,switch,igmp"}
	if !slices.Equal(cdp, want) {
		t.Errorf("cdp neighbours %q, want %q", cdp, want)
	}
}

// TestCollectFDBQBridge: a Q-BRIDGE switch's dot1qTpFdbTable, its FDB IDs
// mapped to VLANs by dot1qVlanFdbId, no VLAN contexts (no VTP), and an
// LLDP neighbour's enabled capabilities.
func TestCollectFDBQBridge(t *testing.T) {
	addr := startSim(t, snmpsim.Options{DataDir: switches})
	res := collect(t, addr, snmp.CollectOptions{Credentials: []snmp.Credential{comm("edge-sw-2", gosnmp.Version2c)}})
	if !res.Answered || res.Err != nil {
		t.Fatalf("collect: answered=%v err=%v", res.Answered, res.Err)
	}
	if len(res.VLANs) != 0 {
		t.Errorf("vlan contexts read on a Q-BRIDGE switch: %d", len(res.VLANs))
	}
	want := []string{
		"00:00:5e:00:01:0a vlan=1 port=8 ifindex=8",
		"00:00:5e:00:53:01 vlan=10 port=8 ifindex=8",
		"00:00:5e:00:53:02 vlan=10 port=8 ifindex=8",
		"00:00:5e:00:53:21 vlan=10 port=2 ifindex=2",
		"00:00:5e:00:53:22 vlan=10 port=3 ifindex=3",
		"00:00:5e:00:53:23 vlan=30 port=4 ifindex=4",
		"00:00:5e:00:53:f1 vlan=1 port=8 ifindex=8",
	}
	if got := fdbLines(res); !slices.Equal(got, want) {
		t.Errorf("fdb\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(res.Asset.Neighbors) != 1 || !slices.Equal(res.Asset.Neighbors[0].Capabilities, []string{"bridge", "router"}) || res.Asset.Neighbors[0].LocalPort != "8" {
		t.Errorf("lldp neighbours %+v", res.Asset.Neighbors)
	}
}

// TestCollectFDBOptions: never reads no VLAN context (the default context
// only: VLAN 1's bridge, VLAN unknown), and Off reads no bridge table.
func TestCollectFDBOptions(t *testing.T) {
	addr := startSim(t, snmpsim.Options{DataDir: switches})
	res := collect(t, addr, snmp.CollectOptions{Credentials: []snmp.Credential{comm("acc-sw-1", gosnmp.Version2c)},
		FDB: snmp.FDBOptions{VLANContexts: snmp.VLANContextsNever}})
	if len(res.VLANs) != 0 || len(res.FDB) != 4 || res.FDB[0].VLAN != 0 {
		t.Errorf("never: %d contexts, fdb %v", len(res.VLANs), fdbLines(res))
	}
	res = collect(t, addr, snmp.CollectOptions{Credentials: []snmp.Credential{comm("acc-sw-1", gosnmp.Version2c)},
		FDB: snmp.FDBOptions{MaxVLANs: 2}})
	if len(res.VLANs) != 2 || res.Asset.Collection.Status != record.CollectionPartial {
		t.Errorf("max_vlans 2: %d contexts, collection %+v", len(res.VLANs), res.Asset.Collection)
	}
	res = collect(t, addr, snmp.CollectOptions{Credentials: []snmp.Credential{comm("acc-sw-1", gosnmp.Version2c)},
		FDB: snmp.FDBOptions{Off: true}})
	if len(res.FDB) != 0 || len(res.VLANs) != 0 {
		t.Errorf("off: fdb %d, contexts %d", len(res.FDB), len(res.VLANs))
	}
}

// TestVLANCredential: v2c contexts are community@vlan, v3 contexts
// vlan-N, and neither name carries the secret.
func TestVLANCredential(t *testing.T) {
	c, name := snmp.VLANCredential(comm("s3cret", gosnmp.Version2c), 10)
	if c.Community.Reveal() != "s3cret@10" || name != "@10" {
		t.Errorf("v2c: %q %q", c.Community.Reveal(), name)
	}
	c, name = snmp.VLANCredential(snmp.Credential{Version: gosnmp.Version3, User: "u"}, 20)
	if c.Context != "vlan-20" || name != "vlan-20" {
		t.Errorf("v3: %q %q", c.Context, name)
	}
}
