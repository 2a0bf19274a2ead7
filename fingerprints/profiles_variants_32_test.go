package fingerprints

import (
	"testing"
)

// variants32FixtureDir holds small walks written from the vendor MIBs for
// the review of the voice and console-server profiles and of open leads
// (fq32): each profile re-read against the device-support definitions for
// the objects it reads and the form of each value.
const variants32FixtureDir = "testdata/fixtures/variants-32"

// variants32Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var variants32Cases = map[string]want{
	// An Alteon answering its main board's number and revision and
	// agPlatformIdentifier: the definition's (alteonos) hardware template
	// '{{ hwMainBoardNumber.0 }} Vers. {{ hwMainBoardRevision.0 }}'
	// (ALTEON-CHEETAH-SWITCH-MIB hardware 6 and 7), which reads no
	// platform identifier (before, 'Alteon 6024').
	"radware-alteon-board-revision": {"radware-alteon", "Radware", "EB2217019 Vers. 3", "AL6024R54321", "Alteon OS", "32.6.5.0", "load_balancer"},
	// The revision the MIB's zero-length string: the board's number alone,
	// the template's 'Vers.' with nothing after it no value.
	"radware-alteon-board-empty-revision": {"radware-alteon", "Radware", "EB1608022", "AL5208R10203", "Alteon OS", "30.5.8.0", "load_balancer"},
	// Mitel Standard Linux (definition msl, os_discovery sysDescr_regex
	// 'VerHw:(?<hardware>[^;]+);VerSw:(?<version>[\d.]+)' and the same
	// with VerSw first): a VerHw with no VerSw beside it names no
	// hardware (before, x86_64), a VerSw with no VerHw beside it no
	// version (before, 10.05.19.00.00); the application table's version
	// first where it answers.
	"mitel-msl-verhw-alone": {"mitel", "Mitel", "", "", "", "", "appliance"},
	"mitel-msl-versw-apart": {"mitel", "Mitel", "", "", "Mitel Standard Linux", "", "appliance"},
	"mitel-msl-i686":        {"mitel", "Mitel", "i686", "", "Mitel Standard Linux", "11.0.84.0", "appliance"},
}

func TestVariants32Fixtures(t *testing.T) {
	checkFixtures(t, variants32FixtureDir, variants32Cases)
}
