package fingerprints

import (
	"testing"
)

// leadsEFixtureDir holds small walks written from the vendor MIBs and the
// objects the device-support definitions name, for the leads an earlier
// session left open and the OS families starting with e that the last
// audit of those definitions did not reach.
const leadsEFixtureDir = "testdata/fixtures/leads-e"

// leadsECases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leadsECases = map[string]want{
	// An Edgecore ECS4120 whose switchInfoTable answers the hardware
	// revision: the release as the definition's code (edgecos,
	// Edgecos.php discoverOS) states it, unit 1's swHardwareVer and
	// swOpCodeVer joined (ECS4120-MIB); swProdName, swSerialNumber.
	"edgecore-ecs4120-hwrev": {"edgecore-ecs", "Edgecore", "ECS4120-28Fv2-I", "EC2029001234", "", "R0B 1.2.6.6", "switch"},
	// An Eaton SC300 controller on its registration (1918.2.14), read as
	// the definition (eaton-sc300) reads RpsSc300Mib: systemType as the
	// hardware, the serial and version templates ('System:.. Product:..',
	// 'HW:.. SW:..') from systemSerialNumber, serialNumber,
	// hardwareVersion and softwareVersion.
	"eaton-sc300": {"eaton-sc300", "Eaton", "APR48-3G 48V", "System:2104567890 Product:ABD1212345", "", "HW:B SW:2.10.5", "power"},
	// A Zyxel IES-1000 whose agent answers no ZYXEL-AS-MIB
	// accessSwitchFWVersion: the card and the release its sysDescr names
	// ('IES-1000.(hardware) version V(version)'), as the definition (ies)
	// reads them; before, no model and the release cut at its build.
	"zyxel-ies1000": {"zyxel", "Zyxel", "AAM1212-51", "", "", "2.15(GT.2)b1", "switch"},
	// An EdgePoint on airOS's registration (10002.1), taken by its
	// sysDescr as the definition (edgeswitch) takes '^EdgePoint' on any
	// registration: the hardware and release its pattern reads, ENTITY's
	// serial; before, ubiquiti-airos's access point with no model.
	"ubiquiti-edgepoint-airos-arc": {"ubiquiti-edgeswitch", "Ubiquiti", "EdgePoint Switch 16-Port", "F09FC2D4E5F6", "EdgeSwitch", "1.7.4.5075842", "switch"},
	// 'Linux UBNT' on net-snmp's Linux registration, which the definition
	// (edgeswitch) takes as an EdgeSwitch and reads no hardware or release
	// of: not a server with the kernel's release.
	"ubiquiti-linux-ubnt": {"ubiquiti-edgeswitch", "Ubiquiti", "", "788A20A1B2C3", "EdgeSwitch", "", "switch"},
	// An 'RTL8380' sysDescr on Realtek's net-snmp registration
	// (27282.3.2.10), the definition's (edgeswitch) other shape: Ubiquiti's
	// switch, not Realtek's chip as maker and model.
	"ubiquiti-rtl8380": {"ubiquiti-edgeswitch", "Ubiquiti", "", "", "EdgeSwitch", "", "switch"},
	// An EdgeSwitch on Ubiquiti's registration (41112): the product its
	// sysDescr states, as the definition (edgeswitch) reads the hardware,
	// ahead of the ENTITY row's product code.
	"ubiquiti-edgeswitch-41112": {"ubiquiti-edgeos", "Ubiquiti", "EdgeSwitch 24-Port 250W", "F09FC2A1B2D4", "EdgeSwitch", "1.9.3.5294473", "switch"},
	// An EtherWAN switch whose sysDescr is '<hardware>, Firmware rev:
	// <release>': both read from it as the definition (etherwan) reads
	// them, ahead of ewnSystemProductModel (the product without its
	// variant) and ewnSystemFirmwareRev.
	"etherwan-sysdescr-firmware": {"etherwan", "EtherWAN", "EX78900E-0VB", "", "", "1.02.8", "switch"},
	// An Eaton Matrix card on Phoenixtec's enterprise registration, by
	// the sysDescr the definition (eaton-matrix) detects on any:
	// TELECOM-MIB matConName, matConSerialNum, matAgentSoftwareVerison;
	// before, ppc-netagent's UPS with none of them.
	"eaton-matrix-sysdescr": {"eaton-matrix", "Eaton", "Matrix 48V 9kVA", "MX1C2204001234", "", "1.06.03", "power"},
	// An EdgeRouter answering UBNT-EdgeMAX-MIB: the release as
	// ubntVersion states it, which the definition (edgeos) reads over its
	// sysDescr pattern's three numbers; ubntModel, ubntSerialNumber.
	"ubiquiti-edgeos-ubntversion": {"ubiquiti-edgeos", "Ubiquiti", "ER-12", "7483C2A1B2C3", "EdgeOS", "v2.0.9-hotfix.7", "router"},
	// 'Ubiquiti EdgeOS v...' on the EdgeMAX registration, a sysDescr the
	// definition (edgeos) names: EdgeOS with the release its pattern
	// reads (three numbers); before, generic rules only.
	"ubiquiti-edgeos-ubiquiti-descr": {"ubiquiti-edgeos", "Ubiquiti", "", "", "EdgeOS", "1.10.11", "router"},
}

func TestLeadsEFixtures(t *testing.T) { checkFixtures(t, leadsEFixtureDir, leadsECases) }
