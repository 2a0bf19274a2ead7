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

// TestFingerprintsProfilesDir: the config's fingerprints.profiles_dir adds
// profiles to every command that identifies devices, and a bad file stops
// them (exit 2) naming the file, the line and the key.
func TestFingerprintsProfilesDir(t *testing.T) {
	dir := t.TempDir()
	profiles := filepath.Join(dir, "profiles")
	if err := os.Mkdir(profiles, 0o700); err != nil {
		t.Fatal(err)
	}
	good := "profiles:\n  - id: acme-widget\n    match:\n      sys_object_id: [1.3.6.1.4.1.99999]\n    vendor: Acme\n    model:\n      - sys_descr: '^Acme (\\S+)'\n"
	os.WriteFile(filepath.Join(profiles, "acme.yaml"), []byte(good), 0o600)
	cfg := filepath.Join(dir, "c.yaml")
	os.WriteFile(cfg, []byte("fingerprints:\n  profiles_dir: "+profiles+"\n"), 0o600)
	args := []string{"--config", cfg, "fingerprints", "explain", "--sys-object-id", "1.3.6.1.4.1.99999.3", "--sys-descr", "Acme WX-9 v1"}
	a, out, errb := testApp(t, nil, nil)
	if code := run(context.Background(), a, args); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if s := out.String(); !strings.Contains(s, "WX-9") || !strings.Contains(s, "acme-widget ("+filepath.Join(profiles, "acme.yaml")+")") {
		t.Errorf("custom profile not applied:\n%s", s)
	}
	a, _, errb = testApp(t, nil, nil)
	if code := run(context.Background(), a, []string{"config", "check", cfg}); code != 0 {
		t.Fatalf("config check: exit %d: %s", code, errb)
	}

	os.WriteFile(filepath.Join(profiles, "acme.yaml"), []byte(strings.Replace(good, "    vendor: Acme", "    vendor: Acme\n    modle: x", 1)), 0o600)
	for _, args := range [][]string{args, {"config", "check", cfg}} {
		a, _, errb = testApp(t, nil, nil)
		if code := run(context.Background(), a, args); code != exitUsage {
			t.Fatalf("%v: exit %d with a bad profile file, want %d", args, code, exitUsage)
		}
		if s := errb.String(); !strings.Contains(s, "acme.yaml line 6") || !strings.Contains(s, "profiles[0].modle") {
			t.Errorf("%v: stderr %q does not name file, line and key", args, s)
		}
	}
}

func TestFingerprintsCoverage(t *testing.T) {
	dir := t.TempDir()
	expect := filepath.Join(dir, "expect.csv")
	os.WriteFile(expect, []byte("walk,vendor,model,serial,os_version\n"+
		"UPS/apc-7902b,APC,AP7902B B2,5A1551F39430,AOS v6.7.2 / App v6.7.2\n"+
		"network/router/huawei-s5720,Huawei,S5720-36C-EI-AC,NOT-THIS-ONE,\n"+
		"os/linux/unknown-003,,,ABC1234,\n"), 0o600)
	a, out, errb := testApp(t, nil, nil)
	code := run(context.Background(), a, []string{"fingerprints", "coverage", "../../testdata/snmpsim-data", "--expect", expect})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	s := out.String()
	for _, want := range []string{
		"walks: 5\n",
		"model               5/5    100.0%",
		"without vendor, by enterprise:\n     1  311 Microsoft: os/windows/server-2003-5-2\n",
		"model               2      2      0        0    100.0%",
		"serial              3      1      1        1     33.3%",
		`network/router/huawei-s5720 serial: want "NOT-THIS-ONE", got "210235956210F7000410" <- profile huawei-vrp: ENTITY chassis serial (1.3.6.1.2.1.47.1.1.1.1.11.67108867)`,
		`os/linux/unknown-003 serial: want "ABC1234", got nothing; the walk has sysObjectID=1.3.6.1.4.1.8072.3.2.10`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("coverage output lacks %q:\n%s", want, s)
		}
	}
	a, out, errb = testApp(t, nil, nil)
	if code := run(context.Background(), a, []string{"fingerprints", "coverage", "-o", "json", "../../testdata/snmpsim-data"}); code != 0 {
		t.Fatalf("json: exit %d: %s", code, errb)
	}
	var rep struct {
		Walks    int
		Coverage []struct {
			Field        string
			Found, Walks int
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || rep.Walks != 5 || len(rep.Coverage) != 6 {
		t.Errorf("json report %+v (%v):\n%s", rep, err, out)
	}
	for _, args := range [][]string{
		{"fingerprints", "coverage"},
		{"fingerprints", "coverage", "../../testdata/snmpsim-data", "--expect", filepath.Join(dir, "missing.yaml")},
		{"fingerprints", "coverage", filepath.Join(dir, "no-such-dir")},
		{"fingerprints", "coverage", "../../testdata/snmpsim-data", "-o", "csv"},
	} {
		a, _, _ := testApp(t, nil, nil)
		if code := run(context.Background(), a, args); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
