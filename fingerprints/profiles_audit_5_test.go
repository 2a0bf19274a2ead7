package fingerprints

import (
	"testing"
)

// audit5FixtureDir holds small walks written from the vendor MIBs for the
// second value audit (part 2): profiles re-read against the device-support
// definitions for the objects they read, their order and the values' form.
const audit5FixtureDir = "testdata/fixtures/audit-5"

// audit5Cases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var audit5Cases = map[string]want{
	// websensor: the version is all the line after ' fw ' (or 'Version ').
	"comet-websensor-fw": {"comet-system", "Comet System", "P8541", "17961234", "", "4-5-8.0", "sensor"},
	// wipipe: hardware and version from 'Cradlepoint <hw>, Firmware
	// Version <v>', the sysDescr before devFWVersion.
	"cradlepoint-firmware-version": {"cradlepoint", "Cradlepoint", "AER2200-600M", "", "NetCloud OS", "7.23.40", "router"},
	// cxr-ts: productName and version whole, quotes trimmed, the 'V' kept.
	"cxr-ts-version-prefix": {"cxr-ts", "CXR Networks", "ULIS-TS 211", "", "", "V3.2.1", "appliance"},
	// webmon: systemGeneralVersion whole, its 'v' kept.
	"dantel-webmon-v": {"dantel-webmon", "Dantel", "Webmon Edge", "", "", "v4.2.7", "sensor"},
	// dell-rcs: '(\S+) (.*)': the release all after the first word, 'V'
	// kept.
	"dell-rcs-v-release": {"dell-rcs", "Dell", "1082DS", "", "", "V1.2.0.3", "appliance"},
	// arubaos (Arubaos.php): wlsxSwitchLicenseSerialNumber.0 is the serial,
	// before the system-extension serial.
	"dell-w-series-license-serial": {"dell-w-series", "Dell", "W-3200", "BE0001234", "ArubaOS", "6.1.3.4", "wireless_controller"},
	// enexus: controlUnitSwVersion.1 whole.
	"eltek-enexus-version-whole": {"eltek-smartpack", "Eltek", "Smartpack2 Touch", "183100054321", "", "V4.06", "power"},
	// eltek-webpower: the first dotted number after a space in the
	// sysDescr, before any 'v2.0' further on. (The hardware the
	// controller type's ELTEK-DISTRIBUTED-MIB label, as the definition
	// fetches it: fq21; was "Smartpack".)
	"eltek-webpower-release": {"eltek-smartpack", "Eltek", "smartpack", "144100912345", "", "4.3.1", "power"},
	// aloha: alHardwareModel (23263.4.2.1.5.1) before alProductModel, the
	// serial alHardwareETHID, the version alProductSubVersion.
	"haproxy-aloha-hardware": {"haproxy-aloha", "HAProxy Technologies", "ALB5200", "00005E005321", "ALOHA", "13.5.12", "load_balancer"},
	// stoneos: sysSoftware's word after 'Version', whatever its characters.
	"hillstone-sys-software": {"hillstone-stoneos", "Hillstone Networks", "SG-6000-A2000", "0010033160004321", "StoneOS", "5.5R10P1-HF2", "firewall"},
	// informos: the version all the line after 'InForm OS version: '.
	"hpe-3par-os-version": {"hpe-3par", "HPE", "3PAR 8200", "4C12345678", "InForm OS", "3.3.1 (MU5)+P47", "storage"},
	// ocnos: '{{ cmmStackVendorName.1 }} {{ cmmStackUnitModelName.1 }}'
	// before the sysDescr's hardware model.
	"ipinfusion-ocnos-vendor-model": {"ipinfusion-ocnos", "IP Infusion", "Edgecore AS7326-56X", "732656X2011077", "OcNOS", "6.4.1.77", "switch"},
}

func TestAudit5Fixtures(t *testing.T) {
	checkFixtures(t, audit5FixtureDir, audit5Cases)
}
