package serve

import (
	"encoding/base64"
	"fmt"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/netcensus/netcensus/internal/timespec"
	"github.com/netcensus/netcensus/inventory/store"
)

// Listing bounds.
const (
	defaultLimit = 1000
	maxLimit     = 200_000
	maxSearch    = 128
)

// assetQuery is a parsed GET /api/v1/assets: the store applies all of
// its filter (search and cursor included); the listing stops at limit.
type assetQuery struct {
	filter store.AssetFilter
	// site is applied here, as the assets come (an annotation the
	// store's filter does not know).
	site  string
	limit int
}

var assetParams = []string{"state", "vendor", "type", "site", "subnet", "approved", "seen_since", "q", "sort", "dir", "limit", "cursor"}

// badRequest is a client error with a message for the client.
type badRequest struct{ msg string }

func (b badRequest) Error() string { return b.msg }

func badf(format string, args ...any) error { return badRequest{fmt.Sprintf(format, args...)} }

// checkParams refuses parameters the route does not know, and repeats.
func checkParams(v url.Values, known []string) error {
	for k, vs := range v {
		if !slices.Contains(known, k) {
			return badf("unknown query parameter %s (known: %s)", clip(k), strings.Join(known, ", "))
		}
		if len(vs) > 1 {
			return badf("query parameter %q given %d times", k, len(vs))
		}
	}
	return nil
}

func clip(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return strconv.Quote(s)
}

// parseAssetQuery parses a listing's query parameters; every error is a
// badRequest naming the parameter.
func parseAssetQuery(v url.Values, now time.Time) (assetQuery, error) {
	q := assetQuery{limit: defaultLimit}
	if err := checkParams(v, assetParams); err != nil {
		return q, err
	}
	// The CLI's --state reads through the same parser: one behaviour.
	sts, err := store.ParseStates([]string{v.Get("state")})
	if err != nil {
		return q, badRequest{err.Error()}
	}
	q.filter.States = sts
	if s := v.Get("vendor"); s != "" {
		if err := plainText("vendor", s); err != nil {
			return q, err
		}
		q.filter.Vendor = s
	}
	if s := v.Get("type"); s != "" {
		if err := plainText("type", s); err != nil {
			return q, err
		}
		q.filter.DeviceType = s
	}
	if s := v.Get("site"); s != "" {
		if err := plainText("site", s); err != nil {
			return q, err
		}
		q.site = s
	}
	if s := v.Get("subnet"); s != "" {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return q, badf("subnet %s: want a CIDR such as 192.0.2.0/24", clip(s))
		}
		q.filter.Subnet = p.Masked()
	}
	if s := v.Get("approved"); s != "" {
		b, err := strconv.ParseBool(s)
		if err != nil {
			return q, badf("approved %s: want true or false", clip(s))
		}
		q.filter.Approved, q.filter.Unapproved = b, !b
	}
	if s := v.Get("seen_since"); s != "" {
		t, err := timespec.ParseSince(s, now)
		if err != nil {
			return q, badf("seen_since %s: %v", clip(s), err)
		}
		q.filter.SeenSince = t
	}
	if s := v.Get("q"); s != "" {
		if err := searchText(s); err != nil {
			return q, err
		}
		q.filter.Search = s
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxLimit {
			return q, badf("limit %s: want 1 to %d", clip(s), maxLimit)
		}
		q.limit = n
	}
	if s := v.Get("sort"); s != "" {
		if !store.IsSortKey(s) {
			return q, badf("sort %s: want one of %s", clip(s), strings.Join(store.SortKeys, ", "))
		}
		q.filter.Sort = s
	}
	switch s := v.Get("dir"); s {
	case "", "asc":
	case "desc":
		q.filter.Desc = true
	default:
		return q, badf("dir %s: want asc or desc", clip(s))
	}
	if s := v.Get("cursor"); s != "" && q.filter.Sort != "" {
		sort, key, id, ok := parseSortedCursor(s)
		if !ok || sort != q.filter.Sort {
			return q, badf("cursor %s: not a cursor this API gave for sort %s", clip(s), q.filter.Sort)
		}
		q.filter.After, q.filter.AfterKey = id, key
	} else if s != "" {
		b, err := base64.RawURLEncoding.DecodeString(s)
		if err != nil || len(b) == 0 || len(b) > 64 || !utf8.Valid(b) || !idChars(string(b)) {
			return q, badf("cursor %s: not a cursor this API gave", clip(s))
		}
		q.filter.After = string(b)
	}
	return q, nil
}

func idChars(s string) bool {
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-') {
			return false
		}
	}
	return true
}

func cursorFor(id string) string { return base64.RawURLEncoding.EncodeToString([]byte(id)) }

// sortedCursorFor is a sorted listing's cursor: the sort, the last
// asset's sort value (store.SortValue) and its ID, so the next page is
// the store's keyset range after them.
func sortedCursorFor(sort, key, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(sort + "\n" + id + "\n" + key))
}

func parseSortedCursor(s string) (sort, key, id string, ok bool) {
	if len(s) > 2048 {
		return "", "", "", false
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || !utf8.Valid(b) {
		return "", "", "", false
	}
	parts := strings.SplitN(string(b), "\n", 3)
	if len(parts) != 3 || len(parts[1]) == 0 || len(parts[1]) > 64 || !idChars(parts[1]) || !store.IsSortKey(parts[0]) {
		return "", "", "", false
	}
	return parts[0], parts[2], parts[1], true
}

// plainText refuses control characters and overlong filter values.
func plainText(name, s string) error {
	if len(s) > maxSearch || !utf8.ValidString(s) {
		return badf("%s: at most %d bytes of UTF-8", name, maxSearch)
	}
	for _, c := range s {
		if c < 0x20 || c == 0x7f {
			return badf("%s: control characters are not allowed", name)
		}
	}
	return nil
}

// searchText allows what addresses, names, serials and models are made
// of; quotes, semicolons, angle brackets, backslashes and control
// characters are refused with a 400, not searched for.
func searchText(s string) error {
	if err := plainText("q", s); err != nil {
		return err
	}
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c > 0x7f:
		case strings.ContainsRune(" .:-_/()+,#@", c):
		default:
			return badf("q: %q is not allowed in a search (letters, digits, spaces and . : - _ / ( ) + , # @ are)", c)
		}
	}
	return nil
}

// match applies what the store's filter does not: the site.
func (q *assetQuery) match(a *store.Asset) bool {
	return q.site == "" || strings.EqualFold(a.Record.Site, q.site)
}
