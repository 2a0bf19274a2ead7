package fingerprints

import (
	"testing"
)

// variantsSwitchingBFixtureDir holds small walks written from the vendor
// MIBs for the variants of the mid-size switching families (stacks, router
// images, chassis and router families, old and new firmware): model, serial
// and version read from each vendor's own objects.
const variantsSwitchingBFixtureDir = "testdata/fixtures/variants-switching-b"

// variantsSwitchingBCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var variantsSwitchingBCases = map[string]want{
	// FastIron/ICX: a stack on a router image writes 'Stacking System'
	// before the product and ' Router' after it; the stack's chassis
	// scalar is empty, so the first unit's snChasUnitSerNum. Was
	// "ICX7150-48P", the sysDescr's product; now Ironware.php's name for
	// the registration snFastIronStackICX7150Router ('Ruckus ICX 7150 Stack
	// Router', the maker's name left to the vendor field), as the
	// definition ironware reads the hardware (fq79).
	"ruckus-icx-stack-router": {"brocade-fastiron", "Ruckus", "ICX 7150 Stack Router", "FEK3219P07C", "FastIron", "08.0.95hT213", "switch"},
	// A chassis family whose product has spaces. Was "FastIron SX 800",
	// the sysDescr's product; now Ironware.php's name for the registration
	// snFastIronSuperX800Switch, as the definition ironware reads the
	// hardware (fq79).
	"brocade-fastiron-sx": {"brocade-fastiron", "Brocade", "FastIron SuperX 800 Switch", "CH21083A1B", "FastIron", "08.0.01kT3e3", "switch"},
	// NetIron CER: the sysDescr names the family, the registration the product.
	"brocade-netiron-cer": {"brocade-fastiron", "Brocade", "NetIron CER 2024C", "BVW3842K01R", "FastIron", "5.8.0cT183", "router"},
	// TP-Link JetStream on the first TPLINK-SYSINFO-MIB revision, whose
	// .8 is tpSysInfoUpTime (a TimeStamp), not the later revision's
	// tpSysInfoSerialNum: no serial.
	"tplink-jetstream-old-sysinfo": {"tplink", "TP-Link", "T2600G-28TS 1.0", "", "", "1.0.2 Build 20140421 Rel.45106", "switch"}, // jetstream reads tpSysInfoHwVersion.0 whole (fpU)
	// An Omada switch whose tpSysInfoHwVersion keeps TL- in the product.
	"tplink-omada-tl": {"tplink", "TP-Link", "TL-SG3428MP 2.0", "22171F2000456", "", "2.0.8 Build 20220524 Rel.51544", "switch"}, // jetstream reads tpSysInfoHwVersion.0 whole (fpU)
	// OmniSwitch on AOS 5, whose sysDescr writes the product out.
	"ale-omniswitch-aos5": {"ale-omniswitch", "Alcatel-Lucent Enterprise", "OS7800", "E2341187", "AOS", "5.1.6.R03", "switch"},
	// MLNX-OS on SwitchX writes SX_ before the release: all after SWvSX,
	// as the definition (mellanox: 'SWv(SX)?(?<version>.*)') reads it,
	// the underscore kept (was the release alone).
	"mellanox-sx6036-mlnxos": {"mellanox-onyx", "Mellanox", "SX6036", "MT1425X01234", "MLNX-OS", "_3.4.3002", "switch"},
	// An x86 build ('SWvX86_64 3.6.8010'): the architecture and the
	// release, as the definition's pattern gives them.
	"mellanox-x86-swv": {"mellanox-onyx", "Mellanox", "MSN2100", "", "Onyx", "X86_64 3.6.8010", "switch"},
	// SONiC: the HwSku's product without the maker's name and port layout.
	"sonic-mellanox-hwsku": {"sonic", "Mellanox", "SN2700", "", "SONiC", "202205.12", "switch"},
	"sonic-dell-hwsku":     {"sonic", "Dell", "S5248F", "", "SONiC", "4.1.0-Enterprise_Standard", "switch"},
	// SwitchBlade x8100: the registration's product and the controller
	// card's serial, where rscBoardTable's first row is a line card.
	"allied-sbx8112": {"allied-telesis", "Allied Telesis", "AT-SBx8112", "A045201163200087", "AlliedWare Plus", "5.4.9-2.5", "switch"},
	// A DES-1210 smart switch: firmware and serial under its registration.
	"dlink-des1210-me": {"dlink", "D-Link", "DES-1210-10/ME", "QBAC1D3000123", "", "6.11.B024", "switch"},
	// A VDX whose sysDescr names no product: the registration
	// (BROCADE-PRODUCTS-MIB vdx6740) as the VDX sysDescr writes it.
	// The release swFirmwareVersion.0 whole, as the definition (nos) reads
	// it on this registration (fq12; was without its 'v').
	"brocade-vdx-registration": {"brocade-nos", "Brocade", "VDX6740", "", "Network OS", "v7.2.0a", "switch"},
	// FastIron 10 writes RUCKUS in capitals and FastIron where IronWare
	// stood.
	"ruckus-icx8200-fastiron10": {"brocade-fastiron", "Ruckus", "ICX8200-24P", "FNT4521T0ZK", "FastIron", "10.0.10aT225", "switch"},
	// Agents on another sysObjectID than their maker's: Onyx on
	// net-snmp's, an ICX answering zeroDotZero; the sysDescr shapes decide.
	"mellanox-onyx-netsnmp":  {"mellanox-onyx", "Mellanox", "MSN2410", "MT2012K04417", "Onyx", "3.9.3124", "switch"},
	"ruckus-icx-zerodotzero": {"brocade-ironware-sysdescr", "Ruckus", "ICX7250-24P", "DUK3318L00Q", "FastIron", "08.0.92bT213", "switch"},
	// D-Link's image table alone: the first image's release without the
	// "Build " the agent writes before it.
	"dlink-dgs3100-multiimage": {"dlink", "D-Link", "DGS-3100-24TG", "", "", "3.60.28", "switch"},
}

func TestVariantsSwitchingBFixtures(t *testing.T) {
	checkFixtures(t, variantsSwitchingBFixtureDir, variantsSwitchingBCases)
}
