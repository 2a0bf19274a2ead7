package fingerprints

import (
	"testing"
)

// leads68FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq68's leads: HPE, Aruba and H3C devices
// read as their device-support definitions read them.
const leads68FixtureDir = "testdata/fixtures/leads-68"

// leads68Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads68Cases = map[string]want{
	// Aruba Instant 6.x (definition aruba-instant, sysDescr pattern
	// '\(MODEL: (?<hardware>\S+)\), Version (?<version>\S+)'): the release
	// whole, ArubaOS's and Instant's joined ('6.4.2.6-4.1.1.10'; before,
	// 6.4.2.6 alone).
	"aruba-instant-6x-release": {"aruba-instant", "Aruba", "225", "BT0012345", "ArubaOS Instant", "6.4.2.6-4.1.1.10", "access_point"},
	// An AP on apProducts (14823.1.2) whose sysDescr names ArubaOS but
	// which answers no AI-AP-MIB: the definition aruba-instant detects it
	// (before, aruba-mobility-controller); the ENTITY chassis serial, its
	// own, where no aiAPSerialNum answers.
	"aruba-ap-aos8-no-ai-mib": {"aruba-instant", "Aruba", "515", "CNQWE5R6TY", "ArubaOS Instant", "8.10.0.4-8.10.0.4", "access_point"},
	// A ProCurve 1800 sysDescr with more than a product number before its
	// release (a shape written to exercise the definition procurve's
	// '^PROCURVE (?<hardware>.*) - (?<version>.*)$', greedy, and its
	// hardware_replace): all before the last ' - ' (before, the first
	// word, J9029A).
	"hp-procurve-1800-hardware-words": {"hp-procurve", "HPE", "J9029A 1800-8G", "CN812AX0Z2", "ProCurve", "PA.03.04", "switch"},
	// An Instant On switch on Aruba's arc (definition aruba-instant-on,
	// whose class reads the procurve definition's os module): NETSWITCH-MIB
	// hpSwitchOsVersion.0, where it answers, replaces the sysDescr's
	// release (a precedence case: the values differ only to tell the
	// sources apart; before, the sysDescr's 2.5.0.19).
	"hpe-instant-on-netswitch-version": {"hpe-instant-on-sysdescr", "HPE", "1930 24G 4SFP/SFP+ JL682A", "VN2BKZ0456", "Instant On", "2.5.0.21", "switch"},
	// ArubaOS-CX (definition arubaos-cx): where no ENTITY row answers, the
	// release its sysDescr writes. owner: the virtual switch's platform
	// word whole (Virtual.10.13.1000, as its own ENTITY row writes it), not
	// the definition's pattern's cut to its last two letters ('al.10.13.1000',
	// fq68's 35669d8), a release no switch writes.
	"aruba-cx-ova-sysdescr-release": {"aruba-os-cx", "HPE", "JL000A", "", "ArubaOS-CX", "Virtual.10.13.1000", "switch"},
	// Where ENTITY row 1 answers, its entPhysicalSoftwareRev, hardware
	// (entPhysicalDescr) and serial replace the sysDescr's, as the
	// definition reads them.
	"aruba-cx-entity-release-first": {"aruba-os-cx", "HPE", "JL000A ArubaOS-CX Virtual Switch", "VM0A1B2C3D", "ArubaOS-CX", "Virtual.10.13.1000", "switch"},
}

func TestLeads68Fixtures(t *testing.T) {
	checkFixtures(t, leads68FixtureDir, leads68Cases)
}
