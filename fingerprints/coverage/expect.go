package coverage

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/netcensus/netcensus/fingerprints"
	"github.com/netcensus/netcensus/internal/readlimit"
)

// Expect is what a walk's device truly is; an empty field is unknown and
// not counted.
type Expect struct {
	Vendor    string `yaml:"vendor"`
	Model     string `yaml:"model"`
	Serial    string `yaml:"serial"`
	OSVersion string `yaml:"os_version"`
}

// Get returns one field.
func (e Expect) Get(field string) string {
	switch field {
	case fingerprints.FieldVendor:
		return e.Vendor
	case fingerprints.FieldModel:
		return e.Model
	case fingerprints.FieldSerial:
		return e.Serial
	case fingerprints.FieldOSVersion:
		return e.OSVersion
	}
	return ""
}

func (e *Expect) set(field, v string) {
	switch field {
	case fingerprints.FieldVendor:
		e.Vendor = v
	case fingerprints.FieldModel:
		e.Model = v
	case fingerprints.FieldSerial:
		e.Serial = v
	case fingerprints.FieldOSVersion:
		e.OSVersion = v
	}
}

// MaxExpectBytes bounds an expectation file.
const MaxExpectBytes = 16 << 20

// LoadExpect reads an expectation file: YAML (.yaml, .yml), a mapping of
// walk name to its fields,
//
//	network/switch/core-1:
//	  vendor: Cisco
//	  model: WS-C3850-48P
//	  serial: FOC1234X0AB
//	  os_version: 16.9.4
//
// or CSV (.csv) with a header naming the columns: walk, then any of
// vendor, model, serial, os_version. A walk name is the walk file's path
// below the folder, with or without .snmprec or .snmprec.bz2. Unknown keys
// and columns are errors, with their line.
func LoadExpect(path string) (map[string]Expect, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("expectations: %w", err)
	}
	defer f.Close()
	b, err := readlimit.ReadAll(f, MaxExpectBytes, "expectation file "+path)
	if err != nil {
		return nil, err
	}
	var m map[string]Expect
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		m, err = decodeExpectYAML(b)
	case ".csv":
		m, err = decodeExpectCSV(b)
	default:
		return nil, fmt.Errorf("expectations %s: want a .yaml, .yml or .csv file", path)
	}
	if err != nil {
		return nil, fmt.Errorf("expectations %s: %w", path, err)
	}
	return m, nil
}

func decodeExpectYAML(b []byte) (map[string]Expect, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, errors.New("empty")
	}
	var raw map[string]Expect
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	out := make(map[string]Expect, len(raw))
	for k, v := range raw {
		n := WalkName(k)
		if _, dup := out[n]; dup {
			return nil, fmt.Errorf("walk %s given twice", n)
		}
		out[n] = v
	}
	return out, nil
}

func decodeExpectCSV(b []byte) (map[string]Expect, error) {
	r := csv.NewReader(bytes.NewReader(b))
	r.Comment = '#'
	r.TrimLeadingSpace = true
	head, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("empty")
	}
	if err != nil {
		return nil, err
	}
	cols := make([]string, len(head))
	walkCol := -1
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		switch {
		case h == "walk":
			walkCol = i
		case slices.Contains(Expected, h):
		default:
			return nil, fmt.Errorf("line 1: column %q: want walk, %s", h, strings.Join(Expected, ", "))
		}
		if slices.Contains(cols[:i], h) {
			return nil, fmt.Errorf("line 1: column %q given twice", h)
		}
		cols[i] = h
	}
	if walkCol < 0 {
		return nil, errors.New("line 1: no walk column")
	}
	out := map[string]Expect{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		n := WalkName(strings.TrimSpace(rec[walkCol]))
		if n == "" {
			return nil, fmt.Errorf("line %d: empty walk name", line)
		}
		if _, dup := out[n]; dup {
			return nil, fmt.Errorf("line %d: walk %s given twice", line, n)
		}
		var e Expect
		for i, v := range rec {
			if i != walkCol {
				e.set(cols[i], strings.TrimSpace(v))
			}
		}
		out[n] = e
	}
	return out, nil
}
