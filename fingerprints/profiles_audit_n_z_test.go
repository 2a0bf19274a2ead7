package fingerprints

import (
	"testing"
)

// auditNZFixtureDir holds small walks written from the vendor MIBs and the
// objects the device-support definitions name, for OS families n to z whose
// coverage an earlier session judged from an incomplete copy of those
// definitions: the arcs, sysDescr shapes and objects the full definitions
// give.
const auditNZFixtureDir = "testdata/fixtures/audit-n-z"

// auditNZCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var auditNZCases = map[string]want{
	// Extreme SLX-OS, detected as the definition (slxos) detects it: 'SLX
	// Operating System' in the sysDescr on Extreme's product arc (1916.2)
	// or Brocade's (1588.3.3.1); the release the sysDescr states, the
	// hardware ENTITY-MIB's entPhysicalName.1 names, entPhysicalSerialNum.1.
	"extreme-slxos":              {"brocade-nos", "Extreme Networks", "SLX9150-48Y", "EXG3311V00K", "SLX-OS", "20.2.3c", "switch"},
	"brocade-slxos-registration": {"brocade-nos", "Brocade", "BR-SLX9850-4", "EXH2843K01C", "SLX-OS", "17r.1.01b", "switch"},
	// Isilon OneFS on FreeBSD's net-snmp arc, detected by its sysDescr as
	// the definition (onefs) detects it: ISILON-MIB chassisTable's model
	// and serial, the release the sysDescr states.
	// (chassisModel.1 whole, as the definition reads the hardware: fq14;
	// was X410.)
	"isilon-onefs-netsnmp": {"isilon-onefs", "Dell EMC", "X410-4U-Dual-256GB-2x1GE-2x40GE SFP+-60TB-1600GB SSD", "SX410-301604-0317", "OneFS", "9.1.0.0", "storage"},
	// SmartAX by its registration alone (ma5608T, 2011.2.248) where the
	// sysDescr names nothing: ENTITY-MIB entPhysicalDescr.36 before its
	// comma, HUAWEI-DEVICE-MIB hwBackplanePhySerialNum.0 and
	// hwSysVersionVrcb.0, as the definition (smartax) reads them.
	"huawei-smartax-registration": {"huawei-smartax", "Huawei", "MA5608T", "021LPF10K3001234", "SmartAX", "V800R018C10", "switch"},
	// ProxySG on another registration, detected by 'SGOS' in the sysDescr
	// as the definition (sgos) detects it: BLUECOAT-SG-PROXY-MIB
	// sgProxyVersion and sgProxySerialNumber, the product the sysDescr
	// names.
	// sgProxyVersion whole, as sgos reads it (fq12; was the release alone).
	"bluecoat-sgos-descr": {"bluecoat-proxysg", "Symantec", "ASG-S400", "4416251234", "SGOS", "Version: SGOS 6.7.5.3 Proxy Edition", "appliance"},
	// EXOS by its registration under extremeProducts (1916.2) alone, as the
	// definition (xos) detects it: the hardware in brackets and the
	// release before the build, EXTREME-SYSTEM-MIB extremeSystemID.
	"extreme-xos-registration": {"extreme-exos", "Extreme Networks", "X440G2-48p-10G4", "1834N-41234", "EXOS", "30.7.1.1", "switch"},
	// VRP on zeroDotZero, by the sysDescr the definition (vrp) detects on
	// any sysObjectID: the model, version and hwDeviceEsn; the version
	// "Version x (release)" as Vrp.php builds it (was the release alone
	// before fpL).
	"huawei-vrp-other-arc": {"huawei-vrp", "Huawei", "S5720-28X-PWR-SI-AC", "2102353168DMJ8001234", "VRP", "5.170 (V200R011C10SPC600)", "switch"},
	// SNR on 40418.8.67, which the definition (snr) takes with 40418.7:
	// NAG-MIB sysHardwareVersion.0 and sysSoftwareVersion.0.
	// fq95: version was 7.2.1.12, now SNR-S300G-24FX_7.2.1.12: the
	// definition (snr, librenms main's newest stored snr.yaml) states
	// sysSoftwareVersion whole, no '<word>_' prefix cut.
	"snr-registration-8": {"snr", "NAG", "SNR-S300G-24FX", "", "", "SNR-S300G-24FX_7.2.1.12", "switch"},
	// Windows' SNMP service on zeroDotZero, by its sysDescr as the
	// definition (windows) detects it: the build's release and version,
	// and the processor's machine class (zeroDotZero registers no product).
	// No release: Windows.php names one only on 311.1.1.3.1.1/.2/.3 (fpR).
	"windows-other-arc": {"windows", "", "Intel x64", "", "Windows 10 / Server 2019", "", "server"},
	// Viprinet on net-snmp's arc, by the sysDescr the definition
	// (viprinux) detects: VIPRINET-MIB vpnRouterModel, vpnRouterSerial,
	// vpnRouterFirmware.
	// fq16: vpnRouterModel whole, as the definition (viprinux) reads it.
	"viprinet-netsnmp": {"viprinet", "Viprinet", "2620", "2612001234", "Viprinux", "2019070104", "router"},
	// A WxGoos on Digital Products' registration (901.1), which the
	// definition (wxgoos) takes with IT Watchdogs' 17373: the maker and
	// kind where its agent answers no product group.
	"itwatchdogs-wxgoos-901": {"itwatchdogs-wxgoos", "IT Watchdogs", "", "", "", "", "sensor"},
	// A Papouch TME thermometer on the malformed registration its agent
	// answers (0.9.43.6.1.4.1), by 'TME' in the sysDescr as the definition
	// (papouch-tme) detects it: the product the sysDescr names.
	"papouch-tme": {"papouch", "Papouch", "TME", "", "", "", "sensor"},
}

func TestAuditNZFixtures(t *testing.T) { checkFixtures(t, auditNZFixtureDir, auditNZCases) }
