package fingerprints

import (
	"testing"
)

// review23FixtureDir holds small walks written from the vendor MIBs for the
// second reading of the day's profile changes (fq2): the cases where the
// device-support code a change follows would state a value untrue of the
// device, and ours must not, and readings of that code a change missed.
const review23FixtureDir = "testdata/fixtures/review-23"

// review23Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review23Cases = map[string]want{
	// A SwitchBlade x8106 registered as its controller fabric card
	// (AT-PRODUCT-MIB atSBx81CFC960, 207.1.14.88), its first
	// rscBoardTable row a line card. Awplus.php would state the
	// registration's name, 'AT-SBx81CFC960': a module's part number, not
	// the device (066f51d followed it). Ours: the ENTITY chassis row's
	// model, no line card's board name, no registry name; the serial the
	// controller's in bay 5 (5.6), as the code reads it and as ours does
	// for the chassis registrations.
	"allied-sbx81cfc960-entity-chassis": {"allied-telesis", "Allied Telesis", "AT-SBx8106", "A052201163200114", "AlliedWare Plus", "5.5.2-1.1", "switch"},
	// A DrayTek Vigor whose sysDescr names its series: the hardware as
	// the definition's (draytek: os_discovery/draytek.yaml; Draytek.php
	// has no OS discovery) pattern 'Router Model: (?<hardware>[\w ]+),
	// Version: (?<version>[\w.]+)' reads it, ' Series' kept (8429cdc kept
	// cutting it: not the definition's form, and the series' base model
	// alone may name a variant the device is not).
	"draytek-router-model-series": {"draytek-vigor", "DrayTek", "Vigor2865 Series", "", "DrayOS", "4.4.5.2", "router"},
	// An ICT sine wave inverter answering its hardware version
	// (ICT-SINE-WAVE-INVERTER-MIB deviceHardware.0, 39145.12.3.0: 3) but
	// no model number: the definition (ict-swi) would state '3' as the
	// hardware (2d7800a followed it); a hardware revision alone is no
	// model, so none. deviceFirmware.0 whole.
	"ict-swi-hardware-version-only": {"ict-power", "ICT", "", "", "", "V2.01", "power"},
}

func TestReview23Fixtures(t *testing.T) { checkFixtures(t, review23FixtureDir, review23Cases) }
