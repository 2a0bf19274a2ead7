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
		// Inside a rule group the place is the group's, then the rule's.
		{"bad regexp in a group", map[string]string{"a.yaml": strings.Replace(good, "      - sys_descr: 'Acme (\\S+)'\n",
			"      - - sys_descr: 'Acme (\\S+)'\n        - sys_descr: 'Acme ('\n", 1)},
			[]string{"a.yaml line 8:", "profiles[0].model[0][1].sys_descr", "regexp"}},
		{"unknown key in a group", map[string]string{"a.yaml": strings.Replace(good, "      - sys_descr: 'Acme (\\S+)'\n",
			"      - - sys_descr: 'Acme (\\S+)'\n          regexp: x\n", 1)},
			[]string{"a.yaml line 8:", "profiles[0].model[0][0].regexp", "unknown key regexp"}},
		{"groups too deep", map[string]string{"a.yaml": strings.Replace(good, "      - sys_descr:", "      - [[[[[{sys_descr: x}]]]]]\n      - sys_descr:", 1)},
			[]string{"a.yaml line 7:", "nest more than 4 deep"}},
		// Aliases of aliases: 16 to the fourth power rules, refused.
		{"groups expand too far", map[string]string{"a.yaml": strings.Replace(good, "      - sys_descr:",
			"      - &g1 [{sys_descr: x}"+strings.Repeat(", {sys_descr: x}", 15)+"]\n"+
				"      - &g2 [*g1"+strings.Repeat(", *g1", 15)+"]\n"+
				"      - &g3 [*g2"+strings.Repeat(", *g2", 15)+"]\n"+
				"      - [*g3"+strings.Repeat(", *g3", 15)+"]\n      - sys_descr:", 1)},
			[]string{"a.yaml line 7:", "more than 4096 rules"}},
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

// TestRuleGroups: a list inside a rule list stands for its rules, in
// place; anchored in one profile, another profile of the same file reuses
// it among rules of its own, before and after (as cisco.yaml shares its
// ENTITY-MIB chassis rules between IOS, IOS-XE and the other Cisco OSes).
func TestRuleGroups(t *testing.T) {
	dir := writeProfiles(t, map[string]string{"acme.yaml": `profiles:
  - id: acme-router
    priority: 50
    match:
      sys_object_id: [1.3.6.1.4.1.99999.1]
    vendor: Acme
    model:
      - &acme_boards
        - sys_descr: 'chassis (\S+)'
        - sys_descr: 'board (\S+)'
      - value: Router
    device_type:
      - &acme_stack {sys_descr: 'stack', value: switch}
      - value: router
  - id: acme-switch
    priority: 50
    match:
      sys_object_id: [1.3.6.1.4.1.99999.2]
    vendor: Acme
    model:
      - sys_descr: 'stack (\S+)'
      - *acme_boards
    device_type:
      - *acme_stack
`})
	e, err := NewWithProfiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ oid, descr, model, devtype string }{
		{"1.3.6.1.4.1.99999.1.1", "Acme chassis R1 board B2", "R1", "router"}, // the group's first rule
		{"1.3.6.1.4.1.99999.1.1", "Acme board B2", "B2", "router"},            // its second
		{"1.3.6.1.4.1.99999.1.1", "Acme", "Router", "router"},                 // the rule after it
		{"1.3.6.1.4.1.99999.1.1", "Acme stack", "Router", "switch"},           // a single rule anchored
		{"1.3.6.1.4.1.99999.2.1", "Acme stack S3 chassis R1", "S3", "switch"}, // the reuser's own rule first
		{"1.3.6.1.4.1.99999.2.1", "Acme chassis R1 board B2", "R1", ""},       // then the group, in its order
		{"1.3.6.1.4.1.99999.2.1", "Acme board B2", "B2", ""},
		{"1.3.6.1.4.1.99999.2.1", "Acme", "", ""}, // not the router's fallback
	} {
		r := e.Identify(Input{SysObjectID: tc.oid, SysDescr: tc.descr})
		if r.Model != tc.model || r.DeviceType != tc.devtype {
			t.Errorf("%s %q: model %q, type %q; want %q, %q", tc.oid, tc.descr, r.Model, r.DeviceType, tc.model, tc.devtype)
		}
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
