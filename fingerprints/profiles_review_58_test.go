package fingerprints

import (
	"testing"
)

// review58FixtureDir holds small walks written from the vendor MIBs for
// fq58's review of this session's profile changes (oldest first): where a
// change reads less or other than the device-support definition it
// cites, the definition's reading.
const review58FixtureDir = "testdata/fixtures/review-58"

// review58Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review58Cases = map[string]want{
	// Corrects 0e48efc: the definition huaweiups detects by upsIdentManufacturer.0
	// with an snmpget that names no op, so LibreNMS's detection default,
	// 'contains', holds ('HUAWEI' anywhere, as written), not the value
	// alone ('^HUAWEI$', which left this card to net-snmp's Linux with the
	// kernel's release). Its os module: upsIdentModel and
	// upsIdentUPSSoftwareVersion.
	"huawei-ups-mib-manufacturer-long": {"huawei-ups", "Huawei", "UPS2000-A-6KTTL", "", "", "V200R001C01SPC030", "ups"},
}

func TestReview58Fixtures(t *testing.T) { checkFixtures(t, review58FixtureDir, review58Cases) }
