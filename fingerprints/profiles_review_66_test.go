package fingerprints

import (
	"testing"
)

// review66FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes by fq66, reviewing the last session's commits
// against the device-support definitions they cite: each checks one
// correction.
const review66FixtureDir = "testdata/fixtures/review-66"

// review66Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review66Cases = map[string]want{
	// A cnWave 60 client node whose sysDescr goes on to a second line: the
	// definition cnwave60's one pattern does not hold, so it states no
	// hardware or release (no measure counts them); the first line's
	// product and release follow for the user's inventory (correcting
	// 4238746, whose no_fill left both empty).
	"cnwave60-client-second-line": {"cambium-cnwave60", "Cambium Networks", "V1000", "", "cnWave", "1.3.0.1", "wireless"},
}

func TestReview66Fixtures(t *testing.T) {
	checkFixtures(t, review66FixtureDir, review66Cases)
}
