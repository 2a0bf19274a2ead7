package fingerprints

import (
	"testing"
)

// order101FixtureDir holds small walks written from the vendor MIBs for
// fq101's audit of the order in which LibreNMS's definitions take a device:
// definitions with no snmpget (the first pass) before those with one (the
// second), airos, freebsd and linux last; a profile reading a vendor's
// objects beyond any definition reads the first-pass definition's objects
// first where that definition takes the device.
const order101FixtureDir = "testdata/fixtures/order-101"

// order101Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var order101Cases = map[string]want{
	// A Citrix ADM on NetScaler's arc (5951.1, which the definition
	// netscaler takes in the first pass) answering NS-ROOT-MIB's system
	// scalars beside MAS-MIB's: netscaler's objects (sysHardwareVersionDesc,
	// sysHardwareSerialNumber, sysBuildVersion through its version_regex)
	// first, as citrix-sdx reads them; MAS-MIB's after.
	"citrix-adm-netscaler-arc-ns-root": {"citrix-adm", "Citrix", "NetScaler Virtual Appliance 450070", "K7Q2M4X9ZP", "ADM", "NS13.1", "appliance"},
	// The same arc, answering MAS-MIB alone: netscaler's objects state
	// nothing, so the appliance's own (systemPlatform, systemSerial,
	// systemBuildNumber).
	"citrix-adm-netscaler-arc-mas-only": {"citrix-adm", "Citrix", "MAS VPX", "VPX2H6R8T4", "ADM", "13.0-92.19", "appliance"},
}

// TestOrder101Fixtures checks each profile on its fixture: the winning
// profile and every field, with evidence (check).
func TestOrder101Fixtures(t *testing.T) {
	checkFixtures(t, order101FixtureDir, order101Cases)
}
