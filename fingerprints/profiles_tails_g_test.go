package fingerprints

import (
	"testing"
)

// tailsGFixtureDir holds small walks written from the vendor MIBs and the
// device-support definitions for the review of the printer families
// (Brother, OKI) and the named tails (Cisco Small Business on other
// arcs, QNAP): which devices each profile catches and which objects, in
// which order and form, give its values.
const tailsGFixtureDir = "testdata/fixtures/tails-g"

// tailsGCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var tailsGCases = map[string]want{
	// Cisco Small Business (definition ciscosb, Ciscosb.php): the model
	// with CISCOSB-DEVICEPARAMS-MIB genGroupHWVersion after it, the
	// release as 'Software <unit 1>, Bootldr <rndBaseBootVersion>,
	// Firmware <unit 1's firmware>' (before: the model and the software
	// version alone).
	"cisco-sb-boot-firmware": {"cisco-sb", "Cisco", "SG350-28P-K9 V02", "DNI2217A1CD", "", "Software 2.5.9.16, Bootldr 1.4.2.4, Firmware 1.4.2.4", "switch"},
	// Without genGroupHWVersion, unit 1's rlPhdUnitGenParamHardwareVersion;
	// without the boot version, the firmware alone after the software.
	"cisco-sb-unit-hw-version": {"cisco-sb", "Cisco", "SG300-10 V01", "PSZ17031A3C", "", "Software 1.4.8.6, Firmware 1.3.5.06", "switch"},
	// No unit model name: the product the definition's sysDescr pattern
	// takes ('SF302-08 8-Port ...' -> SF302-08), ahead of the ENTITY
	// chassis (SF302-08-K9, before), with the hardware version.
	"cisco-sb-sysdescr-hardware": {"cisco-sb", "Cisco", "SF302-08 V02", "PSZ16121B4D", "", "Software 1.4.1.3, Bootldr 1.3.5.06", "switch"},
	// No unit model name on a CBS350: the product the definition's CBS
	// sysDescr pattern takes, with unit 1's hardware version (before:
	// CBS350-24P-4G alone).
	"cisco-cbs-sysdescr-hw-version": {"cisco-sb", "Cisco", "CBS350-24P-4G V02", "FOC2419Y0AB", "", "Software 3.2.0.84", "switch"},
	// The SG220-26 its registration (9.6.1.89.26.1) names, as Ciscosb.php
	// writes it where nothing else names the hardware (before: none).
	"cisco-sb-sg220-registration": {"cisco-sb", "Cisco", "SG220-26", "", "", "Software 1.1.2.1", "switch"},
	// A Catalyst 1200 by its sysDescr on any sysObjectID, as the definition
	// detects it (before: generic rules only, no vendor or model).
	"cisco-catalyst-1200-other-arc": {"cisco-sb", "Cisco", "C1200-8P-E-2G V01", "PSZ27461DEF", "", "Software 4.1.3.36, Bootldr 1.0.0.10", "switch"},
	// Linksys's 3955.6 registrations, which the definition detects
	// (before: generic rules only, no serial or release); Linksys's
	// product the sysDescr names, as linksys-ss reads it.
	"linksys-srw-cisco-firmware": {"cisco-sb", "Linksys", "SRW2048", "CNX02345678", "", "Software 1.2.2.3", "switch"},
	// '^Linksys SLM' on any sysObjectID, as the definition detects it
	// (before: generic rules only, no serial or release).
	"linksys-slm-sysdescr": {"cisco-sb", "Linksys", "SLM2008", "CNZ01234567", "", "Software 1.0.2", "switch"},
	// QNAP (definition qnap, Qnap.php): NAS-MIB enclosureModel before
	// modelName, ENTITY-MIB entPhysicalFirmwareRev before the QTS release
	// a sysDescr states (before: TS-873A, 5.1.3).
	"qnap-enclosure-model-first": {"qnap-qts", "QNAP", "TS-873AeU-RP", "Q21AI23456", "QTS", "5.1.3.2578", "storage"},
	// 'Linux TS-' with a QNAP ENTITY chassis on a sysObjectID other than
	// net-snmp's Linux one, as the definition detects it (before:
	// linux-sysdescr, a server, the kernel's release).
	"qnap-entity-other-arc": {"qnap-qts-entity", "QNAP", "TS-464", "Q23BI98765", "QTS", "5.1.4.2596", "storage"},
	// Brother (Brother.php): brmDNSPrinterName before hrDeviceDescr,
	// brInfoSerialNumber before prtGeneralSerialNumber,
	// brpsFirmwareDescription's 'Ver.' release before the print server's
	// in the sysDescr (before: NC-8300h, E71234A5N123456, 1.11).
	"brother-mdns-name-first": {"brother-printer", "Brother", "HL-5450DN", "E71234A5N654321", "", "1.15", "printer"},
	// OKI (definition okilan): the printer an OkiLAN print server's
	// sysDescr names after 'Attached to', before the card's own model
	// object (before: OkiLAN 8100e).
	"oki-okilan-attached-first": {"oki-printer", "OKI", "C5650", "", "", "N5.02", "printer"},
	// Printers whose definitions name no serial object (toshiba-tec,
	// okilan): the Printer-MIB's prtGeneralSerialNumber, which the
	// device-support code's printers take (Shared\Printer), before the
	// maker's own object (before: bcpProductNumber, OKI's serial object).
	"toshiba-printer-mib-serial-first": {"toshiba-tec-printer", "Toshiba", "e-STUDIO3515AC", "CNLK23456", "", "T540HD0W1300", "printer"},
	"oki-printer-mib-serial-first":     {"oki-printer", "OKI", "C532", "AK9B054321", "", "A1.11", "printer"},
	// An IES DSLAM/MSAN ('IES' in the sysDescr, definition ies) that also
	// answers ENTITY-MIB: ZYXEL-AS-MIB accessSwitchFWVersion, the version
	// the definition reads, first (before: the ENTITY row's 1.0.0).
	"zyxel-ies-access-fw-first": {"zyxel", "Zyxel", "IES-5206", "", "", "V4.02(AAVX.1)b2", "switch"},
	// An IES-5000 (definition ies5000) that also answers ZYXEL-ES-COMMON:
	// the chassis serial and slot 1's firmware the definition reads, first
	// (before: sysProductSerialNumber and sysSwVersionString).
	"zyxel-ies5000-slot-first": {"zyxel", "Zyxel", "IES-5000M", "S100Z47023456", "", "V3.55(AAPJ.1)b2", "switch"},
}

func TestTailsGFixtures(t *testing.T) {
	checkFixtures(t, tailsGFixtureDir, tailsGCases)
}
