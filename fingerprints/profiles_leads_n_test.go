package fingerprints

import (
	"testing"
)

// leadsNFixtureDir holds small walks written from the vendor MIBs for the
// audit of the detection paths beyond the sysObjectID (continued from
// delta-orion on): which devices each profile catches and which objects
// give its values, as the device-support definitions read them.
const leadsNFixtureDir = "testdata/fixtures/leads-n"

// leadsNCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leadsNCases = map[string]want{
	// A DCN switch on the 6339.1.1.1 arc the definition dcn-software
	// detects: DCN-MIB ntpEntSoftwareName and ntpEntSoftwareVersion, and
	// entPhysicalSerialNum.1 rather than the sysDescr's serial, as the
	// definition reads them.
	"dcn-ntp-ent-info": {"digital-china-maipu", "Digital China Networks", "CS6200-28X-EI", "GRSWC0H9A7400456", "", "7.0.3.5(R0241.0226)", "switch"},
	// The same family without the NTP entity objects: DCN-MIB
	// sysSoftwareVersion; no ENTITY serial, so the sysDescr's. The
	// definition reports sysHardwareVersion (the board's revision,
	// 2.0.1) as the hardware there: a revision is not the product, so
	// ours keeps the model the sysDescr names.
	"dcn-priv-system-only": {"digital-china-maipu", "Digital China Networks", "S4600-28P-SI", "SW065610E123000045", "", "7.0.3.1(R0236.0104)", "switch"},
}

func TestLeadsNFixtures(t *testing.T) {
	checkFixtures(t, leadsNFixtureDir, leadsNCases)
}
