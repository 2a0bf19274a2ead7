package inventory

import (
	"context"
	"net/netip"

	"github.com/netcensus/netcensus/inventory/store"
)

// RememberedCredentials maps every address of the store's current assets
// (retired ones aside) to the SNMP credential set that last answered the
// asset, so a sweep asks a known device with that set first. A store that
// streams its assets is read a few chunks at a time, never whole.
func RememberedCredentials(ctx context.Context, st store.Store) (map[netip.Addr]string, error) {
	out := map[netip.Addr]string{}
	remember := func(x *store.Asset) error {
		r := &x.Record
		if r.SNMPCredential == "" || r.State == store.StateRetired {
			return nil
		}
		if r.IP.IsValid() {
			out[r.IP] = r.SNMPCredential
		}
		for _, ip := range r.IPs {
			out[ip] = r.SNMPCredential
		}
		return nil
	}
	if es, ok := st.(store.AssetStreamer); ok {
		if err := es.EachAsset(ctx, store.AssetFilter{}, remember); err != nil {
			return nil, err
		}
		return out, nil
	}
	as, err := st.Assets(ctx, store.AssetFilter{})
	if err != nil {
		return nil, err
	}
	for i := range as {
		remember(&as[i])
	}
	return out, nil
}
