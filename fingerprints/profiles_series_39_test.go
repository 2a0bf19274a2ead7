package fingerprints

import (
	"testing"
)

// series39FixtureDir holds small walks written from the vendor MIBs for the
// review of ' Series' in printer models (fq39): where the device-support
// definition keeps ' Series' in the value it reads, the model keeps it.
const series39FixtureDir = "testdata/fixtures/series-39"

// series39Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var series39Cases = map[string]want{
	// A Brother printer without brmDNSPrinterName (Brother.php: that
	// name with 'Brother ' and ' series' taken out, else brieee1284id's
	// '/MDL:([^;]+)/' whole): the device ID's model with ' series' kept;
	// brInfoSerialNumber, brpsFirmwareDescription after 'Ver.'.
	"brother-ieee1284-mdl-series": {"brother-printer", "Brother", "HL-L5100DN series", "E74123J8N654321", "", "1.04", "printer"},
	// A Samsung-built Xerox on Xerox's arc without the device ID
	// (definition xerox: hardware .1.3.6.1.4.1.236.11.5.1.1.1.1.0 whole,
	// no hardware_regex, over its sysDescr pattern): ' Series' kept, the
	// maker's name to the vendor; serial from prtGeneralSerialNumber
	// (Shared\Printer), version 236.11.5.1.1.1.2.0.
	"xerox-samsung-built-series": {"xerox-printer", "Xerox", "WorkCentre 3335 Series", "3335987654", "", "V3.61.01.08", "printer"},
}

func TestSeries39Fixtures(t *testing.T) {
	checkFixtures(t, series39FixtureDir, series39Cases)
}
