package fingerprints

import (
	"testing"
)

// precedenceFixtureDir holds small walks written from the vendor MIBs for
// the review of which source wins where a device-support definition gives
// a field both from objects and from a sysDescr pattern: its YAML discovery
// parses the sysDescr first and then lets the first answering (non-empty)
// object of the field's list replace that value; a PHP class that
// overrides the discovery reads what it reads, in its own order. Each walk
// makes the object's value differ from the sysDescr's.
const precedenceFixtureDir = "testdata/fixtures/precedence"

// precedenceCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var precedenceCases = map[string]want{
	// ProCurve: the definition (procurve) reads NETSWITCH-MIB
	// hpSwitchOsVersion after its sysDescr patterns; the object's release,
	// not the sysDescr's "revision Y.11.16". The hardware as it reads
	// that sysDescr: the product number and the name (J9280A 2510G-48).
	"procurve-version-object": {"hp-procurve", "HPE", "J9280A 2510G-48", "CN812AB0XY", "ArubaOS-Switch", "Y.11.52", "switch"},
	// The same with hpSwitchOsVersion answering an empty string: PHP's
	// empty() passes it over and the sysDescr's release stays.
	"procurve-version-object-empty": {"hp-procurve", "HPE", "J9280A 2510G-48", "CN812AB0XZ", "ArubaOS-Switch", "Y.11.16", "switch"},
	// The Foundry-built 9300 routing switches: HP-SN-AGENT-MIB snAgImgVer,
	// the definition's second version object.
	"procurve-9304m-snagimgver": {"hp-procurve", "HPE", "9304M", "", "ProCurve", "08.0.01mT53", "switch"},
	// Junos.php: the virtual-chassis member 0's software version before the
	// sysDescr's "kernel JUNOS 18.4R2-S4.1".
	"junos-vc-member-release": {"juniper-junos", "Juniper Networks", "EX4300-48P", "PE3714AF0123", "Junos", "18.4R3-S2.3", "switch"},
	// Junos.php: Junos OS Evolved's hrSWInstalledName.1 release before the
	// sysDescr's.
	"junos-evo-installed-release": {"juniper-junos", "Juniper Networks", "PTX10001-36MR", "BE180", "Junos", "23.2R1.14-EVO", "router"},
	// VOSS: the definition (voss) reads RAPID-CITY rcSysVersion through its
	// version_regex (digits.digits and what follows to a space), which
	// replaces the sysDescr's bracketed release.
	"voss-rcsysversion": {"extreme-voss", "Extreme Networks", "VSP-8284XSQ", "", "VOSS", "8.1.6.0_B012", "switch"},
	// The same where rcSysVersion's value does not match that regex: the
	// sysDescr's release stays.
	"voss-rcsysversion-nomatch": {"extreme-voss", "Extreme Networks", "VSP-8284XSQ", "", "VOSS", "8.1.5.0", "switch"},
	// IronWare: the definition (ironware) reads FOUNDRY-SN-AGENT-MIB
	// snAgImgVer after its sysDescr pattern "IronWare Version V...".
	"ironware-snagimgver": {"brocade-fastiron", "Brocade", "NetIron CER 2024C", "BVJ2219K00A", "FastIron", "5.6.0gT183", "router"},
	// BDCOM: the definition (bdcom) reads NMS-CHASSIS nmscardDescr,
	// nmscardSwVersion and nmscardSerial (rows 0 and 1) after its
	// three-line sysDescr pattern; the card's values, the descr's product.
	// fq54: the descr whole, as the definition reads nmscardDescr.0 with no
	// regex (was its first word, P3310D-2AC).
	"bdcom-nmscard-object": {"bdcom", "BDCOM", "P3310D-2AC mother card", "3310D7654321", "", "10.1.0F Build 52866", "appliance"},
	// NetApp: the definition (netapp) reads productVersion between "NetApp
	// Release " and the first colon, "7-Mode" included; no sysDescr.
	"netapp-productversion": {"netapp-ontap", "NetApp", "FAS2240-2", "700000123456", "ONTAP", "8.2.5 7-Mode", "storage"},
	// ACOS: the definition (acos) reads A10-AX-MIB axSysPrimaryVersionOnDisk
	// after its sysDescr pattern "<hardware>, ACOS <version>,".
	"acos-objects": {"a10-acos", "A10 Networks", "TH3030S", "TH30A12345678901", "ACOS", "4.1.4-GR1-P6", "load_balancer"},
	// AudioCodes: the definition (audiocodes) reads AC-SYSTEM-MIB
	// acSysIdName and acSysVersionSoftware, no sysDescr.
	"audiocodes-objects": {"audiocodes", "AudioCodes", "Mediant 800B", "8921234", "", "7.20A.258.459", "appliance"},
	// UniFi: Unifi.php reads UBNT-UniFi-MIB unifiApSystemModel and
	// unifiApSystemVersion, no sysDescr.
	"unifi-mib-over-sysdescr": {"ubiquiti-unifi-sysdescr", "Ubiquiti", "UAP-AC-Pro", "", "UniFi", "6.5.28.14491", "access_point"},
	// SmartAX: the definition (smartax) reads ENTITY entPhysicalDescr.36 up
	// to its comma and HUAWEI-DEVICE-MIB hwSysVersionVrcb, no sysDescr.
	"smartax-objects": {"huawei-smartax", "Huawei", "MA5800-X17", "021LPF10K3005678", "SmartAX", "V100R021C00", "switch"},
	// PowerAlert: the definition (poweralert) reads UPS-MIB
	// upsIdentAgentSoftwareVersion, else upsIdentUPSSoftwareVersion (as
	// written), no sysDescr.
	// (fq73: the stored definition's os module (58aa4b8) reads
	// upsIdentUPSSoftwareVersion alone; the profile reads it first, the
	// card's agent release after; this case, answering the first alone,
	// unchanged. fq106: the newest os module, d17c059, reads the agent's
	// first, then the UPS's, as this comment's first sentence says; this
	// case still answers the UPS's alone, unchanged.)
	"tripplite-ups-firmware": {"tripplite-poweralert", "Tripp Lite", "SMART1500RMXL2U", "2736AV0SM10987", "PowerAlert", "FW-2.6.0", "ups"},
	// Axis: the definition (axiscam) reads the serial from ifPhysAddress.2
	// only; its sysDescr pattern names none.
	"axis-mac-over-sysdescr": {"axis-camera", "Axis", "M3046-V", "ACCC8E0A1B3D", "AXIS OS", "9.80.3.8", "camera"},
	// PBN: the definition (pbn) reads its one sysDescr pattern "...Software
	// <hardware> Series Software, Version <version>, ...Serial num:<serial>,";
	// the release with its build, not the boot ROM's "Version 0.4.1," the
	// looser pattern found first before.
	"pbn-series-sysdescr": {"pbn", "PBN", "PBN-S3100", "PB15012345", "", "2.1.1C Build 16009", "switch"},
	// SNR: the definition (snr) reads NAG-MIB sysHardwareVersion and
	// sysSoftwareVersion, no sysDescr.
	"snr-nag-objects": {"snr", "NAG", "SNR-S2985G-24TC", "SW010310J918000029", "", "7.0.3.5(R0241.0175)", "switch"},
	// Aruba Instant: the definition (aruba-instant) reads the release from
	// the AP's sysDescr only (not aiVirtualControllerVersion), and
	// ArubaInstant.php the serial from the cluster table's first row, not
	// the row named as sysName.
	// fq68: release was 8.10.0.6, now 8.10.0.6-8.10.0.6: the release as the definition (aruba-instant) reads it, all its sysDescr
	// writes after "Version " (\S+), the ArubaOS and Instant releases joined.
	"aruba-instant-sysdescr-release": {"aruba-instant", "Aruba", "515", "CNQRS1T2UV", "ArubaOS Instant", "8.10.0.6-8.10.0.6", "access_point"},
	// Netgear: the definition (netgear) reads the hardware from the
	// sysDescr's first word alone (not the ENTITY row) and the release
	// from it where entPhysicalSoftwareRev.1 does not answer (not
	// agentInventorySoftwareVersion, which it does not read).
	"netgear-sysdescr-first": {"netgear", "Netgear", "GS724Tv4", "2FX1234A00123", "", "6.3.1.4", "switch"},
	// PowerConnect / DNOS 6: the definitions (powerconnect, dnos) read
	// Dell-Vendor-MIB productIdentificationDisplayName and
	// productIdentificationVersion before anything else; the display name
	// whole but for the maker's "Dell " (fq35; was "N2048P").
	"powerconnect-vendor-mib": {"dell-powerconnect", "Dell", "Networking N2048P", "7XYZ123", "PowerConnect", "6.3.3.11", "switch"},
	// ESXi: the definition (vmware-esxi) reads the hardware from
	// entPhysicalDescr.1, not the chassis row's model name (here a part
	// number).
	"esxi-entity-descr": {"vmware-esxi", "", "ProLiant DL380 Gen10", "CZJ9290ABC", "ESXi", "7.0.3", "hypervisor"},
	// iLO: the definition (hpe-ilo) reads CPQHOST-MIB cpqHoFwVerVersion.0
	// (its first digits and dots) over its sysDescr pattern; not
	// cpqSm2CntlrRomRevision.
	"ilo-host-fw-version": {"hp-ilo", "HPE", "ProLiant DL380 Gen10", "CZJ9290ABC", "iLO", "2.78", "bmc"},
}

func TestPrecedenceFixtures(t *testing.T) {
	checkFixtures(t, precedenceFixtureDir, precedenceCases)
}
