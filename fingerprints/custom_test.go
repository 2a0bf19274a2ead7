package fingerprints

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func writeProfiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCustomProfilesAddAndOverride(t *testing.T) {
	dir := writeProfiles(t, map[string]string{
		"acme.yaml": `profiles:
  - id: acme-widget
    priority: 50
    match:
      sys_object_id: [1.3.6.1.4.1.99999.1]
    vendor: Acme
    model:
      - sys_descr: '^Acme (\S+)'
    device_type: switch
`,
		// arista-eos is a built-in id: this one replaces it.
		"override.yml": `profiles:
  - id: arista-eos
    priority: 50
    match:
      sys_object_id: [1.3.6.1.4.1.30065]
    vendor: Arista
    model: Custom Model
`,
		"notes.txt": "not a profile file",
	})
	e, err := NewWithProfiles(dir)
	if err != nil {
		t.Fatalf("NewWithProfiles: %v", err)
	}
	builtin := engine(t)
	if got, want := len(e.Profiles()), len(builtin.Profiles())+1; got != want {
		t.Errorf("%d profiles, want %d (one added, one replaced)", got, want)
	}
	r := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.99999.1.7", SysDescr: "Acme WX-100 firmware 1.2"})
	if r.Vendor != "Acme" || r.Model != "WX-100" || r.Profile != "acme-widget" || r.DeviceType != "switch" {
		t.Errorf("custom profile: %+v", r)
	}
	arista := Input{SysObjectID: "1.3.6.1.4.1.30065.1.3011.7150", SysDescr: "Arista Networks EOS version 4.20.5F running on an Arista Networks DCS-7150S-52-CL"}
	r = e.Identify(arista)
	if r.Model != "Custom Model" {
		t.Errorf("override: model %q", r.Model)
	}
	if ev := r.Evidence[FieldModel]; !strings.Contains(ev.Rule, "arista-eos") {
		t.Errorf("override evidence %+v", ev)
	}
	for _, m := range e.Explain(arista) {
		if m.Winner && m.File != filepath.Join(dir, "override.yml") {
			t.Errorf("winner from %s, want the custom file", m.File)
		}
	}
	// The built-in engine is untouched.
	if r := builtin.Identify(arista); r.Model == "Custom Model" {
		t.Error("built-in engine took the custom profile")
	}
	// VendorOIDs and FetchFor see custom profiles.
	e2, err := NewWithProfiles(writeProfiles(t, map[string]string{"a.yaml": `profiles:
  - id: acme-oid
    match:
      sys_object_id: [1.3.6.1.4.1.99999]
    serial:
      - oid: 1.3.6.1.4.1.99999.2.1.0
`}))
	if err != nil {
		t.Fatal(err)
	}
	if f := e2.FetchFor("1.3.6.1.4.1.99999.1", ""); !slices.Contains(f.Get, "1.3.6.1.4.1.99999.2.1.0") {
		t.Errorf("FetchFor = %+v", f)
	}
}

func TestCustomProfilesEmptyDirIsBuiltin(t *testing.T) {
	e, err := NewWithProfiles("")
	if err != nil || len(e.Profiles()) != len(engine(t).Profiles()) {
		t.Fatalf("NewWithProfiles(\"\"): %v", err)
	}
}

// TestCustomProfileErrors: every bad file is refused with its path, the
// line and the key at fault.
func TestCustomProfileErrors(t *testing.T) {
	good := "profiles:\n  - id: acme\n    match:\n      sys_object_id: [1.3.6.1.4.1.99999]\n    vendor: Acme\n    model:\n      - sys_descr: 'Acme (\\S+)'\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"unknown profile key", map[string]string{"a.yaml": strings.Replace(good, "vendor: Acme", "vendr: Acme", 1)},
			[]string{"a.yaml line 5:", "profiles[0].vendr", "unknown key vendr"}},
		{"unknown match key", map[string]string{"a.yaml": strings.Replace(good, "sys_object_id:", "sysobjectid:", 1)},
			[]string{"a.yaml line 4:", "profiles[0].match.sysobjectid", "unknown key"}},
		{"unknown rule key", map[string]string{"a.yaml": good + "        regexp: x\n"},
			[]string{"a.yaml line 8:", "profiles[0].model[0].regexp", "unknown key regexp"}},
		{"bad regexp", map[string]string{"a.yaml": strings.Replace(good, `'Acme (\S+)'`, `'Acme ('`, 1)},
			[]string{"a.yaml line 7:", "profiles[0].model[0].sys_descr", "regexp"}},
		{"bad oid", map[string]string{"a.yaml": strings.Replace(good, "[1.3.6.1.4.1.99999]", "[1.3.6.1.4.1.99999, 1.3.x]", 1)},
			[]string{"a.yaml line 4:", "profiles[0].match.sys_object_id[1]", "not an OID"}},
		{"bad case", map[string]string{"a.yaml": good + "        case: title\n"},
			[]string{"a.yaml line 8:", "profiles[0].model[0].case", "want upper or lower"}},
		{"bad device type", map[string]string{"a.yaml": good + "    device_type: toaster\n"},
			[]string{"a.yaml line 8:", "profiles[0].device_type", "toaster"}},
		{"bad id", map[string]string{"a.yaml": "profiles:\n  - id: ok\n    match: {sys_descr: [x]}\n  - id: Not_OK\n    match: {sys_descr: [x]}\n"},
			[]string{"a.yaml line 4:", "profiles[1].id", "lower-case"}},
		{"wrong type", map[string]string{"a.yaml": strings.Replace(good, "id: acme", "id: acme\n    priority: high", 1)},
			[]string{"a.yaml line 3:", "profiles[0].priority"}},
		{"syntax", map[string]string{"a.yaml": "profiles:\n  - id: [\n"},
			[]string{"a.yaml", "line"}},
		{"empty", map[string]string{"a.yaml": "\n"}, []string{"a.yaml", "empty"}},
		{"duplicate id", map[string]string{"a.yaml": good, "b.yaml": good},
			[]string{"b.yaml line 2:", "id acme", "a.yaml line 2"}},
		{"no files", map[string]string{"readme.txt": "x"}, []string{"no profile files"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeProfiles(t, tc.files)
			_, err := NewWithProfiles(dir)
			if err == nil {
				t.Fatal("loaded without error")
			}
			t.Log(err)
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
	if _, err := NewWithProfiles(filepath.Join(t.TempDir(), "missing")); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("missing dir: %v", err)
	}
}

func TestCustomProfileFileLimit(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range MaxCustomProfileFiles + 1 {
		fsys["p"+strconv.Itoa(i)+".yaml"] = &fstest.MapFile{Data: []byte("x")}
	}
	if _, err := loadCustomProfiles(fsys, "d"); err == nil || !strings.Contains(err.Error(), "at most") {
		t.Errorf("limit: %v", err)
	}
}

// The built-in profiles are decoded once a process: New gives every
// caller the same engine, and an engine with custom profiles shares the
// built-in ones. Before, each call decoded all of them again (serve did
// for every scheduled sweep: about a quarter of a CPU second each).
func TestBuiltinLoadedOnce(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Error("New decoded the built-in profiles again")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("profiles:\n  - id: site-box\n    match:\n      sys_object_id: [1.3.6.1.4.1.99999.1]\n    vendor: Site\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := NewWithProfiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.profiles) != len(a.profiles)+1 || c.profiles[0] != a.profiles[0] {
		t.Errorf("custom engine: %d profiles (built-in %d), first shared %v", len(c.profiles), len(a.profiles), c.profiles[0] == a.profiles[0])
	}
}
