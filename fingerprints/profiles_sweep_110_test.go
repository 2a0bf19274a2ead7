package fingerprints

import (
	"testing"
)

// sweep110FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq110's sweep: each family read as the
// newest stored device-support definition that detects it reads it.
const sweep110FixtureDir = "testdata/fixtures/sweep-110"

// sweep110Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep110Cases = map[string]want{
	// A ZoneFlex AP on the HotZone arc (25053.3.1.4) whose sysDescr is
	// not an R-series one: the definition ruckuswireless-hotzone's, its
	// version_template, ruckusSwRevision.1 (the first image row, here the
	// running one) and ruckusDeviceCountryCode.0 in brackets.
	"ruckus-hotzone-zf-country": {"ruckus-hotzone", "Ruckus", "ZF7982", "241503001234", "Ruckus AP", "9.8.3.0.14 (US)", "access_point"},
	// A T300 whose first image row is the backup image and which answers
	// no country code: the template's first row whole, the brackets left
	// empty, as the definition writes them (ruckus-ap read the active row).
	"ruckus-hotzone-t300-no-country": {"ruckus-hotzone", "Ruckus", "T300", "361602005678", "Ruckus AP", "104.0.0.0.1347 ()", "access_point"},
	// An R-series AP on the same arc: the definition's
	// sysDescr_regex_except leaves it, so it stays ruckus-ap's (the
	// active image's release, no country code).
	"ruckus-r-series-hotzone-arc": {"ruckus-ap", "Ruckus", "R610", "421804009876", "Ruckus AP", "116.0.0.0.2012", "access_point"},
	// barracudawafirewall's sysDescr condition anywhere in the sysDescr,
	// not only at its start: its serial and firmware's first word.
	"barracuda-waf-descr-not-first": {"barracuda-waf", "Barracuda", "", "3341287", "", "12.1.0.007", "firewall"},
	// OpenWrt on net-snmp's registration answering both the hardware
	// extend and the older UCD exec line: the extend's, as the newest
	// definition openwrt reads its hardware (before, the UCD line's).
	"openwrt-extend-and-ucd-hardware": {"openwrt", "", "Linksys EA8500 (rev 2)", "", "OpenWrt", "23.05.3 r23809-234f1a2efa", "router"},
	// AOS 6 (6486.800.1.1.2.1, definition aos6): the newest os module's
	// sysDescr_regex '(?<hardware>OS\S*)? ?(?<version>\d+\.\d+\.\S*)',
	// wherever the product stands in the sysDescr (the older poller's
	// word 1 here was 'OmniSwitch'); the chassis row's serial.
	"aos6-omniswitch-word-before-model": {"ale-omniswitch", "Alcatel-Lucent Enterprise", "OS6850E-24X", "M4527788", "AOS", "6.4.6.218.R01", "switch"},
	// SFOS answering net-snmp's registration with uname's line: the
	// definition linux's, Shared\Unix's machine class as the hardware and
	// the kernel's release; the SFOS model after, the unit's own.
	"sophos-sfos-netsnmp-uname": {"sophos-firewall-mib", "Sophos", "Generic x86 64-bit", "X21001EFGH5678", "Linux", "4.14.302", "firewall"},
	// The same agent without a uname line: no machine class; SFOS's own
	// objects, the firmware string whole.
	"sophos-sfos-netsnmp-no-uname": {"sophos-firewall-mib", "Sophos", "XGS3300", "X33001WXYZ9876", "SFOS", "SFOS 21.0.0 GA-Build169", "firewall"},
	// A BladeCenter switch module on Alteon's enterprise off the arcs
	// alteonos detects (1872.1.18), whose sysDescr ibmnos detects on any
	// registration: lenovo-enos's reading of ibmnos (before, Radware
	// Alteon OS, a load balancer).
	"bladecenter-l3-ibmnos-descr": {"lenovo-enos", "IBM", "1/10Gb Uplink Ethernet Switch Module", "", "ENOS", "", "switch"},
	// An Alteon on the Radware Alteon arc (1872.1.13.3) alteonos detects:
	// its hardware_template, serial and agSoftwareVersion, as before.
	"alteon-ods-arc": {"radware-alteon", "Radware", "ODS-5224 Vers. 2", "6217290104", "Alteon OS", "30.5.3.0", "load_balancer"},
	// cumulus's sysDescr condition, 'Cumulus' anywhere, on net-snmp's
	// registration: Cumulus.php's first ENTITY row (description, serial,
	// software revision without 'Cumulus Linux '), not a Linux server.
	"cumulus-descr-not-first": {"cumulus-linux", "NVIDIA", "Mellanox SN3700", "MT2231X01234", "Cumulus Linux", "5.9.1", "switch"},
}

func TestSweep110Fixtures(t *testing.T) {
	checkFixtures(t, sweep110FixtureDir, sweep110Cases)
}
