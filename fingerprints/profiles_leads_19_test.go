package fingerprints

import (
	"testing"
)

// leads19FixtureDir holds small walks written from the vendor MIBs for the
// leads earlier audits left (fq19): profiles re-read against the
// device-support definitions for the objects they read, their detection
// and the form of each value.
const leads19FixtureDir = "testdata/fixtures/leads-19"

// leads19Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads19Cases = map[string]want{
	// A VDX on BROCADE-PRODUCTS-MIB's registration with its own sysDescr
	// (definition nos: hardware entPhysicalDescr.1, serial
	// entPhysicalSerialNum.1, version swFirmwareVersion.0, each whole):
	// the chassis description, not the ordering code in
	// entPhysicalModelName.
	"brocade-vdx-entity-descr": {"brocade-nos", "Brocade", "VDX6740", "CPL2541K0EF", "Network OS", "v7.2.0a", "switch"},
	// The same reads where an operator set the sysDescr (nos detects by
	// the registration alone).
	"brocade-vdx-registration-entity-descr": {"brocade-nos-registration", "Brocade", "VDX6740T", "EXH3309K0R4", "Network OS", "v7.4.2a", "switch"},
	// Multi-line sysDescr values (hex-encoded in the walk), read as the
	// definitions' PCRE reads them, '.' stopping at a line break: the
	// NetMan card the first line names (netmanplus: '(?<hardware>.*)'),
	// where the sysDescr's lines joined by spaces ran on into the next.
	"riello-netman-multiline": {"riello-netman", "Riello", "NetMan 204 plus", "", "", "SWM076-01-00", "ups"},
	// fujitsupyos ('Fujitsu (?<hardware>.*), Runtime Code (?<version>.*)'):
	// the runtime code to its line's end, not the boot code after it.
	"fujitsu-py-multiline": {"fujitsu-py-switch", "Fujitsu", "PY CB Eth Switch/IBP 10Gb 18/8", "", "", "3.20", "switch"},
	// A JetStream switch on another arc of TP-Link's (11863.1): the
	// definition jetstream detects 'JetStream' in sysDescr before tplink,
	// so TPLINK-SYSINFO-MIB's tpSysInfoHwVersion.0 and
	// tpSysInfoSwVersion.0, each whole, not RMON2's probe values tplink
	// reads.
	"tplink-jetstream-descr-sysinfo": {"tplink", "TP-Link", "T2600G-28TS 2.0", "2163425001234", "", "2.0.1 Build 20160608 Rel.45104(s)", "switch"},
	// A CMC answering neither drsProductShortName nor
	// drsProductChassisModel: no model, where drsProductChassisName (the
	// name DELL-RAC-MIB says the chassis is given) was read; the
	// definition (drac) reads systemModelName and drsProductShortName.
	"dell-cmc-chassis-name": {"dell-cmc", "Dell", "", "4KQ2M52", "CMC", "6.10.A00.201806121540", "bmc"},
	// EnGenius access points (Engenius.php: the sysName without
	// 'EnGenius ', then ' v' and 14125.100.1.6.0): the factory name
	// 'EnGenius <model>' names the hardware; a name the administrator
	// gave ('EnGenius Lobby North') is none.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release Kernel 2.6.31 / Apps 1.6.31, not Linux's): an OS is named beside its own release only.
	"engenius-factory-sysname": {"engenius", "EnGenius", "ECB1750 v1.0.2", "GA15301234", "", "Kernel 2.6.31 / Apps 1.6.31", "access_point"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release Kernel 3.14.77 / Apps 3.5.0.2, not Linux's): an OS is named beside its own release only.
	"engenius-admin-sysname": {"engenius", "EnGenius", "", "GB17205678", "", "Kernel 3.14.77 / Apps 3.5.0.2", "access_point"},
	// A HiveOS AP without ahFirmwareVersion: the release all after the
	// sysDescr's ', HiveOS ', its build kept, as the definition
	// (hiveos-wireless: '^(?<hardware>.*), HiveOS (?<version>.*)$')
	// reads it.
	"aerohive-hiveos-sysdescr-release": {"aerohive-hiveos", "Aerohive", "AP250", "02501807001122", "HiveOS", "10.2r3 build-262040", "access_point"},
	// A Mimosa C5 on its registration (43356.1.1.4): the label
	// MIMOSA-NETWORKS-BASE-MIB gives it, as the definition (mimosa:
	// hardware_mib) writes the hardware; mimosaFirmwareVersion whole.
	// fq30: a C5 'Client' radio is no access point but a client, typed
	// wireless as Canopy's SMs are (was access_point).
	"mimosa-c5-registration": {"mimosa", "Mimosa", "mimosaC5", "1041234567", "", "2.8.0.1-7", "wireless"},
	// An ePMP on a release candidate: cambiumCurrentuImageVersion whole,
	// as the definition (epmp) reads the version.
	"cambium-epmp-rc-release": {"cambium-epmp", "Cambium Networks", "ePMP 3000", "E3KA07654321", "ePMP", "4.6.0-RC16", "access_point"},
	// A PTP 650 whose sysDescr carries its release: the hardware as the
	// definition (ptp650: '5\d(?<hardware>.*?)( Wireless|,).*Version')
	// captures it, '650'; a sysDescr without that shape keeps 'PTP 650'
	// (vendors/cambium-ptp650).
	"cambium-ptp650-sysdescr": {"cambium-ptp650", "Cambium Networks", "650", "", "PTP", "02-10", "wireless"},
}

func TestLeads19Fixtures(t *testing.T) {
	checkFixtures(t, leads19FixtureDir, leads19Cases)
}
