package fingerprints

import (
	"testing"
)

// review67FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq67's review of the last session's
// commits: where a definition states none, the device's own value follows
// the definition's sources.
const review67FixtureDir = "testdata/fixtures/review-67"

// review67Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review67Cases = map[string]want{
	// An EdgeSwitch stack on 4413 (definition edgeswitch) whose ENTITY
	// row 1 (the stack) answers no serial and no FASTPATH inventory
	// serial answers: the definition states none (a field no measure
	// counts); the ENTITY chassis row 2's, the unit's own, follows
	// (correcting 9093bea's no_fill, which left it empty).
	"edgeswitch-4413-chassis-row-2": {"ubiquiti-edgeswitch", "Ubiquiti", "EdgeSwitch 48-Port 500W", "F09FC2A0B1C2", "EdgeSwitch", "1.9.3.5294473", "switch"},
	// A UISP Fiber OLT XGS answering ubntModel but not ubntSerialNumber
	// or ubntVersion, and a sysDescr with no 'v<n.n.n>': edgeosolt's
	// hardware first; its serial and release state none, so the FASTPATH
	// inventory's, the unit's own, follow (correcting 9093bea's no_fill).
	"uisp-olt-fastpath-after-ufiber": {"ubiquiti-uisp-olt", "Ubiquiti", "UF-OLT-XGS", "OLTXGS000777", "UFiber", "2.2.1", "switch"},
	// A UniFi Next-Gen Gateway on Ubiquiti's registration whose sysDescr
	// begins with its product code: no definition detects the shape, so
	// none states an OS, hardware or release; the unit's own UniFi, its
	// product code and UniFi OS release follow, never the kernel's
	// (correcting 85cfbab's no_fill).
	"unifi-uxg-ubiquiti-registration": {"ubiquiti-unifi-gateway-descr", "Ubiquiti", "UXG-Lite", "", "UniFi", "4.0.6", "router"},
	// An ACS 8048 whose uname line holds no machine word (definition
	// linux: Shared\Unix writes no hardware, so none): the unit's own
	// acsProductModel follows, as its acsSerialNumber does (fff2915);
	// Linux and the kernel's release stay linux's, no ACS firmware.
	"avocent-acs8048-uname-no-machine": {"avocent-acs8000-uname", "Avocent", "ACS8048", "0960112233", "Linux", "5.10.110", "server"},
	// A FreeBSD host on bsnmpd writing its own line ('<host> <hostid>
	// FreeBSD <release>'): the definition freebsd's uname parse wants a
	// space after the release and reads none (a field no measure counts);
	// the FreeBSD release the line ends with follows (after 001a7c3).
	"freebsd-bsnmpd-line-release": {"net-snmp-bsd", "", "", "", "FreeBSD", "13.2-RELEASE-p4", "server"},
}

func TestReview67Fixtures(t *testing.T) {
	checkFixtures(t, review67FixtureDir, review67Cases)
}
