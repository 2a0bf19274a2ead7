package fingerprints

import (
	"testing"
)

// leads85FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq85's leads, each read in the order the
// device-support definition that detects the device reads it.
const leads85FixtureDir = "testdata/fixtures/leads-85"

// leads85Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads85Cases = map[string]want{
	// Windows (definition windows, Windows.php discoverOS): a sysDescr
	// without 'AT/AT COMPATIBLE' after the stepping still holds its whole
	// 'Hardware: X +- Software: ... Version N (Build B S' form, whose
	// hardware Windows.php parses alike ('Intel x64') and whose build
	// names the server release on 311.1.1.3.1.2.
	"windows-server-no-atat": {"windows-server", "", "Intel x64", "", "Windows Server 2019", "Server 2019 (1809)", "server"},
	// Without the word after the build, Windows.php's pattern does not
	// hold: it states no hardware and no release. The processor's machine
	// class follows for the user's inventory, as it does where 'AT/AT
	// COMPATIBLE' is written (fq85: the fallback required words after the
	// stepping and named none here).
	"windows-no-atat-no-smp": {"windows", "", "Intel x64", "", "Windows 10 / Server 2019", "", "server"},
}

func TestLeads85Fixtures(t *testing.T) {
	checkFixtures(t, leads85FixtureDir, leads85Cases)
}
