package fingerprints

import (
	"testing"
)

// auditPrintersFixtureDir holds small walks written from the vendor MIBs and
// the objects the device-support definitions name, for the audit of the
// printer families against the full copy of those definitions (the objects
// they read, in their order and form), and for leads in other families.
const auditPrintersFixtureDir = "testdata/fixtures/audit-printers"

// auditPrintersCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var auditPrintersCases = map[string]want{
	// Nokia ISAM: the main shelf's own statements, as the definition
	// (nokia-isam) reads them, before the sysDescr: ASAM-EQUIP-MIB
	// eqptHolderActualType.17 (the shelf's mnemonic) and
	// eqptHolderSerialNumber.17, ASAM-SYSTEM-MIB swEtsiVersion.0 as the
	// system writes it.
	"nokia-isam-holder": {"nokia-isam", "Nokia", "NFXS-E", "YP1931F2345", "ISAM", "R6.2.04m", "switch"},
	// Netonix: NETONIX-SWITCH-MIB firmwareVersion up to its last digit, as
	// the definition (netonix) trims release 1.3.9's display tail.
	"netonix-firmware-tail": {"netonix", "Netonix", "WS-8-150-DC", "", "", "1.3.9", "switch"},
	// Zebra: ESI-MIB genProductNumber, genSerialNumber and genVersion, the
	// objects the definition (zebra) reads, before the ZEBRA-QL-MIB ones
	// the same printer answers.
	"zebra-esi-and-ql": {"zebra-printer", "Zebra", "ZT410", "18J174205678", "", "V75.20.01Z", "printer"},
	// Zyxel's AC access concentrators ('^AC' in the sysDescr on 890, the
	// definition zyxelac): the kind, as the IES DSLAMs get it.
	"zyxel-ac": {"zyxel", "Zyxel", "AC-1000", "", "", "", "switch"},
	// HP: HP-LASERJET-COMMON-MIB model-name, the definition's (jetdirect)
	// hardware, before prtGeneralPrinterName, which an administrator may
	// have renamed.
	"hp-model-name-first": {"hp-printer", "HP", "LaserJet MFP M527", "CNBCN4B0ZX", "FutureSmart", "2409048_052604", "printer"},
	// Canon: CANON-MIB canPdInfoProductName, the definition's
	// (canonprinter) hardware, before hrDeviceDescr's driver-family name.
	"canon-product-name-first": {"canon-printer", "Canon", "iR-ADV C5535", "2FD01234", "", "74.03", "printer"},
	// Ricoh: its own product name (367.3.2.1.1.1.1) and firmware
	// (367.3.2.1.1.1.2) before the sysDescr and the Printer-MIB. The
	// serial was the engine's (ricohEngSerialNumber, 3110R912345); it is
	// now Printer-MIB prtGeneralSerialNumber.1 (3110R900123) (fq115):
	// main's definition ricoh has no os module (the old
	// includes/polling/os/ricoh.inc.php read Ricoh's objects), and its
	// group's class, Shared/Printer.php, reads prtGeneralSerialNumber.1.
	"ricoh-own-objects": {"ricoh-printer", "Ricoh", "IM C3000", "3110R900123", "", "1.02.1", "printer"},
	// Kyocera: kcprtSerialNumber, the definition's (kyocera) serial, before
	// prtGeneralSerialNumber.
	"kyocera-own-serial": {"kyocera-printer", "Kyocera", "ECOSYS M2540dn", "VCF9Z12345", "", "2S0_2F00.002.009", "printer"},
	// Sharp: the objects the definition (sharp) reads by number, the model
	// (2385.2.1.3.2.1.4.13501.1302.1) before hrDeviceDescr, the version
	// (2385.2.1.1.2.1.2.1).
	"sharp-definition-objects": {"sharp-printer", "Sharp", "MX-3071", "2506123400", "", "ZPL61030", "printer"},
	// Samsung's MultiXpress X line on net-snmp's arc, detected by 'Samsung
	// X' as the definition (samsungprinter) detects it; the S/N and
	// firmware its sysDescr states.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 6.00.01.17, not Linux's): an OS is named beside its own release only.
	"samsung-x-netsnmp": {"samsung-printer", "Samsung", "X4300", "0A2DBJAF500012X", "", "6.00.01.17", "printer"},
	// Samsung: the firmware after ';' without a 'V' and the sysDescr's S/N,
	// as the definition's sysDescr pattern reads them.
	"samsung-version-no-v": {"samsung-printer", "Samsung", "ML-2850", "4G21BKEQ700123", "", "1.01.00.39", "printer"},
	// A Lexmark-built Dell: Lexmark's 641.1.1.1.0, which the definition
	// (dell-laser) reads as the version over the sysDescr's.
	"dell-lexmark-641-version": {"dell-printer-oem", "Dell", "Laser Printer 5310n", "7Q1ABCD", "", "NR.APS.N449", "printer"},
}

func TestAuditPrintersFixtures(t *testing.T) {
	checkFixtures(t, auditPrintersFixtureDir, auditPrintersCases)
}
