package assemble

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/fingerprints"
	"github.com/netcensus/netcensus/internal/config"
)

// Coverage fingerprints the walks below a folder, says on w the files and
// lines it could not read and the expected walks it did not find, and
// refuses an unreadable expectation file or folder as a setting.
func TestCoverage(t *testing.T) {
	dir := t.TempDir()
	walks := filepath.Join(dir, "walks")
	for name, body := range map[string]string{
		"linux/host.snmprec":      probeWalk + "not a record line\n",
		"broken/dead.snmprec.bz2": "not bzip2",
	} {
		p := filepath.Join(walks, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	expect := filepath.Join(dir, "expect.yaml")
	if err := os.WriteFile(expect, []byte("linux/host: {os_version: 6.1.0}\nnowhere/gone: {vendor: Cisco}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var said strings.Builder
	rep, err := Coverage(t.Context(), config.Fingerprints{}, walks, expect, &said)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"broken/dead.snmprec.bz2: unreadable", "linux/host.snmprec: 1 unreadable lines skipped", "1 walk(s) of " + expect + " not in " + walks + ": nowhere/gone"} {
		if !strings.Contains(said.String(), want) {
			t.Errorf("said %q: want %q", said.String(), want)
		}
	}
	if rep.Walks != 1 || len(rep.NotFound) != 1 {
		t.Errorf("report: %d walks, not found %v", rep.Walks, rep.NotFound)
	}
	var se *SettingsError
	for name, c := range map[string][2]string{"a missing expectation file": {walks, filepath.Join(dir, "none.yaml")}, "a missing folder": {filepath.Join(dir, "none"), ""}} {
		if _, err := Coverage(t.Context(), config.Fingerprints{}, c[0], c[1], &said); !errors.As(err, &se) {
			t.Errorf("%s: %v, want a *SettingsError", name, err)
		}
	}
}

// Explain explains a device given by its sysObjectID (a leading dot taken)
// and sysDescr, or by a recorded walk, counting the walk's unreadable
// lines; an unreadable walk is a *SettingsError naming --walk.
func TestExplain(t *testing.T) {
	var said strings.Builder
	in := fingerprints.Input{SysObjectID: ".1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux probe-host 6.1.0 x86_64"}
	dotted, err := Explain(config.Fingerprints{}, in, "", false, &said)
	if err != nil {
		t.Fatal(err)
	}
	in.SysObjectID = in.SysObjectID[1:]
	plain, err := Explain(config.Fingerprints{}, in, "", true, &said)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(dotted.Result, plain.Result) || len(plain.Matches) <= len(dotted.Matches) || len(dotted.Matches) == 0 {
		t.Errorf("dotted %+v (%d matches), plain %+v (%d matches with all)", dotted.Result, len(dotted.Matches), plain.Result, len(plain.Matches))
	}
	walk := filepath.Join(t.TempDir(), "host.snmprec")
	if err := os.WriteFile(walk, []byte(probeWalk+"not a record line\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	fromWalk, err := Explain(config.Fingerprints{}, fingerprints.Input{}, walk, false, &said)
	if err != nil || !reflect.DeepEqual(fromWalk.Result, dotted.Result) || said.String() != "walk "+walk+": 1 unreadable lines skipped\n" {
		t.Errorf("walk: %+v, %v, said %q; want the values' result", fromWalk.Result, err, said.String())
	}
	var text strings.Builder
	fromWalk.WriteText(&text)
	if !strings.Contains(text.String(), "Linux") {
		t.Errorf("text:\n%s", text.String())
	}
	var se *SettingsError
	if _, err := Explain(config.Fingerprints{}, fingerprints.Input{}, walk+".none", false, &said); !errors.As(err, &se) || !strings.Contains(err.Error(), "--walk "+walk+".none") {
		t.Errorf("a missing walk: %v", err)
	}
}

// config check reads the file and the profiles of its profiles_dir: a
// bad key is a *config.Error, a missing profiles_dir a *SettingsError,
// each naming the file.
func TestCheckConfig(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "config.yaml")
	getenv := func(string) string { return "" }
	for body, want := range map[string]string{
		"sweep: {rate: 70}\n":                              "",
		"sweep: {ratee: 70}\n":                             "sweep.ratee",
		"fingerprints: {profiles_dir: " + dir + "/none}\n": "fingerprints.profiles_dir",
	} {
		if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, used, err := CheckConfig(file, getenv)
		var ce *config.Error
		var se *SettingsError
		switch {
		case want == "" && (err != nil || used != file || cfg.Sweep.Rate != 70):
			t.Errorf("%q: %v, %q, rate %d", body, err, used, cfg.Sweep.Rate)
		case want != "" && (!errors.As(err, &ce) && !errors.As(err, &se) || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), file)):
			t.Errorf("%q: %v, want a refusal naming %s and the file", body, err, want)
		}
	}
}
