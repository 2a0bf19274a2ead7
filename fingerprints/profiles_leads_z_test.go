package fingerprints

import (
	"testing"
)

// leadsZFixtureDir holds small walks written from the vendor MIBs for the
// leads the last round left open: hardware named by a registration, first
// rows read in index order, and release forms the device-support
// definitions keep whole.
const leadsZFixtureDir = "testdata/fixtures/leads-z"

// leadsZCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leadsZCases = map[string]want{
	// A NetBotz 450 on netBotzBotz (5528.100.20.10.2014): the hardware is
	// the name NETBOTZ410-MIB registers the sysObjectID as, before
	// PowerNet-MIB's model, as the definition (netbotz: hardware_mib
	// NETBOTZ410-MIB) writes it; its release 318.1.4.2.4.1.4.1 whole.
	"netbotz-450-registration": {"apc-netbotz", "APC", "netBotz450Rack", "ZA1234005678", "NetBotz", "v4.6.2", "sensor"},
	// An arc NETBOTZ410-MIB does not register: the sysDescr's product, as
	// before.
	"netbotz-unregistered-arc": {"apc-netbotz", "APC", "NetBotz 420 Appliance", "", "NetBotz", "3.3.4", "sensor"},
	// A Calix E7 whose card table has bank 0 rows: the first row in index
	// order, bank 0's, as Exa.php's getnext reads release and serial
	// (before, bank 1's release beside bank 0's serial).
	"calix-e7-bank0-first": {"calix-e7", "Calix", "E7-20", "291601054321", "", "2.5.40.20", "switch"},
	// An Enlogic PDU1 unit (PDU2's firmware column holds no d.d.d): its
	// pduNamePlateFirmwareVersion.1 whole, the V kept, as EnlogicPdu.php
	// reads it.
	"enlogic-pdu1-v-firmware": {"enlogic-pdu", "Enlogic", "EN1231", "ENL1612345001", "", "V1.0.9", "pdu"},
	// A Sinetica UPSController whose sysDescr writes 'OS v3.12': the word
	// whole, as the definition's (sinetica) pattern takes it.
	"sinetica-os-v-release": {"sinetica-upscontroller", "Sinetica", "MC3", "", "", "v3.12", "ups"},
	// A Rittal CMC-TC whose serial has a letter: the whole word after
	// 'SN', as the definition (rittal-cmc) reads it (before, cut at the
	// letter); the product kept as the model (the definition's hardware is
	// the 'HW V' revision, 2.00, no product).
	"rittal-cmc-tc-serial-word": {"rittal-cmc3", "Rittal", "CMC-TC PU2", "1034A123", "", "2.17", "sensor"},
	// ICT's Digital/Platinum power supplies and modular power systems:
	// deviceFirmware.0 whole, the V kept, as the definitions ict-psu and
	// ict-mps read it (before, the V stripped).
	"ict-psu-v-firmware": {"ict-power", "ICT", "ICT1800-48SC", "", "", "V1.18", "power"},
	"ict-mps-v-firmware": {"ict-power", "ICT", "ICT-MPS24-1200", "", "", "V3.05", "power"},
	// An ECI Apollo whose sysDescr writes no 'Version# :' counter: the
	// release alone (with one, a-b/eci-apollo, the counter kept as the
	// definition's pattern keeps it).
	"eci-apollo-no-counter": {"eci-apollo", "Ribbon", "OPT9608", "", "Apollo", "10.2.1", "switch"},
	// A Teldat router: the board type's label and its revision joined as
	// the definition's (teldat) hardware_template writes them,
	// '<BoardType> (rev <BoardRevision>)'; the serial from the sysDescr's
	// S/N.
	"teldat-board-revision": {"teldat", "Teldat", "ares (rev 3)", "801/01234", "", "11.00.05.04.07", "router"},
	// An ADVA OptiSwitch whose sysDescr begins with the maker's name: the
	// product without it, the release with its build date in parentheses,
	// as AdvaXg300.php reads the sysDescr's words (and the older
	// definition's 'Ver. <release>)' pattern).
	"adva-optiswitch-adva-prefix": {"adva-optiswitch", "ADVA", "OptiSwitch XG308", "ZB2419B0112", "OptiSwitch", "5_1_2 (03/22/2021)", "switch"},
	// A DrayTek Vigor whose release carries its build's flavour: kept, as
	// the definition's (draytek) 'Version: (?<version>[\w\.]+)' reads it;
	// fq2: the model with ' Series', as that pattern's hardware group
	// reads it (was "Vigor2862": the series DrayTek names, its variant
	// not stated).
	"draytek-bt-flavour": {"draytek-vigor", "DrayTek", "Vigor2862 Series", "", "DrayOS", "3.9.6_BT", "router"},
}

func TestLeadsZFixtures(t *testing.T) {
	checkFixtures(t, leadsZFixtureDir, leadsZCases)
}
