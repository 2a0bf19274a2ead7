package fingerprints

import (
	"testing"
)

// sweep98FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq98's sweep of profiles against the
// newest device-support definitions: each a field the definition reads
// (its object, order and form) or the unit's own value after it.
const sweep98FixtureDir = "testdata/fixtures/sweep-98"

// sweep98Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep98Cases = map[string]want{
	// A Meraki MS stack whose ENTITY row 1 is the stack's own row (class
	// stack) above its member chassis: merakims (os_discovery 34cba3b)
	// reads entPhysicalSerialNum.1, the stack row's serial, not the
	// member chassis the generic choice puts first.
	"meraki-ms-stack-row1-serial": {"cisco-meraki", "Cisco", "Meraki MS390-48UX Cloud Managed Switch", "Q3EA-AAAA-0001", "Meraki", "", "switch"},
	// A Meraki MR with the same layout: merakimr reads no serial, so the
	// chosen chassis row's (the member's) is the unit's own, not row 1's.
	"meraki-mr-no-row1-serial": {"cisco-meraki", "Cisco", "Meraki MR46 Cloud Managed AP", "Q3AB-DDDD-0002", "Meraki", "", "access_point"},
	// An Eltex MES2348B (35265.1.86, eltex-mes23xx): the definition reads
	// model name and serial of RADLAN unit 1 and no release; the unit's
	// own rlPhdUnitGenParamSoftwareVersion.1 follows for the user's
	// inventory (before fq98, no_fill left it empty).
	"eltex-mes2348b-unit-release": {"eltex-mes23xx", "Eltex", "MES2348B", "ES9F000777", "MES", "4.0.21.2", "switch"},
	// A GENEREX CS141 adapter on UPS-MIB's arc whose UPS answers no
	// upsIdentManufacturer or upsIdentModel: the definition (generex-ups)
	// keeps the hardware its sysDescr pattern reads, the adapter's name
	// (before fq98, no model), and the release after ' v '.
	"generex-cs141-no-ups-ident": {"generex-cs141", "Generex", "CS141", "", "", "2.10", "ups"},
	// An FXOS supervisor on a Firepower registration (9.1.2293): the
	// definition fxos's hardware_mib, CISCO-PRODUCTS-MIB's label as the
	// MIB writes it, ciscoFpr4140K9 (before fq98, the product registry's
	// display form FPR-4140-K9), and entPhysicalSerialNum.10.
	"cisco-fxos-fpr4140-registration": {"cisco-fxos", "Cisco", "ciscoFpr4140K9", "JAD23010WXY", "FXOS", "2.13(0.212)", "firewall"},
}

func TestSweep98Fixtures(t *testing.T) {
	checkFixtures(t, sweep98FixtureDir, sweep98Cases)
}
