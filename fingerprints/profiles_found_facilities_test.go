package fingerprints

import (
	"testing"
)

// foundFacilitiesFixtureDir holds small walks written from the vendor MIBs
// and the device-support definitions' detection shapes of the facility,
// power, environment, industrial, timing and broadcast families found
// among LibreNMS's OS definitions that no profile detected.
const foundFacilitiesFixtureDir = "testdata/fixtures/found-facilities"

// foundFacilitiesCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var foundFacilitiesCases = map[string]want{
	// TimeMachines time servers by TMI-COMMON-SMI under net-snmp's Linux
	// registration: no model (the uname's machine is the board's). fq34:
	// the kernel release as the version (was none): the definition
	// (timemachines, group unix, no os module or class) leaves it to
	// Shared\Unix's discoverOS, the sysDescr's first ' N.N' word.
	// fq107: model 'Generic ARMv7' (was none): the definition's class,
	// Shared\Unix (group unix, no class of its own), writes the machine
	// class of the uname line's 'armv7l' as the hardware (os_detection
	// a30eebd).
	"timemachines-ntp": {"timemachines-ntp", "TimeMachines", "Generic ARMv7", "", "Linux", "4.14.79-ti-r84", "appliance"},
	// ... and by TimeMachines' own registration, where the agent gives it.
	"timemachines-registration": {"timemachines-ntp", "TimeMachines", "TM2000B", "", "", "", "appliance"},
	// UHP VSAT terminals: UHP-MIB swVersion and serialNumber as the agent
	// states them (Gauge32), as the definition reads them.
	"uhp-vsat": {"uhp-vsat", "UHP Networks", "", "1194684", "", "50725393", "wireless"},
	// Samlex America inverters: SAMLEXAMERICA-MIB's product group.
	"samlex-inverter": {"samlex-inverter", "Samlex America", "PSR-1200-48", "", "", "1.3", "power"},
	// Huawei SMU power controllers: HUAWEI-SITE-MONITOR-MIB's monitor row 1,
	// under net-snmp's registration (the uname is not the SMU's) and under
	// the MIB's own (a site description that names no product).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release V500R002C10SPC170, not Linux's): an OS is named beside its own release only.
	"huawei-smu":     {"huawei-smu", "Huawei", "SMU02C", "2102311TVH10J8000127", "", "V500R002C10SPC170", "power"},
	"huawei-smu-oid": {"huawei-smu", "Huawei", "", "", "", "V300R001C01SPC060", "power"},
	// ... and by the MIB's registration alone, as the definition detects it.
	"huawei-smu-registration": {"huawei-smu", "Huawei", "SMU02C", "", "", "", "power"},
	// Delta ORION DC controllers: dcSoftwareVersion as written.
	"delta-orion": {"delta-orion", "Delta", "", "", "", "V4.20Build07", "power"},
	// GE Pulsar DC controllers: NE843-MIB's system object (board code,
	// serial, version), as the definition's code reads them.
	"ge-pulsar-ne843": {"ge-pulsar", "GE", "QS873A", "09AZ24013377", "", "4.11.2", "power"},
	// Illustra cameras: the product code and firmware the sysDescr names.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release SS004.02.01.00.0012, not Linux's): an OS is named beside its own release only.
	"illustra-camera": {"illustra-camera", "Illustra", "IFS02D1ICWIT", "", "", "SS004.02.01.00.0012", "camera"},
	// ... wherever the sysDescr names them, as the definition's regexp
	// finds them.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release SS004.04.02.00.0007, not Linux's): an OS is named beside its own release only.
	"illustra-camera-prefixed": {"illustra-camera", "Illustra", "IFS03CFOCWST", "", "", "SS004.04.02.00.0007", "camera"},
}

func TestFoundFacilitiesFixtures(t *testing.T) {
	checkFixtures(t, foundFacilitiesFixtureDir, foundFacilitiesCases)
}
