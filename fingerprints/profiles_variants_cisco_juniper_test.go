package fingerprints

import (
	"testing"
)

// ciscoJuniperFixtureDir holds small walks, written from the vendors' MIBs and the
// sysDescr shapes they document, of variants of the biggest families
// (Cisco, Juniper, Arista): virtual editions, contexts, rebranded boxes
// and other shapes the first profiles of these families missed.
const ciscoJuniperFixtureDir = "testdata/fixtures/variants-cisco-juniper"

// ciscoJuniperCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var ciscoJuniperCases = map[string]want{
	// An ASA security context answers without ENTITY-MIB: the appliance
	// its registration (ciscoASA5520sc) names, without the suffix.
	// fq103: model was ASA5520 (the display form without the suffix), now
	// ciscoASA5520sc: the definition asa's hardware_mib (CISCO-PRODUCTS-MIB)
	// states the registration's label as the MIB writes it where ENTITY rows
	// 1 and 4 name none, as cisco-fxos and cisco-ucos state theirs.
	"cisco-asa-context": {"cisco-asa", "Cisco", "ciscoASA5520sc", "", "ASA", "8.4(7)30", "firewall"},
	// IOS XRv names its platform in words, "(Cisco IOS XRv 9000 Series)":
	// the whole parenthesis, as the device-support code (Iosxr.php) reads
	// it (fpQ: it was "IOS XRv 9000").
	"cisco-iosxrv": {"cisco-ios-xr", "Cisco", "IOS XRv 9000 Series", "", "IOS-XR", "6.1.2", "router"},
	// IOS XR on a 12000 names platform and route processor before a
	// comma: the model without the closing parenthesis.
	"cisco-iosxr-gsr": {"cisco-ios-xr", "Cisco", "12404/PRP", "", "IOS-XR", "3.9.1", "router"},
	// Meraki firmware that writes "Cisco Meraki MS250-48LP ...". Since
	// fq13 the sysDescr's run as the definition (merakims) reads it,
	// without the vendor's 'Cisco' (before, "MS250-48LP").
	"cisco-meraki-cisco-prefix": {"cisco-meraki", "Cisco", "Meraki MS250-48LP Cloud Managed PoE Switch", "", "Meraki", "", "switch"},
	// vEOS: "running on an Arista vEOS-lab", without "Networks".
	"arista-veos-lab": {"arista-eos", "Arista Networks", "vEOS-lab", "", "EOS", "4.30.6M", "switch"},
	// A Dell-branded EX switch: "Inc. DELL J-EX4200-48P internet router".
	// fq70: model 'DELL' (was 'J-EX4200-48P'): Junos.php's sysDescr
	// pattern 'Juniper Networks, Inc. (?<hardware>\S+) .* kernel JUNOS'
	// takes the word after 'Inc. ', upper-cased, before jnxBoxDescr (which
	// this walk lacks); the product the line names follows only where
	// that pattern fails. owner: J-EX4200-48P again, the word after
	// 'DELL ': the brand is no model (fq70's bb7b7fe stated 'DELL').
	"juniper-dell-ex": {"juniper-junos", "Juniper Networks", "J-EX4200-48P", "BP0210345678", "Junos", "11.4R7.5", "switch"},
	// An ASA Service Module whose chassis row is a bare container: row 4,
	// as the device-support definition (asa) reads it, not the
	// registration (ciscoASASm1).
	"cisco-asa-service-module": {"cisco-asa", "Cisco", "WS-SVC-ASA-SM1", "SAD123456AB", "ASA", "9.12(4)", "firewall"},
	// Nexus and UCS fabric interconnects without the ENTITY chassis row:
	// the CISCO-ENTITY-VENDORTYPE-OID-MIB chassis their sysObjectID names
	// (cevChassisN5kC5548UP, cevChassisUCSFI6248UP) written as the product
	// ID, not "ChassisN5kC5548UP".
	"cisco-nxos-registry":   {"cisco-nx-os", "Cisco", "N5K-C5548UP", "", "NX-OS", "7.3(8)N1(1)", "switch"},
	"cisco-ucs-fi-registry": {"cisco-ucs-fi", "Cisco", "UCS-FI-6248UP", "", "NX-OS", "5.2(3)N2(2.31a)", "switch"},
	// A Catalyst 9300 without the ENTITY chassis row: its registration
	// names the family's stack (ciscoCat9300FixedSwitchStack), read as
	// the family, Catalyst 9300. The release as the shared Cisco OS
	// discovery (iosxe) writes a bracketed train's sysDescr: the image and
	// the release.
	// fq116: was "Catalyst 9300" (the registry's display form); now
	// "ciscoCat9300FixedSwitchStack", the CISCO-PRODUCTS-MIB label
	// Cisco.php (iosxe) translates the sysObjectID to where ENTITY names
	// nothing.
	"cisco-cat9300-registry": {"cisco-ios-xe", "Cisco", "ciscoCat9300FixedSwitchStack", "", "IOS-XE", "CAT9K_IOSXE 17.9.4", "switch"},
	// A Catalyst 2960L without ENTITY-MIB: its registration
	// (ciscoCatWSC2960LSM24PS) written as the product ID.
	// fq116: was "WS-C2960L-SM-24PS" (the registry's display form); now
	// "ciscoCatWSC2960LSM24PS", the CISCO-PRODUCTS-MIB label Cisco.php (ios)
	// states where ENTITY names nothing.
	"cisco-2960l-registry": {"cisco-ios", "Cisco", "ciscoCatWSC2960LSM24PS", "", "IOS", "15.2(7)E3", "switch"},
	// A Juniper-branded MSS controller without trpzVersionString: the
	// release its sysDescr names ("Juniper Networks, Inc MX-8 7.6.2.3 REL").
	"juniper-mss-sysdescr": {"trapeze-mss", "Juniper Networks", "MX-8", "0472300123", "MSS", "7.6.2.3", "wireless_controller"},
}

func TestVariantsCiscoJuniperFixtures(t *testing.T) {
	checkFixtures(t, ciscoJuniperFixtureDir, ciscoJuniperCases)
}
