package fingerprints

import (
	"testing"
)

// leads65FixtureDir holds small walks written from the vendor MIBs and
// documented object layouts for fq65's leads: device types as the
// device-support definitions type them, Htek's firmware, Geist and
// Vertiv registrations, RecoveryOS's detection and the ENTITY-MIB
// chassis serial.
const leads65FixtureDir = "testdata/fixtures/leads-65"

// leads65Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads65Cases = map[string]want{
	// FortiMail (definition fortimail, type firewall): a firewall, not
	// an appliance; fmlSysModel, fmlSysSerial, fmlSysVersion whole.
	"fortimail-firewall": {"fortinet-fortimail", "Fortinet", "FortiMail-400F", "FE400FT921000777", "FortiMail", "v7.2.4,build0490,230615 (GA)", "firewall"},
	// FortiAuthenticator on its 6.0+ registration (definition
	// fortiauthenticator, type firewall).
	"fortiauthenticator-firewall": {"fortinet-fortiauthenticator", "Fortinet", "FAC-400E", "FAC4HE3R19000314", "FortiAuthenticator", "v6.6.1,build1660 (GA)", "firewall"},
	// FortiSandbox (definition fortisandbox, type firewall): the model
	// its registration names, fnSysSerial, fsaSysVersion whole.
	"fortisandbox-firewall": {"fortinet-fortisandbox", "Fortinet", "FortiSandbox-3000E", "FSA3KE3R17000042", "FortiSandbox", "v4.4.2,build0200 (GA)", "firewall"},
	// FortiVoice (definition fortivoice, type firewall).
	"fortivoice-firewall": {"fortinet-fortivoice", "Fortinet", "FortiVoice-500F", "FVE5HF3920000271", "FortiVoice", "v7.0.2,build0301,230410", "firewall"},
	// Pulse Connect Secure (definition pulse, type firewall):
	// productName and productVersion whole.
	"pulse-secure-firewall": {"pulse-secure", "Pulse Secure", "Pulse Connect Secure", "", "Pulse Connect Secure", "9.1R15 (build 15819)", "firewall"},
	// McAfee Web Gateway on net-snmp's arc, known by its product group:
	// the product mcafeewebgateway types a firewall. fq108: was
	// {mcafee-web-gateway, Web Gateway, os Web Gateway, 11.2.4}, now
	// linux's reading (Linux, the kernel's release, the machine class of
	// x86_64), as mcafeewebgateway detects its registration 1230.2.7.1.1
	// alone (os_detection 34cba3b) and linux takes 8072.3.2.10
	// (os_detection 11a4d8b).
	"mcafee-mwg-netsnmp": {"mcafee-web-gateway-linux", "McAfee", "Generic x86 64-bit", "", "Linux", "5.4.17-mwg", "firewall"},
	// Tycon TPDIN (definition tpdin, type appliance): an appliance, not
	// power; TPDIN2-MIB name.0 and version.0 as they stand.
	"tycon-tpdin-appliance": {"tycon-tpdin", "Tycon Systems", "TPDIN-Monitor-WEB3", "", "", "v3.0.2", "appliance"},
	// Htek (no device-support definition knows it): the firmware
	// object's ROM image, the phone's firmware, not its boot loader's
	// (BOOT--), where a firmware upgrade left them apart.
	"htek-rom-newer-than-boot": {"htek-phone", "Htek", "UC924W", "", "", "2.0.4.6.41", "phone"},
	// The boot loader's alone is no firmware release: none.
	"htek-boot-only": {"htek-phone", "Htek", "UC912G", "", "", "", "phone"},
	// RecoveryOS (definition recoveryos: net-snmp's Linux arc and an
	// mgtInfoAssetId matching '^U.+|80\d{2}S?-\d{3}-\d{5}'): a
	// Unitrends asset tag ('UB-...'): Unitrends, Linux and the uname
	// line's kernel release, a server.
	"unitrends-asset-tag-u": {"unitrends-recoveryos", "Unitrends", "Generic x86 64-bit", "", "Linux", "3.10.0-1160.119.1.el7.x86_64", "server"},
	// An asset id of neither form: the definition does not take the
	// host; linux does (the distribution its kernel names), no Unitrends.
	"unitrends-asset-id-other": {"linux-distro", "", "Generic x86 64-bit", "", "Enterprise Linux 7", "3.10.0-1160.119.1.el7.x86_64", "server"},
	// Geist / Vertiv on 21239.42.1.52: geist-watchdog excepts it and no
	// definition takes it (vertiv-pdu detects .53 alone), so its
	// VERTIV-V5-MIB identity, its own, before GEIST-MIB-V3's; a PDU.
	"vertiv-42-1-52-own-identity": {"vertiv-geist", "Vertiv", "VP8850", "2212VP8850112", "", "5.10.1", "pdu"},
	// On 21239.42.1.55: fq65 read it as geist-watchdog's (serial
	// 28F2A3B40C000123, release 3.9.2, a sensor), after the older includes
	// copy (00a6ceb) that excepts only .52 and .53. fq105: the newest
	// geist-watchdog (resources os_detection f7c263a) excepts .55 too and
	// vertiv-pdu takes .53 alone, so, as on .52, no definition takes it:
	// its VERTIV-V5-MIB identity, its own; a PDU.
	"geist-watchdog-42-1-55": {"vertiv-geist", "Vertiv", "VP9830", "2302VP9830555", "", "5.11.2", "pdu"},
	// The ENTITY-MIB chassis (no profile knows these walks: the generic
	// chassis rules). A chassis row (class chassis, the root) that
	// states no serial, beside a supervisor with one, a line card
	// without and a power supply: no serial; the supervisor's is the
	// supervisor's, not the chassis's (before fq65, SUP7A1234567, as the
	// one non-part row with a serial).
	"entity-chassis-supervisor-serial": {"", "", "AX-7508", "", "", "", ""},
	// A fixed box: a chassis row without a serial and one module, its
	// main board, with one (fans and power supplies are parts): the
	// board's serial stands for the box.
	"entity-chassis-one-board": {"", "", "AX-24G", "AXB24G0715003", "", "", "switch"},
	// A stack (a root row of class stack) of two chassis: the first
	// member's model and serial, not the stack row's (it has none).
	"entity-stack-members": {"", "", "AX-48P", "AXS48P1100201", "", "", ""},
	// A virtual chassis: a root container holding two member chassis:
	// the lowest-index member's.
	"entity-virtual-chassis-members": {"", "", "AX-9300", "AXV9300A00011", "", "", ""},
	// No chassis row at all (a stack row, a unit container, a
	// management card): the one module with a serial, as before.
	"entity-no-chassis-management-card": {"", "", "", "AXM3726S0042", "", "", ""},
	// Pulse on net-snmp's arc: fq65 followed the older stored definition
	// (includes/definitions/pulse.yaml 34ccdee: its sysDescr strings on
	// any sysObjectID) and named it pulse-secure, PSA-7000f, 9.1R12. fq105:
	// the newest stored definition (resources os_detection/pulse.yaml
	// ed53856) takes sysObjectID 12532 alone, so this sysDescr on
	// net-snmp's Linux registration is linux's: Linux, and no release
	// (uname's parse finds no ' <digits>.<digit>... ' word).
	"pulse-secure-netsnmp-descr": {"net-snmp-linux", "", "", "", "Linux", "", "server"},
	// A Juniper-era virtual appliance ('VA-SPE') there too: fq65 named it
	// pulse-secure, 8.0R7; fq105, as above (pulse.yaml ed53856), linux's.
	"pulse-va-spe-netsnmp": {"net-snmp-linux", "", "", "", "Linux", "", "server"},
}

func TestLeads65Fixtures(t *testing.T) {
	checkFixtures(t, leads65FixtureDir, leads65Cases)
}
