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
}

func TestAuditPrintersFixtures(t *testing.T) {
	checkFixtures(t, auditPrintersFixtureDir, auditPrintersCases)
}
