package fingerprints

import (
	"testing"
)

// familiesNRFixtureDir holds small walks written from the vendor MIBs of
// the OS families from n to r that the device-support definitions name and
// no profile detected before: model, serial and version read from the
// objects those definitions read.
const familiesNRFixtureDir = "testdata/fixtures/families-n-r"

// familiesNRCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var familiesNRCases = map[string]want{
	// Open Access Netspire (definition netspire): OACOMMON-MIB's model
	// and serial, the serial's line break dropped.
	"netspire": {"netspire", "Open Access", "Netspire 2200", "NSP20418832", "Netspire", "", "appliance"},
	// Proware RAID subsystems (definition proware): the product group's
	// model, firmware and NUL-padded serial.
	"proware-raid": {"proware-raid", "Proware", "EP-3164D-S6S6", "PR1C0857A41", "", "1.37.0811", "storage"},
	// RACOM RAy3 links (definition ray3): RAY3-MIB productName,
	// serialNumber (a Gauge32) and swVer, where racom-ray read RAY-MIB's
	// only.
	"racom-ray3": {"racom-ray", "RACOM", "RAy3-17", "20518344", "", "1.1.22.0", "wireless"},
	// Rohde & Schwarz transmitters (definition rs): the sysDescr's
	// hardware without the maker, RS-XX8000-COMMON-MIB serialNumber and
	// versionNumberSW.
	// Model was the sysDescr without 'R&S'; now the sysDescr whole, as
	// the definition rs's sysDescr_regex '/(?<hardware>.*)/' reads it
	// (fq93).
	"rohde-schwarz-transmitter": {"rohde-schwarz-transmitter", "Rohde & Schwarz", "R&S THU9 UHF Transmitter", "101942", "", "3.4.2", "appliance"},
}

func TestFamiliesNRFixtures(t *testing.T) { checkFixtures(t, familiesNRFixtureDir, familiesNRCases) }
