// Package usm holds the rules of SNMPv3's user-based security model that
// netcensus checks wherever v3 settings come from: the config file and
// the command line are held to the same ones.
package usm

import (
	"fmt"
	"slices"
	"strings"
)

// Versions are the SNMP versions a credential set may name.
func Versions() []string { return []string{"1", "2c", "3"} }

// AuthProtocols are the authentication protocols.
func AuthProtocols() []string { return []string{"md5", "sha", "sha224", "sha256", "sha384", "sha512"} }

// PrivProtocols are the privacy protocols (the c variants: Cisco's
// Reeder key extension).
func PrivProtocols() []string {
	return []string{"des", "aes", "aes192", "aes256", "aes192c", "aes256c"}
}

// MinPassphrase is the shortest passphrase: RFC 3414 (11.2) asks for 8
// characters at least, and net-snmp refuses shorter ones.
const MinPassphrase = 8

// ValidPassphrase checks a passphrase, whatever it came from; the error
// never holds the value.
func ValidPassphrase(p string) error {
	if n := len(p); n < MinPassphrase {
		return fmt.Errorf("%d characters: SNMPv3 passphrases must be at least %d", n, MinPassphrase)
	}
	return nil
}

// Settings are a user's v3 settings; a passphrase only as whether one was
// given (a passphrase itself is checked by ValidPassphrase where it is
// known).
type Settings struct {
	User                       string
	AuthProtocol, PrivProtocol string
	AuthPass, PrivPass         bool
}

// Names are what the errors call each setting: config keys or flags.
type Names struct {
	User, AuthProtocol, AuthPass, PrivProtocol, PrivPass string
}

// Validate reports the first rule s breaks, in the words of n.
func Validate(s Settings, n Names) error {
	if s.User == "" {
		return fmt.Errorf("%s: empty", n.User)
	}
	if s.AuthProtocol != "" && !slices.Contains(AuthProtocols(), strings.ToLower(s.AuthProtocol)) {
		return fmt.Errorf("%s %q: must be one of %s", n.AuthProtocol, s.AuthProtocol, strings.Join(AuthProtocols(), ", "))
	}
	if s.PrivProtocol != "" && !slices.Contains(PrivProtocols(), strings.ToLower(s.PrivProtocol)) {
		return fmt.Errorf("%s %q: must be one of %s", n.PrivProtocol, s.PrivProtocol, strings.Join(PrivProtocols(), ", "))
	}
	if (s.AuthProtocol == "") != !s.AuthPass {
		return fmt.Errorf("%s and %s go together", n.AuthProtocol, n.AuthPass)
	}
	if (s.PrivProtocol == "") != !s.PrivPass {
		return fmt.Errorf("%s and %s go together", n.PrivProtocol, n.PrivPass)
	}
	if s.PrivProtocol != "" && s.AuthProtocol == "" {
		return fmt.Errorf("privacy needs authentication: %s needs %s", n.PrivProtocol, n.AuthProtocol)
	}
	return nil
}
