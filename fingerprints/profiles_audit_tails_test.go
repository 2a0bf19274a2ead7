package fingerprints

import (
	"testing"
)

// auditTailsFixtureDir holds small walks written from the vendor MIBs and
// the objects the device-support definitions name, for the OS families at
// the ends of the ranges an earlier audit did not reach (mi to n, x to z):
// the arcs, sysDescr shapes and objects the full definitions give.
const auditTailsFixtureDir = "testdata/fixtures/audit-tails"

// auditTailsCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var auditTailsCases = map[string]want{
	// NetScaler's release as NS-ROOT-MIB sysBuildVersion states it before
	// the build ('NetScaler NS14.1: Build 12.35.nc, ...' -> NS14.1), as the
	// definition (netscaler) reads it with its version_regex; the hardware
	// sysHardwareVersionDesc, the serial sysHardwareSerialNumber.
	"citrix-netscaler-vpx": {"citrix-netscaler", "Citrix", "NetScaler Virtual Appliance 450000", "3C6E4A1B2F", "NetScaler", "NS14.1", "load_balancer"},
}

func TestAuditTailsFixtures(t *testing.T) { checkFixtures(t, auditTailsFixtureDir, auditTailsCases) }
