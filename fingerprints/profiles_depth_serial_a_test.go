package fingerprints

import (
	"testing"
)

// depthSerialAFixtureDir holds small walks written from the vendor MIBs (and the
// objects other projects' device-support definitions name) for profiles
// that read no serial or version before: each fixture fails without the
// rule it tests.
const depthSerialAFixtureDir = "testdata/fixtures/depth-serial-a"

// depthSerialACases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var depthSerialACases = map[string]want{
	// Dell Storage Center on net-snmp's FreeBSD registration, told by
	// DELL-STORAGE-SC-MIB's productIDDisplayName: the productID group's
	// serial and version, the first controller's model; where the group
	// has no serial, the first controller's service tag.
	"dell-compellent-sc":            {"dell-compellent-sc", "Dell EMC", "SC4020", "60345", "Storage Center", "7.3.20.19", "storage"},
	"dell-compellent-sc-servicetag": {"dell-compellent-sc", "Dell EMC", "SC9000", "9HT2Q72", "Storage Center", "7.4.10.51", "storage"},
	// A Pure Storage sysDescr naming the product line only; the release
	// with its OS name, as the definition's (purestorage) sysDescr_regex
	// writes it (fq6; was the number alone).
	"pure-storage-line": {"pure-storage", "Pure Storage", "FlashArray", "", "Purity", "Purity//FA 6.1.16", "storage"},
}

// TestDepthSerialAFixtures checks each profile on its fixture: the winning profile
// and every field, with evidence (check).
func TestDepthSerialAFixtures(t *testing.T) {
	checkFixtures(t, depthSerialAFixtureDir, depthSerialACases)
}
