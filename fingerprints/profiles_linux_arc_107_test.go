package fingerprints

import (
	"testing"
)

// linuxArc107FixtureDir holds small walks written from the vendor MIBs
// and net-snmp's uname sysDescr for fq107: units on a vendor's
// enterprise, on arcs no vendor definition detects, whose Linux uname
// line the definition linux takes ('/^Linux/' on any sysObjectID).
const linuxArc107FixtureDir = "testdata/fixtures/linux-arc-107"

// linuxArc107Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var linuxArc107Cases = map[string]want{
	// Sangfor (35047; no definition names it): linux's reading first,
	// Shared\Unix's machine class of 'i686' and the kernel's release;
	// the hardware string's model=M5900 only where no machine word
	// answers.
	"sangfor-uname-i686": {"sangfor", "Sangfor", "Generic x86", "", "Linux", "2.6.30-AC11.2", "appliance"},
	// Synology's enterprise (6574), which dsm does not detect (it names
	// no sysObjectID: a '^Linux ' sysDescr with systemStatus.0 or the
	// kernel's syno_ parameters), a uname line without them: linux's
	// Linux, kernel release and machine class (aarch64), no DSM.
	"synology-arc-uname-armv8": {"linux-sysdescr", "Synology", "Generic ARMv8 64-bit", "", "Linux", "4.4.302+", ""},
	// The same arc with a sysDescr that is no uname line (a shape no
	// definition takes): synology-sysobjectid's own reading, as before.
	"synology-arc-no-uname": {"synology-sysobjectid", "Synology", "", "", "DSM", "", "storage"},
	// BlueCat's enterprise outside 13315.2, the arc bluecatnetworks
	// detects (os_detection cfab8f7): linux's Linux, the kernel's release
	// and the machine class; BCN-SYSTEM-MIB's serial, the unit's own; no
	// BlueCat OS release.
	"bluecat-other-arc-uname": {"bluecat-linux", "BlueCat", "Generic x86 64-bit", "BC5507654321", "Linux", "4.18.0-513.el8.x86_64", "appliance"},
	// Opengear's enterprise outside the arcs opengear's string prefix
	// '.1.3.6.1.4.1.25049.1' takes (os_detection acacd3e): linux's Linux,
	// the kernel's release and the machine class; ogSerialNumber, the
	// unit's own; no firmware release.
	"opengear-other-arc-uname": {"opengear-linux", "Opengear", "Generic ARMv7", "31234567", "Linux", "4.14.0", "appliance"},
	// Check Point's enterprise outside gaia's arcs (2620.1.6.123.1,
	// 2620.1.1 as a string prefix; os_detection 2fe9820): linux's Linux,
	// the kernel's release and the machine class, the appliance's serial
	// after; no Gaia, no svnVersion.
	"checkpoint-other-arc-uname": {"checkpoint-linux", "Check Point", "Generic x86 64-bit", "1902AB0077", "Linux", "3.10.0-1160.15.2cpx86_64", "firewall"},
	// Stonesoft's enterprise outside 1369.5.2, the arc forcepoint detects
	// (includes copy 3dbbbc6): linux's Linux, the kernel's release and
	// the machine class; the POS code after, the unit's own.
	"forcepoint-stonesoft-netnode-uname": {"forcepoint-linux", "Forcepoint", "Generic x86 64-bit", "A1B2-C3D4-E5F6", "Linux", "4.19.181", "firewall"},
	// Cyberoam's enterprise outside 21067.2, the arc cyberoam-utm detects
	// (os_detection dfab065): linux's Linux, the kernel's release and
	// the machine class; applianceKey after, the unit's own.
	"cyberoam-other-arc-uname": {"cyberoam-linux", "Sophos", "Generic x86", "C0123456789-ABCDEF", "Linux", "3.14.22", "firewall"},
	// Barracuda's 20632 (BWS-MIB) with a uname line: barracudawafirewall
	// wants its product's sysDescr (os_detection 71f2bfb), so linux's
	// Linux, the kernel's release and the machine class; BWS-MIB's
	// serial after, the unit's own; no firmware release.
	"barracuda-bws-uname": {"barracuda-linux", "Barracuda", "Generic x86 64-bit", "BAR-WF-1234567", "Linux", "4.9.118", "appliance"},
	// A Nasuni filer whose sysDescr is no uname line (a shape no
	// definition takes): NASUNI-FILER-MIB's platform, serial and release,
	// as before; with a uname line it is linux's (vendors' nasuni-filer).
	"nasuni-filer-no-uname": {"nasuni-filer", "Nasuni", "NMC-800", "NSN0987654321", "Nasuni Filer", "9.14.2", "storage"},
	// A TimeMachines clock on 54414 whose uname line is not 'Linux
	// am335x-evm' (timemachines wants that line, os_detection a30eebd):
	// linux's Linux, the kernel's release and the machine class.
	"timemachines-renamed-host": {"timemachines-linux", "TimeMachines", "Generic ARMv7", "", "Linux", "4.19.94-ti-r42", "appliance"},
	// D-Link's enterprise off 171.10 (dlink's arc) with a uname line:
	// linux's Linux, the kernel's release and the machine class of
	// 'armv5tel', not the registration's name.
	"dlink-other-arc-uname": {"dlink-other-arc", "D-Link", "Generic ARMv5", "", "Linux", "2.6.31.8", ""},
	// A FortiAuthenticator off the registration fortiauthenticator names
	// (12356.113.100.101), with a uname line: linux's Linux, the kernel's
	// release and the machine class; facSysSerial after, the unit's own;
	// no facSysVersion beside Linux.
	"fortinet-other-uname": {"fortinet-other", "Fortinet", "Generic x86 64-bit", "FAC-VMTM23001234", "Linux", "4.19.150", "appliance"},
	// An Htek phone (38241, no definition) with a uname line: linux's
	// Linux, the kernel's release and the machine class of 'mips'; not
	// the ROM firmware beside Linux.
	"htek-phone-uname": {"htek-phone", "Htek", "Generic MIPS", "", "Linux", "3.10.14", "phone"},
	// A Hikvision camera on its maker's 39165 (no definition detects the
	// arc) writing a uname line: linux's Linux, the kernel's release and
	// the machine class of 'aarch64' before deviceType; not softwVersion.
	"hikvision-39165-uname": {"hikvision-device-mib", "Hikvision", "Generic ARMv8 64-bit", "", "Linux", "4.9.37", "camera"},
	// A BroadWorks server (definition broadworks, group unix: class
	// Shared\Unix): the machine class of 'i686' as the hardware,
	// Shared\Unix's discoverOS beside the kernel's release.
	"broadworks-uname-i686": {"cisco-broadworks", "Cisco", "Generic x86", "", "Linux", "2.6.32-754.el6.i686", "server"},
	// Aerohive's 26928 with a uname line (hiveos-wireless detects its
	// '<product>, HiveOS' sysDescr alone): linux's Linux, the kernel's
	// release and the machine class; ahSystemSerial after, the unit's
	// own; no HiveOS release.
	"aerohive-uname": {"aerohive-linux", "Aerohive", "Generic ARMv7", "02301801234567", "Linux", "3.16.36", "access_point"},
}

// TestLinuxArc107Fixtures checks each case on its fixture.
func TestLinuxArc107Fixtures(t *testing.T) {
	checkFixtures(t, linuxArc107FixtureDir, linuxArc107Cases)
}
