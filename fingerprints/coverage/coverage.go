// Package coverage runs the fingerprint engine over a folder of recorded
// walks (snmprec, .bz2 accepted) and says how often each field comes out,
// which enterprises' devices lack it, and, given the expected values of
// each walk, how often each field is right, with every miss and its
// evidence. It backs `netcensus fingerprints coverage`.
package coverage

import (
	"context"
	"fmt"
	"github.com/netcensus/netcensus/fingerprints/maker"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/netcensus/netcensus/fingerprints"
	"github.com/netcensus/netcensus/fingerprints/pen"
	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/record"
)

// MaxWalks bounds the walks one run reads.
const MaxWalks = 100_000

// Fields are the fields coverage counts, in output order; Expected are
// those an expectation file may give.
var (
	Fields   = []string{fingerprints.FieldVendor, fingerprints.FieldModel, fingerprints.FieldSerial, fingerprints.FieldOS, fingerprints.FieldOSVersion, fingerprints.FieldDeviceType}
	Expected = []string{fingerprints.FieldVendor, fingerprints.FieldModel, fingerprints.FieldSerial, fingerprints.FieldOSVersion}
)

// Walk is one recorded walk and what the engine made of it.
type Walk struct {
	// Name is the file's path below the folder without .snmprec or
	// .snmprec.bz2, with forward slashes.
	Name   string
	File   string
	Input  fingerprints.Input
	Result fingerprints.Result
	// Skipped counts unreadable lines.
	Skipped int
}

// Unreadable is a file that could not be read as a walk.
type Unreadable struct {
	File string `json:"file"`
	Err  string `json:"error"`
}

// IsWalkFile reports whether a file name is a recorded walk.
func IsWalkFile(name string) bool {
	return strings.HasSuffix(name, ".snmprec") || strings.HasSuffix(name, ".snmprec.bz2")
}

// WalkName is a walk file's name without the folder and the extension.
func WalkName(rel string) string {
	rel = filepath.ToSlash(rel)
	rel = strings.TrimPrefix(rel, "./")
	rel = strings.TrimSuffix(rel, ".bz2")
	return strings.TrimSuffix(rel, ".snmprec")
}

// Run reads every walk below dir, in path order, and identifies each. A
// file that cannot be read is listed, not fatal.
func Run(ctx context.Context, eng *fingerprints.Engine, dir string) ([]Walk, []Unreadable, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() || !IsWalkFile(d.Name()) {
			return nil
		}
		if len(files) == MaxWalks {
			return fmt.Errorf("more than %d walks", MaxWalks)
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read walks in %s: %w", dir, err)
	}
	sort.Strings(files)
	oids := eng.VendorOIDs()
	var walks []Walk
	var bad []Unreadable
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		in, skipped, err := ReadInput(f, oids)
		if err != nil {
			bad = append(bad, Unreadable{File: f, Err: err.Error()})
			continue
		}
		rel, err := filepath.Rel(dir, f)
		if err != nil {
			rel = f
		}
		walks = append(walks, Walk{Name: WalkName(rel), File: f, Input: in, Result: eng.Identify(in), Skipped: skipped})
	}
	return walks, bad, nil
}

// ReadInput reads the recorded walk at path (snmprec, .bz2 accepted,
// within snmprec.DefaultLimits) into the engine's input for the vendor
// OIDs oids (fingerprints.InputFromWalk); skipped counts the unreadable
// lines left out.
func ReadInput(path string, oids []string) (in fingerprints.Input, skipped int, err error) {
	w, lerrs, err := snmprec.ParseFile(path)
	if err != nil {
		return fingerprints.Input{}, 0, err
	}
	return fingerprints.InputFromWalk(w, oids), len(lerrs), nil
}

// Get returns one field of a result.
func Get(r fingerprints.Result, field string) string {
	switch field {
	case fingerprints.FieldVendor:
		return r.Vendor
	case fingerprints.FieldModel:
		return r.Model
	case fingerprints.FieldSerial:
		return r.Serial
	case fingerprints.FieldOS:
		return r.OS
	case fingerprints.FieldOSVersion:
		return r.OSVersion
	case fingerprints.FieldDeviceType:
		return r.DeviceType
	}
	return ""
}

// Report is a run's summary.
type Report struct {
	Walks      int          `json:"walks"`
	Unreadable []Unreadable `json:"unreadable,omitempty"`
	Coverage   []Coverage   `json:"coverage"`
	// Accuracy and Misses are filled with expectations.
	Accuracy []Accuracy `json:"accuracy,omitempty"`
	Misses   []Miss     `json:"misses,omitempty"`
	// NotFound lists expectations that name no walk of the folder.
	NotFound []string `json:"expected_not_found,omitempty"`
}

// Coverage is how often one field came out.
type Coverage struct {
	Field string `json:"field"`
	Found int    `json:"found"`
	Walks int    `json:"walks"`
	// Lacking counts the walks without the field by the enterprise of
	// their sysObjectID, most first.
	Lacking []Enterprise `json:"lacking,omitempty"`
}

// Enterprise is an enterprise number with its registered name and the
// walks of its devices that lack a field.
type Enterprise struct {
	Number uint32 `json:"number"`
	// Name is the IANA registration; "" when unknown or (Number 0) when
	// the walk gave no usable sysObjectID.
	Name  string   `json:"name,omitempty"`
	Walks []string `json:"walks"`
}

// Accuracy compares one field with the expectations that give it.
type Accuracy struct {
	Field    string `json:"field"`
	Expected int    `json:"expected"`
	Right    int    `json:"right"`
	// Wrong: a value that is not the expected one (worse than none).
	Wrong   int `json:"wrong"`
	Missing int `json:"missing"`
}

// Miss is a field that is wrong or missing for a walk.
type Miss struct {
	Walk  string `json:"walk"`
	Field string `json:"field"`
	Want  string `json:"want"`
	Got   string `json:"got,omitempty"`
	// Evidence is the rule that gave Got.
	Evidence *record.Evidence `json:"evidence,omitempty"`
	// Exposes summarises what the walk offers when Got is empty.
	Exposes string `json:"exposes,omitempty"`
}

// Summarize builds the report; expect may be nil.
func Summarize(walks []Walk, bad []Unreadable, expect map[string]Expect) (Report, error) {
	reg, err := pen.Open()
	if err != nil {
		return Report{}, fmt.Errorf("enterprise registry: %w", err)
	}
	rep := Report{Walks: len(walks), Unreadable: bad}
	for _, f := range Fields {
		c := Coverage{Field: f, Walks: len(walks)}
		lack := map[uint32]*Enterprise{}
		for _, w := range walks {
			if Get(w.Result, f) != "" {
				c.Found++
				continue
			}
			n, _ := pen.FromSysObjectID(w.Input.SysObjectID)
			e := lack[n]
			if e == nil {
				e = &Enterprise{Number: n}
				if n != 0 {
					e.Name, _ = reg.Lookup(n)
				}
				lack[n] = e
			}
			e.Walks = append(e.Walks, w.Name)
		}
		for _, e := range lack {
			c.Lacking = append(c.Lacking, *e)
		}
		sort.Slice(c.Lacking, func(i, j int) bool {
			a, b := c.Lacking[i], c.Lacking[j]
			if len(a.Walks) != len(b.Walks) {
				return len(a.Walks) > len(b.Walks)
			}
			return a.Number < b.Number
		})
		rep.Coverage = append(rep.Coverage, c)
	}
	if expect == nil {
		return rep, nil
	}
	byName := make(map[string]bool, len(walks))
	for _, w := range walks {
		byName[w.Name] = true
	}
	for name := range expect {
		if !byName[name] {
			rep.NotFound = append(rep.NotFound, name)
		}
	}
	sort.Strings(rep.NotFound)
	for _, f := range Expected {
		a := Accuracy{Field: f}
		for _, w := range walks {
			want := expect[w.Name].Get(f)
			if want == "" {
				continue
			}
			a.Expected++
			got := Get(w.Result, f)
			switch {
			case got == "":
				a.Missing++
				rep.Misses = append(rep.Misses, Miss{Walk: w.Name, Field: f, Want: want, Exposes: Exposes(w.Input)})
			case Same(f, want, got), f == fingerprints.FieldModel && sameModel(want, got, w.Result.Vendor, expect[w.Name].Vendor):
				a.Right++
			default:
				a.Wrong++
				m := Miss{Walk: w.Name, Field: f, Want: want, Got: got}
				if ev, ok := w.Result.Evidence[f]; ok {
					m.Evidence = &ev
				}
				rep.Misses = append(rep.Misses, m)
			}
		}
		rep.Accuracy = append(rep.Accuracy, a)
	}
	slices.SortStableFunc(rep.Misses, func(a, b Miss) int {
		if c := strings.Compare(a.Walk, b.Walk); c != 0 {
			return c
		}
		return slices.Index(Expected, a.Field) - slices.Index(Expected, b.Field)
	})
	return rep, nil
}

// Same says whether a value found is the expected one: case, runs of
// spaces and, for a version, a leading "v" aside; a vendor is compared
// after the engine's own normalization ("Cisco Systems, Inc." is Cisco).
func Same(field, want, got string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.Join(strings.Fields(s), " "))
		if field == fingerprints.FieldOSVersion {
			s = strings.TrimPrefix(s, "v")
		}
		return s
	}
	if field == fingerprints.FieldVendor {
		want, got = maker.Normalize(want), maker.Normalize(got)
	}
	return norm(want) == norm(got)
}

// sameModel says whether an expected model written with its maker's name
// in front ("HP LaserJet Pro M404dn") is the model found, which the
// registry gives without it, the maker being the vendor field
// ("LaserJet Pro M404dn"); the maker is the vendor found or expected.
func sameModel(want, got, vendorFound, vendorWant string) bool {
	for _, v := range []string{vendorFound, vendorWant} {
		if v == "" {
			continue
		}
		if m := maker.ModelWithout(want, v); m != want && Same(fingerprints.FieldModel, m, got) {
			return true
		}
	}
	return false
}

// Exposes summarises what a walk offers: sysObjectID, sysDescr (cut) and
// how many ENTITY rows and vendor values were read.
func Exposes(in fingerprints.Input) string {
	d := strings.Join(strings.Fields(record.Sanitize(in.SysDescr)), " ")
	if r := []rune(d); len(r) > 70 {
		d = string(r[:70]) + "..."
	}
	return "sysObjectID=" + orDash(in.SysObjectID) + " entities=" + strconv.Itoa(len(in.Entities)) +
		" vendor_values=" + strconv.Itoa(len(in.Values)) + " sysDescr=" + strconv.Quote(d)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
