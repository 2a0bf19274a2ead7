package fingerprints

import (
	"testing"
)

// prefix122FixtureDir holds small walks written from the vendors' MIBs and
// the device-support definitions' objects for fq122's look at
// registrations compared as text prefixes: Teltonika's enterprise, which
// the definition rutos-rutm takes whole ('.1.3.6.1.4.1.48690', no
// trailing dot, os_detection 10c36b0).
const prefix122FixtureDir = "testdata/fixtures/prefix-122"

// prefix122Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var prefix122Cases = map[string]want{
	// A RUTM router on 48690 whose firmware name carries a suffix after
	// its numbers: rutos-rutm reads TELTONIKA-RUTM-MIB fwVersion.0
	// (48690.1.6.0) whole (os_discovery 15f945c), now read first. Was no
	// os_version: the firmware shape ('_R_' and numbers to the end) did
	// not take it.
	"teltonika-rutm-fw-suffix": {"teltonika", "Teltonika", "RUTM59", "6300020122", "RutOS", "RUTM_R_00.07.16_rc.1", "router"},
	// A RutOS 7 unit on 48690 of a family the device-name shapes do not
	// list (made up, 'TRX210'), its serial not ten digits: rutos-rutm
	// takes the registration alone and reads deviceName.0 (48690.1.2.0)
	// and serial.0 (.1.1.0) whole. Was no model and no serial.
	"teltonika-rutos7-other-family": {"teltonika", "Teltonika", "TRX210", "A210000122", "RutOS", "TRX2_R_00.07.12.1", "router"},
	// A RUT950 on 48690 with TLT-MIB's older layout (.1.1 the modem's
	// IMEI, .1.2 its model, .1.6 the SIM's IMSI; routerName .1.7, serial
	// .1.5, firmwareVersion 48690.2.14): rutos-rutm's reading there
	// (modem model 'EC25', an IMEI, an IMSI) is no value of the router,
	// so the direct reads hold only where fwVersion.0 holds a firmware
	// name and the shapes read the router's own, as before: unchanged.
	"teltonika-tlt-mib-own-arc": {"teltonika", "Teltonika", "RUT950", "1109870122", "RutOS", "RUT9XX_R_00.06.08.3", "router"},
}

func TestPrefix122Fixtures(t *testing.T) {
	checkFixtures(t, prefix122FixtureDir, prefix122Cases)
}
