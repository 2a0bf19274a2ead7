// Command ironwaregen writes the brocade-fastiron profile's map from the
// FOUNDRY-SN-ROOT-MIB registrations (1991.1.3) to the hardware the
// device-support definition ironware states for them: the registration's
// label, from the product registry (package products, generated from the
// vendor MIBs), through Ironware.php's rewriteHardware table
// (rewrite.yaml, the definition's data, in its order) as PHP's
// str_replace applies it. It rewrites the lines between the map's
// "# BEGIN ironwaregen" and "# END ironwaregen" comments in
// profiles/network.yaml. Run it with `go generate` in fingerprints.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/netcensus/netcensus/fingerprints/products"
)

const (
	begin = "# BEGIN ironwaregen"
	end   = "# END ironwaregen"
)

// spec is rewrite.yaml.
type spec struct {
	// Arc: the registrations the map covers, the rule's sys_object_id.
	Arc string `yaml:"arc"`
	// Table: Ironware.php's pairs, key and value, in its order.
	Table [][2]string `yaml:"table"`
	// Partial: registrations whose label another, shorter key rewrites in
	// part and whose result is still stated (the arcs after Arc).
	Partial []string `yaml:"partial"`
	// BareExcept: arcs (after Arc) below which a label the table leaves
	// as it is is not stated; elsewhere a product's label (a registration
	// with none below it) is stated bare, as the definition states it.
	BareExcept []string `yaml:"bare_except"`
}

func main() {
	profiles := flag.String("profiles", "profiles/network.yaml", "profile file holding the map")
	table := flag.String("table", "internal/ironwaregen/rewrite.yaml", "the definition's table")
	flag.Parse()
	if err := run(*profiles, *table); err != nil {
		fmt.Fprintln(os.Stderr, "ironwaregen:", err)
		os.Exit(1)
	}
}

func run(profiles, table string) error {
	sp, err := readSpec(table)
	if err != nil {
		return err
	}
	reg := products.Open()
	if err := reg.Err(); err != nil {
		return err
	}
	src, err := os.ReadFile(profiles)
	if err != nil {
		return err
	}
	out, err := splice(src, block(sp, reg))
	if err != nil {
		return fmt.Errorf("%s: %w", profiles, err)
	}
	tmp := filepath.Join(filepath.Dir(profiles), "."+filepath.Base(profiles)+".tmp")
	if err := os.WriteFile(tmp, out, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, profiles)
}

func readSpec(path string) (spec, error) {
	var sp spec
	b, err := os.ReadFile(path)
	if err != nil {
		return sp, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&sp); err != nil {
		return sp, fmt.Errorf("%s: %w", path, err)
	}
	if sp.Arc == "" || len(sp.Table) == 0 {
		return sp, fmt.Errorf("%s: no arc or no table", path)
	}
	return sp, nil
}

// rewrite is PHP's str_replace with arrays of keys and values: each pair
// in turn replaces every occurrence of its key in what the pairs before
// it left.
func rewrite(table [][2]string, s string) string {
	for _, kv := range table {
		s = strings.ReplaceAll(s, kv[0], kv[1])
	}
	return s
}

// names gives, for each registration below sp.Arc (its arcs after it),
// the name the definition states: where the table rewrites its label
// whole (its own pair's value) or, for the registrations Partial lists,
// in part; where it leaves the label as it is, the bare label of a
// product (no registration below it) outside the BareExcept arcs. A label
// a shorter key cuts ('snSI' in snSI400Switch: 'Stackable
// ServerIron400Switch') is left out: the profile's other rules read
// those units.
func names(sp spec, reg *products.Registry) [][2]string {
	own := map[string]string{}
	for _, kv := range sp.Table {
		if _, dup := own[kv[0]]; !dup {
			own[kv[0]] = kv[1]
		}
	}
	var below []products.Entry
	for e := range reg.All() {
		if strings.HasPrefix(e.OID, sp.Arc+".") {
			below = append(below, e)
		}
	}
	var out [][2]string
	for i, e := range below {
		rel := strings.TrimPrefix(e.OID, sp.Arc+".")
		if e.Kind != "node" {
			continue
		}
		v := rewrite(sp.Table, e.Name)
		whole, named := own[e.Name]
		switch {
		case v == e.Name:
			leaf := i+1 == len(below) || !strings.HasPrefix(below[i+1].OID, e.OID+".")
			if !leaf || slices.ContainsFunc(sp.BareExcept, func(a string) bool {
				return rel == a || strings.HasPrefix(rel, a+".")
			}) {
				continue
			}
		case named && v == whole, slices.Contains(sp.Partial, rel):
		default:
			continue
		}
		out = append(out, [2]string{rel, strings.TrimSpace(v)})
	}
	return out
}

// block is the generated lines: the map, one registration a line.
func block(sp spec, reg *products.Registry) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s: written by internal/ironwaregen from its\n", begin)
	b.WriteString("# rewrite.yaml and the product registry; DO NOT EDIT.\n")
	b.WriteString("map:\n")
	for _, kv := range names(sp, reg) {
		fmt.Fprintf(&b, "  %q: %q\n", kv[0], kv[1])
	}
	b.WriteString(end + "\n")
	return b.Bytes()
}

// splice replaces the lines from the BEGIN line to the END line of src
// with gen, indented as the BEGIN line is.
func splice(src, gen []byte) ([]byte, error) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	from, to := -1, -1
	for i, l := range lines {
		t := bytes.TrimSpace(l)
		switch {
		case bytes.HasPrefix(t, []byte(begin)):
			if from >= 0 {
				return nil, fmt.Errorf("two %q lines", begin)
			}
			from = i
		case bytes.HasPrefix(t, []byte(end)):
			to = i
		}
	}
	if from < 0 || to < from {
		return nil, fmt.Errorf("no %q ... %q lines", begin, end)
	}
	indent := lines[from][:len(lines[from])-len(bytes.TrimLeft(lines[from], " "))]
	var out bytes.Buffer
	for _, l := range lines[:from] {
		out.Write(l)
	}
	for _, l := range bytes.SplitAfter(gen, []byte("\n")) {
		if len(l) > 0 {
			out.Write(indent)
			out.Write(l)
		}
	}
	for _, l := range lines[to+1:] {
		out.Write(l)
	}
	return out.Bytes(), nil
}
