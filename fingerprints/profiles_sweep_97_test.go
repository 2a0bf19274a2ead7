package fingerprints

import (
	"testing"
)

// sweep97FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq97's sweep of profiles re-read
// against the newest device-support definitions.
const sweep97FixtureDir = "testdata/fixtures/sweep-97"

// sweep97Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep97Cases = map[string]want{
	// A WebSmart switch answering an ENTITY chassis row (definition
	// allied, Allied.php): the hardware is the sysDescr's first word
	// where its fourth and fifth are 'WebSmart Switch', never ENTITY's
	// model; the release 'WebSmart ' and swhub.167.81.1.3.0.
	"allied-websmart-entity-model": {"allied-telesis", "Allied Telesis", "AT-GS950/16", "", "", "WebSmart 1.0.0.42", "switch"},
	// An Areca subsystem answering both ARECA-SNMP-MIB groups (definition
	// areca, os_discovery): hardware the system group's model (first of
	// its two), serial and firmware the controller group's alone, the
	// firmware whole.
	"areca-both-groups": {"areca", "Areca", "ARC-8060", "Y920CTRL00000042", "", "V1.61 2022-04-20", "storage"},
	// A ClearPass appliance (definition clearpass, os_discovery): its
	// cppmSystemVersion.0 whole, as the definition reads it (no
	// version_regex), its words after the number kept.
	"clearpass-version-whole": {"aruba-clearpass", "Aruba", "C1000V", "00F1E2D3C4B5A6978877665544332211", "ClearPass", "6.10.8.250011 Patch 2", "appliance"},
	// A mobility controller (definition arubaos, os_discovery
	// sysDescr_regex; Arubaos.php's serial): the hardware inside
	// '(MODEL: ...),' and the whole word after ' Version ', before
	// WLSX-SYSTEMEXT-MIB's model and release; the serial
	// wlsxSwitchLicenseSerialNumber.0, not wlsxSysExtSerialNumber.
	"arubaos-controller-sysdescr": {"aruba-mobility-controller", "Aruba", "Aruba7010", "CT0001234", "ArubaOS", "8.5.0.10-FIPS_74865", "wireless_controller"},
	// An ERS 8600 on Rapid City's arc (definition voss, which takes every
	// 2272 registration boss does not): rcSysVersion.0 through voss's
	// version_regex ('\d+\.\d+\S+', the release before ' (PRIVATE)')
	// over the sysDescr's bracketed release; the word before the bracket
	// its hardware; rcChasSerialNumber.0.
	"voss-ers8600-rcsysversion": {"avaya-ers-passport", "Nortel", "ERS-8606", "SSNM0A1234", "", "7.1.3.6", "switch"},
	// A Fabric OS backbone (Fabos.php, the definition fabos): the switch
	// type fcFeModuleObjectID.1 (1588.2.1.1.120) through the class's
	// table, 'Brocade DCX 8510-8 Backbone' as written (the engine drops
	// the maker's name); swFirmwareVersion and swSsn.
	"fabos-dcx-backbone": {"brocade-fabric-os", "Brocade", "DCX 8510-8 Backbone", "ANM1234C001", "Fabric OS", "v8.2.3a", "switch"},
	// A CeraOS unit on an arc below the IP-20N 1RU registration
	// (2281.1.20.1.1.3): Ceraos.php's hardware is the first of its strings
	// the sysObjectID contains ('.2281.1.20.1.1' here), not the inventory
	// card's name; serial genEquipInventorySerialNumber.127, release
	// genEquipMngSwIDUVersionsRunningVersion.1.
	"ceraos-ip20n-deeper-arc": {"ceragon", "Ceragon", "IP-20N 1RU", "F123456789", "", "10.9.6", "wireless"},
	// An IP-10 on an arc under 2281.1.10 (contains '.2281.1.10'): 'IP10
	// Family', and so the IDU's serial, genEquipUnitIDUSerialNumber.0.
	"ceraos-ip10-longer-arc": {"ceragon", "Ceragon", "IP10 Family", "IDU0012345", "", "6.9.0", "wireless"},
}

func TestSweep97Fixtures(t *testing.T) {
	checkFixtures(t, sweep97FixtureDir, sweep97Cases)
}
