package config

import (
	"errors"
	"fmt"
	"net/netip"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/netcensus/netcensus/internal/readlimit"
)

// Secret is a credential (community, passphrase). It prints, logs and
// marshals as "REDACTED"; Reveal returns the value for the one place that
// sends it.
type Secret string

const redacted = "REDACTED"

// Reveal returns the secret itself.
func (s Secret) Reveal() string { return string(s) }

// String implements fmt.Stringer: never the value.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString implements fmt.GoStringer (%#v).
func (s Secret) GoString() string { return `"` + s.String() + `"` }

// Format implements fmt.Formatter so every verb (%s, %v, %q, %x, %d...)
// prints the redacted form.
func (s Secret) Format(f fmt.State, verb rune) {
	switch verb {
	case 'q':
		fmt.Fprintf(f, "%q", s.String())
	default:
		fmt.Fprint(f, s.String())
	}
}

// MarshalYAML implements yaml.Marshaler.
func (s Secret) MarshalYAML() (any, error) { return s.String(), nil }

// MarshalJSON implements json.Marshaler.
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(`"` + s.String() + `"`), nil }

// MarshalText implements encoding.TextMarshaler (slog's JSON and text
// handlers use it).
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalYAML implements yaml.Unmarshaler.
func (s *Secret) UnmarshalYAML(n *yaml.Node) error {
	var v string
	if err := n.Decode(&v); err != nil {
		return fmt.Errorf("line %d: secret: want a string", n.Line)
	}
	*s = Secret(v)
	return nil
}

// SNMP versions and protocols a credential set may name.
var (
	SNMPVersions      = []string{"1", "2c", "3"}
	SNMPAuthProtocols = []string{"md5", "sha", "sha224", "sha256", "sha384", "sha512"}
	SNMPPrivProtocols = []string{"des", "aes", "aes192", "aes256", "aes192c", "aes256c"}
)

// SNMP holds the settings of SNMP discovery and collection.
type SNMP struct {
	// Credentials are tried in order per target; only those whose Subnets
	// hold the target are ever sent to it. None: public (v2c) is tried.
	Credentials []SNMPCredential `yaml:"credentials"`
	// Port is the agents' UDP port.
	Port int `yaml:"port"`
	// Timeout is the wait for one reply.
	Timeout Duration `yaml:"timeout"`
	// Retries is how many times a request is sent again.
	Retries int `yaml:"retries"`
	// Workers is how many devices are walked at once.
	Workers int `yaml:"workers"`
	// TargetTimeout bounds the whole collection of one device.
	TargetTimeout Duration `yaml:"target_timeout"`
	// MaxRepetitions is the starting GETBULK max-repetitions; it shrinks
	// on tooBig and timeouts.
	MaxRepetitions int `yaml:"max_repetitions"`
	// MaxRows caps the rows read of one table column.
	MaxRows int `yaml:"max_rows"`
}

// SNMPCredential is one credential set.
type SNMPCredential struct {
	Name    string `yaml:"name"`
	Version string `yaml:"version"`
	// Community (v1, v2c): inline, from a file, or from an environment
	// variable; one of the three.
	Community     Secret  `yaml:"community"`
	CommunityFile string  `yaml:"community_file"`
	CommunityEnv  string  `yaml:"community_env"`
	V3            *SNMPv3 `yaml:"v3"`
	// Subnets are the CIDRs this set may be sent to; empty means any
	// target.
	Subnets []string `yaml:"subnets"`
}

// SNMPv3 is the USM part of a v3 credential set.
type SNMPv3 struct {
	User             string `yaml:"user"`
	AuthProtocol     string `yaml:"auth_protocol"`
	AuthPassword     Secret `yaml:"auth_password"`
	AuthPasswordFile string `yaml:"auth_password_file"`
	AuthPasswordEnv  string `yaml:"auth_password_env"`
	PrivProtocol     string `yaml:"priv_protocol"`
	PrivPassword     Secret `yaml:"priv_password"`
	PrivPasswordFile string `yaml:"priv_password_file"`
	PrivPasswordEnv  string `yaml:"priv_password_env"`
	Context          string `yaml:"context"`
}

// MaxSNMPRows bounds snmp.max_rows, the rows read of one table column of
// one host. At 1,000,000 one hostile agent made a sweep hold 1.1 GB;
// 100,000 keeps a host near 110 MB and is above the largest tables
// netcensus walks (a core switch's forwarding or ARP table).
const MaxSNMPRows = 100_000

// MinPassphrase is the shortest SNMPv3 passphrase: RFC 3414 (11.2) asks
// for 8 characters at least, and net-snmp refuses shorter ones.
const MinPassphrase = 8

// ValidPassphrase checks an SNMPv3 passphrase, whatever it came from
// (config, file, environment or flag); the error never holds the value.
func ValidPassphrase(s Secret) error {
	if n := len(s.Reveal()); n < MinPassphrase {
		return fmt.Errorf("%d characters: SNMPv3 passphrases must be at least %d", n, MinPassphrase)
	}
	return nil
}

// DefaultSNMP returns the built-in SNMP settings.
func DefaultSNMP() SNMP {
	return SNMP{
		Port:           161,
		Timeout:        Duration(2 * time.Second),
		Retries:        1,
		Workers:        64,
		TargetTimeout:  Duration(60 * time.Second),
		MaxRepetitions: 25,
		MaxRows:        10000,
	}
}

// Validate reports the first bad SNMP setting, naming it (never a secret).
//
// The zero SNMP is valid: it is what a caller validating another section
// alone holds (DefaultSNMP fills it for use).
func (s *SNMP) Validate() error {
	if s.Port == 0 && s.Timeout == 0 && s.Workers == 0 && s.TargetTimeout == 0 && s.MaxRepetitions == 0 && s.MaxRows == 0 && s.Retries == 0 && len(s.Credentials) == 0 {
		return nil
	}
	switch {
	case s.Port < 1 || s.Port > 65535:
		return fmt.Errorf("snmp.port %d: must be between 1 and 65535", s.Port)
	case s.Timeout.D() <= 0 || s.Timeout.D() > time.Minute:
		return fmt.Errorf("snmp.timeout %s: must be more than 0 and at most 1m", s.Timeout)
	case s.Retries < 0 || s.Retries > 10:
		return fmt.Errorf("snmp.retries %d: must be between 0 and 10", s.Retries)
	case s.Workers < 1 || s.Workers > 4096:
		return fmt.Errorf("snmp.workers %d: must be between 1 and 4096", s.Workers)
	case s.TargetTimeout.D() <= 0 || s.TargetTimeout.D() > time.Hour:
		return fmt.Errorf("snmp.target_timeout %s: must be more than 0 and at most 1h", s.TargetTimeout)
	case s.MaxRepetitions < 1 || s.MaxRepetitions > 1000:
		return fmt.Errorf("snmp.max_repetitions %d: must be between 1 and 1000", s.MaxRepetitions)
	case s.MaxRows < 1 || s.MaxRows > MaxSNMPRows:
		return fmt.Errorf("snmp.max_rows %d: must be between 1 and %d", s.MaxRows, MaxSNMPRows)
	}
	names := map[string]bool{}
	for i, c := range s.Credentials {
		where := fmt.Sprintf("snmp.credentials[%d]", i)
		if c.Name != "" {
			where = fmt.Sprintf("snmp.credentials[%d] (%s)", i, c.Name)
			if names[c.Name] {
				return fmt.Errorf("%s: name used twice", where)
			}
			names[c.Name] = true
		}
		if err := c.Validate(); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
	}
	return nil
}

// Validate checks one credential set.
func (c *SNMPCredential) Validate() error {
	if !oneOf(c.Version, SNMPVersions) {
		return fmt.Errorf("version %q: must be one of %s", c.Version, strings.Join(SNMPVersions, ", "))
	}
	for _, p := range c.Subnets {
		if _, err := netip.ParsePrefix(strings.TrimSpace(p)); err != nil {
			return fmt.Errorf("subnet %q: want a CIDR", p)
		}
	}
	n := count(c.Community != "", c.CommunityFile != "", c.CommunityEnv != "")
	if c.Version == "3" {
		if n > 0 {
			return errors.New("community given for version 3 (use v3)")
		}
		if c.V3 == nil {
			return errors.New("version 3 needs v3: {user, ...}")
		}
		return c.V3.Validate()
	}
	if c.V3 != nil {
		return fmt.Errorf("v3 given for version %s", c.Version)
	}
	if n != 1 {
		return errors.New("want exactly one of community, community_file, community_env")
	}
	return nil
}

// Validate checks the USM settings.
func (v *SNMPv3) Validate() error {
	if v.User == "" {
		return errors.New("v3.user: empty")
	}
	na := count(v.AuthPassword != "", v.AuthPasswordFile != "", v.AuthPasswordEnv != "")
	np := count(v.PrivPassword != "", v.PrivPasswordFile != "", v.PrivPasswordEnv != "")
	if na > 1 || np > 1 {
		return errors.New("v3: at most one of password, password_file, password_env each for auth and priv")
	}
	if v.AuthProtocol != "" && !oneOf(v.AuthProtocol, SNMPAuthProtocols) {
		return fmt.Errorf("v3.auth_protocol %q: must be one of %s", v.AuthProtocol, strings.Join(SNMPAuthProtocols, ", "))
	}
	if v.PrivProtocol != "" && !oneOf(v.PrivProtocol, SNMPPrivProtocols) {
		return fmt.Errorf("v3.priv_protocol %q: must be one of %s", v.PrivProtocol, strings.Join(SNMPPrivProtocols, ", "))
	}
	if (v.AuthProtocol == "") != (na == 0) {
		return errors.New("v3: auth_protocol and an auth password go together")
	}
	if (v.PrivProtocol == "") != (np == 0) {
		return errors.New("v3: priv_protocol and a priv password go together")
	}
	if v.PrivProtocol != "" && v.AuthProtocol == "" {
		return errors.New("v3: privacy needs authentication (auth_protocol)")
	}
	// Passphrases from a file or the environment are checked once
	// resolved (ResolvePassphrase).
	if v.AuthPassword != "" {
		if err := ValidPassphrase(v.AuthPassword); err != nil {
			return fmt.Errorf("v3.auth_password: %w", err)
		}
	}
	if v.PrivPassword != "" {
		if err := ValidPassphrase(v.PrivPassword); err != nil {
			return fmt.Errorf("v3.priv_password: %w", err)
		}
	}
	return nil
}

func count(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// ResolveSecret returns the inline value, else the trimmed content of
// file, else the environment variable env. Errors name the file or
// variable, never the value.
func ResolveSecret(inline Secret, file, env string, getenv func(string) string) (Secret, error) {
	switch {
	case inline != "":
		return inline, nil
	case file != "":
		f, err := os.Open(file)
		if err != nil {
			return "", fmt.Errorf("secret file: %w", err)
		}
		b, err := readlimit.ReadAll(f, MaxSecretFileBytes, "secret file "+file)
		f.Close()
		if err != nil {
			return "", err
		}
		v := strings.TrimRight(string(b), "\r\n")
		if v == "" {
			return "", fmt.Errorf("secret file %s: empty", file)
		}
		return Secret(v), nil
	case env != "":
		v := getenv(env)
		if v == "" {
			return "", fmt.Errorf("secret environment variable %s: unset or empty", env)
		}
		return Secret(v), nil
	}
	return "", nil
}

// ResolvePassphrase is ResolveSecret for an SNMPv3 passphrase: one that
// is given, from wherever, must pass ValidPassphrase.
func ResolvePassphrase(inline Secret, file, env string, getenv func(string) string) (Secret, error) {
	v, err := ResolveSecret(inline, file, env, getenv)
	if err != nil || v == "" {
		return v, err
	}
	if err := ValidPassphrase(v); err != nil {
		switch {
		case inline != "":
			return "", err
		case file != "":
			return "", fmt.Errorf("secret file %s: %w", file, err)
		}
		return "", fmt.Errorf("secret environment variable %s: %w", env, err)
	}
	return v, nil
}

// String describes the USM settings without a password (fmt reaches
// nested secrets through pointers by a path that skips Secret.Format).
func (v SNMPv3) String() string {
	return fmt.Sprintf("{user %s, auth %s, priv %s, context %q}", v.User, orNone(v.AuthProtocol), orNone(v.PrivProtocol), v.Context)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
