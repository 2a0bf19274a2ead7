package snmp_test

import "testing"

// TestFixturesProbeReadsWhatRulesUse: the profiles' fixture walks (one or
// more per profile, in the repository) identify through the probe as they
// do whole, as the corpus' walks do in TestCorpusProbeReadsWhatRulesUse.
// A profile's test reads the whole walk; a device is only ever read
// through the probe's fetch plan, so a rule the plan does not fetch (or
// fetches in another way: a walk finds what lies below its OID, never the
// OID itself) passes its test and reads nothing on the device.
func TestFixturesProbeReadsWhatRulesUse(t *testing.T) {
	probeMatchesWholeWalks(t, "../../fingerprints/testdata/fixtures", 1000)
}
