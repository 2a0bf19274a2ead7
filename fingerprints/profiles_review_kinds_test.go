package fingerprints

import (
	"testing"
)

// reviewKindsFixtureDir holds small walks written from the vendor MIBs for
// the second review of the power, printer, sensor, server, storage, camera
// and appliance profiles: the devices their device-support definitions
// detect and the objects those definitions read, where our rules missed
// the device or gave another value.
const reviewKindsFixtureDir = "testdata/fixtures/review-kinds"

// reviewKindsCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var reviewKindsCases = map[string]want{
	// AVTECH: the whole product the sysDescr names before its firmware.
	"avtech-roomalert-product": {"avtech-roomalert", "AVTECH", "Room Alert 3 Wi-Fi", "", "", "2.2.1", "sensor"},
	// Bosch: BSS-RCP-MIB's oem-device-name and software-version, on
	// Bosch's registration and on net-snmp's (manufacturer-name Bosch).
	"bosch-video-identity": {"bosch-video", "Bosch", "AUTODOME IP starlight 7000i", "041235078912", "", "7.80.0128", "camera"},
	"bosch-video-linux":    {"bosch-video-mib", "Bosch", "FLEXIDOME IP 5100i IR", "052910834765", "", "8.47.0030", "camera"},
	// NetAgent cards: the card's release (UPS-MIB's
	// upsIdentAgentSoftwareVersion where PPC-MIB names none), not the
	// UPS's firmware.
	"ppc-netagent-card": {"ppc-netagent", "Sanpu", "MT6000", "", "", "3.1.DP601.b", "ups"},
	// Zebra: ESI-MIB genProductNumber where the printer's own model
	// objects do not answer.
	"zebra-printer-esi": {"zebra-printer", "Zebra", "ZT411", "9925127", "", "V84.20.18Z", "printer"},
	// Sinetica UPSController cards, by the sysDescr the definition
	// detects: its OS release and hardware.
	"sinetica-upscontroller": {"sinetica-upscontroller", "Mitsubishi", "MC2", "", "", "3.10", "ups"},
	// Rittal CMC III: the device table's name of the unit, as the
	// definition reads it; the sysDescr's product without 'SN', its
	// release whole. cmcIIIUnitFWRev is taken with its V, as the
	// definition (rittal-cmc-iii-pu: no regex) states it (fq15; was
	// "3.17.10_2"); the sysDescr's 'SW V' release (ours only) without it.
	"rittal-cmc3-devname": {"rittal-cmc3", "Rittal", "CMCIII-PU", "41234568", "", "V3.17.10_2", "sensor"},
	"rittal-cmc3-descr":   {"rittal-cmc3", "Rittal", "CMC III PU Compact", "41234569", "", "3.17.10_2", "sensor"},
	// Vivotek: the model before -VVTK-, with its trailing letter or a
	// three-digit number; the release after it.
	"vivotek-letter-model": {"vivotek", "Vivotek", "IB8369A", "", "", "0107c", "camera"},
	"vivotek-three-digit":  {"vivotek", "Vivotek", "IP816A-HP", "", "", "0103b", "camera"},
	// AKCP: the product words whole, not the release's word; 'Ver.'
	// before the release.
	"akcp-sp-release": {"akcp-sensorprobe", "AKCP", "SP2+", "", "", "1.0.12", "sensor"},
	"akcp-two-words":  {"akcp-sensorprobe", "AKCP", "sensorProbe2 SP2-LX", "", "", "", "sensor"},
	// Bachmann and Papouch: the product's words up to the release the
	// sysDescr gives after them.
	"bachmann-bluenet-release": {"bachmann-pdu", "Bachmann", "BlueNet2 PDU", "", "", "2.03", "pdu"},
	"papouch-quido":            {"papouch", "Papouch", "Quido ETH 8/8", "", "", "2.1", "sensor"},
	// Fuji Xerox: the controller's ESS release where no system software
	// is named, not the last module's.
	"fujixerox-ess": {"fujifilm-printer", "Fuji Xerox", "ApeosPort-V C3375", "318456", "", "1.2.7", "printer"},
}

func TestReviewKindsFixtures(t *testing.T) { checkFixtures(t, reviewKindsFixtureDir, reviewKindsCases) }
