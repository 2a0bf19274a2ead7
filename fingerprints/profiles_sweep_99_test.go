package fingerprints

import (
	"testing"
)

// sweep99FixtureDir holds small walks written from the vendor MIBs and the
// sysDescr shapes the device-support definitions parse, for fq99's sweep of
// profiles re-read against the newest definitions.
const sweep99FixtureDir = "testdata/fixtures/sweep-99"

// sweep99Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep99Cases = map[string]want{
	// A Virtual Connect module whose sysDescr writes no build date after
	// its release: the release is the number after 'Module', as the
	// definition hpvc's sysDescr_regex reads it ('Module (Virtual Connect
	// )?(?<version>[\d.]+)'); before, the word before the last, 'Module'.
	"hpe-vc-no-build-date": {"hpe-virtual-connect", "HPE", "Flex-10 Enet", "3C4321QRST", "Virtual Connect", "3.15", "switch"},
	// A Moxa EDS-G508E answering both its per-model MIB
	// (MOXA-EDSG508E-MIB, 8691.7.69) and MOXA-SYSTEM-INFO-MIB (8691.602):
	// switchModel, firmwareVersion and serialNumber of its own MIB, as the
	// definition moxa-etherdevice reads them (hardware, version, serial),
	// before MOXA-SYSTEM-INFO-MIB's, which it does not read.
	"moxa-g508e-both-mibs": {"moxa-etherdevice", "Moxa", "EDS-G508E", "TAGCB1000123", "", "V6.2", "switch"},
}

func TestSweep99Fixtures(t *testing.T) {
	checkFixtures(t, sweep99FixtureDir, sweep99Cases)
}
