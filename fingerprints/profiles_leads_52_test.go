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
}

func TestLeads52Fixtures(t *testing.T) { checkFixtures(t, leads52FixtureDir, leads52Cases) }
