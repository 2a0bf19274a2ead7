package fingerprints

import "testing"

// owner33FixtureDir holds small walks written from vendor MIBs and
// documented sysDescr shapes for the owner's changes of session 33.
const owner33FixtureDir = "testdata/fixtures/owner-33"

// owner33Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var owner33Cases = map[string]want{
	// A UCOS application server on a UCS C220 registration
	// (CISCO-PRODUCTS-MIB ciscoUcsC220, 9.1.1682): the definition ucos
	// translates any sysObjectID with hardware_mib CISCO-PRODUCTS-MIB,
	// so the label as the MIB writes it (the product registry's
	// `registry: label`; before, the registry's display form 'UcsC220',
	// from the generic fallback).
	"ucos-ucs-c220": {"cisco-ucos", "Cisco", "ciscoUcsC220", "", "UCOS", "12.5.1.10000-22", "appliance"},
	// An FXOS supervisor on a registration that is not a Firepower one:
	// the definition fxos's hardware_mib gives that registration's label
	// too (before, the product registry's display form, 'UcsC220').
	"fxos-other-registration": {"cisco-fxos", "Cisco", "ciscoUcsC220", "", "FXOS", "2.10(1.159)", "firewall"},
	// A Virtual Connect module whose default sysName has another type's
	// prefix than VCEX: Hpvc.php takes the sysName after its first four
	// characters; the serial after 'VC' and two more (before, none).
	"hpe-vc-fc-module": {"hpe-virtual-connect", "HPE", "8Gb 20-Port FC", "3C4321FCAB", "Virtual Connect", "1.47", "switch"},
	// A renamed module: its name is no serial.
	"hpe-vc-renamed": {"hpe-virtual-connect", "HPE", "Flex-10/10D Enet", "", "Virtual Connect", "4.50", "switch"},
}

func TestOwner33Fixtures(t *testing.T) {
	checkFixtures(t, owner33FixtureDir, owner33Cases)
}
