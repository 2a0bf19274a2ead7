package fingerprints

import (
	"testing"
)

// leads53FixtureDir holds small walks written from ENTITY-MIB,
// CISCO-PRODUCTS-MIB and EXTREME-BASE-MIB for fq53: the steps in which
// the shared Cisco OS discovery (LibreNMS/OS/Shared/Cisco.php discoverOS)
// picks the ENTITY row that names the hardware, and Extreme's remaining
// registrations.
const leads53FixtureDir = "testdata/fixtures/leads-53"

// leads53Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads53Cases = map[string]want{
	// Cisco.php step 2 for a row 1 that names nothing (a Catalyst 9200L
	// whose stack row 1 has neither model name nor name):
	// entPhysicalModelName.1000, switch 1's chassis (class chassis). The
	// serial switch 1's (the chassis row), not the power supply's at 1001
	// that getMainSerial (.1, then .1001) would state.
	"cisco-iosxe-stack-no-names-1000-chassis": {"cisco-ios-xe", "Cisco", "C9200L-24T-4G", "JAE24410ABC", "IOS-XE", "CAT9K_LITE_IOSXE 17.6.5", "switch"},
	// Cisco.php step 4: an agent answering no entPhysicalContainedIn.1
	// (row 1 names nothing in step 1), row 1000 a module without a model
	// name inside row 1: the name of row 1000's container, row 1's
	// ("2811 chassis"), as $data[$data[1000]['entPhysicalContainedIn']]
	// ['entPhysicalName'] reads it (was the registration's 2811).
	"cisco-ios-row1-unanswered-1000-inside": {"cisco-ios", "Cisco", "2811 chassis", "FTX1302A2BC", "IOS", "15.1(4)M12a", "router"},
	// Cisco.php step 6, the same for row 1001 (no row 1000): row 1's
	// name (was the registration's 2811).
	"cisco-ios-row1-unanswered-1001-inside": {"cisco-ios", "Cisco", "2811 chassis", "FTX1302A3BC", "IOS", "15.1(4)M12a", "router"},
	// Step 4's guard: row 1 a service module inside the chassis row 2,
	// row 1000 its port: Cisco.php would state row 1's name
	// (SM-SRE-710-K9), a part's, never the router's; only a chassis
	// row 1's name is read there, so the registration's product (2811).
	"cisco-ios-row1-module-1000-inside": {"cisco-ios", "Cisco", "2811", "FHK1234F1AB", "IOS", "12.4(24)T8", "router"},
	// Cisco.php step 5 for a row 1 that names nothing (row 1 a network
	// module inside the chassis, no row 1000): entPhysicalModelName.1001,
	// the chassis (a Catalyst 3750-X), and its serial.
	"cisco-ios-row1-module-1001-chassis": {"cisco-ios", "Cisco", "WS-C3750X-48P-S", "FDO1723X0CD", "IOS", "15.2(4)E10", "switch"},
}

func TestLeads53Fixtures(t *testing.T) { checkFixtures(t, leads53FixtureDir, leads53Cases) }
