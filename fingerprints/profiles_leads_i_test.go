package fingerprints

import (
	"testing"
)

// leadsIFixtureDir holds small walks written from the vendor MIBs for the
// detection leads of the fpI round: devices that the device-support
// definitions give to another definition than ours did.
const leadsIFixtureDir = "testdata/fixtures/leads-i"

// leadsICases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leadsICases = map[string]want{
	// An AT-8000S on its AT-PRODUCT-MIB registration (207.1.4.126), which
	// the definition (allied) excepts and the definition (radlan) takes:
	// the ENTITY-MIB row after index 64 (not the stack's row 1) and
	// RADLAN-MIB rndBrgVersion, as Radlan.php reads them.
	"allied-radlan-8000s": {"allied-radlan", "Allied Telesis", "AT-8000S/24POE", "S1J7A2301234", "", "3.0.0.44", "switch"},
	// An AT-8000GS on the Radlan agent's own registration: the definition
	// (radlan) detects it by its sysDescr naming AT-8000.
	"allied-radlan-descr": {"allied-radlan", "Allied Telesis", "AT-8000GS/48", "S1K8B2400567", "", "2.0.0.26", "switch"},
	// An APC cPDU (318.1.1.32.1) whose agent answers no name plate: the
	// definition (apc-cpdu) detects the registration alone, so it is the
	// cPDU's profile, not the network card's, without a model.
	"apc-cpdu-no-nameplate": {"apc-cpdu", "APC", "", "", "AOS", "", "pdu"},
}

func TestLeadsIFixtures(t *testing.T) {
	checkFixtures(t, leadsIFixtureDir, leadsICases)
}
