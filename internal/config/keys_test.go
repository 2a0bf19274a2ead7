package config

import (
	"strings"
	"testing"
)

// Decode's errors name the key path and line a user wrote, never a Go type.
func TestDecodeErrorsNameTheKey(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unknown key", "sweep:\n  rate: 100\n  ratee: 5\n", "sweep.ratee: unknown key (line 3)"},
		{"unknown section", "sweeps:\n  rate: 1\n", "sweeps: unknown key (line 1)"},
		{"unknown key in a list", "snmp:\n  credentials:\n    - name: a\n      comunity: x\n",
			"snmp.credentials[0].comunity: unknown key (line 4)"},
		{"wrong scalar", "sweep:\n  rate: fast\n", `sweep.rate: want a whole number, got "fast" (line 2)`},
		{"wrong bool", "mdns:\n  enabled: maybe\n", `mdns.enabled: want true or false, got "maybe" (line 2)`},
		{"list for a number", "sweep:\n  arp_retries: [1]\n", "sweep.arp_retries: want a whole number, got a list (line 2)"},
		{"list for a section", "sweep: [1]\n", "sweep: want a mapping (key: value), got a list (line 1)"},
		{"bad duration", "sweep:\n  arp_wait: soon\n", "sweep.arp_wait: "},
		{"invalid value", "sweep:\n  rate: 0\n", "sweep.rate 0: must be between 1 and 10000000 packets/s (line 2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q, want it to start %q", err, tt.want)
			}
			for _, bad := range []string{"config.", "not found in type", "!!"} {
				if strings.Contains(err.Error(), bad) {
					t.Errorf("error %q names Go or YAML internals (%q)", err, bad)
				}
			}
		})
	}
}
