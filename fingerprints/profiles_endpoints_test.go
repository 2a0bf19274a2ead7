package fingerprints

import (
	"testing"
)

// endpointsFixtureDir holds small walks written for the device families
// added or widened (cameras, recorders, AV gear, printers): sysDescr lines
// of the shapes Rapid7 Recog documents, vendor objects from the vendors'
// documented layouts, all values made up.
const endpointsFixtureDir = "testdata/fixtures/endpoints"

// endpointsCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var endpointsCases = map[string]want{
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
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 10.17.017211, not Linux's): an OS is named beside its own release only.
	"honeywell-pd45-netsnmp":      {"honeywell-printer-descr", "Honeywell", "PD45", "21430012345", "", "10.17.017211", "printer"},
	"intermec-honeywell-firmware": {"intermec-printer", "Honeywell", "PM45", "", "", "10.16.016422", "printer"},
	// Tektronix Phaser printers: the product the sysDescr names.
	"tektronix-phaser": {"tektronix-phaser", "Tektronix", "Phaser 780DP", "", "", "3.10", "printer"},
	// Printers whose agent answers HP's JetDirect arc or net-snmp's, by the
	// sysDescr their maker's agents print: Xerox, Ricoh's NRG brand,
	// Sharp's AR line, Epson in mixed case, Lexmark in capitals.
	"xerox-phaser-jetdirect-arc": {"xerox-printer", "Xerox", "Phaser 6360DN", "RVW123456", "", "5.101", "printer"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.08, not Linux's): an OS is named beside its own release only.
	// fq74: model MP C4504 (was NRG MP C4504): the definition nrg, which
	// detects 'NRG Network Printer', names the hardware by its
	// sysDescr_regex '/NRG (?<hardware>.*) (?<version>[\d.]+)/', without
	// the brand.
	"ricoh-nrg-netsnmp":      {"ricoh-printer", "Ricoh", "MP C4504", "", "", "1.08", "printer"},
	"sharp-ar-jetdirect-arc": {"sharp-printer", "Sharp", "AR-M355N", "", "", "", "printer"},
	"epson-mixed-case":       {"epson-printer", "Epson", "AL-CX21NF", "", "", "01.00.11", "printer"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release NR.APS.N449, not Linux's): an OS is named beside its own release only.
	"lexmark-capitals": {"lexmark-printer", "Lexmark", "X264", "", "", "NR.APS.N449", "printer"},
	// Canon's older lines by the sysDescr, on HP's arc and on Canon's own
	// (the product after 'Canon Inc.,' and the line names).
	"canon-laser-shot-jetdirect-arc": {"canon-printer", "Canon", "LBP-3310", "", "", "", "printer"},
	"canon-inc-lbp":                  {"canon-printer", "Canon", "LBP-3460", "", "", "", "printer"},
	// A Samsung-built Dell on HP's arc: model, firmware and S/N.
	"dell-samsung-built-jetdirect-arc": {"dell-printer-oem", "Dell", "1355cn", "5BZ45P1", "", "1.10.02.03", "printer"},
	// IBM Infoprint: the product and release the sysDescr names.
	"ibm-infoprint": {"ibm-infoprint", "IBM", "Infoprint 1412", "", "", "3.40.12", "printer"},
	// Siemens optiPoint phones under Siemens's enterprise: a phone, not a
	// SCALANCE switch.
	"siemens-optipoint": {"siemens-optipoint", "Siemens", "optiPoint 420 economy", "", "", "", "phone"},
	// Avaya's IP telephones: a phone, the model its MIB names (before:
	// avaya-gateway's appliance without a model).
	"avaya-96xx-phone": {"avaya-ip-phone", "Avaya", "9611G", "11WZ51234567", "", "", "phone"},
	// A JetDirect-based HP printer without printer rows: the PID its
	// sysDescr names. No OS: the P2055dn predates FutureSmart (was
	// FutureSmart for every HP printer; fq25).
	"hp-jetdirect-pid": {"hp-printer", "HP", "LaserJet P2055dn", "CNB9K12345", "", "", "printer"},
	// Pantum: the serial at the third place the agents keep it.
	"pantum-serial-third": {"pantum-printer", "Pantum", "M7300FDW", "CD7H045678", "", "", "printer"},
}

func TestEndpointsFixtures(t *testing.T) { checkFixtures(t, endpointsFixtureDir, endpointsCases) }
