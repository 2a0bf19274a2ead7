package fingerprints

import (
	"testing"
)

// variants23FixtureDir holds small walks written from the vendor MIBs for
// the review of the heaviest families on the shapes real devices have
// (fq23): stacks, virtual chassis, clusters, chassis with modules,
// sysDescr variants across releases and operator-written sysDescrs.
const variants23FixtureDir = "testdata/fixtures/variants-23"

// variants23Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var variants23Cases = map[string]want{
	// An EX4300 virtual chassis whose operator set its own sysDescr (snmp
	// description): Junos.php then reads the member table (its jnxBoxDescr
	// says Virtual Chassis) and takes the model of the member whose
	// jnxVirtualChassisMemberRole is master(1) (JUNIPER-VIRTUALCHASSIS-MIB),
	// EX4300-48MP, not member 0's (a line card of another model, which we
	// stated before); serial jnxBoxSerialNo.0, release
	// jnxVirtualChassisMemberSWVersion.0. A switch by that model (before:
	// router, as no sysDescr rule held).
	"junos-vc-custom-descr-master": {"juniper-junos", "Juniper Networks", "EX4300-48MP", "PE3718110999", "Junos", "20.4R3-S1.3", "switch"},
	// An MX480 whose operator-written sysDescr begins 'Juniper MX480':
	// Junos.php's '^Juniper ([A-Za-z]+\d\S*)' upper-cased (the same value
	// jnxBoxDescr gave). The release: hrSWInstalledName.2's bracket (the
	// definition states none here: its row 1 reading empties row 2's and
	// no sysDescr 'kernel JUNOS' follows; the release is the box's).
	"junos-mx-custom-descr": {"juniper-junos", "Juniper Networks", "MX480", "JN11A2B3CAFA", "Junos", "21.2R3-S4.8", "router"},
	// A virtual chassis that answers no jnxBoxSerialNo.0 (the definition
	// then states no serial): the master member's
	// jnxVirtualChassisMemberSerialnumber (role master(1)), not member
	// 0's, a backup's, which we stated before.
	"junos-vc-no-box-serial": {"juniper-junos", "Juniper Networks", "EX4300-32F", "WS3720AB0222", "Junos", "21.4R3-S5.4", "switch"},
	// Checked and right: an EX4300 virtual chassis whose members are
	// numbered from 1 (no jnxVirtualChassisMemberSWVersion.0), the standard
	// sysDescr: Junos.php's sysDescr hardware (upper case) and 'kernel
	// JUNOS' release (hrSWInstalledName.1 answers and is no junos-evo
	// row, so row 2's bracket is dropped), jnxBoxSerialNo.0.
	"junos-ex4300-vc-standard": {"juniper-junos", "Juniper Networks", "EX4300-48P", "PE3718110333", "Junos", "20.4R3-S1.3", "switch"},
	// Checked and right: node0 of an SRX345 chassis cluster (jnxBoxDescr
	// 'node0 ...', JUNIPER-SRX5000-SPU-MONITORING-MIB node names): the
	// cluster is a feature in Junos.php, the model and release the
	// sysDescr's, the serial jnxBoxSerialNo.0.
	"junos-srx-cluster-node0": {"juniper-junos", "Juniper Networks", "SRX345", "CX4519AF0123", "Junos", "21.2R3-S2.9", "firewall"},
	// A Cisco 7609-S router on a Supervisor 720 (image c7600s72033_rp,
	// CISCO-PRODUCTS-MIB cisco7609s): the shared Cisco OS discovery
	// (Cisco.php) reads ENTITY row 1 (CISCO7609-S, its serial) and the
	// sysDescr's release; a router, where the switch rule's 's72033' (the
	// Catalyst 6500's s72033_rp image) made it a switch.
	"ios-7600-sup720": {"cisco-ios", "Cisco", "CISCO7609-S", "FOX1524G0AB", "IOS", "15.3(3)S5", "router"},
	// Checked and right: a 1941 whose chassis row's entPhysicalModelName
	// is a space (the definition's snmp_get_multi trims it to nothing):
	// Cisco.php then states entPhysicalName.1, 'CISCO1941/K9 chassis',
	// never the motherboard module's CISCO1941/K9 row (class module);
	// serial entPhysicalSerialNum.1, release from the sysDescr (row 1 has
	// none).
	"ios-1941-model-space": {"cisco-ios", "Cisco", "CISCO1941/K9 chassis", "FTX1840A0BC", "IOS", "15.7(3)M8", "router"},
	// Checked and right: the same with 'N/A' in the chassis row's model
	// name, which the definition would state and we do not (a
	// placeholder): entPhysicalName.1, '1941 chassis', as for an empty
	// model name; never the EHWIC module's model.
	"ios-1941-model-na": {"cisco-ios", "Cisco", "1941 chassis", "FTX1840A0BD", "IOS", "15.7(3)M8", "router"},
	// Checked and right: the IOS-XE 17 sysDescr that begins 'Cisco IOS XE
	// Software, Version 17.03.04a' (none of Cisco.php's sysDescr patterns
	// reads it: they are anchored at 'Cisco IOS Software'): the chassis
	// row's entPhysicalSoftwareRev.1 (17.03.04a), entPhysicalModelName.1
	// (ISR4331/K9, not a NIM module's), entPhysicalSerialNum.1.
	"iosxe-17-xe-first-line": {"cisco-ios-xe", "Cisco", "ISR4331/K9", "FDO2213A0BC", "IOS-XE", "17.03.04a", "router"},
	// Checked and right: NX-OS 10's sysDescr ('Cisco NX-OS(tm) nxos64-cs,
	// Software (nxos64-cs), Version 10.3(4a)'): the definition nxos's
	// entPhysicalSoftwareRev.22, entPhysicalName.149 and
	// entPhysicalSerialNum.10.
	"nxos-10-sysdescr": {"cisco-nx-os", "Cisco", "Nexus9000 C93180YC-EX Chassis", "FDO23450ABC", "NX-OS", "10.3(4a)", "switch"},
	// Checked and right: EOS writing 'running on a  DCS-7050QX-32' (no
	// 'Arista Networks' before the model, two spaces): AristaEos.php's
	// '.+ version (.+) running on .+ (\S+)$' gives DCS-7050QX-32 and
	// 4.21.3F-2GB.
	"arista-running-on-a": {"arista-eos", "Arista Networks", "DCS-7050QX-32", "JPE15210ABC", "EOS", "4.21.3F-2GB", "switch"},
	// Checked and right: 64-bit IOS XR on an ASR 9010 without the rack row
	// ('Cisco IOS XR Software (ASR9K), Version 7.5.2' and CR LF): Iosxr.php's
	// second pattern, the parenthesis whole and the release to the first
	// space (not the line break and the copyright after it).
	"iosxr-asr9k-64bit": {"cisco-ios-xr", "Cisco", "ASR9K", "", "IOS-XR", "7.5.2", "router"},
	// Checked and right: a Catalyst 9300 stack whose members sit in
	// 'Switch N' containers under the stack row (the chassis at 1001 and
	// 2001, a power supply under switch 1): Cisco.php states row 1001's
	// model for a row 1 that says stack (C9300-48P), getMainSerial
	// entPhysicalSerialNum.1001 (row 1 has none), and the sysDescr's
	// bracketed form's image and release (row 1 has no release).
	"iosxe-c9300-switch1-container": {"cisco-ios-xe", "Cisco", "C9300-48P", "FOC2345X0AB", "IOS-XE", "CAT9K_IOSXE 17.6.5", "switch"},
	// Checked and right: a Catalyst 6509-E with a Supervisor 720 and line
	// cards whose module rows carry the release: Cisco.php reads only row
	// 1 (WS-C6509-E, its serial; no release there, so the sysDescr's),
	// never a supervisor's or line card's row.
	"ios-6509-sup720-linecards": {"cisco-ios", "Cisco", "WS-C6509-E", "SMG1234A0BC", "IOS", "12.2(33)SXJ10", "switch"},
	// Checked and right: a Nexus 5548 in a vPC domain with two FEX chassis
	// rows (N2K-C2248TP-1GE): the definition nxos's fixed rows, name 149,
	// serial 10 (the vPC fabric row, the chassis's serial), release 22;
	// no FEX row's values.
	"nxos-5548-fex": {"cisco-nx-os", "Cisco", "Nexus5548 Chassis", "SSI17450ABC", "NX-OS", "7.3(8)N1(1)", "switch"},
	// A Catalyst 6807-XL on a Supervisor 6T (image s6t64, CISCO-PRODUCTS-MIB
	// ciscoC6807xl): Cisco.php's row 1 (C6807-XL, its serial) and the
	// sysDescr's release; a switch by its chassis product ID, which has
	// no WS- before it (before: router).
	"ios-6807xl-sup6t": {"cisco-ios", "Cisco", "C6807-XL", "SMT2101A0BC", "IOS", "15.5(1)SY10", "switch"},
	// A Catalyst 6880-X answering no ENTITY-MIB: the registration's
	// product (ciscoC6880x) and a switch by its image name c6880x
	// (before: router).
	// fq116: was "C6880x"; now "ciscoC6880x", the CISCO-PRODUCTS-MIB label
	// Cisco.php (ios) translates the sysObjectID to where ENTITY names
	// nothing.
	"ios-6880x-image-only": {"cisco-ios", "Cisco", "ciscoC6880x", "", "IOS", "15.5(1)SY10", "switch"},
	// A Junos virtual chassis answering net-snmp's registration (the
	// definition junos detects it by 'kernel JUNOS'), without
	// jnxBoxSerialNo.0: juniper-junos-sysdescr reads the member table as
	// juniper-junos does, the master member's serial (role master(1)), not
	// member 0's, a line card's, which it stated before.
	"junos-netsnmp-arc-vc-master": {"juniper-junos-sysdescr", "Juniper Networks", "EX4300-48T", "PE3720AB0666", "Junos", "21.4R3-S5.4", "switch"},
}

func TestVariants23Fixtures(t *testing.T) { checkFixtures(t, variants23FixtureDir, variants23Cases) }
