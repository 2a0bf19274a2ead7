package fingerprints

import (
	"testing"
)

// reviewNetworkFixtureDir holds small walks written from the vendor MIBs
// for the review of the network, wireless, firewall, telecom, voice and
// OS profiles against the families' device-support definitions: devices
// a profile's match missed, and values read from another object or in
// another form than the device states.
const reviewNetworkFixtureDir = "testdata/fixtures/review-network"

// reviewNetworkCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var reviewNetworkCases = map[string]want{
	// A first-generation UniFi AP on airOS's agent (10002.1): UniFi's
	// firmware image (BZ), its four-part release.
	// fq56: "v3.7.58.6385" (was 3.7.58.6385): without UBNT-UniFi-MIB the
	// definition's class (Unifi.php, newest stored version 101ab0b, and
	// 58aa4b8 before it) reads the image name by
	// '(v[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+)', the 'v' kept, as
	// ubiquiti-unifi-sysdescr does (php-common's unifi-uap-dot11-fallback).
	// fq63: profile ubiquiti-unifi-airos-agent (was ubiquiti-airos): the
	// definition unifi's 10002.1 item is its own profile now, apart from
	// airos's; the fields are unchanged.
	"ubiquiti-unifi-airos-agent": {"ubiquiti-unifi-airos-agent", "Ubiquiti", "UAP-LR", "", "UniFi", "v3.7.58.6385", "access_point"},
	// Dell W-series (Aruba OEM) on DELL-WLAN-MIB's registrations under
	// powerConnect: ArubaOS, not a PowerConnect switch; Aruba's
	// WLSX-SYSTEMEXT-MIB serial; without a MODEL in sysDescr, the
	// registration as Dell writes it.
	"dell-w-series-controller": {"dell-w-series", "Dell", "W-3200", "BE0004217", "ArubaOS", "6.1.3.4", "wireless_controller"},
	// A Ruckus AP whose software table lists the backup image first: the
	// active image's revision.
	"ruckus-ap-backup-image-first": {"ruckus-ap", "Ruckus", "R750", "432104056789", "Ruckus AP", "116.2.0.0.2083", "access_point"},
	// OPNsense under its default host name: the release its version
	// extend states, not the FreeBSD release after the host name; a
	// kernel built on OPNsense's build host (root@sensey64) is OPNsense,
	// whose release the sysDescr does not state (FreeBSD's remains).
	// amd64: the architecture the definition (opnsense) reads from the
	// version extend and the sysDescr (before, Generic x86 64-bit).
	"opnsense-default-hostname-extend": {"opnsense", "Deciso", "amd64", "", "OPNsense", "23.7.12_5", "firewall"},
	// fq48: no release (was 11.1-RELEASE-p11, FreeBSD's, which 9141ca6
	// read by the definition's sysDescr_regex and net-snmp-bsd filled
	// before it): FreeBSD's release is no release of OPNsense, and no
	// other software's release is stated as the OS's.
	// Owner (settling fq48's and 9141ca6's): FreeBSD's release, the
	// definition's, beside the OS FreeBSD whose release it is.
	"opnsense-sensey-kernel": {"opnsense", "Deciso", "amd64", "", "FreeBSD", "11.1-RELEASE-p11", "firewall"},
	// A FortiGate whose FORTINET-FORTIGATE-MIB system group does not
	// answer: the ENTITY chassis row's software revision, written as
	// fgSysVersion is, read as its release alone.
	"fortigate-entity-software-rev": {"fortinet-fortigate", "Fortinet", "FortiGate 60F", "FGT60FTK2109ABCD", "FortiOS", "7.2.5", "firewall"}, // fgSysVersion whole and entPhysicalModelName.1 with the replacements, as the definition (fortigate) reads them
	// Barracuda firewalls on net-snmp's Linux registration, known by the
	// sysDescr: the product and release it names, else PHION-MIB's
	// release.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 5.4.3, not Linux's): an OS is named beside its own release only.
	"barracuda-ng-firewall-netsnmp": {"barracuda-firewall-descr", "Barracuda", "F100", "", "", "5.4.3", "firewall"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 6.2.1-005, not Linux's): an OS is named beside its own release only.
	"barracuda-firewall-x-phion": {"barracuda-firewall-descr", "Barracuda", "X201", "", "", "6.2.1-005", "firewall"},
	// A JetStream switch answering the Broadcom chip's registration:
	// TPLINK-SYSINFO-MIB, as on TP-Link's own.
	// fq16: tpSysInfoHwVersion whole, as the definition (jetstream) and
	// the tplink profile take it.
	"tplink-jetstream-foreign-oid": {"tplink-jetstream-descr", "TP-Link", "T2600G-28SQ 3.0", "2219174000321", "", "3.0.0 Build 20210604 Rel.49551", "switch"},
	// A D-Link media converter chassis, not a switch.
	// fq72: profile was "dlink", is "dlink-other-arc": the definition dlink
	// detects 171.10 (except 171.10.37) only, and no definition 171.41; the
	// device's own values unchanged.
	"dlink-dmc-chassis": {"dlink-other-arc", "D-Link", "DMC-1000", "", "", "", "media_converter"},
	// ArubaOS on another registration (net-snmp's): the controller's
	// own serial from WLSX-SYSTEMEXT-MIB.
	"aruba-os-netsnmp-oid": {"aruba-os-sysdescr", "Aruba", "Aruba7010", "CV0012345", "ArubaOS", "8.6.0.4", "wireless_controller"},
	// ZXR10 on another registration (net-snmp's, a Broadcom chip's),
	// known by the sysDescr as the definition knows it.
	// fq16: the hardware as the definition's (zxr10) patterns read it,
	// after "ZXR10 ".
	"zte-zxr10-foreign-oid":           {"zte-zxr10", "ZTE", "5950-56TM-H", "", "ZXROS", "V3.00.11.B18", "switch"},
	"zte-ethernet-switch-foreign-oid": {"zte-zxr10", "ZTE", "2928E", "", "ZXROS", "V2.05.10B18", "switch"},
	// A Xirrus array on net-snmp's registration, known by the sysDescr.
	"xirrus-netsnmp-oid": {"xirrus-arrayos", "Xirrus", "XR-4830", "", "ArrayOS", "8.5.4-7176", "access_point"},
	// Sophos SFOS and XG v17 on net-snmp's Linux registration, known by
	// their own system groups. fq41: the firmware string whole (was
	// '19.5.3 MR-3' and '17.0.9 MR-9'), as sophos-sfos reads the same
	// object on 2604.5 and the definitions sophos-xg and cyberoam-utm read
	// them. fq52: Linux with the kernel's release (was SFOS with the
	// firmware string): no definition detects SFOS on 8072.3.2.10
	// (sophos-xg wants 2604.5), so these are linux's, whose Shared\Unix
	// reads the uname line's kernel release, never the firmware objects.
	// fq110: model Generic x86 64-bit (was XGS2300 here, XG125 below):
	// linux's Shared\Unix writes the uname line's machine class as the
	// hardware, first, as the other
	// units linux takes state it (fq107, fq108); the SFOS/XG model follows,
	// the unit's own.
	"sophos-sfos-netsnmp-oid":   {"sophos-firewall-mib", "Sophos", "Generic x86 64-bit", "X23001QXJ7P4A12", "Linux", "4.14.302", "firewall"},
	"sophos-xg-v17-netsnmp-oid": {"sophos-firewall-mib", "Sophos", "Generic x86 64-bit", "S1601E3A12345", "Linux", "3.14.22", "firewall"},
	// A Zyxel WBE (Wi-Fi 7) access point, typed as the NWA line. On
	// 890.1.15 with a sysDescr neither zynos nor zywall's exceptions
	// name, the definition zywall detects it and reads sysSwVersionString
	// whole (cut at 'ITS' only), not split at ' | ' (fpU).
	"zyxel-wbe-ap":      {"zyxel", "Zyxel", "WBE660S", "S232Z47000123", "", "V7.00(ACKA.0)b3 | 03/28/2024", "access_point"},
	"dell-w-series-iap": {"dell-w-series", "Dell", "W-IAP155", "", "ArubaOS", "6.4.2.6-4.1.1.3", "access_point"},
}

func TestReviewNetworkFixtures(t *testing.T) {
	checkFixtures(t, reviewNetworkFixtureDir, reviewNetworkCases)
}
