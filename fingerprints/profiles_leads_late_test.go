package fingerprints

import (
	"testing"
)

// leadsLateFixtureDir holds small walks written from the vendors' MIBs and
// documented sysDescr shapes for the leads reported late in the session:
// the HPE OfficeConnect and Instant On switches' names, Sun's Solaris
// agent, AKCP sensorProbe.
const leadsLateFixtureDir = "testdata/fixtures/leads-late"

// leadsLateCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leadsLateCases = map[string]want{
	// The web-managed lines' name and product number, as the definition
	// (procurve) reads its hardware, without the word "Switch": the HP 1820
	// before its OfficeConnect name, a 1920S PoE model, an Instant On 1960
	// on Aruba's arc.
	"hp-1820-before-rename":       {"hp-procurve", "HPE", "1820-8G J9979A", "", "ArubaOS-Switch", "PT.01.14", "switch"},
	"officeconnect-1920s-poe":     {"hp-procurve", "HPE", "1920S 24G 2SFP PPoE+ 185W JL385A", "", "OfficeConnect", "PD.02.05", "switch"},
	"instant-on-1960-switch-word": {"hpe-instant-on-sysdescr", "HPE", "1960 48G 2XGT 2SFP+ JL808A", "", "Instant On", "2.8.0.5", "switch"},
	// Sun's own agent (snmpdx, 42.2.1.1) writes the platform after its
	// name.
	"sun-agent-platform": {"sun-solaris", "Oracle", "Sun-Fire-V440", "", "Solaris", "", "server"},
	"sun-agent-ultra":    {"sun-solaris", "Oracle", "Ultra-5_10", "", "Solaris", "", "server"},
	// AKCP sensorProbe: SPAGENT-MIB spProductName, the product the
	// definition (akcp) reads after the maker's name.
	"akcp-sp-product-name": {"akcp-sensorprobe", "AKCP", "sensorProbe8-X20", "", "", "", "sensor"},
}

func TestLeadsLateFixtures(t *testing.T) { checkFixtures(t, leadsLateFixtureDir, leadsLateCases) }
