package fingerprints

import (
	"testing"
)

// regionalFixtureDir holds small walks written from the vendors' MIBs and the
// sysDescr shapes their software prints, for lesser-known network, security
// and load-balancing makers and for servers, BMCs, storage and appliances:
// model, serial and version read from each vendor's own objects.
const regionalFixtureDir = "testdata/fixtures/regional-network"

// regionalCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var regionalCases = map[string]want{
	// Cisco ACE: the appliance by its registration (ciscoACE4710K9), the
	// release ENTITY-MIB's software revision gives; a service module by the
	// ACSW sysDescr, its release there.
	"cisco-ace-4710":   {"cisco-ace", "Cisco", "ACE-4710-K9", "QCN1413A0B7", "ACSW", "A5(3.0)", "load_balancer"},
	"cisco-ace-module": {"cisco-ace", "Cisco", "ACE20-MOD-K9", "SAD120407RT", "ACSW", "A2(3.6)", "load_balancer"},
	// Cisco MDS on SAN-OS and Prime Infrastructure appliances: the OS and
	// kind the definitions name (sanos, primeinfrastructure); model, serial
	// and release as ENTITY-MIB and the sysDescr give them.
	"cisco-san-os":               {"cisco-san-os", "Cisco", "DS-C9509", "FOX0912S0XK", "SAN-OS", "3.3(1c)", "switch"},
	"cisco-prime-infrastructure": {"cisco-prime-infrastructure", "Cisco", "PI-UCS-APL-K9", "FCH2231V0LR", "Prime Infrastructure", "3.10.0.0.172", "server"},
	// NEC UNIVERGE IX: series model and release from the PICO sysDescr,
	// a maintenance release's letter kept.
	"nec-ix2215":             {"nec-ix", "NEC", "IX2215", "", "UNIVERGE IX", "10.7.18", "router"},
	"nec-ix2105-maintenance": {"nec-ix", "NEC", "IX2105", "", "UNIVERGE IX", "8.9.17B", "router"},
	// Citrix SD-WAN: CITRIX-NetScaler-SD-WAN-MIB serial and SD-WAN release;
	// the configured appliance name is not a model.
	// The version as the definition's template (netscaler-sdwan) writes it
	// (fq5).
	"citrix-sdwan": {"citrix-sdwan", "Citrix", "", "JD4X7B2K9Q", "SD-WAN", "OS: 11.2.0, SW: 11.2.3.11", "appliance"},
	// Blue Coat / Symantec ProxySG: the product before "Series".
	// sgProxyVersion whole, as the definition sgos reads it (fq12).
	"bluecoat-proxysg-symantec": {"bluecoat-proxysg", "Symantec", "SG-S400", "4417120045", "SGOS", "Version: SGOS 6.7.4.1 Proxy Edition", "appliance"},
	// FiberHome switches: hardware and release from the sysDescr.
	"fiberhome-switch": {"fiberhome-switch", "FiberHome", "S4820-28T-X", "", "", "3.0.2.B08", "switch"},
}

func TestRegionalNetworkFixtures(t *testing.T) { checkFixtures(t, regionalFixtureDir, regionalCases) }
