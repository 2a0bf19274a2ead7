package fingerprints

import (
	"testing"
)

// anyArcAFixtureDir holds small walks written from the vendor MIBs and the
// objects the device-support definitions name, for families those
// definitions detect by another path than the maker's sysObjectID (a
// sysDescr on any registration, an OID test, more arcs), where a profile
// admitted them only on the maker's own registration.
const anyArcAFixtureDir = "testdata/fixtures/any-arc-a"

// anyArcACases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var anyArcACases = map[string]want{
	// FXOS on net-snmp's Linux registration, detected by 'Cisco FX-OS' in
	// its sysDescr as the definition (fxos) detects it: ENTITY-MIB's
	// chassis model and serial, the release the sysDescr states. Before,
	// net-snmp-linux (a Linux server, no vendor).
	"cisco-fxos-netsnmp-arc": {"cisco-fxos", "Cisco", "FPR-C9300-AC", "FMX21450ABC", "FXOS", "2.10(1.159)", "firewall"},
	// CatOS on zeroDotZero, detected by its sysDescr as the definition
	// (catos) detects it: the model and release the sysDescr states,
	// CISCO-STACK-MIB chassisSerialNumberString. Before, no profile.
	"cisco-catos-zero-arc": {"cisco-catos", "Cisco", "WS-C6509", "SCA0412345A", "CatOS", "8.4(5)", "switch"},
	// Storage Center on net-snmp's FreeBSD registration with 'COMPELLEN' in
	// its sysDescr and no DELL-STORAGE-SC-MIB, as the definition
	// (dell-compellent) detects it: the model and release the sysDescr
	// states. Before, net-snmp-bsd (a FreeBSD server).
	"dell-compellent-freebsd-arc": {"dell-compellent", "Dell EMC", "SC4020", "", "Storage Center", "7.4.10.1", "storage"},
	// An ABB modular UPS card on net-snmp's Linux registration whose agent
	// answers upsIdentManufacturer 'ABB' but no model, detected by that
	// object as the definition (abbups) detects it: the card's release, no
	// model rather than its processor; the version whole, as the
	// definition reads it. Before, net-snmp-linux.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release V1.13.2, not Linux's): an OS is named beside its own release only.
	"abb-ups-manufacturer": {"abb-ups", "ABB", "", "", "", "V1.13.2", "ups"},
	// An Accedian NID on net-snmp's Linux registration, detected by the
	// 'AMN-' opening its sysDescr as the definition (aen) detects it:
	// ACD-DESC-MIB's name, serial and firmware (whole, as the definition
	// reads it). Before, net-snmp-linux (a Linux server, no vendor).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release AEN_7.3.1.2, not Linux's): an OS is named beside its own release only.
	"accedian-aen-netsnmp-arc": {"accedian-aen", "Accedian", "MetroNID TE", "G012-3456", "", "AEN_7.3.1.2", ""},
	// An ADVA FSP 3000 ALM on its registration (2544.1.14) whose agent
	// leaves inventoryType unanswered, an ALM as the definition (adva-alm)
	// detects it by the arc: its serial and firmware package. Before, adva-fsp
	// (the sysDescr's product, no serial or release).
	"adva-alm-no-inventory-type": {"adva-alm", "ADVA", "FSP3000 ALM", "FA71234567890", "", "2.2.1", "appliance"},
	// A bintec elmeg be.IP plus on its product arc (272.4.201.66.69.50.48),
	// which the definition (bintec-beip-plus) detects: the first board's part
	// number and hardware release joined, its serial, and the release with
	// its 'V' as that definition's pattern keeps it. Before, bintec-brick's
	// release without the V, the part number alone.
	"bintec-beip-plus": {"bintec-beip-plus", "bintec", "be.IP plus 1.0", "X123456789012", "", "V.10.2", "router"},
	// A Deliberant radio on net-snmp's Linux registration, detected by
	// 'Deliberant' in its sysDescr's build string as the definition
	// (deliberant) detects it: the product and release the sysDescr states.
	// Before, net-snmp-linux (a Linux server, no vendor).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 7.02, not Linux's): an OS is named beside its own release only.
	"deliberant-netsnmp-arc": {"deliberant", "Deliberant", "5M-18", "", "", "7.02", "wireless"},
	// A Catalyst 1900 on net-snmp's Linux registration, detected by its
	// sysDescr alone as the definition (cat1900) detects it: the product and
	// firmware the sysDescr states, no OS the switch does not run. Before,
	// net-snmp-linux (a Linux server).
	// The firmware keeps its 'V', as the definition's ',(V[\d.]+)' (fq4).
	"cisco-catalyst-1900-netsnmp-arc": {"cisco-catalyst-1900", "Cisco", "Catalyst 1900", "", "", "V9.00.06", "switch"},
	// An Armis appliance whose agent answers the APP_VERSION extend's command
	// (under '/var/armis/') but not its output, detected by that command as
	// the definition (armis) detects it. Before, linux-distro (no vendor).
	// fq34: no release without the output (was the kernel's, as for any
	// Debian host): the definition's os module reads the extend alone, and
	// Shared\Unix's discoverOS, which Armis extends, reads no kernel
	// release where an os module is (it writes that as the features).
	// fq37 (after 4a5c98b): no model either (was "Generic x86 64-bit"):
	// that os module also leaves the architecture unread.
	"armis-extend-command": {"armis", "Armis", "", "", "Debian", "", "appliance"},
	// ClearPass on net-snmp's Linux registration, detected by the sysDescr
	// opening 'ClearPass Policy Manager' as the definition (clearpass) detects
	// it there: CPPM-MIB's model, serial and version. Before, net-snmp-linux
	// (a Linux server, no vendor).
	"aruba-clearpass-netsnmp-arc": {"aruba-clearpass", "Aruba", "C3000V", "00A1B2C3D4E5F60718293A4B5C6D7E8F", "ClearPass", "6.11.2.282193", "appliance"},
	// A cnPilot R router on net-snmp's Linux registration, detected by
	// 'cnPilot R201' in its sysDescr as the definition (cnpilotr) detects it
	// on any registration: the model the sysDescr names (no release without
	// the router's MIB). Before, net-snmp-linux.
	"cambium-cnpilot-r-netsnmp-arc": {"cambium-cnpilot-r", "Cambium Networks", "R201P", "", "cnPilot", "", "router"},
	// A SiteBoss on its registration (3052.12) whose sysDescr does not open
	// with the product, detected by the arc alone as the definition (siteboss)
	// detects it: the hardware and version as its pattern reads them, the
	// model wherever 'SiteBoss <model> ' stands and all that follows as the
	// version. Before, no profile (the enterprise's name only).
	"asentria-siteboss-arc-only": {"asentria-siteboss", "Asentria", "SiteBoss 550", "", "", "V3.1.0 Build 2", "sensor"},
	// An ARRIS APEX edge QAM on its registration (1166.1.31) whose agent
	// leaves BCS-IDENT-MIB unanswered, ARRIS's as the definition (arris-apex)
	// detects it by the arc: the model its sysDescr names alone. Before, no
	// profile (Motorola's enterprise name).
	"arris-apex-no-ident": {"arris-bcs-ident", "ARRIS", "APEX1000", "", "", "", "appliance"},
	// An ADVA OptiSwitch on the XG300 line's registration (629.22) whose
	// sysDescr is the model alone, ADVA's as the definition (adva_xg300)
	// detects it by the arc: the model, and the serial at the instance
	// adva-optiswitch reads. Before, no profile (NBASE's enterprise name).
	"adva-optiswitch-xg300-arc": {"adva-optiswitch", "ADVA", "XG304", "XG3041234567", "OptiSwitch", "", "switch"},
	// A cnPilot R router answering its MIB's productName: the hardware
	// and serial as the definition's os_discovery (cnpilotr) reads them,
	// productName and serialNumber; the release firmwareVersion, not the
	// board revision (hardwareVersion) that definition names as the version.
	// fq105: this walk's sysDescr is uname's Linux line, naming no
	// 'cnPilot R<nnn>', which the definition cnpilotr detects by alone
	// (os_detection 34cba3b, no registration): linux takes it, so Linux,
	// the kernel's release 2.6.36 and the machine class Generic MIPS
	// first (were cambium-cnpilot-r, cnPilot R201P, cnPilot, 4.6.1-R5);
	// the serial, which linux states none of, the unit's own.
	"cambium-cnpilot-r-product-name": {"cambium-cnpilot-r-linux", "Cambium Networks", "Generic MIPS", "W8PA02345678", "Linux", "2.6.36", "router"},
	// An APEX on its registration answering BCS-IDENT-MIB: identSoftwareVersion
	// whole, as the definition's os_discovery (arris-apex) reads it with no
	// pattern (before, the dotted release alone, without the build).
	"arris-apex-version-whole": {"arris-bcs-ident", "ARRIS", "APEX1000", "JAB3291077", "", "2.14.3 (build 2211)", "appliance"},
}

func TestAnyArcAFixtures(t *testing.T) {
	checkFixtures(t, anyArcAFixtureDir, anyArcACases)
}
