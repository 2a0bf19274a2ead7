package fingerprints

import (
	"testing"
)

// leadsOFixtureDir holds small walks written from the vendor MIBs for the
// profiles whose device-support definition earlier rounds had not found:
// which devices each profile catches and which objects give its values,
// as the definition found under another name reads them.
const leadsOFixtureDir = "testdata/fixtures/leads-o"

// leadsOCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leadsOCases = map[string]want{
	// A GigaVUE node answering GIGAMON-SNMP-MIB: the definition (gigavue)
	// reads model.0 for the hardware (not the short chassisModelNumber),
	// serialNumber.0 (not chassisSerialNumber) and version.0 as it stands.
	"gigamon-gigavue-model-object": {"gigamon-gigavue", "Gigamon", "GigaVUE-HC3", "1H30-0456", "GigaVUE-OS", "5.12.00.05", "appliance"},
	// Without those objects: the hardware and the v-release the sysDescr
	// "Gigamon <hardware> v<release>" names, as the definition's
	// sysDescr_regex reads them (the v kept).
	"gigamon-gigavue-descr": {"gigamon-gigavue", "Gigamon", "GigaVUE-420", "", "GigaVUE-OS", "v8.1.3", "appliance"},
	// A TPDIN whose version object starts with a v: the definition (tpdin)
	// reads TPDIN2-MIB version.0 as it stands.
	// fq65: appliance (was power), as the definition tpdin types it.
	"tycon-tpdin-v": {"tycon-tpdin", "Tycon Systems", "TPDIN-Monitor-WEB2", "", "", "v2.2.1", "appliance"},
}

func TestLeadsOFixtures(t *testing.T) {
	checkFixtures(t, leadsOFixtureDir, leadsOCases)
}
