package fingerprints

import (
	"slices"
	"strings"
	"testing"
)

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
