package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDecodeStrict(t *testing.T) {
	_, err := Decode(strings.NewReader("sweep:\n  rate: 10\n  ratee: 5\n"))
	if err == nil || !strings.Contains(err.Error(), "ratee") {
		t.Fatalf("unknown key not refused by name: %v", err)
	}
	_, err = Decode(strings.NewReader("swep: {}\n"))
	if err == nil || !strings.Contains(err.Error(), "swep") {
		t.Fatalf("unknown top-level key not refused: %v", err)
	}
}

func TestDecodeDefaultsAndOverrides(t *testing.T) {
	c, err := Decode(strings.NewReader("sweep:\n  arp_wait: 1d\n  rate: 5000\n  exclude: [198.51.100.1]\n"))
	if err == nil {
		t.Fatal("arp_wait of a day accepted")
	}
	c, err = Decode(strings.NewReader("sweep:\n  arp_wait: 2s\n  rate: 5000\n  exclude: [198.51.100.1]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Sweep.Rate != 5000 || c.Sweep.ARPWait.D() != 2*time.Second || c.Sweep.ARPRetries != 1 || c.Sweep.MaxHosts != 65536 {
		t.Fatalf("got %+v", c.Sweep)
	}
	if len(c.Sweep.Exclude) != 1 {
		t.Fatalf("exclude = %v", c.Sweep.Exclude)
	}
	c, err = Decode(strings.NewReader(""))
	if err != nil || c.Sweep.Rate != Default().Sweep.Rate {
		t.Fatalf("empty file: %v %+v", err, c)
	}
}

func TestValidateNamesValue(t *testing.T) {
	for _, y := range []string{"sweep: {rate: 0}", "sweep: {arp_retries: 99}", "sweep: {format: xml}", "sweep: {max_hosts: 0}"} {
		_, err := Decode(strings.NewReader(y))
		if err == nil {
			t.Errorf("%s accepted", y)
		}
	}
	_, err := Decode(strings.NewReader("sweep: {format: xml}"))
	if !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("error %v does not name the value", err)
	}
}

func TestLoadSearchOrder(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"XDG_CONFIG_HOME": dir}
	getenv := func(k string) string { return env[k] }

	c, path, err := Load("", getenv)
	if err != nil || path != "" || c.Sweep.Rate != Default().Sweep.Rate {
		// /etc/netcensus/config.yaml may exist on a developer machine.
		if _, statErr := os.Stat("/etc/netcensus/config.yaml"); statErr != nil {
			t.Fatalf("no file: %v %q %+v", err, path, c)
		}
	}
	p := filepath.Join(dir, "netcensus", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("sweep: {rate: 77}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, path, err = Load("", getenv)
	if err != nil || path != p || c.Sweep.Rate != 77 {
		t.Fatalf("xdg file: %v %q %d", err, path, c.Sweep.Rate)
	}
	explicit := filepath.Join(dir, "other.yaml")
	os.WriteFile(explicit, []byte("sweep: {rate: 88}\n"), 0o644)
	c, path, err = Load(explicit, getenv)
	if err != nil || path != explicit || c.Sweep.Rate != 88 {
		t.Fatalf("explicit file: %v %q %d", err, path, c.Sweep.Rate)
	}
	var ce *Error
	if _, _, err := Load(filepath.Join(dir, "missing.yaml"), getenv); !errors.As(err, &ce) {
		t.Fatalf("missing explicit config: %v, want an *Error", err)
	}
	os.WriteFile(explicit, []byte("sweep: {ratee: 88}\n"), 0o644)
	if _, _, err := Load(explicit, getenv); !errors.As(err, &ce) || !strings.Contains(err.Error(), "sweep.ratee") {
		t.Fatalf("a bad file: %v, want an *Error naming the key", err)
	}
}

func TestExampleConfigIsValid(t *testing.T) {
	f, err := os.Open("../../configs/netcensus.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := Decode(f); err != nil {
		t.Fatalf("example config: %v", err)
	}
}

func TestInventoryConfig(t *testing.T) {
	for _, tc := range []struct {
		in      string
		sweeps  int
		dur     time.Duration
		wantErr string
	}{
		{"", 3, 0, ""},
		{"inventory:\n  missing_after: 5\n", 5, 0, ""},
		{"inventory:\n  missing_after: 6h\n", 0, 6 * time.Hour, ""},
		{"inventory:\n  missing_after: soon\n", 0, 0, "missing_after"},
		{"inventory:\n  store: postgres://x\n", 0, 0, "inventory.store"},
		{"inventory:\n  identity:\n    order: [mac, serial]\n    ignore:\n      names: [hal]\n", 3, 0, ""},
		{"inventory:\n  identity:\n    order: [ip]\n", 0, 0, "identity"},
		{"inventory:\n  identity:\n    ignore:\n      serial_patterns: ['(']\n", 0, 0, "identity"},
		{"inventory:\n  retention_days: 3\n", 0, 0, "retention_days"},
		{"inventory:\n  spool_max_bytes: 1GiB\n", 3, 0, ""},
		{"inventory:\n  spool_max_bytes: 1000\n", 0, 0, "inventory.spool_max_bytes 1000B: must be between 64KiB and 1TiB"},
		{"inventory:\n  spool_max_bytes: lots\n", 0, 0, "size \"lots\""},
	} {
		c, err := Decode(strings.NewReader(tc.in))
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: err %v, want %q", tc.in, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if c.Inventory.MissingAfter.Sweeps != tc.sweeps || c.Inventory.MissingAfter.Time.D() != tc.dur {
			t.Errorf("%q: missing_after %+v", tc.in, c.Inventory.MissingAfter)
		}
	}
}

func TestParseByteSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want ByteSize
		str  string
	}{
		{"268435456", 256 << 20, "256MiB"}, {"256MiB", 256 << 20, "256MiB"}, {"1 GiB", 1 << 30, "1GiB"},
		{"500MB", 500e6, "500000000B"}, {"64KiB", 64 << 10, "64KiB"}, {"10B", 10, "10B"},
	} {
		got, err := ParseByteSize(tc.in)
		if err != nil || got != tc.want || got.String() != tc.str {
			t.Errorf("%q: %d %q %v, want %d %q", tc.in, got, got, err, tc.want, tc.str)
		}
	}
	for _, bad := range []string{"", "-1", "1.5GiB", "lots", "99999999999TiB"} {
		if _, err := ParseByteSize(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestFileLimits (issue 16): a config file and a secret file are read
// within a bound, and the error says which and how large.
func TestFileLimits(t *testing.T) {
	big := strings.Repeat("# a comment line, repeated past the limit\n", MaxFileBytes/40)
	if _, err := Decode(strings.NewReader(big)); err == nil || !strings.Contains(err.Error(), "config file is larger than 1 MiB, the limit") {
		t.Errorf("config of %d bytes: %v", len(big), err)
	}
	if _, err := Decode(strings.NewReader(big[:MaxFileBytes-100])); err != nil {
		t.Errorf("config under the limit: %v", err)
	}
	p := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(p, []byte(strings.Repeat("s", MaxSecretFileBytes+1)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ResolveSecret("", p, "", nil); err == nil || !strings.Contains(err.Error(), "secret file "+p+" is larger than 64 KiB, the limit") {
		t.Errorf("secret file: %v", err)
	}
}

func TestLocateConfig(t *testing.T) {
	for _, tc := range []struct{ in, wantErr string }{
		{"", ""},
		{"locate:\n  vlan_contexts: always\n  max_vlans: 10\n", ""},
		{"locate:\n  vlan_contexts: sometimes\n", "locate.vlan_contexts"},
		{"locate:\n  max_vlans: 5000\n", "locate.max_vlans"},
		{"locate:\n  rules: x\n", "rules"},
	} {
		c, err := Decode(strings.NewReader(tc.in))
		if tc.wantErr == "" {
			if err != nil || !c.Locate.Enabled {
				t.Errorf("%q: %v %+v", tc.in, err, c.Locate)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("%q: err %v, want one naming %s", tc.in, err, tc.wantErr)
		}
	}
}

func TestSecretsWarning(t *testing.T) {
	dir := t.TempDir()
	secret := "snmp:\n  credentials: [{name: lab, version: 2c, community: c0mmunity}]\ninventory:\n  clickhouse_password: pw\n"
	for _, tc := range []struct {
		name, yaml string
		mode       os.FileMode
		want       string // "" for none
	}{
		{"inline secrets, readable", secret, 0o644, "holds secrets (snmp.credentials[0].community, inventory.clickhouse_password) and is readable by its group or others (mode 0644): run chmod 600 "},
		{"inline secrets, group only", secret, 0o640, "(mode 0640)"},
		{"inline secrets, private", secret, 0o600, ""},
		{"no inline secrets", "snmp:\n  credentials: [{name: lab, version: 2c, community_env: LAB_COMMUNITY}]\n", 0o644, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_")+".yaml")
			if err := os.WriteFile(path, []byte(tc.yaml), tc.mode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tc.mode); err != nil { // past the umask
				t.Fatal(err)
			}
			c, err := Decode(strings.NewReader(tc.yaml))
			if err != nil {
				t.Fatal(err)
			}
			w := c.SecretsWarning(path)
			if (tc.want == "") != (w == "") || !strings.Contains(w, tc.want) || strings.Contains(w, "c0mmunity") {
				t.Errorf("warning %q, want %q", w, tc.want)
			}
		})
	}
}
