// Package drift checks the CMDB's assets against baselines (minimum OS
// versions, minimum package versions, forbidden packages), says per asset
// what deviates and since when, records when an asset goes out of and back
// into compliance, counts compliance per day from that history, and turns
// consecutive software snapshots into change events.
package drift

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/netcensus/netcensus/internal/readlimit"
	"github.com/netcensus/netcensus/inventory/versions"
	"github.com/netcensus/netcensus/record"
)

// Baseline is one YAML file of rules.
type Baseline struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description,omitempty"`
	Rules       []Rule `yaml:"rules"`
}

// Rule selects assets and says what they must (not) run.
type Rule struct {
	ID          string   `yaml:"id"`
	Description string   `yaml:"description,omitempty"`
	Select      Selector `yaml:"select"`
	// MinOSVersion: the asset's os_version must be at least this.
	MinOSVersion string `yaml:"min_os_version,omitempty"`
	// Scheme forces a version scheme (dpkg, rpm, semver, cisco_ios, junos,
	// fortios, arista_eos, panos, generic); detected from the asset's OS
	// and the version when empty.
	Scheme versions.Scheme `yaml:"scheme,omitempty"`
	// MinPackages: "name >= version"; checked when the package is
	// installed (a package that is absent cannot be outdated).
	MinPackages []string `yaml:"min_packages,omitempty"`
	// Forbid: package names (shell globs, any case) that must not be
	// installed.
	Forbid []string `yaml:"forbid,omitempty"`

	mins []minPackage
}

type minPackage struct{ name, version string }

// Selector picks assets; every field given must match.
type Selector struct {
	// Vendor: case-insensitive substring of vendor or mac_vendor.
	Vendor string `yaml:"vendor,omitempty"`
	// OS: case-insensitive substring of os.
	OS string `yaml:"os,omitempty"`
	// Model: case-insensitive shell glob of model.
	Model string `yaml:"model,omitempty"`
	// DeviceType: exact, any case.
	DeviceType string `yaml:"device_type,omitempty"`
	// Subnets: any of the asset's addresses lies in one.
	Subnets []netip.Prefix `yaml:"subnets,omitempty"`
}

func (s Selector) empty() bool {
	return s.Vendor == "" && s.OS == "" && s.Model == "" && s.DeviceType == "" && len(s.Subnets) == 0
}

// Match reports whether the selector picks asset a.
func (s Selector) Match(a *record.Asset) bool {
	if s.Vendor != "" {
		v := strings.ToLower(s.Vendor)
		if !strings.Contains(strings.ToLower(a.Vendor), v) && !strings.Contains(strings.ToLower(a.MACVendor), v) {
			return false
		}
	}
	if s.OS != "" && !strings.Contains(strings.ToLower(a.OS), strings.ToLower(s.OS)) {
		return false
	}
	if s.Model != "" {
		if ok, _ := path.Match(strings.ToLower(s.Model), strings.ToLower(a.Model)); !ok {
			return false
		}
	}
	if s.DeviceType != "" && !strings.EqualFold(s.DeviceType, a.DeviceType) {
		return false
	}
	if len(s.Subnets) > 0 {
		in := false
		for _, p := range s.Subnets {
			if a.IP.IsValid() && p.Contains(a.IP) {
				in = true
			}
			for _, ip := range a.IPs {
				in = in || p.Contains(ip)
			}
		}
		if !in {
			return false
		}
	}
	return true
}

// ErrBaseline: a baseline is malformed.
var ErrBaseline = errors.New("invalid baseline")

// Parse decodes one baseline strictly (unknown keys are errors) and
// validates it.
func Parse(r io.Reader) (Baseline, error) {
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	var b Baseline
	if err := dec.Decode(&b); err != nil {
		if errors.Is(err, io.EOF) {
			return b, fmt.Errorf("%w: empty", ErrBaseline)
		}
		return b, fmt.Errorf("%w: %w", ErrBaseline, keyErrors(err))
	}
	return b, b.Validate()
}

// places names, for each type of the file, where it is and what a
// reader calls it.
var places = map[string]struct {
	path, name string
	keys       func() []string
}{
	"Baseline": {"", "a baseline", func() []string { return yamlKeys(Baseline{}) }},
	"Rule":     {"rules[].", "a rule", func() []string { return yamlKeys(Rule{}) }},
	"Selector": {"rules[].select.", "select", func() []string { return yamlKeys(Selector{}) }},
}

var unknownField = regexp.MustCompile(`^line (\d+): field (\S+) not found in type drift\.(\w+)$`)

// keyErrors says the unknown keys of err as the config does, by their
// place and with the keys it takes ("line 6: rules[].colour: unknown key
// (a rule takes: id, ...)"), not by a Go type.
func keyErrors(err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return err
	}
	msgs := make([]string, len(te.Errors))
	for i, m := range te.Errors {
		msgs[i] = m
		if g := unknownField.FindStringSubmatch(m); g != nil {
			if p, ok := places[g[3]]; ok {
				msgs[i] = fmt.Sprintf("line %s: %s%s: unknown key (%s takes: %s)", g[1], p.path, g[2], p.name, strings.Join(p.keys(), ", "))
			}
		}
	}
	return errors.New(strings.Join(msgs, "; "))
}

// yamlKeys lists the YAML keys of a struct, in field order.
func yamlKeys(v any) []string {
	t := reflect.TypeOf(v)
	var keys []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}

// MaxFileBytes bounds one baseline file (the examples are 2 KB).
const MaxFileBytes = 1 << 20

func readFile(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	defer f.Close()
	b, err := readlimit.ReadAll(f, MaxFileBytes, "baseline "+p)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	return b, nil
}

// Load reads baseline files.
func Load(paths ...string) ([]Baseline, error) {
	var out []Baseline
	for _, p := range paths {
		data, err := readFile(p)
		if err != nil {
			return nil, err
		}
		b, err := Parse(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("baseline %s: %w", p, err)
		}
		if b.Name == "" {
			b.Name = strings.TrimSuffix(path.Base(p), path.Ext(p))
		}
		out = append(out, b)
	}
	return out, nil
}

// Validate checks the rules and parses their package requirements.
func (b *Baseline) Validate() error {
	if strings.ContainsAny(b.Name, "/\n") {
		return fmt.Errorf("%w: name %q: no slash or newline", ErrBaseline, b.Name)
	}
	if len(b.Rules) == 0 {
		return fmt.Errorf("%w: no rules", ErrBaseline)
	}
	seen := map[string]bool{}
	for i := range b.Rules {
		r := &b.Rules[i]
		where := fmt.Sprintf("rule %d", i+1)
		if r.ID == "" {
			return fmt.Errorf("%w: %s: no id", ErrBaseline, where)
		}
		where = fmt.Sprintf("rule %q", r.ID)
		if seen[r.ID] {
			return fmt.Errorf("%w: %s: id used twice", ErrBaseline, where)
		}
		seen[r.ID] = true
		if r.Select.empty() {
			return fmt.Errorf("%w: %s: select names no vendor, os, model, device_type or subnet", ErrBaseline, where)
		}
		if r.MinOSVersion == "" && len(r.MinPackages) == 0 && len(r.Forbid) == 0 {
			return fmt.Errorf("%w: %s: requires nothing (min_os_version, min_packages or forbid)", ErrBaseline, where)
		}
		if !r.Scheme.Valid() {
			return fmt.Errorf("%w: %s: unknown scheme %q", ErrBaseline, where, r.Scheme)
		}
		if _, err := path.Match(r.Select.Model, ""); err != nil {
			return fmt.Errorf("%w: %s: model %q: %w", ErrBaseline, where, r.Select.Model, err)
		}
		for _, f := range r.Forbid {
			if _, err := path.Match(f, ""); err != nil || f == "" {
				return fmt.Errorf("%w: %s: forbid %q: not a name or glob", ErrBaseline, where, f)
			}
		}
		r.mins = r.mins[:0]
		for _, m := range r.MinPackages {
			name, ver, ok := strings.Cut(m, ">=")
			name, ver = strings.TrimSpace(name), strings.TrimSpace(ver)
			if !ok || name == "" || ver == "" || strings.ContainsAny(name, " <>=") {
				return fmt.Errorf("%w: %s: min_packages %q: want \"name >= version\"", ErrBaseline, where, m)
			}
			r.mins = append(r.mins, minPackage{strings.ToLower(name), ver})
		}
	}
	return nil
}

// Files lists the baseline files paths name, sorted: a file itself, a
// directory its *.yaml and *.yml files.
func Files(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		for _, pat := range []string{"*.yaml", "*.yml"} {
			m, _ := filepath.Glob(filepath.Join(p, pat))
			files = append(files, m...)
		}
	}
	sort.Strings(files)
	return files, nil
}

// ErrNoBaseline: the paths given name no baseline file (none given, or
// directories with no *.yaml or *.yml file in them).
var ErrNoBaseline = errors.New("no baseline file given")

// LoadPaths reads the baselines that paths name (Files: a file itself, a
// directory its *.yaml and *.yml files). A path that is not there is an
// error; naming no file at all is ErrNoBaseline.
func LoadPaths(paths []string) ([]Baseline, error) {
	files, err := Files(paths)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, ErrNoBaseline
	}
	return Load(files...)
}
