package fingerprints

import (
	"testing"
)

// variants24FixtureDir holds small walks written from the vendor MIBs for
// the heavy families on the shapes real devices have (fq24): stacks and
// virtual chassis, chassis with cards, sysDescr variants across releases
// and product lines, placeholders on the chassis row.
const variants24FixtureDir = "testdata/fixtures/variants-24"

// variants24Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var variants24Cases = map[string]want{
	// An IRF fabric of two HPE 5130s (Comware 7), a chassis row per
	// member: the product line of sysDescr as the definition (comware)
	// reads the hardware, the first hh3cEntityExtManuSerialNum row
	// (member 1's) as its class (Comware.php) sets the serial, and the
	// version as the definition's pattern captures it, the digits and
	// dots after "Version " alone (the release is its features).
	"comware7-irf-two-members": {"h3c-comware", "HPE", "5130 24G 4SFP+ EI Switch", "210235A1JTB17A000456", "Comware", "7.1.070", "switch"},
	// A FlexFabric switch ("HPE FF 5930 32QSFP+ Switch" on the product
	// line): the definition's (comware) pattern tries "HPE " before "HPE
	// FF ", so its hardware keeps the FF (was "5930 32QSFP+ Switch").
	"comware7-flexfabric-ff": {"h3c-comware", "HPE", "FF 5930 32QSFP+ Switch", "210235A2BSH19A000321", "Comware", "7.1.045", "switch"},
	// Nortel's BOSS lines that are no Ethernet Routing Switch keep their
	// line's name, as a BayStack does: the Ethernet Switch 470 (the
	// BayStack 470 renamed; its registration sreg-BayStack470-48T) and the
	// Business Policy Switch 2000 (sreg-BPS2000-24T). Boss.php writes
	// "ERS-" for "Ethernet Routing Switch " alone (was ERS-470-48T and
	// ERS-2000, products they are not).
	"nortel-ethernet-switch-470":    {"avaya-boss", "Nortel", "Ethernet Switch 470-48T", "SDNIB40A1C", "BOSS", "3.7.2.04", "switch"},
	"nortel-business-policy-switch": {"avaya-boss", "Nortel", "Business Policy Switch 2000", "SDNIB20B2D", "BOSS", "2.5.0.01", "switch"},
	// A VOSS chassis (VSP 8404C) whose own ENTITY row leaves the serial
	// empty and whose one card row has its own: rcChasSerialNumber, the
	// serial the definition (voss) reads, not the card's (was the card's
	// SDNI8424A1B2); the hardware the word before the bracketed release,
	// its persona kept, as the definition's pattern reads it.
	"voss-chassis-cards": {"extreme-voss", "Extreme Networks", "VSP-8404C-VOSS", "15JP4310ABCD", "VOSS", "8.3.1.0", "switch"},
	// An ArubaOS-CX VSF stack of two 6300Ms (no row 1; each member's
	// chassis at 10N001): entPhysicalDescr, entPhysicalSerialNum and
	// entPhysicalSoftwareRev of row 101001, member 1's, as the definition
	// (arubaos-cx) reads them after row 1 (found right, recorded).
	"arubacx-vsf-two-members": {"aruba-os-cx", "HPE", "JL659A 6300M 48SR5 CL6 PoE 4SFP56 Swch", "SG0AKMX0AB", "ArubaOS-CX", "FL.10.10.1030", "switch"},
	// A ProCurve 2524 on its first firmware train, "HP J4813A ProCurve
	// Switch 2524, revision F.05.17": the hardware as the definition
	// (procurve) reads it (all between "HP" and ", revision", " Switch"
	// out), SEMI-MIB's serial, hpSwitchOsVersion; ProCurve, as the
	// profile names the ProCurve releases (was ArubaOS-Switch).
	"procurve-hp-prefix-2524": {"hp-procurve", "HPE", "J4813A ProCurve 2524", "TW117RW04K", "ProCurve", "F.05.17", "switch"},
	// H3C's WA access points in standalone mode run Comware ("H3C
	// WA4320i-ACN" on the product line; registration hh3cWA4320iACN): an
	// access point (was wireless_controller); the WAC380 is an access
	// controller (was switch). Hardware, version and serial as for the
	// switches.
	"comware-wa-fat-ap":      {"h3c-comware", "H3C", "WA4320i-ACN", "219801A0YQ8173E00412", "Comware", "5.20", "access_point"},
	"comware-wac-controller": {"h3c-comware", "H3C", "WAC380", "219801A1NX820BQ00051", "Comware", "7.1.064", "wireless_controller"},
	// Huawei's WLAN products on VRP: a standalone (Fat) AirEngine 5760-10
	// (registered under HUAWEI-MIB wlanAp, hwProducts 39) is an access
	// point (was wireless_controller, its sysDescr beginning "AirEngine"),
	// an AirEngine 9700-M1 (under wlan, hwProducts 240, the controllers) a
	// controller. Hardware and release as the definition (vrp) reads
	// them, hwDeviceEsn.
	"huawei-airengine-fat-ap": {"huawei-vrp", "Huawei", "AirEngine5760-10 FAT", "2102353VUR10K7000123", "VRP", "5.170 (V200R019C10SPC300)", "access_point"},
	"huawei-airengine-ac":     {"huawei-vrp", "Huawei", "AirEngine9700-M1", "2102313TPN10L3000456", "VRP", "5.170 (V200R021C00SPC100)", "wireless_controller"},
	// A Comware 7 router chassis (SR8808) whose sysDescr names no product:
	// the ENTITY chassis row's model (the stack row's "STACK MODE"
	// aside), the first hh3cEntityExtManuSerialNum row's serial (the
	// stack row's, as Comware.php reads it), and a router by its model's
	// line (was switch).
	"comware-router-entity-model": {"h3c-comware", "H3C", "SR8808", "210231A2PJB19A000311", "Comware", "7.1.064", "router"},
	// Palo Alto's Panorama (M-200, panM-200) and WildFire (WF-500,
	// panWF-500) appliances answer PAN-COMMON-MIB as the firewalls do:
	// panChassisType, panSysSerialNumber and panSysSwVersion, as the
	// definition (panos) reads them; appliances by their PAN-PRODUCT-MIB
	// registration, no firewall (was firewall).
	"paloalto-panorama-m200":  {"paloalto-panos", "Palo Alto Networks", "M-200", "000710001234", "PAN-OS", "10.2.4-h4", "appliance"},
	"paloalto-wildfire-wf500": {"paloalto-panos", "Palo Alto Networks", "WF-500", "009701004321", "PAN-OS", "10.1.11", "appliance"},
	// A SummitWM 200 wireless controller on its extremeProducts
	// registration (summitWM200, 1916.2.94), which the definition (xos)
	// detects and names from its table: a wireless controller, not a
	// switch (was switch).
	// fq36: no OS, a WLAN controller running no ExtremeXOS (was EXOS).
	"extreme-summitwm-200": {"extreme-nonswitch", "Extreme Networks", "SummitWM 200", "", "", "", "wireless_controller"},
	// A UniFi switch on net-snmp's Linux registration ("USW-Lite-8-PoE,
	// 6.6.61.15220, Linux 4.4.153"), which the definition edgeswitch
	// detects by '^USW[ -]' and reads entPhysicalSerialNum.1 of: that
	// serial (was none, no FASTPATH agentInventorySerialNumber answering).
	"unifi-usw-entity-serial": {"ubiquiti-unifi-sysdescr", "Ubiquiti", "USW-Lite-8-PoE", "E063DA1A2B3C", "UniFi", "6.6.61.15220", "switch"},
}

func TestVariants24Fixtures(t *testing.T) { checkFixtures(t, variants24FixtureDir, variants24Cases) }
