package fingerprints

import (
	"testing"
)

// leads52FixtureDir holds small walks written from the vendor MIBs for the
// leads on appliances answering net-snmp's Linux registration and smaller
// doubts (fq52): how the device-support definitions detect each device,
// which object or pattern gives its release, and its type.
const leads52FixtureDir = "testdata/fixtures/leads-52"

// leads52Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads52Cases = map[string]want{
	// An ALOHA whose alProductSubVersion carries a leading 'v' (definition
	// aloha: os module version EXCELIANCE-MIB::alProductSubVersion, no
	// version_regex or replace): the value as it stands, 'v' kept.
	"haproxy-aloha-v-subversion": {"haproxy-aloha", "HAProxy Technologies", "ALB5100", "", "ALOHA", "v14.0.3", "load_balancer"},
	// A Unitrends appliance (definition recoveryos: type server, unix
	// group, no os module): a server, with the OS its uname line names,
	// Linux, and the kernel's release Shared\Unix reads, not
	// mgtInfoRelease.
	"unitrends-recoveryos-server": {"unitrends-recoveryos", "Unitrends", "Generic x86 64-bit", "", "Linux", "3.10.0-1160.108.1.el7.x86_64", "server"},
	// A DHCPatriot (definition dhcpatriot: type server; sysObjectID
	// 8072.3.2.10 and 'FNGi' in sysDescr): a server, with the MODEL,
	// SERIAL and VERSION extends its os module reads, no OS beside them.
	"dhcpatriot-server": {"dhcpatriot", "First Network Group", "DHCPatriot-2000", "FNG2023C0214", "", "7.2.1", "server"},
	// SFOS on net-snmp's Linux registration answering SFOS-FIREWALL-MIB:
	// no definition detects SFOS there (sophos-xg wants 2604.5), so it is
	// linux's (8072.3.2.10), whose Shared\Unix reads the uname line's
	// kernel release, never sfosDeviceFWVersion: Linux with that release;
	// the firewall's model, appKey serial and type from SFOS-FIREWALL-MIB.
	// fq110: model Generic x86 64-bit (was XGS4500): linux's Shared\Unix
	// writes the uname line's machine class as the hardware, first, as the other
	// units linux takes state it (fq107, fq108); the SFOS/XG model follows,
	// the unit's own.
	"sophos-sfos-netsnmp-kernel": {"sophos-firewall-mib", "Sophos", "Generic x86 64-bit", "X45001KQ8M2C7D3", "Linux", "4.14.302", "firewall"},
	// The same firewall on 2604.5 (definition sophos-xg): its os module's
	// sfosDeviceType, sfosDeviceFWVersion whole and sfosDeviceAppKey.
	"sophos-sfos-2604-firmware": {"sophos-sfos", "Sophos", "XGS4500", "X45001KQ8M2C7D4", "SFOS", "SFOS 20.0.2 MR-2-Build378", "firewall"},
	// A GigaVUE node on net-snmp's Linux registration: gigavue detects
	// 26866.3 alone, so it is linux's, whose Shared\Unix reads the first
	// ' (\d+\.\d\S*) ' word, the kernel's release, not the GigaVUE-OS
	// release after the platform: Linux with the kernel's release; the
	// platform the uname line names as the model.
	"gigamon-ta-netsnmp-kernel": {"gigamon-gigavue-linux", "Gigamon", "GigaVUE-TA10", "", "Linux", "2.6.34-GIGAMONsmp-gvag", "appliance"},
	// A node on gigamonProducts (26866.3, definition gigavue) writing the
	// same kind of uname sysDescr: gigavue's, GIGAMON-SNMP-MIB model,
	// serialNumber and version as they stand, not the kernel's release.
	"gigamon-product-arc-objects": {"gigamon-gigavue", "Gigamon", "GigaVUE-HC2", "1H20-0312", "GigaVUE-OS", "5.4.00", "appliance"},
	// A Hikvision camera answering no sysObjectID, deviceType holding a
	// '-' (definition hikvision-cam: sysObjectID_regex '/^$/', snmpget
	// deviceType contains '-'; os module deviceType and softwVersion).
	"hikvision-cam-no-sysobjectid": {"hikvision", "Hikvision", "DS-2DE4425IW-DE", "", "", "V5.6.15 build 210506", "camera"},
	// A camera on Hikvision's arc whose sysDescr is 'Hikvision company
	// products': the definition hikvision-nvr detects it by that string
	// (checked before hikvision-cam's deferred snmpget, which wants no
	// sysObjectID anyway) and its os module reads no release; the camera
	// by deviceType, the model hikvision-device-mib's deviceType filling
	// the gap.
	"hikvision-39165-company-products": {"hikvision-nvr", "Hikvision", "DS-2CD2347G2-LU", "", "", "", "camera"},
	// A camera on net-snmp's Linux registration writing a uname line: not
	// hikvision-cam's (a sysObjectID answers), so linux's, whose
	// Shared\Unix reads the kernel's release: Linux with it, not
	// softwVersion; maker, model and type from HIK-DEVICE-MIB.
	// fq66: was hikvision-device-mib, Linux and the kernel's 3.18.20;
	// now hikvision, softwVersion beside no OS: hikvision-cam's detection (hikvision-cam.yaml, both stored versions) names no sysObjectID and Core.php checks it before the generic linux, so a
	// sysObjectID answering does not make it linux's.
	// fq103: was hikvision, softwVersion beside no OS; now
	// hikvision-device-mib, Linux and the kernel's 3.18.20 again: the newest
	// hikvision-cam.yaml (resources/definitions, 34cba3b) wants no
	// sysObjectID (sysObjectID_regex '/^$/'), so linux takes it.
	// fq107: model 'Generic ARMv7' (was DS-2CD2T87G2-L): the machine
	// class Shared\Unix writes for linux from 'armv7l' is the hardware
	// linux states (os_detection 11a4d8b); deviceType follows it only
	// where no machine word answers.
	"hikvision-netsnmp-uname-camera": {"hikvision-device-mib", "Hikvision", "Generic ARMv7", "", "Linux", "3.18.20", "camera"},
	// The same registration with a sysDescr that is no uname line: linux's
	// still (8072.3.2.10), whose pattern finds no release there: Linux
	// (net-snmp-linux) and none, not softwVersion.
	// fq66: was hikvision-device-mib, Linux, no release; now hikvision,
	// softwVersion beside no OS: hikvision-cam's detection (hikvision-cam.yaml, both stored versions) names no sysObjectID and Core.php checks it before the generic linux.
	// fq103: was hikvision, softwVersion beside no OS; now
	// hikvision-device-mib, Linux, no release again: the newest
	// hikvision-cam.yaml (34cba3b) wants no sysObjectID.
	"hikvision-netsnmp-no-uname": {"hikvision-device-mib", "Hikvision", "DS-2CD2043G2-I", "", "Linux", "", "camera"},
	// An NSP sensor on net-snmp's Linux registration, detected as the
	// definition mlos-nsp detects it (8072.3.2.10 and the systemGrp
	// product object containing NETWORK-SECURITY-PLATFORM): ivSysModel and
	// ivSysSerialNumber, no release (its os module reads none), and an
	// appliance, its type.
	"mcafee-nsp-netsnmp-appliance": {"mcafee-nsp", "McAfee", "NS7500", "QAF13572468", "Linux", "", "appliance"},
}

func TestLeads52Fixtures(t *testing.T) { checkFixtures(t, leads52FixtureDir, leads52Cases) }
