package fingerprints

import (
	"testing"
)

// campusFixtureDir holds small walks written from the vendor MIBs for the
// variants of the biggest families (trains, platforms, old and new
// firmware, virtual and rugged editions): model, serial and version read
// from each vendor's own objects.
const campusFixtureDir = "testdata/fixtures/variants-campus"

// campusCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var campusCases = map[string]want{
	// FortiWiFi and FortiGate Rugged: the chassis row's product code
	// (FWF_60F, FGR_60F) by each line's own name; without a chassis row,
	// the product the sysObjectID registers (fgt100F).
	"fortinet-fortiwifi":        {"fortinet-fortigate", "Fortinet", "FortiWiFi 60F", "FWF60FTK21001234", "FortiOS", "v7.2.8,build1639,240313 (GA.M)", "firewall"},         // fgSysVersion whole and entPhysicalModelName.1 with the replacements, as the definition (fortigate) reads them
	"fortinet-fortigate-rugged": {"fortinet-fortigate", "Fortinet", "FortiGate Rugged 60F", "FGR60FTK22005678", "FortiOS", "v7.0.15,build0632,240416 (GA.M)", "firewall"}, // fgSysVersion whole and entPhysicalModelName.1 with the replacements, as the definition (fortigate) reads them
	// fq70: model 'FortiGate 100' (was 'FortiGate-100F', the current
	// MIB's fgt100F at 101.1.1000): without ENTITY row 1, Fortigate.php
	// names the hardware from its own sysObjectID table
	// (Shared/Fortinet.php getHardwareName), which names that arc the
	// FortiGate 100 (the MIB's present fgModel reuses it for the 100F),
	// before any other source. owner: FortiGate-100F again: the table's
	// old name for an arc the present MIB gives the 100F misnames every
	// unit answering it now (its serial says 100F); the table keeps the
	// arcs the MIB has not given to other products.
	"fortinet-fortigate-registration": {"fortinet-fortigate", "Fortinet", "FortiGate-100F", "FG100FTK20009876", "FortiOS", "v7.4.3,build2573,240201 (GA.F)", "firewall"}, // fgSysVersion whole, as the definition (fortigate) reads it
	// Huawei YunShan OS (V600): the bracketed series (USG) taken to the
	// closing model line that goes on from it, hwDeviceEsn; the version
	// as the definition (vrp, class Vrp) builds it, "Version x" then the
	// bracketed product release (was the release alone, before fpL read
	// Vrp.php). VRP 3 on Quidway: the class gives "Version (\S+)" alone,
	// "3.40," (comma trimmed; was "3.40 Release 0311P07"), the product
	// line as our fallback where the definition has no hardware.
	"huawei-yunshan-usg":    {"huawei-vrp", "Huawei", "USG6530F-D", "2102354EVK10P3000123", "YunShan OS", "1.24.0.1 (V600R024C00SPC100)", "firewall"},
	"huawei-yunshan-switch": {"huawei-vrp", "Huawei", "S5735-L48T4XE-A-V2", "102388712345", "YunShan OS", "1.22.0.1 (V600R022C10SPC500)", "switch"},
	"huawei-vrp3-quidway":   {"huawei-vrp", "Huawei", "AR28-31", "", "VRP", "3.40", "router"},
	// A Fat (standalone) AP writes its mode after the bracketed model:
	// the definition's sysDescr_regex takes all before the release,
	// "AP4050DN FAT", which no longer sysDescr word extends (was
	// "AP4050DN", before fpL read vrp.yaml and Vrp.php).
	"huawei-fat-ap": {"huawei-vrp", "Huawei", "AP4050DN FAT", "2102353VUR10K6000789", "VRP", "5.170 (V200R010C00SPC300)", "access_point"},
	// Comware 5 on HP A-series: "Comware Software, Version 5.20.99,
	// Release 2221P19": the version the number alone, as the definition
	// (comware) captures it, the release its features (since fq24; was
	// "5.20.99 Release 2221P19", as were the two below "<version> Release
	// <release>").
	"comware5-hp-a-series": {"h3c-comware", "HPE", "A5120-48G-PoE+ EI Switch with 2 Interface Slots", "CN23BX8012", "Comware", "5.20.99", "switch"},
	// The web-managed HP/HPE Comware switches write the model first
	// ("HPE 1950-24G-2SFP+-2XGT Switch Software Version 7.1.045, Release
	// 3113P05"); their registrations are descriptors.
	"comware-hpe-1950": {"h3c-comware", "HPE", "1950-24G-2SFP+-2XGT", "CN87G1R0ZZ", "Comware", "7.1.045", "switch"},
	"comware-hp-v1910": {"h3c-comware", "HPE", "V1910-24G", "", "Comware", "5.20", "switch"},
	// A SummitStack writes "(Stack)" where a switch names its hardware:
	// the definition (xos) takes it as written, "Stack" (was the master's
	// chassis row before fpL read xos.yaml).
	"extreme-exos-stack": {"extreme-exos", "Extreme Networks", "Stack", "1720G-01234", "EXOS", "30.7.1.1", "switch"},
	// The first UniFi switches name a dashless model code ("US16P150,
	// 4.3.20.11298, Linux 3.6.5"): UniFi's, not the EdgeSwitch
	// (FASTPATH) profile's, which leaves them out.
	"ubiquiti-unifi-switch-gen1": {"ubiquiti-unifi-sysdescr", "Ubiquiti", "US16P150", "F09FC2A1B2C3", "UniFi", "4.3.20.11298", "switch"},
	// PowerConnect blade switches ("PowerConnect M6220, 5.1.12.2, VxWorks
	// 6.6") and the X-series ("Dell Networking X1052P", Radlan's
	// rlPhdUnitGenParam row) by the sysDescr's model where no chassis row
	// or Dell-Vendor-MIB display name answers.
	"dell-powerconnect-blade": {"dell-powerconnect", "Dell", "PowerConnect M6220", "4KX9Q2J", "PowerConnect", "5.1.12.2", "switch"},
	// The X-series keeps 'Networking ' as the definition's (powerconnect)
	// sysDescr pattern captures 'Dell Networking X1052P', the maker's
	// "Dell " aside (fq35; was "X1052P").
	"dell-networking-x-series": {"dell-powerconnect", "Dell", "Networking X1052P", "CN0ABC1D2EF3GH", "PowerConnect", "3.0.1.4", "switch"},
}

func TestVariantsCampusFixtures(t *testing.T) { checkFixtures(t, campusFixtureDir, campusCases) }
