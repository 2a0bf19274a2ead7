package fingerprints

import (
	"testing"
)

// sweep112FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq112's sweep: each profile's fields
// read as the newest stored device-support definition reads them.
const sweep112FixtureDir = "testdata/fixtures/sweep-112"

// sweep112Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep112Cases = map[string]want{
	// A card on the registration netmanplus detects (5491.6) whose
	// sysDescr does not start with 'NetMan': the definition's
	// sysDescr_regex '(?<hardware>.*)' writes it whole, the maker's name
	// then dropped as every model's is (before fq112, upsIdentModel 'SEP
	// 3000').
	"riello-5491-6-other-descr": {"riello-netman", "Riello", "UPS NetMan 204", "UA23BC000117", "", "SWM072-01-00", "ups"},
	// EndRun's version string read by the definition's (endrun,
	// os_discovery a7b0363) version_regex '(.+) v (.+) -': the version
	// up to the last ' -', words and all (before fq112, '6.1.0').
	// fq120: this walk's registration is EndRun's enterprise arc, which
	// the definition does not detect (its first entry wants net-snmp's
	// 8072.3.2.10), so with its uname Linux line the unit is linux's:
	// maker-arc-linux, the machine class and kernel release (before,
	// endrun's reading, 'Tempus LX CDMA' and '6.1.0 build 3'); the
	// version-words reading stays pinned on 8072.3.2.10 by leads-120's
	// endrun-tempus-cdma-net-snmp.
	"endrun-tempus-version-words": {"maker-arc-linux", "EndRun Technologies", "Generic ARMv5", "", "Linux", "2.6.32", "appliance"},
	// An Emerson UPS card on the UCD agent's Linux OID whose sysDescr is
	// no uname line: the definition linux does not take it (its
	// '/^Linux/'), so no machine class; the card's UPS identity, the
	// unit's own, 'UL33' (the model without the word UPS); the OS the
	// agent's registration names (ucdSnmpAgent linux).
	"emerson-ups-card-other-agent": {"emerson-ups-ucd", "Vertiv", "UL33", "", "Linux", "", "ups"},
}

func TestSweep112Fixtures(t *testing.T) {
	checkFixtures(t, sweep112FixtureDir, sweep112Cases)
}
