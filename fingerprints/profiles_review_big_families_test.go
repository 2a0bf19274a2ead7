package fingerprints

import (
	"testing"
)

// reviewBigFamiliesFixtureDir holds small walks written from the vendor
// MIBs for the review of the big families' profiles (Cisco, Juniper,
// Arista, HPE, H3C, Huawei, the switching makers) against the
// device-support definitions: which devices they catch and which values
// they give.
const reviewBigFamiliesFixtureDir = "testdata/fixtures/review-big-families"

// reviewBigFamiliesCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var reviewBigFamiliesCases = map[string]want{
	// Cisco's operating systems by their sysDescr on another registration
	// than Cisco's, as the definitions (ios, iosxe, nxos) detect them.
	"cisco-ios-other-registration":    {"cisco-os-sysdescr", "Cisco", "WS-C2960X-48FPD-L", "FOC2041X1QZ", "IOS", "15.2(7)E4", "switch"},
	"cisco-ios-xe-other-registration": {"cisco-os-sysdescr", "Cisco", "ISR4331/K9", "FDO22170M3K", "IOS-XE", "17.06.05", "router"},
	"cisco-nx-os-other-registration":  {"cisco-os-sysdescr", "Cisco", "N9K-C93180YC-FX", "FDO23451ABC", "NX-OS", "9.3(10)", "switch"},
	// Junos by 'kernel JUNOS' on net-snmp's BSD registration (junos).
	"juniper-junos-other-registration": {"juniper-junos-sysdescr", "Juniper Networks", "EX4300-48P", "PE3717080123", "Junos", "21.4R3-S4.9", "switch"},
	// A Comware switch on H3C's enterprise whose sysDescr names the
	// product alone (the definition comware detects every 25506
	// registration): the chassis row, the release in Comware's form, the
	// version alone as the definition (comware) captures it (since fq24;
	// was "7.1.070 Release 1122P06").
	"h3c-comware-registration": {"h3c-comware-oid", "H3C", "S5560X-30C-EI", "210235A2HSH20B000123", "Comware", "7.1.070", "switch"},
	// Cisco Business Wireless by its sysDescr (ciscowlc detects it beside
	// AireOS's 'Cisco Controller'): AIRESPACE-SWITCHING-MIB's inventory.
	"cisco-business-wireless": {"cisco-wlc", "Cisco", "CBW150AX-E", "PSZ26331ABC", "AireOS", "10.6.1.0", "wireless_controller"},
	// ProVision switches' names where the first word of four digits is
	// not the name: the E-series names (HP wrote E3500yl-24G), and a blade
	// switch's part number before its name.
	"hp-procurve-e-series":          {"hp-procurve", "HPE", "J8692A E3500yl-24G", "SG812AB0CD", "ArubaOS-Switch", "K.15.10.0009", "switch"}, // the hardware as the definition (procurve) reads it: product number and name
	"hp-procurve-blade-part-number": {"hp-procurve", "HPE", "516733-B21 6120XG Blade", "TW0123XYZ9", "ProCurve", "Z.14.52", "switch"},       // the hardware as the definition (procurve) reads it: product number and name
	// A SCALANCE S firewall's lettered firmware and the serial after it;
	// not the hardware's version for the release.
	"siemens-scalance-s-firewall": {"siemens-scalance", "Siemens", "Scalance S623", "VPK1234567", "SCALANCE", "T04.01.00.00_01.02.00.01", "firewall"},
}

func TestReviewBigFamiliesFixtures(t *testing.T) {
	checkFixtures(t, reviewBigFamiliesFixtureDir, reviewBigFamiliesCases)
}
