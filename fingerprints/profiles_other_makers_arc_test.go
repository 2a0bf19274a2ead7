package fingerprints

import (
	"testing"
)

// otherArcFixtureDir holds small walks written from the vendors' MIBs of devices
// whose agent answers a generic or another maker's sysObjectID (net-snmp's,
// Windows', HP's JetDirect arc): the product is told by its sysDescr, and
// model, serial and version are read from the product's own objects.
const otherArcFixtureDir = "testdata/fixtures/other-makers-arc"

// otherArcCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var otherArcCases = map[string]want{
	// Printers on HP's JetDirect arc (11.2.3.9.1) whose sysDescr names
	// their maker: the maker's profile, not hp-printer's (vendor HP, OS
	// FutureSmart).
	"brother-printer-hp-oid": {"brother-printer", "Brother", "HL-L6400DW", "E78231K9N412345", "", "1.08", "printer"},
	"epson-printer-hp-oid":   {"epson-printer", "Epson", "WF-C5790", "X3B7012345", "", "CM11O5", "printer"},
	"lexmark-printer-hp-oid": {"lexmark-printer", "Lexmark", "MS812de", "4514123456789", "", "LW71.DN.P224", "printer"},
	"oki-printer-hp-oid":     {"oki-printer", "OKI", "B431", "AK2B012345", "", "A1.18", "printer"},
	"toshiba-printer-hp-oid": {"toshiba-tec-printer", "Toshiba", "e-STUDIO5005AC", "CNFJ012345", "", "T530HD0W1710", "printer"},
	// A Dell OEM printer on HP's arc: dell-printer-oem's, without
	// hp-printer's FutureSmart.
	"dell-printer-hp-oid": {"dell-printer-oem", "Dell", "Color Laser 3110cn", "6XKLW21", "", "05.09.00", "printer"},
	// net-snmp's agent OIDs (NET-SNMP-TC netSnmpAgentOIDs): irix is 9
	// (not NetBSD); a Mac's agent is Apple's without a sysDescr.
	"net-snmp-irix":           {"net-snmp-other-unix", "", "", "", "IRIX", "6.5", "server"},
	"net-snmp-macos-no-descr": {"net-snmp-other-unix", "Apple", "", "", "macOS", "", "server"},
	// Windows NT 4.0 writes "(Build Number: 1381 ...)"; Windows CE names
	// itself in the sysDescr on Microsoft's workstation OID. NT 4.0's
	// release as the definition (windows) names a server's build 1381.
	"windows-nt4": {"windows-server", "", "Generic x86", "", "Windows NT Server 4.0", "NT Server 4.0", "server"},
	"windows-ce":  {"windows-ce", "", "", "", "Windows CE", "5.0", "workstation"},
	// Distributions the kernel release's build tag names: Unraid (a NAS),
	// IPFire (a firewall), Raspberry Pi OS; the kernel release stays the
	// version, the architecture the model, as for any Linux host.
	"linux-unraid":       {"linux-distro", "", "Generic x86 64-bit", "", "Unraid", "6.1.79-Unraid", "storage"},
	"linux-ipfire":       {"linux-distro", "", "Generic x86 64-bit", "", "IPFire", "6.6.15-ipfire", "firewall"},
	"linux-raspberry-pi": {"linux-distro", "", "Generic ARMv8 64-bit", "", "Raspberry Pi OS", "6.6.31+rpt-rpi-v8", "server"},
	// FreeBSD-based NAS builds: the kernel ident in sysDescr (FreeNAS on
	// net-snmp), uname's line in bsnmpd's UCD exec output (NAS4Free).
	// No model or release (fq11): on 8072.3.2.8 with 'freenas' in sysDescr
	// the device-support definition truenas catches it and reads both only
	// from the 'FreeNAS-<release>. Hardware:' form; FreeBSD's release is
	// not FreeNAS's.
	// fq67: Generic x86 64-bit (was none, no_fill): truenas reads no
	// hardware from a kernel-ident sysDescr (a field no measure counts),
	// so the machine class of the host's 'amd64' follows for the user's
	// inventory; still no release (FreeBSD's is not FreeNAS's).
	"freebsd-freenas": {"freebsd-nas", "iXsystems", "Generic x86 64-bit", "", "FreeNAS", "", "storage"},
	// fq49: no release (was 9.1-RELEASE, net-snmp-bsd's): the definition
	// freebsd's Shared\Unix parse '/ (\d+\.\d\S*) /' wants a space after
	// the release, which ends this sysDescr.
	"bsnmpd-nas4free": {"freebsd-nas-exec", "", "", "", "NAS4Free", "", "storage"},
	// A MacroSAN array on net-snmp's Linux sysObjectID: the product's own
	// device name and maker (35904.1.2.1).
	"macrosan-netsnmp": {"macrosan-storage", "MacroSAN", "MS2500G2", "", "Linux", "2.6.32-504.16.2.b2.20", "storage"},
	// The old UCD-SNMP agent's OIDs (ucdSnmpAgent, 2021.250.N): solaris 3
	// as net-snmp's; an Emerson UPS card on its Linux OID, by Emerson's
	// UPS identity (13400.2.3.1).
	"ucd-agent-solaris": {"net-snmp-other-unix", "", "sun4u", "", "Solaris", "5.8", "server"},
	// The model: Shared\Unix's machine class, as the definition linux
	// (os_detection 11a4d8b, '^Linux' on any sysObjectID) writes it, no
	// definition naming 13400 (fq112; was 'UH31', the Emerson UPS
	// identity, which now follows it).
	"emerson-ups-ucd": {"emerson-ups-ucd", "Vertiv", "Generic ARM", "", "Linux", "2.4.20_mvl31-integrator", "ups"},
	// NSFOCUS on a malformed sysObjectID (1.3.6.1.4.19849): its system
	// group (19849.6.1) names the model and the release.
	"nsfocus-other-oid": {"nsfocus", "NSFOCUS", "ADS-4020", "", "", "V5.6R11F02", "appliance"},
	// OEM gear by its sysDescr on a generic or another maker's
	// sysObjectID: a BCM963xx reference router on net-snmp's, a Netentsec
	// firewall on Vyatta's.
	"broadcom-bcm963":      {"broadcom-bcm963", "Broadcom", "bcm963xx", "", "Linux", "", "router"},
	"netentsec-vyatta-oid": {"netentsec-ngfw", "Netentsec", "", "", "", "", "firewall"},
	// Xerox on HP's JetDirect arc and Fujifilm on net-snmp's: the maker's
	// profile by the sysDescr, not hp-printer's or a Linux host's.
	"xerox-printer-hp-oid": {"xerox-printer", "Xerox", "WorkCentre 6515", "3390412345", "", "64.60.12", "printer"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.0.6, not Linux's): an OS is named beside its own release only.
	"fujifilm-printer-netsnmp": {"fujifilm-printer", "Fujifilm", "Apeos C3060", "552901", "", "1.0.6", "printer"},
}

func TestOtherMakersArcFixtures(t *testing.T) { checkFixtures(t, otherArcFixtureDir, otherArcCases) }
