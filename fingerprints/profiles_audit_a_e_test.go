package fingerprints

import (
	"testing"
)

// auditAEFixtureDir holds small walks written from the vendor MIBs and the
// detection and field rules of the device-support definitions whose
// "covered" verdicts (OS names a to e) were audited against the full
// definitions: the arcs, sysDescr shapes and objects our profiles missed.
const auditAEFixtureDir = "testdata/fixtures/audit-a-e"

// auditAECases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var auditAECases = map[string]want{
	// ADTRAN AOS: adAOSDeviceVersion where the sysDescr names no release;
	// a NetVanta on another registration by its sysDescr (adtran-aos).
	"adtran-aos-version":    {"adtran", "ADTRAN", "NetVanta 3140", "CFG1402A0731", "AOS", "R13.12.0.E", "router"},
	"adtran-netvanta-descr": {"adtran", "ADTRAN", "NetVanta 1234P", "LBADTN0815CD021", "AOS", "R11.8.1", "switch"},
	// Avocent and Cyclades AlterPath units on another registration, by
	// the sysDescr the definition avocent detects. Since fq45 the Avocent
	// states no serial or release (was 0420551234, 3.7.0.8 from
	// ACS6000-MIB): Avocent.php reads the acsAppliance group only on
	// 10418.16 (and ACS8000-MIB's on 10418.26), not on net-snmp's
	// registration; the model is the sysDescr's.
	"avocent-descr": {"avocent-acs", "Avocent", "ACS6016", "", "Linux", "", "appliance"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 3.3.0-5, not Linux's): an OS is named beside its own release only.
	"cyclades-alterpath-descr": {"cyclades-acs", "Cyclades", "ACS16", "2850612345", "", "3.3.0-5", "appliance"},
	// Datacom DM1200E on Broadcom's FASTPATH arc (datacom), not a
	// Ubiquiti EdgeSwitch.
	"datacom-dm1200e": {"datacom-dmswitch", "Datacom", "DM1200E", "4490123456", "FASTPATH", "4.2.1", "switch"},
	// DASAN NOS on a switch arc the definition names, with a sysDescr
	// that names no NOS release.
	"dasan-nos-arc": {"dasan-nos", "DASAN Zhone", "V5824G", "V5824G1A0023", "NOS", "5.12.3", "switch"},
	// Enterasys on another registration by its sysDescr (enterasys; on
	// Cabletron's 52 the cabletron profile reads the same sysDescr).
	"enterasys-other-arc": {"enterasys-eos", "Extreme Networks", "B5G124-48P2", "", "EOS", "06.61.08.0013", "switch"},
	// An Eaton ATS by its sysDescr (eaton-ats) whose model object is
	// empty: the part number the definition reads.
	"eaton-ats-descr": {"eaton-ats", "Eaton", "EATS16N", "G312K45678", "", "01.12.0003", "power"},
	// A DAP on the access points' arc without the maker's name (dlinkap).
	// Since fpT: the whole sysDescr and the whole firmware value, as
	// Dlinkap.php discoverOS writes hardware and version (no revision
	// object answered here).
	"dlink-dap-arc": {"dlink-dap", "D-Link", "DAP-2590 Wireless N PoE Access Point", "", "", "1.20 10:21:05 03/14/2014", "access_point"},
	// PowerVault MD and ME arrays (dell-powervault): the array's objects,
	// else FCMGMT-MIB's unit.
	"dell-powervault-md": {"dell-powervault", "Dell", "MD3820i", "CN0T3PKD7824532", "", "", "storage"},
	"dell-powervault-me": {"dell-powervault", "Dell", "ME4024", "00C0FF521122", "", "", "storage"},
	// An ATEN PDU by the maker's name in its sysDescr on another
	// registration (atenpdu).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.1.147, not Linux's): an OS is named beside its own release only.
	"aten-pdu-descr": {"aten-pdu", "ATEN", "PE8108G", "", "", "1.1.147", "pdu"},
	// Acano named anywhere in the sysDescr (acano), not only 'Acano Server'.
	"cisco-acano-descr": {"cisco-acano", "Cisco", "", "", "Cisco Meeting Server", "2.9.4", "appliance"},
	// A UFiber OLT on the EdgeMAX arc whose ubntModel names UFiber
	// (edgeosolt); ubntVersion as the device writes it, which that
	// definition reads over its sysDescr pattern.
	"ubiquiti-ufiber-olt": {"ubiquiti-edgeos", "Ubiquiti", "UFiber OLT", "F09FC2A1B2C3", "UFiber", "v4.1.0.5105227.190418.1107", "switch"},
	// APC cards whose agent answers a placeholder registration, by the
	// sysDescr forms the definition apc detects anywhere.
	"apc-ups-descr": {"apc-ups", "APC", "Smart-UPS X 3000", "AS1522231234", "AOS", "AOS v6.9.6 / App v6.9.6", "ups"}, // the model, serial and release as the definition (apc: Apc.php) reads them
	"apc-nmc-descr": {"apc-nmc", "APC", "Embedded PowerNet SNMP Agent", "WA0121005678", "AOS", "2.2", "ups"},         // the model, serial and release as the definition (apc: Apc.php) reads them
}

func TestAuditAEFixtures(t *testing.T) { checkFixtures(t, auditAEFixtureDir, auditAECases) }
