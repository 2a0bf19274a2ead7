package fingerprints

import (
	"testing"
)

// leadsKFixtureDir holds small walks written from the vendor MIBs for the
// audit of profiles earlier passes left unchecked: which devices each
// profile catches and which objects give its values.
const leadsKFixtureDir = "testdata/fixtures/leads-k"

// leadsKCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leadsKCases = map[string]want{
	// A cnPilot E access point answering both CAMBIUM-MIB's hardware type
	// and model name: the hardware type, as the definition (cnpilote)
	// reads the hardware (cambiumAPHWType), and its serial number.
	// A RUGGEDCOM ROS switch on the definition's (ros) second arc,
	// 15004.2.2: RUGGEDCOM-SYS-INFO-MIB's serial, and its main firmware
	// version whole, as the definition reads them.
	"ruggedcom-ros-2-2": {"siemens-ruggedcom", "Siemens", "RSG2100", "RSG2100-0917-01234", "ROS", "v5.6.0 (Mar 10 2022 09:41)", "switch"},
	// A SAOS 6 switch on Wide Packets' product arc (6141.1.84, cn3916)
	// that answers CIENA-CES-CHASSIS-MIB: the chassis part number and
	// serial and the control module's running release, as the definition
	// (ciena-sds, which detects 6141.1) reads them.
	"ciena-sds-wwp-arc": {"ciena-sds", "Ciena", "170-3916-900", "M4567890", "SAOS", "saos-06-21-00-0150", "switch"},
	// A Planet switch whose sysDescr names the maker first: the word after
	// 'PLANET' and the v-word after it, as the definition (planetos)
	// reads them where ENTITY gives no software revision.
	"planet-sysdescr-maker":  {"planet", "Planet", "GS-5220-16S8C", "", "", "v2.0b190416", "switch"},
	"cambium-cnpilot-hwtype": {"cambium-cnpilot", "Cambium Networks", "cnPilot E410", "W8VD07654321", "cnPilot", "6.4.1-r6", "access_point"},
}

func TestLeadsKFixtures(t *testing.T) {
	checkFixtures(t, leadsKFixtureDir, leadsKCases)
}
