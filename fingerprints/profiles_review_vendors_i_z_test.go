package fingerprints

import (
	"testing"
)

// reviewVendorsIZFixtureDir holds small walks written from the vendor MIBs
// for the review of the vendors-i-m, vendors-n-r and vendors-s-z profiles
// against the device-support definitions: the devices they detect and the
// objects (and value forms) they read.
const reviewVendorsIZFixtureDir = "testdata/fixtures/review-vendors-i-z"

// reviewVendorsIZCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var reviewVendorsIZCases = map[string]want{
	// Cisco SD-WAN vEdge: the chassis row of VIPTELA-HARDWARE's inventory
	// (hardwareInventorySerialNumber.chassis.0), the serial the
	// device-support definition reads, not a module's.
	"cisco-viptela-hwinventory": {"cisco-viptela", "Cisco", "vedge-1000", "10A2C40180417", "Viptela OS", "20.3.5", "router"},
	// A UC application VM known by its registration (ciscoUCVirtualMachine,
	// 9.1.1348, as the definition ucos detects it) whose sysDescr does not
	// say 'Software:UCOS': the release SYSAPPL-MIB names. The model was "";
	// now ciscoUCVirtualMachine, the label ucos's hardware_mib
	// (CISCO-PRODUCTS-MIB) gives the registration (fq94).
	"cisco-ucos-vm": {"cisco-ucos", "Cisco", "ciscoUCVirtualMachine", "", "UCOS", "14.0.1.13900-155", "appliance"},
	// A Groove G30 on net-snmp's Linux registration answering
	// CORIANT-GROOVE-MIB (the definition infinera-groove detects it so):
	// read as on Coriant's, the release of the active load (2).
	"infinera-groove-netsnmp": {"infinera-groove-netsnmp", "Infinera", "G30", "G30-1834007712", "Groove", "4.2.0", "appliance"},
	// SAF FreeMile 60: SAF-FREEMILE60-MIB's system-ext group (model,
	// serial, the running bank's firmware, not the alternate's), as the
	// definition saf reads it.
	"saf-freemile60": {"saf-freemile60", "SAF Tehnika", "FreeMile 60 Pro", "FM6024410577", "", "1.12.3", "wireless"},
}

func TestReviewVendorsIZFixtures(t *testing.T) {
	checkFixtures(t, reviewVendorsIZFixtureDir, reviewVendorsIZCases)
}
