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
}

func TestLeads52Fixtures(t *testing.T) { checkFixtures(t, leads52FixtureDir, leads52Cases) }
