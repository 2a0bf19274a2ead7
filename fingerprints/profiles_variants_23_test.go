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
}

func TestVariants23Fixtures(t *testing.T) { checkFixtures(t, variants23FixtureDir, variants23Cases) }
