package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

const snmpYAML = `
snmp:
  workers: 16
  credentials:
    - name: core
      version: 2c
      community: s3cret-core
      subnets: [198.51.100.0/24]
    - name: legacy
      version: 1
      community_env: LEGACY_COMMUNITY
    - name: v3-admin
      version: 3
      v3:
        user: admin
        auth_protocol: sha256
        auth_password: s3cret-auth
        priv_protocol: aes256c
        priv_password_file: /nonexistent/priv
        context: ""
      subnets: [203.0.113.0/24, 2001:db8::/32]
`

func TestSNMPDecode(t *testing.T) {
	c, err := Decode(strings.NewReader(snmpYAML))
	if err != nil {
		t.Fatal(err)
	}
	s := c.SNMP
	if s.Workers != 16 || s.Port != 161 || s.Timeout.D().Seconds() != 2 || len(s.Credentials) != 3 {
		t.Fatalf("got %+v", s)
	}
	if s.Credentials[1].Version != "1" || s.Credentials[2].V3.PrivProtocol != "aes256c" {
		t.Fatalf("credentials %+v", s.Credentials)
	}
	if s.Credentials[0].Community.Reveal() != "s3cret-core" {
		t.Fatal("community not read")
	}
}

func TestSNMPValidate(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"snmp:\n  workers: 0\n", "snmp.workers"},
		{"snmp:\n  credentials:\n    - {version: 4, community: x}\n", "version \"4\""},
		{"snmp:\n  credentials:\n    - {version: 2c}\n", "exactly one of community"},
		{"snmp:\n  credentials:\n    - {version: 2c, community: x, community_env: Y}\n", "exactly one of community"},
		{"snmp:\n  credentials:\n    - {version: 2c, community: x, subnets: [198.51.100.0]}\n", "subnet"},
		{"snmp:\n  credentials:\n    - {version: 3}\n", "needs v3"},
		{"snmp:\n  credentials:\n    - {version: 3, v3: {user: u, auth_protocol: sha1, auth_password: xxxxxxxx}}\n", "auth_protocol \"sha1\""},
		{"snmp:\n  credentials:\n    - {version: 3, v3: {user: u, priv_protocol: aes, priv_password: xxxxxxxx}}\n", "privacy needs"},
		{"snmp:\n  credentials:\n    - {version: 3, v3: {user: u, auth_protocol: sha}}\n", "go together"},
		{"snmp:\n  credentials:\n    - {version: 2c, community: x, v3: {user: u}}\n", "v3 given"},
		{"snmp:\n  credentials:\n    - {version: 2c, community: x, comunity: y}\n", "comunity"},
		{"snmp:\n  credentials:\n    - {name: a, version: 2c, community: x}\n    - {name: a, version: 2c, community: y}\n", "twice"},
		// Issue 16: the config is held to the flags' rules.
		{"snmp:\n  credentials:\n    - {version: 3, v3: {user: u, auth_protocol: sha, auth_password: abc}}\n", "v3.auth_password: 3 characters: SNMPv3 passphrases must be at least 8"},
		{"snmp:\n  credentials:\n    - {version: 3, v3: {user: u, auth_protocol: sha, auth_password: abcdefgh, priv_protocol: aes, priv_password: xxxxxxx}}\n", "v3.priv_password: 7 characters"},
		{"snmp:\n  max_rows: 1000000\n", "snmp.max_rows 1000000: must be between 1 and 100000"},
		{"snmp:\n  max_rows: 0\n", "snmp.max_rows 0"},
	} {
		_, err := Decode(strings.NewReader(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err %v, want mention of %q", tc.yaml, err, tc.want)
		}
		if err != nil && (strings.Contains(err.Error(), "xxxxxxxx")) {
			t.Errorf("%q: error %q shows a secret", tc.yaml, err)
		}
	}
}

// TestSecretNeverPrints: every way a Secret can leave the process shows
// REDACTED.
func TestSecretNeverPrints(t *testing.T) {
	c, err := Decode(strings.NewReader(snmpYAML))
	if err != nil {
		t.Fatal(err)
	}
	var outs []string
	for _, f := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		outs = append(outs, fmt.Sprintf(f, c.SNMP), fmt.Sprintf(f, c.SNMP.Credentials[0].Community))
	}
	j, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	y, err := yaml.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("x", "cred", c.SNMP.Credentials[0], "secret", c.SNMP.Credentials[2].V3.AuthPassword)
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("x", "cred", c.SNMP.Credentials[0], "secret", c.SNMP.Credentials[0].Community)
	outs = append(outs, string(j), string(y), logs.String())
	for _, o := range outs {
		for _, s := range []string{"s3cret", "733363726574"} {
			if strings.Contains(o, s) {
				t.Fatalf("secret in output: %s", o)
			}
		}
	}
	if !strings.Contains(string(y), "REDACTED") || !strings.Contains(string(j), "REDACTED") {
		t.Fatalf("no REDACTED marker: %s %s", j, y)
	}
}

func TestResolveSecret(t *testing.T) {
	dir := t.TempDir()
	p := dir + "/c"
	if err := writeFile(p, "from-file\n"); err != nil {
		t.Fatal(err)
	}
	env := func(k string) string {
		if k == "C" {
			return "from-env"
		}
		return ""
	}
	for _, tc := range []struct {
		inline     Secret
		file, env  string
		want       string
		wantErrSub string
	}{
		{inline: "x", want: "x"},
		{file: p, want: "from-file"},
		{env: "C", want: "from-env"},
		{env: "MISSING", wantErrSub: "MISSING"},
		{file: dir + "/none", wantErrSub: "none"},
	} {
		got, err := ResolveSecret(tc.inline, tc.file, tc.env, env)
		if tc.wantErrSub != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErrSub) {
				t.Errorf("%+v: err %v", tc, err)
			}
			continue
		}
		if err != nil || got.Reveal() != tc.want {
			t.Errorf("%+v: got %q, %v", tc, got.Reveal(), err)
		}
	}
}

func writeFile(p, s string) error { return os.WriteFile(p, []byte(s), 0o600) }

// TestResolvePassphrase: a v3 passphrase read from a file or the
// environment meets the rule an inline one or a flag does (issue 16).
func TestResolvePassphrase(t *testing.T) {
	dir := t.TempDir()
	short, long := dir+"/short", dir+"/long"
	if err := writeFile(short, "abc\n"); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(long, "abcdefgh\n"); err != nil {
		t.Fatal(err)
	}
	env := func(k string) string { return map[string]string{"SHORT": "abc", "LONG": "abcdefgh"}[k] }
	for _, tc := range []struct {
		inline    Secret
		file, env string
		err       string
	}{
		{inline: "abc", err: "3 characters: SNMPv3 passphrases must be at least 8"},
		{file: short, err: "secret file " + short + ": 3 characters"},
		{env: "SHORT", err: "secret environment variable SHORT: 3 characters"},
		{inline: "abcdefgh"},
		{file: long},
		{env: "LONG"},
		{}, // none given: no passphrase, no error
	} {
		got, err := ResolvePassphrase(tc.inline, tc.file, tc.env, env)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%+v: %v", tc, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%+v: err %v, want %q", tc, err, tc.err)
		case err != nil && strings.Contains(err.Error(), "abc\""):
			t.Errorf("error shows the passphrase: %v", err)
		case tc.err == "" && got.Reveal() != "" && got.Reveal() != "abcdefgh":
			t.Errorf("%+v: got a wrong passphrase", tc)
		}
	}
}

func TestResolveCredentials(t *testing.T) {
	s := SNMP{Credentials: []SNMPCredential{
		{Name: "env", Version: "2c", CommunityEnv: "COMM", Subnets: []string{"198.51.100.0/24"}},
		{Version: "3", V3: &SNMPv3{User: "u", AuthProtocol: "sha512", AuthPasswordEnv: "AP", PrivProtocol: "aes192c", PrivPassword: "inline-priv", Context: "c"}},
	}}
	env := map[string]string{"COMM": "from-env", "AP": "auth-from-env"}
	got, err := s.ResolveCredentials(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	want := []CredentialSpec{
		{Name: "env", Version: "2c", Community: "from-env", Subnets: []string{"198.51.100.0/24"}},
		{Name: "credentials[1]", Version: "3", User: "u", Context: "c", AuthProtocol: "sha512", AuthPass: "auth-from-env", PrivProtocol: "aes192c", PrivPass: "inline-priv"},
	}
	if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) || got[0].Community.Reveal() != "from-env" || got[1].AuthPass.Reveal() != "auth-from-env" || got[1].PrivPass.Reveal() != "inline-priv" {
		t.Errorf("got %#v", got)
	}
	env["AP"] = "short"
	if _, err := s.ResolveCredentials(func(k string) string { return env[k] }); err == nil || !strings.Contains(err.Error(), "AP: 5 characters") {
		t.Errorf("short passphrase from the environment: %v", err)
	}
}
