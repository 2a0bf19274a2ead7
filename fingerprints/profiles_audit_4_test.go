package fingerprints

import (
	"testing"
)

// audit4FixtureDir holds small walks written from the vendor MIBs for the
// second value audit (part 1) of profiles against the device-support
// definitions: the objects each value comes from, their order and form.
const audit4FixtureDir = "testdata/fixtures/audit-4"

// audit4Cases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var audit4Cases = map[string]want{
	// An OSA 5422 whose first ENTITY row gives a hardware revision: the
	// name and the revision joined by one space, as the definition
	// (adva-osa) templates its hardware.
	"adva-osa-hardware-rev": {"adva-osa", "ADVA", "OSA 5422 B2", "OQ2150A00456", "", "13.1.1", "appliance"},
	// An OmniAccess AOS-W controller: the serial Arubaos.php reads
	// (WLSX-SWITCH-MIB wlsxSwitchLicenseSerialNumber.0); before, none.
	"ale-aos-w-license-serial": {"ale-aos-w", "Alcatel-Lucent Enterprise", "OAW-4750XM", "CNKZ0123AB", "AOS-W", "8.10.0.12", "wireless_controller"},
	// A TDCM/EDFA shelf answering ALPINE-TDCM-EDFA-MIB's slot table: the
	// two cards' serials and firmware in the definition's
	// (alpineoe-tdcmedfa) templates, over the sysDescr's; the model stays
	// the sysDescr's platform (its hardware template is two hardware
	// versions, no product).
	"alpineoe-tdcmedfa-slots": {"alpineoe-tdcmedfa", "Alpine OptoElectronics", "MSM-TE-1U", "TDCM : TD2104011 - EDFA : ED2104012", "", "[TDCM 3.0.4 - EDFA 2.2.7]", "appliance"},
	// A BreezeACCESS VL unit: brzaccVLRunningSoftwareVersion.0
	// (ALVARION-DOT11-WLAN-MIB) over the sysDescr's release, as the
	// definition (breeze) reads it.
	"alvarion-breeze-running-version": {"alvarion-breeze", "Alvarion", "BreezeACCESS VL", "", "", "6.6.2", "wireless"},
	// An InfraStruxure modular PDU read as Apc.php reads every PowerNet
	// family: the model joined to the monitor card's hardware revision,
	// 'AOS x / App y' from the card's firmware table.
	"apc-isx-modular-pdu-aos": {"apc-isx-modular-pdu", "APC", "PDPM277H 05", "PD0917001235", "AOS", "AOS v6.1.1 / App v6.1.3", "pdu"},
	// A FlexStor II answering all three firmware objects of BDTMIB: the
	// definition's (bdt-flexstor) 'FW: x Robotic FW: y Bootcode: z'.
	"bdt-flexstor-firmwares": {"bdt-flexstor", "BDT", "FlexStor II 4U", "DE91200456", "", "FW: 6.42 Robotic FW: 1.07 Bootcode: 2.01", "storage"},
	// A Hyperion switch whose first ENTITY row differs from the sysDescr:
	// entPhysicalSerialNum.1 and entPhysicalSoftwareRev.1 win, as the
	// definition (hyperion) reads them after its sysDescr pattern.
	"bitstream-hyperion-entity-row": {"bitstream-hyperion", "Bitstream", "MSM-4T12", "HY21050100", "", "3.3.2", "switch"},
	// An FXOS supervisor on its CISCO-PRODUCTS-MIB registration
	// (ciscoFpr9300K9): the registration as the hardware (the definition
	// fxos's hardware_mib, in the registry's form) and
	// entPhysicalSerialNum.10, not the chassis row's. fq98: model
	// Fpr9300K9 -> ciscoFpr9300K9, the label as CISCO-PRODUCTS-MIB writes
	// it, as hardware_mib (and Fxos.php's -Os translation) states it, not
	// the product registry's display form.
	"cisco-fxos-registration": {"cisco-fxos", "Cisco", "ciscoFpr9300K9", "JAD21450XYZ", "FXOS", "2.12(0.498)", "firewall"},
	// An ISE appliance whose first ENTITY row gives a hardware revision:
	// '<model> rev <revision>', the definition's (ise) template, and the
	// row's software revision as the release.
	"cisco-ise-hardware-rev": {"cisco-ise", "Cisco", "SNS-3655-K9 rev A0", "WZP23060K2M", "ISE", "3.2.0.542", "server"},
	// A Prime Infrastructure appliance whose entPhysicalSoftwareRev.1
	// starts 'Cisco ADE-OS ': the rest, as the definition
	// (primeinfrastructure) cuts it; before, the whole text.
	"cisco-prime-infrastructure-ade-os": {"cisco-prime-infrastructure", "Cisco", "PI-UCS-APL-K9", "FCH2231V0LS", "Prime Infrastructure", "3.10.0.0.172", "server"},
}

func TestAudit4Fixtures(t *testing.T) {
	checkFixtures(t, audit4FixtureDir, audit4Cases)
}
