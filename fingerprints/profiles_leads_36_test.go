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
	// A PTP 650 whose band prefix holds a '5' (definition ptp650, the
	// same regexp): the definition's capture would be '50', no product;
	// the family's name instead (was '50').
	"cambium-ptp650-band-five": {"cambium-ptp650", "Cambium Networks", "PTP 650", "", "PTP", "02-31", "wireless"},
	// Mimosa radios on the registrations MIMOSA-NETWORKS-BASE-MIB's
	// 2020-12-01 revision adds (mimosaB11 .5, mimosaB24 .6, mimosaC5c .7,
	// mimosaC5x .8 under mimosaHardware): the label, as the definition
	// (mimosa: hardware_mib) writes the hardware; backhauls and client
	// radios, no access points (the B24 was one, its model empty).
	"mimosa-b24-registration": {"mimosa", "Mimosa", "mimosaB24", "1071234567", "", "2.5.2-15", "wireless"},
	"mimosa-c5c-registration": {"mimosa", "Mimosa", "mimosaC5c", "1062345678", "", "2.8.2-8", "wireless"},
	// Checked right: an OS10 Z9232F-ON whose os10ChassisType.1 is 22,
	// the value DELLEMC-OS10-TC-MIB labels z9224Fon though its comment,
	// its 2018-05-15 revision ('Add Z9232F') and
	// DELLEMC-OS10-PRODUCTS-MIB's z9232Fon name the Z9232F-ON: no label
	// of a product the switch is not, the sysDescr's System Type.
	"dell-os10-z9232f-type-22": {"dell-os10", "Dell", "Z9232F-ON", "TW0H3K5M7420331", "OS10", "10.5.1.4", "switch"},
	// A Hikvision recorder on HIKVISION-MIB's arc (50001) whose sysDescr
	// does not name its maker: the definition (hikvision-nvr) detects the
	// arc alone and reads hikEntityType.0 (the MIB's label DVR) and
	// hikEntityIndex.0 (for a DVR its serial); before, nothing matched
	// and the vendor was IANA's Scildon.
	"hikvision-50001-other-descr": {"hikvision-nvr", "Hikvision", "DVR", "DS-7208HQHI-K10820190112CCWRC12345678WCVU", "", "", "nvr"},
	// Sophos switches on their MIBs' registrations under 2604.6
	// (CS110-24_MIB swCS110-24 .20, CS210-8FP_MIB swCS210-8FP .27): the
	// definition sophos-xg detects 2604.5 alone, so no SFOS firewall
	// (both were sophos-sfos: SFOS, firewall); the product the
	// registration names; the release its MIB's issFirmwareVersion (below
	// the model's arc) gives.
	"sophos-cs110-24-switch":  {"sophos-switch", "Sophos", "CS110-24", "", "", "1.0.1.12", "switch"},
	"sophos-cs210-8fp-switch": {"sophos-switch", "Sophos", "CS210-8FP", "", "", "", "switch"},
	// EXTREME-BASE-MIB's sentriantAGSW (extremeProduct 108), 'Sentriant
	// AG Network Access Control Software': an appliance, as its AG200
	// (.109) is (was a switch), and no ExtremeXOS though the definition
	// (xos) names it for every extremeProducts registration (was EXOS);
	// the release its sysDescr states.
	"extreme-sentriant-agsw": {"extreme-nonswitch", "Extreme Networks", "", "", "", "5.2.0.1022", "appliance"},
	// Checked right: e4g-400 (extremeProduct 169), which the MIB
	// describes by its ports alone (the E4G-200 it calls a router): an
	// EXOS switch, its hardware and release as the definition (xos)
	// reads the sysDescr.
	"extreme-e4g-400": {"extreme-exos", "Extreme Networks", "E4G-400", "", "EXOS", "15.3.2.11", "switch"},
}

func TestLeads36Fixtures(t *testing.T) {
	checkFixtures(t, leads36FixtureDir, leads36Cases)
}
