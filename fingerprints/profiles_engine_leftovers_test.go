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
	// The product registry names the sysObjectIDs of modules that import
	// from one kept under another file name: Juniper's
	// JUNIPER-CHASSIS-DEFINES-MIB jnxProductNameMX480 (JUNIPER-SMI is
	// mib-jnx-smi.txt), Allied Telesis's AT-PRODUCT-MIB atx51052GTX,
	// where the sysDescr names no model.
	"juniper-registry-mx480": {"juniper-junos", "Juniper Networks", "MX480", "JN11F2A3BAFA", "Junos", "", "router"},
	"allied-registry-x510":   {"allied-telesis", "Allied Telesis", "x510-52GTX", "", "AlliedWare Plus", "5.4.9-2.3", "switch"},
	// TP-Link's TPLINK-PRODUCTS-MIB registrations, newly named, as
	// TP-Link writes its products: tplink-t1600g-28ts is T1600G-28TS.
	"tplink-registry-t1600g": {"tplink", "TP-Link", "T1600G-28TS", "", "", "", "switch"},
}

func TestEngineLeftoversFixtures(t *testing.T) {
	checkFixtures(t, engineLeftoversFixtureDir, engineLeftoversCases)
}
