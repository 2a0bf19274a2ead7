package fingerprints

import (
	"testing"
)

// reviewNetworkFixtureDir holds small walks written from the vendor MIBs
// for the review of the network, wireless, firewall, telecom, voice and
// OS profiles against the families' device-support definitions: devices
// a profile's match missed, and values read from another object or in
// another form than the device states.
const reviewNetworkFixtureDir = "testdata/fixtures/review-network"

// reviewNetworkCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var reviewNetworkCases = map[string]want{
	// A first-generation UniFi AP on airOS's agent (10002.1): UniFi's
	// firmware image (BZ), its four-part release.
	"ubiquiti-unifi-airos-agent": {"ubiquiti-airos", "Ubiquiti", "UAP-LR", "", "UniFi", "3.7.58.6385", "access_point"},
	// Dell W-series (Aruba OEM) on DELL-WLAN-MIB's registrations under
	// powerConnect: ArubaOS, not a PowerConnect switch; Aruba's
	// WLSX-SYSTEMEXT-MIB serial; without a MODEL in sysDescr, the
	// registration as Dell writes it.
	"dell-w-series-controller": {"dell-w-series", "Dell", "W-3200", "BE0004217", "ArubaOS", "6.1.3.4", "wireless_controller"},
	// A Ruckus AP whose software table lists the backup image first: the
	// active image's revision.
	"ruckus-ap-backup-image-first": {"ruckus-ap", "Ruckus", "R750", "432104056789", "Ruckus AP", "116.2.0.0.2083", "access_point"},
	// OPNsense under its default host name: the release its version
	// extend states, not the FreeBSD release after the host name; a
	// kernel built on OPNsense's build host (root@sensey64) is OPNsense,
	// whose release the sysDescr does not state (FreeBSD's remains).
	"opnsense-default-hostname-extend": {"opnsense", "Deciso", "Generic x86 64-bit", "", "OPNsense", "23.7.12_5", "firewall"},
	"opnsense-sensey-kernel":           {"opnsense", "Deciso", "Generic x86 64-bit", "", "OPNsense", "11.1-RELEASE-p11", "firewall"},
	// A FortiGate whose FORTINET-FORTIGATE-MIB system group does not
	// answer: the ENTITY chassis row's software revision, written as
	// fgSysVersion is, read as its release alone.
	"fortigate-entity-software-rev": {"fortinet-fortigate", "Fortinet", "FortiGate-60F", "FGT60FTK2109ABCD", "FortiOS", "7.2.5", "firewall"},
	"dell-w-series-iap":             {"dell-w-series", "Dell", "W-IAP155", "", "ArubaOS", "6.4.2.6-4.1.1.3", "access_point"},
}

func TestReviewNetworkFixtures(t *testing.T) {
	checkFixtures(t, reviewNetworkFixtureDir, reviewNetworkCases)
}
