package fingerprints

import (
	"testing"
)

// hosts76FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq76's audit of Windows, VMware and
// non-Linux hosts against the device-support definitions that detect them.
const hosts76FixtureDir = "testdata/fixtures/hosts-76"

// hosts76Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var hosts76Cases = map[string]want{
	// AIX's standard daemon, its sysDescr on lines, IBM-AIX-MIB answering:
	// the definition's class (Aix.php) reads the serial after 'Processor
	// id: ' on line 2 (not aixSeSerialNumber, which it does not read) and
	// the version as line 3's first two numbers ('07.03.0001.0000' ->
	// 7.3); the machine type from IBM-AIX-MIB, the unit's own (the
	// definition names no hardware).
	"aix-snmpd-lines-aix-mib": {"ibm-aix", "IBM", "9105-22A", "00FB12C34C00", "AIX", "7.3", "server"},
	// A Virtual I/O Server the same way (its lines ending in CR LF), on a
	// registration under IBM's 2.3.1 other than 2.3.1.2, which the
	// definition (aix) detects by the prefix '.1.3.6.1.4.1.2.3.1.' (before,
	// no profile of AIX's).
	"vios-snmpd-lines-other-ibm-arc": {"ibm-aix", "IBM", "0x0800004c", "00C9D8E74C00", "AIX", "6.1", "server"},
	// vCenter Server Appliance on VMware's vCSA registration (6876.4.8):
	// the release as the definition (vmware-vcsa: Shared\Unix, no os
	// module) parses the sysDescr, / (\d+\.\d\S*) /, with its patch
	// number (8.0.3.00400), before vmwProdVersion's 8.0.3.
	"vcsa-sysdescr-release-first": {"vmware-vcsa", "VMware", "", "", "vCenter Server", "8.0.3.00400", "appliance"},
	// A Nutanix controller VM (NUTANIX-MIB clusterVersion answering on
	// net-snmp's Linux agent): no definition names Nutanix; linux, which
	// detects the agent, reads the kernel's release from uname's line
	// (Shared\Unix's parse), not the AOS release (6.8.0.5).
	"nutanix-cvm-kernel-release": {"nutanix-aos", "Nutanix", "Generic x86 64-bit", "", "Linux", "5.10.205-2.0.nutanix.20240417.cvm.x86_64", "hypervisor"},
	// Windows Server 2022 with HP's Insight agent: the hardware and serial
	// as the definition's class (Windows.php) reads them, ServerHardware's
	// CPQSINFO-MIB cpqSiProductName.0 and cpqSiSysSerialNum.0 before the
	// processor's class ('AMD x64'); the release its server map names.
	"windows-2022-hp-insight": {"windows-server", "HPE", "ProLiant DL385 Gen10 Plus", "CZLAB00001", "Windows Server 2022", "Server 2022 (21H2)", "server"},
	// A Windows 11 workstation with Supermicro SuperDoctor 5: the
	// baseboard's mbProductName.1 and mbSerialNumber.1 (SUPERMICRO-SD5-MIB),
	// ServerHardware's third agent (the definition writes 'Supermicro '
	// before the product; ours leaves the maker to the vendor field).
	"windows-11-supermicro-sd5": {"windows-workstation", "Supermicro", "X13SAE-F", "ZMLAB0000001", "Windows 11", "11 (23H2)", "workstation"},
}

func TestHosts76Fixtures(t *testing.T) { checkFixtures(t, hosts76FixtureDir, hosts76Cases) }
