package identity

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/record"
)

// conflicted adds what makes resolution hard to a population: shared and
// virtual MACs, cloned engine IDs, placeholder serials, renamed devices
// and devices whose serial disagrees with their MAC.
func conflicted(n int) []record.Observation {
	obs := population(n)
	for d := 0; d < n/10; d++ {
		addr := fmt.Sprintf("198.51.100.%d", d%250+1)
		obs = append(obs,
			arpObs(addr, "00:00:5e:00:01:01"),                                 // VRRP
			arpObs(fmt.Sprintf("203.0.113.%d", d%250+1), "00:1b:54:aa:aa:aa"), // proxy ARP
			snmpObs(fmt.Sprintf("198.18.%d.%d", d>>8&0xff, d&0xff), func(a *record.Asset) {
				a.SNMPEngineID = "8000000903000000deadbeef" // cloned
				a.SysName = fmt.Sprintf("clone-%d", d%7)
				a.Serial = []string{"N/A", "XXXX", fmt.Sprintf("SER%d", d%5)}[d%3]
				a.Vendor = "Acme"
			}),
			record.Observation{Source: record.SourceMDNS, Asset: record.Asset{IP: ip(addr), MAC: mac(fmt.Sprintf("da:00:00:00:%02x:01", d%200)), Hostname: fmt.Sprintf("phone-%d.local", d%13)}},
		)
	}
	return obs
}

// TestAgreesWithReference: the fast resolver gives exactly the clusters
// of the reference implementation, with known assets and decisions too.
func TestAgreesWithReference(t *testing.T) {
	r := resolver(t)
	for _, n := range []int{0, 1, 7, 50, 400} {
		obs := conflicted(n)
		rng := rand.New(rand.NewSource(int64(n)))
		rng.Shuffle(len(obs), func(i, j int) { obs[i], obs[j] = obs[j], obs[i] })
		first := r.resolveRef(Input{Observations: obs})
		got := r.Resolve(Input{Observations: obs})
		if !reflect.DeepEqual(got.Clusters, first.Clusters) {
			t.Fatalf("n=%d: clusters differ from the reference\n got %s\nwant %s", n, canonical(got, obs), canonical(first, obs))
		}
		sameRefusals(t, got.Refused, first.Refused)
		// Second sweep: known assets, a merge and a split.
		var known []Known
		for _, c := range first.Clusters {
			known = append(known, Known{AssetID: c.AssetID, Keys: c.Keys})
		}
		var decs []Decision
		if len(known) > 3 {
			decs = append(decs, Decision{MergeA: known[0].AssetID, MergeB: known[1].AssetID})
			if len(known[2].Keys) > 0 {
				decs = append(decs, Decision{SplitFrom: known[2].AssetID, SplitKey: known[2].Keys[len(known[2].Keys)-1]})
			}
		}
		in := Input{Observations: obs[:len(obs)*2/3], Known: known, Decisions: decs}
		want := r.resolveRef(in)
		got = r.Resolve(in)
		if !reflect.DeepEqual(got.Clusters, want.Clusters) {
			t.Fatalf("n=%d with known: clusters differ from the reference\n got %s\nwant %s", n, canonical(got, in.Observations), canonical(want, in.Observations))
		}
		sameRefusals(t, got.Refused, want.Refused)
	}
}

// TestSightingsAsInput: compact sightings resolve exactly as the
// observations they came from.
func TestSightingsAsInput(t *testing.T) {
	r := resolver(t)
	obs := conflicted(300)
	want := r.Resolve(Input{Observations: obs})
	got := r.Resolve(Input{Sightings: sightingsOf(obs)})
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("sightings resolve differently:\n%s\nvs\n%s", canonical(got, obs), canonical(want, obs))
	}
}

// sameRefusals: the same keys were refused. (The reference names the
// first conflicting kind in map order, so its wording may vary.)
func sameRefusals(t *testing.T, got, want []string) {
	t.Helper()
	keysOf := func(rs []string) map[string]bool {
		m := map[string]bool{}
		for _, r := range rs {
			m[strings.SplitN(r, " would", 2)[0]] = true
		}
		return m
	}
	if g, w := keysOf(got), keysOf(want); !reflect.DeepEqual(g, w) {
		t.Errorf("refused keys %v, reference %v", g, w)
	}
}

// TestSkipTies: the same clusters, without ties.
func TestSkipTies(t *testing.T) {
	r := resolver(t)
	obs := conflicted(200)
	full := r.Resolve(Input{Observations: obs})
	lean := r.Resolve(Input{Observations: obs, SkipTies: true})
	ties := 0
	for i := range full.Clusters {
		ties += len(full.Clusters[i].Ties)
		full.Clusters[i].Ties = nil
	}
	if ties == 0 {
		t.Fatal("the population has no ties: the test proves nothing")
	}
	if !reflect.DeepEqual(full, lean) {
		t.Error("SkipTies changed the clusters")
	}
}
