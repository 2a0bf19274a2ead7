package fingerprints

import (
	"testing"
)

// review25bFixtureDir holds small walks written from the vendor MIBs and
// the device-support code for a second review (fq18) of the day's
// value-audit commits: each pins a value where our rule and the cited
// code's reading could part.
const review25bFixtureDir = "testdata/fixtures/review-25b"

// review25bCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review25bCases = map[string]want{
	// An EnGenius access point whose kernel value holds a space ('3.3.8
	// #2'): Engenius.php concatenates 'Kernel ' . 100.1.8 . ' / Apps ' .
	// 100.1.9, so the kernel value stays whole before ' / Apps ' (with the
	// space join of 5254219 it was parted at its first space, giving the
	// untrue 'Kernel 3.3.8 / Apps #2 1.1.25'); 100.1.7 its serial, no
	// model (the class's hardware is the sysName).
	"engenius-kernel-space": {"engenius", "EnGenius", "", "GE7331009876", "", "Kernel 3.3.8 #2 / Apps 1.1.25", "access_point"},
}

func TestReview25bFixtures(t *testing.T) { checkFixtures(t, review25bFixtureDir, review25bCases) }
