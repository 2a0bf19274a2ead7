package fingerprints

import (
	"testing"
)

// variantsOpticalTelecomCamerasFixtureDir holds small walks written from the
// vendor MIBs for the variants of the optical, telecom, camera and
// environmental-sensor families: each fixture is one variant's shape that a
// profile read partly or not at all before.
const variantsOpticalTelecomCamerasFixtureDir = "testdata/fixtures/variants-optical-telecom-cameras"

// variantsOpticalTelecomCamerasCases: fixture name → the expected result
// (profile, vendor, model, serial, os, os_version, device_type).
var variantsOpticalTelecomCamerasCases = map[string]want{
	// Hikvision recorders on HIKVISION-MIB's arc: hikEntityType names the
	// kind (before: no model).
	"hikvision-nvr-type": {"hikvision-nvr", "Hikvision", "NVR", "1620210512CCRRG12345678WCVU", "", "", "nvr"},
	"hikvision-dvr-type": {"hikvision-nvr", "Hikvision", "DVR", "0420190807CCWRD98765432WCVU", "", "", "nvr"},
	// The same recorder on net-snmp's sysObjectID (before: a Linux host),
	// and a recorder answering HIK-DEVICE-MIB there (before: a camera);
	// its softwVersion whole, the V kept, as hikvision-cam reads it (fpU).
	"hikvision-nvr-net-snmp": {"hikvision-nvr", "Hikvision", "NVR", "3220220301CCRRK87654321WCVU", "Linux", "", "nvr"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release V4.30.085 build 200916, not Linux's): an OS is named beside its own release only.
	// fq52: Linux with the kernel's release (was hikvision, softwVersion
	// beside no OS): hikvision-cam wants no sysObjectID, so an agent on
	// 8072.3.2.10 writing a uname line is linux's, whose Shared\Unix reads
	// the kernel's release; hikvision-device-mib keeps maker, model, type.
	// fq66: was hikvision-device-mib, Linux and the kernel's 3.10.0; now
	// hikvision, softwVersion beside no OS: hikvision-cam's detection (hikvision-cam.yaml, both stored versions) names no sysObjectID and Core.php checks it before the generic linux.
	// fq103: was hikvision, softwVersion beside no OS; now
	// hikvision-device-mib, Linux and the kernel's 3.10.0 again: the newest
	// hikvision-cam.yaml (34cba3b) wants no sysObjectID.
	// fq107: model 'Generic ARMv7' (was DS-7616NI-K2): linux's hardware,
	// Shared\Unix's machine class of 'armv7l' (os_detection 11a4d8b),
	// before deviceType.
	"hikvision-mib-recorder": {"hikvision-device-mib", "Hikvision", "Generic ARMv7", "", "Linux", "3.10.0", "nvr"},
	// Ciena SAOS 6 on World Wide Packets' arc: the running package of
	// WWP-LEOS-SW-XGRADE-MIB (before: no release, no OS); the CN agent's
	// release in the sysDescr (before: '1.2.3' without its build).
	"ciena-saos-leos": {"ciena-saos", "Ciena", "3942", "M2123456", "SAOS", "saos-06-20-00-0211", "switch"},
	"ciena-cn-recog":  {"ciena-saos", "Ciena", "3106", "", "", "1.2.3(07)", "switch"},
	// A 6500 on Nortel's arc, by Recog's sysDescr shape (before: vendor
	// Northern Telecom, no model); a Waveserver whose identification
	// answers only its model column (before: 'Waveserver', the sysDescr's).
	"ciena-6500-nortel-arc":         {"ciena-6500-descr", "Ciena", "6500", "", "", "1250", "switch"},
	"ciena-waveserver-model-column": {"ciena-waveserver", "Ciena", "WS-5", "", "Waveserver OS", "waveserver-5-2.1.0", "switch"},
	// Axis: the release where the sysDescr has no leading ' ; ' (before:
	// none), after the product type on older firmware (before: none), and
	// AXIS OS devices on net-snmp's sysObjectID (before: a Linux host).
	"axis-camera-no-lead":           {"axis-camera", "Axis", "M3106-L Mk II", "ACCC8E5A0B1C", "AXIS OS", "10.9.4", "camera"},
	"axis-camera-old-firmware":      {"axis-camera", "Axis", "214", "", "AXIS OS", "4.49", "camera"},
	"axis-camera-net-snmp":          {"axis-camera", "Axis", "Q3538-LVE", "B8A44F7E2D10", "AXIS OS", "11.9.60", "camera"},
	"axis-speaker-net-snmp":         {"axis-camera", "Axis", "C1310-E Mk II", "B8A44F11AA22", "AXIS OS", "11.8.64", "appliance"},
	"axis-door-controller-net-snmp": {"axis-camera", "Axis", "A1610-B", "B8A44F2233CC", "AXIS OS", "12.1.64", "appliance"},
	// A 7210 SAS on tmnxBasedProducts' arc (6527.6.2): SR OS, the chassis
	// its registration names (before: nokia-isam's OS ISAM, model SAS-M).
	"nokia-sros-sas": {"nokia-sros", "Nokia", "7210 SAS-M", "NS1234A5678", "SR OS", "9.0.R12", "switch"},
	// A 7705 SAR there, its sysDescr writing the family before the number
	// (before: nokia-isam's OS ISAM, model 'SAR 7705', a switch).
	"nokia-sros-sar": {"nokia-sros", "Nokia", "7705 SAR", "NS1139C0456", "SR OS", "8.0.R5", "router"},
	// Huawei SmartAX: the MA5800 registration in Huawei's capitals (before:
	// 'MA5800-x17') and hwSysVersion's release (before: none); 2011.2.80.8
	// is the MA5600T (before: 'MA5600V8', the registration's name).
	"huawei-smartax-ma5800": {"huawei-smartax", "Huawei", "MA5800-X17", "2102311QRT10K5000123", "SmartAX", "V100R019C10", "switch"},
	// The MA5600T's hwSysVersionVrcb writes the product before the
	// release: the definition (smartax) reads the object whole,
	// "MA5600V800R018C10" (was "V800R018C10", the release cut from it;
	// fq61, after the definition's os module: version
	// HUAWEI-DEVICE-MIB::hwSysVersionVrcb.0, no regex).
	"huawei-smartax-ma5600t": {"huawei-smartax", "Huawei", "MA5600T", "", "SmartAX", "MA5600V800R018C10", "switch"},
	// ADVA FSP 3000 R7: ADVA-MIB's shelf serial and NCU software (before:
	// neither), and the release train kept in the model (before: FSP3000R).
	// (The hardware now as the definition's poller (adva_fsp3kr7) writes
	// it, the first shelf's '<inventoryUnitName> V<inventoryHardwareRev>':
	// fq21; was "FSP3000R7", the sysDescr's.)
	"adva-fsp3000r7-inventory": {"adva-fsp", "ADVA", "SH9HU V2.01", "FA12345678901", "", "18.2.3", "switch"},
}

func TestVariantsOpticalTelecomCamerasFixtures(t *testing.T) {
	checkFixtures(t, variantsOpticalTelecomCamerasFixtureDir, variantsOpticalTelecomCamerasCases)
}
