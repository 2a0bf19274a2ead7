package fingerprints

import (
	"testing"
)

// lines33FixtureDir holds small walks with a multi-line sysDescr for the
// review of sysDescr rules whose capture could run past a line break
// (fq33): each rule now reads sysDescr with its lines kept, as the
// device-support definitions' PCRE does ('.' stops at a line break).
const lines33FixtureDir = "testdata/fixtures/lines-33"

// lines33Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var lines33Cases = map[string]want{
	// An NX-OS switch on another registration whose sysDescr closes with
	// the Device Manager's release on its next line: NX-OS's own release,
	// the first 'Version' after its name, as cisco-nx-os reads it (was
	// 6.1(1), the Device Manager's).
	"cisco-nx-os-other-registration-device-manager": {"cisco-os-sysdescr", "Cisco", "", "", "NX-OS", "5.2(1)N1(4)", "switch"},
	// A 3Com switch on Comware whose sysDescr names the product on the
	// line after the release: ThreeCom.php's version, the rest of the
	// line after 'Version ' (was the release and the next line joined).
	"3com-os-product-line": {"3com-switch", "3Com", "Switch 4800G 24-Port", "", "", "3Com OS V5.20 Release 2202P19", "switch"},
}

func TestLines33Fixtures(t *testing.T) {
	checkFixtures(t, lines33FixtureDir, lines33Cases)
}
