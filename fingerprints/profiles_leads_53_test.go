package fingerprints

import (
	"testing"
)

// leads53FixtureDir holds small walks written from ENTITY-MIB,
// CISCO-PRODUCTS-MIB and EXTREME-BASE-MIB for fq53: the steps in which
// the shared Cisco OS discovery (LibreNMS/OS/Shared/Cisco.php discoverOS)
// picks the ENTITY row that names the hardware, and Extreme's remaining
// registrations.
const leads53FixtureDir = "testdata/fixtures/leads-53"

// leads53Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads53Cases = map[string]want{
	// Cisco.php step 2 for a row 1 that names nothing (a Catalyst 9200L
	// whose stack row 1 has neither model name nor name):
	// entPhysicalModelName.1000, switch 1's chassis (class chassis). The
	// serial switch 1's (the chassis row), not the power supply's at 1001
	// that getMainSerial (.1, then .1001) would state.
	"cisco-iosxe-stack-no-names-1000-chassis": {"cisco-ios-xe", "Cisco", "C9200L-24T-4G", "JAE24410ABC", "IOS-XE", "CAT9K_LITE_IOSXE 17.6.5", "switch"},
	// Cisco.php step 4: an agent answering no entPhysicalContainedIn.1
	// (row 1 names nothing in step 1), row 1000 a module without a model
	// name inside row 1: the name of row 1000's container, row 1's
	// ("2811 chassis"), as $data[$data[1000]['entPhysicalContainedIn']]
	// ['entPhysicalName'] reads it (was the registration's 2811).
	"cisco-ios-row1-unanswered-1000-inside": {"cisco-ios", "Cisco", "2811 chassis", "FTX1302A2BC", "IOS", "15.1(4)M12a", "router"},
	// Cisco.php step 6, the same for row 1001 (no row 1000): row 1's
	// name (was the registration's 2811).
	"cisco-ios-row1-unanswered-1001-inside": {"cisco-ios", "Cisco", "2811 chassis", "FTX1302A3BC", "IOS", "15.1(4)M12a", "router"},
	// Step 4's guard: row 1 a service module inside the chassis row 2,
	// row 1000 its port: Cisco.php would state row 1's name
	// (SM-SRE-710-K9), a part's, never the router's; only a chassis
	// row 1's name is read there, so the registration's product (2811).
	// fq116: was "2811"; now "cisco2811", Cisco.php's (ios)
	// CISCO-PRODUCTS-MIB label where its ENTITY steps give nothing.
	"cisco-ios-row1-module-1000-inside": {"cisco-ios", "Cisco", "cisco2811", "FHK1234F1AB", "IOS", "12.4(24)T8", "router"},
	// Cisco.php step 5 for a row 1 that names nothing (row 1 a network
	// module inside the chassis, no row 1000): entPhysicalModelName.1001,
	// the chassis (a Catalyst 3750-X), and its serial.
	"cisco-ios-row1-module-1001-chassis": {"cisco-ios", "Cisco", "WS-C3750X-48P-S", "FDO1723X0CD", "IOS", "15.2(4)E10", "switch"},
	// EXTREME-BASE-MIB ecos (.239), 'Extreme Cloud Operating System
	// (ECOS)': the OS its registration names, not the ExtremeXOS the
	// definition (xos) names for every extremeProducts registration (was
	// EXOS); typed switch as before (the entry names no product or kind).
	// fq67: ECOS kept (ec66d8d's none reverted): xos's ExtremeXOS is no
	// OS of this unit, and the project states the unit's own value where
	// a definition's is untrue (f743ce0, 199b936, 4c07dce).
	"extreme-ecos-239": {"extreme-other-os", "Extreme Networks", "", "", "ECOS", "", "switch"},
	// extremeCspAwsSubnetType (.308), the Extreme Cloud Services
	// Platform's 'virtual switch for Amazon Web Services (AWS) Subnet Type
	// deployments' (.309 GCP, .310 Azure alike): a switch, no ExtremeXOS
	// (was EXOS), no product named ('Name ""').
	"extreme-csp-aws-subnet-308": {"extreme-other-os", "Extreme Networks", "", "", "", "", "switch"},
	// extremeMcsVmwareHypervisorType (.311), the Management Connect
	// Services' 'virtual switch for physical VMware Hypervisor
	// deployments', whose agent writes a Linux uname line: no OS and no
	// kernel release beside none (was EXOS).
	"extreme-mcs-vmware-311-linux": {"extreme-other-os", "Extreme Networks", "", "", "", "", "switch"},
	// The same registrations where the agent's sysDescr names ExtremeXOS:
	// EXOS, its release and the bracketed hardware as xos's sysDescr_regex
	// reads them.
	"extreme-csp-azure-310-exos": {"extreme-other-os", "Extreme Networks", "EXOS-VM", "", "EXOS", "31.7.1.4", "switch"},
	// extremeNPB9920 (.410, 'Name "NPB9920"', 'Network Packet Broker
	// NPB9920'): a packet broker, an appliance as the Virtual Packet
	// Broker (.327) is, running no ExtremeXOS (was EXOS, switch).
	"extreme-npb9920-410": {"extreme-nonswitch", "Extreme Networks", "NPB9920", "", "", "", "appliance"},
	// sentriantPS200v1 (.130), 'Sentriant PS200 Network Security
	// Violation Monitoring appliance': PS200, as its siblings read
	// (AG200, NG300), not the object's name's 'PS200v1'.
	"extreme-sentriant-ps200-130": {"extreme-nonswitch", "Extreme Networks", "PS200", "", "", "", "appliance"},
	// extremeSnVirtualSensor100 (.321; 250, .322): 'Name ""', described
	// as 'Extreme Analytics Virtual Sensor Model 100': no product name,
	// so none (was the object's name, SnVirtualSensor100); an appliance.
	"extreme-analytics-virtual-sensor-321": {"extreme-nonswitch", "Extreme Networks", "", "", "", "", "appliance"},
	// extreme9920 (.504.2.1) under extremeONEOSProducts, 'Extreme 9920
	// platform running Extreme ONE OS software': that OS and the model as
	// the MIB names it without the maker ('Extreme 9920'), typed switch
	// (its entry says no packet broker; unchanged).
	"extreme-oneos-9920": {"extreme-exos", "Extreme Networks", "9920", "", "Extreme ONE OS", "", "switch"},
}

func TestLeads53Fixtures(t *testing.T) { checkFixtures(t, leads53FixtureDir, leads53Cases) }
