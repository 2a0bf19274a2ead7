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
	// Records (already right): a Firebox whose sysDescr is the older
	// "WatchGuard Fireware v<release>": the definition (firebox) takes all
	// after the 'v' as the version, and names no hardware.
	"watchguard-fireware-v-descr": {"watchguard-fireware", "WatchGuard", "", "", "Fireware", "11.10.5", "firewall"},
	// A 7-Mode filer whose NETAPP-MIB productSerialNum answers "unknown"
	// (the MIB: "Returns unknown if it cannot be determined"): no serial;
	// productModel and productVersion as the definition (netapp) reads
	// them, the release between 'NetApp Release ' and the colon.
	"netapp-7mode-serial-unknown": {"netapp-ontap", "NetApp", "FAS2554", "", "ONTAP", "8.2.4P4 7-Mode", "storage"},
	// A Gaia management server on an open server (CHECKPOINT-MIB
	// supportedPlatforms 49, no product) without svnApplianceInfo: svnVersion
	// as the definition (gaia) reads it, no model or serial.
	"checkpoint-gaia-open-server": {"checkpoint-gaia", "Check Point", "", "", "Gaia", "R80.40", "firewall"},
}

func TestVariants28Fixtures(t *testing.T) {
	checkFixtures(t, variants28FixtureDir, variants28Cases)
}
