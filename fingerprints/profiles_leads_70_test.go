package fingerprints

import (
	"testing"
)

// leads70FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq70's leads: Juniper Junos, Arista EOS,
// Palo Alto PAN-OS and Fortinet, each field read in the order and form
// the device-support definitions read it.
const leads70FixtureDir = "testdata/fixtures/leads-70"

// leads70Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads70Cases = map[string]want{
	// FortiManager on its registration, no ENTITY row (definition
	// fortios): the hardware is sysObjectID's name through the
	// definition's hardware_regex and replacements (fmg3000F -> 'FMG
	// 3000F'), the version fmSysVersion whole.
	"fortimanager-3000f-registration": {"fortinet-fortimanager", "Fortinet", "FMG 3000F", "FMG3KF0000000001", "FortiManager", "v7.2.4-build1396 230131 (GA)", "appliance"},
	// The VM's registration fmgvm: 'FMG ' and 'vm$' -> 'VM'.
	"fortimanager-vm-registration": {"fortinet-fortimanager", "Fortinet", "FMG VM", "FMG-VM0000000002", "FortiManager", "v7.4.1-build2308 230831 (GA)", "appliance"},
	// FortiAnalyzer (faz1000F): the definition's pattern wants 'fmg', so
	// it states no hardware (no measure counts it); the sysDescr's product
	// follows, as before. The version fmSysVersion whole, as fortios
	// reads it.
	"fortianalyzer-registration": {"fortinet-fortimanager", "Fortinet", "FortiAnalyzer-1000F", "FL1KF0000000003", "FortiAnalyzer", "v7.2.2-build1334 221215 (GA)", "appliance"},
	// FortiSwitch Rugged (definition fortiswitch): the hardware is
	// fsSysVersion's first word whatever the product word is, the version
	// the digits after its first 'v'.
	"fortiswitch-rugged": {"fortinet-fortiswitch", "Fortinet", "FortiSwitchRugged-124D", "FS1R24D000000004", "FortiSwitchOS", "6.4.12", "switch"},
	// The serial fnSysSerial.0 first, then entPhysicalSerialNum.1, never
	// fsSysSerial before them (made-up differing values, to show the order).
	"fortiswitch-serials-differ": {"fortinet-fortiswitch", "Fortinet", "FortiSwitch-448E-FPOE", "S448EFTF00000005", "FortiSwitchOS", "7.2.5", "switch"},
	// Junos (Junos.php): a sysDescr ending at the release, so the
	// definition's pattern 'Juniper Networks, Inc. (?<hardware>\S+) .*
	// kernel JUNOS (?<version>[^, ]+)[, ]' does not hold: no hardware or
	// release from it; jnxBoxDescr whole is the hardware (the maker's name
	// to the vendor field). The release the line writes follows, the
	// device's own.
	"junos-sysdescr-pattern-fails": {"juniper-junos", "Juniper Networks", "SRX345 Internet Router", "CV0000AA0001", "Junos", "20.4R3-S1.3", "firewall"},
	// A virtual chassis that jnxBoxDescr names ('virtual chassis'), member
	// 0's software version not answering, its sysDescr the operator's:
	// the master member's model (role master(1), row 1), not row 0's;
	// the serial jnxBoxSerialNo.
	"junos-vc-by-boxdescr": {"juniper-junos", "Juniper Networks", "EX4600-40F", "PE0000AA0002", "Junos", "", "switch"},
	// Arista EOS (AristaEos.php): the release is all the sysDescr writes
	// between ' version ' and ' running on ', an engineering build's words
	// with it; the hardware the last word.
	"arista-eos-engineering-build": {"arista-eos", "Arista Networks", "DCS-7050SX3-48YC8", "JPE00000001", "EOS", "4.31.2F-INT (engineering build)", "switch"},
	// An older FortiGate answering no ENTITY row (definition fortigate):
	// the hardware from Fortigate.php's own sysObjectID table
	// (101.1.603 -> 'FortiGate 60B'), fgSysVersion whole; the definition
	// reads no serial but entPhysicalSerialNum.1, so fnSysSerial, the
	// unit's own, follows.
	"fortigate-60b-no-entity": {"fortinet-fortigate", "Fortinet", "FortiGate 60B", "FGT60B0000000008", "FortiOS", "v4.0,build0672,130318 (MR3 Patch 12)", "firewall"},
	// FortiWeb (definition fortiweb): fwSysVersion's first word whatever
	// the product word ('FortiWebVM64-KVM'), the version its first '
	// <digits and dots>'; the serial fnSysSerial.0.
	"fortiweb-vm-sysversion": {"fortinet-fortiweb", "Fortinet", "FortiWebVM64-KVM", "FVVM040000000009", "FortiWeb", "7.2.4", "firewall"},
	// FortiSandbox (definition fortisandbox): no fnSysSerial, so
	// entPhysicalSerialNum.1, and entPhysicalModelName.1 as the hardware,
	// row 1 by its index (made-up second chassis row, to show the order).
	"fortisandbox-entity-rows": {"fortinet-fortisandbox", "Fortinet", "FSA_3000F", "FSA3KF0000000010", "FortiSandbox", "v4.4.3,build0262 (GA)", "firewall"},
	// Junos: hrSWInstalledTable starting at row 2 (no row 1): Junos.php
	// takes row 2's bracketed release before the sysDescr's (made-up
	// differing values, to show the order).
	"junos-swinstalled-row2-before-sysdescr": {"juniper-junos", "Juniper Networks", "MX480", "JN0000AA0004", "Junos", "18.4R3-S4.2-JSU1", "router"},
	// owner: a classic Junos answering hrSWInstalledIndex whose row 1 is
	// the kernel ('JUNOS OS Kernel 64-bit [20230921...]'): row 1 answers,
	// so Junos.php reports the sysDescr's release, not the kernel's build
	// the row rule took before its pattern left the kernel row out.
	"junos-classic-row1-kernel-indexed": {"juniper-junos", "Juniper Networks", "MX480", "JN12345ABAFA", "Junos", "21.4R3-S5.4", "router"},
	// FortiAP on a registration Fortiap.php's table names (120.10.43112):
	// its form 'FAP-431F'; fapVersion whole, fapSerialNum.
	"fortiap-431f-registration": {"fortinet-fortiap", "Fortinet", "FAP-431F", "FP431FTF00000012", "FortiAP", "FP431F-v7.2-build0365", "access_point"},
}

func TestLeads70Fixtures(t *testing.T) {
	checkFixtures(t, leads70FixtureDir, leads70Cases)
}
