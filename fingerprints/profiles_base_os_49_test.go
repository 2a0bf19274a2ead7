package fingerprints

import (
	"testing"
)

// baseOS49FixtureDir holds small walks for product OSes built on FreeBSD
// or Linux (fq49): the release each takes, as its device-support
// definition reads it.
const baseOS49FixtureDir = "testdata/fixtures/base-os-49"

// baseOS49Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var baseOS49Cases = map[string]want{
	// OPNsense on bsnmpd (older releases) under its default host name:
	// the definition opnsense (sysDescr 'OPNsense') reads its
	// sysDescr_regex ' (?<version>\d+\.\S+)', the release bsnmpd's line
	// ends with; no hardware, its '(?<hardware>\S+)$' being that release
	// here, not a machine (before, no release and the release as model).
	// fq48: no release (was 11.0-RELEASE-p7, correcting 9141ca6): that
	// word is FreeBSD's release, not OPNsense's (YY.M[.x][_n]), and no
	// other software's release is stated as the OS's; an empty field, not
	// a false one. Owner (settling both): the release the definition
	// states, 11.0-RELEASE-p7, beside the OS whose release it is, FreeBSD,
	// as Linux is named beside the kernel's on MobileIron and Endian.
	"opnsense-bsnmpd-default-host": {"opnsense", "Deciso", "", "", "FreeBSD", "11.0-RELEASE-p7", "firewall"},
	// OPNsense named by its host name whose version extend answers only
	// nsExtendOutputFull: the definition's version OID (Full) with its
	// version_regex '(?<version>[\d._]+) \(', read by opnsense itself.
	"opnsense-extend-full-named": {"opnsense", "Deciso", "amd64", "", "OPNsense", "23.7.12_5", "firewall"},
	// XigmaNAS known by the uname line in UCD-SNMP-MIB's exec
	// output (extOutput.1) on a generic kernel's sysDescr: the definition
	// freebsd (group unix) and Shared\Unix's uname parse
	// '/ (\d+\.\d\S*) /', read by freebsd-nas-exec itself. fq51: beside
	// FreeBSD, whose release it is (was XigmaNAS); no machine class (was
	// Generic x86 64-bit): Shared\Unix names one for 'x86_64', not 'amd64'.
	// fq67: Generic x86 64-bit again (was none, fe37583): Shared\Unix
	// names no class for 'amd64', a field no measure counts, so the same
	// machine's class follows for the user's inventory.
	// fq123: amd64 (was Generic x86 64-bit): the definition freebsd has an os
	// module (includes/definitions/discovery/freebsd.yaml, b479081,
	// 3fe62b9), whose sysDescr pattern reads the architecture word as
	// uname writes it; Shared\Unix's map runs only without one.
	"xigmanas-exec-generic-kernel": {"freebsd-nas-exec", "", "amd64", "", "FreeBSD", "12.2-RELEASE-p14", "storage"},
	// NAS4Free on bsnmpd, whose sysDescr is "<host> <hostid> FreeBSD
	// <release>" (bsnmpd's init_actvals): the uname parse wants a space
	// after the release, so the definition reads none, and no other
	// profile fills one.
	// fq123: FreeBSD 11.1-RELEASE-p4 (was NAS4Free, no release): the
	// definition freebsd's os module (includes/definitions/discovery/
	// freebsd.yaml) reads 'FreeBSD (?<version>\d\S+)' anywhere in sysDescr,
	// bsnmpd's line too, no space wanted after it; FreeBSD's release,
	// stated beside FreeBSD.
	"nas4free-bsnmpd-line": {"freebsd-nas-exec", "", "", "", "FreeBSD", "11.1-RELEASE-p4", "storage"},
	// Endian Firewall (definition endian: group unix, no class, no
	// os_discovery): Shared\Unix's uname parse, none where the kernel
	// release ends the sysDescr (before, net-snmp-linux's kernel release).
	// fq47: the OS the uname line names, Linux (was Endian Firewall),
	// as where the kernel's release is read.
	"endian-release-ends-line": {"endian-firewall", "Endian", "Generic x86 64-bit", "", "Linux", "", "firewall"},
}

func TestBaseOS49Fixtures(t *testing.T) {
	checkFixtures(t, baseOS49FixtureDir, baseOS49Cases)
}
