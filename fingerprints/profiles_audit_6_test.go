package fingerprints

import (
	"testing"
)

// audit6FixtureDir holds small walks written from the vendor MIBs for a
// second value audit of profiles against the device-support definitions
// they follow: which objects each reads, in which order, in which form.
const audit6FixtureDir = "testdata/fixtures/audit-6"

// audit6Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var audit6Cases = map[string]want{
	// NETGEAR smart switches on the Radlan-nested registration and on a
	// FASTPATH arc with ProSafe in the sysDescr: the definition (netgear)
	// reads entPhysicalSoftwareRev.1 over the sysDescr's release and
	// entPhysicalSerialNum.1 as the serial.
	"netgear-radlan-entity-release":  {"netgear-radlan-registration", "Netgear", "GS724T", "2B1174BX00077", "", "4.0.1.12", "switch"},
	"netgear-prosafe-entity-release": {"netgear-prosafe", "Netgear", "GS110TP", "2XR1375A00456", "FASTPATH", "5.4.2.33", "switch"},
	// A Nokia 1830 PSS shelf answering both serial objects: the
	// definition (nokia-1830) reads tnShelfSerialNum.1 first, where it is
	// not 0.
	"nokia-1830-shelf-serial-num": {"nokia-1830", "Nokia", "PSS4", "40511873", "", "23.6.0", "switch"},
	// Nokia SR Linux without the CPM row: the release word of the sysDescr
	// whole, as the definition (srlinux) writes tmnxHwSoftwareCodeVersion.
	"nokia-srlinux-sysdescr": {"nokia-srlinux", "Nokia", "7220 IXR-D2L", "", "SR Linux", "v24.3.2-118-g3c1d2e4f5a", "router"},
	// OpenWrt with LibreNMS's guide's UCD-SNMP exec scripts: the hardware
	// output of 2021.7890.2 and the second word of the distro output of
	// 2021.7890.1, as the definition's class (Openwrt.php) reads them.
	"openwrt-ucd-exec": {"openwrt", "", "TP-Link Archer C7 v5", "", "OpenWrt", "22.03.5", "router"},
	// OpenWrt known by its distro extend alone (a host name other than
	// OpenWrt): the hardware script's UCD-SNMP exec output, as the
	// definition's class (Openwrt.php) reads it, not the CPU family. The
	// release was '23.05.3'; it is now all after the distro extend's
	// first word, as the newest definition openwrt's version_regex reads
	// it (os_discovery/openwrt.yaml; the owner, session 32).
	"openwrt-distro-extend-ucd-hardware": {"linux-distro-extend", "", "Netgear Nighthawk X4S R7800", "", "OpenWrt", "23.05.3 r23809-234f1a2efa", "router"},
	// An ILOM whose ENTITY chassis row names a part number: the server
	// the sysDescr names, which the definition (oracle-ilom) reads alone.
	"oracle-ilom-entity-part": {"oracle-ilom", "Oracle", "SERVER X8-2", "1948XC10AB", "ILOM", "5.0.2.24", "bmc"},
	// A PacketLight unit answering no hardware revision: the product alone
	// (the definition's template would leave ' rev' after it).
	"packetlight-no-hw-rev": {"packetlight", "PacketLight", "PL-1000GT", "PL10G1712345", "", "2.1.8", "media_converter"},
	// A SmartNode answering no hardware release or version: the product
	// alone; swVersion whole, as the definition (patton-sn) reads it.
	"patton-smartnode-no-hw-release": {"patton-smartnode", "Patton", "SN4120/1BIS2V", "00A0BA1F2E3D", "SmartWare", "R6.T 2019-04-11 SIP", "router"},
	// A Phoenix Contact switch whose model name goes on after the model
	// number: the definition's (phoenixcontact) hardware_regex
	// '^(?<hardware>FL SWITCH \S+)' stops at that word. Since fq10: not
	// where that word is "PN", as here: "FL SWITCH 2208" is the other,
	// non-PROFINET product, one this device is not (review-24b).
	"phoenixcontact-model-suffix": {"phoenixcontact", "Phoenix Contact", "FL SWITCH 2208 PN", "21843177", "", "3.27.01", "switch"},
	// A RADWIN radio answering winlink1000OduAdmSwRev: that, whole, as the
	// definition (radwin) reads it, not the sysDescr's release.
	"radwin-odu-sw-rev": {"radwin", "RADWIN", "RW-5525-0H50", "P5123B4567", "", "4.5.35_b3312", "wireless"},
}

func TestAudit6Fixtures(t *testing.T) { checkFixtures(t, audit6FixtureDir, audit6Cases) }
