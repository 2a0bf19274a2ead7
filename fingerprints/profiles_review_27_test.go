package fingerprints

import (
	"testing"
)

// review27FixtureDir holds small walks written from the vendor MIBs for
// fq27's review of the profile changes landed after f3d50b0: each pins a
// correction (or a case found right) against the definitions the reviewed
// commit cites.
const review27FixtureDir = "testdata/fixtures/review-27"

// review27Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review27Cases = map[string]want{
	// Corrects 3424b27, which named the Catalyst 6800s (C68xx chassis
	// product IDs, CISCO-PRODUCTS-MIB ciscoC6807xl ...) and the 6500/6800
	// supervisor images (s3223, s2t54, s6t64, c6880x, c6848x) switches in
	// cisco-ios only: the same device on another registration
	// (cisco-os-sysdescr, the definition ios detecting it by its sysDescr
	// alone) was still a router. A C6807-XL on a Supervisor 6T (image
	// s6t64) read as cisco-ios reads it (Cisco.php: row 1's model and
	// serial, the sysDescr's release where row 1 has none).
	"cisco-6807xl-other-registration": {"cisco-os-sysdescr", "Cisco", "C6807-XL", "SMT2101A0BC", "IOS", "15.5(1)SY10", "switch"},
	// The Cisco 7600's image on a Supervisor 32 (c7600s3223_rp) is a
	// router's, as in cisco-ios: its s3223 follows 'c7600', not a space
	// or bracket.
	"cisco-7609s-sup32-other-registration": {"cisco-os-sysdescr", "Cisco", "CISCO7609-S", "FOX1234A0BC", "IOS", "15.1(2)SY14", "router"},
}

func TestReview27Fixtures(t *testing.T) {
	checkFixtures(t, review27FixtureDir, review27Cases)
}
