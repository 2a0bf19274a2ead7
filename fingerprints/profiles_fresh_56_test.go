package fingerprints

import (
	"testing"
)

// fresh56FixtureDir holds small walks written from the vendor MIBs for
// the check of the most common families against the newest stored
// versions of their device-support definitions (fq56).
const fresh56FixtureDir = "testdata/fixtures/fresh-56"

// fresh56Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var fresh56Cases = map[string]want{
	// A first-generation UniFi AP on airOS's agent (10002.1) without
	// UBNT-UniFi-MIB: the definition unifi (detection: 10002.1, a Linux
	// sysDescr, a dot11manufacturerProductName naming a UAP) and its class
	// (Unifi.php, newest stored version 101ab0b) read
	// dot11manufacturerProductName whole and the image name's first 'v'
	// and four dotted numbers, the 'v' kept (was 3.9.27.8537).
	"unifi-airos-agent-dot11-release": {"ubiquiti-airos", "Ubiquiti", "UAP-Pro", "", "UniFi", "v3.9.27.8537", "access_point"},
	// The same where the image's board code is not BZ (BZ2, the outdoor
	// units'): the product names a UAP, as the definition detects it, so
	// Unifi.php's pattern, not Airos.php's '\.v(.*)$' (which took the
	// build and date with it, 3.4.18.5439.160922.1207).
	"unifi-airos-agent-uap-image": {"ubiquiti-airos", "Ubiquiti", "UAP-Outdoor5", "", "UniFi", "v3.4.18.5439", "access_point"},
	// Such an AP answering UBNT-UniFi-MIB: unifiApSystemModel and
	// unifiApSystemVersion first, each whole, as Unifi.php tries that MIB
	// before IEEE802dot11-MIB (the image name's 'v' form would follow).
	"unifi-airos-agent-unifi-mib": {"ubiquiti-airos", "Ubiquiti", "UAP-LR", "", "UniFi", "3.7.58.6385", "access_point"},
}

func TestFresh56Fixtures(t *testing.T) {
	checkFixtures(t, fresh56FixtureDir, fresh56Cases)
}
