package fingerprints

import (
	"testing"
)

// leadsEFixtureDir holds small walks written from the vendor MIBs and the
// objects the device-support definitions name, for the leads an earlier
// session left open and the OS families starting with e that the last
// audit of those definitions did not reach.
const leadsEFixtureDir = "testdata/fixtures/leads-e"

// leadsECases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leadsECases = map[string]want{
	// An Edgecore ECS4120 whose switchInfoTable answers the hardware
	// revision: the release as the definition's code (edgecos,
	// Edgecos.php discoverOS) states it, unit 1's swHardwareVer and
	// swOpCodeVer joined (ECS4120-MIB); swProdName, swSerialNumber.
	"edgecore-ecs4120-hwrev": {"edgecore-ecs", "Edgecore", "ECS4120-28Fv2-I", "EC2029001234", "", "R0B 1.2.6.6", "switch"},
	// An Eaton SC300 controller on its registration (1918.2.14), read as
	// the definition (eaton-sc300) reads RpsSc300Mib: systemType as the
	// hardware, the serial and version templates ('System:.. Product:..',
	// 'HW:.. SW:..') from systemSerialNumber, serialNumber,
	// hardwareVersion and softwareVersion.
	"eaton-sc300": {"eaton-sc300", "Eaton", "APR48-3G 48V", "System:2104567890 Product:ABD1212345", "", "HW:B SW:2.10.5", "power"},
	// A Zyxel IES-1000 whose agent answers no ZYXEL-AS-MIB
	// accessSwitchFWVersion: the card and the release its sysDescr names
	// ('IES-1000.(hardware) version V(version)'), as the definition (ies)
	// reads them; before, no model and the release cut at its build.
	"zyxel-ies1000": {"zyxel", "Zyxel", "AAM1212-51", "", "", "2.15(GT.2)b1", "switch"},
}

func TestLeadsEFixtures(t *testing.T) { checkFixtures(t, leadsEFixtureDir, leadsECases) }
