// Package recog loads fingerprint files in Rapid7 Recog's XML format and
// matches strings against them. The files are read at run time (the
// --recog-dir flag, the recog_dir config key); none ship with netcensus.
//
// A file is a <fingerprints matches="..."> element holding <fingerprint>
// elements: a pattern (Ruby regular expression syntax, which for these files
// means Go's RE2 with ^ and $ matching at line boundaries), a description,
// examples, and params. A param at pos 0 is a fixed value, which may name
// other params in braces ("{hw.family} {hw.model}"); a param at pos N takes
// the pattern's Nth capture group.
package recog

import (
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/netcensus/netcensus/internal/readlimit"
)

// The match keys (the "matches" attribute) netcensus applies.
const (
	DHCPVendorClass    = "dhcp_vendor_class"
	MDNSDeviceInfo     = "mdns.device-info.txt"
	MDNSWorkstation    = "mdns.workstation.txt"
	SNMPSysDescription = "snmp.sys_description"
	SNMPSysObjectID    = "snmp.sys_object_id"
)

// Limits that keep a hostile or broken file from costing much.
const (
	maxFileBytes   = 16 << 20
	maxParamPos    = 64
	maxInterpolate = 4096
)

// ErrNoFiles is returned by LoadDir when a directory holds no .xml file.
var ErrNoFiles = errors.New("no recog .xml files")

// Param is one <param>: a fixed Value (Pos 0) or a capture group (Pos > 0).
type Param struct {
	Pos   int
	Name  string
	Value string
}

// Example is one <example>: the text (base64-decoded when the file says
// so) and the params it documents.
type Example struct {
	Text string
	Want map[string]string
}

// Fingerprint is one compiled <fingerprint>.
type Fingerprint struct {
	Pattern     string
	Description string
	Certainty   string
	Examples    []Example
	Params      []Param
	re          *regexp.Regexp
}

// Set is one file: every fingerprint for one kind of string.
type Set struct {
	Matches      string
	Protocol     string
	DatabaseType string
	Source       string // file name
	Fingerprints []Fingerprint
}

// Match is the outcome of matching a string.
type Match struct {
	Matches     string // the set's match key
	Source      string // file name
	Description string
	Params      map[string]string
}

// Rule names the match for evidence: "recog:<file>:<description>".
func (m Match) Rule() string { return "recog:" + m.Source + ":" + m.Description }

type xmlFile struct {
	Matches      string           `xml:"matches,attr"`
	Protocol     string           `xml:"protocol,attr"`
	DatabaseType string           `xml:"database_type,attr"`
	Fingerprints []xmlFingerprint `xml:"fingerprint"`
}

type xmlFingerprint struct {
	Pattern     string       `xml:"pattern,attr"`
	Flags       string       `xml:"flags,attr"`
	Certainty   string       `xml:"certainty,attr"`
	Description string       `xml:"description"`
	Examples    []xmlExample `xml:"example"`
	Params      []xmlParam   `xml:"param"`
}

type xmlExample struct {
	Attrs []xml.Attr `xml:",any,attr"`
	Text  string     `xml:",chardata"`
}

type xmlParam struct {
	Pos   string `xml:"pos,attr"`
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

// Parse reads one Recog XML file. source names it in errors and evidence.
func Parse(r io.Reader, source string) (*Set, error) {
	var f xmlFile
	dec := xml.NewDecoder(readlimit.New(r, maxFileBytes, "recog file"))
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("recog %s: %w", source, err)
	}
	if f.Matches == "" {
		return nil, fmt.Errorf("recog %s: <fingerprints> has no matches attribute", source)
	}
	s := &Set{Matches: f.Matches, Protocol: f.Protocol, DatabaseType: f.DatabaseType, Source: source}
	for i, xf := range f.Fingerprints {
		fp, err := compile(xf)
		if err != nil {
			return nil, fmt.Errorf("recog %s: fingerprint %d (%q): %w", source, i+1, xf.Description, err)
		}
		s.Fingerprints = append(s.Fingerprints, fp)
	}
	return s, nil
}

func compile(xf xmlFingerprint) (Fingerprint, error) {
	fp := Fingerprint{
		Pattern:     xf.Pattern,
		Description: strings.Join(strings.Fields(xf.Description), " "),
		Certainty:   xf.Certainty,
	}
	re, err := compilePattern(xf.Pattern, xf.Flags)
	if err != nil {
		return fp, err
	}
	fp.re = re
	for _, xp := range xf.Params {
		pos, err := strconv.Atoi(strings.TrimSpace(xp.Pos))
		if err != nil || pos < 0 || pos > maxParamPos {
			return fp, fmt.Errorf("param %q: bad pos %q", xp.Name, xp.Pos)
		}
		if pos > re.NumSubexp() {
			return fp, fmt.Errorf("param %q: pos %d but the pattern has %d groups", xp.Name, pos, re.NumSubexp())
		}
		fp.Params = append(fp.Params, Param{Pos: pos, Name: xp.Name, Value: xp.Value})
	}
	for _, xe := range xf.Examples {
		ex := Example{Text: xe.Text, Want: map[string]string{}}
		base64Enc := false
		for _, a := range xe.Attrs {
			if a.Name.Local == "_encoding" {
				if a.Value != "base64" {
					return fp, fmt.Errorf("example: unknown _encoding %q", a.Value)
				}
				base64Enc = true
				continue
			}
			ex.Want[a.Name.Local] = a.Value
		}
		if base64Enc {
			b, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(xe.Text), ""))
			if err != nil {
				return fp, fmt.Errorf("example: base64: %w", err)
			}
			ex.Text = string(b)
		}
		fp.Examples = append(fp.Examples, ex)
	}
	return fp, nil
}

// compilePattern turns a Recog (Ruby) pattern into Go's syntax. In Ruby ^
// and $ always match at line boundaries, so (?m) is implied; the flags
// attribute maps REG_ICASE to (?i) and REG_MULTILINE / REG_DOT_NEWLINE
// (Ruby's /m: dot matches newline) to (?s).
func compilePattern(pattern, flags string) (*regexp.Regexp, error) {
	prefix := "m"
	for _, f := range strings.FieldsFunc(flags, func(r rune) bool { return r == ',' || r == '|' || r == ' ' }) {
		switch f {
		case "REG_ICASE":
			prefix += "i"
		case "REG_MULTILINE", "REG_DOT_NEWLINE":
			prefix += "s"
		case "REG_LINE_ANCHORS":
		default:
			return nil, fmt.Errorf("unknown flag %q", f)
		}
	}
	// Ruby's \Z (end, before a final newline) and \h (hex digit).
	p := strings.ReplaceAll(pattern, `\Z`, `(?:\n?\z)`)
	p = strings.ReplaceAll(p, `\h`, `[0-9a-fA-F]`)
	re, err := regexp.Compile("(?" + prefix + ")" + p)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", pattern, err)
	}
	return re, nil
}

// Match tries each fingerprint in file order and returns the first that
// matches text.
func (s *Set) Match(text string) (Match, bool) {
	for i := range s.Fingerprints {
		if params, ok := s.Fingerprints[i].match(text); ok {
			return Match{Matches: s.Matches, Source: s.Source, Description: s.Fingerprints[i].Description, Params: params}, true
		}
	}
	return Match{}, false
}

// MatchFingerprint matches text against this one fingerprint.
func (f *Fingerprint) MatchFingerprint(text string) (map[string]string, bool) { return f.match(text) }

func (f *Fingerprint) match(text string) (map[string]string, bool) {
	sub := f.re.FindStringSubmatchIndex(text)
	if sub == nil {
		return nil, false
	}
	params := make(map[string]string, len(f.Params))
	var fixed []Param
	for _, p := range f.Params {
		if p.Pos == 0 {
			fixed = append(fixed, p)
			continue
		}
		lo, hi := sub[2*p.Pos], sub[2*p.Pos+1]
		if lo < 0 {
			continue // the group did not take part in the match
		}
		if v := text[lo:hi]; v != "" {
			params[p.Name] = v
		}
	}
	// Fixed values may name captured ones, or other fixed ones defined
	// before them.
	for _, p := range fixed {
		params[p.Name] = interpolate(p.Value, params)
	}
	return params, true
}

// interpolate replaces {name} with the param's value ("" when unset).
func interpolate(v string, params map[string]string) string {
	if !strings.Contains(v, "{") {
		return v
	}
	var b strings.Builder
	for len(v) > 0 && b.Len() < maxInterpolate {
		i := strings.IndexByte(v, '{')
		if i < 0 {
			b.WriteString(v)
			break
		}
		j := strings.IndexByte(v[i:], '}')
		if j < 0 {
			b.WriteString(v)
			break
		}
		b.WriteString(v[:i])
		b.WriteString(params[v[i+1:i+j]])
		v = v[i+j+1:]
	}
	return strings.TrimSpace(b.String())
}

// Verify checks every example of every fingerprint: it must match this
// fingerprint and produce each param it documents. It returns one error
// per failing example.
func (s *Set) Verify() []error {
	var errs []error
	for i := range s.Fingerprints {
		fp := &s.Fingerprints[i]
		for j, ex := range fp.Examples {
			got, ok := fp.match(ex.Text)
			if !ok {
				errs = append(errs, fmt.Errorf("%s: %q example %d %q: no match", s.Source, fp.Description, j+1, ex.Text))
				continue
			}
			keys := make([]string, 0, len(ex.Want))
			for k := range ex.Want {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if got[k] != ex.Want[k] {
					errs = append(errs, fmt.Errorf("%s: %q example %d: %s = %q, want %q", s.Source, fp.Description, j+1, k, got[k], ex.Want[k]))
				}
			}
		}
	}
	return errs
}

// DB is every loaded set, by match key. A nil *DB matches nothing.
type DB struct {
	sets map[string][]*Set
}

// New builds a DB from sets.
func New(sets ...*Set) *DB {
	db := &DB{sets: map[string][]*Set{}}
	for _, s := range sets {
		db.sets[s.Matches] = append(db.sets[s.Matches], s)
	}
	return db
}

// LoadDir reads every *.xml file in dir.
func LoadDir(dir string) (*DB, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		return nil, fmt.Errorf("recog dir %s: %w", dir, err)
	}
	if len(paths) == 0 {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("recog dir %s: %w", dir, err)
		}
		return nil, fmt.Errorf("recog dir %s: %w", dir, ErrNoFiles)
	}
	sort.Strings(paths)
	var sets []*Set
	for _, p := range paths {
		s, err := loadFile(p)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	return New(sets...), nil
}

func loadFile(path string) (*Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("recog: %w", err)
	}
	defer f.Close()
	return Parse(f, filepath.Base(path))
}

// Sets returns the loaded sets, sorted by match key then file.
func (db *DB) Sets() []*Set {
	if db == nil {
		return nil
	}
	var out []*Set
	for _, ss := range db.sets {
		out = append(out, ss...)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Matches != out[j].Matches {
			return out[i].Matches < out[j].Matches
		}
		return out[i].Source < out[j].Source
	})
	return out
}

// Has reports whether any set has the match key.
func (db *DB) Has(matches string) bool { return db != nil && len(db.sets[matches]) > 0 }

// Match matches text against the sets with the match key.
func (db *DB) Match(matches, text string) (Match, bool) {
	if db == nil {
		return Match{}, false
	}
	for _, s := range db.sets[matches] {
		if m, ok := s.Match(text); ok {
			return m, true
		}
	}
	return Match{}, false
}
