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
	// without a release: the release the sysDescr states, as the
	// definition (iosxe, the shared Cisco OS discovery) reads it when
	// entPhysicalSoftwareRev.1 is empty, not the member row's "17.06.04";
	// the member's serial. That discovery's pattern for the
	// bracketed train ('[Bengaluru], ... (CAT9K_LITE_IOSXE), Version
	// 17.6.4') gives the image and the release (fpF's value-forms review).
	// Its hardware (Cisco.php): row 1 named a stack and no row 1001, so
	// row 1's name, "c92xx Stack" (was the member's C9200L-24P-4X before
	// fpL read Cisco.php's row 1000/1001 order).
	"cisco-iosxe-c9200l-standalone": {"cisco-ios-xe", "Cisco", "c92xx Stack", "JAE24410ABC", "IOS-XE", "CAT9K_LITE_IOSXE 17.6.4", "switch"},
	// A PIX 515E on PIX 7 ('Cisco PIX Security Appliance'): PIX-OS, as the
	// definition pixos names it, not ASA; ENTITY-MIB row 1's model and
	// serial, the release.
	// fq124: profile cisco-pix (was cisco-asa): pixos is read by
	// Shared/Cisco.php's own steps, not asa's os module; same fields.
	"cisco-pix-515e": {"cisco-pix", "Cisco", "PIX-515E", "807312345", "PIX-OS", "7.2(4)", "firewall"},
	// The Catalyst 6500 Firewall Services Module ('Cisco Firewall Services
	// Module' in the sysDescr, which the definition pixos also detects):
	// before, cisco-generic without an OS.
	// fq124: profile cisco-pix (was cisco-asa), as above; same fields.
	"cisco-fwsm": {"cisco-pix", "Cisco", "WS-SVC-FWM-1", "SAD104512AB", "PIX-OS", "4.1(5)", "firewall"},
	// An IE1000 (ciscoIE10004PTSLM, 9.1.2332), which the definition ios
	// takes by its registration whatever the sysDescr says: IOS, the
	// registration's product as the model, a switch by that model.
	// fq116: was "IE10004PTSLM"; now "ciscoIE10004PTSLM", the
	// CISCO-PRODUCTS-MIB label Cisco.php (ios) translates to.
	"cisco-ie1000-registration": {"cisco-ios", "Cisco", "ciscoIE10004PTSLM", "", "IOS", "", "switch"},
	// An ONS 15454 on Cerent's enterprise (3607), detected by 'Cisco ONS'
	// in the sysDescr as the definition (ons) detects it: before, no
	// profile and Cerent as the maker; the platform and release the
	// sysDescr names where ENTITY-MIB does not answer.
	"cisco-ons-15454": {"cisco-ons", "Cisco", "ONS 15454", "", "ONS", "10.5.2.2", "switch"},
	// A Cisco (Scientific Atlanta) cable gateway whose sysDescr has no
	// DOCSIS MODEL field: SA-HARDWARE-MIB saHwDescrModel.0 and
	// saHwDescrSerialNumber.0, the objects the definition (ciscoepc)
	// reads; before, no serial.
	"cisco-epc-sa-hardware": {"cisco-epc", "Cisco", "DPC3925", "240587113", "", "dpc3925-P20-18-v202r12811-130827c", "router"},
	// A D9865 on the registration the definition (ciscosat) detects
	// (1429.2.2.6.5) without the DSG unit group: a Cisco receiver, not
	// Scientific Atlanta's bare enterprise.
	"cisco-dsg-registration": {"cisco-dsg-receiver", "Cisco", "", "", "", "", "appliance"},
	// FTD on a Firepower 1120 (ciscoFpr1120td, 9.1.2663), one of the
	// registrations the definition (ftd) detects FTD by, with a sysDescr
	// that says 'Secure Firewall Threat Defense', not 'Firepower Threat
	// Defense': FTD, the chassis row's model and serial; before,
	// cisco-generic without an OS. The release with its build, as the
	// definition (ftd, sysDescr_regex 'Version (?<version>[^,]+)') writes
	// it (fpS; was "7.4.1").
	"cisco-ftd-secure-firewall": {"cisco-asa", "Cisco", "FPR-1120", "JMX2334X0AB", "FTD", "7.4.1 (Build 172)", "firewall"},
	// An FTD registration (ciscoFpr2110td, 9.1.2404) answering with a
	// Linux sysDescr: FTD as the definition (ftd) names it, the
	// registration's product; not the kernel's release (no_fill).
	"cisco-ftd-registration-linux": {"cisco-asa", "Cisco", "FPR-2110", "", "FTD", "", "firewall"},
	// A Global Site Selector (ciscoGSS, 9.1.517): 'Global Site Selector'
	// in the sysDescr, which the definition ios detects and reads as IOS
	// (the release the sysDescr states); a DNS load balancer. Before,
	// cisco-generic without an OS or kind.
	// fq116: was "" (no model); now "ciscoGSS", the CISCO-PRODUCTS-MIB
	// label Cisco.php (ios) states where ENTITY names nothing.
	"cisco-gss": {"cisco-ios", "Cisco", "ciscoGSS", "", "IOS", "4.1(1.0.0)", "load_balancer"},
	// An SPA112 phone adapter on the SPA registration (9.6.1.23.1.1.1),
	// which the definition (ciscospa) types as a voice gateway: an
	// appliance, as Grandstream's HT adapters are; before, phone.
	"cisco-spa-ata": {"cisco-spa", "Cisco", "SPA112", "", "", "", "appliance"},
	// An SPA504G desk phone on the same registration stays a phone.
	"cisco-spa-phone": {"cisco-spa", "Cisco", "SPA504G", "", "", "", "phone"},
}

func TestAuditCiscoFixtures(t *testing.T) { checkFixtures(t, auditCiscoFixtureDir, auditCiscoCases) }
