package fingerprints

import (
	"testing"
)

// review21FixtureDir holds small walks written from the vendor MIBs for
// the second review of the profiles changed on 2026-12-05/06 against the
// device-support code they cite: which devices each profile catches and
// which objects give its values.
const review21FixtureDir = "testdata/fixtures/review-21"

// review21Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review21Cases = map[string]want{
	// A Fabric OS switch whose fcFeModuleObjectID.1 is the type-1
	// registration (1588.2.1.1.1), as most agents answer it: Fabos.php's
	// table names it "Brocade 1000 Switch" and the code reads no sysDescr
	// ("DS-6510B"), so the model is 1000 (maker and 'Switch' aside, as the
	// profile's other types); the version swFirmwareVersion.0 as written.
	"brocade-fabos-type-1": {"brocade-fabric-os", "Brocade", "1000", "BRCAXE1234K05Q", "Fabric OS", "v8.2.1c", "switch"},
}

func TestReview21Fixtures(t *testing.T) { checkFixtures(t, review21FixtureDir, review21Cases) }
