package fingerprints

import (
	"testing"
)

// deferred96FixtureDir holds small walks written from the vendor MIBs for
// fq96's audit of which definition takes a device when one checked in
// LibreNMS's first pass (no snmpget) and a profile reading objects (an
// snmpget definition's, or the vendor's own beyond any definition) could
// both take it: the first pass wins.
const deferred96FixtureDir = "testdata/fixtures/deferred-96"

// deferred96Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var deferred96Cases = map[string]want{
	// A Linksys SRW on Linksys's 3955.6 arc answering the Radlan unit
	// table under 3955.1000.201: the definition ciscosb's
	// ('.1.3.6.1.4.1.3955.6.', first pass), not linksys-ss's (3955.1000
	// alone); ciscosb's CISCOSB objects answer none, so the unit's own
	// model, serial and release follow.
	"linksys-srw-3955-6-unit-table": {"cisco-sb", "Linksys", "SRW224G4", "CGD00Q600042", "", "1.1.3", "switch"},
	// The same table on the smart switches' own arc (3955.1000, the
	// definition linksys-ss): still linksys-ss's.
	"linksys-lgs-3955-1000-unit-table": {"linksys-ss", "Linksys", "LGS318P", "19B10C600123", "", "1.1.1.10", "switch"},
}

// TestDeferred96Fixtures checks each profile on its fixture: the winning
// profile and every field, with evidence (check).
func TestDeferred96Fixtures(t *testing.T) {
	checkFixtures(t, deferred96FixtureDir, deferred96Cases)
}
