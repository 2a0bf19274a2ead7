package fingerprints

import (
	"testing"
)

// variantsSwitchingBFixtureDir holds small walks written from the vendor
// MIBs for the variants of the mid-size switching families (stacks, router
// images, chassis and router families, old and new firmware): model, serial
// and version read from each vendor's own objects.
const variantsSwitchingBFixtureDir = "testdata/fixtures/variants-switching-b"

// variantsSwitchingBCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var variantsSwitchingBCases = map[string]want{
	// FastIron/ICX: a stack on a router image writes 'Stacking System'
	// before the product and ' Router' after it; the stack's chassis
	// scalar is empty, so the first unit's snChasUnitSerNum.
	"ruckus-icx-stack-router": {"brocade-fastiron", "Ruckus", "ICX7150-48P", "FEK3219P07C", "FastIron", "08.0.95hT213", "switch"},
	// A chassis family whose product has spaces.
	"brocade-fastiron-sx": {"brocade-fastiron", "Brocade", "FastIron SX 800", "CH21083A1B", "FastIron", "08.0.01kT3e3", "switch"},
	// NetIron CER: the sysDescr names the family, the registration the product.
	"brocade-netiron-cer": {"brocade-fastiron", "Brocade", "NetIron CER 2024C", "BVW3842K01R", "FastIron", "5.8.0cT183", "router"},
}

func TestVariantsSwitchingBFixtures(t *testing.T) {
	checkFixtures(t, variantsSwitchingBFixtureDir, variantsSwitchingBCases)
}
