package fingerprints

import (
	"testing"
)

// review37FixtureDir holds small walks written from the vendor MIBs for the
// review of the profile changes landed in one session, newest first (fq37).
const review37FixtureDir = "testdata/fixtures/review-37"

// review37Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review37Cases = map[string]want{
	// Corrects 4a5c98b's reading of the armis definition only in part: its
	// os module runs the os-module branch of Shared\Unix's discoverOS,
	// which writes no machine class from the sysDescr's architecture
	// ('Generic x86 64-bit', the other branch's) but runs ServerHardware:
	// Dell OpenManage's chassisModelName.1 (MIB-Dell-10892) as 'Dell
	// <model>' and its service tag, the APP_VERSION extend's release.
	// fq40: no OS (was Debian, the agent's host system's, beside the product's own
	// release 24.8.2, not Debian's): an OS is named beside its own release only.
	"armis-dell-openmanage": {"armis", "Armis", "Dell PowerEdge R650", "7QXM2K3", "", "24.8.2", "appliance"},
}

func TestReview37Fixtures(t *testing.T) { checkFixtures(t, review37FixtureDir, review37Cases) }
