package fingerprints

import (
	"testing"
)

// familiesIMFixtureDir holds small walks written from the vendor MIBs and
// the device-support definitions of the LibreNMS OS families from i to m
// that no profile detected, or detected with thinner fields.
const familiesIMFixtureDir = "testdata/fixtures/families-i-m"

// familiesIMCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var familiesIMCases = map[string]want{
	// PBI decoders (ird): the product the sysName states, not a host
	// name; Linux. fq34: the kernel release as the version (was none):
	// the definition's class (Ird) extends Shared\Unix with no os module,
	// whose discoverOS reads the sysDescr's first ' N.N' word.
	"pbi-ird":          {"pbi-ird", "PBI", "DCH-5000P", "", "Linux", "2.6.31", "appliance"},
	"pbi-ird-hostname": {"pbi-ird", "PBI", "", "", "Linux", "2.6.31", "appliance"},
	// MONITORAPP AIWAF (monitorapp-aiwaf, OS aios): the AIOS kernel and
	// AIWAF's extend script.
	"monitorapp-aiwaf": {"monitorapp-aiwaf", "MONITORAPP", "", "", "AIOS", "", "firewall"},
	// MGE's PDU arc (mgepdu): a PDU, not a UPS.
	"eaton-mge-pdu": {"eaton-mge", "Eaton", "", "", "", "", "pdu"},
	// Zyxel IES-5000/6000 chassis DSLAMs (ies5000): ZYXEL-IES5000-MIB's
	// chassis serial, the management card's firmware in slot 1, else 6.
	"zyxel-ies5000":       {"zyxel", "Zyxel", "IES-5000", "S100Z47012345", "", "V3.54(AAPJ.2)b3", "switch"},
	"zyxel-ies6000-slot6": {"zyxel", "Zyxel", "IES-6000", "S120Z47054321", "", "V3.54(AAPJ.3)b1", "switch"},
	// Moxa MX-NOS switches (mx-nos, moxa-eds-4000-series): OS MX-NOS,
	// MOXA-SYSTEM-INFO-MIB's model, serial and firmware.
	"moxa-mx-nos": {"moxa-etherdevice", "Moxa", "EDS-4008-2GT-2GS", "TBCGB1012345", "MX-NOS", "3.0.5", "switch"},
}

func TestFamiliesIMFixtures(t *testing.T) { checkFixtures(t, familiesIMFixtureDir, familiesIMCases) }
