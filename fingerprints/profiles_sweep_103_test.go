package fingerprints

import (
	"testing"
)

// sweep103FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq103's sweep of profiles against the
// newest device-support definitions they follow.
const sweep103FixtureDir = "testdata/fixtures/sweep-103"

// sweep103Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep103Cases = map[string]want{
	// A Hikvision camera on Hikvision's own arc (39165) whose deviceType
	// holds '-': the newest hikvision-cam.yaml (34cba3b) detects only an
	// agent answering no sysObjectID, so hikvision-device-mib's, which
	// reads deviceType and softwVersion on that arc (no definition
	// detects 39165), not hikvision's.
	"hikvision-cam-39165-arc": {"hikvision-device-mib", "Hikvision", "DS-2CD2347G2-LU", "", "", "V5.7.12 build 230220", "camera"},
	// VyOS on its own registration (44641), which the definition vyos
	// detects whatever the sysDescr says (os_detection/vyos.yaml,
	// 08247ab): hardware HOST-RESOURCES-MIB hrDeviceDescr.196608; a uname
	// line names no VyOS release ('/VyOS (?<version>\S+)/' finds none), so
	// none, not the kernel's.
	"vyos-registration-uname": {"vyatta-vyos", "VyOS", "GenuineIntel: Intel(R) Atom(TM) CPU C3558 @ 2.20GHz", "", "VyOS", "", "router"},
	// A sysDescr starting 'vyos' in lower case: vyos detects '/^VyOS/i';
	// its release pattern is case-sensitive and finds none.
	"vyos-lowercase-descr": {"vyatta-vyos", "VyOS", "AuthenticAMD: AMD EPYC 7302P 16-Core Processor", "", "VyOS", "", "router"},
	// Onyx (definition mellanox, sysDescr_regex '/[, ](?<hardware>\S+),SWv/'):
	// the platform whole as the sysDescr writes it between its first comma
	// and ',SWv', underscore and all, before the model-shaped word.
	"mellanox-onyx-platform-underscore": {"mellanox-onyx", "Mellanox", "MSN2100_HALF", "", "Onyx", "3.9.3202", "switch"},
	// Sodola (definition sodola, os_discovery a6c553d): where 12284.5.1.18
	// does not answer, ENTITY-MIB row 1's model; its serial
	// entPhysicalSerialNum.1 before 12284.5.1.17.0; the release
	// 12284.5.1.10.0 whole, 'V' kept.
	"sodola-entity-row1": {"sodola", "Sodola", "SL3010S-8GT2SF", "SD23010001", "", "V2.0.1", "switch"},
	// A Trango GigaPlus on Trango's arc: GIGA-PLUS-MIB's firmware
	// (5454.1.80.1.1.2.0) whole, its 'v' kept, as the definitions apex-lynx
	// and apex-plus read it (no version_regex); the sysDescr whole the
	// hardware.
	"trango-gigaplus-firmware-v": {"trango", "Trango", "GigaPlus", "", "", "v1.4.0", "wireless"},
	// An ASA answering no ENTITY-MIB rows on ciscoASA5545 (9.1.1409): the
	// definition asa's hardware_mib, CISCO-PRODUCTS-MIB's label as the MIB
	// writes it, not the registry's display form (ASA5545).
	"cisco-asa-no-entity-label": {"cisco-asa", "Cisco", "ciscoASA5545", "", "ASA", "9.8(4)", "firewall"},
}

func TestSweep103Fixtures(t *testing.T) {
	checkFixtures(t, sweep103FixtureDir, sweep103Cases)
}
