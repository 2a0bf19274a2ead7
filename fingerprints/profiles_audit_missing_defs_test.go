package fingerprints

import (
	"testing"
)

// auditMissingDefsFixtureDir holds small walks written from the vendor MIBs
// and the objects the device-support definitions name, for the families
// whose definitions the copy an earlier session audited against lacked (or
// held under another name): the arcs, sysDescr shapes and objects the full
// definitions give.
const auditMissingDefsFixtureDir = "testdata/fixtures/audit-missing-defs"

// auditMissingDefsCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var auditMissingDefsCases = map[string]want{
	// pfSense behind the net-snmp package's agent, FreeBSD's uname naming
	// pfSense only in its kernel's build path and ident: detected by
	// 'pfSense' anywhere in the sysDescr, as the definition (pfsense)
	// detects it; the release the definition's pattern reads there is
	// FreeBSD's (net-snmp-bsd's), the architecture the generic model.
	// The model is the definition's (pfsense) architecture word, 'amd64'
	// (was "Generic x86 64-bit", the fallback's machine class, which
	// Shared\Unix never gives a FreeBSD uname). No release (was FreeBSD's
	// "14.0-CURRENT", an older copy's ' digits.digit ' pattern): the
	// current definition (pfsense, librenms) reads it only after
	// 'pfSense' (and a host name), which a uname line never writes.
	"pfsense-netsnmp-uname": {"pfsense", "Netgate", "amd64", "", "pfSense", "", "firewall"},
	// SonicOS answering sysObjectID 1.0.3.0.6.0.1.0, which the definition
	// (sonicwall) takes beside 8741: SNWL-COMMON-MIB snwlSysModel,
	// snwlSysSerialNumber and snwlSysFirmwareVersion as on 8741.
	"sonicwall-sonicos-zero-arc": {"sonicwall-sonicos", "SonicWall", "TZ 370", "2CB8ED6A1234", "SonicOS", "(Firmware SonicOS 7.0.1-5035-R2007 / ROM 7.0.0.0)", "firewall"}, // the definition (sonicwall) version_template
	// PAN-OS on another registration, known by its sysDescr alone as the
	// definition (panos) detects it ('Palo Alto Networks'):
	// PAN-COMMON-MIB panChassisType, panSysSerialNumber, panSysSwVersion.
	"paloalto-panos-other-arc": {"paloalto-panos", "Palo Alto Networks", "PA-3220", "013201012345", "PAN-OS", "10.1.9-h1", "firewall"},
	// ONTAP on another registration, known by its sysDescr alone as the
	// definition (netapp) detects it ('NetApp'): NETAPP-MIB productModel,
	// productSerialNum, the release the sysDescr states.
	"netapp-ontap-other-arc": {"netapp-ontap", "NetApp", "FAS8200", "721834000123", "ONTAP", "9.8P5", "storage"},
	// VSP 7000 running BOSS on Rapid City's arc (2272), detected by its
	// sysDescr there as the definition (boss) detects it ('Virtual Services
	// Platform 7024XLS'): the hardware compacted as Boss.php writes it
	// (VSP-7024XLS), the release after SW:, S5-CHASSIS-MIB s5ChasSerNum.
	"avaya-boss-vsp7000": {"avaya-boss", "Avaya", "VSP-7024XLS", "14JP51A0AB", "BOSS", "10.3.1.010", "switch"},
	// The same line on the S5 registration arc (45): the model as above,
	// where before none was read.
	"avaya-boss-vsp7000-s5": {"avaya-boss", "Avaya", "VSP-7024XT", "14JP51C0CD", "BOSS", "10.3.2.015", "switch"},
}

func TestAuditMissingDefsFixtures(t *testing.T) {
	checkFixtures(t, auditMissingDefsFixtureDir, auditMissingDefsCases)
}
