package fingerprints

import (
	"testing"
)

// sweep102FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq102's sweep: profiles re-read against
// the newest device-support definitions they follow.
const sweep102FixtureDir = "testdata/fixtures/sweep-102"

// sweep102Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep102Cases = map[string]want{
	// Dell Networking OS 9 (definition dnos, os module serial list:
	// productIdentificationServiceTag.1, productIdentificationSerialNumber.0,
	// dellNetStackUnitSerialNumber.1): no service tag answers, so the
	// serial number at instance 0, before the stack unit's.
	"dell-dnos-serialnumber-instance-0": {"dell-networking-os9", "Dell", "Networking S4048-ON", "CN0FAKE1234567A00099", "Dell Networking OS", "9.14.2.4", "switch"},
	// Opengear (definition opengear: ogFirmwareVersion through
	// version_regex '(\S+)'): a Lighthouse's quarter-named release whole,
	// not the dotted number inside it ('1.0').
	"opengear-lighthouse-quarter-release": {"opengear", "Opengear", "Lighthouse", "LH0000012345", "", "22.Q1.0", "appliance"},
	// ReadyNAS OS 6 on 4526.22 (definition netgear: serial
	// ENTITY-MIB entPhysicalSerialNum.1; hardware the sysDescr's first
	// word only where its whole pattern holds, which a uname line does
	// not): the row 1 serial; no model.
	"netgear-readynas-entity-serial": {"netgear-readynas", "Netgear", "", "4RN00FAKE0042", "ReadyNAS OS", "6.10.8", "storage"},
	// A WTI console server on WTI's console registration (2634.1, as the
	// definition wti-console detects it): hardware environmentUnitName.1,
	// serial environmentSerialNumber.1, version
	// environmentSoftwareVersion.1, each as written.
	"wti-console-registration": {"wti", "WTI", "TSM-24", "0999Z2020001", "", "v6.64", "appliance"},
}

func TestSweep102Fixtures(t *testing.T) {
	checkFixtures(t, sweep102FixtureDir, sweep102Cases)
}
