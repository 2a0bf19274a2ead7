package fingerprints

import (
	"testing"
)

// audit7FixtureDir holds small walks written from the vendor MIBs for the
// fourth part of the second value audit: the objects each profile reads,
// their order, and the form of each value, as the device-support
// definitions read them.
const audit7FixtureDir = "testdata/fixtures/audit-7"

// audit7Cases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var audit7Cases = map[string]want{
	// A classic airFiber: fwVersion whole, its 'v' kept, as the definition
	// airos-af reads it (fwVersion.1).
	"airfiber-fwversion": {"ubiquiti-airfiber", "Ubiquiti", "", "", "airFiber", "v4.1.0", "wireless"},
	// Rohde & Schwarz: versionNumberSW whole, a 'V' kept, as the definition
	// (rs) reads it; the sysDescr without the maker's short name.
	// Model was the sysDescr without 'R&S'; now the sysDescr whole, as
	// the definition rs's sysDescr_regex '/(?<hardware>.*)/' reads it
	// (fq93).
	"rohde-schwarz-v-version": {"rohde-schwarz-transmitter", "Rohde & Schwarz", "R&S SLx8000 UHF Transmitter", "102377", "", "V3.4.2", "appliance"},
	// Ruijie: RUIJIE-ENTITY-MIB's ruijieDeviceSWVersion.1 whole and
	// ruijieDeviceSerialNumber.1 ahead of the system group's serial, which
	// differs, as the definition (ruijie) reads them.
	"ruijie-two-serials": {"ruijie", "Ruijie Networks", "RG-N18010", "G1LV143000042", "RGOS", "N18000_RGOS 11.0(1)B3P3T5, Release(05131117)", "switch"},
	// Samlex: SAMLEXAMERICA-MIB version whole, as the definition (samlex)
	// reads it.
	"samlex-v-version": {"samlex-inverter", "Samlex America", "PSR-3600-48", "", "", "V1.3", "power"},
	// ServersCheck: all after 'Release ' in productversion, as the
	// definition's version_regex cuts it.
	"serverscheck-release-build": {"serverscheck", "ServersCheck", "SensorGateway Ext", "", "", "6.1.14 build 0512", "sensor"},
	// TERRA: the product's firmware and serial with their double quotes
	// trimmed, otherwise whole ('v' kept), as includes terra reads them.
	"terra-quoted-firmware": {"terra", "TERRA", "sti440", "1903123456", "", "v2.04", ""},
	// A Tripp Lite console server without TRIPPLITE-PRODUCTS' tables: the
	// hardware and release from the sysDescr, as trippliteconsole reads them.
	"tripplite-console-descr": {"tripplite-console", "Tripp Lite", "B097-048", "", "", "3.5.2", "appliance"},
	// VigintOS: host2Version whole, as the definition (vigintos) reads it.
	"vigintos-v-version": {"vigintos", "Vigintos Elektronika", "", "", "VigintOS", "V3.2.14", ""},
	// A WebPower card whose UPS answers upsIdentModel: the card's name from
	// upsIdentAgentSoftwareVersion first, as the definition (webpower)
	// reads the hardware.
	"webpower-ups-model": {"webpower-ups-card", "Ingrasys", "WebPower Pro II Card", "1510004321", "", "1.36", "ups"},
	// WeOS whose sysDescr is a bare release: taken whole, as the definition
	// (weos) takes the sysDescr; model and serial of ENTITY row 5.
	"westermo-bare-release": {"westermo-weos", "Westermo", "DDW-226", "19870421", "WeOS", "v4.32.1", "switch"},
}

func TestAudit7Fixtures(t *testing.T) {
	checkFixtures(t, audit7FixtureDir, audit7Cases)
}
