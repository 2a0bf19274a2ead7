package fingerprints

import (
	"testing"
)

// leads51FixtureDir holds small walks for products built on FreeBSD
// (fq51): the OS and release each states, as its device-support
// definition reads them.
const leads51FixtureDir = "testdata/fixtures/leads-51"

// leads51Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads51Cases = map[string]want{
	// TrueNAS CORE known by its kernel ident ('... TRUENAS amd64') on
	// net-snmp's FreeBSD registration: the definition truenas does not
	// catch it ('/freenas/i', '^TrueNAS'), the definition freebsd does
	// (sysDescr 'FreeBSD', except 'FreeNAS' and 'TrueNAS' as written;
	// group unix), whose Shared\Unix uname parse '/ (\d+\.\d\S*) /' reads
	// FreeBSD's release: stated beside FreeBSD, not TrueNAS CORE. No
	// machine class: Shared\Unix names one for 'x86_64', not 'amd64'.
	// fq67: Generic x86 64-bit again (was none, fe37583): Shared\Unix
	// names no class for 'amd64', a field no measure counts, so the same
	// machine's class follows for the user's inventory.
	// fq123: amd64 (was Generic x86 64-bit): the definition freebsd has an os
	// module (includes/definitions/discovery/freebsd.yaml, b479081,
	// 3fe62b9), whose sysDescr pattern reads the architecture word as
	// uname writes it; Shared\Unix's map runs only without one.
	"truenas-core-ident-freebsd-release": {"freebsd-nas-uname", "iXsystems", "amd64", "", "FreeBSD", "13.0-RELEASE-p14", "storage"},
	// NAS4Free on bsnmpd, named by its host name only: the definition
	// freebsd's uname parse wants a space after the release, which ends
	// bsnmpd's line, so no release is read, and the product is named.
	// fq57: net-snmp-bsd's FreeBSD server (was freebsd-nas-uname,
	// NAS4Free, storage): bsnmpd's line holds no kernel ident, so the
	// product's name in it is the host's, set by its admin; the definition
	// freebsd takes the agent, FreeBSD, type server, no release.
	// fq67: 11.2-RELEASE-p10 (was none): the definition freebsd's uname parse
	// reads no release from bsnmpd's line (a field no measure counts), so
	// the FreeBSD release the line ends with follows for the user's
	// inventory, beside FreeBSD, whose it is.
	"nas4free-hostname-bsnmpd": {"net-snmp-bsd", "", "", "", "FreeBSD", "11.2-RELEASE-p10", "server"},
	// NAS4Free known by the uname line in UCD-SNMP-MIB extOutput.1 on a
	// GENERIC kernel's sysDescr: the definition freebsd's uname parse
	// reads FreeBSD's release from sysDescr, stated beside FreeBSD.
	// fq67: Generic x86 64-bit again (was none, fe37583): Shared\Unix
	// names no class for 'amd64', a field no measure counts, so the same
	// machine's class follows for the user's inventory.
	// fq123: amd64 (was Generic x86 64-bit): the definition freebsd has an os
	// module (includes/definitions/discovery/freebsd.yaml, b479081,
	// 3fe62b9), whose sysDescr pattern reads the architecture word as
	// uname writes it; Shared\Unix's map runs only without one.
	"nas4free-exec-netsnmp-uname": {"freebsd-nas-exec", "", "amd64", "", "FreeBSD", "11.2-RELEASE-p10", "storage"},
	// A FreeBSD amd64 host on net-snmp: no machine class. The
	// definition freebsd (group unix) runs Shared\Unix, whose hardware
	// map names 'Generic x86 64-bit' where the sysDescr holds 'x86_64'
	// (Linux's machine word), not FreeBSD's 'amd64' (was Generic x86
	// 64-bit, the fallback's); FreeBSD's release by the uname parse.
	// fq67: Generic x86 64-bit again (was none, fe37583): Shared\Unix
	// names no class for 'amd64', a field no measure counts, so the same
	// machine's class follows for the user's inventory.
	// fq123: amd64 (was Generic x86 64-bit): the definition freebsd has an os
	// module (includes/definitions/discovery/freebsd.yaml, b479081,
	// 3fe62b9), whose sysDescr pattern reads the architecture word as
	// uname writes it; Shared\Unix's map runs only without one.
	"freebsd-amd64-netsnmp": {"net-snmp-bsd", "", "amd64", "", "FreeBSD", "14.1-RELEASE-p5", "server"},
	// Nor FreeBSD's 'arm64': Shared\Unix's 'Generic ARMv8 64-bit' is for
	// 'aarch64', and 'arm64' holds no 'armv' (was Generic ARMv8 64-bit).
	// fq67: Generic ARMv8 64-bit again (was none, fe37583): Shared\Unix
	// names no class for 'arm64', a field no measure counts, so the same
	// machine's class follows for the user's inventory.
	// fq123: arm64 (was Generic ARMv8 64-bit): the definition freebsd has an os
	// module (includes/definitions/discovery/freebsd.yaml, b479081,
	// 3fe62b9), whose sysDescr pattern reads the architecture word as
	// uname writes it; Shared\Unix's map runs only without one.
	"freebsd-arm64-netsnmp": {"net-snmp-bsd", "", "arm64", "", "FreeBSD", "14.1-RELEASE", "server"},
	// FreeBSD's 'i386' is one Shared\Unix names: '/i[3-6]86/', Generic x86.
	// fq123: i386 (was Generic x86): the definition freebsd has an os
	// module (includes/definitions/discovery/freebsd.yaml, b479081,
	// 3fe62b9), whose sysDescr pattern reads the architecture word as
	// uname writes it; Shared\Unix's map runs only without one.
	"freebsd-i386-netsnmp": {"net-snmp-bsd", "", "i386", "", "FreeBSD", "13.2-RELEASE-p4", "server"},
	// OPNsense (sysDescr naming its default host) whose agent answers the
	// "hardware" extend: the definition opnsense (group unix, no class of
	// its own) runs in Shared\Unix, which reads nsExtendOutput1Line
	// "hardware" after the os module and puts it in place of the version
	// extend's architecture (was amd64), as pfsense reads it; the release
	// by the version extend, nsExtendOutputFull "version" and its
	// version_regex '(?<version>[\d._]+) \(' (its first line read alike).
	// fq66: was DEC2750, the hardware extend alone; Shared\Unix's
	// discoverExtends writes the "version" extend's line after it in
	// brackets where one answers, as generic-net-snmp-extend reads it.
	"opnsense-hardware-extend": {"opnsense", "Deciso", "DEC2750 [OPNsense 24.7.6 (amd64)]", "", "OPNsense", "24.7.6", "firewall"},
	// The same on a host named otherwise, known by the version extend
	// (the definition's second detection, nsExtendOutputFull "version"
	// containing 'OPNsense' on 8072.3.2.8): the hardware extend alike.
	// fq66: was DEC2750, the hardware extend alone; Shared\Unix's
	// discoverExtends writes the "version" extend's line after it in
	// brackets where one answers, as generic-net-snmp-extend reads it.
	"opnsense-extend-hardware-freebsd-host": {"opnsense-version-extend", "Deciso", "DEC2750 [OPNsense 24.7.6 (amd64)]", "", "OPNsense", "24.7.6", "firewall"},
	// OPNsense on a release candidate, whose version extend writes
	// 'OPNsense 24.7.r1 (amd64)': the definition's version_regex
	// '(?<version>[\d._]+) \(' finds only the candidate's last digit
	// there ('1', no release of anything; was 1 beside OPNsense), so the
	// extend gives none, and the definition's sysDescr pattern
	// ' (?<version>\d+\.\S+)' reads FreeBSD's release first, stated
	// beside FreeBSD (as cdf596f settled); the extend's architecture stays.
	"opnsense-release-candidate-extend": {"opnsense", "Deciso", "amd64", "", "FreeBSD", "14.1-RELEASE-p2", "firewall"},
	// pfSense's own sysDescr (bsnmpd) under a host name holding one of
	// the definition pfsense's architecture words: its hardware pattern
	// '(?<hardware>aarch64|alpha|amd64|arm\w*|...)' finds 'arma' in
	// 'pharma-gw' first (was arma), no hardware; the machine uname's
	// field closes the sysDescr with, amd64, read first. The release by
	// its 'pfSense(?:\s+Plus)?(?:\s+\S+)?\s+(?<version>\d+\.\d\S+)'.
	// fq67: amd64 kept (2d0ec5b's arma reverted): a word the definition's
	// pattern finds inside a host name is no hardware of the unit, and the
	// project does not state such a reading (d9f319a's 'Ethernet',
	// f743ce0's 'al.10.13.1000').
	"pfsense-hostname-holding-arm": {"pfsense", "Netgate", "amd64", "", "pfSense", "2.7.2-RELEASE", "firewall"},
}

func TestLeads51Fixtures(t *testing.T) { checkFixtures(t, leads51FixtureDir, leads51Cases) }
