package layering

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/netcensus/netcensus/"

// rules: the packages a pattern matches must not depend, directly or
// not, on any package under a forbidden prefix.
var rules = []struct {
	pattern   string
	forbidden []string
	why       string
}{
	{"./scanner/...", []string{"inventory", "exporters", "serve", "internal/config", "cmd"},
		"scanner and inventory do not import each other, and the scanners take their own settings: a scanner build pulls in no CMDB and no config"},
	{"./internal/config", []string{"inventory", "scanner", "fingerprints", "exporters", "serve", "record", "cmd"},
		"config is a leaf: domain packages take their own settings types"},
	{"./fingerprints/...", []string{"scanner", "inventory", "exporters", "serve", "internal/config", "cmd"},
		"fingerprints is a pure library"},
	{"./inventory/...", []string{"scanner", "exporters", "serve", "cmd"},
		"inventory does not import the scanners or its readers"},
	{"./exporters/...", []string{"scanner", "serve", "cmd"},
		"exporters read inventory's query API only"},
	{"./fingerprints", []string{"internal/snmprec"},
		"fingerprints.Input exposes the public snmpwalk types, not an internal package's"},
	{"./snmpwalk", []string{"record", "scanner", "inventory", "fingerprints", "exporters", "serve", "internal", "cmd"},
		"snmpwalk is a leaf every SNMP user may import"},
	{"./record", []string{"scanner", "inventory", "fingerprints", "exporters", "serve", "internal/config", "cmd"},
		"record is the leaf everything may import"},
}

// deps lists, per package the pattern matches, its dependencies in the
// module (tests left out).
func deps(t *testing.T, pattern string) map[string][]string {
	t.Helper()
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, pattern)
	cmd.Dir = "../.." // the module root
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list %s: %v\n%s", pattern, err, ee.Stderr)
		}
		t.Fatalf("go list %s: %v", pattern, err)
	}
	m := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		for _, d := range fs[1:] {
			if strings.HasPrefix(d, module) {
				m[fs[0]] = append(m[fs[0]], strings.TrimPrefix(d, module))
			}
		}
		if _, ok := m[fs[0]]; !ok {
			m[fs[0]] = nil
		}
	}
	return m
}

// touchSources stats every Go file of the module, so that go test's
// cache, which sees the files a test opens but not what go list reads,
// runs this test again when any of them changes.
func touchSources(t *testing.T) {
	t.Helper()
	cmd := exec.Command("go", "list", "-f", `{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}
{{end}}`, "./...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list ./...: %v", err)
	}
	for _, f := range strings.Fields(string(out)) {
		if _, err := os.Stat(filepath.Clean(f)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDependenciesPointOneWay(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatalf("the go command is needed to list dependencies: %v", err)
	}
	touchSources(t)
	for _, r := range rules {
		pkgs := deps(t, r.pattern)
		if len(pkgs) == 0 {
			t.Errorf("%s matches no package", r.pattern)
		}
		for pkg, ds := range pkgs {
			for _, d := range ds {
				for _, f := range r.forbidden {
					if d == f || strings.HasPrefix(d, f+"/") {
						t.Errorf("%s depends on %s: %s", strings.TrimPrefix(pkg, module), d, r.why)
					}
				}
			}
		}
	}
}
