package fingerprints

import (
	"testing"
)

// anyArcDFixtureDir holds small walks written from the vendor MIBs and the
// objects the device-support definitions name, for families those
// definitions detect another way than our profiles did: another
// registration of the maker's, a registration alone where we wanted an
// object too, a sysDescr or an object on any sysObjectID.
const anyArcDFixtureDir = "testdata/fixtures/any-arc-d"

// anyArcDCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var anyArcDCases = map[string]want{
	// A Vivotek camera on Vivotek's own enterprise (23465), the arc the
	// definition (vivotek) detects it by: the model and firmware its
	// sysDescr names. Before, generic rules (the whole firmware name for
	// the model).
	"vivotek-own-enterprise": {"vivotek", "Vivotek", "FD9187-HT", "", "", "0204c", "camera"},
	// A BiNOS switch on BiNOS's registration (738.1.5.100) whose agent
	// answers none of the product objects, detected by the registration
	// alone as the definition (binos) detects it. Before, generic rules.
	"telco-binos-registration": {"telco-systems-binos", "Telco Systems", "", "", "BiNOS", "", "switch"},
	// An Unleashed master on Unleashed's registration (25053.3.1.5.20)
	// without RUCKUS-UNLEASHED-SYSTEM-MIB, detected by the registration
	// alone as the definition (ruckuswireless-unleashed) detects it.
	// Before, ruckus-wireless: a ZoneDirector named 'Unleashed'.
	"ruckus-unleashed-registration": {"ruckus-unleashed", "Ruckus", "", "", "Unleashed", "", "access_point"},
	// A Socomec rack PDU (4555.2.30), which the definition (socomec)
	// detects as a PDU and reads from SOCOMECPDU-MIB dpduIdent: model,
	// serial, and its version template 'FW <PDU firmware> / SW <agent
	// software>'. Before, socomec-netvision: a UPS with nothing read.
	"socomec-pdu": {"socomec-pdu", "Socomec", "PDU 16A 1P 24", "PD1823000456", "", "FW 1.04 / SW 2.1.3", "pdu"},
	// A Quanta LB6M on Broadcom's FASTPATH arc (4413) whose sysDescr is
	// FASTPATH's banner ('..., FASTPATH Routing, <release>'), one of the
	// sysDescr patterns the definition (quanta) detects there (edgeswitch
	// wants an EdgeSwitch/UniFi sysDescr): the hardware and release from
	// the sysDescr's comma fields. Before, ubiquiti-edgeswitch (Broadcom,
	// the inventory's short model).
	"quanta-fastpath-arc": {"quanta", "Quanta", "LB6M 24x10GE 4x1GE", "QTFCB72345678", "FASTPATH", "1.2.0.18", "switch"},
	// A VigintOS modulator on its registration (27993.5) whose agent
	// answers no host2Version, detected by the registration alone as the
	// definition (vigintos) detects it. Before, generic rules only.
	"vigintos-registration": {"vigintos", "Vigintos Elektronika", "", "", "VigintOS", "", ""},
	// A ZXA10 C320 on ZTE's access-network arc (3902.1082) whose sysDescr
	// names ZXA10 but no C or F product, detected by that arc as the
	// definition (zxa10) detects it: ZXAN and the V release its sysDescr
	// states. Before, zte-zxr10 (a ZXROS switch).
	"zte-zxa10-access-arc": {"zte-zxa10-oid", "ZTE", "", "", "ZXAN", "V2.1.0", "switch"},
	// A Waystream ASR on iBOS's registration (9303.1.1) whose sysDescr
	// names no 'iBOS Version', detected by the registration alone as the
	// definition (ibos) detects it: the ENTITY chassis row. Before,
	// packetfront-drg (PacketFront, a router, no OS).
	"waystream-ibos-registration": {"waystream-ibos", "Waystream", "ASR3224", "WS3224A0123", "iBOS", "6.2.4", "switch"},
	// A SAF IP radio on its registration (7571.100.1.1.5) answering no
	// SAF-IPRADIO product object, detected by the registration alone as
	// the definition (saf) detects it. Before, generic rules only.
	"saf-ipradio-registration": {"saf-cfip", "SAF Tehnika", "", "", "", "", "wireless"},
	// A Smartoptics M-Series on its registration (30826.1) whose sysDescr
	// does not begin with the maker's name, detected by the registration
	// alone as the definition (smartos) detects it: SmartOS and the
	// release the sysDescr states. Before, generic rules only.
	"smartoptics-m-series-registration": {"smartoptics", "Smartoptics", "", "", "SmartOS", "6.1.2", ""},
	// A TimeMachines TM2000A whose agent answers zeroDotZero for its
	// registration, detected as the definition (timemachines, LibreNMS's
	// own repository) detects it on any registration: the board's uname
	// ('Linux am335x-evm') and tmiNTPCount answering. Before,
	// linux-sysdescr. fq34: the kernel's release as the version (was
	// none), as Shared\Unix's discoverOS reads it for the definition
	// (group unix, no os module or class): the sysDescr's first ' N.N'.
	// fq107: model 'Generic ARMv7' (was none): the definition's class,
	// Shared\Unix (group unix, no class of its own), writes the machine
	// class of the uname line's 'armv7l' as the hardware (os_detection
	// a30eebd).
	"timemachines-other-registration": {"timemachines-ntp", "TimeMachines", "Generic ARMv7", "", "Linux", "4.14.40", "appliance"},
	// A Synology DSM on net-snmp's Linux registration answering
	// SYNOLOGY-SYSTEM-MIB systemStatus but neither the model nor the
	// serial object, detected by that object under a Linux uname as the
	// definition (dsm) detects it; no product is named, and the uname's
	// machine class is none. Before, net-snmp-linux's Linux server.
	"synology-dsm-system-status": {"synology-dsm-cmdline", "Synology", "", "", "DSM", "", "storage"},
	// The same whose kernel command line has syno_dyn_module but no
	// syno_hw_version, the definition's other hrSystemInitialLoadParameters
	// test. Before, net-snmp-linux's Linux server.
	"synology-dsm-dyn-module": {"synology-dsm-cmdline", "Synology", "", "", "DSM", "", "storage"},
	// A UPS card on Voltronic Power's registration (43943) answering
	// companyMIB's identity (21111.1.1.1) rather than VOLTRONIC-MIB's:
	// the definition orvaldi-ups detects that registration and reads
	// upsIdModelName, upsIdSerialNumber and upsIdFWVersion (as printed)
	// there. Before, voltronic-ups read nothing.
	"voltronic-company-mib": {"voltronic-ups", "ORVALDI", "KC3000", "83122107100234", "", "VER 02.25", "ups"},
}

func TestAnyArcDFixtures(t *testing.T) {
	checkFixtures(t, anyArcDFixtureDir, anyArcDCases)
}
