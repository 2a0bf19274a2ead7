package fingerprints

import (
	"testing"
)

// variantsIndustrialSMBFixtureDir holds small walks written from the vendor
// MIBs for the variants of the industrial and small-business families
// (Moxa, Hirschmann, Siemens, Phoenix Contact, Westermo, FS.com,
// Teltonika, DrayTek, Planet, Cisco Small Business, Ubiquiti, MikroTik):
// OS trains, old and new firmware, platforms, read from each vendor's own
// objects.
const variantsIndustrialSMBFixtureDir = "testdata/fixtures/variants-industrial-smb"

// variantsIndustrialSMBCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var variantsIndustrialSMBCases = map[string]want{
	// A stack whose units keep IDs 2 up answers no unit 1 in
	// CISCOSB-Physicaldescription-MIB rlPhdUnitGenParamTable: the first
	// unit present (before: the sysDescr model, no serial or release).
	"cisco-sb-stack-no-unit1": {"cisco-sb", "Cisco", "SG350X-24P-K9", "DNI22370ABC", "", "2.5.9.54", "switch"},
	// The Catalyst 1300 is one of cisco-sb's alternatives now (was
	// cisco-catalyst-1x00); without unit 1 the definition states no
	// release, the first unit's stands alone.
	"cisco-catalyst-1300-stack": {"cisco-sb", "Cisco", "C1300-48FP-4X", "PSZ28110XYZ", "", "4.1.6.53", "switch"},
	// DrayTek's lines write a word and a space before the number (before:
	// "VigorAP", "VigorSwitch", "VigorLTE").
	"draytek-vigorap":     {"draytek-vigor", "DrayTek", "VigorAP 903", "", "DrayOS", "1.4.3", "access_point"},
	"draytek-vigorswitch": {"draytek-vigor", "DrayTek", "VigorSwitch P2280x", "", "DrayOS", "2.6.5", "switch"},
	"draytek-vigorlte":    {"draytek-vigor", "DrayTek", "VigorLTE 200n", "", "DrayOS", "3.9.7.2", "router"},
	// RUGGEDCOM ROS: RUGGEDCOM-SYS-INFO-MIB rcDeviceInfo's serial and main
	// firmware; newer firmware's Siemens layout names the serial last.
	// The main firmware object whole, as the definition (ros) reads the
	// version (it was cut to the release before).
	"ruggedcom-ros-rcdeviceinfo": {"siemens-ruggedcom", "Siemens", "RS900G", "S900G-1109-06613", "ROS", "v4.3.7 (Jun 12 2019 10:14)", "switch"},
	// The Siemens sysDescr layout: the definition (ros) takes all before
	// its first '-' as the hardware, "Siemens, RUGGEDCOM, RSG2488,
	// RSG2488" (was RSG2488 before fpL read ros.yaml).
	"ruggedcom-ros-siemens-sysdescr": {"siemens-ruggedcom", "Siemens", "Siemens, RUGGEDCOM, RSG2488, RSG2488", "RSG2488-0521-20311", "ROS", "5.6.0", "switch"},
	// Moxa's per-model MIBs sit under the product arc the sysObjectID
	// names: switchModel, firmwareVersion and serialNumber at its .1.2,
	// .1.4 and .1.78 for any EDS/IKS/PT model, the AWK overview group at
	// its .1.1 for any AWK model (before: only the listed models' arcs).
	"moxa-eds-product-arc": {"moxa-etherdevice", "Moxa", "EDS-518A-MM-SC", "TAEHB1077341", "", "V3.9 build 20061715", "switch"},
	"moxa-awk-product-arc": {"moxa-awk", "Moxa", "AWK-3131A-US", "TAIHB1104552", "", "V1.25 build 22031510", "access_point"},
	// SCALANCE SC-600 and S: Siemens's industrial security appliances
	// (before: typed router).
	"scalance-sc-security": {"siemens-scalance", "Siemens", "SCALANCE SC646-2C", "SVPM9876543", "SCALANCE", "02.03.00", "firewall"},
	// Hirschmann Classic whose sysDescr names the line alone ("Hirschmann
	// Railswitch"): the base unit's hmSysGroupDescription (before: the
	// model "Railswitch"); hmSysVersion whole, as the definition
	// (hirschmann) reads it (fpB: before, 08.0.03).
	"hirschmann-classic-line-only": {"hirschmann-classic", "Hirschmann", "RS30-0802O6O6SDAUHC", "943434031000023456", "Classic", "SW: L2E-08.0.03 CH: 1.00 BP: 001", "switch"},
	// RouterOS's release is mtxrLicVersion; without it, the ENTITY chassis
	// row's "RouterOS <release>" or the RouterBOOT bundled with the
	// installed RouterOS (mtxrFirmwareUpgradeVersion), never the boot
	// loader's current firmware (mtxrFirmwareVersion: 7.8 and 7.14.3 here,
	// 3.41 on an old board). The model is the sysDescr's board code, not
	// mtxrDisplayName's marketing name; a wAP board code is an AP.
	"mikrotik-routeros7-no-license":     {"mikrotik-routeros", "MikroTik", "CCR2004-16G-2S+", "HE60812ABCD", "RouterOS", "7.15.3", "router"},
	"mikrotik-routeros7-entity":         {"mikrotik-routeros", "MikroTik", "RB5009UG+S+", "HG109ABC1234", "RouterOS", "7.16.2", "router"},
	"mikrotik-routeros7-wap":            {"mikrotik-routeros", "MikroTik", "RBwAPG-60ad", "D0E21F0A5B6C", "RouterOS", "7.19.4", "access_point"},
	"mikrotik-routeros6-old-routerboot": {"mikrotik-routeros", "MikroTik", "RB951Ui-2HnD", "5A2B0C3D4E5F", "RouterOS", "6.49.10", "router"},
	// Firmware that answers zeroDotZero as its sysObjectID.
	"mikrotik-routeros-zerodotzero": {"mikrotik-routeros", "MikroTik", "RB912UAG-5HPnD", "7A3C05D1E2F3", "RouterOS", "6.48.6", "router"},
}

func TestVariantsIndustrialSMBFixtures(t *testing.T) {
	checkFixtures(t, variantsIndustrialSMBFixtureDir, variantsIndustrialSMBCases)
}
