package fingerprints

import (
	"testing"
)

// phpADFixtureDir holds small walks written from the vendor MIBs for the
// review of the families whose device-support code sets hardware, version
// and serial in a PHP class (LibreNMS/OS/<Name>.php, A to D): which
// objects give each value, in which order.
const phpADFixtureDir = "testdata/fixtures/php-a-d"

// phpADCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var phpADCases = map[string]want{
	// An Aruba mobility controller answering three serial objects:
	// WLSX-SWITCH-MIB wlsxSwitchLicenseSerialNumber.0, the one the class
	// (Arubaos.php) sets after its YAML, not the system-extension serials.
	"aruba-controller-switch-serial": {"aruba-mobility-controller", "Aruba", "Aruba7010", "CV0012345", "ArubaOS", "8.6.0.4", "wireless_controller"},
	// The same on net-snmp's registration with an ArubaOS sysDescr
	// (aruba-os-sysdescr): Arubaos.php's serial first.
	"aruba-os-netsnmp-switch-serial": {"aruba-os-sysdescr", "Aruba", "Aruba7205", "CW0054321", "ArubaOS", "8.10.0.7", "wireless_controller"},
	// An HPE Comware switch whose chassis row carries HPE's serial and
	// HH3C-ENTITY-EXT-MIB the manufacturing one: the class (Comware.php)
	// sets the serial to the first hh3cEntityExtManuSerialNum value;
	// the version the number alone, as the definition (comware) captures it (since fq24; was
	// "7.1.070 Release 3208P08").
	"comware-manu-serial": {"h3c-comware", "HPE", "5130 24G 4SFP+ EI Switch", "210235A1JTB17A000123", "Comware", "7.1.070", "switch"},
	// On H3C's arc without a Comware sysDescr (h3c-comware-oid): the first
	// hh3cEntityExtManuSerialNum row that answers (row 1 is empty, as the
	// class's trimmed walk output skips it), not the chassis row's. The
	// chassis row's release in h3c-comware's form: the version alone
	// (since fq24; was "7.1.070 Release 1122P06").
	"comware-oid-manu-serial": {"h3c-comware-oid", "H3C", "S5560X-30C-EI", "219801A1NM819BQ00077", "Comware", "7.1.070", "switch"},
	// A Cumulus Linux switch: the class (Cumulus.php) reads the first
	// ENTITY row's description as the hardware (with its maker, as the
	// platform writes it), its software revision without 'Cumulus Linux '
	// and its serial; not the model name.
	"cumulus-first-row": {"cumulus-linux", "Cumulus Networks", "Accton AS7326-56X", "732656X2119007", "Cumulus Linux", "5.4.0", "switch"},
	// A Dell OS10 switch answering DELLEMC-OS10-CHASSIS-MIB: the class
	// (DellOs10.php) reads os10ChassisProductSN.1 as the serial, not the
	// ENTITY serial. It also gives the chassis's hardware revision
	// (os10ChassisHwRev.1, A01) as the version: ours keeps the release
	// the sysDescr states (a board revision is not the software's). The
	// hardware is os10ChassisType.1's DELLEMC-OS10-TC-MIB label, as the
	// class fetches it, before the ENTITY row (fq21; was "S5248F-ON").
	"dell-os10-chassis-table": {"dell-os10", "Dell", "s5248Fon", "TW0XYZ1234567", "OS10", "10.5.4.1", "switch"},
	// A Xerox-built Dell laser printer: the class (DellLaser.php) sets
	// the hardware from the MDL of the device ID Xerox's MIB keeps
	// (253.8.51.10.2.1.7.2.28110202), before the printer's hrDeviceDescr.
	"dell-laser-xerox-mdl": {"dell-printer-oem", "Dell", "Laser Printer 3100cn", "", "", "03.10.00", "printer"},
	// A Lexmark-built one: the MODEL of Lexmark's device ID
	// (641.2.1.2.1.3.1), without Dell's name.
	"dell-laser-lexmark-model": {"dell-printer-oem", "Dell", "Laser Printer 1700n", "", "", "NR.APS.N449", "printer"},
	// A Bosch CPP camera on net-snmp's registration whose agent answers
	// software-version in its raw form ("24500793." with a trailing NUL,
	// as hex): the class (Boschcpp.php) rewrites it "7.93.0024".
	"bosch-cpp-raw-version": {"bosch-video-mib", "Bosch", "FLEXIDOME IP starlight 7000 VR", "04412356789", "", "7.93.0024", "camera"},
	// A Ceragon IP-10 answering both serial objects: the class
	// (Ceraos.php) reads the IDU's genEquipUnitIDUSerialNumber.0 where the
	// registration is IP10's (2281.1.10), not the unit inventory's row 127.
	"ceragon-ip10-idu-serial": {"ceragon", "Ceragon", "IP10 Family", "05172410043", "", "", "wireless"},
	// An ADVA FSP 150CC (2544.1.12.1.1.x, definition adva_fsp150, whose
	// os_discovery replaced AdvaFsp150.php): ENTITY row 1's name and
	// hardware revision as the hardware, its software revision and serial,
	// not the sysDescr's product and release nor the part number.
	"adva-fsp150cc-entity-row1": {"adva-fsp", "ADVA", "GE114 2.02", "FA61234567890", "", "6.5.1-184", "switch"},
}

func TestPHPADFixtures(t *testing.T) {
	checkFixtures(t, phpADFixtureDir, phpADCases)
}
