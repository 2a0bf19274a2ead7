package fingerprints

import (
	"testing"
)

// sweep88FixtureDir holds small walks written from the vendor MIBs for
// fq88's sweep of long-tail families against the newest stored
// device-support definitions: detection and the objects, order and form
// each definition reads.
const sweep88FixtureDir = "testdata/fixtures/sweep-88"

// sweep88Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep88Cases = map[string]want{
	// A Juniper WX on the registration the definition (jwos) detects it
	// by, 8239.1.2.9, whose sysDescr names no release: known by that
	// registration; the release and serial are jnxWxSysSwVersion and
	// jnxWxSysSerialNumber, as jwos reads them. Its hardware template
	// leaves regexp slashes in ("/jnxWx60 1.0/"), no value of the unit:
	// the product the sysDescr writes after the maker's name (the
	// generic sysDescr reading).
	"juniper-wx-registration": {"juniper-wx", "Juniper Networks", "WX60", "0060001234", "WX OS", "5.6.2.0", "appliance"},
	// jnxWxSysSwVersion whole before the sysDescr's release (jwos reads
	// the object; the sysDescr's '5.7.8.0_PD2' follows only where the
	// object is silent); the product the sysDescr names.
	"juniper-wxc-swversion": {"juniper-wx", "Juniper Networks", "WXC-590", "0590004321", "WX OS", "5.7.8.0", "appliance"},
}

func TestSweep88Fixtures(t *testing.T) {
	checkFixtures(t, sweep88FixtureDir, sweep88Cases)
}
