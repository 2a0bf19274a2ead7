package fingerprints

import (
	"testing"
)

// depthSerialCFixtureDir holds small walks written from the vendor MIBs of
// families whose profiles read no serial before: the serial objects each
// vendor's MIB (and other projects' device-support code) name.
const depthSerialCFixtureDir = "testdata/fixtures/depth-serial-c"

// depthSerialCCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var depthSerialCCases = map[string]want{
	// Avaya 96xx phones on the 96xx MIB (6889.2.69.2), whose endptID group
	// is not the 46xx MIB's: endptMODEL 43, endptPHONESN 46.
	"avaya-96xx-mib31": {"avaya-ip-phone", "Avaya", "9640G", "08N519876543", "", "", "phone"},
}

func TestDepthSerialCFixtures(t *testing.T) {
	checkFixtures(t, depthSerialCFixtureDir, depthSerialCCases)
}
