package assemble

import (
	"fmt"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/internal/usm"
	"github.com/netcensus/netcensus/scanner/snmp"
)

// CredentialFlags are a command's SNMP credential flags.
type CredentialFlags struct {
	// Version is --snmp-version: 1, 2c, 3, or "" for what the other
	// flags imply.
	Version     string
	Communities []string
	V3User      string
	V3AuthProto string
	// V3AuthPass and V3PrivPass are the passphrases given, else read
	// from NETCENSUS_V3_AUTH_PASS and NETCENSUS_V3_PRIV_PASS.
	V3AuthPass  string
	V3PrivProto string
	V3PrivPass  string
	V3Context   string
	// V3Set: --v3-auth-proto, --v3-priv-proto or --v3-context was given.
	V3Set bool
}

// FlagCredentials builds the credential sets the flags give, checked as
// the config's are (usm's rules); with none of them, the config's sets
// (the default when it names none). Errors name the flag.
func FlagCredentials(f CredentialFlags, sc config.SNMP, getenv func(string) string) ([]snmp.Credential, error) {
	authPass := f.V3AuthPass
	if authPass == "" {
		authPass = getenv("NETCENSUS_V3_AUTH_PASS")
	}
	privPass := f.V3PrivPass
	if privPass == "" {
		privPass = getenv("NETCENSUS_V3_PRIV_PASS")
	}
	version := f.Version
	if version == "" {
		switch {
		case f.V3User != "":
			version = "3"
		case len(f.Communities) > 0:
			version = "2c"
		}
	}
	if version == "" {
		if f.V3Set {
			return nil, fmt.Errorf("--v3-* flags need --v3-user")
		}
		return Credentials(sc, getenv)
	}
	v, err := snmp.ParseVersion(version)
	if err != nil {
		return nil, fmt.Errorf("--snmp-version: %w", err)
	}
	if v != gosnmp.Version3 {
		if f.V3User != "" {
			return nil, fmt.Errorf("--v3-user given with --snmp-version %s", version)
		}
		comms := f.Communities
		if len(comms) == 0 {
			comms = []string{"public"}
		}
		creds, err := Communities(comms, v)
		if err != nil {
			return nil, fmt.Errorf("--community: %w", err)
		}
		return creds, nil
	}
	if len(f.Communities) > 0 {
		return nil, fmt.Errorf("--community given with SNMP version 3")
	}
	if f.V3User == "" {
		return nil, fmt.Errorf("SNMP version 3 needs --v3-user")
	}
	err = usm.Validate(usm.Settings{User: f.V3User, AuthProtocol: f.V3AuthProto, PrivProtocol: f.V3PrivProto, AuthPass: authPass != "", PrivPass: privPass != ""},
		usm.Names{User: "--v3-user", AuthProtocol: "--v3-auth-proto", AuthPass: "--v3-auth-pass", PrivProtocol: "--v3-priv-proto", PrivPass: "--v3-priv-pass"})
	if err != nil {
		return nil, err
	}
	for _, p := range [][2]string{{"--v3-auth-pass", authPass}, {"--v3-priv-pass", privPass}} {
		if err := usm.ValidPassphrase(p[1]); p[1] != "" && err != nil {
			return nil, fmt.Errorf("%s: %w", p[0], err)
		}
	}
	creds, err := snmp.Credentials([]snmp.CredentialSpec{{Name: "v3-" + f.V3User, Version: "3", User: f.V3User, Context: f.V3Context,
		AuthProtocol: f.V3AuthProto, AuthPass: config.Secret(authPass), PrivProtocol: f.V3PrivProto, PrivPass: config.Secret(privPass)}})
	if err != nil {
		return nil, err
	}
	return creds, nil
}
