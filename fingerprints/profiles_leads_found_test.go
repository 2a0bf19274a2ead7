package fingerprints

import (
	"testing"
)

// leadsFoundFixtureDir holds small walks written from the vendor MIBs and
// the objects device-support code names for families other engineers left
// as open leads (OLT platforms, IPS sensors, DSLAMs, storage, power
// controllers): model, serial and version read from each vendor's own
// objects.
const leadsFoundFixtureDir = "testdata/fixtures/leads-found"

// leadsFoundCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leadsFoundCases = map[string]want{
	// HSGQ OLTs on 50224: the system group's product model and firmware;
	// where they do not answer, the product the sysDescr begins with.
	"hsgq-olt":       {"hsgq-olt", "HSGQ", "HSGQ-G04L", "", "", "2.1.7", "switch"},
	"hsgq-olt-descr": {"hsgq-olt", "HSGQ", "HSGQ-E04L", "", "", "", "switch"},
	// McAfee NSP sensors: TRELLIX-SENSOR-CONF-MIB ivSysModel,
	// ivSysSerialNumber and the software version's first row. fq52: an
	// appliance (was firewall), as the only definition naming the sensor,
	// mlos-nsp, types it.
	"mcafee-nsp": {"mcafee-nsp", "McAfee", "NS9300", "NS93XD1234", "", "9.1.7.63", "appliance"},
	// OceanStor without an ENTITY chassis row: the product name in
	// ISM-STORAGE-SVC-MIB's common group (7).
	"huawei-oceanstor-devicename": {"huawei-oceanstor", "Huawei", "OceanStor 5300 V5", "2102352BWL10M9000031", "OceanStor", "V500R007C60SPC100", "storage"},
}

// TestLeadsFoundFixtures checks each profile on its fixture: the winning
// profile and every field, with evidence (check).
func TestLeadsFoundFixtures(t *testing.T) {
	checkFixtures(t, leadsFoundFixtureDir, leadsFoundCases)
}
