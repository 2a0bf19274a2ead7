package fingerprints

import (
	"testing"
)

// sysDescrShapesFixtureDir holds small walks whose sysDescr lines are Rapid7 Recog's
// documented examples (snmp_sysdescr.xml, BSD licence, LICENSE there): the
// shapes real devices print that a profile of the family read badly or not
// at all; the other values are written from the vendors' MIBs.
const sysDescrShapesFixtureDir = "testdata/fixtures/sysdescr-shapes"

// sysDescrShapesCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var sysDescrShapesCases = map[string]want{
	// Dell's own printer registration: the Lexmark-built models' "version"
	// and the Samsung-built models' main firmware (not the engine's), the
	// product without the release that follows it.
	"dell-printer-lexmark-fw": {"dell-printer", "Dell", "Laser Printer 1720dn", "", "", "NM.NA.N099", "printer"},
	"dell-printer-main-fw":    {"dell-printer", "Dell", "1235cn", "GJ8TJH1", "", "1.70.01.06", "printer"},
	// DrayTek: the release as the definition's (draytek) pattern reads it,
	// the build's flavour kept, a second copy after a slash not (fpZ).
	"draytek-vigor-flavour":        {"draytek-vigor", "DrayTek", "Vigor2766", "", "DrayOS", "4.3.1_STD", "router"},
	"draytek-sysdescr-second-copy": {"draytek-vigor", "DrayTek", "Vigor300B", "", "DrayOS", "1.5.1.2_Beta", "router"},
	// NetBotz appliances of the 2000s: the FV field. The model is the name
	// NETBOTZ410-MIB registers the sysObjectID (5528.100.20.10.2000) as,
	// the hardware the definition (netbotz) writes (fpZ).
	"netbotz-wallbotz-fv": {"apc-netbotz", "APC", "netBotzWallBotz500", "", "NetBotz", "A1_3_71_136-20021216P", "sensor"},
	// BayStack: SW:V in capitals (not FW:), the line's own name.
	"nortel-baystack-sw": {"avaya-boss", "Nortel", "BayStack 450-24T", "", "BOSS", "1.0.0.8", "switch"},
	// The Accelar before the Passport name.
	"nortel-accelar": {"avaya-ers-passport", "Nortel", "Accelar-8106", "", "", "3.0.1", "switch"},
	// Lantronix NTS: the serial before the firmware.
	"lantronix-nts-serial": {"lantronix-uds", "Lantronix", "NTS", "0239032", "", "04.4", "appliance"},
	// 3Com: the Comware-based switches' release in h3c-comware's form,
	// 3Com OS's build and patch, the routers' software (not the build).
	"3com-baseline-comware-release": {"3com-switch", "3Com", "Baseline Switch 2928-SFP Plus", "", "", "5.20 Release 1511", "switch"},
	"3com-os-build-patch":           {"3com-switch", "3Com", "Switch 4500 50-Port", "", "", "3Com OS V3.03.02s168p09", "switch"}, // after Version, as ThreeCom.php (fpQ)
	"3com-router-software":          {"3com-switch", "3Com", "Router 3030", "", "", "2.04", "router"},
	// SIMATIC S7 controllers and HMI panels: product, firmware in its
	// three forms, the serial after the firmware.
	"siemens-simatic-s7":                 {"siemens-scalance", "Siemens", "CPU315-2 PN/DP", "S C-V4P07826200", "", "2.5.0", "appliance"},
	"siemens-simatic-s7-1200-unlabelled": {"siemens-scalance", "Siemens", "CPU-1200", "SZVA1YU6008610", "", "1.0.1", "appliance"},
	"siemens-simatic-hmi-panel":          {"siemens-scalance", "Siemens", "MP177", "", "", "1.0.0", "appliance"},
	// Families no profile read: HP 3000 on MPE/iX, Juniper WX, Nokia IPSO,
	// BayRS routers, CS 1000, Paradyne; printers on Lexmark's firmware
	// under another name, and Lexmark's own products of several words.
	"hp-3000-mpe":  {"hp-3000-mpe", "HP", "e3000/N4000-400-75", "", "MPE/iX", "C.75.05", "server"},
	"juniper-wx":   {"juniper-wx", "Juniper Networks", "WXC-500", "0050001234", "WX OS", "5.7.7.0_PD1", "appliance"},
	"nokia-ipso":   {"nokia-ipso", "Nokia", "IP650", "48A0512345", "IPSO", "3.7.1", "firewall"},
	"nortel-bayrs": {"nortel-bayrs", "Nortel", "", "", "BayRS", "15.7.1.0", "router"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 7.50.17-00, not Linux's): an OS is named beside its own release only.
	"nortel-cs1000":                   {"nortel-cs1000", "Avaya", "CS 1000", "", "", "7.50.17-00", "appliance"},
	"nortel-cs1000-release-issue":     {"nortel-cs1000", "Nortel", "CS 1000S/M", "", "", "4.50", "appliance"},
	"paradyne-dsl-unit":               {"paradyne", "Paradyne", "4211-A1-530", "6066448", "", "02.03.04", "router"},
	"paradyne-bitstorm":               {"paradyne", "Paradyne", "BitStorm 4800", "", "", "01.00.09", "switch"},
	"lexmark-oem-source-technologies": {"lexmark-oem-printer", "Source Technologies", "ST-9620", "7926K4K", "", "NR.APS.N447b2", "printer"},
	"lexmark-oem-infoprint":           {"lexmark-oem-printer", "IBM", "InfoPrint 1832", "", "", "NR.APS.N447b2", "printer"},
	"lexmark-forms-printer":           {"lexmark-printer", "Lexmark", "Forms Printer 2580", "", "", "LC.CO.N061", "printer"},
	// HiPath / IdentiFi controllers by their sysDescr where the MIB's
	// objects do not answer; Nortel Secure Routers, Océ printers,
	// Rockwell controllers by theirs.
	"extreme-ewc-sysdescr":        {"extreme-ewc", "Extreme Networks", "C2400", "", "", "07.41.01.0192", "wireless_controller"},
	"extreme-ewc-siemens-release": {"extreme-ewc", "Extreme Networks", "", "", "", "V5 R3.10404.0", "wireless_controller"},
	"nortel-secure-router":        {"nortel-secure-router", "Nortel", "SR 1001", "", "", "r8.3.5", "router"},
	"oce-printer":                 {"oce-printer", "Océ", "VarioPrint 135", "2930140213", "", "R2.1.0.0", "printer"},
	"rockwell-micrologix":         {"rockwell-automation", "Rockwell Automation", "1766-L32BWA", "", "", "10.0", "appliance"},
	// Products the sysDescr names where no profile read them: Cisco NAM and
	// TelePresence MCUs, Crestron, Lenel panels, Raritan CC-SG, Toshiba
	// TEC barcode printers.
	"cisco-nam":              {"cisco-nam", "Cisco", "WS-SVC-NAM-2", "", "NAM", "3.6(1b)", "appliance"},
	"cisco-telepresence-mcu": {"cisco-telepresence-mcu", "Cisco", "HD MCU 4520", "", "", "", "appliance"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 2.4.2.1, not Linux's): an OS is named beside its own release only.
	"crestron": {"crestron", "Crestron", "AM-100", "", "", "2.4.2.1", "appliance"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.17.3, not Linux's): an OS is named beside its own release only.
	"lenel-controller":    {"lenel-controller", "Lenel", "LNL-2220", "", "", "1.17.3", "appliance"},
	"raritan-ccsg":        {"raritan-ccsg", "Raritan", "CCSG128-VA", "", "CC-SG", "5.3.0.5.8", "appliance"},
	"toshiba-tec-barcode": {"toshiba-tec-printer", "Toshiba", "B-FV4", "", "", "", "printer"},
	// ORiNOCO-firmware access points under Avaya's and ProCurve's names,
	// Lantronix CoBox under others': firmware and serial from the sysDescr.
	"orinoco-ap-avaya":    {"orinoco-ap", "Avaya", "AP-3", "01UT47560491", "", "2.4.5(758)", "access_point"},
	"orinoco-ap-procurve": {"orinoco-ap", "HP", "AP 520wl", "PG44JL9CWY23", "", "2.4.5(758)", "access_point"},
	"lantronix-cobox":     {"lantronix-cobox", "Lantronix", "CoBox", "7107590", "", "04.5", "appliance"},
	// Cabletron's enterprise, and Asentria's SNMP-Link units.
	"cabletron-rev":      {"cabletron", "Cabletron", "2E42-27R", "", "", "04.07.07", "switch"},
	"asentria-snmp-link": {"asentria-siteboss", "Asentria", "SNMP-Link SL61", "", "", "1.10", "sensor"},
	// Axis print servers; HP's Avocent-built IP Console Switches.
	"axis-print-server":    {"axis-camera", "Axis", "560", "", "AXIS OS", "5.36", "appliance"},
	"hp-ip-console-switch": {"avocent-acs", "HP", "AF621", "", "", "1.20.0.22575", "appliance"},
	// Reliant UNIX servers, MRV LX console servers.
	"siemens-reliant-unix": {"siemens-reliant-unix", "Siemens", "RM400", "", "Reliant UNIX", "5.45", "server"},
	"mrv-lx":               {"mrv-lx", "MRV", "LX-4032T", "", "", "5.3.9", "appliance"},
}

func TestSysDescrShapesFixtures(t *testing.T) {
	checkFixtures(t, sysDescrShapesFixtureDir, sysDescrShapesCases)
}
