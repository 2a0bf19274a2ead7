package assemble

import (
	"strings"
	"testing"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/config"
)

func TestFlagCredentials(t *testing.T) {
	env := map[string]string{"NETCENSUS_V3_PRIV_PASS": "priv-from-env"}
	getenv := func(k string) string { return env[k] }
	sc := config.DefaultSNMP()
	for _, c := range []struct {
		name string
		f    CredentialFlags
		// want: the sets' names and versions; err: a refusal that says this.
		want []string
		err  string
	}{
		{name: "none: the config's default", f: CredentialFlags{}, want: []string{"default"}},
		{name: "communities", f: CredentialFlags{Communities: []string{"a", "b"}}, want: []string{"community-1 2c", "community-2 2c"}},
		{name: "v1 without communities is public", f: CredentialFlags{Version: "1"}, want: []string{"community-1 1"}},
		{name: "v3", f: CredentialFlags{V3User: "ops", V3AuthProto: "sha256", V3AuthPass: "authpass123", V3PrivProto: "aes"}, want: []string{"v3-ops 3"}},
		{name: "v3 flags without a user", f: CredentialFlags{V3Set: true}, err: "--v3-* flags need --v3-user"},
		{name: "bad version", f: CredentialFlags{Version: "4"}, err: "--snmp-version"},
		{name: "user with v2c", f: CredentialFlags{Version: "2c", V3User: "ops"}, err: "--v3-user given with --snmp-version 2c"},
		{name: "community with v3", f: CredentialFlags{Version: "3", Communities: []string{"a"}}, err: "--community given with SNMP version 3"},
		{name: "v3 without a user", f: CredentialFlags{Version: "3"}, err: "SNMP version 3 needs --v3-user"},
		{name: "a privacy passphrase from the environment needs its protocol", f: CredentialFlags{V3User: "ops"}, err: "--v3-priv-proto and --v3-priv-pass go together"},
		{name: "empty community", f: CredentialFlags{Communities: []string{""}}, err: "--community: empty"},
		{name: "short passphrase", f: CredentialFlags{V3User: "ops", V3AuthProto: "sha", V3AuthPass: "short", V3PrivProto: "aes"}, err: "--v3-auth-pass"},
		{name: "auth protocol without passphrase", f: CredentialFlags{V3User: "ops", V3AuthProto: "sha", V3PrivProto: "aes"}, err: "--v3-auth-pass"},
	} {
		t.Run(c.name, func(t *testing.T) {
			creds, err := FlagCredentials(c.f, sc, getenv)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, cr := range creds {
				s := cr.Name
				if c.name != "none: the config's default" {
					s += " " + map[gosnmp.SnmpVersion]string{gosnmp.Version1: "1", gosnmp.Version2c: "2c", gosnmp.Version3: "3"}[cr.Version]
				}
				got = append(got, s)
			}
			if c.name == "none: the config's default" {
				if len(got) == 0 {
					t.Fatal("no default set")
				}
				return
			}
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("sets %v, want %v", got, c.want)
			}
		})
	}
}
