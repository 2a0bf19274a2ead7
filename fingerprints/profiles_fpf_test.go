package fingerprints

import (
	"testing"
)

// fpfFixtureDir holds small walks written from the vendor MIBs (and the
// objects other projects' device-support definitions name) of wireless,
// ISP access, telecom, voice and video families.
const fpfFixtureDir = "testdata/fixtures/fpf"

// fpfCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var fpfCases = map[string]want{
	// Avaya IP Office: the hardware ENTITY-MIB's first row describes, the
	// release the sysDescr is.
	"avaya-ipo": {"avaya-ipo", "Avaya", "IP 500 V2", "", "IP Office", "11.0.4.1.0 build 11", "appliance"},
	// LigoWave NFT access points on Infinity: dot11manufacturerProductName
	// of the radio, the sysDescr's third word.
	"ligowave-infinity": {"ligowave-infinity", "LigoWave", "NFT 2N", "", "Infinity", "1.4.2", "access_point"},
}

func TestFPFFixtures(t *testing.T) { checkFixtures(t, fpfFixtureDir, fpfCases) }
