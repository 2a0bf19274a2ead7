package fingerprints

import (
	"testing"
)

// leads46FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for six leads re-read against the
// device-support definitions (fq46).
const leads46FixtureDir = "testdata/fixtures/leads-46"

// leads46Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads46Cases = map[string]want{
	// A vMX (JUNIPER-CHASSIS-DEFINES-MIB jnxProductNameVMX): the
	// sysDescr's 'vmx' upper-cased, as Junos.php reads the hardware
	// ('Juniper Networks, Inc. (?<hardware>\S+) .* kernel JUNOS', then
	// strtoupper), not the registry's display form vMX; jnxBoxSerialNo.0
	// and the sysDescr's kernel JUNOS release.
	"juniper-vmx-descr": {"juniper-junos", "Juniper Networks", "VMX", "VM5F1A2B3C4D", "Junos", "21.4R3.15", "router"},
	// A recorder on net-snmp's registration whose sysDescr is 'Hikvision
	// company products' and which answers no HIKVISION-MIB object: the
	// definition (hikvision-nvr) detects it by that sysDescr alone; its
	// os module's hikEntityType and hikEntityIndex do not answer, so no
	// hardware or serial (before, a Linux host).
	"hikvision-nvr-descr-only": {"hikvision-nvr", "Hikvision", "", "", "Linux", "", "nvr"},
	// A UCM63xx whose host name (the sysDescr's second word) is not its
	// product's: the definition (grandstream-ucm) detects net-snmp's
	// registration with 'Linux UCM63' in the sysDescr only, so this is
	// linux's, Shared\Unix's architecture and kernel release (before,
	// grandstream-ucm by sProductType).
	"grandstream-ucm-renamed-host": {"net-snmp-linux", "", "Generic ARMv7", "", "Linux", "4.4.143", "server"},
	// A Brother printer whose IEEE 1284 device ID (brieee1284id) has a
	// MODEL field and no MDL, and no brmDNSPrinterName: Brother.php reads
	// '/MDL:([^;]+)/' only, so the ID names nothing; the printer's
	// hrDeviceDescr after it, without the maker's name and ' series'
	// (before, 'HL-L2350DW series' from MODEL).
	"brother-1284-model-field": {"brother-printer", "Brother", "HL-L2350DW", "E78123A0N123456", "", "1.04", "printer"},
}

func TestLeads46Fixtures(t *testing.T) { checkFixtures(t, leads46FixtureDir, leads46Cases) }
