package fingerprints

import (
	"testing"
)

// carryQ1FixtureDir holds small walks written from the vendor MIBs for the
// carry-over review of big device families against the device-support
// definitions: which devices each profile catches and which objects give
// its values.
const carryQ1FixtureDir = "testdata/fixtures/carry-q1"

// carryQ1Cases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var carryQ1Cases = map[string]want{
	// A SwitchBlade x8100 registered as its controller card
	// (AT-PRODUCT-MIB atSBx81CFC960, 207.1.14.88), whose first
	// rscBoardTable row is a line card: the registration's name with 'AT-'
	// (Awplus.php, where the first board names SBx81), not the line card's;
	// bay 5 empty, so the serial of the controller in bay 6 (6.6).
	"allied-sbx81cfc960-bay6": {"allied-telesis", "Allied Telesis", "AT-SBx81CFC960", "A052201163200113", "AlliedWare Plus", "5.5.2-1.1", "switch"},
}

func TestCarryQ1Fixtures(t *testing.T) {
	checkFixtures(t, carryQ1FixtureDir, carryQ1Cases)
}
