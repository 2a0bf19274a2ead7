package fingerprints

import (
	"testing"
)

// valueFormsFixtureDir holds small walks written from the vendor MIBs for
// the review of the value forms the biggest families' profiles give
// (model, serial, os_version) against the forms the device-support
// definitions give for each of the family's variants.
const valueFormsFixtureDir = "testdata/fixtures/value-forms"

// valueFormsCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var valueFormsCases = map[string]want{
	// A Nexus 7009 whose first supervisor slot (row 22) is empty: the
	// objects the definition (nxos) reads, the release of row 24 (the
	// second supervisor), the hardware as the name of row 149 (the
	// chassis's name, not its product number N7K-C7009), the serial of
	// row 10.
	"nxos-n7k-supervisor-slot2": {"cisco-nx-os", "Cisco", "Nexus7000 C7009 (9 Slot) Chassis", "JAF1712ABCD", "NX-OS", "8.4(7)", "switch"},
	// An ISR 4331 on IOS-XE 16, its release train bracketed in the
	// sysDescr, its chassis row without a release: the image and the
	// release, as the shared Cisco OS discovery (iosxe) writes that form.
	"iosxe-isr4331-bracketed-train": {"cisco-ios-xe", "Cisco", "ISR4331/K9", "FDO21120ABC", "IOS-XE", "X86_64_LINUX_IOSD-UNIVERSALK9-M 16.12.4", "router"},
	// An IE3400, whose IOS-XE 17 image names no IOS-XE token (cisco-ios's
	// registration alternative): the same form, as the same discovery
	// (ios) writes it.
	"ios-ie3400-bracketed-train": {"cisco-ios", "Cisco", "IE-3400-8P2S", "FDO2305X0AB", "IOS", "IE3x00-UNIVERSALK9-M 17.3.1", "switch"},
	// Windows clients (311.1.1.3.1.1): the release the definition
	// (windows) names from the build: 7601 '7 SP1 (NT 6.1)'; 9200 with
	// version 6.3 '8.1 (NT 6.3)'; a build past 22000 it does not list
	// (26200) '11 Insider (NT 6.3)'. The OS the same release: Windows 8.1
	// (was Windows 8, the build's other release; fq25).
	"windows-7-sp1-client":      {"windows-workstation", "", "Intel x64", "", "Windows 7", "7 SP1 (NT 6.1)", "workstation"},
	"windows-81-build-9200":     {"windows-workstation", "", "Intel x64", "", "Windows 8.1", "8.1 (NT 6.3)", "workstation"},
	"windows-11-unlisted-build": {"windows-workstation", "", "Intel x64", "", "Windows 11", "11 Insider (NT 6.3)", "workstation"},
	// A datacenter registration (311.1.1.3.1.3): the datacenter's release
	// for the build (20348).
	"windows-2022-datacenter": {"windows-server", "", "AMD x64", "", "Windows Server 2022", "Server 2022 Datacenter (21H2)", "server"},
	// A server build the definition does not list (25398, Server 23H2):
	// no release, not the kernel version and build another profile reads.
	"windows-server-unlisted-build": {"windows-server", "", "Intel x64", "", "Windows Server 23H2", "", "server"},
	// An Arista switch whose ENTITY chassis row writes the orderable SKU
	// (an airflow suffix): the last word of the sysDescr after 'running
	// on', as the definition (arista_eos) reads the hardware.
	"arista-eos-descr-hardware": {"arista-eos", "Arista Networks", "DCS-7050SX3-48YC8", "JPE21012345", "EOS", "4.28.3M", "switch"},
	// A ProCurve switch whose sysDescr puts the word Switch between the
	// product number and the name: all before ', revision' without the
	// word (J4903A 2824), as the definition (procurve) reads the hardware;
	// NETSWITCH-MIB hpSwitchOsVersion for the release.
	"hp-procurve-switch-word": {"hp-procurve", "HPE", "J4903A 2824", "SG449SU0AB", "ProCurve", "I.10.77", "switch"},
	// A FortiGate VM on VMware: entPhysicalModelName.1 'FGT_VM64' with
	// the definition's (fortigate) replacements ('FortiGate VM'),
	// fgSysVersion whole, entPhysicalSerialNum.1.
	"fortigate-vm64-vmware": {"fortinet-fortigate", "Fortinet", "FortiGate VM", "FGVM04TM22001234", "FortiOS", "v7.2.7,build1577,240131 (GA.M)", "firewall"},
	// A Smart-UPS on an NMC3: the model joined to the UPS's firmware
	// revision, upsAdvIdentSerialNumber, and the card's firmware table as
	// "AOS <row 1> / App <row 2>", as the definition (apc: Apc.php) reads
	// them.
	"apc-smart-ups-nmc3": {"apc-ups", "APC", "Smart-UPS 2200 UPS 09.3 (ID18)", "AS1921212345", "AOS", "AOS v2.2.1.1 / App v2.2.1.1", "ups"},
	// A SonicWall firewall on 8741.1: snwlSysFirmwareVersion and
	// snwlSysROMVersion in the definition's (sonicwall) version_template.
	"sonicwall-firmware-rom": {"sonicwall-sonicos", "SonicWall", "TZ 570", "2CB8ED7B5678", "SonicOS", "(Firmware SonicOS 7.0.1-5145-R5175 / ROM 7.0.0.0)", "firewall"},
	// A Synology NAS whose version names an update: the first word after
	// 'DSM', as the definition (dsm) reads it.
	"synology-dsm-update": {"synology-dsm", "Synology", "DS1522+", "2260R9A012345", "DSM", "7.2.1-69057", "storage"},
	// An S4810 whose sysDescr names Force10's OS (the definition ftos):
	// the release by its sysDescr pattern, the leading dotted number
	// (9.7 of "9.7(0.0P5)").
	"dell-force10-os9-release": {"dell-networking-os9", "Dell", "S4810", "HADL131420123", "Dell Networking OS", "9.7", "switch"},
	// An airOS radio: dot11manufacturerProductVersion after the first
	// '.v', build and date included, as the definition (airos) reads it.
	"ubiquiti-airos-build": {"ubiquiti-airos", "Ubiquiti", "LiteBeam 5AC Gen2", "", "airOS", "8.7.11.46972.220614.0419", "access_point"},
}

func TestValueFormsFixtures(t *testing.T) {
	checkFixtures(t, valueFormsFixtureDir, valueFormsCases)
}
