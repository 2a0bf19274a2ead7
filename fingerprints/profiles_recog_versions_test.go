package fingerprints

import (
	"testing"
)

// recogVersionsFixtureDir holds small walks written from the vendors' MIBs
// in the sysDescr shapes real devices print (the shapes Rapid7 Recog's
// snmp_sysdescr.xml documents), with made-up hosts, serials and releases:
// releases and products a profile of the family read badly or not at all.
const recogVersionsFixtureDir = "testdata/fixtures/recog-versions"

// recogVersionsCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var recogVersionsCases = map[string]want{
	// Solaris's agent without the host name, or with labelled fields: the
	// release, not the kernel's version string (before, Generic_... or none).
	"net-snmp-solaris-no-hostname": {"net-snmp-other-unix", "", "sun4v", "", "Solaris", "5.10", "server"},
	"net-snmp-solaris-labelled":    {"net-snmp-other-unix", "", "", "", "Solaris", "5.9", "server"},
	// The ArubaOS-CX virtual switch's release, its platform a word.
	// fq68: was Virtual.10.11.1021, now al.10.11.1021: the release as the
	// definition (arubaos-cx) reads it where no ENTITY row answers, its
	// sysDescr pattern '\D{2}\.\d{2}\.\d{2}\.\d{4}' keeping the word's last
	// two letters.
	// owner: Virtual.10.11.1021 again, the word whole, as the switch's own
	// ENTITY row writes it: 'al.10.11.1021' is a release no switch writes.
	"aruba-cx-virtual-release": {"aruba-os-cx", "HPE", "JL000A", "", "ArubaOS-CX", "Virtual.10.11.1021", "switch"},
	// The first BayStack switches' single revision.
	"baystack-304-rev": {"avaya-boss", "Nortel", "BayStack 304", "", "BOSS", "2.2.31.07-2.1.3.22", "switch"},
	// Lantronix device, console and print servers by their sysDescr on
	// whatever sysObjectID the agent answers.
	"lantronix-sls-descr":        {"lantronix-descr", "Lantronix", "SLS", "", "", "020104", "appliance"},
	"lantronix-nts-serial-descr": {"lantronix-descr", "Lantronix", "NTS", "1187320", "", "04.6", "appliance"},
	"lantronix-eps-print-server": {"lantronix-descr", "Lantronix", "EPS2-100", "", "", "3.8", "appliance"},
	// Gigamon nodes on net-snmp's Linux registration: the platform where
	// it names a product. fq52: Linux with the kernel's release (was
	// GigaVUE-OS with 2.6.01 and 3.1.04, the release after the platform):
	// the definition gigavue detects 26866.3 alone, so these are linux's,
	// whose Shared\Unix reads the uname line's kernel release.
	"gigamon-gigavue-linux-ta1":      {"gigamon-gigavue-linux", "Gigamon", "GigaVUE-TA1", "", "Linux", "2.6.34-GIGAMONsmp-gvag", "appliance"},
	"gigamon-gigavue-linux-h-series": {"gigamon-gigavue-linux", "Gigamon", "", "", "Linux", "2.6.34-GIGAMONuni-gvhd", "appliance"},
	// Silver Peak's VXOA release after the kernel's, where
	// SILVERPEAK-MGMT-MIB does not answer.
	"silverpeak-sysdescr-release": {"silverpeak-edgeconnect", "Silver Peak", "NX7600", "", "VXOA", "3.4.1.2_35210", "router"},
	// An EdgeSwitch on the EdgeOS profile: the firmware and the line's name.
	"edgeswitch-edgeos-firmware": {"ubiquiti-edgeos", "Ubiquiti", "EdgeSwitch 24-Port Lite", "", "EdgeSwitch", "1.7.4.5075842", "switch"},
	// net-snmp on Windows: the release and build uname's line gives,
	// Windows 10 and later as windows-server reads them. The profile was
	// net-snmp-other-unix; it is now windows-net-snmp (fq115): the
	// definition windows detects 'Windows' in the sysDescr on any
	// sysObjectID, and its class reads the hardware and serial from
	// ServerHardware's agents (none answer here); the fields are as before.
	"net-snmp-windows-release":  {"windows-net-snmp", "", "", "", "Windows", "6.1.7601", "server"},
	"net-snmp-windows-10-build": {"windows-net-snmp", "", "", "", "Windows", "10.0.17763", "server"},
	// Lexmark and Samsung printers on another maker's sysObjectID: the
	// older Lexmarks' product and 'Version', a Samsung writing its name twice.
	"lexmark-descr-optra-version": {"lexmark-printer", "Lexmark", "Optra S 1855", "", "", "3.18.10", "printer"},
	"samsung-descr-maker-twice":   {"samsung-printer", "Samsung", "ML-371x", "Z3T2BJDC200417K", "", "2.00.02.14", "printer"},
	// Products named apart from their line's letters or after an
	// interface's version, a UPS card naming the UPS alone, Brother-built
	// interfaces in Océ printers.
	"ricoh-aficio-line-letters":       {"ricoh-printer", "Ricoh", "Aficio SP 5210DN", "", "", "", "printer"},
	"mge-ups-descr-evolution":         {"mge-ups-descr", "Eaton", "Evolution S 1750", "", "", "", "ups"},
	"ibm-infoprint-interface-version": {"ibm-infoprint", "IBM", "InfoPrint 32", "", "", "", "printer"},
	"oce-nc-print-server":             {"oce-printer", "Océ", "NC-6800h", "", "", "1.04", "printer"},
	// AIX where IBM-AIX-MIB does not answer: the machine type and serial
	// the sysDescr names, else the machine ID, as the device-support
	// definition reads it; net-snmp's uname line the same. The standard
	// daemon's 'Machine Type: 0x0800004c' word is the definition's (aix)
	// hardware there (fpB: before, no model). On net-snmp's AIX
	// registration (8072.3.2.15) ibm-aix, which the definition detects
	// there too (fpB: before, net-snmp-other-unix without a vendor).
	"ibm-aix-processor-id":    {"ibm-aix", "IBM", "0x0800004c", "00C4A7B24C00", "AIX", "6.1.9.0", "server"},
	"ibm-aix-machine-type-sn": {"ibm-aix", "IBM", "9117-570", "10A4F2E", "AIX", "5.3.0.60", "server"},
	"net-snmp-aix-machine-id": {"ibm-aix", "IBM", "", "00F9C1E84C00", "AIX", "7.1", "server"},
	// SGI's IRIX agent and Siemens's SpeedStream DSL routers, families no
	// profile knew: the system and the release their sysDescr names.
	"sgi-irix-origin":            {"sgi-irix", "SGI", "Origin 300", "", "IRIX", "6.5", "server"},
	"sgi-irix-o2-workstation":    {"sgi-irix", "SGI", "O2", "", "IRIX", "6.3", "workstation"},
	"siemens-speedstream-router": {"siemens-speedstream", "Siemens", "5865", "", "", "6.2.044", "router"},
	// ORiNOCO's outdoor routers, Avaya's Cajun switches and C&D's
	// SageNET battery monitors by their sysDescr.
	"orinoco-outdoor-router": {"orinoco-ap", "Avaya", "Outdoor Router", "04UT51880214", "", "4.22", "router"},
	"avaya-cajun-c360":       {"avaya-cajun", "Avaya", "C360", "", "", "4.5.18", "switch"},
	"avaya-cajun-agent":      {"avaya-cajun", "Avaya", "", "", "", "5.3.4", "switch"},
	"cd-sagenet":             {"cd-sagenet", "C&D Technologies", "SageNET 169-414", "", "", "1.31", "sensor"},
	// More families no profile knew: Compuware's AMD, GarrettCom's
	// DynaStar, Monarch's barcode printers, Siemens's HiPath systems (not
	// a Fujitsu server where the agent answers Siemens Nixdorf's 231).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 12.1.408, not Linux's): an OS is named beside its own release only.
	"compuware-amd":           {"compuware-amd", "Compuware", "AMD", "", "", "12.1.408", "appliance"},
	"garrettcom-dynastar":     {"garrettcom-dynastar", "GarrettCom", "DynaStar 2000", "", "", "", "router"},
	"monarch-printer-adapter": {"monarch-printer", "Avery Dennison", "M09860", "", "", "6.4", "printer"},
	"siemens-hipath-agent":    {"siemens-hipath", "Siemens", "HiPath 3000/5000", "", "", "", "appliance"},
	// OpenVMS with TCP/IP Services' agent; a Virtual I/O Server's
	// release where AIX's stands (its machine type word the hardware, as
	// the definition aix reads it; fpB: before, no model).
	// The ES45 is Compaq's lettered AlphaServer series, made after DEC was
	// bought: HP, not the agent's registrant DEC (fq20).
	"openvms-alphaserver": {"openvms", "HP", "AlphaServer ES45 Model 2", "", "OpenVMS", "8.3", "server"},
	"ibm-vios-release":    {"ibm-aix", "IBM", "0x0800004c", "00F6C2A14C00", "AIX", "6.1.9.200", "server"},
}

func TestRecogVersionsFixtures(t *testing.T) {
	checkFixtures(t, recogVersionsFixtureDir, recogVersionsCases)
}
