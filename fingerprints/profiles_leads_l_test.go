package fingerprints

import (
	"strings"
	"testing"
)

// leadsLFixtureDir holds small walks written from the vendor MIBs for the
// network-OS leads earlier rounds left: which devices each profile catches
// and which objects give its values, as the device-support definitions
// read them.
const leadsLFixtureDir = "testdata/fixtures/leads-l"

// leadsLCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leadsLCases = map[string]want{
	// Huawei VRP (definition vrp, class Vrp): hwEntitySystemModel's
	// series (S5731) taken to the sysDescr word that goes on from it
	// (S5731-H24T4XC); the version "Version x (bracketed release)
	// [first row of hwPatchVersion]".
	"huawei-vrp-patch-extend": {"huawei-vrp", "Huawei", "S5731-H24T4XC", "2102353168DMK9004567", "VRP", "5.170 (V200R019C10SPC500) [V200R019SPH012]", "switch"},
	// A CE whose sysDescr brackets no release: "8.191" and the patch;
	// hwProductName, which no sysDescr word extends.
	"huawei-vrp-patch-no-release": {"huawei-vrp", "Huawei", "CE6881-48S6CQ", "2102351931P0K8000789", "VRP", "8.191 [V300R020SPH003]", "switch"},
	// A sysDescr without "Version": Vrp.php leaves the version empty;
	// ours the chassis row's release, as before (the dev walks' S12704 and
	// ME60); the model from the first line (the definition names none),
	// the chassis serial.
	"huawei-vrp-no-version": {"huawei-vrp", "Huawei", "S5720-52X-EI-AC", "210235527210E2001234", "VRP", "V200R011C10SPC600", "switch"},
	// A Catalyst 9300 stack of two whose row 1001 is switch 1's power
	// supply (the layout a published Cat9k walk shows): the shared Cisco
	// OS discovery (Cisco.php, definitions ios and iosxe) takes row 1's
	// name, "c93xx Stack", and, since it says stack, entPhysicalModelName
	// .1001 over it, whatever that row is; not the members (1000, 2000).
	// A power supply's part number is not the device's model: ours keeps
	// the stack's name there (row 1001 is read only when it names a
	// switch). The serial: the first member chassis's (row 1 has none);
	// the release the bracketed train's image and version.
	"cisco-c9300-stack-of-two": {"cisco-ios-xe", "Cisco", "c93xx Stack", "FOC2418X1AB", "IOS-XE", "CAT9K_IOSXE 17.12.3", "switch"},
	// The same stack where row 1001 is switch 1's own module, named as
	// the switch: that model, as Cisco.php reads it.
	"cisco-c9300-stack-1001-switch": {"cisco-ios-xe", "Cisco", "C9300-48P", "FOC2418X1AB", "IOS-XE", "CAT9K_IOSXE 17.12.3", "switch"},
	// The same layout with a model on the stack row itself: Cisco.php
	// sets the hardware to row 1's entPhysicalModelName over its name,
	// and that no longer says stack, so row 1001 is not read.
	"cisco-c9300-stack-row-model": {"cisco-ios-xe", "Cisco", "C9300-24T", "FOC2419Y0EF", "IOS-XE", "CAT9K_IOSXE 17.12.3", "switch"},
	// An older Summit on its own registration (1916.2.71): the name the
	// shared Extreme class (xos, Shared/Extreme.php) gives it, over the
	// sysDescr's bracketed "X450a-24t"; the release as xos.yaml's
	// sysDescr_regex reads it ([\d.]+ after " version ").
	"extreme-summit-registration": {"extreme-exos", "Extreme Networks", "Summit X450a-24t", "0834G-00512", "EXOS", "12.6.5.3", "switch"},
	// An Eltex MES3348 (35265.1.96), one of the exact registrations the
	// definition eltex-mes23xx takes: hardware and serial of unit 1; its
	// rlPhdUnitGenParamSoftwareVersion.1 is the definition's features,
	// and nothing else fills the version (no_fill). fq98: os_version ""
	// -> 4.0.20.4 (eltex-mes23xx): the definition states no release, so no measure counts the field; the unit's own rlPhdUnitGenParamSoftwareVersion.1 follows for the user's inventory, no_fill dropped: the value is neither untrue nor another software's.
	"eltex-mes3348-no-version": {"eltex-mes23xx", "Eltex", "MES3348", "ES7A004321", "MES", "4.0.20.4", "switch"},
	// An MES on a registration outside that list keeps eltex-mes's
	// release from the same object.
	"eltex-mes2428-version": {"eltex-mes", "Eltex", "MES2428", "ES8B001234", "MES", "10.3.6.7", "switch"},
	// A Forcepoint NGFW on Stonesoft's arc whose fwSoftwareVersion is the
	// bare release: the definition (forcepoint) needs 'Forcepoint NGFW
	// version' in it and reads no sysDescr, so it states no version (no
	// measure counts it); hardware nodeApplianceModel, serial nodePosCode.
	// fq77: was "" (no_fill), now "7.1.2.29049", the unit's own release
	// that object states, following where the definition states none (the
	// profile format's rule: no_fill only against untrue values).
	"forcepoint-ngfw-version-form": {"forcepoint-ngfw", "Forcepoint", "N3401", "F3C9-77A0-4D21", "Forcepoint NGFW", "7.1.2.29049", "firewall"},
	// RUGGEDCOM ROS in the Siemens sysDescr layout: the definition (ros)
	// takes all before the first '-' as the hardware; the main firmware
	// object whole and the serial object, as it reads them.
	"ruggedcom-ros-dash-hardware": {"siemens-ruggedcom", "Siemens", "Siemens, RUGGEDCOM, RS416, RS416", "RS416-0612-04411", "ROS", "v4.3.7 (Jun 12 2019 10:14)", "switch"},
}

func TestLeadsLFixtures(t *testing.T) { checkFixtures(t, leadsLFixtureDir, leadsLCases) }

// TestExtendInText checks extend: sys_descr's reading: the first place
// the value goes on with non-space characters, else the value.
func TestExtendInText(t *testing.T) {
	for _, c := range []struct{ text, v, want string }{
		{"S5720-36C-EI-AC \r\nHuawei VRP (R) software,Version 5.160 (S5720 V200R007C00SPC500)", "S5720", "S5720-36C-EI-AC"},
		{"S5720-36C-EI-AC \r\nHuawei", "S5720-36C-EI-AC", "S5720-36C-EI-AC"},
		// The first place it goes on, not the first place it appears.
		{"(CE6865EI V200R005C10SPC800)\r\nHUAWEI CE6865EI-48S8CQ", "CE6865EI", "CE6865EI-48S8CQ"},
		{"(CE6865EI V200R005C10SPC800)\r\nHUAWEI CE6865-48S8CQ-EI", "CE6865EI", "CE6865EI"},
		// Not only at a word's start, as the definition's unanchored regexp.
		{"xAR2220E", "AR2220", "AR2220E"},
		{"AP4050DN FAT V200R010", "AP4050DN FAT", "AP4050DN FAT"},
		{"", "S5720", "S5720"},
		{"S5720-28X", "", ""},
		{"a.b+c(d)-e f", "b+c(d)", "b+c(d)-e"},
	} {
		if got := extendInText(c.text, c.v); got != c.want {
			t.Errorf("extendInText(%q, %q) = %q, want %q", c.text, c.v, got, c.want)
		}
	}
}

// TestExtendAndRowWithDecode checks the profile keys: extend takes
// sys_descr only and no literal; row_where now goes with with.
func TestExtendAndRowWithDecode(t *testing.T) {
	for _, c := range []struct {
		yaml string
		ok   bool
	}{
		{"profiles:\n  - id: x\n    match: {sys_object_id: [1.3.6.1.4.1.2011]}\n    model:\n      - oid: 1.3.6.1.4.1.2011.5.25.31.6.5.0\n        extend: sys_descr\n", true},
		{"profiles:\n  - id: x\n    match: {sys_object_id: [1.3.6.1.4.1.2011]}\n    model:\n      - oid: 1.3.6.1.4.1.2011.5.25.31.6.5.0\n        extend: entity\n", false},
		{"profiles:\n  - id: x\n    match: {sys_object_id: [1.3.6.1.4.1.2011]}\n    model:\n      - value: S5720\n        extend: sys_descr\n", false},
		{"profiles:\n  - id: x\n    match: {sys_object_id: [1.3.6.1.4.1.2011]}\n    os_version:\n      - oid: 1.3.6.1.4.1.2011.5.25.19.1.8.5.1.1.4\n        row_where: 1.3.6.1.4.1.2011.5.25.19.1.8.5.1.1.4\n        row_match: '^'\n        with: [1.3.6.1.2.1.1.1.0]\n", true},
	} {
		_, err := decodeProfiles("t.yaml", strings.NewReader(c.yaml))
		if (err == nil) != c.ok {
			t.Errorf("decode %q: err %v, want ok %v", c.yaml, err, c.ok)
		}
	}
}
