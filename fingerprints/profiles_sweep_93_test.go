package fingerprints

import (
	"testing"
)

// sweep93FixtureDir holds small walks written from the vendor MIBs and
// the device-support definitions' documented objects for fq93's sweep of
// profiles last changed on 2026-12-06: each walk shows one field read as
// the definition that detects the device reads it (its objects, its
// order, its form), then the device's own.
const sweep93FixtureDir = "testdata/fixtures/sweep-93"

// sweep93Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep93Cases = map[string]want{
	// MRV OptiDriver (definition mrv-od: hardware
	// nbsCmmcChassisModel.1, serial nbsCmmcChassisSerialNum.1, version
	// nbsCmmcSysFwVers.0 raw): chassis 1's row, not the table's first
	// (row 0 here); the release whole, its 'v' kept.
	"mrv-od-chassis-row1": {"mrv-optidriver", "MRV", "OD-NM-16", "OD4A0999C3", "OptiDriver", "v4.6.5", ""},
	// Microsemi PowerDsine (definition microsemipdsine, sysDescr_regex
	// not anchored: '(?<hardware>\S+)\.  (Unit S\/N=(?<serial>\d*)\.  )?
	// App Ver=(?<version>[^,]*),'): the word before '.  ', not the
	// sysDescr's first word (before, no model).
	"microsemi-pdsine-model-not-first": {"microsemi-pdsine", "Microsemi", "PD-9012G/ACDC/M", "1907004411", "", "2.1.9", "power"},
	// SyncServer (definition microsemitime: hardware_template
	// '{{ ntpSysSystem.0 }} {{ etcModel.0 }}'): both whole, the maker's
	// name ntpSysSystem writes kept (before, cut).
	"microsemitime-symmetricom-whole": {"microsemi-syncserver", "Microsemi", "Symmetricom SyncServer S350", "1019B00777", "", "1.30", "appliance"},
	// IMCO LS110 (definition imcopower-ls110: version
	// IMCO-LSPS-MIB::sdsSoftware.0, no regexp): whole, its 'V' kept
	// (before, cut).
	"imco-ls110-software-v": {"imco-power", "IMCO Power", "LS110-24", "LS1102201042", "", "V1.30", "power"},
	// LANCOM Unified Firewall (definition lcosfx: hardware
	// RSCS-LICENSE::licenseType.0, whole): the whole value, words after
	// the appliance's name too (before, no model).
	"lcosfx-license-type-words": {"lancom-lcos-fx", "LANCOM", "UF-160 Full License", "", "LCOS FX", "", "firewall"},
	// IBM TS3100 (definition ibmtl: hardware SNIA-SML-MIB chassis-Model.0,
	// else the library table's .8.1, else .1.1.0; serial likewise .10.1;
	// version product-Version.0, else .1.4.0): row 1, not the table's
	// first (row 0 here).
	"ibmtl-library-row1": {"ibm-tape-library", "IBM", "TS3100", "78A0000999", "", "F.40", "storage"},
	// Schneider PowerLogic PM8ECC (definition powerlogic: hardware
	// midDeviceName.1, serial midSerialNumber.1, version
	// midFirmwareVersion.1): meter 1's row, not the table's first.
	"powerlogic-meter-row1": {"schneider-powerlogic", "Schneider Electric", "PM820", "MA1904000321", "PowerLogic", "12.100", "power"},
	// Rohde & Schwarz transmitter (definition rs: sysDescr_regex
	// '/(?<hardware>.*)/'): the sysDescr whole, the maker's name it
	// writes kept (before, cut).
	"rs-sysdescr-whole": {"rohde-schwarz-transmitter", "Rohde & Schwarz", "R&S TMU9 UHF Transmitter", "104455", "", "3.6.1", "appliance"},
	// Pan Dacom SPEED-CARRIER (definition pandacom: serial
	// nmCarrierSerialNumber.0 with serial_replace '/unknown/' -> ''): a
	// carrier writing 'unknown' states no serial (before, 'unknown').
	"pandacom-serial-unknown": {"pandacom", "Pan Dacom", "Carrier 1U", "", "", "7.5.2", "media_converter"},
	// LANCOM LCOS SX 3 (definition lcossx: version
	// LCOS-SX-MIB::lcsSystemInfoFirmwareVersion.0, no regexp): whole, its
	// 'V' kept (before, cut).
	"lcossx-firmware-v": {"lancom-lcos-sx", "LANCOM", "GS-2310P+", "4004160000123457", "LCOS SX", "V3.32.0219", "switch"},
	// m0n0wall (definition monowall, sysDescr_regex '/ (?<version>[\d.-]+\S*)
	// (?<features>.+) (?<hardware>\S+)$/'): the release word whole,
	// '1.8.1_rc2' (before, '1.8.1'); the machine, the last word.
	"monowall-release-whole": {"m0n0wall", "m0n0wall", "i386", "", "m0n0wall", "1.8.1_rc2", "firewall"},
	// Nokia Wavence (Wavence.php: the first remote-inventory row whose
	// mnemonic matches '/^UBT[-_][A-Z0-9]/i', its mnemonic and serial):
	// the E-band 'UBT-m' in its own case (before, the next row's
	// 'UBT-S', another radio's).
	"wavence-ubt-m": {"nokia-wavence", "Nokia", "UBT-m", "UM2318P0042", "Wavence", "24.1.0", "wireless"},
}

func TestSweep93Fixtures(t *testing.T) {
	checkFixtures(t, sweep93FixtureDir, sweep93Cases)
}
