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
	// fq107: model 'Generic x86 64-bit' (was none): the definition's
	// class, Shared\Unix (group unix, no class of its own), writes the
	// machine class of the uname line's 'x86_64' as the hardware.
	"broadworks-as-no-kernel-release": {"cisco-broadworks", "Cisco", "Generic x86 64-bit", "", "Linux", "3.10.0-1160.el7.x86_64", "server"},
	// Correcting 9f01af9: an Alteon whose hwMainBoardRevision does not
	// answer (definition alteonos: hardware [hwMainBoardNumber.0,
	// hwMainBoardRevision.0], template '{{ hwMainBoardNumber.0 }} Vers.
	// {{ hwMainBoardRevision.0 }}'): the board number answers, so the
	// template writes it, the missing revision dropped and the result
	// trimmed, 'EB1409015 Vers.' (was 'EB1409015').
	"radware-alteon-no-revision-object": {"radware-alteon", "Radware", "EB1409015 Vers.", "AL4408R20456", "Alteon OS", "31.0.14.0", "load_balancer"},
	// Correcting 19cc0dd: a UCM6308 whose sHardwareVersion does not answer
	// (definition grandstream-ucm: template '{{ sProductType.0 }}
	// ({{ sHardwareVersion.0 }})' once sProductType answers): 'UCM6308 ()'
	// (was 'UCM6308').
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.0.25.3, not Linux's): an OS is named beside its own release only.
	"grandstream-ucm6308-no-hw-version": {"grandstream-ucm", "Grandstream", "UCM6308 ()", "22GUC68C01234F5A", "", "1.0.25.3", "appliance"},
}

func TestReview38Fixtures(t *testing.T) { checkFixtures(t, review38FixtureDir, review38Cases) }
