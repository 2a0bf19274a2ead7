package fingerprints

import (
	"testing"
)

// industrial79FixtureDir holds small walks written from the vendor MIBs
// and documented sysDescr shapes for fq79's theme (industrial and access
// switching): each family's fields in the objects, order and form the
// device-support definition that detects it reads.
const industrial79FixtureDir = "testdata/fixtures/industrial-79"

// industrial79Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var industrial79Cases = map[string]want{
	// An ICX on IronWare (definition ironware, detected by 'IronWare' in
	// its sysDescr): the hardware is FOUNDRY-SN-ROOT-MIB's name for the
	// sysObjectID (snICX725048HPOERouter) through Ironware.php's
	// rewriteHardware table, not the sysDescr's product; the serial
	// snChasSerNum.0, the release snAgImgVer.0.
	"icx7250-ironware-router-registration": {"brocade-fastiron", "Ruckus", "FastIron ICX 7250 48-port PoE+ Router", "DUK3301X0AA", "FastIron", "08.0.70dT213", "switch"},
	// A registration the table does not name (snICX765048FSwitch): the
	// definition states the bare MIB label, which its own copy of
	// FOUNDRY-SN-ROOT-MIB registers, and so does the profile now, before
	// the sysDescr's product (was 'ICX7650-48F', the sysDescr's product;
	// now 'snICX765048FSwitch', as Ironware.php's str_replace leaves the
	// label hardware_mib gave: fq91, internal/ironwaregen bare labels).
	"icx7650-ironware-unnamed-registration": {"brocade-fastiron", "Ruckus", "snICX765048FSwitch", "EXA3302Y0BB", "FastIron", "08.0.90fT233", "switch"},
	// FastIron 10 writes no 'IronWare' (no definition detects it): the
	// sysDescr's product, the unit's own, not the table's name.
	"icx7250-fastiron10-no-ironware": {"brocade-fastiron", "Ruckus", "ICX7250-48P", "DUK3303Z0CC", "FastIron", "10.0.10aT225", "switch"},
	// HiOS (Hirschmann.php, the definition hirschmann's class): no running
	// image row answers, so flash image 2's hm2DevMgmtSwVersion, as 'HiOS '
	// and the release after the train; never the boot loader's HiBOOT
	// release, which the class would take last.
	"hios-flash-image-release": {"hirschmann-hios", "Hirschmann", "BRS40-0008OOOO-STCZ99HHSES", "942170999000111222", "HiOS", "HiOS 10.0.01", "switch"},
	// HiSecOS: no image holds a 'HiOS' release, so the class states none;
	// the running image's release follows as the unit's own.
	"hisecos-eagle-release": {"hirschmann-hios", "Hirschmann", "EAGLE40-0600T1S1S1S1SAY9HSE3F", "942200999000333444", "HiSecOS", "03.4.01", "firewall"},
	// SCALANCE X on a registration the definition scalance detects
	// (sysObjectID starting 4329.6.1.2.1): the hardware its sysDescr_regex
	// takes, the product after 'SCALANCE ' ('X204-2'), the serial
	// automationSerialNumber, the version automationSwRevision whole.
	"scalance-x-simaticnet-registration": {"siemens-scalance", "Siemens", "X204-2", "VPA1234567", "SCALANCE", "V05.04.02", "switch"},
	// A SCALANCE W writing its product alone (4329.6.1.2.3): the
	// definition's pattern wants a comma and more after it, so it states
	// no hardware; the sysDescr's product, the unit's own, follows.
	"scalance-w-bare-sysdescr": {"siemens-scalance", "Siemens", "SCALANCE W788-1 M12", "VPH7654321", "SCALANCE", "V06.01.00", "access_point"},
	// An FS switch the definition fs-switch detects (52642, not the Centec
	// line 52642.1.99): the SWITCH MIB's currentRunningImage through its
	// hardware_regex ('S3910-24TS') and version_regex ('2.0.3.r1').
	"fs-switch-running-image": {"fs-com", "FS", "S3910-24TS", "", "", "2.0.3.r1", "switch"},
	// The Centec line (52642.1.99, the definition fs-centec's): the image
	// is not read; the sysDescr's FSOS product and release, as before.
	"fs-centec-running-image-not-read": {"fs-com", "FS", "S5850-48S6Q", "", "", "7.4.1.r1", "switch"},
	// Cumulus Linux (Cumulus.php: one getnext of entPhysicalDescr,
	// SoftwareRev and SerialNum, the first row's): the first row answers
	// an empty serial, so the class states none; the power supply's
	// serial on a later row is not the switch's (was taken before).
	"cumulus-first-row-serial-empty": {"cumulus-linux", "Cumulus Networks", "Mellanox SN2410", "", "Cumulus Linux", "5.8.0", "switch"},
	// Planet (planetos: version ENTITY-MIB entPhysicalSoftwareRev.1 in
	// both stored versions): row 1 (a stack row here) by its index, not the
	// chassis row 2 the generic chassis choice takes.
	"planet-entity-row1-software": {"planet", "Planet", "SGS-6341-24T4X", "", "", "1.305b210301", "switch"},
}

func TestIndustrial79Fixtures(t *testing.T) {
	checkFixtures(t, industrial79FixtureDir, industrial79Cases)
}
