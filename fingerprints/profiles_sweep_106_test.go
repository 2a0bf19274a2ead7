package fingerprints

import (
	"testing"
)

// sweep106FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq106's sweep: each profile's fields
// read as the newest stored device-support definition reads them.
const sweep106FixtureDir = "testdata/fixtures/sweep-106"

// sweep106Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep106Cases = map[string]want{
	// A PowerAlert card answering both UPS-MIB software objects: the
	// newest definition poweralert (os_discovery d17c059, 0edeba7) reads
	// upsIdentAgentSoftwareVersion.0 first, then
	// upsIdentUPSSoftwareVersion.0 (before fq106, the UPS's 'FW-3.1.0'
	// first, after the older includes copy 58aa4b8).
	"tripplite-agent-and-ups-software": {"tripplite-poweralert", "Tripp Lite", "SMART3000RM2U", "2901AV0SM77123", "PowerAlert", "15.5.4", "ups"},
	// Only upsIdentUPSSoftwareVersion answering: the definition's second
	// object, whole.
	"tripplite-ups-software-only": {"tripplite-poweralert", "Tripp Lite", "SU1500RTXLCD2U", "2902AV0SM77124", "PowerAlert", "FW-2.9.1", "ups"},
	// A QNAP answering NAS-MIB on net-snmp's arc, its host name not
	// 'TS-...': the definition qnap (os_detection 3ab13a0) wants a
	// 'Linux TS-' sysDescr, so linux takes it: the machine class and the
	// kernel's release (Shared\Unix), NAS-MIB's serial the unit's own
	// (before fq106, qnap-qts-netsnmp: TS-464 and QTS 5.1.5.2645).
	"qnap-nas-mib-hostname": {"qnap-nas-mib-linux", "QNAP", "Generic x86 64-bit", "Q23BI99001", "Linux", "5.10.60-qnap", "storage"},
	// The same NAS named 'TS-464', QNAP's entPhysicalMfgName.1: the
	// definition qnap's, enclosureModel, enclosureSerialNum and the
	// chassis firmware (Qnap.php).
	"qnap-nas-mib-ts-entity": {"qnap-qts-netsnmp", "QNAP", "TS-464", "Q23BI99002", "QTS", "5.1.5.2645", "storage"},
	// A QTS 5 NAS on 55062.1 whose host name is its own: linux's
	// (os_detection 11a4d8b, '^Linux' on any sysObjectID), as the
	// definition qnap takes 55062 only by 'Linux TS-' and QNAP's
	// entPhysicalMfgName.1 (before fq106, qnap-qts: TS-873A and QTS
	// 5.1.5.2645).
	"qnap-qts5-hostname": {"qnap-nas-mib-linux", "QNAP", "Generic x86 64-bit", "Q23BI99003", "Linux", "5.10.60-qnap", "storage"},
	// The same NAS named 'TS-873A' with QNAP's entPhysicalMfgName.1: the
	// definition qnap's, the chassis firmware its release.
	"qnap-qts5-ts-entity": {"qnap-qts", "QNAP", "TS-873A", "Q23BI99004", "QTS", "5.1.5.2645", "storage"},
}

func TestSweep106Fixtures(t *testing.T) {
	checkFixtures(t, sweep106FixtureDir, sweep106Cases)
}
