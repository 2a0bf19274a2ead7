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
	// A Nimble array whose agent answers net-snmp's Linux registration,
	// by 'Nimble Storage' in the sysDescr as the definition (nimbleos)
	// detects it on any sysObjectID: the model and the release after
	// 'version ' the sysDescr names (before, net-snmp-linux).
	"nimble-storage-netsnmp": {"nimble-storage", "HPE", "HF40", "", "NimbleOS", "6.1.2.200-1012345-opt", "storage"},
	// MRV LambdaDriver by its sysDescr, as the definition (mrvld) detects
	// it; no object read, no release (before, generic rules: the enterprise
	// registrant's name, the sysDescr's version).
	"mrv-lambdadriver": {"mrv-lambdadriver", "MRV", "", "", "LambdaDriver", "", ""},
	// A NetModule router on NetModule's product arc (31496.10), as the
	// definition (netmodule) detects it: a router, not a Linux host with
	// the kernel's release.
	"netmodule-router": {"netmodule", "NetModule", "", "", "", "", "router"},
}

func TestAuditTailsFixtures(t *testing.T) { checkFixtures(t, auditTailsFixtureDir, auditTailsCases) }
