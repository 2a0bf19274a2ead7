package fingerprints

import (
	"regexp"
	"strings"

	"github.com/netcensus/netcensus/record"
)

var debArches = map[string]bool{
	"all": true, "amd64": true, "i386": true, "arm64": true, "armhf": true, "armel": true,
	"mips": true, "mipsel": true, "mips64el": true, "ppc64el": true, "s390x": true, "riscv64": true,
	"any": true, "x86_64": true, "i686": true,
}

var rpmArches = map[string]bool{
	"x86_64": true, "i386": true, "i486": true, "i586": true, "i686": true, "noarch": true,
	"aarch64": true, "ppc64le": true, "ppc64": true, "ppc": true, "s390x": true, "armv7hl": true,
	"armhfp": true, "src": true, "athlon": true, "ia64": true, "riscv64": true,
}

var (
	// A version: optional epoch, a digit, then version characters.
	pkgVersionRE = regexp.MustCompile(`^([0-9]+:)?[0-9][A-Za-z0-9.+~:_-]*$`)
	// A Windows-style trailing version token: needs a dot ("120.0.1") or a
	// leading v ("v8.5").
	winVersionRE = regexp.MustCompile(`^[vV]?([0-9]+(\.[0-9A-Za-z]+)+)$`)
	winArchRE    = regexp.MustCompile(`(?i)\b(x64|x86_64|amd64|x86|arm64|64-bit|32-bit)\b`)
	trailArchRE  = regexp.MustCompile(`(?i)\s*\((x64|x86|64-bit|32-bit|amd64|arm64)\)\s*$`)
)

// ParseSoftware splits an hrSWInstalledName into name, version and
// architecture, following the conventions agents use:
//
//   - Debian snmpd: name_version_arch ("libc6_2.36-9+deb12u4_amd64")
//   - rpm: name-[epoch:]version-release.arch ("openssl-libs-1:3.0.7-25.el9.x86_64")
//   - Windows: "Name Version" ("Mozilla Firefox (x64 en-US) 120.0.1",
//     "Microsoft Visual C++ 2019 X64 Minimum Runtime - 14.29.30133")
//   - anything else: the whole text is the name.
func ParseSoftware(name string) record.Software {
	s := strings.TrimSpace(strings.TrimRight(record.Sanitize(strings.TrimRight(name, "\x00")), "\x00"))
	if s == "" {
		return record.Software{}
	}
	if sw, ok := parseDeb(s); ok {
		return sw
	}
	if sw, ok := parseRPM(s); ok {
		return sw
	}
	if sw, ok := parseWindows(s); ok {
		return sw
	}
	return record.Software{Name: s}
}

func parseDeb(s string) (record.Software, bool) {
	if strings.ContainsAny(s, " \t") {
		return record.Software{}, false
	}
	parts := strings.Split(s, "_")
	switch {
	case len(parts) == 3 && debArches[parts[2]] && parts[0] != "" && pkgVersionRE.MatchString(parts[1]):
		return record.Software{Name: parts[0], Version: parts[1], Arch: parts[2]}, true
	}
	return record.Software{}, false
}

func parseRPM(s string) (record.Software, bool) {
	if strings.ContainsAny(s, " \t") {
		return record.Software{}, false
	}
	arch := ""
	body := s
	if i := strings.LastIndexByte(s, '.'); i > 0 && rpmArches[s[i+1:]] {
		arch, body = s[i+1:], s[:i]
	}
	r := strings.LastIndexByte(body, '-')
	if r <= 0 {
		return record.Software{}, false
	}
	v := strings.LastIndexByte(body[:r], '-')
	if v <= 0 {
		return record.Software{}, false
	}
	name, version, release := body[:v], body[v+1:r], body[r+1:]
	if name == "" || release == "" || !pkgVersionRE.MatchString(version) {
		return record.Software{}, false
	}
	if release[0] < '0' || release[0] > '9' {
		return record.Software{}, false
	}
	if arch == "" && !strings.Contains(version, ".") {
		// Without an arch, demand a dotted version so "foo-1-2" style
		// names are not split by accident.
		return record.Software{}, false
	}
	return record.Software{Name: name, Version: version + "-" + release, Arch: arch}, true
}

func parseWindows(s string) (record.Software, bool) {
	arch := ""
	if m := trailArchRE.FindStringSubmatch(s); m != nil {
		arch = strings.ToLower(m[1])
		s = strings.TrimSpace(s[:len(s)-len(m[0])])
	}
	i := strings.LastIndexAny(s, " \t")
	if i <= 0 {
		if arch != "" {
			return record.Software{Name: s, Arch: arch}, true
		}
		return record.Software{}, false
	}
	tok := s[i+1:]
	m := winVersionRE.FindStringSubmatch(tok)
	if m == nil {
		if arch != "" {
			return record.Software{Name: s, Arch: arch}, true
		}
		return record.Software{}, false
	}
	name := strings.TrimSpace(s[:i])
	name = strings.TrimSpace(strings.TrimRight(name, "-–:,"))
	if name == "" {
		return record.Software{}, false
	}
	if arch == "" {
		if a := winArchRE.FindString(name); a != "" {
			arch = strings.ToLower(a)
		}
	}
	return record.Software{Name: name, Version: m[1], Arch: arch}, true
}
