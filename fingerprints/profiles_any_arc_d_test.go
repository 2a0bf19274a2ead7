package fingerprints

import (
	"testing"
)

// anyArcDFixtureDir holds small walks written from the vendor MIBs and the
// objects the device-support definitions name, for families those
// definitions detect another way than our profiles did: another
// registration of the maker's, a registration alone where we wanted an
// object too, a sysDescr or an object on any sysObjectID.
const anyArcDFixtureDir = "testdata/fixtures/any-arc-d"

// anyArcDCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var anyArcDCases = map[string]want{
	// A Vivotek camera on Vivotek's own enterprise (23465), the arc the
	// definition (vivotek) detects it by: the model and firmware its
	// sysDescr names. Before, generic rules (the whole firmware name for
	// the model).
	"vivotek-own-enterprise": {"vivotek", "Vivotek", "FD9187-HT", "", "", "0204c", "camera"},
	// A BiNOS switch on BiNOS's registration (738.1.5.100) whose agent
	// answers none of the product objects, detected by the registration
	// alone as the definition (binos) detects it. Before, generic rules.
	"telco-binos-registration": {"telco-systems-binos", "Telco Systems", "", "", "BiNOS", "", "switch"},
	// An Unleashed master on Unleashed's registration (25053.3.1.5.20)
	// without RUCKUS-UNLEASHED-SYSTEM-MIB, detected by the registration
	// alone as the definition (ruckuswireless-unleashed) detects it.
	// Before, ruckus-wireless: a ZoneDirector named 'Unleashed'.
	"ruckus-unleashed-registration": {"ruckus-unleashed", "Ruckus", "", "", "Unleashed", "", "access_point"},
	// A Socomec rack PDU (4555.2.30), which the definition (socomec)
	// detects as a PDU and reads from SOCOMECPDU-MIB dpduIdent: model,
	// serial, and its version template 'FW <PDU firmware> / SW <agent
	// software>'. Before, socomec-netvision: a UPS with nothing read.
	"socomec-pdu": {"socomec-pdu", "Socomec", "PDU 16A 1P 24", "PD1823000456", "", "FW 1.04 / SW 2.1.3", "pdu"},
}

func TestAnyArcDFixtures(t *testing.T) {
	checkFixtures(t, anyArcDFixtureDir, anyArcDCases)
}
