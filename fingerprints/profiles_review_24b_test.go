package fingerprints

import (
	"testing"
)

// review24bFixtureDir holds small walks written from the vendor MIBs for a
// second look at the day's value-audit changes: that each profile reads what
// its device-support definition reads, and that no value it gives is untrue
// of the device.
const review24bFixtureDir = "testdata/fixtures/review-24b"

// review24bCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review24bCases = map[string]want{
	// A Phoenix Contact PROFINET switch whose issSwitchModelName is
	// "FL SWITCH 2316 PN": the definition's (phoenixcontact, librenms)
	// hardware_regex '^(?<hardware>FL SWITCH \S+)' would give "FL SWITCH
	// 2316", the non-PROFINET product sold beside it; the PN variant keeps
	// its PN (a product the device is not is never the model).
	"phoenixcontact-iss-pn-variant": {"phoenixcontact", "Phoenix Contact", "FL SWITCH 2316 PN", "22104561", "", "3.30.02", "switch"},
	// The same on an agent without the ISS group: the sysDescr's model
	// with its PN, the maker's name after it left out.
	"phoenixcontact-sysdescr-pn-variant": {"phoenixcontact", "Phoenix Contact", "FL SWITCH 2306-2SFP PN", "", "", "", "switch"},
}

func TestReview24bFixtures(t *testing.T) { checkFixtures(t, review24bFixtureDir, review24bCases) }
