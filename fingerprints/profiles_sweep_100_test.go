package fingerprints

import (
	"testing"
)

// sweep100FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq100's sweep: profiles re-read against
// the newest stored device-support definitions, each field's objects in
// the definition's order and form.
const sweep100FixtureDir = "testdata/fixtures/sweep-100"

// sweep100Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep100Cases = map[string]want{
	// Pepwave (definition pepwave, os: DEVICE::deviceModel.0,
	// deviceSerialNumber.0, deviceFirmwareVersion.0; LibreNMS's
	// mibs/peplink/DEVICE puts them under 23695.200.1.1.1.1): the peplink
	// arc's objects first, as the definition reads them, before the same
	// objects on pepwave's 27662 arc.
	"pepwave-device-mib-peplink-arc": {"pepwave", "Peplink", "MAX Transit Duo", "2930-AB12-CD34", "Peplink Firmware", "8.4.0 build 5412", "router"},
	// A RUGGEDCOM ROX router (RUGGEDCOM-MIB ruggedcomRX1501, 15004.2.8.2),
	// which the definition ros (sysObjectID prefixes .1.3.6.1.4.1.15004.2.1
	// and .2.2) does not take: the product the sysDescr names, not ros's
	// 'all before the first dash' (was "Siemens, RUGGEDCOM, RX1501,
	// RX1501").
	"ruggedcom-rox-no-ros-dash-rule": {"siemens-ruggedcom", "Siemens", "RX1501", "", "ROX", "2.14.2", "router"},
	// A RUGGEDCOM RMC30 media converter on ruggedcomMC (15004.2.11), which
	// ros's string prefix .1.3.6.1.4.1.15004.2.1 takes: its hardware, all
	// before the first dash; the serial the sysDescr ends with, the main
	// firmware's release.
	"ruggedcom-ros-mc-prefix-dash-rule": {"siemens-ruggedcom", "Siemens", "Siemens, RUGGEDCOM, RMC30, RMC30", "RMC30-0912-00011", "ROS", "4.3.0", "switch"},
}

func TestSweep100Fixtures(t *testing.T) {
	checkFixtures(t, sweep100FixtureDir, sweep100Cases)
}
