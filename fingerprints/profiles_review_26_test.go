package fingerprints

import (
	"testing"
)

// review26FixtureDir holds small walks written from the vendor MIBs for
// fq26's review of the profile changes landed after f3d50b0: each pins a
// correction against the definitions and MIBs the reviewed commit cites.
const review26FixtureDir = "testdata/fixtures/review-26"

// review26Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review26Cases = map[string]want{
	// Corrects b84fd16 (and completes fq30's 9706d84 after it), whose
	// device types for extremeProducts left the later registrations
	// EXTREME-BASE-MIB (2025) describes as no switch a switch. The
	// ExtremeCloud IQ Controller E2120 (extremeProduct 294,
	// extremeESEx2000) is a wireless controller (was switch). The model
	// is the product registry's label for the registration, the OS the
	// definition's (xos detects every registration under
	// extremeProducts): neither is this change's.
	// fq36: no OS (was EXOS, the definition xos's for every
	// extremeProducts registration): a controller runs no ExtremeXOS
	// (extreme-nonswitch).
	// fq42: the model the product's name the MIB entry states ('Name
	// "E2120"'), not the product registry's label, the object's name
	// (was ESEx2000).
	"extreme-cloud-iq-controller-e2120": {"extreme-nonswitch", "Extreme Networks", "E2120", "", "", "", "wireless_controller"},
	// An Extreme Management Center server (extremeProduct 417,
	// extremeNMSxGeneric): an appliance (was switch).
	// fq36: no OS, a server running no ExtremeXOS (was EXOS).
	"extreme-management-center": {"extreme-nonswitch", "Extreme Networks", "", "", "", "", "appliance"},
	// An Application Sensor and Analytics Engine (extremeProduct 428,
	// extremeAnalyticsAppliance, "This appliance provides ..."): an
	// appliance (was switch).
	// fq36: no OS, an appliance running no ExtremeXOS (was EXOS).
	"extreme-analytics-appliance": {"extreme-nonswitch", "Extreme Networks", "", "", "", "", "appliance"},
}

func TestReview26Fixtures(t *testing.T) {
	checkFixtures(t, review26FixtureDir, review26Cases)
}
