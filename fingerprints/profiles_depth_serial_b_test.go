package fingerprints

import (
	"testing"
)

// depthSerialBFixtureDir holds small walks written from the vendor MIBs of families
// whose profiles read a model but no serial or release: the serial and
// release objects each vendor's MIB (and the device-support definitions)
// name.
const depthSerialBFixtureDir = "testdata/fixtures/depth-serial-b"

// depthSerialBCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var depthSerialBCases = map[string]want{
	// Huawei iBMC: the "Active iBMC" row of the firmware table, not the
	// backup bank's or the BIOS's.
	// Groove: the active software load (bank 1 here, not the inactive
	// bank 2); an empty manufacturer number gives way to the shelf's
	// inventory serial number.
	"infinera-groove-bank1": {"infinera-groove", "Infinera", "G30", "1902CD0456", "Groove", "4.1.0", ""},
	"huawei-ibmc":           {"huawei-ibmc", "Huawei", "2288H V5", "2102311TYBN0K9000321", "iBMC", "3.03.00.23", "bmc"},
	// FireEye: where feSystemImageVersionCurrent does not answer, the
	// release in the installed image's name, without its build number.
	// EqualLogic: a controller whose revision is the MIB's default ("unknown
	// sw rev") gives no release; the next controller's does.
	"dell-equallogic-unknown-rev": {"dell-equallogic", "Dell", "PS4100", "SHU0987654XYZ98", "EqualLogic PS firmware", "6.0.11", "storage"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 8.4.1, not Linux's): an OS is named beside its own release only.
	"fireeye-installed-image": {"fireeye", "FireEye", "CM4500", "FM1911CC0456", "", "8.4.1", "appliance"},
}

func TestDepthSerialBFixtures(t *testing.T) {
	checkFixtures(t, depthSerialBFixtureDir, depthSerialBCases)
}
