package fingerprints

import (
	"testing"
)

// storage75FixtureDir holds small walks written from the vendor MIBs for
// fq75's storage and server-management checks: each family's fields read
// first as the device-support definition that detects it reads them,
// then the unit's own objects.
const storage75FixtureDir = "testdata/fixtures/storage-75"

// storage75Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var storage75Cases = map[string]want{
	// A QTS 5 NAS on QNAP's second enterprise (55062.1, QTS-MIB) whose
	// agent answers neither NAS-MIB's enclosure table nor an ENTITY
	// firmware: Qnap.php's objects state nothing (no measure counts the
	// fields); QTS-MIB's own systemModel, serial number and
	// firmwareVersion (without the line end the agent leaves after it)
	// follow for the user's inventory (before: the sysDescr's model, no
	// serial, no release).
	// fq106: was {"qnap-qts", "QNAP", "TS-464", "Q23BI12345", "QTS",
	// "5.1.4.2596", "storage"}. The definition qnap (os_detection
	// 3ab13a0) detects 24681, not 55062, and its other branch wants
	// entPhysicalMfgName.1 'QNAP Systems', which this agent does not
	// answer: linux takes the '^Linux' sysDescr (os_detection 11a4d8b),
	// Shared\Unix's machine class and kernel release; QTS-MIB's serial
	// stays, the unit's own.
	"qnap-qts5-qtsmib-only": {"qnap-nas-mib-linux", "QNAP", "Generic x86 64-bit", "Q23BI12345", "Linux", "5.10.60-qnap", "storage"},
	// Where NAS-MIB and ENTITY-MIB answer, Qnap.php's objects come first:
	// the chassis firmware (5.1.3.2578), not QTS-MIB's firmwareVersion.
	"qnap-qts5-entity-firmware-first": {"qnap-qts", "QNAP", "TS-873A", "Q21AI67890", "QTS", "5.1.3.2578", "storage"},
	// A QuTS hero NAS on net-snmp's registration, known as the definition
	// qnap detects it ('Linux TS-' and entPhysicalMfgName.1 'QNAP
	// Systems'): no ENTITY firmware or serial, so QUTSHERO-MIB's own
	// (55062.2.12: serial number, firmwareVersion 'h5.1.2.2534'), and the
	// OS QuTS hero where that group answers (before: QTS, no serial, no
	// release).
	"qnap-quts-hero-entity-qutsmib": {"qnap-qts-entity", "QNAP", "TS-h1290FX", "Q22CH24680", "QuTS hero", "h5.1.2.2534", "storage"},
	// An XClarity Controller whose firmware VPD table has no row 1 (the
	// definition xclarity reads xccVpdVersionString.1 and states none):
	// the row xccVpdType names the XCC, the controller's own release,
	// not the table's first row, the UEFI's (before: TEE180J-3.10).
	"lenovo-xcc-vpd-no-row-1": {"lenovo-xcc", "Lenovo", "ThinkSystem SR630", "J30098XY", "XClarity Controller", "CDI3A4E-8.20", "bmc"},
	// An EqualLogic group of two members: the first member's
	// eqlMemberServiceTag, the serial the definition (equallogic,
	// LibreNMS's equallogic poller) reads, not its eqlMemberSerialNumber
	// (before: SHU0555555ABC01); the product family as before.
	"dell-equallogic-service-tag-first": {"dell-equallogic", "Dell", "PS6110", "3FQ9K52", "EqualLogic PS firmware", "9.1.6", "storage"},
	// An IMM2 whose firmware VPD table lists the UEFI first. The release
	// was TCOO60A-6.20 (the row immVpdType names the IMM, fq75, who read
	// ibm-imm as having no os module); it is now TCE140H-2.50, row 1's,
	// as the definition ibm-imm's os module reads it (version:
	// IMM-MIB::immVpdVersionString.1, both stored versions; fq109).
	"ibm-imm2-vpd-uefi-row-first": {"ibm-imm", "IBM", "System x3650 M5", "J30055QZ", "IMM", "TCE140H-2.50", "bmc"},
}

func TestStorage75Fixtures(t *testing.T) {
	checkFixtures(t, storage75FixtureDir, storage75Cases)
}
