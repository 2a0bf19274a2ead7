package fingerprints

import (
	"testing"
)

// linuxArc108FixtureDir holds small walks written from the vendor MIBs
// and net-snmp's uname sysDescr for fq108: units on a vendor's
// enterprise, on arcs no vendor definition detects, whose Linux uname
// line the definition linux takes ('/^Linux/' on any sysObjectID).
const linuxArc108FixtureDir = "testdata/fixtures/linux-arc-108"

// linuxArc108Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var linuxArc108Cases = map[string]want{
	// A NetApp MetroCluster Tiebreaker host on its registration
	// (netappMcctb, 789.6.1) writing uname's Linux line without 'NetApp':
	// the definition netapp wants 'NetApp' in the sysDescr (includes copy
	// 6b61e19), so linux's Linux, the kernel's release and the machine
	// class; no ONTAP.
	"netapp-tiebreaker-uname": {"netapp-linux", "NetApp", "Generic x86 64-bit", "", "Linux", "4.18.0-477.10.1.el8_8.x86_64", "appliance"},
	// Avocent's enterprise off the arcs its definitions detect (avocent:
	// the string prefix 10418.16, os_detection 362c74c; avocent-mp:
	// 10418.18.1, 5817b84; dell-rcs: 10418.18.21.17) with uname's Linux
	// line: linux's Linux, the kernel's release and the machine class of
	// 'armv7l' (before, avocent-acs with no hardware).
	"avocent-other-arc-uname": {"avocent-linux", "Avocent", "Generic ARMv7", "", "Linux", "4.14.93", "appliance"},
	// 10418.18.12, a string-prefix neighbour of avocent-mp's
	// '.1.3.6.1.4.1.10418.18.1' (LibreNMS compares with Str::startsWith),
	// is avocent-mp's, not linux's: avocent-linux leaves it; avocent-acs
	// as before (avocent-mp's '(\S+)\s(\S+)' would read 'Linux' and the
	// host name, no values of the unit).
	"avocent-mp-neighbour-uname": {"avocent-acs", "Avocent", "", "", "Linux", "3.4.35", "appliance"},
	// F5's Enterprise Manager arc (3375.3, F5-EM-MIB) with uname's Linux
	// line: the definition f5 detects the string prefix
	// '.1.3.6.1.4.1.3375.2.1' alone (includes copy 098a28f), so linux's
	// reading, as f5-bigip (3375.2.1) already leaves it (confirmed, no
	// change).
	"f5-em-uname": {"linux-sysdescr", "F5", "Generic x86 64-bit", "", "Linux", "2.6.32-431.56.1.el6.x86_64", ""},
	// Cambium's enterprise off the arcs its definitions detect (ptp500
	// 17713.5, ptp600 .6, ptp650 .7, ptp800 .8, ptp670 .11, epmp .21,
	// cnpilote .22, cnmatrix .24, cnwave60 .60.1, each a string prefix)
	// with uname's Linux line: linux's Linux, the kernel's release and
	// the machine class of 'aarch64' (before, cambium-cnpilot's access
	// point with no hardware).
	"cambium-other-arc-uname": {"cambium-linux", "Cambium Networks", "Generic ARMv8 64-bit", "", "Linux", "4.4.60", "appliance"},
	// 17713.60.2, a string-prefix neighbour of ptp600's
	// '.1.3.6.1.4.1.17713.6' (not cnwave60's 17713.60.1), is ptp600's in
	// LibreNMS, not linux's: cambium-linux leaves it; cambium-cnpilot as
	// before.
	"cambium-ptp600-neighbour-uname": {"cambium-cnpilot", "Cambium Networks", "", "", "Linux", "4.4.60", "access_point"},
	// An EfficientIP SOLIDserver writing uname's Linux line, its
	// eipSdsVersionNumber not answering: the definition (solidserver)
	// takes all of 2440 (the string prefix '.1.3.6.1.4.1.2440', includes
	// copy 00a6ceb), linux never; EIP-MON-MIB's model and serial, and no
	// release (before, the kernel's, Linux's, not SOLIDserver's).
	"efficientip-uname-no-release": {"efficientip-solidserver", "EfficientIP", "SDS-2200", "EIP2200X0000042", "SOLIDserver", "", "appliance"},
	// A McAfee Web Gateway on net-snmp's registration with uname's Linux
	// line: mcafeewebgateway detects its own registration 1230.2.7.1.1
	// alone (os_detection 34cba3b), so linux's Linux, the kernel's
	// release and the machine class; not kProductVersion beside Linux.
	"mcafee-mwg-netsnmp-uname": {"mcafee-web-gateway-linux", "McAfee", "Generic x86 64-bit", "", "Linux", "4.19.163-mwg", "firewall"},
	// A Teltonika RUT950 on net-snmp's registration whose productCode
	// starts with none of rutos-rutx's list (os_detection fdd6b4a) nor
	// RUTM, rutos-2xx's firmware objects not answering: linux's Linux,
	// the kernel's release and the machine class of 'mips'; the serial
	// after, the unit's own; no RutOS firmware beside Linux.
	"teltonika-rut950-netsnmp-uname": {"teltonika-linux", "Teltonika", "Generic MIPS", "1109876543", "Linux", "4.14.241", "router"},
	// A RUT2xx whose 2013 TELTONIKA-MIB FirmwareVersion starts RUT2XX
	// but whose sysDescr names no 'Teltonika' (a renamed host):
	// rutos-2xx wants both (os_detection f86169d), so linux's reading.
	"teltonika-rut2xx-renamed-uname": {"teltonika-linux-2xx", "Teltonika", "Generic MIPS", "", "Linux", "3.18.44", "router"},
	// Infoblox's enterprise off its grid members' 7779.1 with uname's
	// Linux line: nios takes the whole enterprise (starts_with
	// '.1.3.6.1.4.1.7779.', includes/discovery copy 213fae6; an older
	// copy's str_contains '.1.3.6.1.4.1.7779.1' was narrower), linux
	// never: ibHardwareType, ibSerialNumber and ibNiosVersion, as
	// infoblox-nios already reads them (confirmed, no change).
	"infoblox-other-arc-uname": {"infoblox-nios", "Infoblox", "IB-V825", "4221202400000000000042", "NIOS", "8.6.4-51090-0a1b2c3d4e5f", "appliance"},
}

// TestLinuxArc108Fixtures checks each case on its fixture.
func TestLinuxArc108Fixtures(t *testing.T) {
	checkFixtures(t, linuxArc108FixtureDir, linuxArc108Cases)
}
