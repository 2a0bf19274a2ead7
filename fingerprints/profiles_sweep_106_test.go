package fingerprints

import (
	"testing"
)

// sweep106FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq106's sweep: each profile's fields
// read as the newest stored device-support definition reads them.
const sweep106FixtureDir = "testdata/fixtures/sweep-106"

// sweep106Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep106Cases = map[string]want{
	// A PowerAlert card answering both UPS-MIB software objects: the
	// newest definition poweralert (os_discovery d17c059, 0edeba7) reads
	// upsIdentAgentSoftwareVersion.0 first, then
	// upsIdentUPSSoftwareVersion.0 (before fq106, the UPS's 'FW-3.1.0'
	// first, after the older includes copy 58aa4b8).
	"tripplite-agent-and-ups-software": {"tripplite-poweralert", "Tripp Lite", "SMART3000RM2U", "2901AV0SM77123", "PowerAlert", "15.5.4", "ups"},
	// Only upsIdentUPSSoftwareVersion answering: the definition's second
	// object, whole.
	"tripplite-ups-software-only": {"tripplite-poweralert", "Tripp Lite", "SU1500RTXLCD2U", "2902AV0SM77124", "PowerAlert", "FW-2.9.1", "ups"},
}

func TestSweep106Fixtures(t *testing.T) {
	checkFixtures(t, sweep106FixtureDir, sweep106Cases)
}
