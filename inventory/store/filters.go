package store

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"time"
)

// States are the lifecycle states an asset filter takes, in lifecycle
// order.
func States() []string {
	return []string{StateNew, StateActive, StateMissing, StateReturned, StateRetired, StateMerged}
}

// ParseStates reads states given as repeated, comma-separated lists
// ("new,active"), blanks skipped; an unknown state is refused, named.
func ParseStates(lists []string) ([]string, error) {
	var out []string
	for _, s := range lists {
		for _, x := range strings.Split(s, ",") {
			if x = strings.TrimSpace(x); x == "" {
				continue
			}
			if !slices.Contains(States(), x) {
				return nil, fmt.Errorf("state %q: want one of %s", x, strings.Join(States(), ", "))
			}
			out = append(out, x)
		}
	}
	return out, nil
}

// AssetQuery is an asset filter as a person writes it: states as
// repeated or comma-separated lists, the subnet as CIDR text.
type AssetQuery struct {
	States             []string
	Vendor, DeviceType string
	Subnet             string
	SeenSince          time.Time
	Unapproved         bool
}

// Filter is the AssetFilter q stands for, the subnet masked to its
// prefix. An unknown state or a bad subnet is refused, its error starting
// with the field's name (state, subnet).
func (q AssetQuery) Filter() (AssetFilter, error) {
	f := AssetFilter{Vendor: q.Vendor, DeviceType: q.DeviceType, SeenSince: q.SeenSince, Unapproved: q.Unapproved}
	var err error
	if f.States, err = ParseStates(q.States); err != nil {
		return f, err
	}
	if q.Subnet != "" {
		p, err := netip.ParsePrefix(q.Subnet)
		if err != nil {
			return f, fmt.Errorf("subnet %q: %w", q.Subnet, err)
		}
		f.Subnet = p.Masked()
	}
	return f, nil
}
