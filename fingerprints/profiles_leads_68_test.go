package fingerprints

import (
	"testing"
)

// leads68FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq68's leads: HPE, Aruba and H3C devices
// read as their device-support definitions read them.
const leads68FixtureDir = "testdata/fixtures/leads-68"

// leads68Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads68Cases = map[string]want{
	// Aruba Instant 6.x (definition aruba-instant, sysDescr pattern
	// '\(MODEL: (?<hardware>\S+)\), Version (?<version>\S+)'): the release
	// whole, ArubaOS's and Instant's joined ('6.4.2.6-4.1.1.10'; before,
	// 6.4.2.6 alone).
	"aruba-instant-6x-release": {"aruba-instant", "Aruba", "225", "BT0012345", "ArubaOS Instant", "6.4.2.6-4.1.1.10", "access_point"},
	// An AP on apProducts (14823.1.2) whose sysDescr names ArubaOS but
	// which answers no AI-AP-MIB: the definition aruba-instant detects it
	// (before, aruba-mobility-controller); the ENTITY chassis serial, its
	// own, where no aiAPSerialNum answers.
	"aruba-ap-aos8-no-ai-mib": {"aruba-instant", "Aruba", "515", "CNQWE5R6TY", "ArubaOS Instant", "8.10.0.4-8.10.0.4", "access_point"},
}

func TestLeads68Fixtures(t *testing.T) {
	checkFixtures(t, leads68FixtureDir, leads68Cases)
}
