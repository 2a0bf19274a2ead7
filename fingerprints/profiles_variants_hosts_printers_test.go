package fingerprints

import (
	"testing"
)

// hostsPrintersFixtureDir holds small walks written from the vendor MIBs for the
// variants of the biggest families (hosts, storage, power, printers):
// each fixture is one variant's shape that a profile read partly or not
// at all before.
const hostsPrintersFixtureDir = "testdata/fixtures/variants-hosts-printers"

// hostsPrintersCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var hostsPrintersCases = map[string]want{
	// A clustered ONTAP cluster's management address: no productModel or
	// productSerialNum, the first node's nodeModel and nodeSerialNumber.
	"netapp-ontap-cluster": {"netapp-ontap", "NetApp", "FAS8200", "721800001234", "ONTAP", "9.8P6", "storage"},
	// An HP Color Laser built on Samsung's firmware, under Samsung's arc:
	// HP's printer, not Samsung's, the model without HP's name.
	"samsung-printer-hp": {"samsung-printer", "HP", "Color Laser MFP 178 179", "CNB1R12345", "", "3.82.01.19", "printer"},
	// Printers' sysDescr variants, shapes as Rapid7 Recog documents them:
	// Ricoh's firmware written 'v1.05', and an agent stating none;
	// Lexmark's older 'Optra T612  Version 5.20.4' (before: 'Optra', the
	// line alone); Brother's model before a comma (before: 'NC-3100h,Firmware');
	// Canon's LASER CLASS by number (before: none); Xerox's DocuColor with
	// a Fiery controller (before: '... with EFI Fiery Controller', the
	// scanner's release), wide-format printers in capitals and the Phaser
	// 6200's parenthesised releases on Xerox's own arc (before: no model).
	"ricoh-printer-v-firmware":  {"ricoh-printer", "Ricoh", "SP C262SFNw", "W915PA01234", "", "1.05", "printer"},
	"ricoh-printer-no-firmware": {"ricoh-printer", "Ricoh", "SAVIN 4035", "K8551234567", "", "", "printer"},
	"lexmark-printer-optra":     {"lexmark-printer", "Lexmark", "Optra T612", "", "", "5.20.4", "printer"},
	"brother-printer-comma":     {"brother-printer", "Brother", "NC-3100h", "", "", "4.70", "printer"},
	"canon-printer-laser-class": {"canon-printer", "Canon", "LASER CLASS 810", "", "", "", "printer"},
	"xerox-printer-fiery":       {"xerox-printer", "Xerox", "DocuColor 240 with EFI Fiery Controller", "", "", "1.0", "printer"},
	"xerox-printer-wide-format": {"xerox-printer", "Xerox", "6279 WIDE FORMAT", "", "", "16.0", "printer"},
	"xerox-printer-phaser6200":  {"xerox-printer", "Xerox", "Phaser 6200 N", "", "", "4.20", "printer"},
	// Solaris 10/11 and AIX on net-snmp's agent OIDs (solaris 3, aix 15):
	// Sun's SPARC platform after SUNW, (before: no model or vendor), and
	// AIX's version before its release ('AIX host 2 7 ...' is 7.2; before: '2').
	// AIX on 8072.3.2.15 is ibm-aix's, as the definition (aix) detects it
	// there (fpB: before, net-snmp-other-unix without a vendor).
	"solaris-net-snmp-sparc": {"net-snmp-other-unix", "Oracle", "SPARC-Enterprise-T5220", "", "Solaris", "5.10", "server"},
	"aix-net-snmp":           {"ibm-aix", "IBM", "", "00C8B2D44C00", "AIX", "7.2", "server"},
	// Classic ESX with a service console: ESX, not ESXi (before: ESXi).
	"vmware-esx-classic": {"vmware-esxi", "", "", "", "ESX", "4.0.0", "hypervisor"},
	// A Linux-based MFP on net-snmp's sysObjectID, 'Linux ...' alone in its
	// sysDescr: the maker its Printer-MIB row names first (before: no
	// vendor, the model with the maker's name).
	"printer-mib-on-linux": {"net-snmp-linux", "Konica Minolta", "bizhub C300i", "AA2J021012345", "Linux", "4.14.98", "printer"},
	// The distro script's os-release names with words between the name and
	// the number (before: 'Linux'), and a distribution it does not know,
	// which leaves the OS to the other Linux profiles.
	"linux-distro-extend-os-release": {"linux-distro-extend", "", "Generic x86 64-bit", "", "Red Hat Enterprise Linux Server 7.9", "3.10.0-1160.102.1.el7.x86_64", "server"},
	"linux-distro-extend-unknown":    {"linux-distro-extend", "", "Generic x86 64-bit", "", "Linux", "4.4.302+", "server"},
	// HP printers whose HP-LASERJET-COMMON-MIB fw-rom-revision is binary
	// (two octets before the ASCII release), and one with only
	// fw-rom-datecode: the printer's firmware, not the JetDirect EEPROM
	// the sysDescr names (before: JSI23900011 for both). FutureSmart
	// where fw-rom-revision states its bundle form; a datecode alone
	// names no OS (was FutureSmart for every HP printer; fq25).
	"hp-printer-binary-fw-revision": {"hp-printer", "HP", "LaserJet MFP M528", "CNBRP12345", "FutureSmart", "2506649_036456", "printer"},
	"hp-printer-fw-datecode":        {"hp-printer", "HP", "LaserJet MFP M528", "CNBRP67890", "", "20230405", "printer"},
	// TrueNAS CORE on net-snmp's FreeBSD sysObjectID, known by its kernel
	// ident (before: a FreeBSD server). fq51: FreeBSD beside FreeBSD's
	// release (was TrueNAS CORE): the definition freebsd, not truenas,
	// catches this ident, and its Shared\Unix uname parse reads FreeBSD's
	// release; freebsd-nas-uname (was freebsd-nas's second alternative).
	// No machine class (was Generic x86 64-bit): Shared\Unix names one for
	// 'x86_64', not 'amd64'.
	// fq67: Generic x86 64-bit again (was none, fe37583): Shared\Unix
	// names no class for 'amd64', a field no measure counts, so the same
	// machine's class follows for the user's inventory.
	// fq123: amd64 (was Generic x86 64-bit): the definition freebsd has an os
	// module (includes/definitions/discovery/freebsd.yaml, b479081,
	// 3fe62b9), whose sysDescr pattern reads the architecture word as
	// uname writes it; Shared\Unix's map runs only without one.
	"truenas-core-kernel-ident": {"freebsd-nas-uname", "iXsystems", "amd64", "", "FreeBSD", "13.1-RELEASE-p9", "storage"},
}

// TestVariantsHostsPrintersFixtures checks each profile on its fixture: the winning profile
// and every field, with evidence (check).
func TestVariantsHostsPrintersFixtures(t *testing.T) {
	checkFixtures(t, hostsPrintersFixtureDir, hostsPrintersCases)
}

// TestBinaryText checks binary_text's reading of a binary octet string
// as valueString renders it.
func TestBinaryText(t *testing.T) {
	for raw, want := range map[string]string{
		"fd:e8:32:35:30:36:36:34:39:5f:30:33:36:34:35:36": "2506649_036456",
		"01:15:32:30:32:33:30:34:30:35:00":                "20230405",
		"fd:e8:43:4b:50:31:20:20":                         "CKP1",
		"00:1a:fe:9c:4d:8e":                               "",
		"fd:e8":                                           "",
		"2023-04-05":                                      "",
	} {
		got, ok := binaryText(raw)
		if got != want || ok != (want != "") {
			t.Errorf("binaryText(%q) = %q, %v; want %q", raw, got, ok, want)
		}
	}
}
