package fingerprints

import (
	"testing"
)

// common117FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq117's second look at the most common
// families: each pins a branch of the device-support definition's reading
// (a source further down its list, an older generation's sysDescr, one
// PowerNet group read over another, an object that answers empty) that no
// other fixture covered.
const common117FixtureDir = "testdata/fixtures/common-117"

// common117Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var common117Cases = map[string]want{
	// VRP (definition vrp, os module hardware list: hwEntitySystemModel,
	// hwProductName, hwDatacomm.183.1.25.1.5.1, mlsr.20.1.1.1.3.0,
	// hwEntityBoardName.9): a stack answering neither of the first two
	// states HUAWEI-STACK-MIB's member 1 device type, ahead of the
	// series its sysDescr brackets ('S5720'); the version is Vrp.php's
	// 'Version (\S+)' with the bracketed product release.
	"huawei-vrp-stack-device-type": {"huawei-vrp", "Huawei", "S5720-52X-SI-AC", "2102350DLS10J1000117", "VRP", "5.170 (V200R011C10SPC600)", "switch"},
	// VRP 3 (no bracketed product release, so the os module's
	// sysDescr_regex gives neither hardware nor release): the list's
	// fourth object, HUAWEI-MIB mlsr.20.1.1.1.3.0 (the frame's
	// description), and Vrp.php's 'Version (\S+)' alone.
	"huawei-vrp3-mlsr-chassis-model": {"huawei-vrp", "Huawei", "S3526E", "", "VRP", "3.30", "switch"},
	// VRP 8 with none of the list's objects: the bracketed series
	// 'NE40E', which Vrp.php then widens with preg_match('/NE40E\S+/') to
	// the first word of sysDescr that goes on from it, here the closing
	// line's 'NE40E-X8A' (the bracket's 'NE40E ' is followed by a space).
	"huawei-vrp8-series-extends-closing-line": {"huawei-vrp", "Huawei", "NE40E-X8A", "2102113117P0000117", "VRP", "8.180 (V800R010C10SPC500)", "router"},
	// Comware 7 on an ESS release (definition comware's sysDescr_regex
	// takes 'Release' or 'ESS' before the features): the product line
	// after it, and the version's digits alone; the serial Comware.php's
	// first hh3cEntityExtManuSerialNum row.
	"comware7-ess-release": {"h3c-comware", "H3C", "S5130-28S-EI", "210235A1BSH171000117", "Comware", "7.1.045", "switch"},
	// A rack PDU answering PowerNet-MIB's rPDUIdent and sPDUIdent groups
	// (and rPDU2): Apc.php takes the last of its lists that answers, so
	// sPDUIdent's model, hardware revision and serial over rPDUIdent's
	// (made to differ here); the release from the card's firmware table.
	"apc-rpdu2-spdu-group-over-rpdu": {"apc-rpdu2", "APC", "AP8853 02", "ZA2001000117", "AOS", "AOS v6.9.6 / App v6.9.6", "pdu"},
	// A first-generation MasterSwitch (sPDUIdent alone, no firmware
	// table): sPDUIdentFirmwareRev whole, before the sysDescr's PF/AF1
	// (Apc.php reads the sysDescr only where the list gives none).
	"apc-masterswitch-spdu-firmware": {"apc-rpdu", "APC", "AP9211 B2", "ZA0301000117", "AOS", "v2.6.5", "pdu"},
	// A UPS whose upsAdvIdentFirmwareRevision answers empty: Apc.php's
	// trim(model . ' ' . '') is upsBasicIdentModel alone; with no
	// firmware table and no UPS object in its release list, the
	// sysDescr's 'AOS <PF> / App <AF1>'.
	"apc-ups-firmware-revision-empty": {"apc-ups", "APC", "Smart-UPS 1500", "AS1901000117", "AOS", "AOS v6.8.2 / App v6.8.4", "ups"},
	// EdgeOS on the EdgeMAX registration answering both UBNT-EdgeMAX-MIB
	// and lldpd's process parameters: Edgeos.php (023d5d2) runs the YAML
	// (os_discovery edgeos.yaml cfab8f7: hardware ubntModel, version
	// ubntVersion over the sysDescr's 'v<x.y.z>') and then sets the
	// hardware from the first hrSWRunParameters naming 'UBNT <model>
	// running on', over ubntModel ('ER-4'); the release ubntVersion whole.
	// The definition reads no serial: ubntSerialNumber, the unit's own.
	"edgeos-lldpd-parameters-over-ubntmodel": {"ubiquiti-edgeos", "Ubiquiti", "EdgeRouter 4", "7483C2000117", "EdgeOS", "v2.0.9-hotfix.7.5622731.230615.0857", "router"},
	// Comware 7 whose release line ends in a space before its line break:
	// the definition comware's pattern ('.*[\n ]' after the features)
	// still reads the next line's product; before fq117 our narrower rule
	// failed there and the registration's label stood
	// ('513024G4SFPPlusEI').
	"comware7-release-line-trailing-space": {"h3c-comware", "HPE", "5130 24G 4SFP+ EI Switch", "CN12KP0117", "Comware", "7.1.070", "switch"},
	// A product line with two spaces inside it: the definition's greedy
	// hardware runs to the line's last '\r\n', so the whole line (its
	// spaces as one); before fq117 cut at the two spaces
	// ('A5500-24G-4SFP HI').
	"comware5-product-line-double-space": {"h3c-comware", "HPE", "A5500-24G-4SFP HI Switch with 2 Interface Slots", "CN10BX0117", "Comware", "5.20.99", "switch"},
}

func TestCommon117Fixtures(t *testing.T) {
	checkFixtures(t, common117FixtureDir, common117Cases)
}
