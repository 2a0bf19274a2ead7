package fingerprints

import (
	"testing"
)

// audit12FixtureDir holds small walks written from the vendor MIBs for the
// third value audit (part 1) of the profiles against the device-support
// definitions: the objects each definition reads, in its order and form.
const audit12FixtureDir = "testdata/fixtures/audit-12"

// audit12Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var audit12Cases = map[string]want{
	// An Environmental Management System on its own registration
	// (318.1.3.8.2), which the definition aos-emu2 takes ahead of apc:
	// emsIdentProductNumber and emsIdentHardwareRev joined, the serial and
	// emsIdentFirmwareRev whole, as os_discovery/aos-emu2.yaml reads them.
	"apc-emu2-ems": {"apc-emu2", "APC", "AP9340 A10", "ZA0512012345", "AOS", "v3.0.3", "sensor"},
	// An EMU2 (318.1.3.8.3) whose agent gives no hardware revision: the
	// product number alone (the definition's template, trimmed).
	"apc-emu2-norev": {"apc-emu2", "APC", "AP9520", "5A1420E00123", "AOS", "v1.1.5", "sensor"},
	// An older Environmental Monitoring Unit (318.1.3.8.1) is the definition
	// apc's: Apc.php's model from the sysDescr (no ident group of its lists
	// answers) and 'AOS <PF> / App <AF1>'; the serial the sysDescr's
	// (over-fill: Apc.php reads none here).
	"apc-environmental-em": {"apc-environmental", "APC", "Web/SNMP Management Card", "ZA0424001234", "AOS", "AOS v2.6.4 / App v2.6.1", "sensor"},
	// An Avocent PM PDU whose pmProductModel holds words after the model:
	// the value whole, as Avocent.php reads pmProductModel (only the ACS
	// appliances' product model is cut to its first word there).
	"avocent-pm-model-words": {"avocent-acs", "Avocent", "PM3000 24 Outlets 20A", "0E1234567890", "", "1.6.0", "pdu"},
	// An SLX-OS switch whose chassis row also has a part number and a
	// software revision: entPhysicalName.1 and the sysDescr's release, as
	// the definition (slxos) reads them, not the chassis row's model name
	// and software revision.
	"extreme-slxos-entity": {"brocade-nos", "Extreme Networks", "SLX9250-32C", "EXK4219V00M", "SLX-OS", "20.3.2a", "switch"},
	// 'Acano Server' not first, with words after the release: all of it up
	// to the comma, as the definition (acano) reads the version.
	"cisco-acano-build-words": {"cisco-acano", "Cisco", "", "", "Cisco Meeting Server", "2.9.7 build 2021-06-14", "appliance"},
	// A VDX on Brocade's registration, whose chassis row also states the
	// release: swFirmwareVersion.0 whole first, as the definition (nos)
	// reads the version there.
	"brocade-vdx-nos-version": {"brocade-nos", "Brocade", "VDX6940-144S", "EXH3309K0Q2", "Network OS", "v7.4.2a", "switch"},
}

func TestAudit12Fixtures(t *testing.T) {
	checkFixtures(t, audit12FixtureDir, audit12Cases)
}
