package fingerprints

import (
	"testing"
)

// linuxArc107FixtureDir holds small walks written from the vendor MIBs
// and net-snmp's uname sysDescr for fq107: units on a vendor's
// enterprise, on arcs no vendor definition detects, whose Linux uname
// line the definition linux takes ('/^Linux/' on any sysObjectID).
const linuxArc107FixtureDir = "testdata/fixtures/linux-arc-107"

// linuxArc107Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var linuxArc107Cases = map[string]want{
	// Sangfor (35047; no definition names it): linux's reading first,
	// Shared\Unix's machine class of 'i686' and the kernel's release;
	// the hardware string's model=M5900 only where no machine word
	// answers.
	"sangfor-uname-i686": {"sangfor", "Sangfor", "Generic x86", "", "Linux", "2.6.30-AC11.2", "appliance"},
}

// TestLinuxArc107Fixtures checks each case on its fixture.
func TestLinuxArc107Fixtures(t *testing.T) {
	checkFixtures(t, linuxArc107FixtureDir, linuxArc107Cases)
}
