package fingerprints

import (
	"testing"
)

// phpRest2FixtureDir holds small walks written from the vendor MIBs for the
// second review of the device-support PHP classes (LibreNMS/OS/<Name>.php)
// not read before and of the leads earlier reviews left: which objects give
// hardware, version and serial, in which order and form.
const phpRest2FixtureDir = "testdata/fixtures/php-rest-2"

// phpRest2Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var phpRest2Cases = map[string]want{
	// ALAXALA AX2430S (Alaxala.php; alaxala.yaml has no os section): the
	// hardware from ax2430sChassisType.0 (AX2430S-MIB ax2430sChassisEntry
	// column 2, here model-AX2430S-48T2X over ModelType's -24T2X), the
	// version "<ax2430sRomVersion.0> SW <ax2430sSoftwareVersion.0>"
	// (chassis column 10, ax2430sSoftware 3).
	"alaxala-ax2430s-rom": {"alaxala", "ALAXALA", "AX2430S-48T2X", "", "", "1.0.2 SW 11.7.B", "switch"},
	// No chassis row: "SW <software>" as the class writes it without a
	// ROM version; the model from ax2430sModelType (ours only; the class
	// would fall back to the sysDescr).
	"alaxala-ax2430s-model-type": {"alaxala", "ALAXALA", "AX2430S-24T", "", "", "SW 11.7.B", "switch"},
	// ALAXALA AX1230S (Alaxala.php, AX1230S-MIB, the AX2430S's layout
	// under axsEx 10): chassis 1's type and ROM version where chassis 0
	// answers none.
	"alaxala-ax1230s-rom1": {"alaxala", "ALAXALA", "AX1230S-48T2C", "", "", "1.0.1 SW 2.1.C", "switch"},
	// ALAXALA AX260A (Alaxala.php, AX260A-MIB under axsEx 23, the
	// AX2430S's layout): ax260aChassisType.0 (model-AX260A-08TF) and
	// "<ax260aRomVersion.0> SW <ax260aSoftwareVersion.0>".
	"alaxala-ax260a-rom": {"alaxala", "ALAXALA", "AX260A-08TF", "", "", "1.0.0 SW 1.3.B", "switch"},
	// ALAXALA AX6300S (Alaxala.php, AX63S-MIB ax6300sMib axsEx 8): the
	// chassis type (model-AX6308S), "SW <ax6300sSoftwareVersion.0>"
	// without the MSU's ROM version (the MSU board table is indexed by
	// chassis and board; the class's ax6300sMsuRomVersion.0/.1 GETs get
	// nothing) and entPhysicalSerialNum.1, not the MSU's serial.
	"alaxala-ax6300s-msu-rom": {"alaxala", "ALAXALA", "AX6308S", "AX6308S0123456", "", "SW 11.14.F", "switch"},
	// AX6700S (axsEx 9): chassis 1's type model-AX6708S; the BCU's ROM
	// version not read, as above.
	"alaxala-ax6700s": {"alaxala", "ALAXALA", "AX6708S", "", "", "SW 11.10.C", "switch"},
	// AX6600S (axsEx 12): chassis 1's type model-AX6602S(1103).
	"alaxala-ax6600s": {"alaxala", "ALAXALA", "AX6602S", "", "", "SW 11.12.A", "switch"},
	// ALAXALA AX7800S (Alaxala.php, AXS-MIB ax7800sMib axsEx 2): the
	// chassis type's label has no "model-" (ax7808s-ac(102)), so the
	// class keeps it as it stands where the sysDescr brackets no model;
	// "SW <ax7800sSoftwareVersion.0>", the BCU table (two indexes) giving
	// the class's .0/.1 GETs no ROM version.
	"alaxala-ax7800s-label": {"alaxala", "ALAXALA", "ax7808s-ac", "", "", "SW 10.7.C", "switch"},
	// The same with a sysDescr '[AX7804S]': the bracket wins over the
	// unnormalised label, as the class's normalizeHardware orders them.
	"alaxala-ax7800s-bracket": {"alaxala", "ALAXALA", "AX7804S", "", "", "SW 10.7.C", "switch"},
	// ALAXALA AX7800R (Alaxala.php, AXR module ax7800rMib axrEx 2): the
	// chassis type's label as it stands (ax7804r-ac(100)) and "SW
	// <ax7800rSoftwareVersion.0>", the BCU table's two indexes giving
	// the class no ROM version.
	"alaxala-ax7800r": {"alaxala", "ALAXALA", "ax7804r-ac", "", "", "SW 10.8.B", "router"},
	// ALAXALA AX2000R (AX2000R-MIB, axrEx 4): "SW
	// <ax2000rSoftwareVersion.0>", the RM board table's ROM version
	// (indexed by chassis and board) not read by the class; the model
	// the registration names (its chassis-type labels not read).
	"alaxala-ax2000r": {"alaxala", "ALAXALA", "AX2000R", "", "", "SW 09-03", "router"},
}

func TestPHPRest2Fixtures(t *testing.T) {
	checkFixtures(t, phpRest2FixtureDir, phpRest2Cases)
}
