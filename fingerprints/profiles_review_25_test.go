package fingerprints

import (
	"testing"
)

// review25FixtureDir holds small walks written from the vendor MIBs and the
// device-support definitions for the second look at the third value audit's
// landed changes (fq17): each pins a value where the re-read definition and
// the landed profile differed.
const review25FixtureDir = "testdata/fixtures/review-25"

// review25Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review25Cases = map[string]want{
	// A Catalyst Wi-Fi 7 access point in Meraki mode: the definition
	// merakimr (librenms os_detection 3fe3e3a, newer than the fork's copy
	// 173e3d0 followed) detects '^=?Cisco Wireless CW' and its
	// os_discovery reads the hardware as the whole sysDescr, so the whole
	// line without 'Cisco' (the vendor field), not the bare product code.
	"meraki-cisco-wireless-cw": {"cisco-meraki", "Cisco", "Wireless CW9176I Cloud Managed AP", "Q5BF-2CDE-4WXY", "Meraki", "", "access_point"},
}

func TestReview25Fixtures(t *testing.T) {
	checkFixtures(t, review25FixtureDir, review25Cases)
}
