package fingerprints

import (
	"testing"
)

// anyArcBFixtureDir holds small walks written from the vendor MIBs and the
// objects the device-support definitions name, for families those
// definitions detect by more than the maker's sysObjectID arcs our
// profiles admitted: a sysDescr on any registration, another registration
// of the same OS.
const anyArcBFixtureDir = "testdata/fixtures/any-arc-b"

// anyArcBCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var anyArcBCases = map[string]want{
	// AIX on net-snmp's AIX registration (8072.3.2.15), which the
	// definition (aix) detects beside IBM's: IBM-AIX-MIB's machine type
	// and serial without 'IBM,', the release uname's line gives (3 7 ->
	// 7.3). Before, net-snmp-other-unix (no vendor, the machine ID for the
	// serial, no model).
	// fq76: the serial was IBM-AIX-MIB's aixSeSerialNumber (0278A1B2C); it
	// is now the machine ID uname's line ends in (00FA12B34C00), the fifth
	// word the definition's class (Aix.php) reads as the serial on
	// net-snmp's one-line sysDescr; it reads no IBM-AIX-MIB object.
	"aix-net-snmp-aix-mib": {"ibm-aix", "IBM", "9009-42A", "00FA12B34C00", "AIX", "7.3", "server"},
	// An IBM NOS switch on net-snmp's Linux registration, known by its
	// sysDescr ('Flex System Fabric') as the definition (ibmnos) detects
	// it on any sysObjectID: the product after the OS's words as its
	// hardware, the chassis row's release and serial. Before,
	// net-snmp-linux (Linux server).
	"ibmnos-flex-netsnmp": {"lenovo-enos", "IBM", "EN4093R 10Gb Scalable Switch", "Y250VT47P012", "ENOS", "8.4.11.0", "switch"},
	// A G8264CS: agSoftwareVersion of its MIB and hardwareSerialNumber
	// (G8264T-MIB's, 20301.100.100.14.9) ahead of the chassis row, the
	// definition's (ibmnos) order; the sysDescr's product as the hardware.
	"ibmnos-g8264cs-mib": {"lenovo-enos", "IBM", "RackSwitch G8264CS", "Y010CM34R012", "ENOS", "7.8.3.0", "switch"},
	// A Lantronix SLC on its registration (244.1.1) whose agent answers
	// no slcSystem object: the definition (lantronix-slc) detects the
	// registration alone. Before, generic rules only (no profile, no kind).
	"lantronix-slc-registration": {"lantronix-slc", "Lantronix", "", "", "", "", "appliance"},
	// A SmartAX access node on zeroDotZero, known by its sysDescr as the
	// definition (smartax) detects it on any sysObjectID: the product
	// ENTITY's descr.36 names, the backplane serial, hwSysVersionVrcb, as
	// on Huawei's registration. Before, generic rules only.
	"huawei-smartax-zerodotzero": {"huawei-smartax", "Huawei", "MA5800-X7", "2102113345P0K6000123", "SmartAX", "V100R019C10", "switch"},
	// A switch on the unregistered enterprise number 12345, which the
	// definition (fs-switch) takes as FS's: the model and release its
	// sysDescr states, as on FS's own registration. Before, generic rules
	// only.
	"fs-com-12345": {"fs-com", "FS", "S3400-24T4FP", "", "", "2.0.2J", "switch"},
	// An MSM access point whose sysDescr states product, serial and
	// firmware: read from it first, as the definition (hpmsm) reads its
	// hardware, serial and version (before, the MIB's product name, 'HP
	// MSM460 Dual Radio 802.11n AP (WW)', and its firmware without the
	// build).
	"hpe-msm-sysdescr-serial": {"hpe-msm", "HPE", "MSM460", "CN24BCD099", "MSM", "6.6.2.0-25117", "access_point"},
	// A Virtual Connect module: the hardware between 'HP VC ' and
	// 'Module', as the definition (hpvc) takes it (before, 'VC
	// FlexFabric-20/40 F8 Module').
	"hpe-virtual-connect-flexfabric": {"hpe-virtual-connect", "HPE", "FlexFabric-20/40 F8", "3C4321WXYZ", "Virtual Connect", "4.62", "switch"},
	// A Hirschmann Classic switch answering hmPNIOSoftwareRelease but no
	// hmPNIOOrderID: that release before hmSysVersion, the base unit's
	// hmSysGroupDescription before the sysDescr's product, the
	// definition's (hirschmann) order (before, 09.1.00 from hmSysVersion
	// and RS20 from the sysDescr).
	"hirschmann-classic-pnio-release": {"hirschmann-classic", "Hirschmann", "RS20-0800M2M2SDAE", "943434011000067890", "Classic", "09.1.02", "switch"},
	// A D-Link switch answering EQUIPMENT-MIB's unit serial and an ENTITY
	// chassis row with another: the unit's, as the definition (dlink)
	// reads swUnitMgmtSerialNumber.1 and no ENTITY row (before, the
	// chassis row's).
	"dlink-equipment-serial": {"dlink", "D-Link", "DGS-3630-28TC", "R3FG1D1000999", "", "2.50.020", "switch"},
	// A ScreenOS firewall whose product is two words: all of what comes
	// before ' version', as the definition (screenos) reads the hardware
	// (before, NetScreen-ISG).
	"screenos-isg-hardware": {"juniper-screenos", "Juniper Networks", "NetScreen-ISG 2000", "0079052006000123", "ScreenOS", "6.2.0r12.0", "firewall"},
	// An Eaton ConnectUPS card on XUPS-MIB's registration (534.1 with its
	// 'ConnectUPS Web/SNMP Card' sysDescr, as the definition eatonups
	// detects it): the serial from upsIdentName's 'ID: ...' and
	// xupsIdentSoftwareVersion whole, as that definition reads them
	// (before, xupsIdentSerialNumber and the release without 'INV: ').
	"eaton-connectups-card": {"eaton-xups", "Eaton", "9130 3000", "GA123A0456", "", "INV: 0.31.0069", "ups"},
	// The same on 534.2, which eatonups takes whatever the sysDescr says.
	"eaton-xups-registration-534-2": {"eaton-xups", "Eaton", "9PX 3000i RT 2U", "RA321B0789", "", "INV: 02.14.0026", "ups"},
	// An Eaton card on MGE's registration (705.1) that answers XUPS-MIB
	// too: MG-SNMP-UPS-MIB's family and model joined, serial and
	// firmware, as the definition eaton-mgeups reads them on 705.1
	// (before, eaton-xups: xupsIdentModel, '93PM 50').
	"eaton-mge-with-xups": {"eaton-mge", "Eaton", "93PM 50000", "GD452XXA11", "", "3.10.0021", "ups"},
}

func TestAnyArcBFixtures(t *testing.T) {
	checkFixtures(t, anyArcBFixtureDir, anyArcBCases)
}
