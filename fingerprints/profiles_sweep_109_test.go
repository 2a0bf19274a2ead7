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
	// An IMM2 (definition ibm-imm, os module): the release
	// IMM-MIB::immVpdVersionString.1, row 1's, whatever immVpdType names
	// it; hardware machineLevelProductName.0, serial
	// machineLevelSerialNumber.0.
	"ibm-imm-vpd-row-1": {"ibm-imm", "IBM", "System x3550 M5", "SN0012345", "IMM", "A8E126A-1.30", "bmc"},
	// No row 1 (the definition states no release): the row immVpdType
	// names the IMM, the controller's own.
	"ibm-imm-vpd-no-row-1": {"ibm-imm", "IBM", "System x3650 M5", "SN0067890", "IMM", "TCOO62B-6.40", "bmc"},
}

func TestSweep109Fixtures(t *testing.T) {
	checkFixtures(t, sweep109FixtureDir, sweep109Cases)
}
