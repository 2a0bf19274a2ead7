package inventory

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/netcensus/netcensus/inventory/store"
)

// ResolveIDs turns each argument into a full asset ID: an exact ID, or a
// unique prefix of one (as git takes short hashes). A prefix that matches
// several assets is an AmbiguousError listing them.
func ResolveIDs(ctx context.Context, st store.Store, args []string) ([]string, error) {
	out := make([]string, len(args))
	var all []store.Asset
	for i, arg := range args {
		exact, err := st.Assets(ctx, store.AssetFilter{IDs: []string{arg}, IncludeMerged: true})
		if err != nil {
			return nil, err
		}
		if len(exact) == 1 {
			out[i] = arg
			continue
		}
		if all == nil {
			if all, err = st.Assets(ctx, store.AssetFilter{IncludeMerged: true}); err != nil {
				return nil, err
			}
		}
		var match []string
		for j := range all {
			if id := all[j].Record.AssetID; arg != "" && strings.HasPrefix(id, arg) {
				match = append(match, id)
			}
		}
		switch len(match) {
		case 0:
			return nil, fmt.Errorf("asset %s: %w", arg, store.ErrNotFound)
		case 1:
			out[i] = match[0]
		default:
			sort.Strings(match)
			return nil, &AmbiguousError{Prefix: arg, IDs: match}
		}
	}
	return out, nil
}

// AmbiguousError: an asset ID prefix that begins several assets. It is
// ErrAmbiguous.
type AmbiguousError struct {
	Prefix string
	// IDs are the assets it begins, sorted.
	IDs []string
}

func (e *AmbiguousError) Error() string {
	shown := e.IDs
	if len(shown) > 5 {
		shown = append(shown[:5:5], "...")
	}
	return fmt.Sprintf("asset ID %q is ambiguous: it begins %d assets (%s); give more of it", e.Prefix, len(e.IDs), strings.Join(shown, ", "))
}

// Is makes an AmbiguousError ErrAmbiguous.
func (e *AmbiguousError) Is(target error) bool { return target == ErrAmbiguous }
