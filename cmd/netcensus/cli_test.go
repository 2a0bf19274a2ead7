package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// brokenConfig writes a config with an unknown key where the test app
// looks for its default config file.
func brokenConfig(t *testing.T, a *app) {
	t.Helper()
	dir := filepath.Join(a.getenv("XDG_CONFIG_HOME"), "netcensus")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("sweep:\n  rate: 10\n  ratee: 5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestVersionPrintsBuildInfo(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		a, out, errb := testApp(t, nil, nil)
		if code := run(context.Background(), a, args); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errb)
		}
		for _, want := range []string{"netcensus ", "\ncommit: ", "\nbuilt:  ", "\ngo:     " + runtime.Version()} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%v: output lacks %q:\n%s", args, want, out)
			}
		}
	}
}

// version, completion and help need no config: a broken default config
// file does not stop them, while a command that reads it names the key.
func TestCommandsThatNeedNoConfig(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"completion", "bash"}, {"help", "sweep"}, {"sweep", "--help"}, {"--help"}} {
		a, out, errb := testApp(t, nil, nil)
		brokenConfig(t, a)
		if code := run(context.Background(), a, args); code != exitOK {
			t.Errorf("%v with a broken config: exit %d: %s", args, code, errb)
		}
		if out.Len() == 0 {
			t.Errorf("%v: no output", args)
		}
	}
	a, _, errb := testApp(t, nil, nil)
	brokenConfig(t, a)
	if code := run(context.Background(), a, []string{"assets"}); code != exitUsage {
		t.Errorf("assets with a broken config: exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(errb.String(), "sweep.ratee: unknown key (line 3)") {
		t.Errorf("stderr %q does not name the key and line", errb)
	}
}
