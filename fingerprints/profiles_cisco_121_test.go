package fingerprints

import (
	"testing"
)

// cisco121FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq121's look at the Cisco families'
// hardware forms: the sysObjectID's CISCO-PRODUCTS-MIB label where the
// shared Cisco OS discovery (Shared/Cisco.php) falls to it, the objects a
// definition's os module reads where it has one, the UCS fabric
// interconnects' class.
const cisco121FixtureDir = "testdata/fixtures/cisco-121"

// cisco121Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var cisco121Cases = map[string]want{
	// ACE 4710 without ENTITY rows (definition acsw: group cisco, no os
	// module, no class, so Shared/Cisco.php): its last step, the
	// registration translated through CISCO-PRODUCTS-MIB, the label as
	// the MIB writes it (9.1.824 ciscoACE4710K9); before fq121 the
	// registry's display form.
	"ace-4710-registration-label": {"cisco-ace", "Cisco", "ciscoACE4710K9", "", "ACSW", "A5(3.0)", "load_balancer"},
	// An MDS 9216 on SAN-OS (definition sanos, read by Shared/Cisco.php)
	// on a CISCO-PRODUCTS-MIB registration (9.1.521): the label
	// ciscoDSC9216K9; before fq121 the display form.
	"san-os-mds9216-registration-label": {"cisco-san-os", "Cisco", "ciscoDSC9216K9", "", "SAN-OS", "3.3(1c)", "switch"},
	// CatOS on the Catalyst 6506's CISCO-PRODUCTS-MIB registration
	// (9.1.282): the definition catos has an os module (discovery
	// catos.yaml 9d9c5d3: '(?<hardware>WS-[\w-]+).*Version
	// (?<version>[\w.()]+)' over the sysDescr, /s), which Cisco.php runs
	// instead of its own steps: the sysDescr's WS-C6506, not the
	// registration's label (fq121's first commit) nor its display form
	// 'Catalyst 6506' (before).
	"catos-sysdescr-over-registration": {"cisco-catos", "Cisco", "WS-C6506", "", "CatOS", "8.4(5)", "switch"},
	// ONS 15454 on Cisco's registration (9.1.493; definition ons: its
	// os_discovery names no os module, so Shared/Cisco.php): the label
	// ciscoONS15454, before the sysDescr's platform; before fq121 the
	// display form.
	"ons-15454-registration-label": {"cisco-ons", "Cisco", "ciscoONS15454", "", "ONS", "09.00-008E-17.17", "switch"},
	// WAAS on an SRE service module (CISCO-PRODUCTS-MIB ciscoOeSmSre900,
	// 9.1.1213; definition waas, os module: entPhysicalModelName.1,
	// SerialNum.1, SoftwareRev.1, whatever row 1 is) whose row 1 is the
	// module (class 9, no entPhysicalContainedIn answered): row 1's
	// values, now by the definition's objects (before fq121 the same
	// values by the engine's chassis rows: this walk pins the reading,
	// it does not tell the two apart).
	"waas-sre-module-row1": {"cisco-waas", "Cisco", "SM-SRE-900-K9", "FOC1510V121", "WAAS", "5.5.7", "appliance"},
	// Secure ACS (definition acs, os module: the sysDescr's release by
	// '^Cisco Secure Access Control System (?<version>[^,]+)$', serial
	// entPhysicalSerialNum.1, no hardware): the sysDescr's release over
	// row 1's (made to differ here); before fq121 row 1's 2.4.0.143. The
	// model is the appliance's own ENTITY chassis.
	"acs-sysdescr-release-over-row1": {"cisco-acs", "Cisco", "CSACS-3415-K9", "FCH1633V0121", "ACS", "5.8.0.32", "appliance"},
	// APIC (definition apic, os module: one sysDescr pattern for the
	// release, PID and serial) whose sysDescr writes no 'Serial': the
	// pattern does not hold and the definition states nothing; the
	// controller's own ENTITY row 1 (as before fq121, which read it
	// first).
	"apic-pattern-without-serial": {"cisco-apic", "Cisco", "UCSC-C220-M5L", "WZP2301V0121", "APIC", "5.2(7f)", "appliance"},
	// CIMC (definition cimc, os module: cucsComputeBoardModel.1, else .0;
	// cucsComputeBoardSerial.1, else .0; 'Firmware Version
	// (?<version>[^\s]+\))' over the sysDescr) whose board row is index
	// 0: the board's model and serial over ENTITY row 1's (made to
	// differ); before fq121 row 1's.
	"cimc-board-index-0": {"cisco-ucs-cimc", "Cisco", "UCSC-C220-M6SX", "WZP25060122", "CIMC", "4.2(3e)", "bmc"},
	// A UCS fabric interconnect B in a domain mid-way through a 6200 to
	// 6300 migration (definition cisco-ucs-fi, CiscoUcsFi.php): its
	// fabric row's entPhysicalModelName.10 (UCS-FI-6332-16UP); the
	// definition states no serial, the unit's own chassis row's (149)
	// over the UCS manager's network element table, whose first row is
	// fabric A's (UCS-FI-6248UP, SSI18220111), read first before fq121.
	"ucs-fi-b-mid-migration": {"cisco-ucs-fi", "Cisco", "UCS-FI-6332-16UP", "FDO22470121", "NX-OS", "5.0(3)N2(4.11a)", "switch"},
}

func TestCisco121Fixtures(t *testing.T) {
	checkFixtures(t, cisco121FixtureDir, cisco121Cases)
}
