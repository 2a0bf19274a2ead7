package fingerprints

import (
	"testing"
)

// leads62FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq62's leads: Edgecore's per-series
// modules as the newest Edgecos.php picks them, and Extreme's EXOS, VOSS
// and BOSS forms.
const leads62FixtureDir = "testdata/fixtures/leads-62"

// leads62Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads62Cases = map[string]want{
	// Edgecore ECS5520 (ECS5520-MIB, module 259.10.1.51) whose
	// switchInfoTable answers the hardware revision too: the newest
	// Edgecos.php's findMib has no ECS5520 entry, and its
	// '.1.3.6.1.4.1.259.10.1.5' (no trailing dot) takes the ECS4610-24F-MIB
	// for it, whose objects (259.10.1.5.1...) it does not answer, so the
	// definition states no release; swOpCodeVer alone, the switch's own
	// firmware, not the joined 'R01 1.0.2.7' (fq62).
	"edgecos-ecs5520-hwver-own-release": {"edgecore-ecs", "Edgecore", "ECS5520-18X", "EC2248007311", "", "1.0.2.7", "switch"},
	// The ECS4150 (module .55) the same.
	"edgecos-ecs4150-hwver-own-release": {"edgecore-ecs", "Edgecore", "ECS4150-28P", "EC2501004412", "", "1.0.3.8", "switch"},
	// The ECS4650 (module .58) the same.
	"edgecos-ecs4650-hwver-own-release": {"edgecore-ecs", "Edgecore", "ECS4650-54T", "EC2311009087", "", "1.1.3.2", "switch"},
	// The ECS4610-24F itself (module .5, the table's entry): the joined
	// form the definition states, 'R01 1.1.4.11'.
	"edgecos-ecs4610-hwver-opcode": {"edgecore-ecs", "Edgecore", "ECS4610-24F", "EC1109003345", "", "R01 1.1.4.11", "switch"},
}

func TestLeads62Fixtures(t *testing.T) {
	checkFixtures(t, leads62FixtureDir, leads62Cases)
}
