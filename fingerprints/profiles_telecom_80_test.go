package fingerprints

import (
	"testing"
)

// telecom80FixtureDir holds small walks written from the vendor MIBs for
// fq80's check of the optical, telecom, camera and sensor families: each
// field read from the objects the device-support definition that detects
// the device reads, in its order and form.
const telecom80FixtureDir = "testdata/fixtures/telecom-80"

// telecom80Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var telecom80Cases = map[string]want{
	// Nokia SR OS (definition timos; discovery/timos.yaml's os module):
	// the release is sgiSwMajorVersion.sgiSwMinorVersion.sgiSwVersionModifier
	// by its version_template ('23.10.R2'), not the sysDescr's ('23.10.R1'
	// here, made up to tell the two apart); the hardware Timos.php's
	// tmnxChassisTypeName of tmnxChassisType.1, the serial the first
	// physChassis row's tmnxHwSerialNumber.
	"nokia-sros-sgi-version": {"nokia-sros", "Nokia", "7750 SR-7", "NS2301A0001", "SR OS", "23.10.R2", "router"},
	// Timos.php's serial is the first row, in index order, whose
	// tmnxHwClass is physChassis (3): here 1.50331650, after a row of
	// class other (1) and with no row 1.50331649; not the first row's, nor
	// the ENTITY chassis row's. No sgi objects: the sysDescr's release.
	"nokia-sros-physchassis-row": {"nokia-sros", "Nokia", "7210 SAS-Mxp", "NS2111C0003", "SR OS", "21.7.R1", "switch"},
	// Ericsson IPOS (definition ericsson-ipos; discovery/ericsson-ipos.yaml's
	// os module): the hardware entPhysicalDescr.1 whole, the serial
	// entPhysicalDescr.2 by its serial_regex 'SN:(?<serial>[^ ]+)', not the
	// chassis row's entPhysicalSerialNum (E109876543), the version the
	// whole sysDescr (the model without the maker's name, as the engine
	// writes every model).
	"ericsson-ipos-descr2-sn": {"ericsson-ipos", "Ericsson", "6675 Router", "E102345678", "IPOS", "Ericsson IPOS Version IPOS-22.2.1.0.15-Release Built by sysbuild@SWB-node07 Mon Jan 9 08:15:00 PST 2023 Copyright (C) 1998-2023, Ericsson AB. All rights reserved", "router"},
	// Calix AXOS (definition axos; discovery/axos.yaml's os module): the
	// hardware is the sysDescr whole by its sysDescr_regex
	// '(?<hardware>.*)', more than one word too; the serial
	// axosSystemChassisSerialNumber.0.
	"calix-axos-sysdescr-words": {"calix-axos", "Calix", "E7-2 Ethernet Service Access Platform", "CXNK00D4E5F6", "AXOS", "", "switch"},
	// Calix E5 (definition calix; discovery/calix.yaml's os module): each
	// field's objects in its order, E5-121's IESCOMMON first, E5-110's
	// last: where both answer, E5-121's.
	"calix-e5-121-before-110": {"calix-e5", "Calix", "VLC1124", "S1201A3001234", "", "V3.54(AXP.4)", "switch"},
	// Ciena Waveserver (CienaWaveserver.php's discoverOS): the serial is
	// entPhysicalSerialNum.1, here a module row's, before the ENTITY
	// chassis row's (row 2, NNTMRT098765).
	"ciena-waveserver-entity-row1-serial": {"ciena-waveserver", "Ciena", "186-1600-900", "NNTMRT023456", "Waveserver OS", "waveserverai-2.4.1", "switch"},
}

func TestTelecom80Fixtures(t *testing.T) {
	checkFixtures(t, telecom80FixtureDir, telecom80Cases)
}
