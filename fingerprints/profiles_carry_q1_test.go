package fingerprints

import (
	"testing"
)

// carryQ1FixtureDir holds small walks written from the vendor MIBs for the
// carry-over review of big device families against the device-support
// definitions: which devices each profile catches and which objects give
// its values.
const carryQ1FixtureDir = "testdata/fixtures/carry-q1"

// carryQ1Cases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var carryQ1Cases = map[string]want{
	// A SwitchBlade x8100 registered as its controller card
	// (AT-PRODUCT-MIB atSBx81CFC960, 207.1.14.88), whose first
	// rscBoardTable row is a line card: not the line card's name; bay 5
	// empty, so the serial of the controller in bay 6 (6.6).
	// fq2: no model. Awplus.php states the registration's name with 'AT-'
	// ('AT-SBx81CFC960'), the controller card's part number, not the
	// device; with no ENTITY chassis row nothing here names the chassis
	// (review-23/allied-sbx81cfc960-entity-chassis has one).
	"allied-sbx81cfc960-bay6": {"allied-telesis", "Allied Telesis", "", "A052201163200113", "AlliedWare Plus", "5.5.2-1.1", "switch"},
	// A D-Link access point whose sysDescr is only 'D-Link Access Point'
	// (the DWL-3200AP family, APMII-DWL-3200AP-MIB under 171.10.37.20):
	// the product its systemModelName (<sysObjectID>.1.8.0) names, not
	// Dlinkap.php's 'Access Point A2', which names none; the release as
	// the definition (dlinkap) reads it, <sysObjectID>.5.1.1.0 whole.
	"dlink-dwl-access-point": {"dlink-dap", "D-Link", "DWL-3200AP", "", "", "2.58 11:20:41 06/18/2010", "access_point"},
	// The same sysDescr where no model name answers: no model rather than
	// 'Access Point A1' (the sysDescr names no product).
	"dlink-access-point-no-model": {"dlink-dap", "D-Link", "", "", "", "1.10 16:02:13 03/02/2012", "access_point"},
	// A Catalyst 9300 stack on another registration (0.0), caught by its
	// IOS-XE sysDescr (the definition iosxe detects that alone): read as
	// cisco-ios-xe reads a stack (Cisco.php): row 1 the stack without a
	// model, so switch 1's row 1001; no release on row 1, so the image and
	// the release of the bracketed sysDescr, one space between.
	"cisco-c9300-stack-other-registration": {"cisco-os-sysdescr", "Cisco", "C9300-48P", "FOC2315X1AB", "IOS-XE", "CAT9K_IOSXE 17.9.4", "switch"},
	// A Catalyst 4500-X on another registration: row 1 "Switch System"
	// has no model name, so entPhysicalModelName.1000 (WS-C4500X-16), as
	// Cisco.php reads it and cisco-ios-xe does.
	"cisco-4500x-other-registration": {"cisco-os-sysdescr", "Cisco", "WS-C4500X-16", "JAE21340ABC", "IOS-XE", "03.11.03a.E", "switch"},
	// A PowerConnect 5548P stack answering Dell-Vendor-MIB's per-unit
	// serial number and service tag: the first unit's serial number
	// (productIdentificationSerialNumber.1), the one object the
	// definition (powerconnect) reads for the serial, not the service tag.
	// fq56 stated the service tag, 5QWJ2K1, after powerconnect 0e71fbf;
	// fq57: the serial number again: 0e71fbf is librenms pull request
	// 18185's, closed unmerged; the definition (cfab8f7) reads
	// productIdentificationSerialNumber.1 alone.
	"dell-powerconnect-serial-number": {"dell-powerconnect", "Dell", "PowerConnect 5548P", "CN0R2D8P2829845T0123", "PowerConnect", "4.1.0.22", "switch"},
	// An Ivanti Connect Secure gateway: PULSESECURE-PSG-MIB productVersion
	// whole, with its build, as the definition (pulse) reads it.
	// fq65: firewall (was appliance), as the definition pulse types it.
	"pulse-ivanti-product-version": {"pulse-secure", "Pulse Secure", "Ivanti Connect Secure", "", "Pulse Connect Secure", "22.3R1 (build 1647)", "firewall"},
	// An OS10 switch answering neither ENTITY-MIB nor a 'System Type' in
	// its sysDescr: the product DELLEMC-OS10-TC-MIB names for its
	// os10ChassisType.1 (25, s5232Fon: S5232F-ON), the object DellOs10.php
	// reads, not the bare product base (S5232F). (Now in the form
	// DellOs10.php gives it, the label itself, which it fetches with
	// -OQUs as its only source of the hardware: fq21; was "S5232F-ON".)
	"dell-os10-chassis-type": {"dell-os10", "Dell", "s5232Fon", "TW0G2J7R2820945", "OS10", "", "switch"},
	// An ASR 9000 on another registration whose agent answers no rack
	// row: the platform its IOS XR sysDescr brackets, as Iosxr.php reads
	// it (cisco-ios-xr's rule), not a route processor card's model.
	"cisco-ios-xr-other-registration": {"cisco-os-sysdescr", "Cisco", "ASR9K Series", "FOC1734N0AB", "IOS-XR", "6.5.3", "router"},
}

func TestCarryQ1Fixtures(t *testing.T) {
	checkFixtures(t, carryQ1FixtureDir, carryQ1Cases)
}
