package fingerprints

import (
	"testing"
)

// depthModelFixtureDir holds small walks written from the vendor MIBs of families
// whose profiles read no model, serial or release before: each read from
// the vendor's own objects.
const depthModelFixtureDir = "testdata/fixtures/depth-model"

// depthModelCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var depthModelCases = map[string]want{
	// Gude EPCs: the GUDEADS DeviceInfo group under the product's
	// sysObjectID (serial, firmware; the product where the sysDescr
	// names none; a 0 serial says nothing).
	"gude-epc-deviceinfo": {"gude-epc", "Gude", "Expert Power Control 8221-1", "2604117", "", "1.4.2", "pdu"},
	"gude-epc-prodname":   {"gude-epc", "Gude", "Expert Power Control 1202", "", "", "1.2.0", "pdu"},
	// ATEN eco PDUs: ATEN-PE-CFG modelName and deviceFWversion.
	"aten-pdu-device": {"aten-pdu", "ATEN", "PE8324G", "", "", "1.4.147", "pdu"},
	// Moxa TurboPack 3 switches: the per-model MIB's serialNumber.
	"moxa-edsg512e-serial": {"moxa-etherdevice", "Moxa", "EDS-G512E-4GSFP", "TAFHB1093456", "", "V6.1 build 19102914", "switch"},
	// Trapeze (Juniper) MSS controllers: the product the registration
	// arc names.
	"trapeze-mss-registration": {"trapeze-mss", "Trapeze Networks", "WLC2800", "0912700456", "MSS", "9.1.2.4.0", "wireless_controller"},
	"trapeze-mss-mx":           {"trapeze-mss", "Trapeze Networks", "MX-216", "0652800077", "MSS", "7.0.11.3.0", "wireless_controller"},
	// Dell PowerVault TL2000/TL4000 tape libraries: DELL-TL4000-MIB's
	// libraryTable (product ID, firmware, serial).
	"dell-powervault-tl4000": {"dell-powervault", "Dell", "TL4000", "HU1234ABCD", "", "E.30", "storage"},
	// Gamatronic UPS stacks: GAMATRONIC-MIB psUnitSerialNumber.
	"gamatronic-ups-psunit": {"gamatronic-ups", "Gamatronic", "", "G1708254", "", "", "ups"},
}

func TestDepthModelFixtures(t *testing.T) { checkFixtures(t, depthModelFixtureDir, depthModelCases) }
