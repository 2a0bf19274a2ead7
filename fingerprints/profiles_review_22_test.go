package fingerprints

import (
	"testing"
)

// review22FixtureDir holds small walks written from ENTITY-MIB and the
// Cisco MIBs for the second reading of the day's profile changes (fpW):
// the cases where the device-support code the changes follow would state
// a value untrue of the device, and ours must not.
const review22FixtureDir = "testdata/fixtures/review-22"

// review22Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review22Cases = map[string]want{
	// A TP-Link switch (definition tplink) whose RMON2 probeHardwareRev
	// holds only the hardware version ("2.0"), not "<product> <version>":
	// the definition reads it whole as the hardware, which would state a
	// revision as the model; ours goes on to the ENTITY row's model.
	"tplink-rmon-bare-hardware-rev": {"tplink", "TP-Link", "T1500G-10PS", "", "", "2.0.6 Build 20200224 Rel.64815(s)", "switch"},
	// A Brocade 6510 on Fabric OS 7 whose agent answers the generic
	// switch type 1 (fcFeModuleObjectID.1 = 1588.2.1.1.1, which Fabos.php
	// names "Brocade 1000 Switch" for every such agent: not stated, see
	// 9681e22) and writes its chassis row's description with the maker's
	// name glued on ("Brocade6510", as the recorded 6510 does). The
	// model without the maker's name (the vendor field), not the row's
	// assembly part number (entPhysicalModelName.1, 40-1000569-13).
	"brocade-fabos-glued-descr": {"brocade-fabric-os", "Brocade", "6510", "BRW2537K04C", "Fabric OS", "v7.4.2d", "switch"},
	// The FTD sysDescr form the definition asa detects (os_detection/
	// asa.yaml; ftd.yaml excepts it: 'Version x (Build n), ASA Version
	// y(2)n'), row 1 without a release and row 10 (the security module)
	// with one. asa's version list is entPhysicalSoftwareRev.1 and .4
	// only, then its sysDescr pattern 'Version (?<version>.*)': the rest of
	// the line. Row 10 is ftd's (os_discovery/ftd.yaml), not asa's, so it
	// must not override that here (1e6686a put the asa form after it).
	"ftd-asa-form-row10-release": {"cisco-asa", "Cisco", "FPR-2120", "JAD2214A0DE", "FTD", "6.2.3.4 (Build 42), ASA Version 9.9(2)4", "firewall"},
	// A Catalyst 4507R+E whose chassis row is named "Switch System" and
	// has no product ID, slot 1's line card at row 1000 (the supervisor
	// in slot 3, row 3000). The shared Cisco OS discovery
	// (LibreNMS/OS/Shared/Cisco.php discoverOS, both its 2018 and 2025
	// forms) takes entPhysicalModelName.1000 for a "Switch System" row
	// whatever it names, here the line card WS-X4748-UPOE+E: not the
	// device. The "Switch System" rule of 645e59a/4af97e3 takes only a
	// switch's product ID there, so the registration's product is stated
	// (the point is: not the line card); serial entPhysicalSerialNum.1,
	// release the sysDescr's (entPhysicalSoftwareRev.1 empty).
	// fq116: was "Catalyst 4507rpluse" (the registry's display form);
	// now "cat4507rpluse", the CISCO-PRODUCTS-MIB label, Cisco.php's
	// (iosxe) last step, as the MIB writes it.
	"iosxe-4507-switch-system-linecard-1000": {"cisco-ios-xe", "Cisco", "cat4507rpluse", "FXS1835Q0GH", "IOS-XE", "03.11.03a.E", "switch"},
	// An AireOS 5508 whose ENTITY row 1 has no model name and is named
	// "Chassis" (as the recorded 5508's row 1 is named). The definition
	// (os_discovery/ciscowlc.yaml) reads entPhysicalModelName.1, then
	// entPhysicalName.1, and would state "Chassis"; abf9636 put row 1
	// first and leaves its name out, so AIRESPACE-SWITCHING-MIB
	// agentInventoryMachineModel gives the product. Release and serial
	// row 1's, as the definition reads them.
	"wlc-5508-row1-no-model": {"cisco-wlc", "Cisco", "AIR-CT5508-K9", "FCW1532L0QR", "AireOS", "8.5.182.0", "wireless_controller"},
}

func TestReview22Fixtures(t *testing.T) { checkFixtures(t, review22FixtureDir, review22Cases) }
