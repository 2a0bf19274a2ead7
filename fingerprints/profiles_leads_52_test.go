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
	"sophos-sfos-netsnmp-kernel": {"sophos-firewall-mib", "Sophos", "XGS4500", "X45001KQ8M2C7D3", "Linux", "4.14.302", "firewall"},
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
}

func TestLeads52Fixtures(t *testing.T) { checkFixtures(t, leads52FixtureDir, leads52Cases) }
