package fingerprints

import (
	"testing"
)

// leads8FixtureDir holds small walks written from the vendor MIBs and the
// device-support definitions for the leads on big families left by the
// earlier rounds (pfSense, Huawei VRP, D-Link, TP-Link, HP ProCurve,
// Eltex, Cisco, Datacom, Allied Telesis): which devices each profile
// catches and which objects give its values.
const leads8FixtureDir = "testdata/fixtures/leads-8"

// leads8Cases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leads8Cases = map[string]want{
	// pfSense under net-snmp's FreeBSD uname with a "version" extend in
	// a pfSense release's shape: the extend, as the current definition
	// (pfsense, librenms) reads it first, not FreeBSD's release.
	"pfsense-version-extend": {"pfsense", "Netgate", "amd64", "", "pfSense", "2.7.2-RELEASE", "firewall"},
	// The same without the extend: no release (fq9; was '2.7.2', the
	// "pfSense-base-<release>" package's, hrSWInstalledName): that
	// reading is only an unmerged proposal's (librenms pull request
	// 20112, a contributor fork's Pfsense.php); librenms's Pfsense.php
	// has no discoverOS and neither definition copy reads the packages.
	"pfsense-package-name": {"pfsense", "Netgate", "amd64", "", "pfSense", "", "firewall"},
	// The default host name (pfSense.home.arpa) in a uname line, no
	// extend, no packages: no release, as the current definition's
	// pfSense-anchored pattern gives none (FreeBSD's release is not
	// pfSense's).
	"pfsense-default-hostname": {"pfsense", "Netgate", "amd64", "", "pfSense", "", "firewall"},
	// Huawei VRP: Vrp.php appends to the version whatever its getnext of
	// HUAWEI-SYS-MAN-MIB hwPatchVersion answers, unless '' or '0'. A
	// patch row: its version, beside a patch state table.
	"huawei-vrp-patch-row-and-state": {"huawei-vrp", "Huawei", "S6720-30C-EI-24S-AC", "2102350DLS10J4000125", "VRP", "5.170 (V200R010C00SPC600) [V200R010SPH011]", "switch"},
	// A patch row whose version is empty: '' (falsy), no suffix, not
	// the state table's value.
	"huawei-vrp-patch-version-empty": {"huawei-vrp", "Huawei", "S6720-30C-EI-24S-AC", "2102350DLS10J4000126", "VRP", "5.170 (V200R010C00SPC600)", "switch"},
	// No patch row: the class's getnext answers the next object, the
	// first row of hwPatchStateTable's hwPatchNumMax (the slot's maximum
	// number of patches), and appends it as a patch ('[200]'); not
	// followed (fq9): a patch count is no patch release, and this device
	// has no patch, so no suffix (was '5.170 (V200R010C00SPC600) [200]').
	"huawei-vrp-patch-table-empty": {"huawei-vrp", "Huawei", "S6720-30C-EI-24S-AC", "2102350DLS10J4000123", "VRP", "5.170 (V200R010C00SPC600)", "switch"},
	// The same whose first hwPatchNumMax row is 0 (as on the dev
	// S12704): falsy, no suffix, although a later row is not 0.
	"huawei-vrp-patch-state-zero": {"huawei-vrp", "Huawei", "S6720-30C-EI-24S-AC", "2102350DLS10J4000124", "VRP", "5.170 (V200R010C00SPC600)", "switch"},
	// D-Link: with none of the three version objects the definition
	// (dlink) reads, the release its sysDescr pattern takes after the
	// first word and one space, before the stored image table's first
	// row (swMultiImageVersion, not read by the definition; was
	// "1.00.005").
	"dlink-sysdescr-release": {"dlink", "D-Link", "DGS-1100-08V2", "", "", "1.00.007", "switch"},
	// The pattern's [0-9.]+ stops at the build letter ("6.07." in PHP,
	// which our value cleaning would cut to "6.07"): ours takes only a
	// whole token there, so the whole release the sysDescr states.
	"dlink-sysdescr-release-build": {"dlink", "D-Link", "DES-1210-28/ME", "", "", "6.07.B040", "switch"},
	// TP-Link: a hardware version whose product word carries its region
	// in brackets, taken whole as tplink (probeHardwareRev.0) and
	// jetstream (tpSysInfoHwVersion.0) read it: the trailing "1.0" is
	// the hardware version, not a release (was "TL-SG3428X", the guard
	// refusing the brackets).
	"tplink-region-hw-version":           {"tplink", "TP-Link", "TL-SG3428X(UN) 1.0", "", "", "1.0.4 Build 20220112 Rel.61383", "switch"},
	"tplink-jetstream-region-hw-version": {"tplink", "TP-Link", "TL-SG3428X(UN) 1.0", "2237123000456", "", "1.0.4 Build 20220112 Rel.61383", "switch"},
	// ArubaOS-CX: the definition (arubaos-cx) reads ENTITY-MIB row 1,
	// else 101001 (a VSF-capable model's member 1 chassis), over the
	// sysDescr: entPhysicalDescr whole as the hardware (was "6200F 24G
	// CL4 4SFP+370W", "8320"), entPhysicalSoftwareRev, entPhysicalSerialNum
	// (member 1's, not member 2's).
	"aruba-cx-vsf-member-chassis": {"aruba-os-cx", "HPE", "JL725A 6200F 24G CL4 4SFP+370W Swch", "SG1AKW0123", "ArubaOS-CX", "ML.10.10.1030", "switch"},
	"aruba-cx-chassis-row-1":      {"aruba-os-cx", "HPE", "JL479A 8320", "TW8ZKM0789", "ArubaOS-CX", "GL.10.08.1010", "switch"},
	// Eltex: the definition eltex-mes21xx lists '.1.3.6.1.4.1.35265.1.24'
	// with no dot after it, and the detection compares sysObjectID as a
	// string prefix, so registration 245 is its too: RADLAN's model name
	// and serial, the software version a feature, no version (was
	// eltex-mes, with rlPhdUnitGenParamSoftwareVersion as the release).
	// fq98: os_version "" -> 4.0.16.7 (eltex-mes21xx): the definition states no release, so no measure counts the field; the unit's own rlPhdUnitGenParamSoftwareVersion.1 follows for the user's inventory, no_fill dropped: the value is neither untrue nor another software's.
	"eltex-mes21xx-prefix-245": {"eltex-mes23xx", "Eltex", "MES2124MB", "ES5E000123", "MES", "4.0.16.7", "switch"},
}

func TestLeads8Fixtures(t *testing.T) {
	checkFixtures(t, leads8FixtureDir, leads8Cases)
}
