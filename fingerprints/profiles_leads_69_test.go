package fingerprints

import (
	"testing"
)

// leads69FixtureDir holds small walks written from Cisco's MIBs and
// documented sysDescr shapes for fq69's leads on the Cisco families
// (enterprise 9), each read as the device-support definition that takes
// it reads it.
const leads69FixtureDir = "testdata/fixtures/leads-69"

// leads69Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads69Cases = map[string]want{
	// IOS XR whose sysDescr names the platform without 'Cisco ' and
	// brackets the release: Iosxr.php's first pattern wants '(Cisco ...)',
	// so its second reads the word after 'Version' whole, the bracket with
	// it (was 6.5.3, the release cut at the bracket).
	"iosxr-ncs-bracketed-release": {"cisco-ios-xr", "Cisco", "NCS-5500", "", "IOS-XR", "6.5.3[Default]", "router"},
	// Checked and right: '(Cisco ASR9K Series), Version 7.1.2' with no
	// bracket is Iosxr.php's second pattern too: the release alone, the
	// whole parenthesis as the platform (the maker's name then dropped
	// from the model, as for every profile).
	"iosxr-cisco-platform-no-bracket": {"cisco-ios-xr", "Cisco", "ASR9K Series", "", "IOS-XR", "7.1.2", "router"},
	// The same shape on another registration (zeroDotZero), which the
	// definition iosxr takes by its sysDescr: cisco-os-sysdescr reads
	// Iosxr.php's patterns as cisco-ios-xr does (was 6.6.3).
	"iosxr-other-arc-bracketed-release": {"cisco-os-sysdescr", "Cisco", "NCS-5500", "", "IOS-XR", "6.6.3[Default]", "router"},
	// A CIMC (definition cimc: group cisco, no os module, so the shared
	// Cisco OS discovery, Shared/Cisco.php) whose ENTITY row 1 is the
	// root: its model name, serial and release, before the UCS board
	// table's (whose serial here differs) and the sysDescr's.
	// fq121: serial WZP21490ZZ2 (was WZP21490ZZ1, row 1's): the newest
	// cimc has an os module (os_discovery cimc.yaml), which Cisco.php
	// runs instead of its own steps: the board table's .1 model and
	// serial, the sysDescr's 'Firmware Version' release; no ENTITY row.
	"cimc-entity-root": {"cisco-ucs-cimc", "Cisco", "UCSC-C240-M5SX", "WZP21490ZZ2", "CIMC", "4.1(3b)", "bmc"},
	// No ENTITY rows: the product the registration names (9.1.1683,
	// ciscoUcsC240), as Cisco.php falls to it, before the board table's
	// model (UCSC-C240-M3S, the server's own); no ENTITY serial, so the
	// board's serial after the definition's sources; the sysDescr's
	// firmware release (the definition states none).
	// fq121: model UCSC-C240-M3S (was UcsC240): the newest cimc's os
	// module reads cucsComputeBoardModel.1 and no registration.
	"cimc-registration-before-board": {"cisco-ucs-cimc", "Cisco", "UCSC-C240-M3S", "FCH17057ZZ3", "CIMC", "3.0(4d)", "bmc"},
	// A registration the product registry does not know (made up, past
	// CISCO-PRODUCTS-MIB's last): the board table's model.
	"cimc-unknown-registration": {"cisco-ucs-cimc", "Cisco", "UCSC-C220-M5SX", "WZP22080ZZ4", "CIMC", "4.2(2a)", "bmc"},
	// An APIC (definition apic: group cisco, no os module, so
	// Shared/Cisco.php) whose ENTITY row 1 is the root: the row's model
	// name, serial and release, as Cisco.php reads them, before what the
	// sysDescr writes (PID APIC-SERVER-M4 and its serial, the
	// controller's own, which the definition never reads). Without ENTITY
	// rows the sysDescr's still (a-b cisco-apic): the registration
	// ciscoACIController names no product model.
	// fq121: model APIC-SERVER-M4 and serial FCH2709ZZ11 (were row 1's
	// UCSC-C225-M6S, WZP2709ZZ12): the newest apic has an os module
	// (os_discovery apic.yaml), which Cisco.php runs instead of its own
	// steps: one sysDescr pattern gives the release, PID and serial; no
	// ENTITY row.
	"apic-entity-root": {"cisco-apic", "Cisco", "APIC-SERVER-M4", "FCH2709ZZ11", "APIC", "6.0(5h)", "appliance"},
	// A WAAS engine (definition waas: group cisco, no os module, so
	// Shared/Cisco.php) without ENTITY rows: the product its registration
	// names (ciscoWae612K9), Cisco.php's last step; no serial or release.
	// fq121: the newest waas has an os module (os_discovery waas.yaml,
	// entPhysicalModelName.1 alone), which Cisco.php runs instead of its
	// own steps: it states no hardware here; the model is now the
	// engine's generic fallback's (the registration's display form), not
	// the profile's.
	"waas-registration-no-entity": {"cisco-waas", "Cisco", "Wae612K9", "", "WAAS", "", "appliance"},
	// An ACE 4710 (definition acsw: group cisco, no os module, so
	// Shared/Cisco.php) whose ENTITY row 1 is the root: its model name,
	// serial and release whole, as Cisco.php reads them; the sysDescr
	// writes no release.
	"ace-4710-entity-root": {"cisco-ace", "Cisco", "ACE-4710-K9", "QCN1520ZZ01", "ACSW", "A5(3.1a)", "load_balancer"},
	// A Secure ACS (definition acs: group cisco, no os module) whose
	// ENTITY row 1 is the root: the row's release first, as Cisco.php
	// reads it, then the sysDescr's (the same here).
	"acs-entity-root-release": {"cisco-acs", "Cisco", "SNS-3495-K9", "FCH1845ZZ03", "ACS", "5.8.1.4", "appliance"},
	// An ONS 15454 M6 on Cerent's registration (definition ons: group
	// cisco, no os module, so Shared/Cisco.php) whose ENTITY row 1 is the
	// root: its model name, serial and release, before the sysDescr's
	// platform and release (audit-cisco cisco-ons-15454, without ENTITY
	// rows, keeps those: the 3607 arc names no Cisco product).
	"ons-entity-root": {"cisco-ons", "Cisco", "15454-M6-SA", "SAL1712ZZ05", "ONS", "10.7.0.1", "switch"},
	// CatOS on a Catalyst 6506-E (definition catos: group cisco, no os
	// module, so Shared/Cisco.php) whose ENTITY row 1 is the root: its
	// model name, serial and release, before the sysDescr's product and
	// release (here the same release; network cisco-catos, without ENTITY
	// rows, keeps the sysDescr's WS-C6509: its CISCO-STACK-MIB
	// registration is no CISCO-PRODUCTS-MIB product).
	// fq121: model WS-C6506 (was row 1's WS-C6506-E): catos has an os
	// module (discovery catos.yaml 9d9c5d3), which Cisco.php runs instead
	// of its own steps: one sysDescr pattern gives the WS- product and the
	// release; the serial entPhysicalSerialNum.1 (the same here).
	"catos-entity-root": {"cisco-catos", "Cisco", "WS-C6506", "SAL1015ZZ07", "CatOS", "8.7(3)", "switch"},
}

func TestLeads69Fixtures(t *testing.T) {
	checkFixtures(t, leads69FixtureDir, leads69Cases)
}
