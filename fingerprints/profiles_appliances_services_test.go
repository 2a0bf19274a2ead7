package fingerprints

import (
	"testing"
)

// appliancesServicesFixtureDir holds small walks written from the vendor
// MIBs of application delivery, security and network-service appliances and
// of storage arrays, SAN and tape (and the vendors' objects their
// device-support definitions name): model, serial and version read from
// each vendor's own objects.
const appliancesServicesFixtureDir = "testdata/fixtures/appliances-services"

// appliancesServicesCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var appliancesServicesCases = map[string]want{
	// Riverbed products whose MIBs repeat STEELHEAD-MIB's system group
	// under their own arc: SteelHead EX (17163.1.51.1), SteelFusion Core
	// (GC-MIB, 17163.1.100.1).
	"riverbed-steelhead-ex":     {"riverbed-steelhead", "Riverbed", "EX1160", "H75SJ000A1B2C", "RiOS", "4.6.2", "appliance"},
	"riverbed-steelfusion-core": {"riverbed-steelhead", "Riverbed", "3000", "X82AB000D4321", "RiOS", "5.0.1", "appliance"},
	// Infortrend: the controller firmware, fwMajorVersion.fwMinorVersion.
	"infortrend-firmware": {"infortrend", "Infortrend", "GS 3024RB", "8534567", "", "3.86", "storage"},
	// Quantum Scalar i500: ADIC-INTELLIGENT-STORAGE-MIB productAgentInfo.
	"quantum-scalar-i500": {"quantum-scalar", "Quantum", "Scalar i500", "A0C0123456", "", "740G.GS004", "storage"},
}

func TestAppliancesServicesFixtures(t *testing.T) {
	checkFixtures(t, appliancesServicesFixtureDir, appliancesServicesCases)
}
