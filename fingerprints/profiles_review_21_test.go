package fingerprints

import (
	"testing"
)

// review21FixtureDir holds small walks written from the vendor MIBs for
// the second review of the profiles changed on 2026-12-05/06 against the
// device-support code they cite: which devices each profile catches and
// which objects give its values.
const review21FixtureDir = "testdata/fixtures/review-21"

// review21Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review21Cases = map[string]want{
	// A Fabric OS switch whose fcFeModuleObjectID.1 is the generic type-1
	// registration (1588.2.1.1.1), as most agents answer it: Fabos.php's
	// table names it "Brocade 1000 Switch", a product it is not; ours keeps
	// the name the agent gives (sysDescr "DS-6510B"), as the profile did
	// before fpV's f609ca4 (reverted by the project's rule of 270ecfb:
	// nothing untrue of the device). The version swFirmwareVersion.0 as
	// written.
	"brocade-fabos-type-1": {"brocade-fabric-os", "Brocade", "DS-6510B", "BRCAXE1234K05Q", "Fabric OS", "v8.2.1c", "switch"},
	// A Ceragon IP-20G whose sysDescr names no release: Ceraos.php takes
	// the version from MWRM-UNIT-MIB genEquipMngSwIDUVersionsRunningVersion.1
	// (2281.10.4.1.13.1.1.4.1) as written, the hardware from its
	// registration table (2281.1.20.1.3.1, IP-20G) and the serial from
	// genEquipInventorySerialNumber.127 (not an IP10).
	"ceragon-ip20-running-version": {"ceragon", "Ceragon", "IP-20G", "F618204511", "", "8.3.5.1", "wireless"},
}

func TestReview21Fixtures(t *testing.T) { checkFixtures(t, review21FixtureDir, review21Cases) }
