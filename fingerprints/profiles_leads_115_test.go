package fingerprints

import (
	"testing"
)

// leads115FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq115's leads: families whose profile
// read other objects, or in another order, than the device-support
// definition that detects them.
const leads115FixtureDir = "testdata/fixtures/leads-115"

// leads115Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads115Cases = map[string]want{
	// net-snmp on Windows (8072.3.2.13), 'Windows' in its sysDescr: the
	// definition windows takes it (first pass, any sysObjectID); its
	// class reads no release from uname's line, and the hardware and
	// serial from ServerHardware: Dell OpenManage's chassisModelName.1
	// and chassisServiceTagName.1. The release and build uname's line
	// gives follow, the host's own.
	"win-netsnmp-dell": {"windows-net-snmp", "Dell", "PowerEdge R730", "7QX2B3C", "Windows", "6.1.7601", "server"},
	// HP's CPQSINFO-MIB cpqSiProductName.0 and cpqSiSysSerialNum.0 where
	// OpenManage does not answer; Windows 10's build read as 10.0.
	"win-netsnmp-hp": {"windows-net-snmp", "HPE", "ProLiant DL380 Gen10", "CZJ7010ABC", "Windows", "10.0.17763", "server"},
	// A Ricoh the definition ricoh takes ('RICOH Network Printer' in its
	// sysDescr; group printer, no os module in main's definition, so
	// Shared/Printer.php): the serial Printer-MIB's
	// prtGeneralSerialNumber.1, before ricohEngSerialNumber, which only
	// the old includes/polling/os/ricoh.inc.php read. The hardware and
	// release, which the definition no longer states, are Ricoh's own
	// objects still.
	"ricoh-aficio-printer-mib-serial": {"ricoh-printer", "Ricoh", "Aficio MP C3003", "E154Q700111", "", "1.14", "printer"},
	// 'LANIER' in the sysDescr: the definition lanier (by name before
	// nrg and ricoh; group printer, no os module): prtGeneralSerialNumber.1.
	"lanier-printer-mib-serial": {"ricoh-printer", "Ricoh", "LANIER MP 2554", "C336P800333", "", "1.06", "printer"},
	// 'Gestetner Network Printer': the definition gestetner (first by
	// name), whose os module reads ricohEngSerialNumber.
	"gestetner-eng-serial": {"ricoh-printer", "Ricoh", "Gestetner MP 2553", "C345P900666", "", "1.05", "printer"},
	// A FusionHub on net-snmp's Linux registration, uname's line: no
	// definition but linux detects it (fusionhub takes 23695, pepwave
	// 27662): Shared\Unix's machine class and the kernel's release
	// first; PEPLINK-DEVICE-MIB's serial, the unit's own.
	"fusionhub-netsnmp-linux": {"peplink-linux", "Peplink", "Generic x86 64-bit", "1111-4444-5555", "Linux", "5.4.143", "router"},
	// On Peplink's registration (23695) the definition fusionhub, group
	// unix, read by Shared\Unix: the same machine class and uname
	// release where the sysDescr writes them; the DEVICE serial after.
	"fusionhub-peplink-arc-uname": {"peplink", "Peplink", "Generic x86 64-bit", "1111-6666-7777", "Peplink Firmware", "4.9.120", "router"},
	// Socomec PDU (definition socomec, os_discovery 3ab13a0): serial
	// dpduIdentSerialNumber.0 whole, and the release its version_template
	// writes, 'FW <dpduIdentPDUFirmwareVersion.0> / SW
	// <dpduIdentAgentSoftwareVersion.0>', each value whole, spaces
	// within kept (before, a value with a space gave none).
	"socomec-pdu-version-spaces": {"socomec-pdu", "Socomec", "PDU 32A 3P 36", "PD 1907 000789", "", "FW 1.10 rev B / SW 2.2.0 build 41", "pdu"},
	// 'Linux TS-' with QNAP's maker on ENTITY row 2, row 1 naming none:
	// the definition qnap's snmpget reads entPhysicalMfgName.1 alone, so
	// linux takes it (before, qnap-qts-entity, by any row's maker): the
	// kernel's release; the ENTITY chassis row's maker, model and serial
	// the generic readers fill.
	"qnap-entity-mfg-row2": {"net-snmp-linux", "QNAP", "TS-464", "Q23BI11223", "Linux", "5.10.60-qnap", "server"},
	// Row 1 QNAP's: qnap-qts-entity; the firmware as Qnap.php reads the
	// first entPhysicalFirmwareRev, its quotes trimmed.
	"qnap-entity-firmware-quoted": {"qnap-qts-entity", "QNAP", "TS-873A", "Q23CI33445", "QTS", "5.1.6.2722", "storage"},
	// Allied Telesis (definition allied, Allied.php): AtiL2-MIB
	// atiL2SwProduct.0 is read before the sysDescr forms ('Allied
	// <maker> <model> version ...'), which the class reads only where no
	// AT-S41 object answers; the release atiL2SwVersion.0 whole, without
	// the class's 'Plus ' (AT-S41 is no AlliedWare Plus).
	"allied-ats41-product-before-sysdescr": {"allied-telesis", "Allied Telesis", "AT-8326GB/SP", "", "", "AT-S41 v1.1.6", "switch"},
	// A uname Linux line on a maker's arc its definition does not detect
	// (kentix takes 37954.5 alone): linux's, Shared\Unix's machine class
	// and the kernel's release; the maker's profile fills the vendor and
	// type, the unit's own.
	"kentix-other-arc-linux": {"maker-arc-linux", "Kentix", "Generic ARMv7", "", "Linux", "4.14.98", "sensor"},
	// EnGenius (engenius takes 14125.100.1.3, 14125.101.1.3, or 'Wireless
	// Access Point' on 14125): on 14125.3 a Linux line is linux's; the
	// serial of EnGenius' system group follows, the unit's own.
	"engenius-other-arc-linux": {"maker-arc-linux", "EnGenius", "Generic MIPS", "186A0ZB000123", "Linux", "4.4.60", "access_point"},
	// On the definition's own arc (37954.5) the unit stays kentix's (the
	// uname's OS and release filled as before, by linux-sysdescr).
	"kentix-definition-arc-linux": {"kentix", "Kentix", "", "", "Linux", "4.14.98", "sensor"},
}

func TestLeads115Fixtures(t *testing.T) {
	checkFixtures(t, leads115FixtureDir, leads115Cases)
}
