// Package secret is the type of a credential that never prints: a
// community or passphrase is REDACTED in every output, log and marshalling,
// and revealed only where it is sent.
package secret

import (
	"fmt"

	"gopkg.in/yaml.v3"
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
