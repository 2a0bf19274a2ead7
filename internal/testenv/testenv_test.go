package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records Skipf and Fatal(f) instead of
// acting; Corpus calls nothing else.
type recorder struct {
	testing.TB
	skipped, failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Skipf(string, ...any)  { r.skipped = true }
func (r *recorder) Fatal(...any)          { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }

func TestCorpus(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pcap"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, env, rel  string
		skipped, failed bool
		want            string
	}{
		{name: "unset skips", env: "", rel: "pcap", skipped: true},
		{name: "set reads", env: dir, rel: "pcap", want: filepath.Join(dir, "pcap")},
		{name: "missing dir fails", env: filepath.Join(dir, "nope"), rel: "pcap", failed: true},
		{name: "missing part fails", env: dir, rel: "recog", failed: true},
		{name: "relative to the module root", env: "internal/testenv", rel: "testenv.go", want: mustAbs(t, "testenv.go")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(Env, tt.env)
			r := &recorder{}
			got := Corpus(r, tt.rel)
			// The recorder's Fatal does not stop Corpus as the real one
			// does: a failure is all that counts then.
			if r.failed != tt.failed || (!tt.failed && r.skipped != tt.skipped) {
				t.Errorf("skipped=%v failed=%v, want %v %v", r.skipped, r.failed, tt.skipped, tt.failed)
			}
			if tt.want != "" && got != tt.want {
				t.Errorf("path %q, want %q", got, tt.want)
			}
		})
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
