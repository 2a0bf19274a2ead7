package fingerprints

import (
	"testing"
)

// leads36FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for the leads in wireless, cameras, firewalls
// and switches (fq36).
const leads36FixtureDir = "testdata/fixtures/leads-36"

// leads36Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads36Cases = map[string]want{
	// A PTP 300 on the PTP 500 arc (definition ptp500: sysDescr_regex
	// '5\d(?<hardware>.*?)( Wireless|,).*Version\s+(?<version>[\d-]+)'):
	// the hardware it captures, '300'; its masterSlaveMode template gives
	// the link role alone, not read.
	"cambium-ptp300-sysdescr": {"cambium-ptp500", "Cambium Networks", "300", "", "PTP", "03-00", "wireless"},
	// A PTP 25600 (definition ptp600, the same regexp): its first '5' and
	// digit are the band's '56', so the definition captures '00', no
	// product: the family's name instead.
	"cambium-ptp600-band-five": {"cambium-ptp600", "Cambium Networks", "PTP 600", "", "PTP", "10-00", "wireless"},
	// Mimosa radios on the registrations MIMOSA-NETWORKS-BASE-MIB's
	// 2020-12-01 revision adds (mimosaB11 .5, mimosaB24 .6, mimosaC5c .7,
	// mimosaC5x .8 under mimosaHardware): the label, as the definition
	// (mimosa: hardware_mib) writes the hardware; backhauls and client
	// radios, no access points (the B24 was one, its model empty).
	"mimosa-b24-registration": {"mimosa", "Mimosa", "mimosaB24", "1071234567", "", "2.5.2-15", "wireless"},
	"mimosa-c5c-registration": {"mimosa", "Mimosa", "mimosaC5c", "1062345678", "", "2.8.2-8", "wireless"},
}

func TestLeads36Fixtures(t *testing.T) {
	checkFixtures(t, leads36FixtureDir, leads36Cases)
}
