package fingerprints

import (
	"testing"
)

// familiesDHFixtureDir holds small walks written from the vendor MIBs and
// documented object layouts of LibreNMS OS families from d to h that no
// profile detected: detection by the sysObjectIDs and sysDescr forms the
// device-support definitions name, model, serial and version read from
// the objects they read.
const familiesDHFixtureDir = "testdata/fixtures/families-d-h"

// familiesDHCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var familiesDHCases = map[string]want{
	// ESPHome's SNMP component: the chip model it answers, else the chip
	// family its sysObjectID names (an ESP8266 answers its core version
	// where an ESP32 answers the model); the release after 'version'.
	// Since fq13 the model with its revision in the definition's
	// (esphome) hardware_template, 'Model: <chipModel> Revision:
	// <chipRevision>' (before, 'ESP32-C3').
	"esphome-esp32":   {"esphome", "Espressif", "Model: ESP32-C3 Revision: 3", "", "ESPHome", "2024.6.4", "appliance"},
	"esphome-esp8266": {"esphome", "Espressif", "ESP8266", "", "ESPHome", "2023.12.9", "appliance"},
	// Dantherm FreeCooling: no release from the agent's 'SNMP V1.0', a
	// cooling unit.
	"dantherm-freecooling": {"dantherm-freecooling", "Dantherm", "FreeCooling Controller", "", "", "", "cooling"},
	// Atal EthernetProbe2 by its sysDescr: a sensor.
	"atal-ethernetprobe2": {"atal-ethernetprobe", "Atal", "EthernetProbe2", "", "", "", "sensor"},
	// An Epson projector on Epson's projector arc: not a printer.
	"epson-projector": {"epson-projector", "Epson", "", "", "", "", "appliance"},
	// Ericsson MINI-LINK: the 6600's entPhysicalDescr.1 and chassis
	// serial; a 6300 (Traffic Node) by the product its sysDescr names, its
	// release XF-SOFTWARE-MIB states after the product's name.
	"ericsson-minilink-6600": {"ericsson-minilink", "Ericsson", "MINI-LINK 6651/1", "A231654789", "", "", "wireless"},
	// fq88: os_version MINI-LINK_TN_4.4_R2C (was 4.4_R2C):
	// xfSwReleaseRevision.1 whole, as the definition ericsson-tn reads it.
	"ericsson-minilink-tn": {"ericsson-minilink", "Ericsson", "MINI-LINK Traffic Node", "", "", "MINI-LINK_TN_4.4_R2C", "wireless"},
	// Glass Way's EYDFA on the NSCRTV HFC EMS tree: the common admin
	// group's maker, model and serial; not cdata-olt's switch.
	"glassway-eydfa": {"nscrtv-hfc-ems", "Glass Way", "GWA3530-32X22", "GW2203150087", "", "", "appliance"},
}

func TestFamiliesDHFixtures(t *testing.T) { checkFixtures(t, familiesDHFixtureDir, familiesDHCases) }
