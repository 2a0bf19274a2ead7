package fingerprints

import (
	"testing"
)

// foundNetworkFixtureDir holds small walks written from the vendor MIBs
// (and the objects the device-support definitions name) of OS families the
// census of those definitions found no profile for: telecom, voice,
// appliances, storage, wireless and endpoints.
const foundNetworkFixtureDir = "testdata/fixtures/found-network"

// foundNetworkCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var foundNetworkCases = map[string]want{
	// F5OS (rSeries, VELOS) on F5's second enterprise: the platform object
	// the definition f5os reads, the release after 'version'.
	"f5os-rseries": {"f5os", "F5", "r5900", "", "F5OS", "1.7.0-3518", "load_balancer"},
	// Huawei OptiX RTN: optixNeDeviceType's product, the RF unit's factory
	// information, the sysDescr's release. The model is the enumeration's
	// label, 'optixrtn950', as the definition huawei-optixrtn's os module
	// fetches it (snmpget -OUQ, the MIB loaded); was 'OptiX RTN 950', the
	// product the MIB's DESCRIPTION names (fq61). owner: 'OptiX RTN 950'
	// again, the same product written as its maker names it, not the
	// MIB's descriptor.
	"huawei-optix-rtn": {"huawei-optix-rtn", "Huawei", "OptiX RTN 950", "2102113471P0K3000218", "OptiX RTN", "V100R011C10SPC300", "wireless"},
	// DragonWave Horizon Duo: the IDU inventory's assembly number, serial
	// and system release (quotes and the 'V' dropped).
	"dragonwave-horizon-duo": {"dragonwave-horizon-duo", "DragonWave", "A-DS-H23-1013-01", "20417A0153", "", "V1.2.1", "wireless"}, // V kept: horizon-duo reads hzIduSwInvSystemOmniVersionNo.0 whole (fpU)
	// FibroLAN Falcon: the release LLDP's local system description states.
	"fibrolan-falcon": {"fibrolan-falcon", "FibroLAN", "", "", "Falcon OS", "2.4.7", "switch"},
	// GE MDS Orbit: MDS-SYSTEM-MIB's product configuration, platform serial
	// and firmware location 2's release; on net-snmp's registration, the
	// active image's release (location 1 only).
	"ge-mds-orbit": {"ge-mds-orbit", "GE MDS", "MCR-4G-1N-LTE-AC", "2417093", "", "10.1.4", "router"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 8.3.2, not Linux's): an OS is named beside its own release only.
	"ge-mds-orbit-netsnmp": {"ge-mds-orbit", "GE MDS", "ECR-2E-900-N", "2390511", "", "8.3.2", "router"},
	// LANCOM R&S Unified Firewall: RSCS-LICENSE's licence type, no kernel
	// release.
	"lancom-lcos-fx": {"lancom-lcos-fx", "LANCOM", "UF-360", "", "LCOS FX", "", "firewall"},
	// Peplink FusionHub on net-snmp's registration: the DEVICE MIB (peplink).
	// deviceFirmwareVersion whole, as the definition (fusionhub) reads it
	// (fq6; was the release alone). fq115: was {peplink, FusionHub,
	// Peplink Firmware, 8.4.1 build 5384}; now peplink-linux, Generic x86
	// 64-bit, Linux, 4.9.120: on 8072.3.2.10 with uname's Linux line no
	// definition but linux takes it (fusionhub detects 23695 alone), and
	// linux reads Shared\Unix's machine class and the kernel's release;
	// the DEVICE serial stays, the unit's own.
	"peplink-fusionhub": {"peplink-linux", "Peplink", "Generic x86 64-bit", "1111-2222-3333", "Linux", "4.9.120", "router"},
	// Infinera XTM: LUM-INVENTORY-MIB's node entry description,
	// LUM-SYSTEM-MIB's build version.
	"infinera-xtm": {"infinera-xtm", "Infinera", "TM-3000/II", "", "XTM", "29.0.3", "switch"},
	// MRV switches on 629.6.10.84: the unit table's hardware, serial and
	// release.
	"mrv-switch": {"mrv-switch", "MRV", "OS910-M", "10170M0423", "", "2.1.6", "switch"},
	// Dataprobe iBoot PDUs: IBOOTPDU-MIB's model name and firmware, on
	// Dataprobe's registration and on net-snmp's (no kernel release).
	// fq22: firmwareVersion whole, its 'v' kept ('v1.04.0210', before
	// 1.04.0210), as the definition (iboot) reads IBOOTPDU-MIB's
	// firmwareVersion.0.
	"dataprobe-iboot": {"dataprobe-iboot", "Dataprobe", "iBoot-PDU8-N15", "", "", "1.03.1123", "pdu"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release v1.04.0210, not Linux's): an OS is named beside its own release only.
	"dataprobe-iboot-netsnmp": {"dataprobe-iboot", "Dataprobe", "iBoot-PDU4-C10", "", "", "v1.04.0210", "pdu"},
	// ES4552BH2 (the definition fusion) on its cheetahSwitchMgt arc 120:
	// edgecore-ecs reads its switchMgt group as the other Edgecore modules'.
	"edgecore-es4552bh2": {"edgecore-ecs", "Edgecore", "ES4552BH2-FL2", "EC1207003318", "", "1.1.2.14", "switch"},
	// Positron GAM: GAM-SYSUTIL-MIB's board type and serial, the
	// sysDescr's release with its 'v', as the definition's (gam) pattern
	// '(?<version>v[0-9\.]+)' keeps it (fq6; was without it).
	"positron-gam": {"positron-gam", "Positron", "GAM-24-C", "P2311G0042", "GAM", "v1.6.3", "switch"},
	// Huawei SMU (huawei-smu) whose site description names no product:
	// the product HUAWEI-DEVICE-MIB's upgrade version names before its
	// release, the hardware the definition reads.
	"huawei-smu-upgrade-version": {"huawei-smu", "Huawei", "SMU02C", "2102312FDB10N5000123", "", "V500R022C10SPC010", "power"},
}

func TestFoundNetworkFixtures(t *testing.T) {
	checkFixtures(t, foundNetworkFixtureDir, foundNetworkCases)
}
