package fingerprints

import "testing"

// owner32FixtureDir holds small walks written from vendor MIBs and
// documented sysDescr shapes for the owner's changes of session 32.
const owner32FixtureDir = "testdata/fixtures/owner-32"

// owner32Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var owner32Cases = map[string]want{
	// An Advantech product off the EKI registration (10297.202) the
	// definition advantech detects: the vendor, and no device type (it
	// was called a switch, as any 10297 device was).
	"advantech-other-product": {"advantech-eki", "Advantech", "", "", "", "", ""},
}

func TestOwner32Fixtures(t *testing.T) {
	checkFixtures(t, owner32FixtureDir, owner32Cases)
}
