package fingerprints

import (
	"testing"
)

// forksABFixtureDir holds small walks written from the vendor MIBs and the
// device-support definitions of the LibreNMS OS families found in forks'
// definition listings (Comap ... bnt): model, serial and version read from
// each vendor's own objects.
const forksABFixtureDir = "testdata/fixtures/forks-a-b"

// forksABCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var forksABCases = map[string]want{
	// Trango Apex Plus, whose sysDescr writes 'ApexPlus' (definition
	// apex-plus), on net-snmp's registration: GIGA-PLUS-MIB's firmware.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.3.2, not Linux's): an OS is named beside its own release only.
	// fq103: os_version was 1.3.2, now v1.3.2: the definition (apex-lynx,
	// and apex-plus the same) reads 5454.1.80.1.1.2.0 whole, its v kept.
	"trango-apexplus": {"trango", "Trango", "ApexPlus", "", "", "v1.3.2", "wireless"},
	// Telco Systems BiNOX (definition binox) on a registration under
	// 738.10.5 other than 738.10.5.100: PRVT-SWITCH-MIB's part and serial
	// numbers, PRVT-INTERWORKING-OS-MIB's version, quotes dropped.
	"telco-binox": {"telco-systems-batm", "Telco Systems", "T-Metro 7124S", "TM7124S0198273", "BiNOX", "2.3.0.112", "switch"},
	// ADVA (Oscilloquartz) OSA timing units on 5551.3 (definition
	// adva-osa): ENTITY-MIB's first row, its name, serial and software.
	"adva-osa": {"adva-osa", "ADVA", "OSA 5420", "OQ2041A00123", "", "12.1.2", "appliance"},
	// ARRIS C3 CMTS (definition arris-c3, 4115.1.4.3): the product its
	// registration names, the release the DOCSIS sysDescr's SW_REV states.
	"arris-c3": {"arris-cmts", "ARRIS", "C3", "", "", "4.4.0.31", "router"},
	// An Areca RAID subsystem on net-snmp's registration, by 'Raid
	// Subsystem V' in the sysDescr (definition areca): ARECA-SNMP-MIB's
	// controller model, serial and firmware.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.56, not Linux's): an OS is named beside its own release only.
	// fq97: the release 'V1.56 2019-07-30' (was '1.56'): the definition
	// areca's os_discovery reads 18928.1.2.1.4.0 whole, no version_regex.
	"areca-raid-subsystem": {"areca", "Areca", "ARC-1883", "Y614C0012345", "", "V1.56 2019-07-30", "storage"},
	// A Ubiquiti AF60 on airOS's registration (definition airos-af60):
	// UI-AF60-MIB's af60DevModel and af60FirmwareVersion at instance 1,
	// where the agent answers them. Since fq7: the release with its 'v',
	// as airos-af60's version_regex keeps it.
	"ubiquiti-af60": {"ubiquiti-airfiber-agent", "Ubiquiti", "AF60-LR", "", "airFiber", "v2.6.0", "wireless"},
	// An ARRIS Touchstone modem (definition arris-cm, 4115 and 'ARRIS
	// DOCSIS'): the DOCSIS sysDescr's MODEL and SW_REV, docsDevSerialNumber;
	// the model with its HW_REV as ArrisCm.php writes it (before: MODEL
	// alone).
	"arris-docsis-cm": {"arris-docsis-cm", "ARRIS", "CM820A (Rev: 3)", "3CM1234A5678", "", "7.5.63", "router"},
	// Baicells CPEs by 'BaiCPE' in the sysDescr (definition baicells-od04)
	// where BAICELLS-MIB's deviceInfo does not answer.
	"baicells-baicpe": {"baicells-cpe", "Baicells", "", "", "", "", "router"},
	// Barracuda Spam Firewall on net-snmp's registration (definition
	// barracudaspamfirewall, by the sysDescr).
	"barracuda-spam-firewall": {"barracuda", "Barracuda", "", "", "Linux", "", "firewall"},
	// A Blade Network Technologies module on another maker's registration
	// (definition bnt, by the sysDescr): the product after the maker's name.
	"bnt-blade-module": {"bnt-switch-module", "Blade Network Technologies", "1/10Gb Uplink Ethernet Switch Module", "", "", "", "switch"},
}

// TestForksABFixtures checks each profile on its fixture: the winning
// profile and every field, with evidence (check).
func TestForksABFixtures(t *testing.T) {
	checkFixtures(t, forksABFixtureDir, forksABCases)
}
