// Package testenv locates the test data outside the repository.
//
// Unit tests read only the fixtures under the module's testdata/. Checks
// over a whole corpus (every recorded walk, every capture) are a tier of
// their own, on when NETCENSUS_CORPUS names the corpus directory: without
// it they skip, and the package says so once (Main); with it set, a
// missing or unreadable directory fails the tests instead of skipping them.
package testenv

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Env names the corpus directory. A relative path is taken from the
// module root (the directory holding go.mod), as CI sets ../shared/corpus.
const Env = "NETCENSUS_CORPUS"

// Main runs a package's tests. When NETCENSUS_CORPUS is unset it prints
// one line saying the package's corpus tier is skipped; when it is set but
// not a readable directory it fails the whole package at once.
func Main(m *testing.M) {
	dir, err := corpusRoot()
	switch {
	case err != nil:
		fmt.Fprintf(os.Stderr, "FAIL: %v\n", err)
		os.Exit(1)
	case dir == "":
		fmt.Fprintf(os.Stderr, "corpus tier skipped: %s is not set (name the corpus directory, e.g. ../shared/corpus, to run the Corpus tests)\n", Env)
	}
	os.Exit(m.Run())
}

// Corpus returns the path of rel (e.g. "snmpsim-data") inside the corpus
// directory. Without NETCENSUS_CORPUS it skips t; with it set, a path that
// cannot be read fails t.
func Corpus(t testing.TB, rel string) string {
	t.Helper()
	p, ok := OptionalCorpus(t, rel)
	if !ok {
		t.Skipf("corpus tier: %s is not set", Env)
	}
	return p
}

// OptionalCorpus is Corpus for extra data a test can run without, such as
// fuzz seeds: ok is false (and t goes on) when NETCENSUS_CORPUS is unset.
func OptionalCorpus(t testing.TB, rel string) (path string, ok bool) {
	t.Helper()
	dir, err := corpusRoot()
	if err != nil {
		t.Fatal(err)
	}
	if dir == "" {
		return "", false
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s=%s: %v", Env, os.Getenv(Env), err)
	}
	return p, true
}

// corpusRoot returns the absolute corpus directory, "" when the variable
// is unset, or an error when it does not name a readable directory.
func corpusRoot() (string, error) {
	v := os.Getenv(Env)
	if v == "" {
		return "", nil
	}
	dir := v
	if !filepath.IsAbs(dir) {
		root, err := moduleRoot()
		if err != nil {
			return "", fmt.Errorf("%s=%s: %w", Env, v, err)
		}
		dir = filepath.Join(root, dir)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return "", fmt.Errorf("%s=%s: corpus directory unreadable: %w", Env, v, err)
	}
	if len(ents) == 0 {
		return "", fmt.Errorf("%s=%s: corpus directory %s is empty", Env, v, dir)
	}
	return dir, nil
}

// moduleRoot is the nearest directory above the working directory (a
// test's package directory) holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
