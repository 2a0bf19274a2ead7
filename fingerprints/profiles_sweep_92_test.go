package fingerprints

import (
	"testing"
)

// sweep92FixtureDir holds small walks written from the vendor MIBs and the
// objects the device-support definitions name, for fq92's fresh-eyes
// sweep of profiles last changed on 2026-12-06.
const sweep92FixtureDir = "testdata/fixtures/sweep-92"

// sweep92Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep92Cases = map[string]want{
	// An IPBS3 base station (definition ascom: sysDescr_regex
	// '(?<version>IPBS[2|3]\[[^\]]+], Bootcode\[[^\]]+]), Hardware\[...'):
	// the IPBS3 and Bootcode fields whole, as for an IPBS2 (before, the
	// release alone, "11.8.2").
	"ascom-ipbs3": {"ascom-ipbs", "Ascom", "IPBS3-A2/1", "", "", "IPBS3[11.8.2], Bootcode[11.8.2]", "access_point"},
	// An APC cPDU (definition apc-cpdu: version
	// pduNamePlateFirmwareVersion.1 with no pattern): the value whole,
	// its 'v' kept (before, "7.0.4").
	"apc-cpdu-firmware-v": {"apc-cpdu", "APC", "APDU9941", "3A1902X04567", "AOS", "v7.0.4", "pdu"},
	// BiNOX (definition binox: version
	// PRVT-INTERWORKING-OS-MIB::oSversionNumber.0 with no pattern): the
	// value whole (before, "7.2.1").
	"telco-binox-version-words": {"telco-systems-batm", "Telco Systems", "T-Marc 3208SH", "TM3208A0011223", "BiNOX", "BiNOX 7.2.1 Build 15", "switch"},
	// DigiPower (definition digipower: version DigiPower-PDU-MIB
	// devVersion.0 with no pattern): the value whole (before, "2.0.7").
	"digipower-version-text": {"digipower-pdu", "DigiPower", "SWH-1608A-1A1", "00:1A:2B:0C:1D:2E", "", "SWH V2.0.7", "pdu"},
	// DKT (definition dkt: version DKT-GENERIC-MIB swVersion.0, no
	// pattern): the value whole (before, "4.1.2"); the model without the
	// maker's name, as every model here.
	"dkt-media-converter-whole": {"dkt-comega", "DKT", "7020 Rev B", "", "", "Ver. 4.1.2", "switch"},
	// A Barracuda WAF (definition barracudawafirewall: version
	// BWS-MIB::currentFirmwareVersion.0, version_regex '(?<version>\S+)'):
	// the first word, its 'v' kept (before, "12.2.0.004").
	"barracuda-waf-firmware-v": {"barracuda-waf", "Barracuda", "", "2267104", "", "v12.2.0.004", "firewall"},
	// A Delta ORION controller (definition deltaorion: version
	// ORION-BASE-MIB::dcSoftwareVersion.0, no pattern): the value whole
	// (before, its first word, "V4.30").
	"delta-orion-version-words": {"delta-orion", "Delta", "", "", "", "V4.30 Build 02", "power"},
}

func TestSweep92Fixtures(t *testing.T) {
	checkFixtures(t, sweep92FixtureDir, sweep92Cases)
}
