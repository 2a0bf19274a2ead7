package fingerprints

import (
	"testing"
)

// leadsJFixtureDir holds small walks written from the vendor MIBs for the
// audit of profiles matched by sysObjectID alone against the device-support
// definitions (fpJ): which devices each profile catches and which objects
// give its values.
const leadsJFixtureDir = "testdata/fixtures/leads-j"

// leadsJCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leadsJCases = map[string]want{
	// A Forcepoint engine on Stonesoft's arc answering both its POS code and
	// its chassis serial: the POS code (STONESOFT-NETNODE-MIB nodePosCode),
	// as the definition (forcepoint) reads the serial; the release from
	// fwSoftwareVersion's 'Forcepoint NGFW version x'.
	"forcepoint-poscode": {"forcepoint-ngfw", "Forcepoint", "N2105", "A1B2-C3D4-E5F6", "Forcepoint NGFW", "6.10.12", "firewall"},
	// A VELOS controller on F5OS-C: the platform object, and the release
	// all after 'version ' in the sysDescr, as the definition (f5os) reads it.
	"f5os-velos": {"f5os", "F5", "CX410", "", "F5OS", "1.6.2-24031", "load_balancer"},
	// An EonStor whose agent gives UCD-SNMP-MIB memAvailReal (2021.4.6) as
	// its sysObjectID, which the definition (infortrend) detects: read from
	// IFT-SNMP-MIB sysInformation as on Infortrend's own arc.
	"infortrend-ucd-oid": {"infortrend", "Infortrend", "DS 3016RTB", "8512345", "", "3.86", "storage"},
}

func TestLeadsJFixtures(t *testing.T) {
	checkFixtures(t, leadsJFixtureDir, leadsJCases)
}
