package fingerprints

import (
	"testing"
)

// auditAnyArcFixtureDir holds small walks written from the vendor MIBs and
// the objects the device-support definitions name, for families those
// definitions detect by their sysDescr whatever the sysObjectID, where a
// profile admitted them only on the maker's own registration: each walk
// answers another registration (net-snmp's Linux one, zeroDotZero).
const auditAnyArcFixtureDir = "testdata/fixtures/audit-any-arc"

// auditAnyArcCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var auditAnyArcCases = map[string]want{
	// FTOS on net-snmp's Linux registration, detected by its sysDescr as
	// the definition (ftos) detects it ('Force10 Operating System',
	// 'Force10 Networks Real Time Operating System Software'): the
	// application release the sysDescr states, ENTITY-MIB's chassis model
	// and serial. Before, net-snmp-linux (Linux server, no vendor).
	"dell-ftos-netsnmp-arc": {"dell-networking-os9", "Dell", "S4810", "HADL124530123", "Dell Networking OS", "8.3.12.1", "switch"},
	// iDRAC8 on net-snmp's Linux registration, detected by its sysDescr
	// as the definition (drac) detects it ('Dell Out-of-band SNMP Agent
	// for Remote Access Controller'), IDRAC-MIB answering: systemModelName,
	// systemServiceTag and racFirmwareVersion, as on 674.10892.5. Before,
	// dell-cmc with the controller's name (drsProductShortName) for the
	// model.
	"dell-idrac-netsnmp-arc": {"dell-idrac", "Dell", "PowerEdge R730", "7QK2M32", "iDRAC", "2.75.75.75", "bmc"},
	// ASA on net-snmp's Linux registration, detected by its sysDescr as the
	// definition (asa) detects it ('^Cisco (Adaptive|Industrial) Security
	// Appliance'): the release the sysDescr states, ENTITY-MIB's chassis
	// model and serial. Before, net-snmp-linux (Linux server, no vendor).
	"cisco-asa-netsnmp-arc": {"cisco-asa", "Cisco", "ASA5516", "JAD214512AB", "ASA", "9.12(4)37", "firewall"},
	// AireOS on zeroDotZero, detected by its sysDescr as the definition
	// (ciscowlc) detects it ('Cisco Controller'): AIRESPACE-SWITCHING-MIB
	// agentInventoryMachineModel, -SerialNumber and -ProductVersion.
	// Before, no profile (only a generic device type).
	"cisco-wlc-zero-arc": {"cisco-wlc", "Cisco", "AIR-CT5520-K9", "FCH2139V1AB", "AireOS", "8.10.185.0", "wireless_controller"},
}

func TestAuditAnyArcFixtures(t *testing.T) {
	checkFixtures(t, auditAnyArcFixtureDir, auditAnyArcCases)
}
