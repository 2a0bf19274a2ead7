package fingerprints

import (
	"testing"
)

// review30FixtureDir holds small walks written from the vendor MIBs for the
// review of the commits landed in the session, newest first (fq30).
const review30FixtureDir = "testdata/fixtures/review-30"

// review30Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review30Cases = map[string]want{
	// Corrects b84fd16, which took only the SummitWM and Altitude entries
	// the xos table names off the switches: EXTREME-BASE-MIB files
	// summitWM20 (extremeProduct 110) as 'Summit WM20 WLAN Controller', a
	// wireless controller (was switch).
	// fq36: no OS, a WLAN controller running no ExtremeXOS (was EXOS).
	"extreme-summitwm20": {"extreme-nonswitch", "Extreme Networks", "Summit WM20", "", "", "", "wireless_controller"},
	// Corrects b84fd16: EXTREME-BASE-MIB's altitude450 (extremeProduct 117)
	// is 'the Next Generation Access Point', an access point (was switch).
	// fq36: no OS, an access point running no ExtremeXOS (was EXOS).
	"extreme-altitude450": {"extreme-nonswitch", "Extreme Networks", "Altitude 450", "", "", "", "access_point"},
	// Corrects b84fd16: summitWM3600 sits one arc deeper, under
	// wirelessProducts (extremeProduct 131.16), 'Summit WM3600 WLAN
	// Controller' in EXTREME-BASE-MIB (was switch).
	// fq36: no OS, a WLAN controller running no ExtremeXOS (was EXOS).
	"extreme-summitwm3600": {"extreme-nonswitch", "Extreme Networks", "Summit WM3600", "", "", "", "wireless_controller"},
	// Corrects 8ba5b14, which left only 'AirEngine 97xx-' names
	// controllers and read the wlanAp arc (hwProducts 39) as an access
	// point: HUAWEI-MIB registers the AirEngine 9700D-M1 desktop access
	// controller there (wlanAp 155), its name a letter before the dash; a
	// wireless controller, as before 8ba5b14 (was access_point).
	"huawei-airengine-9700d-m1": {"huawei-vrp", "Huawei", "AirEngine9700D-M1", "2102313VAB10M2000789", "VRP", "5.170 (V200R021C00SPC100)", "wireless_controller"},
	// After c246f29 (checked right: the MIB's label as the hardware): a
	// Mimosa C5x client radio is no access point; client radios are typed
	// wireless, as Canopy's SMs are (was access_point).
	"mimosa-c5x-client": {"mimosa", "Mimosa", "C5x", "1052345678", "", "2.8.1-4", "wireless"},
	// After b84fd16 and fq26's list: EXTREME-BASE-MIB describes e4g-200
	// (extremeProduct 171) as 'E4G-200 Mobile Backhaul Cell Site Router',
	// a router (was switch).
	"extreme-e4g-200": {"extreme-exos", "Extreme Networks", "E4G-200", "", "EXOS", "15.3.1.4", "router"},
}

func TestReview30Fixtures(t *testing.T) { checkFixtures(t, review30FixtureDir, review30Cases) }
