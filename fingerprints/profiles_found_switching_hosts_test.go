package fingerprints

import (
	"testing"
)

// foundSwitchingHostsFixtureDir holds small walks written from the vendor
// MIBs (or the objects the device-support definitions name) of switching,
// routing, firewall and host families found among the LibreNMS OS names no
// earlier list held.
const foundSwitchingHostsFixtureDir = "testdata/fixtures/found-switching-hosts"

// foundSwitchingHostsCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var foundSwitchingHostsCases = map[string]want{
	// Teltonika TSW switches on WitchOS (definition witchos, registration
	// 24686): TELTONIKA-MIB by shape, OS WitchOS, a switch.
	"teltonika-witchos": {"teltonika", "Teltonika", "TSW212", "6001234567", "WitchOS", "00.01.04.1", "switch"},
}

func TestFoundSwitchingHostsFixtures(t *testing.T) {
	checkFixtures(t, foundSwitchingHostsFixtureDir, foundSwitchingHostsCases)
}
