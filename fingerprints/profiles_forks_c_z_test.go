package fingerprints

import (
	"testing"
)

// forksCZFixtureDir holds small walks written from the vendor MIBs and the
// device-support definitions of the OS names found in LibreNMS forks'
// definition listings (second half, breeze..zyxelwlc): detection by the
// arcs and sysDescr shapes the definitions name, the identity objects they
// read.
const forksCZFixtureDir = "testdata/fixtures/forks-c-z"

// forksCZCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var forksCZCases = map[string]want{
	// Volius CATV optical nodes (volius): VOLIUS-OR-MIB vlsSystemGeneral.
	"volius": {"volius", "Volius", "VOR-2R-1310", "VL2104018", "", "2.4.1", "appliance"},
	// IMCO Power DC plants (imcopower-big): IMCO-BIG-MIB imco3Ident and
	// the first panel monitor's serial, wherever the model object answers
	// (the controller maker's registration, net-snmp's).
	"imco-power": {"imco-power", "IMCO Power", "BIG 48V/3000W", "PM19041302", "", "V3.12", "power"}, // V kept: imcopower-big reads imco3IdentSwVersion.0 whole (fpU)
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 3.20, not Linux's): an OS is named beside its own release only.
	"imco-power-netsnmp": {"imco-power", "IMCO Power", "BIG 24V/1500W", "PM20110517", "", "3.20", "power"},
	// The LS110 supplies (imcopower-ls110) on SDS's controller:
	// IMCO-LSPS-MIB's general info group, its manufacturer naming IMCO.
	// Was '1.21' (the leading v cut); now 'v1.21', sdsSoftware.0
	// whole, as the definition imcopower-ls110 reads it (fq93).
	"imco-power-ls110": {"imco-power", "IMCO Power", "LS110-48", "LS1102106117", "", "v1.21", "power"},
	// Janitza UMG 96 meters (janitza-umg96): Janitza's root registration
	// and a sysDescr naming the UMG96.
	"janitza-umg96": {"janitza-umg", "Janitza", "UMG96RM-E", "", "", "", "power"},
	// SNR-ERD environment monitors (snr-erd): 40418.2.6.
	"snr-erd": {"snr-erd", "NAG", "SNR-ERD-4.2", "", "", "", "sensor"},
	// Fujitsu PRIMERGY BX connection blades (fujitsupyos) by sysDescr.
	"fujitsu-py-switch": {"fujitsu-py-switch", "Fujitsu", "PY CB Eth Switch/IBP 10Gb 18/8", "", "", "", "switch"},
	// Parks PK700 switches (parks-switch) by the model in the sysDescr.
	"parks-switch": {"parks-switch", "Parks", "PK700-12X", "", "", "", "switch"},
	// Fujitsu ETERNUS DX arrays (fujitsueternusos): 211.1.21.1.
	"fujitsu-eternus": {"fujitsu-eternus", "Fujitsu", "ETERNUS DX200 S4", "", "", "", "storage"},
}

// TestForksCZFixtures checks each profile on its fixture: the winning
// profile and every field, with evidence (check).
func TestForksCZFixtures(t *testing.T) {
	checkFixtures(t, forksCZFixtureDir, forksCZCases)
}
