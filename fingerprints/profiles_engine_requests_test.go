package fingerprints

import (
	"testing"
)

// engineRequestsFixtureDir holds small walks written from the vendor MIBs
// for the profiles that use the engine features earlier sessions asked
// for: no_identity, a match on an OID's value, rules over ENTITY-MIB
// columns.
const engineRequestsFixtureDir = "testdata/fixtures/engine-requests"

// engineRequestsCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var engineRequestsCases = map[string]want{
	// An old RouterBOARD (RouterOS 5) answering none of RouterOS's release
	// objects: no release, not the generated profile's
	// mtxrFirmwareVersion, the RouterBOOT loader's (no_identity).
	"mikrotik-routeros5-boot-only": {"mikrotik-routeros", "MikroTik", "RB433AH", "2B7C01D4E3F9", "RouterOS", "", "router"},
	// Synology SRM routers: the product in hrSystemInitialLoadParameters'
	// syno_hw_version (oid_match), no release (the sysDescr's is the
	// kernel's: no_fill). A NAS naming its product there too stays
	// synology-dsm's, read from SYNOLOGY-SYSTEM-MIB (a guard).
	"synology-srm-rt2600ac": {"synology-srm", "Synology", "RT2600ac", "", "SRM", "", "router"},
	"synology-srm-mr2200ac": {"synology-srm", "Synology", "MR2200ac", "", "SRM", "", "router"},
	"synology-nas-cmdline":  {"synology-dsm", "Synology", "DS920+", "2150QBR123456", "DSM", "7.2.1-69057", "storage"}, // the first word after DSM, as the definition (dsm) reads the version
	// A DSM NAS answering without SYNOLOGY-SYSTEM-MIB: the product from
	// syno_hw_version, no release (before, a Linux server).
	"synology-dsm-cmdline-only": {"synology-dsm-cmdline", "Synology", "RS3617xs+", "", "DSM", "", "storage"},
	// A vSRX: fq46, VSRX again, the sysDescr's 'vsrx' upper-cased as
	// Junos.php reads it ('Juniper Networks, Inc. (?<hardware>\S+) .*
	// kernel JUNOS', strtoupper); the registry's display form vSRX, given
	// here since 5811240, is not what the definition gives.
	"juniper-vsrx": {"juniper-junos", "Juniper Networks", "VSRX", "91A2B3C4D5E6", "Junos", "22.4R2.8", "firewall"},
	// Ericsson IPOS: the serial IPOS writes into a module row's
	// entPhysicalDescr ("SN:..."), the first row that writes one (a walk
	// rule over the ENTITY column).
	// The version is the whole sysDescr, as the definition (ericsson-ipos)
	// reads it (fq5).
	"ericsson-ipos-module-sn": {"ericsson-ipos", "Ericsson", "Router 6274", "D821567890", "IPOS", "Ericsson IPOS Version IPOS-21.1.2.0.33-Release Built by sysbuild@SWB-node11 Tue Jun 8 09:41:10 PDT 2021 Copyright (C) 1998-2021, Ericsson AB. All rights reserved", "router"},
	// Datacom DmOS: the serial of the first module row that is not a slot,
	// a power supply or a port (MPU-1, row 4; not the PSU's of row 2 or
	// the slot's of row 3), as DatacomDmos.php reads it (row_not_match,
	// row_and on entPhysicalClass); c-d/datacom-dmos, without module rows,
	// states none since fq54 (was the chassis row's, which no version of
	// the definition reads).
	"datacom-dmos-module-serial": {"datacom-dmos", "Datacom", "DM4610", "4610C1234567", "DmOS", "8.4.2", "switch"},
	// Ubiquiti radios on net-snmp's Linux registration, known by
	// IEEE802dot11-MIB dot11manufacturerName (oid_match): airOS, or UniFi
	// where the radio names a UAP (before, Linux with the kernel's
	// release).
	// fq16: the release all after the image's first '.v', as the
	// definition (airos: Airos.php) reads it.
	// fq19: Linux again, with the kernel's release: the current
	// definitions detect airos by 10002.1 and 41112.1.4 only, unifi on
	// this registration only by a sysDescr naming the AP; the Linux
	// discovery that read dot11manufacturerName (linux.inc.php) is gone.
	// The radio's product stays the model (generic-dot11).
	"ubiquiti-airos-netsnmp": {"net-snmp-linux", "Ubiquiti", "PowerBeam M5 400", "", "Linux", "2.6.32.68", "access_point"},
	// fq19: Linux too (was UniFi, v3.9.27.8537), for the same reason.
	"ubiquiti-unifi-dot11-uap": {"net-snmp-linux", "Ubiquiti", "UAP-LR", "", "Linux", "2.6.32.33", "access_point"},
	// Aruba Instant: the serial is the cluster table's first row's
	// aiAPSerialNum, whichever AP answers: the device-support code
	// (ArubaOS Instant's ArubaInstant.php) sets it to the next value after
	// the column once its YAML part has run (fpE; these cases read the
	// answering AP's row by row_equals before, which the definition does
	// not). The model stays the answering AP's own sysDescr's.
	// fq68: release was 8.11.2.1 and 8.10.0.9, now 8.11.2.1-8.11.2.1 and
	// 8.10.0.9-8.10.0.9: the release as the definition (aruba-instant) reads it, all its sysDescr
	// writes after "Version " (\S+), the ArubaOS and Instant releases joined.
	"aruba-instant-answering-ap":       {"aruba-instant", "Aruba", "535", "CNMJK4T1QA", "ArubaOS Instant", "8.11.2.1-8.11.2.1", "access_point"},
	"aruba-instant-virtual-controller": {"aruba-instant", "Aruba", "515", "CNHGT2K8LM", "ArubaOS Instant", "8.10.0.9-8.10.0.9", "access_point"},
}

// TestEngineRequestsFixtures checks each profile on its fixture: the
// winning profile and every field, with evidence (check).
func TestEngineRequestsFixtures(t *testing.T) {
	checkFixtures(t, engineRequestsFixtureDir, engineRequestsCases)
}
