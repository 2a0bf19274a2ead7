package fingerprints

import (
	"testing"
)

// sweep94FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq94's sweep of profiles last changed on
// 2026-12-06, each read again against the newest device-support
// definition that detects the device.
const sweep94FixtureDir = "testdata/fixtures/sweep-94"

// sweep94Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep94Cases = map[string]want{
	// Cisco UCOS VM (definition ucos: hardware_mib CISCO-PRODUCTS-MIB):
	// the label the MIB registers 9.1.1348 as, ciscoUCVirtualMachine, as
	// the MIB writes it; the release SYSAPPL-MIB's first package's.
	"ucos-vm-hardware-mib": {"cisco-ucos", "Cisco", "ciscoUCVirtualMachine", "", "UCOS", "14.0.1.13900-155", "appliance"},
	// Ubiquoss PON (definition ubiquoss-pon, sysDescr_regex
	// '/(?<hardware>.*)/'): the sysDescr's first line, not its lines
	// joined (the maker's name dropped, as everywhere); the release the
	// generic sysDescr reader finds on its second line, the unit's own.
	"ubiquoss-pon-first-line": {"ubiquoss-pon", "Ubiquoss", "E8424 GPON OLT", "UQ8424G180400117", "", "2.1.3", "switch"},
	// Tait base station on the registration the definition tait-infra93
	// detects (3570.2.2): the sysDescr's hardware, TAIT-INFRA93SERIES-MIB's
	// serial and firmware.
	"tait-infra93-base-station": {"tait-infra93", "Tait Communications", "TB9400", "19101234", "", "3.40.01.0002", "wireless"},
	// Another Tait registration (3570.1): no definition detects it, so
	// not tait-infra93's (before fq94, all of 3570 was): the generic
	// rules only.
	"tait-other-arc": {"", "Tait", "", "", "", "1.2.3", ""},
	// 'JetStream' joined to the next word in the sysDescr: the definition
	// jetstream detects the word anywhere, not only whole; TPLINK-SYSINFO-MIB
	// read as it reads it.
	"jetstream-word-joined": {"tplink-jetstream-descr", "TP-Link", "T2600G-28TS 2.0", "2171234000567", "", "2.0.1 Build 20170410 Rel.42917(s)", "switch"},
	// WxGoos (definition wxgoos): IT-WATCHDOGS-MIB-V3 productVersion.0
	// whole, its leading v kept; climateSerial.1; productTitle, the unit's
	// own, for the model.
	"wxgoos-version-v-kept": {"itwatchdogs-wxgoos", "IT Watchdogs", "WeatherGoose II", "28F4A1B2030000C7", "", "v3.4.0", "sensor"},
	// Sophos UTM (definition sophos: net-snmp's Linux registration and a
	// uname release of at most 19 characters before '.g<7 hex>', then '.'
	// or '-smp64'): 19 characters, a UTM firewall; nothing else stated.
	"sophos-utm-release-19": {"sophos-utm-linux", "Sophos", "", "", "UTM", "", "firewall"},
	// 21 characters before '.g': the definition sophos does not detect it
	// (linux does), so not sophos-utm-linux's (before fq94, up to 24 were).
	"sophos-utm-release-too-long": {"net-snmp-linux", "", "Generic x86 64-bit", "", "Linux", "4.14.240-0.3103185212.g1b2c3d4-smp64", "server"},
}

func TestSweep94Fixtures(t *testing.T) {
	checkFixtures(t, sweep94FixtureDir, sweep94Cases)
}
