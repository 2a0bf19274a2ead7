package config

import (
	"errors"
	"fmt"
	"net/netip"
	"os"
	"strings"
	"time"

	"github.com/netcensus/netcensus/internal/readlimit"
	"github.com/netcensus/netcensus/internal/secret"
	"github.com/netcensus/netcensus/internal/usm"
)

// Secret is a credential (community, passphrase) that never prints: see
// secret.Secret.
type Secret = secret.Secret

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

// MinPassphrase is the shortest SNMPv3 passphrase (usm.MinPassphrase).
const MinPassphrase = usm.MinPassphrase

// ValidPassphrase checks an SNMPv3 passphrase (usm.ValidPassphrase).
func ValidPassphrase(s Secret) error { return usm.ValidPassphrase(s.Reveal()) }

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
	if !oneOf(c.Version, usm.Versions()) {
		return fmt.Errorf("version %q: must be one of %s", c.Version, strings.Join(usm.Versions(), ", "))
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
	na := count(v.AuthPassword != "", v.AuthPasswordFile != "", v.AuthPasswordEnv != "")
	np := count(v.PrivPassword != "", v.PrivPasswordFile != "", v.PrivPasswordEnv != "")
	if na > 1 || np > 1 {
		return errors.New("v3: at most one of password, password_file, password_env each for auth and priv")
	}
	err := usm.Validate(usm.Settings{User: v.User, AuthProtocol: v.AuthProtocol, PrivProtocol: v.PrivProtocol, AuthPass: na > 0, PrivPass: np > 0},
		usm.Names{User: "v3.user", AuthProtocol: "v3.auth_protocol", AuthPass: "an auth password", PrivProtocol: "v3.priv_protocol", PrivPass: "a priv password"})
	if err != nil {
		return err
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

// CredentialSpec is one credential set with its secrets resolved (from
// the file itself, a file or the environment), still in the config's
// words: the SNMP scanner has a type of the same shape, and the wiring
// converts one into the other.
type CredentialSpec struct {
	Name, Version string
	Community     Secret
	User, Context string
	AuthProtocol  string
	AuthPass      Secret
	PrivProtocol  string
	PrivPass      Secret
	Subnets       []string
}

// ResolveCredentials resolves the configured sets, in order; a set
// without a name is called credentials[i]. None configured: none.
func (s *SNMP) ResolveCredentials(getenv func(string) string) ([]CredentialSpec, error) {
	out := make([]CredentialSpec, 0, len(s.Credentials))
	for i, cc := range s.Credentials {
		c := CredentialSpec{Name: cc.Name, Version: cc.Version, Subnets: cc.Subnets}
		if c.Name == "" {
			c.Name = fmt.Sprintf("credentials[%d]", i)
		}
		var err error
		if cc.V3 == nil {
			if c.Community, err = ResolveSecret(cc.Community, cc.CommunityFile, cc.CommunityEnv, getenv); err != nil {
				return nil, fmt.Errorf("snmp credential %s: community: %w", c.Name, err)
			}
			out = append(out, c)
			continue
		}
		v := cc.V3
		c.User, c.Context, c.AuthProtocol, c.PrivProtocol = v.User, v.Context, v.AuthProtocol, v.PrivProtocol
		if c.AuthPass, err = ResolvePassphrase(v.AuthPassword, v.AuthPasswordFile, v.AuthPasswordEnv, getenv); err != nil {
			return nil, fmt.Errorf("snmp credential %s: auth password: %w", c.Name, err)
		}
		if c.PrivPass, err = ResolvePassphrase(v.PrivPassword, v.PrivPasswordFile, v.PrivPasswordEnv, getenv); err != nil {
			return nil, fmt.Errorf("snmp credential %s: priv password: %w", c.Name, err)
		}
		out = append(out, c)
	}
	return out, nil
}
