package fingerprints

import (
	"testing"
)

// engineLeftoversFixtureDir holds small walks written from the vendor MIBs
// and the objects device-support code names, for the engine's rule options
// (packed, row_where), the product registry's vendor arcs and Linux-based
// appliances known by their sysDescr.
const engineLeftoversFixtureDir = "testdata/fixtures/engine-leftovers"

// engineLeftoversCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var engineLeftoversCases = map[string]want{
	// Bachmann BlueNet: e3IpmInfoFWVersion is one integer,
	// major*256+minor (packed: [8, 8]): 1042 is 4.18.
	"bachmann-bluenet-firmware": {"bachmann-pdu", "Bachmann", "BlueNet BN3000", "BN3000-240117", "", "4.18", "pdu"},
	// Nokia Wavence UBT: the serial of the remote-inventory row whose
	// mnemonic names a UBT radio (row_where), the first such row's.
	"nokia-wavence-ubt-serial": {"nokia-wavence", "Nokia", "UBT-T", "UT2247M1106", "Wavence", "23.0.0", "wireless"},
}

func TestEngineLeftoversFixtures(t *testing.T) {
	checkFixtures(t, engineLeftoversFixtureDir, engineLeftoversCases)
}
