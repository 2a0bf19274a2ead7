package fingerprints

import (
	"testing"
)

// foundFacilitiesFixtureDir holds small walks written from the vendor MIBs
// and the device-support definitions' detection shapes of the facility,
// power, environment, industrial, timing and broadcast families found
// among LibreNMS's OS definitions that no profile detected.
const foundFacilitiesFixtureDir = "testdata/fixtures/found-facilities"

// foundFacilitiesCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var foundFacilitiesCases = map[string]want{
	// TimeMachines time servers by TMI-COMMON-SMI under net-snmp's Linux
	// registration: no model or release (the uname's are the board's).
	"timemachines-ntp": {"timemachines-ntp", "TimeMachines", "", "", "Linux", "", "appliance"},
	// UHP VSAT terminals: UHP-MIB swVersion's bytes read in hexadecimal,
	// serialNumber printed in hexadecimal, as the MIB says.
	"uhp-vsat": {"uhp-vsat", "UHP Networks", "", "123abc", "", "3.6.2.11", "wireless"},
	// Illustra cameras: the product code and firmware the sysDescr names.
	"illustra-camera": {"illustra-camera", "Illustra", "IFS02D1ICWIT", "", "Linux", "SS004.02.01.00.0012", "camera"},
}

func TestFoundFacilitiesFixtures(t *testing.T) {
	checkFixtures(t, foundFacilitiesFixtureDir, foundFacilitiesCases)
}
