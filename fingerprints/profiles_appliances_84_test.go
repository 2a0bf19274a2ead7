package fingerprints

import (
	"testing"
)

// appliances84FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq84's theme (load balancers, WAN
// optimisation and network appliances): each field read as the
// device-support definition that detects the device reads it.
const appliances84FixtureDir = "testdata/fixtures/appliances-84"

// appliances84Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var appliances84Cases = map[string]want{
	// A10 (definition acos, sysDescr_regex '(?<hardware>\S+( TPS)?), ACOS
	// (?<version>[^,]+)'): the word before ', ACOS' whatever it is
	// ('SoftAX'; before, none: only TH/AX/vThunder words), and the release
	// all up to the next comma, its build too (before, up to a space).
	"a10-softax-sysdescr": {"a10-acos", "A10 Networks", "SoftAX", "", "ACOS", "2.7.2-P4-SP3 build 7", "load_balancer"},
	// ' TPS' kept after the word; the release up to the comma with its
	// parenthesised build; axSysSerialNumber.0 the serial.
	"a10-tps-version-space": {"a10-acos", "A10 Networks", "TH3030S TPS", "TH30T11122233344", "ACOS", "3.2.2-P5 (build 18)", "load_balancer"},
	// Radware DefensePro (definition apsoluteos; Apsoluteos.php reads
	// genGroupHWVersion.0, rndSerialNumber.0 and rndApsoluteOSVersion.0,
	// each whole): the release as the object writes it, its build too
	// (before, '8.32.1.0', the dotted number alone).
	"radware-defensepro-release-whole": {"radware-apsoluteos", "Radware", "DefensePro x016", "RD19X0000042", "APSolute OS", "8.32.1.0 (build 57)", "firewall"},
}

func TestAppliances84Fixtures(t *testing.T) {
	checkFixtures(t, appliances84FixtureDir, appliances84Cases)
}
