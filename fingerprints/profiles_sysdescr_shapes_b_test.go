package fingerprints

import (
	"testing"
)

// sysDescrShapesBFixtureDir holds small walks whose sysDescr lines are Rapid7
// Recog's documented examples (snmp_sysdescr.xml, BSD licence, LICENSE
// there): shapes real devices print that a profile of the family read
// badly or not at all; the other values are written from the vendors' MIBs.
const sysDescrShapesBFixtureDir = "testdata/fixtures/sysdescr-shapes-b"

// sysDescrShapesBCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sysDescrShapesBCases = map[string]want{
	// The first SonicOS units: the product in brackets after the
	// processor, not the processor; an edition word cut short dropped.
	"sonicwall-processor-bracket":         {"sonicwall-sonicos", "SonicWall", "PRO 200", "0006B1A4C2E8", "SonicOS", "", "firewall"},
	"sonicwall-processor-bracket-edition": {"sonicwall-sonicos", "SonicWall", "PRO 2040", "", "SonicOS", "", "firewall"},
	// ProCurve access points and the first ProCurve switches by name.
	"procurve-access-point-530": {"hp-procurve", "HPE", "Access Point 530", "", "ProCurve", "WA.02.15", "access_point"},
	"procurve-hpj-switch-name":  {"hp-procurve", "HPE", "4000M", "", "ProCurve", "C.05.04", "switch"},
	// HP-branded Comware: the product with the lines joined, the MSR
	// routers, the 1910 PoE models' power budget, the 1905's "Product
	// Version".
	"comware-hp-a-series-joined":       {"h3c-comware", "HPE", "A5500-24G EI Switch with 2 Interface Slots", "", "Comware", "5.20", "switch"},
	"comware-hp-series-router":         {"h3c-comware", "HPE", "A-MSR20-40", "", "Comware", "5.20 Release 2209P15", "router"},
	"comware-hp-v1910-poe-watts":       {"h3c-comware", "HPE", "V1910-24G-PoE (170W)", "", "Comware", "5.20", "switch"},
	"comware-hp-v1905-product-version": {"h3c-comware", "HPE", "V1905-24", "", "Comware", "02.00.01", "switch"},
	// EdgeSwitch keeps its line's name where agentInventoryMachineModel
	// does not answer.
	"edgeswitch-sysdescr-line-name": {"ubiquiti-edgeswitch", "Ubiquiti", "EdgeSwitch 48-Port Lite", "", "EdgeSwitch", "1.8.1.5145168", "switch"},
}

func TestSysDescrShapesBFixtures(t *testing.T) {
	checkFixtures(t, sysDescrShapesBFixtureDir, sysDescrShapesBCases)
}
