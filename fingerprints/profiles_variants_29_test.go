package fingerprints

import (
	"testing"
)

// variants29FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq29: cameras and environmental sensors
// on the shapes real devices have, each field as the device-support
// definitions give it.
const variants29FixtureDir = "testdata/fixtures/variants-29"

// variants29Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var variants29Cases = map[string]want{
	// A Dahua XVR whose DAHUA-SNMP-MIB deviceType carries the DH- prefix
	// (definition dahua-nvr: deviceType.0, serialNumber.0,
	// softwareRevision.0 whole): a recorder, as its DHI- and bare names
	// already were (before: camera).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release V4.001.0000000.1.R,build:2021-03-04, not Linux's): an OS is named beside its own release only.
	"dahua-dh-xvr": {"dahua", "Dahua", "DH-XVR5108HS-4KL-I3", "6J0123PAZ00013", "", "V4.001.0000000.1.R,build:2021-03-04", "nvr"},
	// An Intelbras NVR built by Dahua (DAHUA-SNMP-MIB, definition
	// dahua-nvr): Intelbras names its NVRs NVD and its DVRs MHDX; a
	// recorder (before: camera).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release V4.001.0000000.1.R,build:2021-03-04, not Linux's): an OS is named beside its own release only.
	"dahua-intelbras-nvd": {"dahua", "Intelbras", "NVD 1404", "6J0123PAZ00004", "", "V4.001.0000000.1.R,build:2021-03-04", "nvr"},
	// A HiLook recorder on HIK-DEVICE-MIB (definition hikvision-cam:
	// deviceType.0 as the hardware, softwVersion.0 whole): its NVR-
	// name is a recorder's (before: camera). fq52: hikvision-device-mib's
	// (was hikvision's, which now holds hikvision-cam's detection alone,
	// no sysObjectID): on Hikvision's arc 39165, the same readings.
	// fq66: hikvision's (was hikvision-device-mib's), the same values:
	// hikvision-cam detects a deviceType holding '-' on any sysObjectID.
	// fq103: hikvision-device-mib's again (was hikvision's), the same
	// values: the newest hikvision-cam.yaml (34cba3b) wants no sysObjectID.
	"hikvision-hilook-nvr": {"hikvision-device-mib", "Hikvision", "NVR-108MH-C/8P", "", "", "V4.30.085 build 200916", "nvr"},
	// Checked right: deviceType and softwVersion answered with spaces
	// around them are read trimmed (definition hikvision-cam). fq52:
	// hikvision-device-mib's on 39165 (was hikvision's), the same values.
	// fq66: hikvision's (was hikvision-device-mib's), the same values:
	// hikvision-cam detects a deviceType holding '-' on any sysObjectID.
	// fq103: hikvision-device-mib's again (was hikvision's), the same
	// values: the newest hikvision-cam.yaml (34cba3b) wants no sysObjectID.
	"hikvision-values-spaced": {"hikvision-device-mib", "Hikvision", "DS-2CD2T47G2-L", "", "", "V5.7.3 build 220112", "camera"},
	// Checked right: a Hikvision camera answering no sysObjectID, the
	// shape the definition hikvision-cam detects (an empty sysObjectID and
	// HIK-DEVICE-MIB deviceType.0 with a '-').
	"hikvision-no-sysobjectid": {"hikvision", "Hikvision", "DS-2CD2043G0-I", "", "", "V5.5.82 build 190220", "camera"},
	// Checked right: an all-zero ifPhysAddress.2 is no serial (definition
	// axiscam reads ifPhysAddress.2 as the serial; a placeholder is none).
	"axis-zero-mac": {"axis-camera", "Axis", "M3046-V", "", "AXIS OS", "9.80.3.8", "camera"},
	// An Axis audio module whose AXIS OS agent leads the sysDescr with ' ; '
	// (definition axisaudio: '(?<hardware>[^;]+); [^;]+; (?<version>[^;]+)'
	// over the product's fields, as axis-camera reads that shape): the
	// release, not the product type (before: 'Network IO Audio Module').
	"axis-audio-leading-semicolon": {"axis-audio", "Axis", "C8033", "ACCC8E654321", "AXIS OS", "1.10.3", "appliance"},
	// A Hanwha Wisenet recorder whose sysDescr names only its model (no
	// definition reads Hanwha; the product arc under 36849.1.2 names model
	// and firmware): XRN- is Hanwha's name for its network recorders, a
	// recorder (before: camera).
	"hanwha-xrn-recorder": {"hanwha-samsung-camera", "Hanwha Vision", "XRN-1610S", "", "", "2.10_210520", "nvr"},
	// Checked right: an AXIS OS agent on net-snmp's registration whose
	// sysDescr has no leading ' ; ' (definition axiscam: its sysDescr
	// pattern's hardware and version, serial ifPhysAddress.2).
	"axis-no-lead-net-snmp": {"axis-camera", "Axis", "M3046-V", "ACCC8E123456", "AXIS OS", "9.80.3.8", "camera"},
	// Checked right: older Axis firmware writing the release after the
	// product type, no semicolons.
	"axis-old-firmware": {"axis-camera", "Axis", "211", "", "AXIS OS", "4.40", "camera"},
	// Checked right: Axis strobe speakers (detected by axiscam's 'Network
	// Strobe Speaker') and recorders (S30xx).
	"axis-strobe-speaker": {"axis-camera", "Axis", "D4100-E", "", "AXIS OS", "10.12.100", "appliance"},
	"axis-recorder":       {"axis-camera", "Axis", "S3008", "", "AXIS OS", "10.12.100", "nvr"},
	// Checked right: AVTECH's product of several words before ' v'
	// (definition avtech: '(?<hardware>.*) v(?<version>[\d.]+)').
	"avtech-roomalert-words": {"avtech-roomalert", "AVTECH", "Room Alert 3 Wi-Fi", "", "", "2.2.1", "sensor"},
	// Checked right: HW group's product before the colon, all its words.
	"hwg-ste-plus": {"hwg", "HW group", "HWg-STE plus", "", "", "", "sensor"},
	// An STE2 writing '<product>, fw:<release>' (definition hwg-ste2:
	// '(?<hardware>.*),\s+fw:(?<version>.*)?'): the product all before the
	// comma, its LITE kept (before: HWg-STE2).
	"hwg-ste2-lite-fw": {"hwg", "HW group", "HWg-STE2 LITE", "", "", "2.1.4", "sensor"},
	// Checked right: a Poseidon (definition hwg-poseidon: '(?<hardware>Poseidon
	// [0-9]+) .* v(?<version>[\d.]+)').
	"hwg-poseidon-supervisor": {"hwg", "HW group", "Poseidon 3268", "", "", "1.4.9", "sensor"},
	// Checked right: a Geist Watchdog on GEIST-MIB-V3 (definition
	// geist-watchdog: productVersion.0, climateSerial.1; no hardware, the
	// product title here).
	// fq59: no model (was Watchdog 15, productTitle): the definition reads
	// no hardware, as this comment says, so none is stated.
	// owner: the model the unit names itself (Watchdog 15) follows what its
	// definition reads (none there: a field no measure counts), for the
	// user's inventory (fq59's 91ad1db had left it empty).
	"geist-watchdog-v3": {"vertiv-geist", "Vertiv", "Watchdog 15", "28F1D71B05000091", "", "3.2.0", "sensor"},
	// Checked right: a Comet Web Sensor's version in dashes after
	// 'Version ' and T3610-MIB serialNumber.
	"comet-websensor-version": {"comet-system", "Comet System", "T3610", "10953310", "", "1-5-7-2", "sensor"},
	// Checked right: a Quido named with its inputs and outputs, the
	// release after ' v'.
	"papouch-quido-words": {"papouch", "Papouch", "Quido ETH 8/8", "", "", "1.4", "sensor"},
}

func TestVariants29Fixtures(t *testing.T) {
	checkFixtures(t, variants29FixtureDir, variants29Cases)
}
