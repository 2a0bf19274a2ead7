package fingerprints

import (
	"testing"
)

// variants32FixtureDir holds small walks written from the vendor MIBs for
// the review of the voice and console-server profiles and of open leads
// (fq32): each profile re-read against the device-support definitions for
// the objects it reads and the form of each value.
const variants32FixtureDir = "testdata/fixtures/variants-32"

// variants32Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var variants32Cases = map[string]want{
	// An Alteon answering its main board's number and revision and
	// agPlatformIdentifier: the definition's (alteonos) hardware template
	// '{{ hwMainBoardNumber.0 }} Vers. {{ hwMainBoardRevision.0 }}'
	// (ALTEON-CHEETAH-SWITCH-MIB hardware 6 and 7), which reads no
	// platform identifier (before, 'Alteon 6024').
	"radware-alteon-board-revision": {"radware-alteon", "Radware", "EB2217019 Vers. 3", "AL6024R54321", "Alteon OS", "32.6.5.0", "load_balancer"},
	// The revision the MIB's zero-length string: fq38, the template's own
	// output, 'EB1608022 Vers.' (SimpleTemplate drops the empty variable,
	// the result trimmed), as the definition writes it (was the number
	// alone, correcting 9f01af9).
	"radware-alteon-board-empty-revision": {"radware-alteon", "Radware", "EB1608022 Vers.", "AL5208R10203", "Alteon OS", "30.5.8.0", "load_balancer"},
	// Mitel Standard Linux (definition msl, os_discovery sysDescr_regex
	// 'VerHw:(?<hardware>[^;]+);VerSw:(?<version>[\d.]+)' and the same
	// with VerSw first): a VerHw with no VerSw beside it names no
	// hardware (before, x86_64), a VerSw with no VerHw beside it no
	// version (before, 10.05.19.00.00); the application table's version
	// first where it answers.
	"mitel-msl-verhw-alone": {"mitel", "Mitel", "", "", "", "", "appliance"},
	"mitel-msl-versw-apart": {"mitel", "Mitel", "", "", "Mitel Standard Linux", "", "appliance"},
	"mitel-msl-i686":        {"mitel", "Mitel", "i686", "", "Mitel Standard Linux", "11.0.84.0", "appliance"},
	// Grandstream GWN76xx access points on net-snmp's registration
	// (definition grandstream-ap: gwnDeviceModel.0 'starts' GWN76;
	// GrandstreamAp.php's hardware gwnDeviceModel.0 and version
	// gwnDeviceVersion.0, GRANDSTREAM-GWN-PRODUCTS-AP-MIB 42397.1.1.2.1
	// and .4, each whole): was net-snmp-linux's 'Generic MIPS' server with
	// the kernel's 3.3.8. The same objects on Grandstream's own arc.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.0.19.12, not Linux's): an OS is named beside its own release only.
	"grandstream-gwn7610-linux":   {"grandstream-gwn-ap", "Grandstream", "GWN7610", "", "", "1.0.19.12", "access_point"},
	"grandstream-gwn7630-own-arc": {"grandstream-gwn-ap", "Grandstream", "GWN7630", "", "", "1.0.23.36", "access_point"},
	// A GWN70xx router answers gwnDeviceModel too, but the definition
	// takes GWN76 only: net-snmp's Linux host still, unchanged.
	"grandstream-gwn7062-router-linux": {"net-snmp-linux", "", "Generic ARMv7", "", "Linux", "4.4.60", "server"},
	// Grandstream UCM63xx PBXes on net-snmp's registration (definition
	// grandstream-ucm: 'Linux UCM63' in the sysDescr; GS-UCM63XX-SNMP-MIB
	// sSysinfo 12581.2.2: hardware '{{ sProductType.0 }}
	// ({{ sHardwareVersion.0 }})', sSerialNumber.0, sFirmwareVersion.0):
	// was a Linux server with the kernel's release. One renamed host by its
	// sProductType, its hardware version empty: fq38, the template's own
	// output, 'UCM6304 ()', as the definition writes it (was the product
	// alone, correcting 19cc0dd).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.0.21.9, not Linux's): an OS is named beside its own release only.
	"grandstream-ucm6302-linux": {"grandstream-ucm", "Grandstream", "UCM6302 (V1.5A)", "21GUC63A01234B7C", "", "1.0.21.9", "appliance"},
	// fq46: the renamed host ('Linux pbx-hq ...') is linux's, a Linux
	// host with the kernel's release: the definition (grandstream-ucm)
	// detects 'Linux UCM63' only and no other reads sProductType to
	// detect it (was grandstream-ucm, 'UCM6304 ()').
	"grandstream-ucm6304-renamed": {"net-snmp-linux", "", "Generic ARMv7", "", "Linux", "4.4.143", "server"},
	// Opengear on OG-PRODUCTS-MIB's ogOperationsManager (25049.1.101):
	// the definition's (opengear) hardware_regex 'og(?<hardware>\S+)'
	// over the registration, 'OperationsManager', which the display
	// rules drop (before, ogOmSystemModel's OM2216-L); and a console
	// server whose firmware objects do not answer: no version, the
	// definition reading ogFirmwareVersion and ogOmSystemFirmwareVersion
	// alone (before, the kernel's 3.10.0 from the sysDescr).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 24.07.0, not Linux's): an OS is named beside its own release only.
	"opengear-operations-manager-registration": {"opengear", "Opengear", "OperationsManager", "2216-0034-5678", "", "24.07.0", "appliance"},
	"opengear-acm7004-no-firmware-object":      {"opengear", "Opengear", "ACM70045", "", "Linux", "", "appliance"},
}

func TestVariants32Fixtures(t *testing.T) {
	checkFixtures(t, variants32FixtureDir, variants32Cases)
}
