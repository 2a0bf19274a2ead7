package fingerprints

import (
	"testing"
)

// leads118FixtureDir holds small walks written from the vendors' MIBs and
// the device-support definitions' documented shapes for fq118's look at
// the leads session 34's linux-arc and sweep helpers left: Teltonika's
// RutOS RUTM series, McAfee Web Gateway on its own registration,
// EfficientIP's release form and Cambium's PTP 800.
const leads118FixtureDir = "testdata/fixtures/leads-118"

// leads118Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads118Cases = map[string]want{
	// A RUTM router on Teltonika's own registration (48690): the
	// definition rutos-rutm detects '.1.3.6.1.4.1.48690' without an
	// snmpget in its first entry and, deferred with rutos-2xx and
	// rutos-rutx for its second, sorts before rutos-rutx (os_detection
	// 10c36b0); it reads TELTONIKA-RUTM-MIB deviceName.0 (48690.1.2.0),
	// serial.0 (.1.1.0) and fwVersion.0 (.1.6.0) whole (os_discovery
	// 15f945c). teltonika reads the same objects: confirmed, unchanged.
	"teltonika-rutm-own-arc": {"teltonika", "Teltonika", "RUTM50", "6300000118", "RutOS", "RUTM_R_00.07.13.2", "router"},
	// The same unit on net-snmp's Linux registration: rutos-rutm's
	// second entry (productCode.0 starting 'RUTM') takes it, so not
	// teltonika-linux's (its exclude names RUTM): unchanged.
	"teltonika-rutm-netsnmp-arc": {"teltonika", "Teltonika", "RUTM11", "6300010118", "RutOS", "RUTM_R_00.07.12.4", "router"},
	// Any other RutOS unit on 48690 (a TRB140) is rutos-rutm's too, by
	// the registration alone: the same three objects, unchanged.
	"teltonika-trb-own-arc": {"teltonika", "Teltonika", "TRB140", "1400000118", "RutOS", "TRB1_R_00.07.11.3", "router"},
	// A McAfee Web Gateway on its own registration (1230.2.7.1.1) whose
	// kProductName (read-write in the MIB) does not start 'McAfee Web
	// Gateway': mcafeewebgateway's snmpget fails (os_detection 34cba3b),
	// so uname's Linux line is the definition linux's: Linux, the
	// kernel's release, Shared\Unix's machine class. Was
	// {mcafee-web-gateway, Skyhigh Secure Web Gateway, Web Gateway,
	// 11.2.9}: mcafee-web-gateway-linux excluded the whole registration.
	"mcafee-mwg-renamed-own-arc-uname": {"mcafee-web-gateway-linux", "McAfee", "Generic x86 64-bit", "", "Linux", "4.19.163-mwg", "firewall"},
	// The same with kProductName 'McAfee Web Gateway': the unit
	// mcafeewebgateway takes, before linux, its kProductVersion.0
	// (os_discovery 917ee24): mcafee-web-gateway's, as before.
	"mcafee-mwg-own-arc-uname": {"mcafee-web-gateway", "McAfee", "Web Gateway", "", "Web Gateway", "10.2.18", "firewall"},
	// SOLIDserver (definition solidserver, os_discovery 10fd719):
	// eipSdsVersionNumber.0 whole, no regex. Was '8.4.1' (the profile's
	// regex kept the digits and lower-case letters before the '-P2').
	"efficientip-version-whole": {"efficientip-solidserver", "EfficientIP", "SDS-2300", "EIP2300X0000118", "SOLIDserver", "8.4.1-P2", "appliance"},
	// Cambium PTP 800 on 17713.8, which the definition ptp800 detects:
	// its sysDescr_regex '/Cambium (?<hardware>.*) Wireless.*
	// (?<version>\S+)$/' (os_discovery 353acb2), a backhaul radio. Was
	// cambium-cnpilot's access point (its sysDescr model 'PTP 800', the
	// generic sysDescr version).
	"cambium-ptp800-sysdescr": {"cambium-ptp800", "Cambium Networks", "PTP 800", "", "PTP", "08-50", "wireless"},
	// A sysDescr without 'Cambium': the definition's pattern states
	// nothing; the product the registration names and the sysDescr's
	// 'Version', the unit's own. Was cambium-cnpilot's access point.
	"cambium-ptp800-no-cambium": {"cambium-ptp800", "Cambium Networks", "PTP 800", "", "PTP", "07-11", "wireless"},
}

func TestLeads118Fixtures(t *testing.T) {
	checkFixtures(t, leads118FixtureDir, leads118Cases)
}
