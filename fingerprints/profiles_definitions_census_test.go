package fingerprints

import (
	"testing"
)

// definitionsCensusFixtureDir holds small walks written from the vendor MIBs
// of OS families found by a census of the device-support definitions' names
// that no profile read: model, serial and version from each vendor's own
// objects or the sysDescr shape the definition parses.
const definitionsCensusFixtureDir = "testdata/fixtures/definitions-census"

// definitionsCensusCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var definitionsCensusCases = map[string]want{
	// Cambium cnPilot R routers on FlyingVoice's enterprise (41010): the
	// product from the sysDescr, else hardwareVersion where it names one
	// (not the revision V1.1); serialNumber. The release is
	// firmwareVersion, not the hardwareVersion the definition's
	// os_discovery (cnpilotr) names as the version: a board revision is
	// no software release.
	"cambium-cnpilot-r": {"cambium-cnpilot-r", "Cambium Networks", "R201P", "W8PA01234567", "cnPilot", "4.3.2-R4", "router"},
	// fq105: a uname Linux sysDescr on 41010 naming no 'cnPilot R<nnn>'
	// is the definition linux's (cnpilotr detects by that sysDescr alone,
	// os_detection 34cba3b): Linux, 2.6.36 and Generic MIPS as linux
	// states them (were cambium-cnpilot-r, R200, cnPilot, 4.2.3-R3,
	// vendor Cambium Networks; the enterprise's name now, no productName
	// naming a cnPilot); the unit's own serial after.
	"cambium-cnpilot-r-hwversion": {"cambium-cnpilot-r-linux", "FlyingVoice Technology", "Generic MIPS", "W8PA07654321", "Linux", "2.6.36", "router"},
	// Catalyst 1900/2820 firmware (definition cat1900): the product and the
	// firmware after ',V' in the sysDescr; on Cisco's catalyst1912C
	// registration, the model it names. The 1900's firmware keeps its 'V'
	// as the definition's ',(V[\d.]+)' writes it (fq4); the 2820, which
	// cat1900 does not detect, the bare release.
	"cisco-catalyst-1900": {"cisco-catalyst-1900", "Cisco", "Catalyst 1900", "", "", "V9.00.06", "switch"},
	// fq124: "catalyst1912C" (was "Catalyst 1912C", the registry's
	// display form): cat1900 is of group cisco with no os module, so
	// Shared/Cisco.php translates the sysObjectID through
	// CISCO-PRODUCTS-MIB and states the label as the MIB writes it.
	// fq123: "Catalyst 1912C" again (was "catalyst1912C"): cat1900 has an
	// os module (includes/definitions/discovery/cat1900.yaml 00a6ceb, the
	// only stored copy; none under resources/), which Shared/Cisco.php
	// runs and returns, so its label step does not run; the module's
	// hardware '1900' is fetched as an OID and states none, so the
	// registration's product, the registry's display form, stands.
	"cisco-catalyst-1912c": {"cisco-catalyst-1900", "Cisco", "Catalyst 1912C", "", "", "V9.00.05", "switch"},
	"cisco-catalyst-2820":  {"cisco-catalyst-1900", "Cisco", "Catalyst 2820", "", "", "8.01.02", "switch"},
	// Cisco Small Business access points on net-snmp's Linux sysObjectID
	// (definitions ciscosmblinux, ciscowap): model and release from the
	// sysDescr, as cisco-sb-wap reads them.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 2.0.7.4, not Linux's): an OS is named beside its own release only.
	"cisco-sb-wap-linux": {"cisco-sb-wap-linux", "Cisco", "WAP4410N-A", "", "", "2.0.7.4", "access_point"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.3.0.3, not Linux's): an OS is named beside its own release only.
	"cisco-sb-wap371-linux": {"cisco-sb-wap-linux", "Cisco", "WAP371", "", "", "1.3.0.3", "access_point"},
	// McAfee Email Gateway on net-snmp's Linux sysObjectID: the appliance
	// in brackets and the release from the sysDescr.
	"mcafee-email-gateway": {"mcafee-email-gateway", "McAfee", "Email Gateway 5500", "", "Email Gateway", "7.6.2", "appliance"},
	// m0n0wall (definition monowall): the release, the sysDescr's third
	// word, on bsnmpd's sysObjectID.
	// (The machine, the sysDescr's last word, as the definition (monowall)
	// reads the hardware: fq14; was no model.)
	"m0n0wall": {"m0n0wall", "m0n0wall", "i386", "", "m0n0wall", "1.8.1", "firewall"},
}

func TestDefinitionsCensusFixtures(t *testing.T) {
	checkFixtures(t, definitionsCensusFixtureDir, definitionsCensusCases)
}
