package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/netcensus/netcensus/fingerprints/products"
)

// PHP's str_replace in order: a shorter key earlier in the table rewrites
// part of a longer label, and the label's own pair no longer matches.
func TestRewrite(t *testing.T) {
	table := [][2]string{{"snSI", "Stackable ServerIron"}, {"snSIXL", "Stackable ServerIronXL"},
		{"snSI400Switch", "ServerIron 400"}, {"snICX643024Switch", "FastIron ICX 6430 24-port Switch"}}
	for in, want := range map[string]string{
		"snSIXL":             "Stackable ServerIronXL",
		"snSI400Switch":      "Stackable ServerIron400Switch",
		"snICX643024Switch":  "FastIron ICX 6430 24-port Switch",
		"snICX765048FRouter": "snICX765048FRouter",
	} {
		if got := rewrite(table, in); got != want {
			t.Errorf("rewrite(%q) = %q, want %q", in, got, want)
		}
	}
}

// The map in profiles/network.yaml is what the generator writes from
// rewrite.yaml and the product registry (run `go generate` in fingerprints
// after changing either).
func TestUpToDate(t *testing.T) {
	sp, err := readSpec("rewrite.yaml")
	if err != nil {
		t.Fatal(err)
	}
	reg := products.Open()
	if err := reg.Err(); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../profiles/network.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := splice(src, block(sp, reg))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, src) {
		t.Error("profiles/network.yaml's ironwaregen map is not what internal/ironwaregen writes: run go generate in fingerprints")
	}
	if n := len(names(sp, reg)); n < 500 {
		t.Errorf("%d registrations named", n)
	}
}
