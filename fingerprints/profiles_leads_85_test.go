package fingerprints

import (
	"testing"
)

// leads85FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq85's leads, each read in the order the
// device-support definition that detects the device reads it.
const leads85FixtureDir = "testdata/fixtures/leads-85"

// leads85Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads85Cases = map[string]want{
	// Windows (definition windows, Windows.php discoverOS): a sysDescr
	// without 'AT/AT COMPATIBLE' after the stepping still holds its whole
	// 'Hardware: X +- Software: ... Version N (Build B S' form, whose
	// hardware Windows.php parses alike ('Intel x64') and whose build
	// names the server release on 311.1.1.3.1.2.
	"windows-server-no-atat": {"windows-server", "", "Intel x64", "", "Windows Server 2019", "Server 2019 (1809)", "server"},
	// Without the word after the build, Windows.php's pattern does not
	// hold: it states no hardware and no release. The processor's machine
	// class follows for the user's inventory, as it does where 'AT/AT
	// COMPATIBLE' is written (fq85: the fallback required words after the
	// stepping and named none here).
	"windows-no-atat-no-smp": {"windows", "", "Intel x64", "", "Windows 10 / Server 2019", "", "server"},
	// FS switch (definition fs-switch, its newest os module,
	// os_discovery/fs-switch.yaml): hardware SWITCH lswSlotCurrentType.1.1,
	// version SWITCH version.0, serial SWITCH lswSlotSerialNo.1.1, each
	// whole, at FS's copy of the SWITCH MIB (52642.1: lswSlotTable
	// 52642.1.37.1.5, columns 4 and 10, frame 1 slot 1; version
	// 52642.1.1.3.5.0), before the running image's name.
	"fs-switch-slot-table": {"fs-com", "FS", "S5800-8TF12S", "G1RB2A0012345", "", "5.3.11.r3", "switch"},
	// No slot type and no version object: the running image's name
	// follows for the model and release (the older os module's
	// patterns); the slot's serial all the same.
	"fs-switch-image-only": {"fs-com", "FS", "S3910-48TS", "G1RC3B0067890", "", "2.0.5.r2", "switch"},
	// A Centec switch on 27975 (fs-switch detects it there): the same
	// objects at Centec's own arc (27975.37.1.5.1.4.1.1,
	// 27975.37.1.5.1.10.1.1, 27975.1.3.5.0), the OIDs the definition's
	// older poller named.
	"centec-slot-table": {"centec-switch", "Centec Networks", "E580-48X6Q", "E58A1900054321", "", "5.3.8.r2", "switch"},
	// Ixia / Anue NTO (definition anue: detection alone, no os module,
	// no class, no Unix code) on a uname sysDescr: no release (before,
	// the kernel's '3.10.0', Linux's, not the NTO software's). The OS
	// the agent runs on stays.
	"ixia-nto-uname": {"ixia-anue-nto", "Ixia", "", "", "Linux", "", "appliance"},
	// Kemp LoadMaster (no definition detects Kemp): a uname sysDescr is
	// the definition linux's, so Shared\Unix's OS, kernel release
	// ('5.10.0', not ' #1' or the firmware) and machine class first.
	"kemp-loadmaster-uname": {"kemp-loadmaster", "Kemp", "Generic x86 64-bit", "", "Linux", "5.10.0", "load_balancer"},
	// Another sysDescr: no definition states anything; the unit's own
	// firmware release, B100-MIB patchVersion unquoted, and OS name.
	"kemp-loadmaster-no-uname": {"kemp-loadmaster", "Kemp", "", "", "LoadMaster", "7.2.59.2.22338.RELEASE", "load_balancer"},
	// FortiSwitch (definition fortiswitch: hardware fsSysVersion's first
	// word): without fsSysVersion the definition states none; the
	// product FORTINET-FORTISWITCH-MIB's comment names for the fsModel
	// registration (1244: FortiSwitch-124E) follows for the user's
	// inventory (was the descriptor 's124en' from the registry).
	"fortiswitch-registration-only": {"fortinet-fortiswitch", "Fortinet", "FortiSwitch-124E", "S124ENTF00000042", "FortiSwitchOS", "", "switch"},
	// fsSysVersion answers: its first word and its 'v' release first.
	"fortiswitch-sysversion-first": {"fortinet-fortiswitch", "Fortinet", "FortiSwitch-124E-POE", "S124EPTF00000043", "FortiSwitchOS", "7.2.5", "switch"},
	// Eltek eNexus off a registration (definition enexus: an empty
	// sysObjectID and SP2-MIB powerSystemModel answering): a walk that
	// answers net-snmp's Linux registration is linux's, whatever SP2-MIB
	// objects it answers (before, eltek-enexus-mib took any sysObjectID
	// off 12148 and stated the control unit's description and release).
	"eltek-sp2-on-netsnmp": {"net-snmp-linux", "", "Generic ARMv7", "", "Linux", "3.14.28", "server"},
}

func TestLeads85Fixtures(t *testing.T) {
	checkFixtures(t, leads85FixtureDir, leads85Cases)
}
