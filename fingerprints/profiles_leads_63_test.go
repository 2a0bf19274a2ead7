package fingerprints

import (
	"testing"
)

// leads63FixtureDir holds small walks written from Ubiquiti's MIBs and
// IEEE802dot11-MIB for fq63's leads on the Ubiquiti family: which
// device-support definition takes each shape (unifi, airos, edgeos ...)
// and which objects it reads.
const leads63FixtureDir = "testdata/fixtures/leads-63"

// leads63Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads63Cases = map[string]want{
	// A UniFi image (board code BZ) on airOS's agent (10002.1) whose
	// dot11manufacturerProductName is a board code (U7PG2), no 'UAP':
	// the definition unifi's 10002.1 item wants 'UAP' in that walk, so
	// the generic airos takes it, and Airos.php reads the product name
	// and all after the image's '.v' (before fq63: UniFi, v6.5.28.14491,
	// by the image alone).
	"airos-agent-unifi-image-board-name": {"ubiquiti-airos", "Ubiquiti", "U7PG2", "", "airOS", "6.5.28.14491.220201.1234", "access_point"},
	// 'UAP' in a later row, not at the value's start: the definition's
	// snmpwalk condition is 'contains' over every row, so unifi; Unifi.php
	// reads the first row (getnext): its product name and the image's
	// 'v' and four numbers.
	"airos-agent-uap-in-second-row": {"ubiquiti-unifi-airos-agent", "Ubiquiti", "U7MSH", "", "UniFi", "v4.0.80.10875", "access_point"},
	// A gateway's product-code sysDescr ('USG-3P ...') on the EdgeMAX
	// registration 41112.1.5: the definition edgeos takes that
	// registration whatever the sysDescr (fast, ahead of the rest), and
	// its reads are UBNT-EdgeMAX-MIB's: ubntModel, ubntSerialNumber and
	// ubntVersion whole (before fq63: ubiquiti-unifi-gateway-descr's
	// UniFi, USG-3P, the sysDescr's release).
	"edgeos-registration-usg-descr": {"ubiquiti-edgeos", "Ubiquiti", "UniFi-Gateway-3", "7483C2D4E5F6", "EdgeOS", "v4.4.57.5578372.230112.0824", "router"},
	// A uname sysDescr on 41112.1.5: edgeos too, ubntVersion its release
	// (before fq63: linux-sysdescr, Linux with the kernel's release).
	"edgeos-registration-uname": {"ubiquiti-edgeos", "Ubiquiti", "ER-8-XG", "7483C2A7B8C9", "EdgeOS", "v2.0.8", "router"},
	// A UniFi AP answering UBNT-UniFi-MIB with a uname sysDescr on
	// net-snmp's registration: the definition unifi wants a sysDescr
	// naming the AP there, so linux takes it: Shared\Unix's machine class
	// ('aarch64') and kernel release, linux's type (before fq63:
	// ubiquiti-unifi-mib's U6-Pro, UniFi, 6.6.55.15189).
	// owner: access_point (was server, linux's type): the unit answers
	// UBNT-UniFi-MIB's AP table; the type is no measured field.
	"unifi-mib-uname-aarch64": {"ubiquiti-unifi-mib-uname", "Ubiquiti", "Generic ARMv8 64-bit", "", "Linux", "4.4.60", "access_point"},
	// The same on Ubiquiti's registration (linux by '^Linux'), the uname
	// holding no machine word: linux writes no hardware (a field no
	// measure counts), so the unit's own unifiApSystemModel follows; the
	// UniFi release never (not Linux's).
	// owner: access_point (was server, linux's type): the unit answers
	// UBNT-UniFi-MIB's AP table; the type is no measured field.
	"unifi-mib-uname-no-machine-word": {"ubiquiti-unifi-mib-uname", "Ubiquiti", "UAP-nanoHD", "", "Linux", "4.4.153", "access_point"},
	// A UniFi OS console writing the UCG's line ('Ubiquiti UniFi UDM-Pro
	// 4.0.21 Linux ...') on net-snmp's registration: no definition but
	// linux takes it, whose Shared\Unix parse reads the first ' n.n... '
	// (the UniFi OS release) and no machine word; the product code the
	// line names follows as the unit's own (before fq63: net-snmp-linux's
	// Linux, no release).
	// owner: router (was server, linux's type): a UniFi OS gateway, as
	// ubiquiti-unifi-gateway-descr types it; the type is no measured field.
	"unifi-os-console-net-snmp": {"ubiquiti-unifi-os-netsnmp", "Ubiquiti", "UDM-Pro", "", "Linux", "4.0.21", "router"},
	// The same with a machine word ('aarch64'): linux's machine class is
	// the hardware, ahead of the product code.
	// owner: router (was server, linux's type): a UniFi OS gateway, as
	// ubiquiti-unifi-gateway-descr types it; the type is no measured field.
	"unifi-os-console-machine-word": {"ubiquiti-unifi-os-netsnmp", "Ubiquiti", "Generic ARMv8 64-bit", "", "Linux", "4.1.13", "router"},
	// An airFiber LTU's UBNT-AFLTU-MIB on airOS's registration (10002.1):
	// airos-af-ltu wants net-snmp's, so the generic airos takes it; no
	// dot11 object answers (airos states none), so the unit's own
	// afLTUDevModel and afLTUFirmwareVersion follow (before fq63:
	// ubiquiti-airfiber-agent's airFiber, wireless).
	"afltu-airos-registration": {"ubiquiti-airos", "Ubiquiti", "LTU-Rocket", "", "airOS", "v2.1.1", "access_point"},
	// An AF60's UI-AF60-MIB on net-snmp's registration: airos-af60 wants
	// 10002.1 or 41112, so linux takes it: Shared\Unix's machine class and
	// kernel release (before fq63: ubiquiti-airfiber-agent's AF60-LR,
	// airFiber, v2.6.0).
	"af60-net-snmp-registration": {"net-snmp-linux", "", "Generic ARMv7", "", "Linux", "4.9.150", "server"},
	// A sysDescr that is the product code alone ('U7-Pro') on Ubiquiti's
	// registration: the definition unifi's '/^U7/' wants nothing after it,
	// so unifi; with neither UBNT-UniFi-MIB nor dot11 answering, Unifi.php
	// states nothing, and the code the unit writes follows as its own
	// (before fq63: no profile, the vendor and the sysDescr's word only).
	"unifi-bare-product-code": {"ubiquiti-unifi-registration", "Ubiquiti", "U7-Pro", "", "UniFi", "", "access_point"},
	// The same on net-snmp's registration with dot11 answering: Unifi.php's
	// dot11 fallback, the first row's product name and the image's 'v'
	// and four numbers (before fq63: net-snmp-linux's Linux and the whole
	// image name as the release).
	"unifi-bare-product-code-dot11": {"ubiquiti-unifi-registration", "Ubiquiti", "U7NHD", "", "UniFi", "v6.5.62.14789", "access_point"},
}

func TestLeads63Fixtures(t *testing.T) { checkFixtures(t, leads63FixtureDir, leads63Cases) }
