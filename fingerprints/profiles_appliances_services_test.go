package fingerprints

import (
	"testing"
)

// appliancesServicesFixtureDir holds small walks written from the vendor
// MIBs of application delivery, security and network-service appliances and
// of storage arrays, SAN and tape (and the vendors' objects their
// device-support definitions name): model, serial and version read from
// each vendor's own objects.
const appliancesServicesFixtureDir = "testdata/fixtures/appliances-services"

// appliancesServicesCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var appliancesServicesCases = map[string]want{
	// Riverbed products whose MIBs repeat STEELHEAD-MIB's system group
	// under their own arc: SteelHead EX (17163.1.51.1), SteelFusion Core
	// (GC-MIB, 17163.1.100.1).
	"riverbed-steelhead-ex":     {"riverbed-steelhead", "Riverbed", "EX1160", "H75SJ000A1B2C", "RiOS", "4.6.2", "appliance"},
	"riverbed-steelfusion-core": {"riverbed-steelhead", "Riverbed", "3000", "X82AB000D4321", "RiOS", "5.0.1", "appliance"},
	// Infortrend: the controller firmware, fwMajorVersion.fwMinorVersion.
	"infortrend-firmware": {"infortrend", "Infortrend", "GS 3024RB", "8534567", "", "3.86", "storage"},
	// Quantum Scalar i500: ADIC-INTELLIGENT-STORAGE-MIB productAgentInfo.
	"quantum-scalar-i500": {"quantum-scalar", "Quantum", "Scalar i500", "A0C0123456", "", "740G.GS004", "storage"},
	// An older Scalar library: the library group under 3764.1.10.10.1.
	"quantum-scalar-older": {"quantum-scalar", "Quantum", "Scalar 1000", "ADIC203100123", "", "420A.GC00102", "storage"},
	// Citrix SDX and ADM: SDX-MIB's and MAS-MIB's systemGroup, which the
	// NetScaler instances' NS-ROOT-MIB does not answer.
	"citrix-sdx": {"citrix-sdx", "Citrix", "SDX 14020", "5KZ7ND2HCP", "NetScaler SDX", "13.0-82.45", "appliance"},
	"citrix-adm": {"citrix-adm", "Citrix", "MAS VPX", "VPX4K2M6Q1", "ADM", "13.0-58.30", "appliance"},
	// HPE 3PAR: the product before ', ID:' (the older InServ systems).
	"hpe-3par-inserv": {"hpe-3par", "HPE", "InServ F400", "1321345", "InForm OS", "3.1.2 (MU2)", "storage"},
	// ATTO bridges: the product group under 4547.2.3.1.
	"atto-fibrebridge": {"atto", "ATTO Technology", "FibreBridge 7500N", "FB7500N102345", "", "3.10", "storage"},
	// Blue Coat Content Analysis System: appliance and release from the
	// sysDescr.
	"bluecoat-cas": {"bluecoat-proxysg", "Blue Coat", "S400-A3", "", "CAS", "1.2.4.4", "appliance"},
	// Nimble: the release whole after 'version '.
	"nimble-storage-build": {"nimble-storage", "HPE", "HF20", "", "NimbleOS", "5.2.1.200-762453-opt", "storage"},
	// A10 Thunder TPS: the line after the model in the sysDescr.
	"a10-thunder-tps": {"a10-acos", "A10 Networks", "TH5435 TPS", "TH54350915180012", "ACOS", "3.2.4-P3", "load_balancer"},
	// Zeus Traffic Manager (vTM): ZXTM-MIB's version, quoted.
	"zeus-vtm": {"zeus-vtm", "Zeus Technology", "", "", "Traffic Manager", "20.3r1", "load_balancer"},
	// Aruba ClearPass: ARUBA-CPPM-MIB cppmSystemInfo's model and serial
	// beside the release (before, the literal product name and no serial).
	"aruba-clearpass-cppm": {"aruba-clearpass", "Aruba", "C2000", "TW0123456789", "ClearPass", "6.9.13.166028", "appliance"},
	// A NetScaler answering no NS-ROOT-MIB system objects: the release
	// the sysDescr states before the build ('NS12.1', as the definition
	// netscaler reads sysBuildVersion), no model (the engine's sysDescr
	// fallback took it before).
	"citrix-netscaler-sysdescr": {"citrix-netscaler", "Citrix", "", "", "NetScaler", "NS12.1", "load_balancer"},
	// Squid's own agent, without the system group: SQUID-MIB cacheConfig
	// (a generic profile: no profile wins).
	"squid-cache": {"", "", "", "", "Squid", "4.13", ""},
	// China Infosec: product and release in an ArrayOS-shaped sysDescr.
	"infosec-appliance": {"infosec-appliance", "China Infosec Technologies", "NSAE 8600", "", "", "8.5.1.2", "appliance"},
}

func TestAppliancesServicesFixtures(t *testing.T) {
	checkFixtures(t, appliancesServicesFixtureDir, appliancesServicesCases)
}
