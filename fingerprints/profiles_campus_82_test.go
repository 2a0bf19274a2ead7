package fingerprints

import (
	"testing"
)

// campus82FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq82's audit of campus and datacentre
// switching families against the device-support definitions that detect
// them (their objects, order and form).
const campus82FixtureDir = "testdata/fixtures/campus-82"

// campus82Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var campus82Cases = map[string]want{
	// OmniSwitch 6400 (6486.800.1.1.2.1.10, definition aos6), whose
	// sysDescr opens with the release: aos6.inc.php names the hardware
	// from the registration (deviceOmniSwitch6400P24 -> OS6400-P24) and
	// the version from the sysDescr's word 0 (before, neither: the
	// sysDescr forms read begin with 'Alcatel').
	"aos6-os6400-version-first": {"ale-omniswitch", "Alcatel-Lucent Enterprise", "OS6400-P24", "K2981234", "AOS", "6.4.4.585.R01", "switch"},
	// AOS 6 with 'Enterprise' in its sysDescr: words 2 and 3
	// (aos6.inc.php), as before.
	"aos6-enterprise-words": {"ale-omniswitch", "Alcatel-Lucent Enterprise", "OS6850E-U24X", "M4521234", "AOS", "6.4.6.218.R01", "switch"},
	// AOS 7/8 (6486.801, definition aos7): the version is
	// discovery/aos7.yaml's sysDescr_regex group, '\d+\.\d+\.\S+'
	// ('8.7.98.R03,', whose trailing comma the engine's value cleaning
	// drops), the hardware 'OS\S+'.
	"aos7-no-dot-r": {"ale-omniswitch", "Alcatel-Lucent Enterprise", "OS6860E-P24", "Z3361234", "AOS", "8.7.98.R03", "switch"},
	// Enterasys (definition enterasys, discovery/enterasys.yaml
	// sysDescr_regex '(?<hardware>\S+) Rev (?<version>\S+)'): the word
	// before 'Rev' and the word after it, whole, whatever opens the
	// sysDescr (before: no sysDescr model where it did not open 'Enterasys
	// Networks, Inc.', and the release cut to its digits and dots).
	"enterasys-sysdescr-first-rev": {"enterasys-eos", "Extreme Networks", "A4H124-24FX", "15012345678a", "EOS", "06.61.02.0003b", "switch"},
	// Lenovo CNOS (19046.1.7, definition cnos; cnos.inc.php): the
	// sysDescr without 'Lenovo ThinkSystem' as the hardware, ENTITY row
	// 1's software revision and serial (here a stack row), not the
	// chassis row's (before: lenovo-enos, os ENOS, the chassis row's
	// model 7159CAV, serial and revision).
	"cnos-thinksystem-row1": {"lenovo-cnos", "Lenovo", "NE2572 RackSwitch", "MM12345", "CNOS", "10.10.2.0", "switch"},
	// Quanta (definition quanta, discovery/quanta.yaml): the serial from
	// NETGEAR-SWITCHING-MIB agentInventorySerialNumber.0 as LibreNMS's
	// MIB places it (4526.10.1.1.1.4.0) before Broadcom's 4413 object
	// (before: the 4413 object alone); hardware and version the
	// sysDescr_regex's first and third fields.
	"quanta-netgear-mib-serial": {"quanta", "Quanta", "LB9 48x10GE 4x40GE", "QTFCB91234567", "", "2.0.1.5", "switch"},
	// An ENOS RackSwitch on Lenovo's top-of-rack arc (19046.1.7), which
	// the definition cnos takes before ibmnos: no 'Lenovo ThinkSystem',
	// so cnos states nothing; the unit's own ENTITY chassis row and os
	// ENOS, which its sysDescr names.
	"cnos-arc-enos-rackswitch": {"lenovo-cnos", "Lenovo", "7159CRW", "Y052MV123456", "ENOS", "8.4.11.0", "switch"},
	// IBM ENOS (definition ibmnos, discovery/ibmnos.yaml): where neither
	// G8264 MIB answers, ENTITY-MIB row 1's entPhysicalSoftwareRev.1 and
	// entPhysicalSerialNum.1, here a stack row (before: the chassis row
	// 2's, '7.11.5.0-u1' and Y010CM345678).
	"ibmnos-entity-row1": {"lenovo-enos", "IBM", "RackSwitch G8052", "STK0012345", "ENOS", "7.11.5.0", "switch"},
}

func TestCampus82Profiles(t *testing.T) {
	checkFixtures(t, campus82FixtureDir, campus82Cases)
}
