package fingerprints

import "testing"

// owner35FixtureDir holds walks written from the vendor MIBs for the
// owner's session-35 changes.
const owner35FixtureDir = "testdata/fixtures/owner-35"

// owner35Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var owner35Cases = map[string]want{
	// An SC300 controller whose hardware version is unset (no
	// hardwareVersion.0) and without a controller serial: the definition
	// eaton-sc300's version_template 'HW:{{hardwareVersion}}
	// SW:{{softwareVersion}}', which YamlOSDiscovery (1b7df70) writes
	// where either answers, the missing one empty, trimmed (before, the
	// software version alone); the system serial alone, the unit's own
	// value (the template with one side would be 'System:5403000035
	// Product:').
	"eaton-sc300-software-only": {"eaton-sc300", "Eaton", "APS12-300 48V", "5403000035", "", "HW: SW:4.20", "power"},
}

func TestOwner35Fixtures(t *testing.T) {
	checkFixtures(t, owner35FixtureDir, owner35Cases)
}
