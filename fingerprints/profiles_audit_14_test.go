package fingerprints

import (
	"testing"
)

// audit14FixtureDir holds small walks written from the vendor MIBs and the
// device-support definitions for the third value audit (part 3): which
// objects each profile reads, in which order, and the form of the value.
const audit14FixtureDir = "testdata/fixtures/audit-14"

// audit14Cases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var audit14Cases = map[string]want{
	// A KTI switch whose chassis row states firmware and software
	// revisions: the firmware revision (entPhysicalFirmwareRev.1), the
	// object the definition (kti) reads as the version, not the software
	// revision.
	"kti-firmware-rev": {"kti-switch", "KTI Networks", "KGS-1062-HP", "", "", "2.03.0", "switch"},
}

func TestAudit14Fixtures(t *testing.T) { checkFixtures(t, audit14FixtureDir, audit14Cases) }
