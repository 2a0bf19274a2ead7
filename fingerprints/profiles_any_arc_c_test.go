package fingerprints

import (
	"testing"
)

// anyArcCFixtureDir holds small walks written from the vendor MIBs for the
// third part of the review of profiles whose every match needed a
// sysObjectID prefix: the detection paths the device-support definitions
// take beyond it, and the objects, order and form they read.
const anyArcCFixtureDir = "testdata/fixtures/any-arc-c"

// anyArcCCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var anyArcCCases = map[string]want{
	// Mitel Standard Linux (definition msl, 1027.1): the hardware the
	// sysDescr's VerHw field names and the platform's row of
	// MITEL-APPCMN-MIB mitelAppTblProductVersion (indexed by
	// 1.3.6.1.4.1.1027.1.6.1), as msl's poller reads them.
	"mitel-msl": {"mitel", "Mitel", "x86_64", "", "Mitel Standard Linux", "10.5.19.0", "appliance"},
	// Without the application table: the sysDescr's VerSw field, raw, as
	// the definition's discovery (os_discovery msl, sysDescr_regex
	// VerHw...;VerSw:([\d.]+)) reads it before the table, which replaces it
	// only where it answers (changed by fpH: the old poller msl read no
	// VerSw; its os_discovery YAML does).
	"mitel-msl-no-apptable": {"mitel", "Mitel", "x86_64", "", "Mitel Standard Linux", "10.05.19.00.00", "appliance"},
	// OPNsense on FreeBSD's registration whose agent answers the version
	// extend's full output (nsExtendOutputFull."version") but not its
	// first line: the column the definition (opnsense) tests ('contains
	// OPNsense'); before, net-snmp-bsd's FreeBSD server. The hardware the
	// architecture in the output's brackets, as the definition's
	// version_regex reads it.
	"opnsense-extend-full": {"opnsense-version-extend", "Deciso", "amd64", "", "OPNsense", "24.1.10_8", "firewall"},
	// Meru / FortiWLC controller (definition fortiwlc): the version
	// mwSystemGeneralVersion gives, first, as written, not the controller
	// variable's shorter one.
	"meru-general-version-first": {"meru-controller", "Meru Networks", "MC3200", "5213MC3203344", "System Director", "8.1-3build-2", "wireless_controller"},
	// OneAccess (definition oneaccess): the version ONEACCESS-SYS-MIB
	// oacSysIMSysMainBSPVersion.0 gives, before the OneOS release in the
	// sysDescr; hardware and serial of the component table's row 0.
	"oneaccess-bsp-version": {"oneaccess-oneos", "OneAccess", "ONE1540", "T7654321", "OneOS", "BSP-5.2.2.7", "router"},
	// Opengear (definition opengear, hardware_mib OG-PRODUCTS-MIB): the
	// product the registration names, less 'og' (ogIM72xx), not the model
	// the sysDescr ends with.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 4.12.1, not Linux's): an OS is named beside its own release only.
	"opengear-im72xx": {"opengear", "Opengear", "IM72xx", "72161234567890", "", "4.12.1", "appliance"},
	// A Network Security Platform sensor on McAfee Linux OS, answering
	// net-snmp's Linux registration: known, as the definition (mlos-nsp)
	// detects it, by the systemGrp product object naming the IPS (here
	// Trellix's name, the maker it gives); ivSysModel and ivSysSerialNumber
	// as mlos-nsp reads them; the sensor's release. Before, a Linux server.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 10.1.19.36, not Linux's): an OS is named beside its own release only.
	// fq41: no release (was the sensor's, 10.1.19.36): mlos-nsp's os module
	// reads none, and its class is no Shared\Unix (group trellix); with no
	// product release beside it, the agent's host OS, Linux, is named
	// again, as in the case below. fq52: an appliance (was firewall), the
	// definition mlos-nsp's type.
	"mcafee-nsp-linux": {"mcafee-nsp", "Trellix", "NS9300", "QAD12345678", "Linux", "", "appliance"},
	// The same on McAfee's name, without the sensor's release: no version
	// rather than the kernel's. fq52: an appliance (was firewall), as
	// mlos-nsp's type names it.
	"mcafee-nsp-linux-no-release": {"mcafee-nsp", "McAfee", "M-3050", "QAC87654321", "Linux", "", "appliance"},
	// Another product's name in that object: a Linux host still.
	"linux-other-8962-product": {"linux-distro", "", "Generic x86 64-bit", "", "Enterprise Linux 7", "3.10.0-1160.el7.x86_64", "server"},
	// An OptiDriver on its registration under 629.200 without the chassis
	// table: known, as the definition (mrv-od) detects it; the system
	// firmware version, raw as the definition reads nbsCmmcSysFwVers
	// (changed by fpH: its leading "v" kept). Before, the registrant's
	// name alone.
	"mrv-od-registration": {"mrv-optidriver", "MRV", "", "", "OptiDriver", "v4.5.12", ""},
	// A Netgear smart switch whose ENTITY row names the model without its
	// revision: the sysDescr's first word, as the definition (netgear)
	// reads the hardware from that shape; serial and release from the
	// ENTITY row, as it reads them.
	"netgear-smart-sysdescr-first": {"netgear", "Netgear", "GS752TPv2", "4WK1785A00123", "", "6.0.1.22", "switch"},
	// A SyncServer whose ntpSysSystem names the maker first: the system
	// and etcModel joined, as the definition (microsemitime) writes the
	// hardware. Was 'SyncServer S350' (the maker's name cut); now
	// 'Symmetricom SyncServer S350', the template's words whole, as the
	// definition's hardware_template states it (fq93).
	"microsemi-syncserver-symmetricom": {"microsemi-syncserver", "Microsemi", "Symmetricom SyncServer S350", "1017B00123", "", "1.26", "appliance"},
	// Without etcModel: the system name alone, as the definition's
	// template leaves it (trimmed).
	"microsemi-syncserver-no-etcmodel": {"microsemi-syncserver", "Microsemi", "SyncServer", "2101B00456", "", "1.4.2", "appliance"},
}

func TestAnyArcCFixtures(t *testing.T) {
	checkFixtures(t, anyArcCFixtureDir, anyArcCCases)
}
