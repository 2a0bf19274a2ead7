package inventory

import (
	"fmt"
	"slices"
	"strings"

	"github.com/netcensus/netcensus/inventory/store"
)

// EventTypes are the event types an event filter takes: the store's and
// the software ones.
func EventTypes() []string {
	return append([]string{store.EventState, store.EventNewUnapproved, store.EventChange, store.EventApproved, store.EventSet,
		store.EventMerged, store.EventSplit, store.EventCompliance, store.EventMoved}, SoftwareEventTypes...)
}

// ParseEventTypes reads event types given as repeated, comma-separated
// lists, blanks skipped; "software" stands for every software_* type, and
// an unknown type is refused, named.
func ParseEventTypes(lists []string) ([]string, error) {
	var out []string
	for _, s := range lists {
		for _, x := range strings.Split(s, ",") {
			if x = strings.TrimSpace(x); x == "" {
				continue
			}
			if x == "software" { // every software change
				out = append(out, SoftwareEventTypes...)
				continue
			}
			if !slices.Contains(EventTypes(), x) {
				return nil, fmt.Errorf("type %q: want one of %s, or software", x, strings.Join(EventTypes(), ", "))
			}
			out = append(out, x)
		}
	}
	return out, nil
}
