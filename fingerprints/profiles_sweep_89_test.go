package fingerprints

import (
	"testing"
)

// sweep89FixtureDir holds small walks written from the vendor MIBs and
// the objects the device-support definitions name, for fq89's sweep of
// long-tail profiles against the newest stored definitions.
const sweep89FixtureDir = "testdata/fixtures/sweep-89"

// sweep89Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep89Cases = map[string]want{
	// Topvision CMTS (definition topvision: its sysDescr_regex, then
	// Topvision.php): the hardware version beside the software version,
	// the serial a getnext of 32285.11.1.1.2.1.1.1.16.
	"topvision-cmts-getnext": {"topvision-cmts", "Topvision", "2.0", "TV2019A00123", "", "3.1.0.7", ""},
	// No hardware version in the sysDescr (the definition's regexp does
	// not hold): Topvision.php's getnext of .18 as the hardware; the
	// release the software version the sysDescr still states.
	"topvision-cmts-no-hardware-version": {"topvision-cmts", "Topvision", "CC8800E", "TV2019A00456", "", "3.1.0.7", ""},
	// The OpenWrt agent (66510.3.1; definition openwrt's version_regex
	// over the distro extend): all after the first word, a snapshot's
	// 'SNAPSHOT r29311-0b9c1f0d7e' too.
	"openwrt-agent-distro-snapshot": {"openwrt-agent", "", "TP-Link Archer C6 v3", "", "OpenWrt", "SNAPSHOT r29311-0b9c1f0d7e", "router"},
	// Transition Networks (definition transition: hardware
	// lldpLocSysName.0 alone): the LLDP system name, a model name, before
	// the FUNCTION-MIB's model object where both answer.
	"transition-lldp-before-function-mib": {"transition-networks", "Transition Networks", "SISPM1040-582-LRT-C", "A1B2C3654321", "", "1.4.5", "switch"},
	// RACOM RAy (definition ray: version RAY-MIB::swVer.0 as it is): a
	// 'v' before the number is kept.
	"racom-ray-swver-v": {"racom-ray", "RACOM", "RAy2-10", "10987654", "", "v2.1.52.0", "wireless"},
	// SpeedTouch (definition speedtouch: hardware the word after the
	// first space): after 'SpeedTouch ', the model number.
	"speedtouch-780-release": {"thomson-speedtouch", "Thomson", "780", "", "", "5.4.0.13", "router"},
	// The brand first: that word is 'SpeedTouch', no model; the product
	// the sysDescr names.
	"speedtouch-thomson-brand-first": {"thomson-speedtouch", "Thomson", "SpeedTouch 780", "", "", "", "router"},
	// NTI E-MICRO (definition nti, os_discovery nti.yaml: after the
	// 2D/5D/16D objects, ENVIROMUXMICRO-MIB hostSystem deviceModel,
	// serialNumber, firmwareRevision): its own objects, not the
	// registration's name.
	"nti-enviromux-micro": {"nti-enviromux", "NTI", "E-MICRO-TRHP", "20231104567", "", "2.41", "sensor"},
	// SEH (definition seh-uds: sysDescr_regex 'SEH <hardware>; SN
	// <serial>, ... SW <version>'): the three from the sysDescr.
	"seh-uds-sysdescr-sn-sw": {"seh-device-server", "SEH Computertechnik", "myUTN-150", "1235004711", "", "20.2.10", "appliance"},
	// SIAE SM-OS without unitLabel.1: the definition's template with the
	// label empty, which YamlOSDiscovery's parseTemplate trims to the
	// part number in its brackets (fq119; was GE4421B, the part number
	// alone, read as though the template wrote nothing).
	"siae-sm-os-no-label": {"siae-sm-os", "SIAE Microelettronica", "(GE4421B)", "2207D04321", "SM-OS", "06.02.00", "wireless"},
}

func TestSweep89Fixtures(t *testing.T) {
	checkFixtures(t, sweep89FixtureDir, sweep89Cases)
}
