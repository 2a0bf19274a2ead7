package fingerprints

import (
	"testing"
)

// sweep90FixtureDir holds small walks written from the vendor MIBs and
// the device-support definitions' documented objects for fq90's sweep of
// profiles not re-read for three sessions: each walk shows one field read
// as the definition that detects the device reads it (its objects, its
// order, its form), then the device's own.
const sweep90FixtureDir = "testdata/fixtures/sweep-90"

// sweep90Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep90Cases = map[string]want{
	// AVTECH (definition avtech, sysDescr_regex '/(?<hardware>.*)
	// v(?<version>[\d.]+)/'): all the sysDescr names before its last
	// ' v' and digits, whatever product it names (before, a product
	// outside 'Room Alert '/'TemPageR ' gave no model).
	"avtech-product-compact": {"avtech-roomalert", "AVTECH", "RoomAlert32E", "", "", "2.6.3", "sensor"},
	// AKCP (definition akcp): the sysDescr's whole 'SP' and digits, its
	// sysDescr_regex, before the SP+ agent's cfgSystemDescription (was
	// "sensorProbe8 X20").
	"akcp-sysdescr-sp-before-cfg": {"akcp-sensorprobe", "AKCP", "SP8", "", "", "1.0.6301", "sensor"},
	// AKCP: hhmsAgentHtmlView (spProductName), the definition's hardware,
	// before the sysDescr's product words.
	"akcp-product-no-maker": {"akcp-sensorprobe", "AKCP", "securityProbe5E", "", "", "", "sensor"},
	// NetAgent (definition netagent2: hardware UPS-MIB upsIdentModel.0,
	// version upsIdentAgentSoftwareVersion.0): those before PPC-MIB's
	// upsBaseIdentModel and upsSmartIdentAgentFirmwareRevision (were
	// "MT2000" and "2.45.DP501.MEGATEC"); the serial PPC-MIB's.
	"netagent-ups-mib-first": {"ppc-netagent", "Sanpu", "MT2000 PRO", "E181234568", "", "2.45.DP501", "ups"},
	// Data Domain (definition datadomain, sysDescr_regex '/Data Domain
	// OS (?<version>.*)/'): all the line writes after 'Data Domain OS '
	// (was "6.2.1.40-675321", its digits and build alone).
	"datadomain-release-whole": {"datadomain", "Dell EMC", "DD6300", "APM00180598765", "DD OS", "6.2.1.40-675321 RA", "storage"},
	// Ciena SAOS 10 (definition ciena-saos, taken on any arc by its
	// sysDescr 'Version saos-', before ciena-sds: definitions are checked
	// in order): the hardware and version its second sysDescr_regex
	// reads, not the CES chassis part number ciena-sds reads (before, the
	// ciena-sds profile: "170-5164-900", the CES module release none).
	"ciena-saos10-any-arc": {"ciena-saos", "Ciena", "5164", "M9876543", "SAOS", "10-08-01-0241", "switch"},
	// A 6500 on the Nortel optical arc 562.68.11 (definition ciena-saos,
	// first sysDescr_regex '(?<hardware>.*)SW:(?<version>\S+)'): all before
	// 'SW:', and the load after it (before, ciena-6500-descr's platform
	// word "6500").
	"ciena-6500-nortel-arc": {"ciena-saos", "Ciena", "6500 OPTICAL", "", "", "1210", "switch"},
	// Chatsworth (definition chatsworth-pdu: version CPI-UNITY-MIB
	// version.0): that scalar as it is, before the PDU table's (was
	// "3.1.0.12").
	"chatsworth-legacy-version-first": {"chatsworth-pdu", "Chatsworth Products", "EB-1108", "", "", "v3.1.0", "pdu"},
}

func TestSweep90Fixtures(t *testing.T) {
	checkFixtures(t, sweep90FixtureDir, sweep90Cases)
}
