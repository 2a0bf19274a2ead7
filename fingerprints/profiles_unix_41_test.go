package fingerprints

import (
	"testing"
)

// unix41FixtureDir holds small walks written from the vendor MIBs for the
// audit of Linux-based appliances' releases (fq41): the release each
// device-support definition states, a version object its os_discovery
// YAML or class reads, else the kernel release Shared\Unix parses from the
// uname sysDescr, else none.
const unix41FixtureDir = "testdata/fixtures/unix-41"

// unix41Cases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var unix41Cases = map[string]want{
	// A Unitrends appliance answering mgtInfoRelease: the definition
	// (recoveryos, unix group, no class, no os module) writes the uname
	// line's kernel release, not UNITRENDS-SNMP's release; that release
	// is Linux's, so the OS is Linux (as for MobileIron, f8a4271); the
	// model Shared\Unix's 'Generic x86 64-bit' for x86_64. fq52: a
	// server (was appliance), the definition recoveryos's type.
	"unitrends-kernel-release": {"unitrends-recoveryos", "Unitrends", "Generic x86 64-bit", "", "Linux", "3.10.0-1160.105.1.el7.x86_64", "server"},
	// A Scalar i40 on net-snmp's Linux registration answering
	// QUANTUM-SMALL-TAPE-LIBRARY-MIB: no definition detects it but linux
	// (the definition quantum wants 3764.1.1), so the OS is Linux and the
	// release the uname line's kernel release, not libraryFirmwareVersion.
	"quantum-scalar-i40-kernel": {"quantum-scalar", "Quantum", "Scalar i40", "QP1301BVA00155", "Linux", "2.6.35.14", "storage"},
	// A Scalar i500 on Quantum's 3764.1.1 (definition quantum):
	// productVersion whole, whatever the sysDescr.
	"quantum-scalar-i500-productversion": {"quantum-scalar", "Quantum", "Scalar i500", "A0C0654321", "", "760Q.GS020", "storage"},
	// SFOS on net-snmp's Linux registration answering SFOS-FIREWALL-MIB's
	// device group: sfosDeviceFWVersion whole, as sophos-sfos reads it on
	// 2604.5 and the definition sophos-xg reads it; not the kernel's.
	// fq52: Linux with the kernel's release (was SFOS, SFOS 20.0.1
	// MR-1-Build342): sophos-xg does not detect 8072.3.2.10, linux does,
	// and its Shared\Unix reads the uname line's kernel release.
	// fq110: model Generic x86 64-bit (was XGS2100): linux's Shared\Unix
	// writes the uname line's machine class as the hardware, first, as the other
	// units linux takes state it (fq107, fq108); the SFOS/XG model follows,
	// the unit's own.
	"sophos-sfos-netsnmp-whole": {"sophos-firewall-mib", "Sophos", "Generic x86 64-bit", "X21001ABCD1234", "Linux", "4.14.302", "firewall"},
	// An NSP sensor on net-snmp's Linux registration (definition mlos-nsp:
	// os module with hardware and serial alone, group trellix, no
	// Shared\Unix): no release, neither the sensor's nor the kernel's;
	// the OS the Linux profiles name. fq52: an appliance (was firewall),
	// mlos-nsp's type.
	"mcafee-nsp-netsnmp-no-release": {"mcafee-nsp", "McAfee", "IPS-VM600", "QAE24681357", "Linux", "", "appliance"},
	// An ALOHA answering alProductVersion but no alProductSubVersion: the
	// definition (aloha, group linux, no Shared\Unix) reads the latter
	// alone, so no release, neither the major release nor the kernel's.
	// fq66: was none; now alProductVersion, the product's own release,
	// after the definition's object (which then states none, a field no
	// measure counts); the kernel's still never.
	"haproxy-aloha-no-subversion": {"haproxy-aloha", "HAProxy Technologies", "ALB5100", "", "ALOHA", "13.5", "load_balancer"},
	// A DSM unit known by syno_hw_version whose agent answers
	// SYNOLOGY-SYSTEM-MIB version.0 but not modelName and serialNumber:
	// the definition dsm's os module reads that version through its
	// version_regex '(DSM )?(?<version>\S+)', not the kernel's release.
	"synology-dsm-cmdline-version": {"synology-dsm-cmdline", "Synology", "DS920+", "", "DSM", "7.2-64570", "storage"},
}

func TestUnix41Fixtures(t *testing.T) {
	checkFixtures(t, unix41FixtureDir, unix41Cases)
}
