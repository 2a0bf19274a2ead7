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
// ("new,active"), each item trimmed. A list left empty (a flag or query
// parameter given as "") selects nothing and is skipped; an empty item
// within a list ("new,,active", "new,") is refused, named by its place,
// as is an unknown state. The CLI's --state and serve's ?state= both
// read through it.
func ParseStates(lists []string) ([]string, error) {
	var out []string
	for _, s := range lists {
		if strings.TrimSpace(s) == "" {
			continue
		}
		for i, x := range strings.Split(s, ",") {
			if x = strings.TrimSpace(x); x == "" {
				return nil, fmt.Errorf("state %q: item %d is empty; want one or more of %s, comma-separated", s, i+1, strings.Join(States(), ", "))
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
