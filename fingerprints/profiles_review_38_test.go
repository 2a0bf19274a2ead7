package fingerprints

import (
	"testing"
)

// review38FixtureDir holds small walks written for the review of the
// commits landed in this session (fq38): each fix's case names the commit
// it corrects and why.
const review38FixtureDir = "testdata/fixtures/review-38"

// review38Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review38Cases = map[string]want{
	// Correcting b24f1c8: a MobileIron Core (definition mobileiron, group
	// unix, no os module) states no release. Shared\Unix's discoverOS
	// would write the uname's kernel release, but that is CentOS's
	// kernel's, not MobileIron's, the OS stated: another software's
	// release as the OS's version, which the project never states.
	// Owner (session 27), settling b24f1c8 and 2b0c22e: the OS stated is
	// Linux, the one the uname line names, and its release the kernel's,
	// as Shared\Unix reads it; the product stays in vendor and type.
	"mobileiron-core-no-kernel-release": {"mobileiron", "MobileIron", "Generic x86 64-bit", "", "Linux", "3.10.0-1160.88.1.el7.x86_64", "appliance"},
	// Correcting b24f1c8: a BroadWorks application server (definition
	// broadworks, group unix, sensors only): the kernel's release is
	// Linux's, not BroadWorks', so no version.
	// Owner (session 27), settling b24f1c8 and 2b0c22e: the OS stated is
	// Linux, the one the uname line names, and its release the kernel's,
	// as Shared\Unix reads it; the product stays in vendor and type.
	"broadworks-as-no-kernel-release": {"cisco-broadworks", "Cisco", "", "", "Linux", "3.10.0-1160.el7.x86_64", "server"},
}

func TestReview38Fixtures(t *testing.T) { checkFixtures(t, review38FixtureDir, review38Cases) }
