package fingerprints

import (
	"testing"
)

// namesNZFixtureDir holds small walks written from the vendor MIBs of the
// LibreNMS OS names from n to z that no earlier check had gone through (the
// objects their device-support definitions read).
const namesNZFixtureDir = "testdata/fixtures/names-n-z"

// namesNZCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var namesNZCases = map[string]want{
	// Tait TaitNet core network servers under TN Admin (3570.3.15): the
	// hardware after "Core Network" in sysDescr, the release of the TN
	// Admin service (port 1443) in TAIT-TNADMIN-MIB, not another
	// service's.
	"tait-tnadmin": {"tait-tnadmin", "Tait Communications", "TN9300", "", "TN Admin", "3.34.01.03", "appliance"},
	// A Rittal LCP whose agent answers another registration than Rittal's
	// (the definition rittal-lcp also detects 'Rittal LCP' in sysDescr):
	// product, serial and software release from the CMC-TC sysDescr.
	"rittal-lcp-descr": {"rittal-lcp-descr", "Rittal", "LCP-Plus", "21234567", "", "2.16", "cooling"},
	// Sophos UTM on net-snmp's Linux registration, known by its kernel's
	// build ('.g<git hash>-smp64', the definition sophos): a firewall, not
	// a Linux server; no model or release taken from the uname line.
	"sophos-utm-linux": {"sophos-utm-linux", "Sophos", "", "", "UTM", "", "firewall"},
}

func TestNamesNZFixtures(t *testing.T) { checkFixtures(t, namesNZFixtureDir, namesNZCases) }
