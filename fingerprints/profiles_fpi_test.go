package fingerprints

import (
	"testing"
)

// fpiFixtureDir holds small walks written for the device families fpI
// added or widened (cameras, recorders, AV gear, printers): sysDescr lines
// of the shapes Rapid7 Recog documents, vendor objects from the vendors'
// documented layouts, all values made up.
const fpiFixtureDir = "testdata/fixtures/fpi"

// fpiCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var fpiCases = map[string]want{
	// Canon's VB network cameras answer under Canon's enterprise, where
	// the printers are: a camera, its VB product.
	"canon-network-camera": {"canon-camera", "Canon", "VB-M40", "", "", "", "camera"},
	// Panasonic WJ recorders: "<product> SWVer<version>".
	"panasonic-wj-nd400": {"panasonic-wj-recorder", "Panasonic", "WJ-ND400", "", "", "2.10", "nvr"},
	// VBrick encoders: model and serial from the sysDescr.
	"vbrick-encoder": {"vbrick", "VBrick", "9110", "02030405060", "", "", "appliance"},
	// Datamax label printers: class and model, the firmware after Ver:.
	"datamax-mclass": {"datamax-printer", "Datamax", "M-Class 4210", "", "", "11.06", "printer"},
	// Honeywell label printers on another agent's sysObjectID, and
	// Honeywell's firmware (after ';P') on Intermec's.
	"honeywell-pd45-netsnmp":      {"honeywell-printer-descr", "Honeywell", "PD45", "21430012345", "Linux", "10.17.017211", "printer"},
	"intermec-honeywell-firmware": {"intermec-printer", "Honeywell", "PM45", "", "", "10.16.016422", "printer"},
	// Tektronix Phaser printers: the product the sysDescr names.
	"tektronix-phaser": {"tektronix-phaser", "Tektronix", "Phaser 780DP", "", "", "", "printer"},
	// Pantum: the serial at the third place the agents keep it.
	"pantum-serial-third": {"pantum-printer", "Pantum", "M7300FDW", "CD7H045678", "", "", "printer"},
}

func TestFPIFixtures(t *testing.T) { checkFixtures(t, fpiFixtureDir, fpiCases) }
