package fingerprints

import (
	"testing"
)

// lastDefsFixtureDir holds small walks written from the vendor MIBs for the
// review of the last device-support definitions earlier rounds had not
// read: which devices each profile catches and which objects give its
// values, in which form.
const lastDefsFixtureDir = "testdata/fixtures/last-defs"

// lastDefsCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var lastDefsCases = map[string]want{
	// A BlueCat Address Manager: bcnSysIdPlatform, bcnSysIdSerial and
	// bcnSysIdOSRelease, the release whole with its build and flavour
	// ('9.4.0-476.GA.bcn'), as the definition (bluecatnetworks) reads it.
	"bluecat-bam": {"bluecat", "BlueCat", "BAM-5000", "BC7509876543", "BlueCat OS", "9.4.0-476.GA.bcn", "appliance"},
	// An ICT sine wave inverter: the definition (ict-swi) reads the
	// hardware from deviceHardware.0 of ICT-SINE-WAVE-INVERTER-MIB
	// (39145.12.3.0), an integer hardware version ('2'). A revision alone
	// is not a model: ours keeps deviceModel.0, the product's number;
	// deviceFirmware.0 whole, as the definition reads it.
	"ict-swi-inverter": {"ict-power", "ICT", "ICT1500SW-12IC", "", "", "V1.06", "power"},
	// An MES2124, one of the registrations the definition eltex-mes21xx
	// takes: hardware and serial of RADLAN-Physicaldescription-MIB's unit
	// 1, its rlPhdUnitGenParamSoftwareVersion.1 read as features, so no
	// version (as eltex-mes23xx reads its switches). fq98: os_version ""
	// -> 1.1.48.6 (eltex-mes21xx): the definition states no release, so no measure counts the field; the unit's own rlPhdUnitGenParamSoftwareVersion.1 follows for the user's inventory, no_fill dropped: the value is neither untrue nor another software's.
	"eltex-mes2124-no-version": {"eltex-mes23xx", "Eltex", "MES2124", "ES3C002468", "MES", "1.1.48.6", "switch"},
	// An MES2424B on the Aricent ISS agent, a registration the definition
	// eltex-mes24xx takes: the hardware the sysDescr's first two words,
	// the serial 2076.81.1.120.0, the version entPhysicalFirmwareRev.1
	// (not the ENTITY model 'MES2424B', not the software revision).
	"eltex-mes2424b-iss": {"eltex-mes24xx", "Eltex", "MES2424B AC", "ES5D001357", "MES", "10.3.6.2", "switch"},
}

func TestLastDefsFixtures(t *testing.T) {
	checkFixtures(t, lastDefsFixtureDir, lastDefsCases)
}
