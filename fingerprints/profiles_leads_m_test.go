package fingerprints

import (
	"testing"
)

// leadsMFixtureDir holds small walks written from the vendor MIBs and
// net-snmp's NET-SNMP-EXTEND-MIB for the power, server and host leads left
// by earlier rounds: which devices each profile catches and which objects
// give its values, as the device-support definitions read them.
const leadsMFixtureDir = "testdata/fixtures/leads-m"

// leadsMCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leadsMCases = map[string]want{
	// A Linux host with HP's Insight agent and the host extends: the
	// "hardware" and "serial" extends replace cpqSiProductName and
	// cpqSiSysSerialNum, as the definition (Shared/Unix.php: ServerHardware,
	// then the extends) reads them; the kernel release stays the version.
	"linux-hp-insight-extends": {"linux-distro", "HPE", "ProLiant DL380 Gen10 Plus", "CZJ0000XYZ", "Enterprise Linux 9", "5.14.0-362.8.1.el9_3.x86_64", "server"},
	// Dell OpenManage's service tag stays the serial before the "serial"
	// extend (Shared/Unix.php asks MIB-Dell-10892's first); the model
	// without the "Dell Inc. " the definition prefixes.
	"linux-dell-openmanage-extends": {"linux-distro", "Dell", "PowerEdge R640", "7XK0QR2", "Debian", "6.1.0-18-amd64", "server"},
	// SuperDoctor 5's board name and serial give way to the extends
	// (the DMI product name and serial), as Shared/Unix.php reads them.
	"linux-supermicro-sd5-extends": {"linux-distro", "Supermicro", "Super Server", "S000123X", "Ubuntu", "5.15.0-91-generic", "server"},
	// A Geist RCM-O PDU (21239.2, sysDescr RCM-O: the definition geist-pdu):
	// GEIST-MIB-V3 productHardware.0 as the hardware, productVersion.0.
	"geist-rcm-o-pdu": {"vertiv-geist", "Vertiv", "RCMO-3P-30A", "", "", "3.1.4", "pdu"},
	// An EPPC card on its own arc (935.10.1): the definition powerwalker's,
	// not netagent2's (which excepts 935.10); the version in its template
	// form "FW: <upsEIdentityUPSFirmwareVerison>, NMC:
	// <upsEIdentityAgentSoftwareVerison>".
	"powerwalker-eppc-card": {"powerwalker-eppc", "PowerWalker", "VFI 1000 CG PF1", "GB20110054321", "", "FW: 06.00, NMC: 3.0.0.2", "ups"},
	// Dell Networking OS 9 answering Dell-Vendor-MIB: the definition (dnos)
	// reads productIdentificationDisplayName, productIdentificationVersion
	// and the first unit's service tag before DELL-NETWORKING-CHASSIS-MIB's
	// objects; the display name whole but for the maker's "Dell " (fq35:
	// the definition reads it whole; was "S4048-ON").
	"dell-dnos-vendor-mib": {"dell-networking-os9", "Dell", "Networking S4048-ON", "4KX0Z42", "Dell Networking OS", "9.14.2.4", "switch"},
	// An ENLOGIC-PDU2-MIB unit (firmware column 14 a d.d.d release): the part
	// number (11) as the hardware, the serial (12) and the firmware whole,
	// as the definition (EnlogicPdu.php) reads them.
	"enlogic-pdu2-part-number": {"enlogic-pdu", "Enlogic", "EN2041-00", "ENL2104000777", "", "V3.2.1", "pdu"},
	// A Dell rack PDU whose rPDUIdentHardwareRevD does not answer: the
	// model number alone, as the definition's template trims it.
	"dell-rpdu-no-hardware-rev": {"dell-rpdu", "Dell", "LD30H", "CN0X7654321098", "", "1.3.1", "pdu"},
}

func TestLeadsMFixtures(t *testing.T) {
	checkFixtures(t, leadsMFixtureDir, leadsMCases)
}
