package snmp_test

import (
	"context"
	"errors"
	"maps"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/fingerprints"
	"github.com/netcensus/netcensus/scanner/snmp"
	"github.com/netcensus/netcensus/scanner/snmp/snmptest"
)

func oidPDU(v string) gosnmp.SnmpPDU { return gosnmp.SnmpPDU{Type: gosnmp.ObjectIdentifier, Value: v} }

// TestCollectFetchesTheMatchingProfilesOIDs: the collector asks a device
// only for the vendor OIDs of the profiles its system group can match,
// and reads a profile's exact instances (not .0) with GET, so they reach
// Identify on the live path.
func TestCollectFetchesTheMatchingProfilesOIDs(t *testing.T) {
	eng, err := fingerprints.New()
	if err != nil {
		t.Fatal(err)
	}
	sb := snmptest.New(map[string]any{
		"1.3.6.1.2.1.1.1.0":                   "SG350-28P 28-Port Gigabit PoE Managed Switch",
		"1.3.6.1.2.1.1.2.0":                   oidPDU(".1.3.6.1.4.1.9.6.1.95.28.5"),
		"1.3.6.1.2.1.1.5.0":                   "sw-a",
		"1.3.6.1.4.1.9.6.1.101.53.14.1.2.1":   "2.5.7.85",
		"1.3.6.1.4.1.9.6.1.101.53.14.1.5.1":   "DNI1234ABCD",
		"1.3.6.1.4.1.9.6.1.101.53.14.1.2.100": "not this one",
	})
	linux := snmptest.New(map[string]any{
		"1.3.6.1.2.1.1.1.0": "Linux host-b 5.10.0-21-amd64 #1 SMP Debian 5.10.162-1 x86_64",
		"1.3.6.1.2.1.1.2.0": oidPDU(".1.3.6.1.4.1.8072.3.2.10"),
		"1.3.6.1.2.1.1.5.0": "host-b",
	})
	addr := netip.AddrPortFrom(netip.MustParseAddr("192.0.2.7"), 161)
	for _, c := range []struct {
		fake  *snmptest.Fake
		check func(t *testing.T, r snmp.Result, asked []string)
	}{
		{sb, func(t *testing.T, r snmp.Result, asked []string) {
			// The release in the form Cisco Small Business's
			// definition (ciscosb) writes it (414a370).
			if r.Asset.OSVersion != "Software 2.5.7.85" || r.Asset.Serial != "DNI1234ABCD" {
				t.Errorf("os_version %q serial %q: the instances were not read", r.Asset.OSVersion, r.Asset.Serial)
			}
		}},
		{linux, func(t *testing.T, r snmp.Result, asked []string) {
			for _, o := range asked {
				if strings.HasPrefix(o, "1.3.6.1.4.1.9.") || strings.HasPrefix(o, "1.3.6.1.4.1.318.") {
					t.Errorf("a Linux host was asked %s", o)
				}
			}
			// A standard MIB that generic profiles read is still asked.
			if !slices.Contains(asked, "1.3.6.1.2.1.33.1.1") {
				t.Errorf("UPS-MIB not walked: %v", asked)
			}
		}},
	} {
		col := snmp.NewCollector(snmp.CollectOptions{Dial: c.fake.Dial(), Engine: eng})
		r := col.Collect(context.Background(), snmp.Target{Addr: addr, Credential: -1})
		if !r.Answered {
			t.Fatalf("no answer: %v", r.Err)
		}
		var asked []string
		for _, call := range c.fake.Calls() {
			for _, o := range call.OIDs {
				asked = append(asked, strings.TrimPrefix(o, "."))
			}
		}
		c.check(t, r, asked)
	}
}

// TestCollectWalksIdentityFirst: the profiles' walks are asked before the
// inventory tables (interfaces, ARP, LLDP): their conditions first (UPS-MIB's
// ident group tells a UPS's agent from a host's), then ENTITY's physical
// table and the fields' walks, so a target timeout that cuts a large
// device's interfaces still leaves what identifies it.
func TestCollectWalksIdentityFirst(t *testing.T) {
	eng, err := fingerprints.New()
	if err != nil {
		t.Fatal(err)
	}
	objs := map[string]any{
		"1.3.6.1.2.1.1.1.0":      "Linux ups-gw 5.10.0-21-amd64 #1 SMP Debian 5.10.162-1 x86_64",
		"1.3.6.1.2.1.1.2.0":      oidPDU(".1.3.6.1.4.1.8072.3.2.10"),
		"1.3.6.1.2.1.33.1.1.2.0": "Smart-UPS 1500",
	}
	for i := 1; i <= 40; i++ {
		objs["1.3.6.1.2.1.2.2.1.2."+strconv.Itoa(i)] = "eth" + strconv.Itoa(i)
	}
	fake := snmptest.New(objs)
	col := snmp.NewCollector(snmp.CollectOptions{Dial: fake.Dial(), Engine: eng})
	r := col.Collect(context.Background(), snmp.Target{Addr: netip.AddrPortFrom(netip.MustParseAddr("192.0.2.7"), 161), Credential: -1})
	if !r.Answered {
		t.Fatalf("no answer: %v", r.Err)
	}
	first := map[string]int{}
	for i, call := range fake.Calls() {
		if call.Op == "get" {
			continue // the scalars, all read before any walk
		}
		for _, o := range call.OIDs {
			o = strings.TrimPrefix(o, ".")
			for _, root := range []string{"1.3.6.1.2.1.47.1.1.1.1", "1.3.6.1.2.1.33.1.1", "1.3.6.1.2.1.2.2.1", "1.3.6.1.2.1.25.3.2.1"} {
				if _, ok := first[root]; !ok && (o == root || strings.HasPrefix(o, root+".")) {
					first[root] = i
				}
			}
		}
	}
	entity, ups, ifs, devs := first["1.3.6.1.2.1.47.1.1.1.1"], first["1.3.6.1.2.1.33.1.1"], first["1.3.6.1.2.1.2.2.1"], first["1.3.6.1.2.1.25.3.2.1"]
	if len(first) != 4 || max(entity, ups) >= min(ifs, devs) {
		t.Errorf("first asked in call: ENTITY %d, UPS-MIB %d, ifTable %d, hrDeviceTable %d (of %v); want ENTITY and UPS-MIB, then the inventory", entity, ups, ifs, devs, first)
	}
}

// TestCollectReadsConditionsFirst: the collector reads the candidate
// profiles' oid conditions first and then the fields of those they leave.
// A Linux host is asked whether it answers SFOS-FIREWALL-MIB, not for a
// Sophos serial; a Sophos firewall on the same sysObjectID is asked for
// it after. When the conditions' read fails, every candidate's fields are
// read, as if each condition held.
func TestCollectReadsConditionsFirst(t *testing.T) {
	eng, err := fingerprints.New()
	if err != nil {
		t.Fatal(err)
	}
	const sfosModel, sfosSerial = "1.3.6.1.4.1.2604.5.1.1.2.0", "1.3.6.1.4.1.2604.5.1.1.4.0"
	host := map[string]any{
		"1.3.6.1.2.1.1.1.0": "Linux fw-1 4.14.38 #2 SMP Tue Jan 9 14:12:51 UTC 2024 x86_64",
		"1.3.6.1.2.1.1.2.0": oidPDU(".1.3.6.1.4.1.8072.3.2.10"),
		"1.3.6.1.2.1.1.5.0": "fw-1",
	}
	sophos := maps.Clone(host)
	sophos[sfosModel] = "XGS2100"
	sophos["1.3.6.1.4.1.2604.5.1.1.3.0"] = "SFOS 19.5.1 MR-1-Build278"
	sophos[sfosSerial] = "X21001ABCDEF12"
	addr := netip.AddrPortFrom(netip.MustParseAddr("192.0.2.7"), 161)
	collect := func(f *snmptest.Fake) (snmp.Result, map[string]int) {
		t.Helper()
		r := snmp.NewCollector(snmp.CollectOptions{Dial: f.Dial(), Engine: eng}).Collect(context.Background(), snmp.Target{Addr: addr, Credential: -1})
		if !r.Answered {
			t.Fatalf("no answer: %v", r.Err)
		}
		first := map[string]int{}
		for i, call := range f.Calls() {
			for _, o := range call.OIDs {
				o = strings.TrimPrefix(o, ".")
				if _, ok := first[o]; !ok {
					first[o] = i
				}
			}
		}
		return r, first
	}

	hostAgent := snmptest.New(host)
	r, asked := collect(hostAgent)
	// The conditions' subtrees, most of which a host does not hold, are
	// each asked for their first OID alone before any is read in bulk.
	for _, c := range hostAgent.Calls() {
		if c.Op == "getbulk" {
			if c.MaxRep != 1 {
				t.Errorf("the first walk, of the conditions' subtrees %v, asked max-repetitions %d, want 1", c.OIDs, c.MaxRep)
			}
			break
		}
	}
	if _, ok := asked[sfosModel]; !ok {
		t.Errorf("the host was not asked the condition %s", sfosModel)
	}
	if _, ok := asked[sfosSerial]; ok {
		t.Errorf("the host was asked for a Sophos serial")
	}
	if r.Err != nil || r.Asset.OS != "Linux" {
		t.Errorf("host: err %v, os %q", r.Err, r.Asset.OS)
	}

	r, asked = collect(snmptest.New(sophos))
	// fq110: model Generic x86 64-bit (was XGS2100): on net-snmp's
	// registration with uname's line the unit is the definition linux's,
	// whose Shared\Unix writes the machine class as the hardware
	// (sophos-firewall-mib reads it first, sfosDeviceType after).
	if r.Asset.Vendor != "Sophos" || r.Asset.Serial != "X21001ABCDEF12" || r.Asset.Model != "Generic x86 64-bit" {
		t.Errorf("firewall: vendor %q model %q serial %q", r.Asset.Vendor, r.Asset.Model, r.Asset.Serial)
	}
	if asked[sfosModel] >= asked[sfosSerial] {
		t.Errorf("the serial was asked in call %d, the condition in %d: want the condition first", asked[sfosSerial], asked[sfosModel])
	}

	lost := snmptest.New(sophos)
	lost.LoseGet = 2 // the system group's GET is the first
	r, _ = collect(lost)
	if !errors.Is(r.Err, snmptest.ErrLost) || !strings.Contains(r.Err.Error(), "profile conditions") {
		t.Errorf("err %v: want the lost conditions' read named", r.Err)
	}
	if r.Asset.Serial != "X21001ABCDEF12" {
		t.Errorf("conditions lost: serial %q, want every candidate's fields read", r.Asset.Serial)
	}
}
