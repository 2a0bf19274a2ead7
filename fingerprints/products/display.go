package products

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed display.yaml
var displayYAML []byte

// Display turns a product registration's descriptor into a model name
// (cat6509 -> Catalyst 6509) by per-vendor rules that are data
// (display.yaml), and says which descriptors are not products at all
// (ciscoProducts, jnxProductLine).
type Display struct {
	def     vendorRules
	vendors map[uint32]vendorRules
}

type vendorRules struct {
	skip []*regexp.Regexp
	// keep: descriptors the default skips do not drop (a product named
	// without a number: jnxProductNameVSRX, panPA-VM).
	keep      []*regexp.Regexp
	rewrite   []rewrite
	noDefault bool
	minLen    int
}

type rewrite struct {
	re    *regexp.Regexp
	to    string
	upper bool
	// ifModule and unlessModule, when not 0, number a group: the match is
	// replaced only when that group's text occurs in the registration's
	// module name (ifModule), or only when it does not (unlessModule).
	ifModule, unlessModule int
}

// apply replaces every match of rw in s by its replacement, upper-cased
// with upper: descriptors are written in camel case ("gs724tp"), models
// in capitals ("GS724TP"). module is the registration's MIB module.
func (rw rewrite) apply(s, module string) string {
	if !rw.upper && rw.ifModule == 0 && rw.unlessModule == 0 {
		return rw.re.ReplaceAllString(s, rw.to)
	}
	var b strings.Builder
	last := 0
	for _, m := range rw.re.FindAllStringSubmatchIndex(s, -1) {
		if !rw.moduleAllows(s, m, module) {
			continue
		}
		b.WriteString(s[last:m[0]])
		r := string(rw.re.ExpandString(nil, rw.to, s, m))
		if rw.upper {
			r = strings.ToUpper(r)
		}
		b.WriteString(r)
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// moduleAllows says whether the match m of s may be replaced: a vendor's
// own prefix names the vendor, and so its module ("hh3c" in
// HH3C-PRODUCT-ID-MIB, "sn" in FOUNDRY-SN-ROOT-MIB), where a product
// line's does not ("xtm" in WATCHGUARD-PRODUCTS-MIB, "mr" in
// MERAKI-CLOUD-CONTROLLER-MIB).
func (rw rewrite) moduleAllows(s string, m []int, module string) bool {
	in := func(g int) bool {
		if 2*g+1 >= len(m) || m[2*g] < 0 {
			return false
		}
		return strings.Contains(foldModule(module), strings.ToLower(s[m[2*g]:m[2*g+1]]))
	}
	if rw.ifModule != 0 && !in(rw.ifModule) {
		return false
	}
	if rw.unlessModule != 0 && in(rw.unlessModule) {
		return false
	}
	return true
}

// foldModule is a module name's letters and digits, in lower case
// (HH3C-PRODUCT-ID-MIB -> hh3cproductidmib).
func foldModule(module string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, module)
}

type displayFile struct {
	Default displayVendor   `yaml:"default"`
	Vendors []displayVendor `yaml:"vendors"`
}

type displayVendor struct {
	Enterprise []uint32      `yaml:"enterprise"`
	Name       string        `yaml:"name"`
	Skip       []string      `yaml:"skip"`
	Keep       []string      `yaml:"keep"`
	Rewrite    []rewriteSpec `yaml:"rewrite"`
	NoDefault  bool          `yaml:"no_default"`
}

type rewriteSpec struct {
	Match string `yaml:"match"`
	To    string `yaml:"to"`
	// Upper writes the replacement in capitals.
	Upper bool `yaml:"upper"`
	// IfModule and UnlessModule number a group of Match: the rewrite
	// applies only when the group's text occurs in the registration's
	// module name, or only when it does not.
	IfModule     int `yaml:"if_module"`
	UnlessModule int `yaml:"unless_module"`
}

// OpenDisplay compiles the embedded display rules.
func OpenDisplay() (*Display, error) {
	d, err := DecodeDisplay(bytes.NewReader(displayYAML))
	if err != nil {
		return nil, fmt.Errorf("display.yaml: %w", err)
	}
	return d, nil
}

// DecodeDisplay reads display rules strictly (unknown keys are errors).
func DecodeDisplay(r io.Reader) (*Display, error) {
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	var f displayFile
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	d := &Display{vendors: map[uint32]vendorRules{}}
	var err error
	if d.def, err = compileVendor(f.Default); err != nil {
		return nil, fmt.Errorf("default: %w", err)
	}
	for i, v := range f.Vendors {
		if len(v.Enterprise) == 0 {
			return nil, fmt.Errorf("vendor %d (%s): no enterprise number", i, v.Name)
		}
		vr, err := compileVendor(v)
		if err != nil {
			return nil, fmt.Errorf("vendor %d (%s): %w", i, v.Name, err)
		}
		for _, n := range v.Enterprise {
			if _, dup := d.vendors[n]; dup {
				return nil, fmt.Errorf("vendor %d (%s): enterprise %d listed twice", i, v.Name, n)
			}
			d.vendors[n] = vr
		}
	}
	return d, nil
}

func compileVendor(v displayVendor) (vendorRules, error) {
	vr := vendorRules{noDefault: v.NoDefault}
	for _, s := range v.Skip {
		re, err := regexp.Compile(s)
		if err != nil {
			return vr, fmt.Errorf("skip %q: %w", s, err)
		}
		vr.skip = append(vr.skip, re)
	}
	for _, s := range v.Keep {
		re, err := regexp.Compile(s)
		if err != nil {
			return vr, fmt.Errorf("keep %q: %w", s, err)
		}
		vr.keep = append(vr.keep, re)
	}
	for _, rw := range v.Rewrite {
		if rw.Match == "" {
			return vr, errors.New("a rewrite needs match")
		}
		re, err := regexp.Compile(rw.Match)
		if err != nil {
			return vr, fmt.Errorf("rewrite %q: %w", rw.Match, err)
		}
		for _, g := range []int{rw.IfModule, rw.UnlessModule} {
			if g < 0 || g > re.NumSubexp() {
				return vr, fmt.Errorf("rewrite %q: no group %d", rw.Match, g)
			}
		}
		vr.rewrite = append(vr.rewrite, rewrite{re: re, to: rw.To, upper: rw.Upper, ifModule: rw.IfModule, unlessModule: rw.UnlessModule})
	}
	return vr, nil
}

// Model turns the registration of a sysObjectID into a model name: the
// vendor's rewrites in order (each applies to the result of the last),
// then the default ones unless the vendor opts out. ok is false when the
// descriptor is not a product (a skip pattern of the vendor, or of the
// default where no keep pattern of the vendor matches) or nothing is left. A registration is a node, or a
// scalar where a vendor declares its products as OBJECT-TYPEs
// (MELLANOX-PRODUCTS-MIB): a sysObjectID equal to a scalar's OID names
// no instance, so it can only be such a product.
func (d *Display) Model(e Entry) (string, bool) {
	if d == nil || e.Kind != "node" && e.Kind != "scalar" {
		return "", false
	}
	n, ok := enterpriseOf(e.OID)
	if !ok {
		return "", false
	}
	v, hasVendor := d.vendors[n]
	for _, re := range v.skip {
		if re.MatchString(e.Name) {
			return "", false
		}
	}
	kept := false
	for _, re := range v.keep {
		if re.MatchString(e.Name) {
			kept = true
			break
		}
	}
	if (!hasVendor || !v.noDefault) && !kept {
		for _, re := range d.def.skip {
			if re.MatchString(e.Name) {
				return "", false
			}
		}
	}
	s := e.Name
	for _, rw := range v.rewrite {
		s = rw.apply(s, e.Module)
	}
	if !hasVendor || !v.noDefault {
		for _, rw := range d.def.rewrite {
			s = rw.apply(s, e.Module)
		}
	}
	s = strings.Join(strings.Fields(s), " ")
	if len(s) < 2 {
		return "", false
	}
	return s, true
}

func enterpriseOf(oid string) (uint32, bool) {
	rest, ok := strings.CutPrefix(strings.TrimPrefix(oid, "."), enterprises+".")
	if !ok {
		return 0, false
	}
	arc, _, _ := strings.Cut(rest, ".")
	n, err := strconv.ParseUint(arc, 10, 32)
	return uint32(n), err == nil
}
