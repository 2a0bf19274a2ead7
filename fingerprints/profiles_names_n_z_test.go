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
	// A uname line with a Sophos UTM kernel's build ('.g<git hash>-smp64')
	// whose release before '.g' is 20 characters long (4.14.302-0.291847563):
	// the definition sophos's pattern allows at most 19 there, so it does
	// not detect it; linux does. Was sophos-utm-linux (Sophos, UTM,
	// firewall, nothing else); now net-snmp-linux's Linux host, as the
	// definitions read it (fq94; the definition sophos, '[0-9\-.]{1,19}').
	// sweep-94's sophos-utm-release-19 keeps a 19-character one Sophos's.
	"sophos-utm-linux": {"net-snmp-linux", "", "Generic x86 64-bit", "", "Linux", "4.14.302-0.291847563.g8c1d2e4-smp64", "server"},
}

func TestNamesNZFixtures(t *testing.T) { checkFixtures(t, namesNZFixtureDir, namesNZCases) }
