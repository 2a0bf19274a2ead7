package fingerprints

import (
	"testing"
)

// power73FixtureDir holds small walks written from the vendor MIBs for
// fq73's check of the UPS, PDU and DC power families against the
// device-support definitions that detect them: each field's objects, in
// the definition's order and form.
const power73FixtureDir = "testdata/fixtures/power-73"

// power73Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var power73Cases = map[string]want{
	// 'NetMan 204 Plus' on UPS-MIB's own arc: the definition netmanplus
	// takes 5491.6 and '/^NetMan.*plus/' (case as written), so not this
	// card; the generic UPS-MIB reader's identity (before fq73,
	// riello-netman's, the sysDescr as the model).
	"netman-plus-capital-other-arc": {"", "RPS SpA", "SEP 3000", "", "", "SWM035-01-10", "ups"},
	// An APC Easy ePDU on masterSwitchePDU (318.1.3.4.9), the
	// registration the definition apc-epdu detects (and apc excepts): its
	// os module reads ePDUDeviceStatusModelNumber.1, SerialNumber.1 and
	// Version.1, the version whole as the unit writes it (before fq73,
	// '1.4.1'). The os is apc-nmc's AOS, filled beside (not measured).
	"apc-epdu-registration-version-whole": {"apc-epdu", "APC", "EPDU1116S", "5A2307E02468", "AOS", "Ver 1.4.1", "pdu"},
	// The same registration answering no ePDU table: still apc-epdu's, as
	// the definition detects it by the registration alone (before fq73,
	// apc-nmc's).
	"apc-epdu-registration-no-table": {"apc-epdu", "APC", "", "", "AOS", "", "pdu"},
	// A Socomec NET VISION card on UPS-MIB's registration whose sysDescr
	// names the card after the maker ('SOCOMEC Net Vision v7.12 ...'):
	// the definition netvision detects 'Net Vision' anywhere in the
	// sysDescr (Core's sysDescr key, Str::contains), so the Socomec
	// card's profile, not the generic UPS-MIB reader (before fq73: no
	// profile, vendor 'SOCOMEC' from upsIdentManufacturer). netvision has
	// no os module: the fields are the card's UPS-MIB identity.
	"socomec-netvision-descr-after-maker": {"socomec-netvision", "Socomec", "MASTERYS BC 20", "", "", "MB-4.10", "ups"},
	// A Tripp Lite PowerAlert card answering both UPS-MIB software
	// objects (definition poweralert: hardware upsIdentModel.0, serial
	// TRIPPLITE-MIB 850.100.1.1.2.0). fq73 read the UPS's software
	// version first ('FW-2.7.3'), after the older includes copy 58aa4b8;
	// fq106: the newest stored os module (resources os_discovery,
	// d17c059 and 0edeba7) reads upsIdentAgentSoftwareVersion.0 first,
	// then upsIdentUPSSoftwareVersion.0, so the card's agent release
	// 12.06.0068 (was 'FW-2.7.3').
	"tripplite-ups-software-and-agent": {"tripplite-poweralert", "Tripp Lite", "SU2200RTXL2UA", "2745AV0SM20417", "PowerAlert", "12.06.0068", "ups"},
}

func TestPower73Fixtures(t *testing.T) {
	checkFixtures(t, power73FixtureDir, power73Cases)
}
