package fingerprints

import (
	"testing"
)

// namesCNFixtureDir holds small walks written from the vendor MIBs of
// device-support OS names (ciscospa … nec-univerge) that no profile
// detected: model, serial and version read from the objects the
// definitions name.
const namesCNFixtureDir = "testdata/fixtures/names-c-n"

// namesCNCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var namesCNCases = map[string]want{
	// Emerson Energy Systems DC power controllers (ees) on a Linux agent:
	// EES-POWER-MIB identModel, identControllerFirmwareVersion and
	// identControllerSerialNumber; an empty serial does not count; the OS
	// is Linux, but the kernel's release is not the controller's. Since
	// fq13 the firmware whole ('V3.02'), as the definition (ees) reads it
	// (before, its 'V' dropped).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release V3.02, not Linux's): an OS is named beside its own release only.
	"emerson-ees-controller": {"emerson-ees", "Emerson", "M830B", "03121507480", "", "V3.02", "power"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.20, not Linux's): an OS is named beside its own release only.
	"emerson-ees-at9263": {"emerson-ees", "Emerson", "M820B", "", "", "1.20", "power"},
	// DKT Comega CPEs (dkt): DKT-GENERIC-MIB hwVersion and swVersion;
	// the version whole, as the definition reads it with no pattern (fq92:
	// was "2.3.14", the fixture's leading 'V' dropped; now "V2.3.14").
	"dkt-comega": {"dkt-comega", "DKT", "6220-2 rev.C", "", "", "V2.3.14", "switch"},
}

func TestNamesCNFixtures(t *testing.T) { checkFixtures(t, namesCNFixtureDir, namesCNCases) }
