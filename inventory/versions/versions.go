// Package versions compares version strings the way the software that
// made them does: Debian's dpkg (epochs, ~, revisions), RPM (rpmvercmp),
// semantic versioning (pre-releases), and the network vendors' formats:
// Cisco IOS 15.2(4)E10, Junos 21.4R3-S5, FortiOS v7.2.8,build1639 (and
// FORTINET-FORTIGATE-MIB fgSysVersion's "v5.4.5,build1138,170531 (GA)"), Arista
// EOS 4.28.3M and PAN-OS 10.2.4-h3.
//
// Compare is antisymmetric for every scheme: Compare(s, a, b) ==
// -Compare(s, b, a). A string that does not parse in a vendor scheme is
// compared with the generic rules (dpkg's, without epoch or revision), and
// so is the other string of the pair, so that the answer stays symmetric.
package versions

import (
	"regexp"
	"strings"
)

// Scheme names a versioning convention.
type Scheme string

// Schemes.
const (
	// Auto detects the scheme from the two strings.
	Auto     Scheme = ""
	Generic  Scheme = "generic"
	Dpkg     Scheme = "dpkg"
	RPM      Scheme = "rpm"
	Semver   Scheme = "semver"
	CiscoIOS Scheme = "cisco_ios"
	Junos    Scheme = "junos"
	FortiOS  Scheme = "fortios"
	Arista   Scheme = "arista_eos"
	PANOS    Scheme = "panos"
)

// Schemes lists every named scheme.
func Schemes() []Scheme {
	return []Scheme{Generic, Dpkg, RPM, Semver, CiscoIOS, Junos, FortiOS, Arista, PANOS}
}

// Valid reports whether s is a known scheme (Auto included).
func (s Scheme) Valid() bool {
	if s == Auto {
		return true
	}
	for _, x := range Schemes() {
		if s == x {
			return true
		}
	}
	return false
}

var (
	iosRE    = regexp.MustCompile(`^(\d+)\.(\d+)\((\d+)([a-z]?)\)([A-Z]*)(\d*)([a-z]?)$`)
	junosRE  = regexp.MustCompile(`^(\d+)\.(\d+)([RXFBI])(\d+)(?:\.(\d+))?(?:-([SD])(\d+)(?:\.(\d+))?)?$`)
	fortiRE  = regexp.MustCompile(`^(?i)v?(\d+)\.(\d+)\.(\d+)(?:[, -]+build ?(\d+)(?:,\d{6})?)?(?:\s*\(.*\))?$`)
	aristaRE = regexp.MustCompile(`^(\d+)\.(\d+)\.(\d+)(?:\.(\d+))?([FM])(?:-(\d+))?`)
	panosRE  = regexp.MustCompile(`^(\d+)\.(\d+)\.(\d+)(?:-h(\d+))?$`)
	semverRE = regexp.MustCompile(`^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$`)
	rpmRE    = regexp.MustCompile(`\.(el|fc|amzn|sles|mga)\d`)
)

// Detect guesses the scheme of one version string; Generic when nothing
// specific fits.
func Detect(v string) Scheme {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return Generic
	case iosRE.MatchString(v):
		return CiscoIOS
	case junosRE.MatchString(v):
		return Junos
	case strings.Contains(strings.ToLower(v), "build") && fortiRE.MatchString(v):
		return FortiOS
	case strings.Contains(v, "-h") && panosRE.MatchString(v):
		return PANOS
	case aristaRE.MatchString(v):
		return Arista
	case rpmRE.MatchString(v):
		return RPM
	case strings.ContainsAny(v, "~:") || strings.Contains(v, "ubuntu") || strings.Contains(v, "deb"):
		return Dpkg
	case semverRE.MatchString(v) && strings.Count(v, ".") >= 1:
		return Semver
	}
	return Generic
}

// DetectFor picks the scheme for a version on an asset of the given OS and
// vendor (as fingerprints name them), falling back to Detect(v).
func DetectFor(os, vendor, v string) Scheme {
	o, ven := strings.ToLower(os), strings.ToLower(vendor)
	has := func(s string, subs ...string) bool {
		for _, x := range subs {
			if strings.Contains(s, x) {
				return true
			}
		}
		return false
	}
	switch {
	case has(o, "junos"):
		return Junos
	case has(o, "fortios"):
		return FortiOS
	case has(o, "pan-os", "panos"):
		return PANOS
	case has(o, "eos") && has(ven, "arista"):
		return Arista
	case has(o, "ios") && !has(o, "xe", "xr", "nx-os") && iosRE.MatchString(strings.TrimSpace(v)):
		return CiscoIOS
	case has(o, "debian", "ubuntu", "raspbian", "mint"):
		return Dpkg
	case has(o, "red hat", "rhel", "centos", "fedora", "rocky", "alma", "suse", "amazon linux", "oracle linux"):
		return RPM
	}
	return Detect(v)
}

// Compare returns -1, 0 or +1 as a is older than, the same as or newer
// than b under scheme s (Auto: detected from both strings).
func Compare(s Scheme, a, b string) int {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if s == Auto {
		da, db := Detect(a), Detect(b)
		switch {
		case da == db:
			s = da
		case da == Generic:
			s = db
		case db == Generic:
			s = da
		default:
			s = Generic
		}
	}
	switch s {
	case Dpkg:
		return cmpDpkg(a, b)
	case RPM:
		return cmpRPM(a, b)
	case Semver:
		if pa, pb, ok := both(parseSemver, a, b); ok {
			return cmpSemver(pa, pb)
		}
	case CiscoIOS:
		if pa, pb, ok := both(parseIOS, a, b); ok {
			return cmpFields(pa, pb)
		}
	case Junos:
		if pa, pb, ok := both(parseJunos, a, b); ok {
			return cmpFields(pa, pb)
		}
	case FortiOS:
		if pa, pb, ok := both(parseForti, a, b); ok {
			return cmpFields(pa, pb)
		}
	case Arista:
		if pa, pb, ok := both(parseArista, a, b); ok {
			return cmpFields(pa, pb)
		}
	case PANOS:
		if pa, pb, ok := both(parsePANOS, a, b); ok {
			return cmpFields(pa, pb)
		}
	}
	return verrevcmp(a, b)
}

func both[T any](parse func(string) (T, bool), a, b string) (T, T, bool) {
	pa, oka := parse(a)
	pb, okb := parse(b)
	return pa, pb, oka && okb
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// cmpNum compares two decimal digit strings of any length.
func cmpNum(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		return sign(len(a) - len(b))
	}
	return strings.Compare(a, b)
}

// field is one component of a parsed vendor version: a number (digits)
// or a rank/text compared as text.
type field struct {
	num  bool
	text string
}

func n(s string) field { return field{num: true, text: s} }
func t(s string) field { return field{text: s} }

func cmpFields(a, b []field) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		var c int
		if a[i].num {
			c = cmpNum(a[i].text, b[i].text)
		} else {
			c = strings.Compare(a[i].text, b[i].text)
		}
		if c != 0 {
			return c
		}
	}
	return sign(len(a) - len(b))
}

// parseIOS reads classic IOS: major.minor(maintenance[rebuild letter])
// train rebuild [letter], e.g. 15.2(4)E10, 12.2(55)SE12, 12.2(18)SXF17b.
// Trains sort by name: versions of different trains are not really
// comparable, and baselines are expected to name one train.
func parseIOS(v string) ([]field, bool) {
	m := iosRE.FindStringSubmatch(v)
	if m == nil {
		return nil, false
	}
	return []field{n(m[1]), n(m[2]), n(m[3]), t(m[4]), t(m[5]), n(m[6]), t(m[7])}, true
}

// Junos release types, oldest first for the same number: internal, beta,
// feature, release, special (X).
var junosRank = map[string]string{"I": "0", "B": "1", "F": "2", "R": "3", "X": "4"}

// parseJunos reads major.minor type build[.spin][-S|-D sr[.spin]], e.g.
// 21.4R3-S5, 15.1X49-D200, 22.4R1.10. No service release sorts first.
func parseJunos(v string) ([]field, bool) {
	m := junosRE.FindStringSubmatch(v)
	if m == nil {
		return nil, false
	}
	return []field{n(m[1]), n(m[2]), t(junosRank[m[3]]), n(m[4]), n(m[5]), t(m[6]), n(m[7]), n(m[8])}, true
}

// parseForti reads 7.2.8, v7.2.8,build1639 and "v7.2.8 build1639 (GA)".
// A missing build sorts first.
func parseForti(v string) ([]field, bool) {
	m := fortiRE.FindStringSubmatch(v)
	if m == nil {
		return nil, false
	}
	return []field{n(m[1]), n(m[2]), n(m[3]), n(m[4])}, true
}

// parseArista reads EOS 4.28.3M / 4.29.2F / 4.30.1.1F: F (feature) sorts
// before M (maintenance) of the same number.
func parseArista(v string) ([]field, bool) {
	m := aristaRE.FindStringSubmatch(v)
	if m == nil || len(m[0]) != len(v) && v[len(m[0])] != '.' {
		return nil, false
	}
	return []field{n(m[1]), n(m[2]), n(m[3]), n(m[4]), t(m[5]), n(m[6])}, true
}

// parsePANOS reads 10.2.4 and 10.2.4-h3 (hotfix 3; none sorts first).
func parsePANOS(v string) ([]field, bool) {
	m := panosRE.FindStringSubmatch(v)
	if m == nil {
		return nil, false
	}
	return []field{n(m[1]), n(m[2]), n(m[3]), n(m[4])}, true
}

type semver struct {
	nums []string
	pre  []string
}

func parseSemver(v string) (semver, bool) {
	m := semverRE.FindStringSubmatch(v)
	if m == nil {
		return semver{}, false
	}
	s := semver{nums: strings.Split(m[1], ".")}
	if m[2] != "" {
		s.pre = strings.Split(m[2], ".")
	}
	return s, true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// cmpSemver follows semver.org §11; missing numeric parts count as 0.
func cmpSemver(a, b semver) int {
	for i := 0; i < len(a.nums) || i < len(b.nums); i++ {
		x, y := "0", "0"
		if i < len(a.nums) {
			x = a.nums[i]
		}
		if i < len(b.nums) {
			y = b.nums[i]
		}
		if c := cmpNum(x, y); c != 0 {
			return c
		}
	}
	switch {
	case len(a.pre) == 0 && len(b.pre) == 0:
		return 0
	case len(a.pre) == 0:
		return 1
	case len(b.pre) == 0:
		return -1
	}
	for i := 0; i < len(a.pre) && i < len(b.pre); i++ {
		x, y := a.pre[i], b.pre[i]
		dx, dy := isDigits(x), isDigits(y)
		var c int
		switch {
		case dx && dy:
			c = cmpNum(x, y)
		case dx:
			c = -1
		case dy:
			c = 1
		default:
			c = strings.Compare(x, y)
		}
		if c != 0 {
			return c
		}
	}
	return sign(len(a.pre) - len(b.pre))
}

// splitDpkg splits [epoch:]upstream[-revision].
func splitDpkg(v string) (epoch, upstream, revision string) {
	epoch = "0"
	if i := strings.IndexByte(v, ':'); i >= 0 && isDigits(v[:i]) {
		epoch, v = v[:i], v[i+1:]
	}
	if i := strings.LastIndexByte(v, '-'); i >= 0 {
		return epoch, v[:i], v[i+1:]
	}
	return epoch, v, ""
}

// cmpDpkg is dpkg --compare-versions.
func cmpDpkg(a, b string) int {
	ea, ua, ra := splitDpkg(a)
	eb, ub, rb := splitDpkg(b)
	if c := cmpNum(ea, eb); c != 0 {
		return c
	}
	if c := verrevcmp(ua, ub); c != 0 {
		return c
	}
	return verrevcmp(ra, rb)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// order is dpkg's character weight: ~ before everything (even the end),
// then the end and digits, letters, then everything else.
func order(c byte) int {
	switch {
	case isDigit(c):
		return 0
	case isAlpha(c):
		return int(c)
	case c == '~':
		return -1
	}
	return int(c) + 256
}

// verrevcmp is dpkg's comparison of an upstream version or revision.
func verrevcmp(a, b string) int {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		for i < len(a) && !isDigit(a[i]) || j < len(b) && !isDigit(b[j]) {
			ac, bc := 0, 0
			if i < len(a) {
				ac = order(a[i])
			}
			if j < len(b) {
				bc = order(b[j])
			}
			if ac != bc {
				return sign(ac - bc)
			}
			i++
			j++
		}
		si := i
		for i < len(a) && isDigit(a[i]) {
			i++
		}
		sj := j
		for j < len(b) && isDigit(b[j]) {
			j++
		}
		if c := cmpNum(a[si:min(i, len(a))], b[sj:min(j, len(b))]); c != 0 {
			return c
		}
	}
	return 0
}

// splitRPM splits [epoch:]version[-release].
func splitRPM(v string) (epoch, version, release string) {
	return splitDpkg(v)
}

// cmpRPM compares epoch, version and (when both have one) release.
func cmpRPM(a, b string) int {
	ea, va, ra := splitRPM(a)
	eb, vb, rb := splitRPM(b)
	if c := cmpNum(ea, eb); c != 0 {
		return c
	}
	if c := rpmvercmp(va, vb); c != 0 {
		return c
	}
	if ra == "" || rb == "" {
		return 0
	}
	return rpmvercmp(ra, rb)
}

func isAlnum(c byte) bool { return isDigit(c) || isAlpha(c) }

// rpmvercmp is RPM's segment comparison (rpm 4.15+: ~ sorts before
// anything, ^ after the end but before any more segments).
func rpmvercmp(a, b string) int {
	if a == b {
		return 0
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		for i < len(a) && !isAlnum(a[i]) && a[i] != '~' && a[i] != '^' {
			i++
		}
		for j < len(b) && !isAlnum(b[j]) && b[j] != '~' && b[j] != '^' {
			j++
		}
		at := i < len(a) && a[i] == '~'
		bt := j < len(b) && b[j] == '~'
		if at || bt {
			if !at {
				return 1
			}
			if !bt {
				return -1
			}
			i++
			j++
			continue
		}
		ac := i < len(a) && a[i] == '^'
		bc := j < len(b) && b[j] == '^'
		if ac || bc {
			switch {
			case i >= len(a):
				return -1
			case j >= len(b):
				return 1
			case !ac:
				return 1
			case !bc:
				return -1
			}
			i++
			j++
			continue
		}
		if i >= len(a) || j >= len(b) {
			break
		}
		si, sj := i, j
		num := isDigit(a[i])
		if num {
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
		} else {
			for i < len(a) && isAlpha(a[i]) {
				i++
			}
			for j < len(b) && isAlpha(b[j]) {
				j++
			}
		}
		if sj == j {
			if num {
				return 1
			}
			return -1
		}
		var c int
		if num {
			c = cmpNum(a[si:i], b[sj:j])
		} else {
			c = strings.Compare(a[si:i], b[sj:j])
		}
		if c != 0 {
			return c
		}
	}
	switch {
	case i >= len(a) && j >= len(b):
		return 0
	case i < len(a):
		return 1
	}
	return -1
}
