package fingerprints

import (
	"testing"
)

// leads69FixtureDir holds small walks written from Cisco's MIBs and
// documented sysDescr shapes for fq69's leads on the Cisco families
// (enterprise 9), each read as the device-support definition that takes
// it reads it.
const leads69FixtureDir = "testdata/fixtures/leads-69"

// leads69Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads69Cases = map[string]want{
	// IOS XR whose sysDescr names the platform without 'Cisco ' and
	// brackets the release: Iosxr.php's first pattern wants '(Cisco ...)',
	// so its second reads the word after 'Version' whole, the bracket with
	// it (was 6.5.3, the release cut at the bracket).
	"iosxr-ncs-bracketed-release": {"cisco-ios-xr", "Cisco", "NCS-5500", "", "IOS-XR", "6.5.3[Default]", "router"},
	// Checked and right: '(Cisco ASR9K Series), Version 7.1.2' with no
	// bracket is Iosxr.php's second pattern too: the release alone, the
	// whole parenthesis as the platform (the maker's name then dropped
	// from the model, as for every profile).
	"iosxr-cisco-platform-no-bracket": {"cisco-ios-xr", "Cisco", "ASR9K Series", "", "IOS-XR", "7.1.2", "router"},
	// The same shape on another registration (zeroDotZero), which the
	// definition iosxr takes by its sysDescr: cisco-os-sysdescr reads
	// Iosxr.php's patterns as cisco-ios-xr does (was 6.6.3).
	"iosxr-other-arc-bracketed-release": {"cisco-os-sysdescr", "Cisco", "NCS-5500", "", "IOS-XR", "6.6.3[Default]", "router"},
}

func TestLeads69Fixtures(t *testing.T) {
	checkFixtures(t, leads69FixtureDir, leads69Cases)
}
