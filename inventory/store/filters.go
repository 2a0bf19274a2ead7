package store

import (
	"fmt"
	"slices"
	"strings"
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
