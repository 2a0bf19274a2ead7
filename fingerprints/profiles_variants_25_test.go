package fingerprints

import (
	"testing"
)

// variants25FixtureDir holds small walks written from the vendor MIBs for
// the variants of hosts, NAS, printers and UPSes (fq25): each fixture is
// one shape real agents answer, checked against the device-support
// definitions.
const variants25FixtureDir = "testdata/fixtures/variants-25"

// variants25Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var variants25Cases = map[string]want{
	// NAS whose agent does not answer the object the definition reads the
	// release from: no release, not the kernel's the sysDescr states
	// (before: 5.10.60-qnap, 4.4.302+). Qnap.php reads the chassis
	// entPhysicalFirmwareRev alone, on QNAP's arc, on net-snmp's with
	// NAS-MIB, and where ENTITY-MIB names QNAP Systems.
	"qnap-qts-no-firmware": {"qnap-qts", "QNAP", "TS-453D", "Q212I12345", "QTS", "", "storage"},
	// fq106: was {"qnap-qts-netsnmp", "QNAP", "TS-453D", "Q212I12345",
	// "QTS", "", "storage"}. The definition qnap (os_detection 3ab13a0)
	// takes net-snmp's arc only with a 'Linux TS-' sysDescr and
	// entPhysicalMfgName.1 starting 'QNAP Systems', which this agent does
	// not answer: linux takes it (Shared\Unix: the machine class, the
	// kernel's release); NAS-MIB's model follows it, its serial stays.
	"qnap-netsnmp-no-firmware": {"qnap-nas-mib-linux", "QNAP", "Generic x86 64-bit", "Q212I12345", "Linux", "5.10.60-qnap", "storage"},
	"qnap-entity-no-firmware":  {"qnap-qts-entity", "QNAP", "TS-453D", "Q212I12345", "QTS", "", "storage"},
	// The definition dsm reads SYNOLOGY-SYSTEM-MIB version.0 alone, on
	// net-snmp's registration and on Synology's arc.
	"synology-dsm-no-version": {"synology-dsm", "Synology", "DS920+", "2080PDN123456", "DSM", "", "storage"},
	// fq107: on Synology's 6574.1 with uname's Linux line and neither
	// systemStatus.0 nor the kernel's syno_ parameters, no dsm (which
	// names no sysObjectID; os_detection 0715f56): the definition linux's
	// ('/^Linux/' on any sysObjectID, 11a4d8b), linux-sysdescr's Linux,
	// 4.4.302+ and Generic x86 64-bit, no type (was synology-sysobjectid,
	// DSM, no release, storage).
	"synology-arc-no-version": {"linux-sysdescr", "Synology", "Generic x86 64-bit", "", "Linux", "4.4.302+", ""},
	// Windows' processor word as Windows.php names it (parseHardware):
	// EM64T is Intel x64; ARM64, a word its list lacks, names no
	// hardware (before: Generic ARMv8 64-bit).
	"windows-server-em64t": {"windows-server", "", "Intel x64", "", "Windows Server 2003", "Server 2003 (NT 5.2)", "server"},
	// fq67: Generic ARMv8 64-bit again (was none, 7d7422c): Windows.php
	// states no hardware for ARM64 (a field no measure counts), so the
	// machine's class follows for the user's inventory.
	"windows-server-arm64": {"windows-server", "", "Generic ARMv8 64-bit", "", "Windows Server 2025", "Server 2025 (24H2)", "server"},
	// HP printers (definition jetdirect): FutureSmart only where the
	// firmware revision states its bundle form; a LaserJet of 2007 with
	// only its datecode (fw-rom-datecode, the version the definition
	// reads after fw-rom-revision) names no OS (before: FutureSmart).
	"hp-futuresmart-revision":         {"hp-printer", "HP", "LaserJet E60155", "PHCBB98765", "FutureSmart", "2411177_059720", "printer"},
	"hp-laserjet-4250-no-futuresmart": {"hp-printer", "HP", "LaserJet 4250", "CNRXB12345", "", "20071127", "printer"},
	// A Windows 8 client (build 9200, version 6.2): Windows 8, '8 (NT
	// 6.2)' as the definition (windows) names it; with version 6.3 the
	// same build is 8.1 (profiles_value_forms_test.go).
	"windows-8-build-9200": {"windows-workstation", "", "Intel x64", "", "Windows 8", "8 (NT 6.2)", "workstation"},
	// HP printers named only by their sysDescr, the line written in
	// either case ('Officejet', 'Deskjet'), ' series' left out as
	// Jetdirect.php leaves it out of the device ID's (before: no model).
	"hp-officejet-sysdescr":      {"hp-printer", "HP", "Officejet Pro 8610", "", "", "", "printer"},
	"hp-deskjet-series-sysdescr": {"hp-printer", "HP", "Deskjet 3050 J610", "", "", "", "printer"},
	// AlmaLinux by its own extend (definition almalinux: nsExtendOutput1Line
	// ."almalinux-release" starting 'ID="almalinux"', on net-snmp's Linux
	// registration): AlmaLinux, the distro line's release where it states
	// one; the kernel release as the version, as for any Unix host
	// (before: Enterprise Linux 9, the kernel's .el9 tag).
	"almalinux-release-extend":     {"almalinux-release", "", "Generic x86 64-bit", "", "AlmaLinux", "5.14.0-362.8.1.el9_3.x86_64", "server"},
	"almalinux-release-and-distro": {"almalinux-release", "", "Generic x86 64-bit", "", "AlmaLinux 9.3", "5.14.0-362.8.1.el9_3.x86_64", "server"},
	// A Samsung-built Xerox (definition xerox: its sysDescr pattern, then
	// 236.11.5.1.1.1.1.0 as the hardware and 236.11.5.1.1.1.2.0 as the
	// version, the one version it reads): that firmware whole, not the
	// OS release the sysDescr lists (before: 60.00.23).
	"xerox-samsung-built": {"xerox-printer", "Xerox", "Phaser 3330", "3330123456", "", "V3.50.01.10", "printer"},
}

func TestVariants25Fixtures(t *testing.T) {
	checkFixtures(t, variants25FixtureDir, variants25Cases)
}
