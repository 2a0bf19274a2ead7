package fingerprints

import (
	"testing"
)

// ciscoDeepFixtureDir holds small walks written from ENTITY-MIB and
// CISCO-PRODUCTS-MIB for the review of every path of the shared Cisco OS
// discovery (LibreNMS/OS/Shared/Cisco.php discoverOS, for ios and iosxe):
// which ENTITY row gives the hardware, the serial and the release, for
// each shape of ENTITY table Cisco's agents write.
const ciscoDeepFixtureDir = "testdata/fixtures/cisco-deep"

// ciscoDeepCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var ciscoDeepCases = map[string]want{
	// A Catalyst 3750-V2 stack on IOS 12.2 (row 1 the stack, "Cat37xx
	// Stacking", no model; switch 1 at row 1001): entPhysicalModelName.1001,
	// as Cisco.php reads it for a row 1 that says stack. Its product ID
	// has letters and digits after the series (3750V2), which the guard
	// against a power supply at 1001 must still take; serial
	// entPhysicalSerialNum.1001 (getMainSerial: .1, .1000, .1001).
	"ios-3750v2-stack": {"cisco-ios", "Cisco", "WS-C3750V2-48PS-S", "FDO1433Z0AB", "IOS", "12.2(55)SE12", "switch"},
	// The same for a 2960-XR FlexStack-Plus stack (WS-C2960XR-48FPD-I, two
	// letters after the series).
	"ios-2960xr-stack": {"cisco-ios", "Cisco", "WS-C2960XR-48FPD-I", "FOC2031S0AB", "IOS", "15.2(7)E8", "switch"},
	// A Catalyst 4500-X: its chassis row is named "Switch System" and has
	// no product ID; Cisco.php then takes entPhysicalModelName.1000, the
	// supervisor row that carries WS-C4500X-16. Serial .1, release from
	// the sysDescr (entPhysicalSoftwareRev.1 empty).
	"iosxe-4500x-switch-system": {"cisco-ios-xe", "Cisco", "WS-C4500X-16", "JAE1927ABCD", "IOS-XE", "03.06.06.E", "switch"},
	// A Catalyst 4507R+E whose "Switch System" row has its product ID:
	// that, not row 1000 (the line card in slot 1), as Cisco.php keeps
	// entPhysicalModelName.1 when it does not say "Switch System".
	"iosxe-4507-switch-system-model": {"cisco-ios-xe", "Cisco", "WS-C4507R+E", "FXS1835Q0AB", "IOS-XE", "03.11.03a.E", "switch"},
	// An older IOS router whose chassis row has a name but no model name:
	// Cisco.php states entPhysicalName.1 ("2621XM chassis"); release from
	// the 'Cisco Internetwork Operating System Software ... IOS (tm)'
	// sysDescr form.
	"ios-2621xm-row1-name": {"cisco-ios", "Cisco", "2621XM chassis", "JAE07120ABC", "IOS", "12.3(26)", "router"},
	// A Catalyst 6500 VSS pair: row 1 the "Virtual Stack", switch 1's
	// chassis at 1000, its first line card at 1001. The definition's
	// current discovery takes entPhysicalModelName.1000 for a Virtual
	// Stack (the older one took 1001, the line card, which we do not
	// state). Serial: switch 1's chassis (1000). The definition's
	// getMainSerial reads only entPhysicalSerialNum.1 and .1001 (its .1000
	// branch is never fetched), so it states the line card's serial at
	// 1001 here: not the device's, not stated (fpW, Shared/Cisco.php).
	"ios-6500-vss-virtual-stack": {"cisco-ios", "Cisco", "WS-C6509-E", "SMG1712ABCD", "IOS", "15.1(2)SY16", "switch"},
	// A Catalyst 9500 StackWise Virtual pair, the same rows on IOS-XE
	// (1001 a power supply): switch 1's C9500-48Y4C, and its serial, not
	// the power supply's that getMainSerial (.1, .1001) would state.
	"iosxe-c9500-svl-virtual-stack": {"cisco-ios-xe", "Cisco", "C9500-48Y4C", "FCW2412A0BC", "IOS-XE", "CAT9K_IOSXE 17.12.4", "switch"},
	// An AireOS controller whose AIRESPACE-SWITCHING-MIB model
	// (agentInventoryMachineModel) is written without the -K9 its ENTITY
	// row 1 has (values made to differ to show the order): the
	// definition (ciscowlc) reads entPhysicalModelName.1,
	// entPhysicalSoftwareRev.1 and entPhysicalSerialNum.1 first.
	"wlc-3504-entity-row1": {"cisco-wlc", "Cisco", "AIR-CT3504-K9", "FCW2245M0AB", "AireOS", "8.10.190.0", "wireless_controller"},
	// A Catalyst 4948E on IOS in the same shape as the 4500-X: row 1000's
	// WS-C4948E (a product ID without a dash and digit after the series,
	// which the "Switch System" rule must still take).
	"ios-4948e-switch-system": {"cisco-ios", "Cisco", "WS-C4948E", "CAT1512A0BC", "IOS", "15.2(4)E10", "switch"},
	// A Catalyst 4900M whose chassis row's model name is "MIDPLANE": a
	// board's name, never the product. No stored Cisco.php tests it (as
	// written it states "MIDPLANE"; its PR 17342 is reported to show
	// WS-C4900M): row 1000's switch product ID (WS-C4900M), as the
	// definition reads it for a "Switch System" row 1 (fq50: comment
	// only, the expected result unchanged); ours stated "MIDPLANE".
	"ios-4900m-midplane": {"cisco-ios", "Cisco", "WS-C4900M", "JAE1345A0BC", "IOS", "15.0(2)SG11", "switch"},
	// FTD on a Firepower 2130 (ciscoFpr2130td): no release on the chassis
	// row, so the sysDescr's from 'Version ' to the next comma, the build
	// with it, as the definition (ftd) writes it.
	"ftd-firepower-2130-build": {"cisco-asa", "Cisco", "FPR-2130", "JAD2234A0BC", "FTD", "7.2.5 (Build 208)", "firewall"},
	// The FTD form the definition asa detects instead of ftd (ASA Version
	// y(2)n): asa's sysDescr pattern, the rest of the line after
	// 'Version ', as LibreNMS writes it.
	"ftd-asa-version-form": {"cisco-asa", "Cisco", "FPR-2110", "JAD2131A0BC", "FTD", "6.2.3.4 (Build 42), ASA Version 9.9(2)4", "firewall"},
}

func TestCiscoDeepFixtures(t *testing.T) { checkFixtures(t, ciscoDeepFixtureDir, ciscoDeepCases) }
