package fingerprints

import (
	"testing"
)

// leads71FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq71's leads: families common on small
// and mid-size networks (MikroTik, Netgear, TP-Link, D-Link, Dell), read
// in the order the device-support definitions read them.
const leads71FixtureDir = "testdata/fixtures/leads-71"

// leads71Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads71Cases = map[string]want{
	// A NETGEAR M4300 stack on NETGEAR's smart-switch registration
	// (definition netgear, discovery/netgear.yaml: serial
	// ENTITY-MIB::entPhysicalSerialNum.1, version entPhysicalSoftwareRev.1,
	// by index): row 1 is the stack, rows 2 and 3 its units. Row 1's
	// serial and release, not the first unit's (which runs older code
	// here), as netgear-prosafe already reads them.
	"netgear-stack-entity-row1": {"netgear", "Netgear", "M4300-52G", "5MR00000STK1", "", "12.0.19.6", "switch"},
	// A D-Link industrial switch on D-Link's product arc (definition
	// dlink, discovery/dlink.yaml's sysDescr pattern, then Dlink.php's
	// ' Rev. ' and RMON2-MIB probeHardwareRev): the sysDescr's first word
	// whatever its series (DIS, which the profile's list of series left
	// out), with its revision; the release probeSoftwareRev whole, the
	// serial DLINK-AGENT-MIB agentSerialNumber, as the definition reads
	// them.
	"dlink-dis-industrial-rev": {"dlink", "D-Link", "DIS-200G-12PSW Rev. A1", "QBDIS2000123", "", "Build 1.10.004", "switch"},
}

func TestLeads71Fixtures(t *testing.T) {
	checkFixtures(t, leads71FixtureDir, leads71Cases)
}
