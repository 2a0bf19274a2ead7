package fingerprints

import (
	"testing"
)

// wireless78FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq78's audit of the wireless and
// point-to-point radio families against the device-support definitions
// that detect them (see its README).
const wireless78FixtureDir = "testdata/fixtures/wireless-78"

// wireless78Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var wireless78Cases = map[string]want{
	// SmartZone on ruckusSZ100 (definition ruckuswireless-sz, class
	// RuckuswirelessSz.php): the version is the first node's
	// ruckusCtrlSystemNodeVersion with the first zone's
	// ruckusCtrlZoneCountryCode in brackets (not the second zone's GB);
	// the hardware the first node's model; the serial
	// ruckusSZSystemStatsSerialNumber.0.
	"ruckus-smartzone-country": {"ruckus-smartzone", "Ruckus", "SZ100", "941804007788", "SmartZone", "6.1.2.0.420 (US)", "wireless_controller"},
	// A two-node cluster: the node table's first row in index order
	// (serial 1a2b..., not the walk's first written), the stats serial
	// ruckusSZSystemStatsSerialNumber.0 as the agent writes it.
	"ruckus-vsz-two-nodes": {"ruckus-smartzone", "Ruckus", "vSZ-H", "1A2B3C4D5E6F", "SmartZone", "5.2.2.0.317 (CA)", "wireless_controller"},
}

func TestWireless78Fixtures(t *testing.T) {
	checkFixtures(t, wireless78FixtureDir, wireless78Cases)
}
