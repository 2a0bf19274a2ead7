package fingerprints

import "testing"

// mibIdentityFixtureDir holds walks of vendors without a profile of their
// own, written from their MIBs: profiles/mib-identity.yaml reads the
// identity scalars those MIBs define.
const mibIdentityFixtureDir = "testdata/fixtures/mib-identity"

var mibIdentityCases = map[string]want{
	// Beijer (Korenix) JetNet: Jetnet5010G::systemFwVer.
	"korenix-jetnet": {"", "Beijer Electronics", "5010G", "", "", "1.3a", "switch"},
	// RAD: RAD-MIB::sysSaSwRevision.
	"rad-sa": {"", "Rad Data Communications", "OpXLT1", "", "", "6.8.2(0.33)", ""},
}

// TestMIBIdentityFixtures checks the generated identity profiles on their
// fixtures: every field, with evidence (check).
func TestMIBIdentityFixtures(t *testing.T) {
	checkFixtures(t, mibIdentityFixtureDir, mibIdentityCases)
}
