package fingerprints

import (
	"testing"
)

// sweep87FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq87's sweep: profiles re-read against
// the newest stored device-support definitions, each walk testing the
// source, order or form a definition reads that the profile did not.
const sweep87FixtureDir = "testdata/fixtures/sweep-87"

// sweep87Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep87Cases = map[string]want{
	// ATS-MIB transfer switch (definition ats: serial and version from
	// its sysDescr pattern 'v<version> (SN <serial>)'): the sysDescr's
	// serial before atsIdentGroupSerialNumber, which here differs.
	"ats-sysdescr-serial-first": {"ats-mib-switch", "Example Power", "ATS-16A-R", "2207ATS00456", "", "1.3.0", "power"},
	// BenuOS (definition benuos): release and hardware are the rest of
	// their lines in its multi-line sysDescr pattern, not first words.
	"benu-release-whole-line": {"benu-benuos", "Benu Networks", "MEG-2400 rev B", "BN2400A0007", "BenuOS", "6.1.0 R3", "router"},
	// BATS AATS (definition bats: one greedy pattern for hardware,
	// version and serial): the hardware runs to the last ' v<version>;'.
	"bats-hardware-greedy": {"bats-aats", "BATS", "AATS-5 v2 Pro", "10460", "", "3.3.0", "wireless"},
}

func TestSweep87Fixtures(t *testing.T) {
	checkFixtures(t, sweep87FixtureDir, sweep87Cases)
}
