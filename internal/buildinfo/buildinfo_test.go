package buildinfo

import (
	"runtime"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	b := Read("1.2.3")
	if b.Release != "1.2.3" || b.GoVersion == "" || b.Commit == "" || b.Date == "" {
		t.Errorf("stamped release: %+v", b)
	}
	// A test binary has no module version: "dev".
	if b := Read(""); b.Release != "dev" || !strings.HasPrefix(b.GoVersion, "go") {
		t.Errorf("unstamped: %+v (runtime %s)", b, runtime.Version())
	}
	s := Info{Release: "1.2.3", Commit: "abc", Date: "2026-01-02T03:04:05Z", GoVersion: "go1.26", Modified: true}.String()
	if s != "netcensus 1.2.3\ncommit: abc (modified)\nbuilt:  2026-01-02T03:04:05Z\ngo:     go1.26\n" {
		t.Errorf("String = %q", s)
	}
}
