package fingerprints

import (
	"testing"
)

// variants28FixtureDir holds small walks written from the vendor MIBs for
// fq28's pass over the firewall and storage profiles on the shapes real
// devices have: sysDescr variants across releases and models, HA pairs and
// clusters, objects present or absent.
const variants28FixtureDir = "testdata/fixtures/variants-28"

// variants28Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var variants28Cases = map[string]want{
	// A SonicOS 6 firewall whose SNWL-COMMON-MIB snwlSysROMVersion is
	// written "SonicROM 6.5.0.3": the definition (sonicwall) puts both
	// values whole into its version_template, '(Firmware {{
	// snwlSysFirmwareVersion }} / ROM {{ snwlSysROMVersion }})', not the
	// ROM's last word alone.
	"sonicwall-nsa-sonicrom": {"sonicwall-sonicos", "SonicWall", "NSA 2650", "C0EAE4A01234", "SonicOS", "(Firmware SonicOS Enhanced 6.5.4.4-44n / ROM SonicROM 6.5.0.3)", "firewall"},
}

func TestVariants28Fixtures(t *testing.T) {
	checkFixtures(t, variants28FixtureDir, variants28Cases)
}
