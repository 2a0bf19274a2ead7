package fingerprints

import (
	"testing"
)

// auditHostsFixtureDir holds small walks written from the published MIBs and
// the objects the device-support definitions name, for general-purpose hosts
// (Linux, the BSDs, macOS, Solaris and its descendants, NAS systems built on
// them) audited against the full copy of those definitions: the arcs,
// sysDescr shapes and objects the full definitions give.
const auditHostsFixtureDir = "testdata/fixtures/audit-hosts"

// auditHostsCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var auditHostsCases = map[string]want{
	// FreeBSD on zeroDotZero, by uname's line in the sysDescr as the
	// definition (freebsd) detects 'FreeBSD' on any sysObjectID: the
	// release uname gives, the machine class of its architecture.
	// fq51: none (was Generic x86 64-bit): the definition's class
	// (Shared\Unix, group unix) names one for 'x86_64', not 'amd64'.
	// fq67: Generic x86 64-bit again (was none, fe37583): Shared\Unix
	// names no class for 'amd64', a field no measure counts, so the same
	// machine's class follows for the user's inventory.
	// fq123: amd64 (was Generic x86 64-bit): the definition freebsd has an os
	// module (includes/definitions/discovery/freebsd.yaml, b479081,
	// 3fe62b9), whose sysDescr pattern reads the architecture word as
	// uname writes it; Shared\Unix's map runs only without one.
	"freebsd-zerodotzero": {"net-snmp-bsd", "", "amd64", "", "FreeBSD", "13.2-RELEASE-p4", "server"},
	// NetBSD on net-snmp's 'unknown' agent OID (netSnmpAgentOIDs 255), by
	// its sysDescr as the definition (netbsd) detects '^NetBSD'. fq51: no
	// machine class (was Generic x86 64-bit): netbsd's Shared\Unix names
	// one for 'x86_64', not NetBSD's 'amd64'.
	// fq67: Generic x86 64-bit again (was none, fe37583): Shared\Unix
	// names no class for 'amd64', a field no measure counts, so the same
	// machine's class follows for the user's inventory.
	// fq123: unchanged, the reason corrected: netbsd has an os module
	// (resources/definitions/os_discovery/netbsd.yaml a7b0363), whose
	// pattern this version field (a build stamp after the kernel's name)
	// fails, so the definition states neither field here (Shared\Unix's
	// map and uname parse run only without a module); the machine's class
	// and uname's release stay for the user's inventory.
	"netbsd-netsnmp-unknown": {"net-snmp-bsd", "", "Generic x86 64-bit", "", "NetBSD", "9.3", "server"},
	// macOS on net-snmp's 'unknown' agent OID, by 'Darwin Kernel Version'
	// in the sysDescr as the definition (macosx) detects it on any
	// sysObjectID: the Darwin release and the macOS it is.
	"macos-netsnmp-unknown": {"macos", "Apple", "", "", "macOS 14 Sonoma", "23.1.0", "workstation"},
	// OmniOS and OpenIndiana on net-snmp's solaris agent OID: SunOS 5.11
	// whose version word is not Solaris 11's, the definition opensolaris
	// ('^SunOS .+ 5\.11 [^1]'), named as uname names the distribution;
	// the release and machine class as for Solaris.
	"omnios-netsnmp":      {"net-snmp-other-unix", "", "i86pc", "", "OmniOS", "5.11", "server"},
	"openindiana-netsnmp": {"net-snmp-other-unix", "", "i86pc", "", "OpenIndiana", "5.11", "server"},
	// The distro script as an extend relocated under UCD's 2021.7890.1
	// (nsExtendOutput1Line."distro" there, 2021.7890.1.3.1.1.6.distro),
	// the second object Shared/Unix.php reads for the distribution: it
	// names the distribution over the kernel's .el8 tag.
	"linux-distro-ucd-extend": {"linux-distro-extend", "", "Generic x86 64-bit", "", "Rocky Linux 8.9", "4.18.0-513.5.1.el8_9.x86_64", "server"},
	// TrueNAS SCALE ("TrueNAS-SCALE-23.10.1. Hardware: ... Software:
	// Linux ..."), as the definition truenas-scale detects and reads it:
	// the release after TrueNAS-SCALE-, the hardware the sysDescr names.
	// DD-WRT whose distro extend says so in lower case, as the distro
	// script writes it and the definition dd-wrt detects it ('starts
	// dd-wrt' on nsExtendOutput1Line."distro") and reads it (the word
	// after it as the version, nsExtendOutput1Line."hardware").
	"dd-wrt-distro-lower": {"linux-distro-extend", "", "Linksys WRT1900ACS", "", "DD-WRT", "v3.0-r41813", "router"},
	// Windows' SNMP service on zeroDotZero, by its sysDescr as the
	// definition (windows) detects it: a Windows 10 22H2 build (19045),
	// which the build map of the sysObjectID-less profile lacked (os
	// 'Windows', a server); the release and, as a client-only build, a
	// workstation. No release: LibreNMS/OS/Windows.php names one only on
	// the registrations 311.1.1.3.1.1/.2/.3 (fpR).
	"windows10-zerodotzero": {"windows", "", "Intel x64", "", "Windows 10", "", "workstation"},
	"truenas-scale":         {"truenas", "iXsystems", "x86_64 Intel(R) Xeon(R) CPU E5-2620 v4 @ 2.10GHz running at 2100 MHz", "", "TrueNAS SCALE", "23.10.1", "storage"},
}

func TestAuditHostsFixtures(t *testing.T) { checkFixtures(t, auditHostsFixtureDir, auditHostsCases) }
