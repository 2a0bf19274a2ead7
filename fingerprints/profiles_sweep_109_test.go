package fingerprints

import (
	"testing"
)

// sweep109FixtureDir holds small walks written from the vendor MIBs for
// fq109's sweep: families re-read against the newest device-support
// definitions, each field's objects in the definition's order and form.
const sweep109FixtureDir = "testdata/fixtures/sweep-109"

// sweep109Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep109Cases = map[string]want{
	// A Linksys smart switch on 3955.1000 (definition linksys-ss, os
	// module): the hardware_template, unit 1's model name and hardware
	// version; the version_template, 'SW: <software>, FW: <firmware>'.
	"linksys-lgs-hardware-version": {"linksys-ss", "Linksys", "LGS326-52P V02", "19B20C700456", "", "SW: 1.1.1.12, FW: 1.0.0.5", "switch"},
	// No hardware or firmware version answers: the model name alone, and
	// the software version alone (the template's empty half is no
	// release).
	"linksys-lgs-software-only": {"linksys-ss", "Linksys", "LGS308", "19B30C800789", "", "1.0.2.4", "switch"},
}

func TestSweep109Fixtures(t *testing.T) {
	checkFixtures(t, sweep109FixtureDir, sweep109Cases)
}
