package fingerprints

import (
	"testing"
)

// fplFixtureDir holds small walks written from the vendor MIBs for the
// variants of the biggest families (hosts, storage, power, printers):
// each fixture is one variant's shape that a profile read partly or not
// at all before.
const fplFixtureDir = "testdata/fixtures/fpl"

// fplCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var fplCases = map[string]want{
	// A clustered ONTAP cluster's management address: no productModel or
	// productSerialNum, the first node's nodeModel and nodeSerialNumber.
	"netapp-ontap-cluster": {"netapp-ontap", "NetApp", "FAS8200", "721800001234", "ONTAP", "9.8P6", "storage"},
	// An HP Color Laser built on Samsung's firmware, under Samsung's arc:
	// HP's printer, not Samsung's, the model without HP's name.
	"samsung-printer-hp": {"samsung-printer", "HP", "Color Laser MFP 178 179", "CNB1R12345", "", "3.82.01.19", "printer"},
}

// TestFPLFixtures checks each profile on its fixture: the winning profile
// and every field, with evidence (check).
func TestFPLFixtures(t *testing.T) {
	checkFixtures(t, fplFixtureDir, fplCases)
}
