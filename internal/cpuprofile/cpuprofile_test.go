package cpuprofile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPath(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"sweep", "198.51.100.0/24"}, ""},
		{[]string{"--cpu-profile", "a.prof", "sweep"}, "a.prof"},
		{[]string{"sweep", "--cpu-profile=b.prof"}, "b.prof"},
		{[]string{"--cpu-profile=a.prof", "--cpu-profile", "c.prof"}, "c.prof"},
		{[]string{"sweep", "--cpu-profile"}, ""}, // no FILE: cobra refuses the flag
	} {
		if got := Path(tc.args); got != tc.want {
			t.Errorf("Path(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

// A profile started is written to its file when stopped; a file that
// cannot be created is an error and starts nothing.
func TestStart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.prof")
	stop, err := Start(path)
	if err != nil {
		t.Fatal(err)
	}
	stop()
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		t.Errorf("profile file: %v, %v; want a written profile", st, err)
	}
	if _, err := Start(filepath.Join(t.TempDir(), "missing", "cpu.prof")); err == nil {
		t.Error("a profile in a missing directory started")
	}
	// The failed start left no profile running: another may start.
	stop, err = Start(filepath.Join(t.TempDir(), "again.prof"))
	if err != nil {
		t.Fatal(err)
	}
	stop()
}

// TestStartArgs: a profile of --cpu-profile FILE is written; none asked is
// no file; one that cannot start is said and the command goes on.
func TestStartArgs(t *testing.T) {
	var warn bytes.Buffer
	path := filepath.Join(t.TempDir(), "cpu.prof")
	StartArgs([]string{"sweep", Flag, path}, &warn)()
	if st, err := os.Stat(path); err != nil || st.Size() == 0 || warn.Len() != 0 {
		t.Errorf("profile file: %v, %v; said %q; want a written profile, nothing said", st, err, warn.String())
	}
	StartArgs([]string{"sweep"}, &warn)()
	if warn.Len() != 0 {
		t.Errorf("no profile asked: said %q", warn.String())
	}
	StartArgs([]string{Flag + "=" + filepath.Join(t.TempDir(), "missing", "cpu.prof")}, &warn)()
	if !strings.HasPrefix(warn.String(), "netcensus: cpu profile: ") {
		t.Errorf("a profile that cannot start: said %q", warn.String())
	}
}
