package snmp

import (
	"fmt"
	"net/netip"
	"strings"
	"sync"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/secret"
	"github.com/netcensus/netcensus/internal/usm"
)

// Credential is one resolved credential set. Secrets are secret.Secret:
// they print as REDACTED and are revealed only into a packet.
type Credential struct {
	Name      string
	Version   gosnmp.SnmpVersion
	Community secret.Secret
	User      string
	AuthProto gosnmp.SnmpV3AuthProtocol
	AuthPass  secret.Secret
	PrivProto gosnmp.SnmpV3PrivProtocol
	PrivPass  secret.Secret
	Context   string
	// Subnets are where this set may be sent; empty means anywhere.
	Subnets []netip.Prefix
}

// String names the set without any secret.
func (c Credential) String() string {
	name := c.Name
	if name == "" {
		name = "unnamed"
	}
	switch c.Version {
	case gosnmp.Version3:
		return fmt.Sprintf("%s (v3 user %s)", name, c.User)
	case gosnmp.Version1:
		return name + " (v1)"
	}
	return name + " (v2c)"
}

// Allows reports whether the set may be sent to a.
func (c Credential) Allows(a netip.Addr) bool {
	if len(c.Subnets) == 0 {
		return true
	}
	a = a.Unmap()
	for _, p := range c.Subnets {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// DefaultCredentials is what is tried with none configured: public, v2c.
func DefaultCredentials() []Credential {
	return []Credential{{Name: "default-public", Version: gosnmp.Version2c, Community: "public"}}
}

var authProtos = map[string]gosnmp.SnmpV3AuthProtocol{
	"": gosnmp.NoAuth, "md5": gosnmp.MD5, "sha": gosnmp.SHA, "sha224": gosnmp.SHA224,
	"sha256": gosnmp.SHA256, "sha384": gosnmp.SHA384, "sha512": gosnmp.SHA512,
}

var privProtos = map[string]gosnmp.SnmpV3PrivProtocol{
	"": gosnmp.NoPriv, "des": gosnmp.DES, "aes": gosnmp.AES, "aes192": gosnmp.AES192,
	"aes256": gosnmp.AES256, "aes192c": gosnmp.AES192C, "aes256c": gosnmp.AES256C,
}

// ParseVersion maps "1", "2c" (or "2") and "3" to gosnmp's versions.
func ParseVersion(s string) (gosnmp.SnmpVersion, error) {
	switch strings.ToLower(strings.TrimPrefix(strings.ToLower(s), "v")) {
	case "1":
		return gosnmp.Version1, nil
	case "2c", "2":
		return gosnmp.Version2c, nil
	case "3":
		return gosnmp.Version3, nil
	}
	return 0, fmt.Errorf("snmp version %q: want 1, 2c or 3", s)
}

// ParseAuthProtocol maps md5, sha, sha224... to gosnmp's constants.
func ParseAuthProtocol(s string) (gosnmp.SnmpV3AuthProtocol, error) {
	p, ok := authProtos[strings.ToLower(s)]
	if !ok {
		return 0, fmt.Errorf("auth protocol %q: want one of %s", s, strings.Join(usm.AuthProtocols(), ", "))
	}
	return p, nil
}

// ParsePrivProtocol maps des, aes, aes192, aes256, aes192c, aes256c.
func ParsePrivProtocol(s string) (gosnmp.SnmpV3PrivProtocol, error) {
	p, ok := privProtos[strings.ToLower(s)]
	if !ok {
		return 0, fmt.Errorf("priv protocol %q: want one of %s", s, strings.Join(usm.PrivProtocols(), ", "))
	}
	return p, nil
}

// CredentialSpec is one credential set in words, its secrets resolved:
// the shape of the config's sets and of the command line's.
type CredentialSpec struct {
	Name, Version string
	Community     secret.Secret
	User, Context string
	AuthProtocol  string
	AuthPass      secret.Secret
	PrivProtocol  string
	PrivPass      secret.Secret
	Subnets       []string
}

// Credentials parses the sets, in order; with none, the default.
func Credentials(specs []CredentialSpec) ([]Credential, error) {
	if len(specs) == 0 {
		return DefaultCredentials(), nil
	}
	out := make([]Credential, 0, len(specs))
	for _, cs := range specs {
		c := Credential{Name: cs.Name}
		var err error
		if c.Version, err = ParseVersion(cs.Version); err != nil {
			return nil, fmt.Errorf("snmp credential %s: %w", cs.Name, err)
		}
		for _, s := range cs.Subnets {
			p, err := netip.ParsePrefix(strings.TrimSpace(s))
			if err != nil {
				return nil, fmt.Errorf("snmp credential %s: subnet %q: %w", cs.Name, s, err)
			}
			c.Subnets = append(c.Subnets, p.Masked())
		}
		if c.Version != gosnmp.Version3 {
			if cs.Community == "" {
				return nil, fmt.Errorf("snmp credential %s: no community", cs.Name)
			}
			c.Community = cs.Community
			out = append(out, c)
			continue
		}
		if cs.User == "" {
			return nil, fmt.Errorf("snmp credential %s: version 3 without a user", cs.Name)
		}
		c.User, c.Context, c.AuthPass, c.PrivPass = cs.User, cs.Context, cs.AuthPass, cs.PrivPass
		if c.AuthProto, err = ParseAuthProtocol(cs.AuthProtocol); err != nil {
			return nil, fmt.Errorf("snmp credential %s: %w", cs.Name, err)
		}
		if c.PrivProto, err = ParsePrivProtocol(cs.PrivProtocol); err != nil {
			return nil, fmt.Errorf("snmp credential %s: %w", cs.Name, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// Remembered turns the credential names the CMDB remembers per address
// into indexes of creds, for DiscoverOptions and CollectOptions; a name no
// longer configured, or a set no longer scoped to the address, is dropped.
func Remembered(creds []Credential, names map[netip.Addr]string) map[netip.Addr]int {
	if len(names) == 0 {
		return nil
	}
	idx := make(map[string]int, len(creds))
	for i, c := range creds {
		if _, dup := idx[c.Name]; !dup && c.Name != "" {
			idx[c.Name] = i
		}
	}
	out := make(map[netip.Addr]int, len(names))
	for a, n := range names {
		if i, ok := idx[n]; ok && creds[i].Allows(a) {
			out[a] = i
		}
	}
	return out
}

// credMemo remembers, for one run, which credential set worked for an
// address, so it is tried first next time.
type credMemo struct {
	mu sync.Mutex
	m  map[netip.Addr]int
}

func (m *credMemo) get(a netip.Addr) (int, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	i, ok := m.m[a]
	return i, ok
}

func (m *credMemo) set(a netip.Addr, i int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = map[netip.Addr]int{}
	}
	m.m[a] = i
}

// order returns the indexes of creds allowed for a, the remembered one
// (or hint, when >= 0) first, then the rest in configured order.
func order(creds []Credential, a netip.Addr, first int) []int {
	var out []int
	if first >= 0 && first < len(creds) && creds[first].Allows(a) {
		out = append(out, first)
	}
	for i, c := range creds {
		if i != first && c.Allows(a) {
			out = append(out, i)
		}
	}
	return out
}
