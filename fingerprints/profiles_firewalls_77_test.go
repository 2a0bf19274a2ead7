package fingerprints

import (
	"testing"
)

// firewalls77FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq77's pass over the firewall families
// other than Fortinet and Palo Alto: detection and each field's object,
// order and form as the device-support definitions read them.
const firewalls77FixtureDir = "testdata/fixtures/firewalls-77"

// firewalls77Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var firewalls77Cases = map[string]want{
	// A NetScreen on Dell's registration 674.3224.1, which the definition
	// screenos detects beside 3224: hardware, release and serial from its
	// sysDescr_regex '(?<hardware>.+) version (?<version>.+) \(SN:
	// (?<serial>[^,]+), (?<features>.+)\)' (before, generic rules only:
	// maker Dell, no model or OS).
	"screenos-dell-arc": {"juniper-screenos", "Juniper Networks", "SSG-140-SH", "0185122008001234", "ScreenOS", "6.2.0r8.0", "firewall"},
}

func TestFirewalls77Fixtures(t *testing.T) {
	checkFixtures(t, firewalls77FixtureDir, firewalls77Cases)
}
