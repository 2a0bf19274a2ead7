package fingerprints

import (
	"testing"
)

// reviewKindsBFixtureDir holds small walks written from the vendor MIBs for
// the second review of the power, printer, sensor, server, storage, camera
// and appliance profiles against the device-support definitions: which
// devices each profile catches and which objects give its values.
const reviewKindsBFixtureDir = "testdata/fixtures/review-kinds-b"

// reviewKindsBCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var reviewKindsBCases = map[string]want{
	// A PowerEdge MX chassis whose agent gives no dmmProductChassisModel:
	// no model rather than the chassis's given name (dmmProductChassisName,
	// 'MX-<service tag>'); the second management module's firmware where
	// the first slot's is not answered.
	"dell-ome-modular-mm2": {"dell-ome-modular", "Dell", "", "4KT7WQ3", "OpenManage Enterprise Modular", "1.40.10", "bmc"},
	// HW group's sysDescr names the product before a colon: all its words.
	"hwg-ste-plus":    {"hwg", "HW group", "HWg-STE plus", "", "", "", "sensor"},
	"poseidon2-colon": {"hwg", "HW group", "Poseidon2 3468", "", "", "", "sensor"},
}

func TestReviewKindsBFixtures(t *testing.T) {
	checkFixtures(t, reviewKindsBFixtureDir, reviewKindsBCases)
}
