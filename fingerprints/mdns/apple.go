package mdns

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
)

//go:embed apple_models.tsv
var appleModelsTSV string

// AppleModel is what an Apple model identifier names.
type AppleModel struct {
	Identifier string
	Product    string
	DeviceType string
	// Exact is false when only the family is known.
	Exact bool
}

// appleFamilies maps an identifier's family prefix to a product line, for
// identifiers newer than the table. Longer prefixes are tried first.
var appleFamilies = []struct{ prefix, product, deviceType string }{
	{"MacBookPro", "MacBook Pro", "laptop"},
	{"MacBookAir", "MacBook Air", "laptop"},
	{"MacBook", "MacBook", "laptop"},
	{"iMacPro", "iMac Pro", "desktop"},
	{"iMac", "iMac", "desktop"},
	{"Macmini", "Mac mini", "desktop"},
	{"MacPro", "Mac Pro", "desktop"},
	{"Mac", "Mac", "computer"},
	{"iPhone", "iPhone", "phone"},
	{"iPad", "iPad", "tablet"},
	{"iPod", "iPod touch", "media_player"},
	{"AppleTV", "Apple TV", "media_player"},
	{"AudioAccessory", "HomePod", "speaker"},
	{"Watch", "Apple Watch", "watch"},
	{"AirPort", "AirPort", "access_point"},
	{"TimeCapsule", "Time Capsule", "access_point"},
	{"RackMac", "Xserve", "server"},
	{"Xserve", "Xserve", "server"},
}

func parseAppleModels(s string) (map[string]AppleModel, error) {
	m := map[string]AppleModel{}
	sc := bufio.NewScanner(strings.NewReader(s))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[0] == "" || f[2] == "" {
			return nil, fmt.Errorf("apple_models.tsv line %d: want 3 tab-separated fields", n)
		}
		if _, dup := m[f[0]]; dup {
			return nil, fmt.Errorf("apple_models.tsv line %d: %s listed twice", n, f[0])
		}
		m[f[0]] = AppleModel{Identifier: f[0], DeviceType: f[1], Product: f[2], Exact: true}
	}
	return m, sc.Err()
}

// LookupAppleModel maps an identifier ("MacBookPro18,3") to its product
// ("MacBook Pro (14-inch, 2021)"), falling back to the product line for
// identifiers the table does not list. ok is false for anything that is
// not shaped like an Apple identifier of a known family.
func (r *Rules) LookupAppleModel(id string) (AppleModel, bool) {
	id = strings.TrimSpace(id)
	if am, ok := r.apple[id]; ok {
		return am, true
	}
	for _, f := range appleFamilies {
		rest, ok := strings.CutPrefix(id, f.prefix)
		if !ok || !appleGeneration(rest) {
			continue
		}
		return AppleModel{Identifier: id, Product: f.product, DeviceType: f.deviceType}, true
	}
	return AppleModel{}, false
}

// appleGeneration reports whether s is "", "N" or "N,M" (digits): what
// follows the family in an identifier.
func appleGeneration(s string) bool {
	if s == "" {
		return true
	}
	major, minor, hasMinor := strings.Cut(s, ",")
	if !digits(major) {
		return false
	}
	return !hasMinor || digits(minor)
}

func digits(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
