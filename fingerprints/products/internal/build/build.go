// Package build turns MIB modules into package products' registry table:
// every OBJECT IDENTIFIER registered under enterprises (1.3.6.1.4.1), with
// the module and descriptor that register it.
//
// Parsing is libsmi's (Debian package smitools): smidump -f identifiers
// prints each module's registrations with their resolved OIDs. libsmi is
// the reference SMIv1/SMIv2 parser, resolves imports across the whole
// module path, and tolerates the defects vendor modules carry (-k); the
// Go SMI libraries either do not resolve imports across thousands of
// modules or are unmaintained. It is only needed to regenerate the table.
package build

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/netcensus/netcensus/internal/snmprec"
)

// Enterprises is the arc every registered OID of the table lies below.
const Enterprises = "1.3.6.1.4.1"

// Entry is one registration.
type Entry struct {
	OID    string
	Module string
	Name   string
	// Kind is smidump's: node, scalar, table, row, column, notification,
	// group, compliance, capability.
	Kind string
}

// batch is how many modules one smidump run parses; runTimeout bounds one
// run.
const (
	batch      = 200
	runTimeout = 5 * time.Minute
)

// Modules lists the MIB module files below dir (.mib, .my, .txt or no
// extension; not dot files or READMEs), sorted.
func Modules(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".mib", ".my", ".txt", "":
		default:
			return nil
		}
		if strings.HasPrefix(strings.ToUpper(name), "README") || strings.EqualFold(name, "robots.txt") ||
			strings.EqualFold(name, "CONTRIBUTING") || strings.EqualFold(name, "VERSION") {
			return nil
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list MIB modules in %s: %w", dir, err)
	}
	slices.Sort(out)
	return out, nil
}

// modulePath is the SMIPATH for dir: dir and every folder below it.
func modulePath(dir string) (string, error) {
	dirs := []string{dir}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != dir {
			if strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			dirs = append(dirs, p)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("list MIB folders in %s: %w", dir, err)
	}
	return strings.Join(dirs, string(os.PathListSeparator)), nil
}

// definitionsRE finds the modules a file defines ("JUNIPER-SMI
// DEFINITIONS ::= BEGIN").
var definitionsRE = regexp.MustCompile(`(?m)^[ \t]*([A-Za-z][A-Za-z0-9-]*)[ \t\r\n]+DEFINITIONS[ \t\r\n]*::=[ \t\r\n]*BEGIN\b`)

// moduleFileNames are the names libsmi looks for when it loads an
// imported module: the module's name, bare or with one of its
// extensions, or the same in lower case.
func moduleFileNames(module string) []string {
	var out []string
	for _, n := range []string{module, strings.ToLower(module)} {
		for _, ext := range []string{"", ".my", ".smiv1", ".smiv2", ".sming", ".mib", ".txt"} {
			out = append(out, n+ext)
		}
	}
	return out
}

// linkModules makes libsmi find modules kept under another file name.
// libsmi loads an imported module by its file name only, so a module
// importing from one a vendor ships under another name (Juniper's
// JUNIPER-SMI is juniper/mib-jnx-smi.txt, HP's and H3C's modules are
// lower-case words) failed to parse unless that module happened to be
// loaded earlier in the same smidump run: every registration of
// JUNIPER-CHASSIS-DEFINES-MIB (jnxProductNameMX480 ...) was missing.
// For each module such a file defines and no file is named after, a
// link named after the module is made in dir (the first file in mods'
// order that defines it), which goes first on SMIPATH. It returns how
// many links it made.
func linkModules(mods []string, dir string) (int, error) {
	named := map[string]bool{}
	for _, m := range mods {
		named[filepath.Base(m)] = true
	}
	made := map[string]bool{}
	for _, m := range mods {
		b, err := os.ReadFile(m)
		if err != nil {
			return 0, fmt.Errorf("read MIB module %s: %w", m, err)
		}
		for _, sm := range definitionsRE.FindAllSubmatch(b, -1) {
			name := string(sm[1])
			if made[name] || slices.ContainsFunc(moduleFileNames(name), func(f string) bool { return named[f] }) {
				continue
			}
			abs, err := filepath.Abs(m)
			if err != nil {
				return 0, err
			}
			if err := os.Symlink(abs, filepath.Join(dir, name)); err != nil {
				return 0, fmt.Errorf("link MIB module %s: %w", name, err)
			}
			made[name] = true
		}
	}
	return len(made), nil
}

// Generate parses every module below dir with smidump and returns the
// registrations under enterprises, one per OID, sorted by OID.
func Generate(ctx context.Context, smidump, dir string, progress io.Writer) ([]Entry, error) {
	mods, err := Modules(dir)
	if err != nil {
		return nil, err
	}
	if len(mods) == 0 {
		return nil, fmt.Errorf("no MIB modules in %s", dir)
	}
	path, err := modulePath(dir)
	if err != nil {
		return nil, err
	}
	links, err := os.MkdirTemp("", "products-modules-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(links)
	n, err := linkModules(mods, links)
	if err != nil {
		return nil, err
	}
	plain := path
	if n > 0 {
		path = links + string(os.PathListSeparator) + path
	}
	var all []Entry
	skipped := 0
	for i := 0; i < len(mods); i += batch {
		part := mods[i:min(i+batch, len(mods))]
		es, bad, err := parseBatch(ctx, smidump, path, part)
		if err != nil {
			return nil, err
		}
		all = append(all, es...)
		// A module smidump crashes on once its imports resolve (MERU-WLAN-MIB)
		// is parsed as before the links were made, its imports unresolved.
		var failed []string
		for _, b := range bad {
			if n == 0 {
				failed = append(failed, b)
				continue
			}
			es, bad, err := parseBatch(ctx, smidump, plain, []string{b})
			if err != nil {
				return nil, err
			}
			all = append(all, es...)
			failed = append(failed, bad...)
		}
		skipped += len(failed)
		if progress != nil {
			for _, b := range failed {
				fmt.Fprintf(progress, "build: %s: smidump failed on it; skipped\n", b)
			}
			fmt.Fprintf(progress, "build: %d/%d modules, %d registrations\n", min(i+batch, len(mods)), len(mods), len(all))
		}
	}
	if skipped == len(mods) {
		return nil, fmt.Errorf("smidump parsed none of the %d modules in %s", len(mods), dir)
	}
	return Reduce(all), nil
}

// parseBatch runs smidump over mods. smidump crashes on some malformed
// modules, losing the whole run's output, so a failed run is split in
// halves and retried; a module that fails alone is returned in bad.
func parseBatch(ctx context.Context, smidump, path string, mods []string) ([]Entry, []string, error) {
	args := append([]string{"-k", "-q", "-l", "0", "-f", "identifiers"}, mods...)
	// A run that hangs is a failed run: bounded, then split like a crash.
	runCtx, cancel := context.WithTimeout(ctx, runTimeout)
	defer cancel()
	cmd := exec.CommandContext(runCtx, smidump, args...)
	cmd.Env = append(os.Environ(), "SMIPATH="+path)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = io.Discard
	err := cmd.Run()
	if err == nil {
		es, err := ParseIdentifiers(&out)
		if err != nil {
			return nil, nil, fmt.Errorf("smidump output for %s: %w", mods[0], err)
		}
		return es, nil, nil
	}
	if ctx.Err() != nil {
		return nil, nil, ctx.Err()
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return nil, nil, fmt.Errorf("run %s: %w", smidump, err)
	}
	if len(mods) == 1 {
		return nil, mods, nil
	}
	h := len(mods) / 2
	a, badA, err := parseBatch(ctx, smidump, path, mods[:h])
	if err != nil {
		return nil, nil, err
	}
	b, badB, err := parseBatch(ctx, smidump, path, mods[h:])
	if err != nil {
		return nil, nil, err
	}
	return append(a, b...), append(badA, badB...), nil
}

// ParseIdentifiers reads smidump -f identifiers output: one registration
// a line, "MODULE descriptor kind oid". Types (no OID) are skipped.
func ParseIdentifiers(r io.Reader) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 4 || strings.HasPrefix(f[0], "--") {
			continue
		}
		oid := f[3]
		if oid != Enterprises && !strings.HasPrefix(oid, Enterprises+".") {
			continue
		}
		if !validOID(oid) || !validName(f[0]) || !validName(f[1]) {
			continue
		}
		out = append(out, Entry{OID: oid, Module: f[0], Name: f[1], Kind: f[2]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read smidump output: %w", err)
	}
	return out, nil
}

func validOID(s string) bool {
	if s == "" {
		return false
	}
	for _, arc := range strings.Split(s, ".") {
		if arc == "" || len(arc) > 10 {
			return false
		}
		for i := 0; i < len(arc); i++ {
			if arc[i] < '0' || arc[i] > '9' {
				return false
			}
		}
	}
	return true
}

func validName(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// kindRank orders kinds when several modules register one OID: a node
// (a product registration or an arc) is preferred to the objects modules
// sometimes redefine.
func kindRank(k string) int {
	switch k {
	case "node":
		return 0
	case "scalar", "table", "row", "column":
		return 1
	case "notification":
		return 2
	}
	return 3
}

// Reduce keeps one registration per OID, sorted by OID. When modules
// disagree the choice is stable: a products/registration module first
// (its name says PRODUCT, REG or OID), then by kind, then the shortest
// module name (the base module rather than a version-suffixed copy),
// then module and descriptor order.
func Reduce(es []Entry) []Entry {
	pref := func(m string) int {
		u := strings.ToUpper(m)
		if strings.Contains(u, "PRODUCT") || strings.Contains(u, "-REG") || strings.Contains(u, "OID") {
			return 0
		}
		return 1
	}
	es = slices.Clone(es)
	slices.SortFunc(es, func(a, b Entry) int {
		if c := snmprec.CompareOID(a.OID, b.OID); c != 0 {
			return c
		}
		if c := pref(a.Module) - pref(b.Module); c != 0 {
			return c
		}
		if c := kindRank(a.Kind) - kindRank(b.Kind); c != 0 {
			return c
		}
		if c := len(a.Module) - len(b.Module); c != 0 {
			return c
		}
		if c := strings.Compare(a.Module, b.Module); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return slices.CompactFunc(es, func(a, b Entry) bool { return a.OID == b.OID })
}

// Encode writes the table: a header line, then the module names (one a
// line, numbered from 0 in order), a blank line, then one line per
// registration, "oid TAB module-number TAB descriptor TAB kind-letter",
// OIDs relative to enterprises (1.3.6.1.4.1 is written as "").
func Encode(es []Entry) []byte {
	var modules []string
	idx := map[string]int{}
	for _, e := range es {
		if _, ok := idx[e.Module]; !ok {
			idx[e.Module] = -1
			modules = append(modules, e.Module)
		}
	}
	slices.Sort(modules)
	for i, m := range modules {
		idx[m] = i
	}
	var b bytes.Buffer
	b.WriteString(Magic + "\n")
	for _, m := range modules {
		b.WriteString(m)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	for _, e := range es {
		b.WriteString(strings.TrimPrefix(strings.TrimPrefix(e.OID, Enterprises), "."))
		fmt.Fprintf(&b, "\t%d\t%s\t%c\n", idx[e.Module], e.Name, KindLetter(e.Kind))
	}
	return b.Bytes()
}

// Magic starts an encoded table.
const Magic = "NCPRODUCTS 1"

// KindLetter abbreviates a kind for the table.
func KindLetter(k string) byte {
	switch k {
	case "node":
		return 'n'
	case "scalar":
		return 's'
	case "table":
		return 't'
	case "row":
		return 'r'
	case "column":
		return 'c'
	case "notification":
		return 'N'
	case "group":
		return 'g'
	case "compliance":
		return 'C'
	case "capability", "capabilities":
		return 'a'
	}
	return 'o'
}

// Compress gzips an encoded table deterministically.
func Compress(raw []byte) ([]byte, error) {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
