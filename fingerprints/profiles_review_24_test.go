package fingerprints

import (
	"testing"
)

// review24FixtureDir holds small walks written from the vendor MIBs and the
// device-support definitions for the second look at the day's profile
// changes (pfSense, Huawei VRP, ...): which devices each profile catches and
// which objects give its values.
const review24FixtureDir = "testdata/fixtures/review-24"

// review24Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review24Cases = map[string]want{
	// pfSense Plus on the net-snmp package's agent, whose sysDescr names
	// no release, with pfSense's packages in hrSWInstalledName: no
	// release. Neither definition copy (pfsense) nor librenms's
	// Pfsense.php reads the packages; only an unmerged proposal does.
	"pfsense-plus-netsnmp-packages": {"pfsense", "Netgate", "", "", "pfSense", "", "firewall"},
	// pfSense on net-snmp's FreeBSD uname, named only in its lower-case
	// host name ("pfsense01"): pfSense, as the definition detects it
	// ('/pfsense/i', any case, inside a word), not FreeBSD; no release,
	// as the uname line states only FreeBSD's.
	"pfsense-lowercase-hostname": {"pfsense", "Netgate", "amd64", "", "pfSense", "", "firewall"},
	// VRP 8 with no patch row but a patch state table (hwPatchStateTable,
	// HUAWEI-SYS-MAN-MIB 8.5.2): no patch suffix. Vrp.php's getnext of
	// hwPatchVersion would answer hwPatchNumMax (128, the slot's maximum
	// number of patches) and append it as '[128]': no patch release,
	// not followed.
	"huawei-vrp-patch-state-only": {"huawei-vrp", "Huawei", "CE6881-48S6CQ", "2102351931P0K8000812", "VRP", "8.191 (V300R020C10SPC200)", "switch"},
}

func TestReview24Fixtures(t *testing.T) {
	checkFixtures(t, review24FixtureDir, review24Cases)
}
