package fingerprints

import (
	"testing"
)

// common116FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq116's second look at common families
// (Cisco IOS, IOS-XE, NX-OS, AireOS; Dell PowerConnect, iDRAC; HPE iLO;
// VMware ESXi): one walk per definition branch no earlier fixture pinned.
const common116FixtureDir = "testdata/fixtures/common-116"

// common116Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var common116Cases = map[string]want{
	// A Catalyst 3750 stack on its series' registration (catalyst37xxStack,
	// 9.1.516) whose agent answers no ENTITY-MIB: the shared Cisco OS
	// discovery (Shared/Cisco.php, definition ios) ends on the sysObjectID
	// translated through CISCO-PRODUCTS-MIB (snmp_translate -Os), the
	// label as the MIB writes it (before fq116, the image's platform
	// 'C3750').
	"ios-3750-stack-registration-label": {"cisco-ios", "Cisco", "catalyst37xxStack", "", "IOS", "12.2(55)SE12", "switch"},
	// An ASR 1001-X on IOS-XE (definition iosxe, the same Cisco.php) with
	// no ENTITY row: the label 'ciscoASR1001X' (before fq116, the generic
	// registry fallback's display form 'ASR1001X').
	"iosxe-asr1001x-registration-label": {"cisco-ios-xe", "Cisco", "ciscoASR1001X", "", "IOS-XE", "15.5(3)S5", "router"},
	// An NSX Manager on vmwNSXManagerAppliance (6876.4.131), writing
	// uname's Linux line: the definition vmware-esxi's sysObjectID
	// '.1.3.6.1.4.1.6876.4.1', a text prefix as LibreNMS compares it,
	// takes it before linux, and reads VMWARE-SYSTEM-MIB vmwProdVersion.0
	// as the release (new vmware-esx-arc; before, linux-sysdescr's kernel
	// release).
	"vmware-nsx-manager-esx-prefix": {"vmware-esx-arc", "VMware", "Generic x86 64-bit", "", "NSX Manager", "3.2.1.0", "appliance"},
	// An NSX Edge (6876.4.130) answering no VMWARE-SYSTEM-MIB: the
	// definition states no release, and the kernel's is not the
	// product's (no_fill); the OS is the sysDescr's Linux.
	"vmware-nsx-edge-no-prodversion": {"vmware-esx-arc", "VMware", "Generic x86 64-bit", "", "Linux", "", "appliance"},
	// An AireOS 5508 (9.1.1069) answering no ENTITY row: the definition
	// (ciscowlc) states its hardware_mib, the sysObjectID translated
	// through CISCO-PRODUCTS-MIB, 'cisco5500Wlc' (before fq116,
	// AIRESPACE-SWITCHING-MIB's model first); serial and release the
	// controller's inventory, which the definition does not read.
	"wlc-no-entity-registration-label": {"cisco-wlc", "Cisco", "cisco5500Wlc", "FCW1530L0XY", "AireOS", "8.5.182.0", "wireless_controller"},
	// Row 1 without a model name but named by its product: the
	// definition's second hardware object, entPhysicalName.1 (before
	// fq116, not read: agentInventoryMachineModel's 'AIR-CT5520').
	"wlc-row1-name-product": {"cisco-wlc", "Cisco", "AIR-CT5520-K9", "FCH2139V2CD", "AireOS", "8.10.185.0", "wireless_controller"},
}

func TestCommon116Fixtures(t *testing.T) {
	checkFixtures(t, common116FixtureDir, common116Cases)
}
