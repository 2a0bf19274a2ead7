package fingerprints

import (
	"testing"
)

// phpEZFixtureDir holds small walks written from the vendor MIBs for the
// comparison of the profiles with the device-support PHP classes, E to Z,
// that read hardware, version and serial in their own ways (fpQ).
const phpEZFixtureDir = "testdata/fixtures/php-e-z"

// phpEZCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var phpEZCases = map[string]want{
	// IOS XR without the rack rows (8384513, 8384518): the sysDescr's
	// platform, the whole parenthesis without the maker ("ASR9K Series"),
	// not the chassis row's ASR-9001; the serial of ENTITY row 1001 where
	// row 1 does not answer, as Iosxr.php and the shared Cisco class
	// (getMainSerial) read them.
	"cisco-iosxr-no-rack": {"cisco-ios-xr", "Cisco", "ASR9K Series", "FOC1710N1AB", "IOS-XR", "6.1.4", "router"},
	// A 3Com switch with ENTITY-MIB: the sysDescr before 'Software' (not
	// the part number 3CRS48G-48-91) and the text after 'Version ', as
	// ThreeCom.php reads them; ENTITY's serial (the class reads none).
	"3com-switch-entity-part": {"3com-switch", "3Com", "Switch 4800G 48-Port", "9KJF2CD654321", "", "3Com OS V5.20 Release 2202P15", "switch"},
	// A Fabric OS switch sold under another maker's name ("DS-6505B"):
	// the switch type fcFeModuleObjectID.1 (1588.2.1.1.118, the 6505)
	// before the sysDescr, as Fabos.php reads only that object.
	// fq97: '6505 Switch' (was '6505'): Fabos.php's table names type 118
	// 'Brocade 6505 Switch'; the engine drops the maker's name.
	"brocade-fabos-oem-sysdescr": {"brocade-fabric-os", "Brocade", "6505 Switch", "CZC1234ABC", "Fabric OS", "v8.2.2d", "switch"},
	// A Siklu radio whose sysDescr is no part number: the whole sysDescr,
	// entPhysicalSerialNum.1, and bank 2's release where bank 1 is not
	// the running one, as Siklu.php reads them.
	"siklu-multihaul-row1": {"siklu-etherhaul", "Siklu", "MultiHaul TU", "F412345678", "", "2.0.9", "wireless"},
	// A Schleifenbauer databus whose first device has unit address 2: that
	// row's product, serial, and firmware with its build in parentheses,
	// as Schleifenbauer.php reads them (not the first row's).
	"schleifenbauer-master-unit": {"schleifenbauer-pdu", "Schleifenbauer", "DPM3-3F-24C13", "SVNL00067890", "", "253 (2019-12-10)", "pdu"},
	// A Xerox multifunction printer: the MDL field of the IEEE 1284 device
	// ID at 253.8.51.1.2.1.20.1 over the sysDescr's product, as Xerox.php
	// reads the hardware.
	"xerox-device-id-mdl": {"xerox-printer", "Xerox", "WorkCentre 7845", "3321412345", "", "073.040.075.34540", "printer"},
	// An older 3Com stack unit (43.10.27.4.1.x) whose sysDescr names no
	// 'Software': the sysDescr and unit 1's stackUnitDesc joined, its
	// stackUnitSWVersion and stackUnitSerialNumber, as ThreeCom.php reads
	// them (A3COM0017-STACK-CONFIG).
	"3com-superstack-stack-unit": {"3com-switch", "3Com", "SuperStack II Switch 3300 TX", "7ZGV123456", "", "2.62", "switch"},
	// An NXC controller on the ZyWALL arc: one of the zywall definition's
	// sysDescr exceptions, so its version is cut at ' | ' as before (the
	// zywall whole-value form is for the firewalls only).
	"zyxel-zywall-nxc-exception": {"zyxel", "Zyxel", "NXC5500", "S162Z47009876", "", "V6.10(AAOS.3)", "wireless_controller"},
}

func TestPHPEZFixtures(t *testing.T) {
	checkFixtures(t, phpEZFixtureDir, phpEZCases)
}
