package assemble

import (
	"bytes"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/netcensus/netcensus/internal/config"
)

// CommandConfig reads the file and lays the flags given over it; a
// command that reads no config gets the defaults, a bad flag unsaid; a
// bad file is a *config.Error; a file others may read that holds secrets
// is warned of.
func TestCommandConfig(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(file, []byte("sweep: {rate: 70}\nsnmp:\n  credentials: [{name: lab, version: 2c, community: c0mmunity}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(file, 0o644); err != nil { // past the umask
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("sweep: {ratee: 70}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	load := func(path string, readNone bool, args ...string) (config.Config, string, string, error) {
		t.Helper()
		var c config.Config
		var storeFlag string
		fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
		fs.StringVar(&storeFlag, "store", "", "")
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		var said, logged bytes.Buffer
		log := slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelInfo}))
		err := CommandConfig(&c, path, envOf(nil), readNone, &said, log, config.Flag(fs, "store", &c.Inventory.Store, &storeFlag))
		return c, said.String(), logged.String(), err
	}

	c, said, logged, err := load(file, false, "--store", "sqlite:/x/a.db")
	if err != nil || c.Sweep.Rate != 70 || c.Inventory.Store != "sqlite:/x/a.db" {
		t.Fatalf("the file with --store: rate %d, store %q, %v", c.Sweep.Rate, c.Inventory.Store, err)
	}
	if !strings.Contains(said, "warning: config "+file+" holds secrets (snmp.credentials[0].community)") || strings.Contains(said, "c0mmunity") {
		t.Errorf("said %q: want the secrets warning, no secret", said)
	}
	if !strings.Contains(logged, "config loaded") || !strings.Contains(logged, file) {
		t.Errorf("logged %q", logged)
	}
	if c, said, _, err := load(bad, true, "--store", "postgres://192.0.2.9/x"); err != nil || said != "" || c.Sweep.Rate != config.Default().Sweep.Rate || c.Inventory.Store != "postgres://192.0.2.9/x" {
		t.Errorf("reading none: rate %d, store %q, said %q, %v; want the defaults and the flag", c.Sweep.Rate, c.Inventory.Store, said, err)
	}
	var ce *config.Error
	if _, _, _, err := load(bad, false); !errors.As(err, &ce) || !strings.Contains(err.Error(), "sweep.ratee") {
		t.Errorf("a bad file: %v, want a *config.Error naming sweep.ratee", err)
	}
}

// WriteCheckedConfig says which file was valid, or that the defaults
// were, and writes the settings as YAML, secrets redacted.
func TestWriteCheckedConfig(t *testing.T) {
	cfg, err := config.Decode(strings.NewReader("snmp:\n  credentials: [{name: lab, version: 2c, community: c0mmunity}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for used, want := range map[string]string{"/etc/netcensus/config.yaml": "config /etc/netcensus/config.yaml: valid\n", "": "config: no file found: the built-in defaults\n"} {
		var out, said bytes.Buffer
		if err := WriteCheckedConfig(&out, &said, cfg, used); err != nil {
			t.Fatal(err)
		}
		if said.String() != want || !strings.Contains(out.String(), "REDACTED") || strings.Contains(out.String(), "c0mmunity") || !strings.Contains(out.String(), "sweep:") {
			t.Errorf("used %q: said %q, wrote:\n%s", used, said.String(), out.String())
		}
	}
}
