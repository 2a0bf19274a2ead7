package clickhouse

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	ch "github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

func TestSearchTerms(t *testing.T) {
	got := searchTerms("192.0.2.1\n\nab\u00e9c")
	want := []string{"192.0.2.1", "92.0.2.1", "2.0.2.1", ".0.2.1", "0.2.1", ".2.1", "2.1", ".1", "1",
		"ab\u00e9c", "b\u00e9c", "\u00e9c", "c"}
	if !slices.Equal(got, want) {
		t.Errorf("terms:\n got %q\nwant %q", got, want)
	}
	long := strings.Repeat("x", searchTermLen+5)
	for _, term := range searchTerms(long) {
		if len(term) > searchTermLen {
			t.Fatalf("a term of %d bytes, want at most %d", len(term), searchTermLen)
		}
	}
	if n := len(searchTerms(long)); n != searchTermLen { // the long suffixes cut to the same 32 x's, then 31 ... 1
		t.Errorf("%d distinct terms of a repeated letter, want %d", n, searchTermLen)
	}
	for _, c := range []struct {
		s      string
		lo     string
		ok     bool
		reason string
	}{
		{"00:1b:54", "00:1b:54", true, "a MAC's start"},
		{"ho", "", false, "too short: most assets match"},
		{"h\u00e9llo", "", false, "not ASCII: left to the server's case folding"},
		{"a\nb", "", false, "a newline selects none"},
		{long, long[:searchTermLen], true, "cut to the terms' length"},
	} {
		lo, hi, ok := searchRange(c.s)
		if ok != c.ok || lo != c.lo || ok && hi != lo+"\xff" {
			t.Errorf("searchRange(%q) = %q, %q, %v; want %q, %v (%s)", c.s, lo, hi, ok, c.lo, c.ok, c.reason)
		}
	}
}

// A search through the index lists what store.SearchMatch selects on
// every asset's current version: substrings anywhere in a field, any
// case, nothing from a version the asset no longer has, the filters and
// the limit applied after it.
func TestSearchIndex(t *testing.T) {
	ctx := context.Background()
	st := openFresh(t).(*DB)
	as := randomAssets(400, 11)
	if err := st.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	moved := as[3]
	oldIP := moved.Record.IP.String()
	moved.Record.IP = netip.MustParseAddr("203.0.113.77")
	moved.Record.IPs = nil
	oldHost := moved.Record.Hostname
	moved.Record.Hostname = "renamed-host"
	if err := st.PutAssets(ctx, []store.Asset{moved}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(as); i += 5 {
		if err := st.Annotate(ctx, store.Annotation{AssetID: as[i].Record.AssetID, Approved: true}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := st.Assets(ctx, store.AssetFilter{IncludeMerged: true})
	if err != nil {
		t.Fatal(err)
	}
	var searches []string
	for i := range as {
		r := &as[i].Record
		if len(searches) > 12 {
			break
		}
		if m := r.MAC.String(); len(m) >= 11 {
			searches = append(searches, strings.ToUpper(m), m[3:11])
		}
		// Parts of values as a user types them: whole characters (a byte
		// slice of a random value could cut one in two).
		if s := []rune(r.Serial); len(s) > 1 {
			searches = append(searches, string(s[1:]))
		}
		if m := []rune(r.Model); len(m) > 4 {
			searches = append(searches, string(m[2:]))
		}
	}
	searches = append(searches, oldIP, "203.0.113.77", "RENAMED", "51.100.1", "nothing-has-this")
	if oldHost != "" {
		searches = append(searches, oldHost)
	}
	for _, s := range searches {
		for _, f := range []store.AssetFilter{{Search: s}, {Search: s, Unapproved: true}, {Search: s, Limit: 2}} {
			var want []string
			for i := range all {
				r := &all[i].Record
				if r.State != store.StateMerged && store.SearchMatch(r, s) && !(f.Unapproved && *r.Approved) && (f.Limit == 0 || len(want) < f.Limit) {
					want = append(want, r.AssetID)
				}
			}
			list, err := st.Assets(ctx, f)
			if err != nil {
				t.Fatalf("search %q: %v", s, err)
			}
			var got []string
			for i := range list {
				got = append(got, list[i].Record.AssetID)
				if a := &list[i].Record; a.Approved == nil {
					t.Errorf("search %q: %s listed without its annotation", s, a.AssetID)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("filter %+v: listed %v, SearchMatch selects %v", f, got, want)
			}
		}
	}
	if got, err := st.Assets(ctx, store.AssetFilter{Search: oldIP}); err != nil || slices.ContainsFunc(got, func(a store.Asset) bool { return a.Record.AssetID == moved.Record.AssetID }) {
		t.Errorf("search of the address %s the asset had before: %d listed, %v", oldIP, len(got), err)
	}
}

// Schema 9 indexes the assets stored before it.
func TestSearchIndexFilledByMigration(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, freshDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.migrate(ctx, 8); err != nil {
		t.Fatal(err)
	}
	as := randomAssets(50, 3)
	as[9].Record.MAC, _ = record.ParseMAC("00:1b:54:0a:0b:0c")
	if err := db.putAssetRows(ctx, as); err != nil { // as schema 8 stored them: no index
		t.Fatal(err)
	}
	if n, err := db.migrate(ctx, 9); err != nil || n != 1 {
		t.Fatalf("migrate 8 -> 9: %d steps, %v", n, err)
	}
	got, err := db.Assets(ctx, store.AssetFilter{Search: "1B:54:0A"})
	if err != nil || len(got) != 1 || got[0].Record.AssetID != as[9].Record.AssetID {
		t.Fatalf("search of a stored MAC after the migration: %d assets, %v", len(got), err)
	}
}

// BenchmarkSearch: a search by a whole MAC among 100,000 assets, through
// the index, and by reading every asset's searched columns as every
// search did before schema 9 (a search the index leaves alone: not
// ASCII). rows/op is what the server read, whatever the machine's load.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, freshDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	const n = 100000
	as := make([]store.Asset, 0, 10000)
	for i := range n {
		mac := record.MAC{0x00, 0x1b, 0x54, byte(i >> 16), byte(i >> 8), byte(i)}
		as = append(as, store.Asset{Record: record.Asset{AssetID: fmt.Sprintf("0190c2a0-0000-7000-8000-%012d", i), State: store.StateActive,
			IP: netip.AddrFrom4([4]byte{198, 18 + byte(i>>16&1), byte(i >> 8), byte(i)}), MAC: mac,
			Hostname: fmt.Sprintf("host-%d", i), Serial: fmt.Sprintf("SN%08d", i), Model: fmt.Sprintf("NS-%d", i%40)}})
		if len(as) == cap(as) {
			if err := st.PutAssets(ctx, as); err != nil {
				b.Fatal(err)
			}
			as = as[:0]
		}
	}
	for _, c := range []struct{ name, search string }{
		{"index", "00:1b:54:01:30:39"},
		{"scan", "00:1b:54:01:30:39\u00e9"},
	} {
		b.Run(c.name, func(b *testing.B) {
			var rows uint64
			ctx := ch.Context(ctx, ch.WithProgress(func(p *ch.Progress) { rows += p.Rows }))
			for b.Loop() {
				if _, err := st.Assets(ctx, store.AssetFilter{Search: c.search, Limit: 50}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(rows)/float64(b.N), "rows/op")
		})
	}
}

// searchConn records the queries a search sends, and holds the listing's
// query of assets until the annotations' query has been sent (or
// annotationsWait has passed).
type searchConn struct {
	driver.Conn
	mu          sync.Mutex
	queries     []string
	annotations chan struct{}
	once        sync.Once
}

const annotationsWait = 5 * time.Second

func (c *searchConn) Query(ctx context.Context, q string, args ...any) (driver.Rows, error) {
	c.mu.Lock()
	c.queries = append(c.queries, q)
	c.mu.Unlock()
	switch {
	case strings.HasPrefix(q, "SELECT asset_id, approved"):
		c.once.Do(func() { close(c.annotations) })
	case strings.HasPrefix(q, "SELECT id, state"):
		select {
		case <-c.annotations:
		case <-time.After(annotationsWait):
		}
	}
	return c.Conn.Query(ctx, q, args...)
}

// A search the index answers reads the candidates it names first, then
// those assets by their IDs, with their annotations beside: they waited
// for the assets when the listing read the index by a subquery. A term
// more than maxBound assets share is read through the index's subquery;
// both list what SearchMatch selects.
func TestSearchReadsCandidatesByID(t *testing.T) {
	ctx := t.Context()
	st := openFresh(t).(*DB)
	as := randomAssets(maxBound+100, 17) // every address in 198.51.100.0/24
	as[14].Record.MAC = record.MAC{0x00, 0x1b, 0x54, 0x0a, 0x0b, 0x0c}
	if err := st.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(as); i += 7 {
		if err := st.Annotate(ctx, store.Annotation{AssetID: as[i].Record.AssetID, Approved: true, Site: "hq"}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := st.Assets(ctx, store.AssetFilter{})
	if err != nil {
		t.Fatal(err)
	}
	target := as[14].Record.MAC.String() // annotated below
	for _, c := range []struct {
		search   string
		byID     bool
		atLeast  int
		annotate bool
	}{
		{target, true, 1, true},
		{"198.51.100", false, maxBound + 1, true},
		{"nothing-has-this", true, 0, false},
	} {
		cc := &searchConn{Conn: st.conn, annotations: make(chan struct{})}
		st.conn = cc
		start := time.Now()
		got, err := st.Assets(ctx, store.AssetFilter{Search: c.search})
		st.conn = cc.Conn
		if err != nil {
			t.Fatalf("search %q: %v", c.search, err)
		}
		var want, ids []string
		for i := range all {
			if store.SearchMatch(&all[i].Record, c.search) {
				want = append(want, all[i].Record.AssetID)
			}
		}
		for i := range got {
			ids = append(ids, got[i].Record.AssetID)
			if a := &got[i].Record; a.Approved == nil {
				t.Errorf("search %q: %s listed without its annotation", c.search, a.AssetID)
			}
		}
		if !slices.Equal(ids, want) || len(ids) < c.atLeast {
			t.Errorf("search %q: listed %d assets, SearchMatch selects %d", c.search, len(ids), len(want))
		}
		if c.search == target && (len(got) != 1 || got[0].Record.Site != "hq") {
			t.Errorf("search %q: %d assets, want one with its site", c.search, len(got))
		}
		var listing string
		for _, q := range cc.queries {
			if strings.HasPrefix(q, "SELECT id, state") {
				listing = q
			}
		}
		switch {
		case c.byID && strings.Contains(listing, "asset_search"):
			t.Errorf("search %q: the listing reads the index by a subquery: %.200s", c.search, listing)
		case !c.byID && !strings.Contains(listing, "asset_search"):
			t.Errorf("search %q, more than %d candidates: the listing does not read the index: %.200s", c.search, maxBound, listing)
		}
		if c.byID && c.annotate && time.Since(start) >= annotationsWait {
			t.Errorf("search %q: the annotations were read after the assets, not beside them", c.search)
		}
	}
}
