package fingerprints

import (
	"testing"
)

// audit15FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for the third value audit (part 4): each
// profile's values against the device-support definition it follows
// (the objects, their order and the form of the value).
const audit15FixtureDir = "testdata/fixtures/audit-15"

// audit15Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var audit15Cases = map[string]want{
	// netmanplus (os_discovery): the hardware is the whole sysDescr, the
	// NetMan card that answers, not UPS-MIB's upsIdentModel (the UPS
	// behind it); the release upsIdentUPSSoftwareVersion.0.
	"riello-netman-208": {"riello-netman", "Riello", "NetMan 208", "MP31UA654321", "", "SWM071-02-00", "ups"},
	// mbg-ltos6 (os_discovery): mbgLtNgSerialNumber.0 and
	// mbgLtNgFirmwareVersion.0 with no regex: a firmware version written
	// with its V keeps it (the profile took the V off before).
	"meinberg-lantime-v-firmware": {"meinberg-lantime", "Meinberg", "LANTIME M1000", "034411001877", "", "V6.24.016", "appliance"},
	// rittal-lcp (os_discovery): a CMC III based LCP on net-snmp's arc,
	// known by 'Rittal LCP' in its sysDescr: RITTAL-CMC-III-MIB
	// cmcIIIDevName.1 as the hardware, cmcIIIUnitSerial.0, and
	// cmcIIIUnitFWRev.0 whole (its V kept), over the sysDescr's.
	"rittal-lcp-cmc3-objects": {"rittal-lcp-descr", "Rittal", "LCP-DX", "41234567", "", "V3.17.10_2", "cooling"},
	// openvms (os_detection): DEC's registration 36.2.15.22.1 alone is
	// OpenVMS, whatever the sysDescr; a stack banner that names neither
	// the hardware nor the release gives no model or version.
	// The vendor HP, not the agent's registrant DEC: OpenVMS Industry
	// Standard 64 runs on HP's Itanium Integrity servers alone (fq20).
	"openvms-arc-only": {"openvms", "HP", "", "", "OpenVMS", "", "server"},
	// rittal-cmc-iii-pu (os_discovery, librenms): cmcIIIDevName.1,
	// cmcIIIUnitSerial.0 and cmcIIIUnitFWRev.0 with no regex: the
	// firmware revision keeps its V, as rittal-lcp's does.
	"rittal-cmc3-fwrev-v": {"rittal-cmc3", "Rittal", "CMCIII-PU", "51234570", "", "V3.15.20_4", "sensor"},
}

func TestAudit15Fixtures(t *testing.T) {
	checkFixtures(t, audit15FixtureDir, audit15Cases)
}
