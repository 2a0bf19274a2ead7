package fingerprints

import (
	"testing"
)

// arcOrder86FixtureDir holds small walks written from the vendors' MIBs and
// documented sysDescr shapes for fq86's review of detection order: a device
// two device-support definitions could both take goes to the one LibreNMS
// checks first (definitions in file-name order, those with an snmpget
// deferred, airos, freebsd and linux last; Core::detectOS).
const arcOrder86FixtureDir = "testdata/fixtures/arc-order-86"

// arcOrder86Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var arcOrder86Cases = map[string]want{
	// A Samsung-built HP Laser MFP on Samsung's arc (236.11.5.1): its
	// sysDescr holds 'HP Laser MFP', which jetdirect detects anywhere, and
	// jetdirect sorts before samsungprinter: hp-printer's (was
	// samsung-printer's). jetdirect's serial prtGeneralSerialNumber.1
	// first; no HP model object answers, so hrDeviceDescr's product; the
	// firmware the sysDescr writes, after jetdirect's objects.
	"hp-laser-mfp-samsung-arc": {"hp-printer", "HP", "Laser MFP 135w", "VNC3R00123", "", "3.82.01.10", "printer"},
	// The same where the unit answers HP-LASERJET-COMMON-MIB gdStatusId:
	// its MDL, 'HP ' taken out, as Jetdirect.php replaces the hardware.
	"hp-laser-mfp-device-id": {"hp-printer", "HP", "Laser MFP 137fnw", "VNC3R00456", "", "3.82.01.12", "printer"},
	// 'HP Color Laser MFP 178 179' does not hold 'HP Laser MFP' (the words
	// are apart): not jetdirect's; samsung-printer's, as before.
	"hp-color-laser-mfp-samsung-arc": {"samsung-printer", "HP", "Color Laser MFP 178 179", "VNC3R00789", "", "3.82.01.19", "printer"},
	// A BNT RackSwitch on BNT's arc (26543): the definition bnt detects
	// '^BNT ' in the sysDescr on any registration and sorts before ibmnos
	// and cnos: bnt-switch-module's (was lenovo-enos's). bnt's os module
	// reads the hardware only from 'BNT <...>Module', which this sysDescr
	// does not hold: the ENTITY chassis row's model, serial and release,
	// the unit's own, follow.
	"bnt-rackswitch-26543": {"bnt-switch-module", "Blade Network Technologies", "G8124", "US7138000A1", "ENOS", "6.3.2.0", "switch"},
	// A Fuji Xerox on Xerox's arc (253.8.62.1): the definition xerox
	// detects that arc (and 297.1.11.93.1) by the sysObjectID alone, and
	// no definition sorting before it names Fuji Xerox: Xerox.php's
	// device ID MDL (253.8.51.1.2.1.20.1) first, as on Fuji Xerox's own
	// xerox arc (was the sysDescr's product, 'DocuPrint CP305 d').
	"fujixerox-xerox-arc-device-id": {"fujifilm-printer", "Fuji Xerox", "DocuPrint CP305d", "093456", "", "", "printer"},
}

func TestArcOrder86Fixtures(t *testing.T) {
	checkFixtures(t, arcOrder86FixtureDir, arcOrder86Cases)
}
