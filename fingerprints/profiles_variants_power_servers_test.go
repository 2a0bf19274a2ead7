package fingerprints

import (
	"testing"
)

// variantsPowerServersFixtureDir holds small walks written from the vendor
// MIBs for the variants of the biggest power and server-management
// families (card generations, older MIB arcs, agents that answer only part
// of a MIB): model, serial and version read from each vendor's own
// objects.
const variantsPowerServersFixtureDir = "testdata/fixtures/variants-power-servers"

// variantsPowerServersCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var variantsPowerServersCases = map[string]want{
	// Liebert through an IntelliSlot card: the managed device's row for
	// model and serial, the card's firmware as the release (as the
	// definition reads the version); a Unity card without a device row
	// names its UPS in UPS-MIB.
	// (The model '<model> (<firmware>)' of the device row, as the
	// definition templates the hardware: fq14; was the model alone.)
	"liebert-intellislot-gxt4": {"vertiv-liebert", "Vertiv", "GXT4-3000RT230 (U046D014)", "1409300123AF321", "", "4.6.0.0", "ups"},
	"liebert-unity-upsmib":     {"vertiv-liebert", "Vertiv", "GXT5-3000IRT2UXL", "0218300112", "", "7.3.1.0", "ups"},
	// A card that states its firmware in UPS-MIB only, the definition's
	// second source of the version.
	// (Whole, as the definition reads it, and the model templated with
	// the device's firmware: fq14; were "4.1.0.0" and "Liebert NXC".)
	"liebert-agent-upsmib-version": {"vertiv-liebert", "Vertiv", "Liebert NXC (NXC_R11)", "1612200345NXC", "", "IntelliSlot Web Card 4.1.0.0", "ups"},
	// Eltek WebPower (ELTEK-DISTRIBUTED-MIB): the controller type's
	// enumeration, the system serial, the release second in sysDescr.
	// (The enumeration's label as the MIB writes it, which the definition
	// (eltek-webpower) fetches: fq21; were "Smartpack2" and "Compack".)
	"eltek-webpower-smartpack2": {"eltek-smartpack", "Eltek", "smartpack2", "183412345678", "", "4.3.1", "power"},
	// ... and where the sysDescr names the maker before the product.
	"eltek-webpower-compack": {"eltek-smartpack", "Eltek", "compack", "144100987654", "", "4.2.3", "power"},
	// An Eaton UPS card on XUPS-MIB alone: xupsIdentSerialNumber.
	"eaton-xups-serial": {"eaton-xups", "Eaton", "5PX 1500", "G204L12345", "", "01.14.0019", "ups"},
	// A DRAC whose agent answers neither the type nor the chassis
	// objects: its short name and the server's service tag.
	"dell-drac5-shortname": {"dell-cmc", "Dell", "DRAC 5", "9ZX8K1J", "DRAC", "1.65", "bmc"},
	// An iDRAC8 answers DELL-RAC-MIB beside IDRAC-MIB, with its own
	// product type: the server's model, not the controller's name.
	"dell-idrac8-racmib": {"dell-idrac", "Dell", "PowerEdge R730xd", "4HT9Q12", "iDRAC", "2.83.83.83", "bmc"},
	// An XClarity Controller answering no machine VPD: the controller by
	// its registration (before, a Lenovo ENOS switch).
	"lenovo-xcc-no-vpd": {"lenovo-xcc", "Lenovo", "", "", "XClarity Controller", "TGBT50K-6.10", "bmc"},
	// An IMM that answers no machine VPD: known by its firmware table, as
	// the definition detects it (before, a Linux host). No model: the
	// engine's host-architecture fallback for net-snmp's registration
	// (hosts.go) names the controller's chip, not the server.
	"ibm-imm-no-machine-vpd": {"ibm-imm", "IBM", "", "", "IMM", "1AOO62K", "bmc"},
	// CyberPower's ATS PDUs (atsIdent) and switched, daisy-chained PDUs
	// (ePDU2IdentTable, row 1 the PDU that answers).
	"cyberpower-ats":         {"cyberpower", "CyberPower", "PDU15SWHVIEC12ATNET", "MAQ2B2001234", "", "1.1.2", "pdu"},
	"cyberpower-epdu2-chain": {"cyberpower", "CyberPower", "PDU81005", "QBNEW2001234", "", "1.3.4", "pdu"},
	// Raritan EMX environmental monitors (EMD-MIB): the device model, a
	// sensor hub.
	"raritan-emx": {"raritan-px1", "Raritan", "EMX2-888", "", "", "3.6.10.5-48123", "sensor"},
	// Avocent PM power distribution units (PM-MIB pmInfo, the ACS
	// layout), and an ACS whose product model carries words after the
	// model (the device-support code keeps the first).
	"avocent-pm-pdu":              {"avocent-acs", "Avocent", "PM3024V-401", "1234567890AB", "", "1.4.1", "pdu"},
	"avocent-acs8000-model-words": {"avocent-acs", "Avocent", "ACS8048", "0720345678", "", "2.26.1", "appliance"},
}

func TestVariantsPowerServersFixtures(t *testing.T) {
	checkFixtures(t, variantsPowerServersFixtureDir, variantsPowerServersCases)
}
