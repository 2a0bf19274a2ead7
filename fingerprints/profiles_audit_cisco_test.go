package fingerprints

import (
	"testing"
)

// auditCiscoFixtureDir holds small walks written from Cisco's MIBs and the
// objects the device-support definitions name, for the Cisco OS families
// audited against the full copy of those definitions (detection arcs and
// sysDescr shapes, and the objects and forms of model, serial and release).
const auditCiscoFixtureDir = "testdata/fixtures/audit-cisco"

// auditCiscoCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var auditCiscoCases = map[string]want{
	// A Catalyst 9200L alone, whose row 1 is still the "c92xx Stack" row
	// without a release: the release the sysDescr states ("Version
	// 17.6.4"), as the definition (iosxe, the shared Cisco OS discovery)
	// reads it when entPhysicalSoftwareRev.1 is empty, not the member
	// row's "17.06.04"; the member's model and serial.
	"cisco-iosxe-c9200l-standalone": {"cisco-ios-xe", "Cisco", "C9200L-24P-4X", "JAE24410ABC", "IOS-XE", "17.6.4", "switch"},
	// A PIX 515E on PIX 7 ('Cisco PIX Security Appliance'): PIX-OS, as the
	// definition pixos names it, not ASA; ENTITY-MIB row 1's model and
	// serial, the release.
	"cisco-pix-515e": {"cisco-asa", "Cisco", "PIX-515E", "807312345", "PIX-OS", "7.2(4)", "firewall"},
	// The Catalyst 6500 Firewall Services Module ('Cisco Firewall Services
	// Module' in the sysDescr, which the definition pixos also detects):
	// before, cisco-generic without an OS.
	"cisco-fwsm": {"cisco-asa", "Cisco", "WS-SVC-FWM-1", "SAD104512AB", "PIX-OS", "4.1(5)", "firewall"},
	// An IE1000 (ciscoIE10004PTSLM, 9.1.2332), which the definition ios
	// takes by its registration whatever the sysDescr says: IOS, the
	// registration's product as the model, a switch by that model.
	"cisco-ie1000-registration": {"cisco-ios", "Cisco", "IE10004PTSLM", "", "IOS", "", "switch"},
}

func TestAuditCiscoFixtures(t *testing.T) { checkFixtures(t, auditCiscoFixtureDir, auditCiscoCases) }
