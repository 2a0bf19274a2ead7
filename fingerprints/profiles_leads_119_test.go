package fingerprints

import (
	"testing"
)

// leads119FixtureDir holds small walks written from the vendor MIBs and
// the device-support definitions for fq119's look at the leads session
// 34's sweeps left: each pins a branch where a profile did not state what
// the definition that takes the device states (its detection, its
// objects' order, a template's exact form).
const leads119FixtureDir = "testdata/fixtures/leads-119"

// leads119Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads119Cases = map[string]want{
	// Gigamon on 26866.31 (definition gigavue, os_detection: sysObjectID
	// '.1.3.6.1.4.1.26866.3', compared as text by Core.php's
	// str_starts_with, so 26866.30-39 are its too, ahead of the generic
	// linux): its os module's version.0, not the kernel release of the
	// uname sysDescr (before fq119, Linux and 4.14.98-GIGAMONsmp-gvhc3, as
	// on an arc gigavue does not take).
	"gigamon-arc-3x-gigavue": {"gigamon-gigavue", "Gigamon", "GigaVUE-HC3", "1H30-0119", "GigaVUE-OS", "6.1.00", "appliance"},
	// SonicWall SMA on 8741.6 (definition sonicwall, newest stored
	// os_detection: sysObjectID '.1.3.6.1.4.1.8741.' and 1.0.3.0.6.0.1.0;
	// discovery sonicwall.yaml 58aa4b8: version_template '(Firmware {{
	// snwlSysFirmwareVersion.0 }} / ROM {{ snwlSysROMVersion.0 }})'): the
	// template's form on every 8741 arc (before fq119, 8741.1 alone, so
	// 10.2.1.13-72sv here).
	"sonicwall-sma-version-template": {"sonicwall-sonicos", "SonicWall", "SMA 210", "2CB8ED340119", "SMA", "(Firmware 10.2.1.13-72sv / ROM 10.2.0.0)", "appliance"},
	// SIAE SM-OS answering unitLabel.1 but no unitPartNumber.1 (definition
	// sm-os, os_discovery 15f945c: hardware [unitPartNumber.1,
	// unitLabel.1], hardware_template '{{ unitLabel.1 }} ({{
	// unitPartNumber.1 }})', which YamlOSDiscovery writes where either
	// answers, the missing one empty, trimmed): 'ALFOplus80HD ()', not the
	// parent's part number GE7701A that stood before fq119.
	"siae-sm-os-label-no-part": {"siae-sm-os", "SIAE Microelettronica", "ALFOplus80HD ()", "2301E00119", "SM-OS", "07.01.00", "wireless"},
	// Planet whose ENTITY row 1 (a stack row) answers no software
	// revision (definition planetos, newest stored os_discovery:
	// sysDescr_regex 'PLANET,?\s(?<hardware>[^,\s]+)(?:(?!v|V).)+(?<version>(?:v|V)\S+)?',
	// then version entPhysicalSoftwareRev.1 over it where that answers):
	// the sysDescr's v-word, not the chassis row 2's revision (2.0b210901)
	// that came first before fq119.
	"planet-sysdescr-version-over-chassis-row": {"planet", "Planet", "GS-5220-24PL4XR", "", "", "v2.0b220119", "switch"},
	// A SpeedTouch whose sysDescr begins 'ST ' (definition speedtouch,
	// os_detection: sysDescr 'TG585v7' or 'SpeedTouch ', or
	// sysDescr_regex '/^ST/'; os_discovery fba4e0d: sysDescr_regex
	// '/ (?<hardware>\S+)/', the word after the first space): detected
	// as speedtouch and that word, the model number (before fq119,
	// '^ST[0-9]' missed it and technicolor, on the registration, stated
	// no model).
	"speedtouch-st-space-model": {"thomson-speedtouch", "Thomson", "780", "", "", "5.4.0.14", "router"},
}

func TestLeads119Fixtures(t *testing.T) {
	checkFixtures(t, leads119FixtureDir, leads119Cases)
}
