package fingerprints

import (
	"testing"
)

// leads20FixtureDir holds small walks written from the vendor MIBs and the
// sysDescr shapes vendors document, for the leads earlier audits left
// (fq20): profiles re-read against the device-support definitions for the
// devices they detect and the form of each value.
const leads20FixtureDir = "testdata/fixtures/leads-20"

// leads20Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads20Cases = map[string]want{
	// OpenVMS (definition openvms: DEC's registration 36.2.15.22.1, the
	// TCP/IP Services agent's, naming no hardware): the machine's maker is
	// the one its sysDescr names before the hardware, not the agent's
	// registrant; Compaq written HP, as the project names Compaq's.
	"openvms-hp-integrity":       {"openvms", "HP", "rx2660", "", "OpenVMS", "8.4", "server"},
	"openvms-hpe-integrity":      {"openvms", "HPE", "rx2800 i4", "", "OpenVMS", "8.4-2L1", "server"},
	"openvms-compaq-alphaserver": {"openvms", "HP", "AlphaServer DS20E", "", "OpenVMS", "7.3-1", "server"},
	// Without a maker's name, the one the hardware family had: VAX and the
	// numbered AlphaServers DEC's.
	"openvms-vax":                  {"openvms", "DEC", "VAX 4000-200", "", "OpenVMS", "7.2", "server"},
	"openvms-alphaserver-numbered": {"openvms", "DEC", "AlphaServer 4100 5/533 4MB", "", "OpenVMS", "7.1", "server"},
	// BOSS (Boss.php): the release all after 'SW:v' to the next space; the
	// capital-V shape of the BayStack and Business Policy Switch, which
	// the definition boss does not detect, its numbers. (Their names as
	// written, not ERS-: fq24's change, variants-24.)
	"nortel-ethernet-switch-470": {"avaya-boss", "Nortel", "Ethernet Switch 470-24T", "SDNI5A01BC", "BOSS", "3.7.2.06", "switch"},
	"nortel-bps-2000":            {"avaya-boss", "Nortel", "Business Policy Switch 2000", "", "BOSS", "1.2.0.15", "switch"},
	// No SW: field: rcSysVersion whole before ' on', as Boss.php reads it.
	"avaya-ers-rcsysversion-on": {"avaya-boss", "Nortel", "ERS-5520-48T-PWR", "LBNNTMJX5A0123", "BOSS", "6.2.3.010", "switch"},
	// A Poly video endpoint on ViaVideo's registration (2684), where the
	// definition polycomLens detects it: POLYCOM-ENDPOINT-MIB's
	// identityDeviceModel, identityDeviceSerialNumber and
	// identitySoftwareInfo, each whole (before, no profile: the
	// registrant ViaVideo Communications and nothing else).
	"poly-group-viavideo": {"poly", "Polycom", "RealPresence Group 500", "8213450ABCD12", "", "6.2.2.5-600123", "appliance"},
	// IP Office known by 'Avaya IP Office' in entPhysicalDescr.1 on
	// net-snmp's registration, as the definition's older form
	// (avaya-ipo.inc.php) detects it on any: the row's product without the
	// maker's name, no release from the Linux sysDescr (before,
	// linux-distro's server with the kernel's release).
	"avaya-ipo-entity-netsnmp": {"avaya-ipo", "Avaya", "IP Office Server Edition", "", "IP Office", "", "appliance"},
}

func TestLeads20Fixtures(t *testing.T) {
	checkFixtures(t, leads20FixtureDir, leads20Cases)
}
