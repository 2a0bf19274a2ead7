package fingerprints

import (
	"slices"
	"strings"
	"testing"
)

// extreme42FixtureDir holds small walks written from EXTREME-BASE-MIB and
// the device-support definitions for Extreme's registrations (fq42).
const extreme42FixtureDir = "testdata/fixtures/extreme-42"

// extreme42Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var extreme42Cases = map[string]want{
	// The ExtremeControl Access Control Engines EXTREME-BASE-MIB
	// registers beside the NAC-A-20 (.251, an appliance since fq30):
	// extremeIAxAx20 (.253, 'Access Control Engine ... a 1U rack
	// mountable system') and extremeIAxV (.252, 'Virtual Access Control
	// Engine'), appliances running no ExtremeXOS, which the definition
	// (xos) names for every registration under extremeProducts (was EXOS,
	// switch). The model is the product's name each entry states ('Name
	// "IA-A-20"'), not the product registry's label, the object's name
	// (was 'IAxAx20', and none for extremeIAxV).
	"extreme-control-ia-a-20": {"extreme-nonswitch", "Extreme Networks", "IA-A-20", "", "", "", "appliance"},
	"extreme-control-ia-v":    {"extreme-nonswitch", "Extreme Networks", "IA-V", "", "", "", "appliance"},
	// The IA-A-20 whose agent writes a Linux uname line: no release, the
	// kernel's (linux-sysdescr's) being no release of the OS left
	// unstated nor of the product (extreme-nonswitch's no_fill, as its
	// format comment describes an appliance on net-snmp's Linux agent;
	// was 4.15.0-213-generic beside no OS).
	"extreme-control-ia-a-20-linux": {"extreme-nonswitch", "Extreme Networks", "IA-A-20", "", "", "", "appliance"},
	// extremeFabricManager (.295), 'Extreme application to manage and
	// orchestrate the SPBm Fabric based network': an appliance, no EXOS
	// (was EXOS, switch).
	"extreme-fabric-manager": {"extreme-nonswitch", "Extreme Networks", "", "", "", "", "appliance"},
	// extremeVirtualTAP (.326), 'a full-featured network visibility
	// solution software based tap' (and its aggregator, the Virtual
	// Packet Broker .327): an appliance, no EXOS (was EXOS, switch); the
	// model the entry's 'Name "vTAP"'.
	"extreme-virtual-tap": {"extreme-nonswitch", "Extreme Networks", "vTAP", "", "", "", "appliance"},
	// extreme873032D (.504.1.1) under extremeONEOSProducts, 'Platforms
	// running Extreme ONE OS software', 'Extreme 8730': that OS, not the
	// ExtremeXOS the definition (xos) names for every extremeProducts
	// registration; the model as the MIB names it, without the maker's
	// name (was EXOS and the registry's '873032D').
	"extreme-oneos-8730": {"extreme-exos", "Extreme Networks", "8730", "", "Extreme ONE OS", "", "switch"},
}

func TestExtreme42Fixtures(t *testing.T) {
	checkFixtures(t, extreme42FixtureDir, extreme42Cases)
}

// acmeArcs: a family's device types named by its registrations, and a
// profile for those that are no switch keyed by the same map (one list
// for both, as extreme-nonswitch reads extreme-exos's).
const acmeArcs = `profiles:
  - id: acme-switch
    priority: 50
    match:
      sys_object_id: [1.3.6.1.4.1.99999]
    vendor: Acme
    device_type: &acme_types
      - sys_object_id: 1.3.6.1.4.1.99999.2
        regex: '^[0-9]+$'
        map: &acme_nonswitch {"7": access_point, "12": appliance}
      - value: switch
  - id: acme-nonswitch
    priority: 50
    match:
      sys_object_id_arcs:
        1.3.6.1.4.1.99999.2: *acme_nonswitch
    vendor: Acme
    os: AcmeAP
    device_type: *acme_types
`

// TestSysObjectIDArcs: sys_object_id_arcs admits the registrations its
// maps' keys name below each prefix, scored as the sysObjectID prefixes
// they stand for, and no other.
func TestSysObjectIDArcs(t *testing.T) {
	e, err := NewWithProfiles(writeProfiles(t, map[string]string{"acme.yaml": acmeArcs}))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ oid, profile, typ string }{
		{"1.3.6.1.4.1.99999.2.7", "acme-nonswitch", "access_point"},
		{"1.3.6.1.4.1.99999.2.12", "acme-nonswitch", "appliance"},
		{"1.3.6.1.4.1.99999.2.8", "acme-switch", "switch"},
		{"1.3.6.1.4.1.99999.2.120", "acme-switch", "switch"},
	} {
		r := e.Identify(Input{SysObjectID: tc.oid, SysDescr: "Acme"})
		if r.Profile != tc.profile || r.DeviceType != tc.typ {
			t.Errorf("%s: %s %s, want %s %s", tc.oid, r.Profile, r.DeviceType, tc.profile, tc.typ)
		}
	}
	for _, m := range e.Explain(Input{SysObjectID: "1.3.6.1.4.1.99999.2.7", SysDescr: "Acme"}) {
		if m.Profile == "acme-nonswitch" && (m.Score != 50*1000+10*9 || !slices.Contains(m.Reasons, "sysObjectID under 1.3.6.1.4.1.99999.2.7")) {
			t.Errorf("explained: %+v", m)
		}
	}
	for _, tc := range []struct{ old, new, want string }{
		{`map: &acme_nonswitch {"7": access_point, "12": appliance}`, `map: &acme_nonswitch {"7x": access_point, "12": appliance}`, "not an arc"},
		{"        1.3.6.1.4.1.99999.2: *acme_nonswitch", "        1.3.6.1.4.1.99999.2: {}", "a map of the arcs"},
		{"        1.3.6.1.4.1.99999.2: *acme_nonswitch", "        acme: *acme_nonswitch", "a map of the arcs"},
	} {
		y := strings.Replace(acmeArcs, tc.old, tc.new, 1)
		if y == acmeArcs {
			t.Fatalf("%q not in the profiles", tc.old)
		}
		_, err := NewWithProfiles(writeProfiles(t, map[string]string{"acme.yaml": y}))
		if err == nil || !strings.Contains(err.Error(), "sys_object_id_arcs") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v", tc.new, err)
		}
	}
}
