package fingerprints

import (
	"testing"
)

// depthVersionModelFixtureDir holds small walks written from the vendor MIBs
// or documented layouts of families whose profiles read no release or no
// model before: each read from the vendor's own objects.
const depthVersionModelFixtureDir = "testdata/fixtures/depth-version-model"

// depthVersionModelCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var depthVersionModelCases = map[string]want{
	// ALE OmniAccess Stellar AP1301: apBaseInfo under its registration's
	// arc (19), else the registration itself.
	"ale-stellar-ap1301":              {"ale-stellar", "Alcatel-Lucent Enterprise", "OAW-AP1301", "ZSA21345678", "AWOS", "", "access_point"},
	"ale-stellar-ap1301-registration": {"ale-stellar", "Alcatel-Lucent Enterprise", "OAW-AP1301", "", "AWOS", "", "access_point"},
	// The later registrations (arcs 18-29), the AP1431 on arc 28.
	"ale-stellar-ap1431":                 {"ale-stellar", "Alcatel-Lucent Enterprise", "OAW-AP1431", "ZSG22456789", "AWOS", "", "access_point"},
	"ale-stellar-ap1261rwb-registration": {"ale-stellar", "Alcatel-Lucent Enterprise", "OAW-AP1261-RW-B", "", "AWOS", "", "access_point"},
	// Avaya J100 phones: Avaya-J100IpPhone-MIB (avayaSparkMIB) endptMODEL,
	// endptPHONESN and the release endptAPPINUSE's name states.
	"avaya-j169-spark": {"avaya-ip-phone", "Avaya", "J169", "19WZ12345678", "", "4.0.7.0.6", "phone"},
	// 96xx phones: the 96xx MIB's endptAPPINUSE, an H.323 image and a SIP
	// one.
	"avaya-9611g-h323-appinuse": {"avaya-ip-phone", "Avaya", "9611G", "11N598765432", "", "3.2.2", "phone"},
	"avaya-9641g-sip-appinuse":  {"avaya-ip-phone", "Avaya", "9641GS", "13WZ76543210", "", "7.1.2.0.14", "phone"},
	// Cisco ISE on the later Secure Network Server platforms: the chassis
	// (and its software revision), else the registration as the product ID.
	// fq104: model was SNS-3655-K9, now 'SNS-3655-K9 rev': the definition
	// ise (os_discovery f7c263a) writes its hardware_template '{{
	// entPhysicalModelName.1 }} rev {{ entPhysicalHardwareRev.1 }}'
	// wherever the model answers, the revision this walk lacks left empty.
	"cisco-ise-sns3655":              {"cisco-ise", "Cisco", "SNS-3655-K9 rev", "WZP23060K1L", "ISE", "3.1.0.518", "server"},
	"cisco-ise-sns3755-registration": {"cisco-ise", "Cisco", "SNS-3755-K9", "", "ISE", "", "server"},
}

func TestDepthVersionModelFixtures(t *testing.T) {
	checkFixtures(t, depthVersionModelFixtureDir, depthVersionModelCases)
}
