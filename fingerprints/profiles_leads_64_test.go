package fingerprints

import (
	"testing"
)

// leads64FixtureDir holds small walks written from net-snmp's MIBs
// (NET-SNMP-TC, NET-SNMP-EXTEND-MIB, UCD-SNMP-MIB), uname's documented
// line and the host extends' one-line outputs for fq64's leads on Linux
// and Unix hosts, as the device-support class of the unix group
// (Shared/Unix.php) reads them.
const leads64FixtureDir = "testdata/fixtures/leads-64"

// leads64Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads64Cases = map[string]want{
	// The "hardware" extend with the "version" extend after it in
	// brackets, as Shared/Unix.php writes the hardware where the version
	// extend answers ('<manufacturer> <hardware> [<version>]'); the
	// manufacturer stays the vendor.
	"linux-extend-hardware-version": {"linux-distro-extend", "HPE", "ProLiant DL360 Gen10 [U32]", "CZ2000TEST", "Ubuntu 22.04", "5.15.0-91-generic", "server"},
	// No version extend: the hardware alone.
	"linux-extend-hardware-only": {"linux-distro", "Supermicro", "SYS-1029P-WTR", "S111222X333", "Debian", "6.1.0-18-amd64", "server"},
	// The UCD exec layout older guides gave (distro 7890.1, hardware
	// 7890.2, manufacturer 7890.3): the definition reads 7890.3.101.1 as
	// the hardware and 7890.2.101.1 as its version, so states the
	// manufacturer's output with the product's in brackets; its form kept.
	// No serial: the definition reads no exec form of it.
	"linux-ucd-exec-layout": {"linux-distro-extend", "", "Dell Inc. [PowerEdge R640]", "", "CentOS Linux 7", "3.10.0-1160.el7.x86_64", "server"},
	// The relocated-extend layout (7890.2 hardware, 7890.3 manufacturer,
	// 7890.4 serial): the shell rows the definition reads, the same form.
	"linux-ucd-shell-layout": {"linux-distro-extend", "", "Lenovo [ThinkSystem SR630]", "J300TEST", "Rocky Linux 8.9", "4.18.0-513.5.1.el8_9.x86_64", "server"},
	// Dell OpenManage beside the extends: the hardware extend and its
	// version replace "Dell " + chassisModelName; the service tag stays
	// the serial (asked before the serial extend).
	"linux-dell-openmanage-version-extend": {"linux-distro", "Dell", "PowerEdge R650 [1.4.2]", "8ABCDE2", "Debian", "6.1.0-18-amd64", "server"},
	// HP's Insight agent beside the hardware extend and the exec form of
	// the version (7890.2.101.1): 'ProLiant DL380 Gen10 [U30]'; no serial
	// extend, so cpqSiSysSerialNum stays.
	"linux-hp-insight-exec-version": {"linux-distro", "HPE", "ProLiant DL380 Gen10 [U30]", "CZJ1111ABC", "Enterprise Linux 9", "5.14.0-362.8.1.el9_3.x86_64", "server"},
	// The release as the definition (linux: Shared/Unix.php) reads it,
	// uname's parse '/ (\d+\.\d\S*) /', its first such word: a host
	// name written as a dotted number comes before the kernel's release
	// and is what the definition states. owner: the kernel's release
	// (was 192.0.2.7, fq64's 98ecb62): a host named by its address
	// states no release; the address is none.
	"linux-dotted-nodename": {"linux-distro", "", "Generic x86 64-bit", "", "Debian", "4.19.0-26-amd64", "server"},
	// A release closing the sysDescr: the parse finds none (a field no
	// measure counts); the kernel's release follows for the inventory.
	"linux-release-closing": {"net-snmp-linux", "", "", "", "Linux", "4.14.0", "server"},
	// uname's line without the host name: the release first, read by the
	// parse; armv7l names Generic ARMv7.
	"linux-no-nodename": {"net-snmp-linux", "", "Generic ARMv7", "", "Linux", "3.10.14", "server"},
	// net-snmp's Linux registration with a product's own sysDescr, no
	// product profile claiming it: the definition linux takes it and
	// reads the same parse, the first dotted word with a space after it
	// (before, none: the sysDescr heuristics found no release there).
	"netsnmp-linux-product-descr": {"net-snmp-linux", "", "", "", "Linux", "2.3.1", "server"},
	"netsnmp-linux-product-build": {"net-snmp-linux", "", "", "", "Linux", "4.2", "server"},
	// The same text on the UCD-SNMP agent's linux arc (2021.250.10),
	// which the definition linux does not detect (only 8072.3.2.10, or a
	// '^Linux' sysDescr): no release read by that parse.
	"ucd-agent-linux-product-descr": {"net-snmp-linux", "", "", "", "Linux", "", "server"},
	// The exec layout with the hardware script alone at 7890.2: the
	// definition reads that output only as the version after a hardware
	// (7890.3 answers none here), so states the machine class the
	// sysDescr's x86_64 names; that class, as before.
	"linux-ucd-exec-hardware-alone": {"linux-distro", "", "Generic x86 64-bit", "", "Enterprise Linux 9", "5.14.0-427.13.1.el9_4.x86_64", "server"},
	// ESXi (definition vmware-esxi, its os module: serial
	// ENTITY-MIB::entPhysicalSerialNum.1, hardware entPhysicalDescr.1,
	// version vmwProdVersion.0): row 1's serial even where another row
	// is of class chassis (before, that row's).
	"esxi-entity-row1-serial": {"vmware-esxi", "", "ThinkSystem SR650 V2", "J900TEST", "ESXi", "8.0.2", "hypervisor"},
}

func TestLeads64Fixtures(t *testing.T) {
	checkFixtures(t, leads64FixtureDir, leads64Cases)
}
