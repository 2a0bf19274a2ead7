package fingerprints

import (
	"testing"
)

// order101FixtureDir holds small walks written from the vendor MIBs for
// fq101's audit of the order in which LibreNMS's definitions take a device:
// definitions with no snmpget (the first pass) before those with one (the
// second), airos, freebsd and linux last; a profile reading a vendor's
// objects beyond any definition reads the first-pass definition's objects
// first where that definition takes the device.
const order101FixtureDir = "testdata/fixtures/order-101"

// order101Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var order101Cases = map[string]want{
	// A Citrix ADM on NetScaler's arc (5951.1, which the definition
	// netscaler takes in the first pass) answering NS-ROOT-MIB's system
	// scalars beside MAS-MIB's: netscaler's objects (sysHardwareVersionDesc,
	// sysHardwareSerialNumber, sysBuildVersion through its version_regex)
	// first, as citrix-sdx reads them; MAS-MIB's after.
	"citrix-adm-netscaler-arc-ns-root": {"citrix-adm", "Citrix", "NetScaler Virtual Appliance 450070", "K7Q2M4X9ZP", "ADM", "NS13.1", "appliance"},
	// The same arc, answering MAS-MIB alone: netscaler's objects state
	// nothing, so the appliance's own (systemPlatform, systemSerial,
	// systemBuildNumber).
	"citrix-adm-netscaler-arc-mas-only": {"citrix-adm", "Citrix", "MAS VPX", "VPX2H6R8T4", "ADM", "13.0-92.19", "appliance"},
	// An FSP 150CC on the arc the definition adva_fsp150 takes
	// ('.1.3.6.1.4.1.2544.1.12.1.1.', no snmpget, first pass) whose agent
	// answers ADVA-FSP3000ALM-MIB's inventoryType too: adva_fsp150's
	// (adva-fsp, ENTITY row 1), not adva-alm's object alternative (before,
	// adva-alm's: ALM-8-PORT, its serial and firmware package).
	"adva-fsp150cc-answering-alm-shelf": {"adva-fsp", "ADVA", "GE112 1.04", "FA62345678901", "", "7.1.1-221", "switch"},
	// An ALM on an ADVA registration no definition takes, answering
	// inventoryType: still adva-alm's, by its objects.
	"adva-alm-other-arc-inventory-type": {"adva-alm", "ADVA", "ALM-16-PORT", "FA53456789012", "", "1.3.4", "appliance"},
	// An APC rack PDU registration (masterSwitchrPDU, 318.1.3.4.5), which
	// the definition apc takes with no snmpget in the first pass, whose
	// card answers the Easy ePDU table too: apc's (apc-nmc: the sysDescr's
	// words after 'APC' and its PF/AF1 releases, as Apc.php reads them),
	// the table's serial after, apc's objects stating none (before,
	// apc-epdu's: EPDU1016B, 'Ver 1.2.6').
	"apc-epdu-table-on-apc-arc": {"apc-nmc", "APC", "Web/SNMP Management Card", "3A1234X56789", "AOS", "AOS v6.2.1 / App v6.2.1", "pdu"},
	// The same on masterSwitchrPDU2 (318.1.3.4.6) with CPDU-MIB's name
	// plate: apc's, not apc-cpdu's (that definition takes 318.1.1.32.1
	// alone); the name plate's serial after (before, apc-cpdu's:
	// APDU10450SW, '1.0.4').
	"apc-cpdu-nameplate-on-apc-arc": {"apc-nmc", "APC", "Web/SNMP Management Card", "5A2134P00321", "AOS", "AOS v6.9.6 / App v6.9.6", "pdu"},
}

// TestOrder101Fixtures checks each profile on its fixture: the winning
// profile and every field, with evidence (check).
func TestOrder101Fixtures(t *testing.T) {
	checkFixtures(t, order101FixtureDir, order101Cases)
}
