package fingerprints

import (
	"testing"
)

// sweep105FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq105's sweep: each profile's fields
// read as the newest stored device-support definition reads them.
const sweep105FixtureDir = "testdata/fixtures/sweep-105"

// sweep105Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep105Cases = map[string]want{
	// An Instant On 1960 stack (definition aruba-instant-on, class
	// ArubaInstantOn reading procurve's os module: the sysDescr pattern's
	// hardware, all before the comma, then hardware_replace dropping
	// ' Switch' and ' Stack'): '1960 24G 2XGT 2SFP+ JL806A', not the
	// ' Stack' word kept.
	"instant-on-1960-stack": {"hpe-instant-on-sysdescr", "HPE", "1960 24G 2XGT 2SFP+ JL806A", "VN3BKZ0789", "Instant On", "2.9.0.3", "switch"},
	// Pulse's sysDescr on net-snmp's Linux registration: the newest
	// definition pulse (os_detection ed53856) takes sysObjectID 12532
	// alone, so linux does: no product, no release.
	"pulse-sysdescr-other-arc": {"net-snmp-linux", "", "", "", "Linux", "", "server"},
	// On 12532: productName and productVersion whole, as pulse's os
	// module reads them.
	"pulse-12532-objects": {"pulse-secure", "Pulse Secure", "PSA-3000", "", "Pulse Connect Secure", "9.1R13 (build 11583)", "firewall"},
	// A Vertiv unit on 21239.42.1.55 answering VERTIV-V5-MIB alone: the
	// newest geist-watchdog (os_detection f7c263a) excepts .55 and
	// vertiv-pdu takes .53 alone, so no definition takes it; its own V5
	// model, serial and release, and a PDU, as on .52 (before fq105, a
	// sensor, geist-watchdog's).
	"vertiv-42-1-55-v5-only": {"vertiv-geist", "Vertiv", "VP9850", "2305VP9850777", "", "5.12.0", "pdu"},
	// companyMIB upsIdFWVersion answering a value that does not start
	// 'VER': the definition orvaldi-ups (its snmpget: op starts 'VER')
	// does not take the card; linux does (the uname line's release).
	"orvaldi-fw-not-ver": {"net-snmp-linux", "", "Generic ARMv5", "", "Linux", "2.6.32", "server"},
	// A Catalyst SD-WAN edge whose systemStatusModel is 63: the
	// enumeration's label vedge-C1121-8P (VIPTELA-OPER-SYSTEM), as the
	// definition viptela reads the hardware; before fq105, no model (the
	// map named 40 of the 144 values).
	"viptela-c1121-model": {"cisco-viptela", "Cisco", "vedge-C1121-8P", "FGL2611ABCD", "Viptela OS", "17.9.4a", "router"},
	// A cnPilot R router on 41010 whose sysDescr is uname's Linux line:
	// the definition cnpilotr (sysDescr 'cnPilot R<nnn>' alone) does not
	// take it, linux does: Linux, the kernel's release and the machine
	// class first; the MIB's serial, the unit's own, after.
	"cnpilot-r-linux-descr": {"cambium-cnpilot-r-linux", "Cambium Networks", "Generic MIPS", "W8PA03456789", "Linux", "3.10.14", "router"},
	// The same router naming itself in the sysDescr: cnpilotr's, its
	// productName and serialNumber (the release firmwareVersion, as
	// before).
	"cnpilot-r-sysdescr": {"cambium-cnpilot-r", "Cambium Networks", "cnPilot R195W", "W8PA03456790", "cnPilot", "4.7.0-R2", "router"},
	// A 'USG...' sysDescr on net-snmp's Linux registration: the definition
	// linux excepts it there (sysDescr_regex_except '/^USG/'), so no Linux
	// profile names it (before fq105, net-snmp-linux's Linux); the generic
	// sysDescr reading alone.
	"usg-netsnmp-linux-arc": {"", "", "USG-Pro-4", "", "", "4.4.57.5578372", "server"},
}

func TestSweep105Fixtures(t *testing.T) {
	checkFixtures(t, sweep105FixtureDir, sweep105Cases)
}
