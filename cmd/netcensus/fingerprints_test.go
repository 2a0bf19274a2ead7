package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFingerprintsExplain(t *testing.T) {
	a, out, errb := testApp(t, nil, nil)
	code := run(context.Background(), a, []string{"fingerprints", "explain",
		"--sys-object-id", "1.3.6.1.4.1.9.1.1208",
		"--sys-descr", "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(4)E10, RELEASE SOFTWARE (fc2)"})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	s := out.String()
	for _, want := range []string{"vendor:", "Cisco", "os_version:  15.2(4)E10", "* "} {
		if !strings.Contains(s, want) {
			t.Errorf("explain output lacks %q:\n%s", want, s)
		}
	}
}

func TestFingerprintsExplainJSONAndWalk(t *testing.T) {
	a, out, errb := testApp(t, nil, nil)
	code := run(context.Background(), a, []string{"fingerprints", "explain", "--format", "json",
		"--walk", "../../testdata/snmpsim-data/UPS/apc-7902b.snmprec.bz2"})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var got struct {
		Result struct {
			Vendor, Model, Serial string
		}
		Matches []struct{ Profile string }
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if got.Result.Vendor != "APC" || got.Result.Model == "" || got.Result.Serial == "" || len(got.Matches) == 0 {
		t.Errorf("walk explain = %+v", got)
	}
}

func TestFingerprintsExplainUsage(t *testing.T) {
	for _, args := range [][]string{
		{"fingerprints", "explain"},
		{"fingerprints", "explain", "--walk", "x.snmprec", "--sys-descr", "y"},
		{"fingerprints", "explain", "--sys-descr", "y", "--format", "csv"},
		{"fingerprints", "explain", "--walk", "/nonexistent.snmprec"},
	} {
		a, _, _ := testApp(t, nil, nil)
		if code := run(context.Background(), a, args); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestFingerprintsExplainNamesOIDsThroughTheRegistry(t *testing.T) {
	a, out, errb := testApp(t, nil, nil)
	code := run(context.Background(), a, []string{"fingerprints", "explain", "--sys-object-id", ".1.3.6.1.4.1.9.1.283"})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	s := out.String()
	for _, want := range []string{
		"sysObjectID: 1.3.6.1.4.1.9.1.283 = CISCO-PRODUCTS-MIB::cat6509",
		"Catalyst 6509   <- product registry: CISCO-PRODUCTS-MIB::cat6509 (1.3.6.1.2.1.1.2.0)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("explain output lacks %q:\n%s", want, s)
		}
	}
}

// TestFingerprintsExplainWalkLimits (issue 16): a --walk past a bound of
// the walk reader is refused, and the error names the bound; a 1 GiB .bz2
// once took 15.7 GB. (The size bound is tested on a bzip2 bomb in
// internal/snmprec.)
func TestFingerprintsExplainWalkLimits(t *testing.T) {
	p := filepath.Join(t.TempDir(), "junk.snmprec")
	if err := os.WriteFile(p, []byte(strings.Repeat("not a record\n", 100_001)), 0o600); err != nil {
		t.Fatal(err)
	}
	a, out, errb := testApp(t, nil, nil)
	code := run(context.Background(), a, []string{"fingerprints", "explain", "--walk", p})
	if code != exitUsage || !strings.Contains(errb.String(), "more than 100000 unreadable lines, the limit") || out.Len() != 0 {
		t.Errorf("exit %d, stdout %q, stderr %s", code, out, errb)
	}
}
