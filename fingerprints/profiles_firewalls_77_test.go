package fingerprints

import (
	"testing"
)

// firewalls77FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq77's pass over the firewall families
// other than Fortinet and Palo Alto: detection and each field's object,
// order and form as the device-support definitions read them.
const firewalls77FixtureDir = "testdata/fixtures/firewalls-77"

// firewalls77Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var firewalls77Cases = map[string]want{
	// A NetScreen on Dell's registration 674.3224.1, which the definition
	// screenos detects beside 3224: hardware, release and serial from its
	// sysDescr_regex '(?<hardware>.+) version (?<version>.+) \(SN:
	// (?<serial>[^,]+), (?<features>.+)\)' (before, generic rules only:
	// maker Dell, no model or OS).
	"screenos-dell-arc": {"juniper-screenos", "Juniper Networks", "SSG-140-SH", "0185122008001234", "ScreenOS", "6.2.0r8.0", "firewall"},
	// A Forcepoint engine on Stonesoft's arc (definition forcepoint,
	// 1369.5.2) answering both its STONESOFT objects and Forcepoint's
	// engine MIB: the release through the definition's version_regex
	// from stonesoftFirewall.1.1.0 ('6.10.12'), not the engine MIB's
	// build ('6.10.12.26210', read first before fq77); model
	// nodeApplianceModel, serial nodePosCode, as the definition reads them.
	"forcepoint-both-arcs": {"forcepoint-ngfw", "Forcepoint", "N3401", "B7D2-41C9-0E5A", "Forcepoint NGFW", "6.10.12", "firewall"},
	// A Firebox whose sysDescr is a product name of several words: the
	// definition (fireware, 3097.1.4 and 3097.1.5) states the whole
	// sysDescr as the hardware (before fq77, 'Firebox' alone).
	"watchguard-x-edge-words": {"watchguard-fireware", "WatchGuard", "Firebox X Edge e-Series", "", "Fireware", "", "firewall"},
	// A ZyWALL/USG on the ZyWALL arc (definition zywall) answering no
	// sysProductModel but an ENTITY chassis row: the hardware Zywall.php
	// falls back to, the sysDescr ('USG FLEX 200'), not the row's model,
	// which the definition does not read (before fq77, the row's).
	"zywall-usg-entity-row": {"zyxel", "Zyxel", "USG FLEX 200", "S222L12345678", "", "V5.37(ABUI.1) | 2023-10-19 11:09:46", "firewall"},
	// A SonicWall whose sysDescr writes 'SonicWALL' on another registration
	// (net-snmp's Linux one): the stored sonicwall.yaml (librenms 05c857f)
	// detects it by that word alone; SNWL-COMMON-MIB's model, serial and
	// the definition's version_template (before fq77, a Linux server).
	"sonicwall-descr-other-arc": {"sonicwall-sonicos", "SonicWall", "TZ 470", "2CB8ED7F1234", "SonicOS", "(Firmware SonicOS 7.0.1-5111-R3918 / ROM 7.0.0.0)", "firewall"},
	// Gaia on net-snmp's Linux registration, known by osName (definition
	// gaia), whose svnVersion does not answer: the definition states no
	// release, and the uname line's kernel release is not Gaia's (before
	// fq77, '3.10.0-1160.15.2cpx86_64' from the Linux profiles); the
	// appliance's product name and serial from svnApplianceInfo.
	"checkpoint-gaia-no-svnversion": {"checkpoint-gaia", "Check Point", "6200", "1234AB5678", "Gaia", "", "firewall"},
	// A CloudGen Firewall (10704.1.10) whose sysDescr is the Linux uname:
	// the kernel's release is no release of the appliance; PHION-MIB
	// phionRelease states it (before fq77, '4.14.238' from the sysDescr's
	// first dotted number). The definition (barracudangfirewall) reads no
	// release.
	"barracuda-cloudgen-uname": {"barracuda", "Barracuda", "", "", "", "8.3.1-064", "firewall"},
	// A Forcepoint engine with a uname sysDescr and no release object
	// answering: no release, not the kernel's (no_fill, kept where fq77
	// lets the unit's own release objects follow the definition's).
	// fq107: on 47565.1.1, which the definition forcepoint does not
	// detect (it names Stonesoft's 1369.5.2 alone, includes copy
	// 3dbbbc6), the uname line is the definition linux's ('/^Linux/' on
	// any sysObjectID, os_detection 11a4d8b): forcepoint-linux's Linux,
	// 4.19.202 and Generic x86 64-bit first (were forcepoint-ngfw, N1101,
	// Forcepoint NGFW, no release); the POS code, the unit's own, stays.
	"forcepoint-uname-no-release": {"forcepoint-linux", "Forcepoint", "Generic x86 64-bit", "C4E1-9A2B-7F30", "Linux", "4.19.202", "firewall"},
	// An SFOS firewall (definition sophos-xg, 2604.5) whose
	// sfosDeviceFWVersion does not answer and whose sysDescr is Linux's
	// uname: no release, not the kernel's beside the OS SFOS (before
	// fq77, '4.14.302'); sfosDeviceType and sfosDeviceAppKey as read.
	"sfos-uname-no-fwversion": {"sophos-sfos", "Sophos", "XGS2300", "X23001ABCD4EF56", "SFOS", "", "firewall"},
}

func TestFirewalls77Fixtures(t *testing.T) {
	checkFixtures(t, firewalls77FixtureDir, firewalls77Cases)
}
