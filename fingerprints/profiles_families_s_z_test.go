package fingerprints

import (
	"testing"
)

// familiesSZFixtureDir holds small walks written from the vendor MIBs of
// OS families from s to z that the device-support definitions name and no
// profile detected before (the census of those definitions' names).
const familiesSZFixtureDir = "testdata/fixtures/families-s-z"

// familiesSZCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var familiesSZCases = map[string]want{
	// V-SOL OLTs: V1600D systemInfo's model, serial and firmware; where
	// the model object does not answer, the product the sysDescr names
	// (and an empty serial is none).
	"vsolution-olt":       {"vsolution-olt", "V-SOL", "V1600G1", "GV2203012345", "", "V2.1.6R", "switch"},
	"vsolution-olt-descr": {"vsolution-olt", "V-SOL", "V1600D8", "", "", "V1.2.8", "switch"},
	// A Victron GX on net-snmp's Linux registration, known by VICTRON-MIB:
	// no kernel release for Venus OS's.
	"victron-gx": {"victron-gx", "Victron Energy", "", "", "Venus OS", "", "power"},
	// SEH device servers: the product the sysDescr names.
	"seh-myutn": {"seh-device-server", "SEH Computertechnik", "myUTN-80", "", "", "", "appliance"},
	// Zhone MXK on its registration: the chassis the sysDescr names.
	"zhone-mxk": {"zhone-mxk", "Zhone Technologies", "MXK-819", "", "SLMS", "", "switch"},
	// A ZXA10 OLT on the TITAN registration whose sysDescr names no
	// product: ZXAN and the release, not a ZXROS switch.
	"zte-zxa10-titan": {"zte-zxa10-oid", "ZTE", "", "", "ZXAN", "V1.2.2P1", "switch"},
	// A Comet System Web Sensor: T3610-MIB's serial, which the
	// definition (websensor) reads.
	"comet-websensor-t3610": {"comet-system", "Comet System", "T3610", "15962024", "", "1-5-7-2", "sensor"},
	// Sensaphone WEB600: the product object, on its registration or
	// under another sysObjectID.
	"sensaphone-web600":             {"sensaphone-web600", "Sensaphone", "Web600", "", "", "", "sensor"},
	"sensaphone-web600-foreign-oid": {"sensaphone-web600", "Sensaphone", "Web600", "", "", "", "sensor"},
}

func TestFamiliesSZFixtures(t *testing.T) { checkFixtures(t, familiesSZFixtureDir, familiesSZCases) }
