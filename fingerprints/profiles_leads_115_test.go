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
}

func TestLeads115Fixtures(t *testing.T) {
	checkFixtures(t, leads115FixtureDir, leads115Cases)
}
