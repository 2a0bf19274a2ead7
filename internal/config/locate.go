package config

import "fmt"

// Locate holds the settings of switch-port location: reading switches'
// forwarding tables, VLAN contexts and CDP in the SNMP collection, and
// the rules that place hosts on access ports.
type Locate struct {
	// Enabled reads forwarding tables and CDP from every bridge that
	// answers SNMP.
	Enabled bool `yaml:"enabled"`
	// VLANContexts: auto (a context per VLAN where the switch lists its
	// VLANs in CISCO-VTP-MIB), always (also Q-BRIDGE's static VLANs) or
	// never.
	VLANContexts string `yaml:"vlan_contexts"`
	// MaxVLANs bounds the VLAN contexts read per switch.
	MaxVLANs int `yaml:"max_vlans"`
	// RulesFile names a rules file replacing the built-in rules (the
	// shape of scanner/locate/rules.yaml); empty: the built-in ones.
	RulesFile string `yaml:"rules_file"`
}

// LocateVLANContexts are the values of locate.vlan_contexts.
var LocateVLANContexts = []string{"auto", "always", "never"}

// DefaultLocate is on, auto contexts, 64 VLANs at most.
func DefaultLocate() Locate {
	return Locate{Enabled: true, VLANContexts: "auto", MaxVLANs: 64}
}

// Validate reports the first bad location setting.
func (l *Locate) Validate() error {
	if l.VLANContexts != "" && !oneOf(l.VLANContexts, LocateVLANContexts) {
		return fmt.Errorf("locate.vlan_contexts %q: must be one of auto, always, never", l.VLANContexts)
	}
	if l.MaxVLANs < 0 || l.MaxVLANs > 4094 {
		return fmt.Errorf("locate.max_vlans %d: must be between 0 (the default, 64) and 4094", l.MaxVLANs)
	}
	return nil
}
