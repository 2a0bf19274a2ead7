package fingerprints

import (
	"testing"
)

// variantsOpticalTelecomCamerasFixtureDir holds small walks written from the
// vendor MIBs for the variants of the optical, telecom, camera and
// environmental-sensor families: each fixture is one variant's shape that a
// profile read partly or not at all before.
const variantsOpticalTelecomCamerasFixtureDir = "testdata/fixtures/variants-optical-telecom-cameras"

// variantsOpticalTelecomCamerasCases: fixture name → the expected result
// (profile, vendor, model, serial, os, os_version, device_type).
var variantsOpticalTelecomCamerasCases = map[string]want{
	// Hikvision recorders on HIKVISION-MIB's arc: hikEntityType names the
	// kind (before: no model).
	"hikvision-nvr-type": {"hikvision-nvr", "Hikvision", "NVR", "1620210512CCRRG12345678WCVU", "", "", "nvr"},
	"hikvision-dvr-type": {"hikvision-nvr", "Hikvision", "DVR", "0420190807CCWRD98765432WCVU", "", "", "nvr"},
	// Ciena SAOS 6 on World Wide Packets' arc: the running package of
	// WWP-LEOS-SW-XGRADE-MIB (before: no release, no OS); the CN agent's
	// release in the sysDescr (before: '1.2.3' without its build).
	"ciena-saos-leos": {"ciena-saos", "Ciena", "3942", "M2123456", "SAOS", "saos-06-20-00-0211", "switch"},
	"ciena-cn-recog":  {"ciena-saos", "Ciena", "3106", "", "", "1.2.3(07)", "switch"},
}

func TestVariantsOpticalTelecomCamerasFixtures(t *testing.T) {
	checkFixtures(t, variantsOpticalTelecomCamerasFixtureDir, variantsOpticalTelecomCamerasCases)
}
