package fingerprints

import (
	"testing"
)

// review57FixtureDir holds small walks written for fq57's review of the
// profile changes landed in this session: each checks a correction of a
// landed commit against the device-support definition it follows.
const review57FixtureDir = "testdata/fixtures/review-57"

// review57Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review57Cases = map[string]want{
	// Corrects 1146483 (avocent-acs8000-uname, which stated no model): an
	// ACS 8000 on 10418.26 writing a uname sysDescr is linux's (the
	// definition avocent wants an 'Avocent'/'AlterPath' sysDescr or
	// 10418.16), and linux has no os module, so Shared\Unix's discoverOS
	// writes the machine class its sysDescr names ('armv7' -> Generic
	// ARMv7) beside the kernel's release; ACS8000-MIB is still not read.
	// owner: the unit's own ACS8000-MIB acsSerialNumber, which linux
	// reads none of (a field no measure counts), for the user's
	// inventory (fq54's 1146483 had left it empty).
	"avocent-acs8000-uname-armv7": {"avocent-acs8000-uname", "Avocent", "Generic ARMv7", "0945112233", "Linux", "4.14.93", "server"},
	// The same where the uname line ends before its machine word:
	// Shared\Unix names no class, so no model (nor ACS8000-MIB's).
	// owner: the unit's own ACS8000-MIB acsSerialNumber, which linux
	// reads none of (a field no measure counts), for the user's
	// inventory (fq54's 1146483 had left it empty).
	// fq67: ACS8008 (was none): Shared\Unix writes no hardware here, so
	// linux states none (a field no measure counts), and the unit's own
	// acsProductModel, its first word as avocent-acs reads it, follows
	// for the user's inventory.
	"avocent-acs8000-uname-no-machine": {"avocent-acs8000-uname", "Avocent", "ACS8008", "0951445566", "Linux", "5.10.110", "server"},
	// Corrects 6dea40a (the service tag first): a DNOS 6 stack answering
	// Dell-Vendor-MIB's per-unit serial numbers and service tags states
	// unit 1's serial number, productIdentificationSerialNumber.1, the one
	// serial object the definition powerconnect (cfab8f7) reads; the
	// version reading productIdentificationServiceTag.1 first (0e71fbf) is
	// librenms pull request 18185's, closed unmerged.
	"dell-dnos6-stack-serial-number": {"dell-powerconnect", "Dell", "EMC Networking N2048", "CN0V4T6R2829871D0018", "PowerConnect", "6.6.3.10", "switch"},
	// Corrects fd62b20 (freebsd-nas-uname on bsnmpd's own line): a
	// XigmaNAS host name in "<host> <hostid> FreeBSD <release>" is the
	// admin's name for the host, no kernel ident; the definition freebsd
	// takes the agent (sysDescr 'FreeBSD'): FreeBSD, type server, no
	// release (the uname parse wants a space after it).
	// fq67: 12.3-RELEASE-p7 (was none): the definition freebsd's uname parse
	// reads no release from bsnmpd's line (a field no measure counts), so
	// the FreeBSD release the line ends with follows for the user's
	// inventory, beside FreeBSD, whose it is.
	"xigmanas-hostname-bsnmpd": {"net-snmp-bsd", "", "", "", "FreeBSD", "12.3-RELEASE-p7", "server"},
	// The same product named by its kernel ident in a uname sysDescr on
	// net-snmp's FreeBSD registration stays freebsd-nas-uname's: FreeBSD
	// beside the release Shared\Unix's uname parse reads.
	// fq67: Generic x86 64-bit again (was none, fe37583): Shared\Unix
	// names no class for 'amd64', a field no measure counts, so the same
	// machine's class follows for the user's inventory.
	// fq123: amd64 (was Generic x86 64-bit): the definition freebsd has an os
	// module (includes/definitions/discovery/freebsd.yaml, b479081,
	// 3fe62b9), whose sysDescr pattern reads the architecture word as
	// uname writes it; Shared\Unix's map runs only without one.
	"xigmanas-kernel-ident-netsnmp": {"freebsd-nas-uname", "", "amd64", "", "FreeBSD", "12.3-RELEASE-p7", "storage"},
	// Corrects 91ad1db (no serial or release for a Watchdog answering
	// GEIST-V5-MIB alone, which lost snmpsim-data's Watchdog 15 both): the
	// definition geist-watchdog's objects (GEIST-MIB-V3 climateSerial.1,
	// productVersion.0) first; where they do not answer, the same unit's
	// GEIST-V5-MIB productSerialNumber and productVersion. No model, as
	// 91ad1db has it (the definition states no hardware).
	// owner: the model the unit names itself (Geist WD15) follows what its
	// definition reads (none there: a field no measure counts), for the
	// user's inventory (fq59's 91ad1db had left it empty).
	"geist-watchdog15-v5-only": {"vertiv-geist", "Vertiv", "Geist WD15", "TB23050788", "", "3.7.0", "sensor"},
}

func TestReview57Fixtures(t *testing.T) { checkFixtures(t, review57FixtureDir, review57Cases) }
