package inventory

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

func TestResolveIDs(t *testing.T) {
	st := openStore(t)
	var as []store.Asset
	for i, id := range []string{"aa11", "aa12", "ab13", "b1", "b10", "c21", "c22", "c23", "c24", "c25", "c26"} {
		as = append(as, store.Asset{Record: record.Asset{AssetID: id, Hostname: fmt.Sprint("h", i), State: store.StateActive}, StateSince: t0})
	}
	if err := st.PutAssets(t.Context(), as); err != nil {
		t.Fatal(err)
	}
	// An exact ID wins over the longer IDs it begins (b1, not b10); a
	// unique prefix is the asset it begins.
	got, err := ResolveIDs(t.Context(), st, []string{"b1", "ab", "aa12", "b10"})
	if err != nil || !slices.Equal(got, []string{"b1", "ab13", "aa12", "b10"}) {
		t.Errorf("resolve = %v, %v", got, err)
	}
	for _, q := range []string{"zz", ""} {
		if _, err := ResolveIDs(t.Context(), st, []string{q}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%q: %v, want not found", q, err)
		}
	}
	_, err = ResolveIDs(t.Context(), st, []string{"aa"})
	var amb *AmbiguousError
	if !errors.As(err, &amb) || !errors.Is(err, ErrAmbiguous) || !slices.Equal(amb.IDs, []string{"aa11", "aa12"}) ||
		err.Error() != `asset ID "aa" is ambiguous: it begins 2 assets (aa11, aa12); give more of it` {
		t.Errorf("ambiguous: %v", err)
	}
	// More than five are cut, the count kept.
	_, err = ResolveIDs(t.Context(), st, []string{"c"})
	if err == nil || !strings.Contains(err.Error(), "begins 6 assets (c21, c22, c23, c24, c25, ...)") {
		t.Errorf("six: %v", err)
	}
}
