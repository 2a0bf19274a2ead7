package fingerprints

import (
	"testing"
)

// leads60FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq60's leads: the serial (and model and
// release) sources of three switch families, in the order the
// device-support definitions read them.
const leads60FixtureDir = "testdata/fixtures/leads-60"

// leads60Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads60Cases = map[string]want{
	// EdgeSwitch (definition edgeswitch, os module serial:
	// ENTITY-MIB::entPhysicalSerialNum.1 and nothing else): a walk whose
	// FASTPATH inventory answers agentInventorySerialNumber but whose
	// ENTITY row 1 does not: the definition states none (no measure counts
	// it); the unit's inventory serial follows row 1 for the user's
	// inventory (owner, after fq60 left it empty).
	"edgeswitch-inventory-serial-only": {"ubiquiti-edgeswitch", "Ubiquiti", "EdgeSwitch 24-Port 250W", "F09FC2B7C8D9", "EdgeSwitch", "1.9.3.5294473", "switch"},
	// ENTITY row 1's serial, not agentInventorySerialNumber, where both
	// answer (edgeswitch reads the first only).
	"edgeswitch-entity-row1-serial": {"ubiquiti-edgeswitch", "Ubiquiti", "EdgeSwitch 16-Port XG", "F09FC2C1D2E3", "EdgeSwitch", "1.8.2.5145168", "switch"},
	// Another FASTPATH agent on 4413 (no definition names its sysDescr):
	// EDGESWITCH-SWITCHING-MIB agentInventoryGroup's machine model,
	// serial and software version, as before the split.
	"fastpath-other-inventory-serial": {"broadcom-fastpath", "Broadcom", "BCM56340", "FP1A2B3C4D5E", "FASTPATH", "6.3.0.2", "switch"},
	// An EdgeSwitch on Ubiquiti's registration (41112; definition
	// edgeswitch, ubiquiti-edgeos's EdgeSwitch alternative): row 1 answers
	// no serial, so the definition states none (no measure counts it);
	// the ENTITY chassis row 2's, the unit's own, follows for the user's
	// inventory (owner, after fq60 left it empty).
	"edgeswitch-41112-chassis-row-not-1": {"ubiquiti-edgeos", "Ubiquiti", "EdgeSwitch 48-Port 500W", "F09FC2E7F8A9", "EdgeSwitch", "1.9.3.5294473", "switch"},
	// UISP Fiber OLT XGS (definition edgeosolt: hardware
	// UBNT-UFIBER-MIB::ubntModel.0, serial ubntSerialNumber.0, version
	// ubntVersion.0 over its sysDescr pattern): those objects, not the
	// FASTPATH inventory's.
	"uisp-olt-ufiber-mib": {"ubiquiti-uisp-olt", "Ubiquiti", "UF-OLT-XGS", "E063DA1A2B3C", "UFiber", "v2.2.1", "switch"},
	// ZyNOS (definition zynos; Shared/Zyxel.php then Zynos.php): serial
	// ZYXEL-ES-COMMON sysProductSerialNumber.0, else the GS4012F, MGS3712
	// and GS2200-24 MIBs' sysSerialNumber.0 in that order, never an
	// ENTITY row: the GS2200-24 MIB's serial, not ENTITY's.
	"zynos-gs2200-serial-before-entity": {"zyxel", "Zyxel", "GS2200-24", "S060Z30012345", "", "", "switch"},
	// No sysProductModel: Zynos.php's hardware is the whole sysDescr
	// ('ES-2108PWR'), not the ENTITY chassis model ('ES2108'). The
	// serial: none of Zynos.php's objects answers (it states none, so no
	// measure counts the field), and the ENTITY chassis row's, the
	// device's own, follows them for the user's inventory (owner, after
	// fq60 left it empty).
	"zynos-es2108-sysdescr-hardware": {"zyxel", "Zyxel", "ES-2108PWR", "ES2108PWR-000117", "", "", "switch"},
	// ZyNOS's release is the shared Zyxel code's, sysSwVersionString up to
	// its first ' | ': a walk answering only ENTITY (software
	// V4.50(AAZI.3), a serial) gets no release or serial from the
	// definition, which then states none; the ENTITY chassis row's, the
	// device's own, follow for the user's inventory (owner, after fq60
	// left both empty); the hardware is the whole sysDescr.
	"zynos-entity-software-no-release": {"zyxel", "Zyxel", "XGS2210-28", "S190Z40012345", "", "V4.50(AAZI.3)", "switch"},
	// sysSwVersionString's text before ' | ', whole.
	"zynos-sysswversion-explode": {"zyxel", "Zyxel", "XGS4600-32F", "S210Z21054321", "", "4.50(AAZJ.5)_20220415", "switch"},
	// Not a ZyNOS sysDescr (an NWA access point, definition zyxelnwa):
	// the ENTITY chassis serial stays as before (outside this lead).
	"zyxel-nwa-entity-serial": {"zyxel", "Zyxel", "NWA5123-AC HD", "S182Z47004321", "", "", "access_point"},
	// Edgecore (definition edgecos, the newest Edgecos.php discoverOS
	// through its findMib table, ECS4510-MIB for 259.10.1.24.): hardware
	// swProdName.0, serial unit 1's swSerialNumber, version unit 1's
	// swHardwareVer and swOpCodeVer joined by a space only where both
	// answer (isset of both, else null): the definition states no
	// release here (a field no measure counts); swOpCodeVer alone, the
	// switch's own firmware, follows for the user's inventory (owner,
	// after fq60's 1a98d70 left it empty).
	"edgecos-ecs4510-opcode-without-hwver": {"edgecore-ecs", "Edgecore", "ECS4510-28F", "EC1405001234", "", "1.2.2.26", "switch"},
	// Both answer: 'R0A 1.2.2.26'.
	"edgecos-ecs4510-hwver-opcode": {"edgecore-ecs", "Edgecore", "ECS4510-28F", "EC1405005678", "", "R0A 1.2.2.26", "switch"},
}

func TestLeads60Fixtures(t *testing.T) {
	checkFixtures(t, leads60FixtureDir, leads60Cases)
}
