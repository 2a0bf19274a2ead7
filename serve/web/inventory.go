package web

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/record"
)

// column is one inventory column a user may choose.
type column struct {
	Key, Label string
	get        func(a *record.Asset) string
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04")
}

func ipText(a *record.Asset) string {
	if a.IP.IsValid() {
		return a.IP.String()
	}
	return ""
}

func approvedText(a *record.Asset) string {
	if a.Approved != nil && *a.Approved {
		return "yes"
	}
	return "no"
}

var columns = []column{
	{"ip", "IP", ipText},
	{"mac", "MAC", func(a *record.Asset) string { return a.MAC.String() }},
	{"hostname", "Hostname", func(a *record.Asset) string { return a.Name() }},
	{"vendor", "Vendor", func(a *record.Asset) string { return cmp.Or(a.Vendor, a.MACVendor) }},
	{"model", "Model", func(a *record.Asset) string { return a.Model }},
	{"serial", "Serial", func(a *record.Asset) string { return a.Serial }},
	{"os", "OS / version", func(a *record.Asset) string { return strings.TrimSpace(a.OS + " " + a.OSVersion) }},
	{"type", "Type", func(a *record.Asset) string { return a.DeviceType }},
	{"site", "Site", func(a *record.Asset) string { return a.Site }},
	{"state", "State", func(a *record.Asset) string { return a.State }},
	{"approved", "Approved", approvedText},
	{"first_seen", "First seen", func(a *record.Asset) string { return timeText(a.FirstSeen) }},
	{"last_seen", "Last seen", func(a *record.Asset) string { return timeText(a.LastSeen) }},
}

var defaultColumns = []string{"ip", "mac", "hostname", "vendor", "model", "type", "state", "last_seen"}

func columnByKey(k string) (column, bool) {
	for _, c := range columns {
		if c.Key == k {
			return c, true
		}
	}
	return column{}, false
}

// filterParams are the inventory's filters, passed to the API as they are.
var filterParams = []string{"q", "state", "type", "vendor", "site", "subnet", "approved"}

// sortCap bounds a sorted view: the API lists in ID order (the order
// assets were first seen), so another order is made here, over at most
// this many matches.
const sortCap = 5000

// invQuery is the inventory page's parsed query.
type invQuery struct {
	filters url.Values // API parameters
	cols    []column
	sort    string
	desc    bool
	cursor  string
	offset  int
}

func parseInv(v url.Values) invQuery {
	q := invQuery{filters: url.Values{}}
	for _, k := range filterParams {
		if x := strings.TrimSpace(v.Get(k)); x != "" {
			q.filters.Set(k, x)
		}
	}
	for _, k := range v["cols"] {
		if c, ok := columnByKey(k); ok && !slices.ContainsFunc(q.cols, func(x column) bool { return x.Key == k }) {
			q.cols = append(q.cols, c)
		}
	}
	if len(q.cols) == 0 {
		for _, k := range defaultColumns {
			c, _ := columnByKey(k)
			q.cols = append(q.cols, c)
		}
	}
	if _, ok := columnByKey(v.Get("sort")); ok {
		q.sort = v.Get("sort")
		q.desc = v.Get("dir") == "desc"
	}
	q.cursor = v.Get("cursor")
	if n, err := strconv.Atoi(v.Get("offset")); err == nil && n > 0 && n < sortCap {
		q.offset = n
	}
	return q
}

// values is the query as a link's parameters (without paging).
func (q invQuery) values() url.Values {
	v := url.Values{}
	for k, x := range q.filters {
		v[k] = x
	}
	if !q.defaultCols() {
		for _, c := range q.cols {
			v.Add("cols", c.Key)
		}
	}
	if q.sort != "" {
		v.Set("sort", q.sort)
		if q.desc {
			v.Set("dir", "desc")
		}
	}
	return v
}

func (q invQuery) defaultCols() bool {
	if len(q.cols) != len(defaultColumns) {
		return false
	}
	for i, c := range q.cols {
		if c.Key != defaultColumns[i] {
			return false
		}
	}
	return true
}

func link(path string, v url.Values) string {
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// listing is the API's GET /api/v1/assets answer.
type listing struct {
	Assets     []record.Asset `json:"assets"`
	Count      int            `json:"count"`
	NextCursor string         `json:"next_cursor"`
}

type headerCell struct {
	Label, SortURL, Arrow string
}

type row struct {
	ID    string
	URL   string
	Cells []string
}

type invData struct {
	Filters     map[string]string
	States      []string
	Columns     []column
	Chosen      map[string]bool
	Header      []headerCell
	Rows        []row
	Error       string
	NextURL     string
	FirstURL    string
	PrevURL     string
	SortNote    string
	CSVURL      string
	XLSXURL     string
	Shown       int
	Elapsed     string
	ResultsOnly bool
}

var stateNames = []string{"new", "active", "missing", "returned", "retired"}

func (u *UI) inventory(w http.ResponseWriter, r *http.Request, s *session) {
	start := time.Now()
	q := parseInv(r.URL.Query())
	d := invData{Filters: map[string]string{}, States: stateNames, Columns: columns, Chosen: map[string]bool{}}
	for _, k := range filterParams {
		d.Filters[k] = q.filters.Get(k)
	}
	for _, c := range q.cols {
		d.Chosen[c.Key] = true
	}
	base := q.values()
	for _, c := range q.cols {
		v := q.values()
		v.Set("sort", c.Key)
		v.Del("dir")
		h := headerCell{Label: c.Label}
		if q.sort == c.Key {
			if q.desc {
				h.Arrow = "▼"
			} else {
				h.Arrow = "▲"
				v.Set("dir", "desc")
			}
		}
		h.SortURL = link("/inventory", v)
		d.Header = append(d.Header, h)
	}
	d.FirstURL = link("/inventory", base)
	ev := url.Values{}
	for k, x := range base {
		ev[k] = x
	}
	ev.Set("format", "csv")
	d.CSVURL = link("/inventory/export", ev)
	ev.Set("format", "xlsx")
	d.XLSXURL = link("/inventory/export", ev)

	assets, next, truncated, err := u.page(r, s, q)
	var ae *apiError
	switch {
	case errors.As(err, &ae) && ae.Code == http.StatusBadRequest:
		d.Error = ae.Msg
	case err != nil:
		u.fail(w, r, s, err)
		return
	}
	for i := range assets {
		a := &assets[i]
		rw := row{ID: a.AssetID, URL: "/assets/" + url.PathEscape(a.AssetID)}
		for _, c := range q.cols {
			rw.Cells = append(rw.Cells, c.get(a))
		}
		d.Rows = append(d.Rows, rw)
	}
	d.Shown = len(d.Rows)
	if next != "" {
		v := q.values()
		if q.sort != "" {
			v.Set("offset", next)
		} else {
			v.Set("cursor", next)
		}
		d.NextURL = link("/inventory", v)
	}
	if q.sort != "" && q.offset > 0 {
		v := q.values()
		if p := q.offset - u.opts.PageSize; p > 0 {
			v.Set("offset", strconv.Itoa(p))
		}
		d.PrevURL = link("/inventory", v)
	}
	if truncated {
		d.SortNote = fmt.Sprintf("Sorted views cover the first %d matches; narrow the search or filters to sort them all.", sortCap)
	}
	d.Elapsed = time.Since(start).Round(time.Millisecond).String()
	w.Header().Set("Server-Timing", fmt.Sprintf("app;dur=%.1f", float64(time.Since(start).Microseconds())/1000))
	if r.Header.Get("HX-Request") != "" && r.Header.Get("HX-Target") == "results" {
		d.ResultsOnly = true
		u.fragment(w, "inventory", "results", d)
		return
	}
	u.render(w, r, http.StatusOK, "inventory", s, pageData{Title: "Inventory", Nav: "inventory", Data: d})
}

// page reads one page of the inventory through the API: by cursor in the
// API's order, or sorted here over the first sortCap matches.
func (u *UI) page(r *http.Request, s *session, q invQuery) (page []record.Asset, next string, truncated bool, err error) {
	v := url.Values{}
	for k, x := range q.filters {
		v[k] = x
	}
	if q.sort == "" {
		v.Set("limit", strconv.Itoa(u.opts.PageSize))
		if q.cursor != "" {
			v.Set("cursor", q.cursor)
		}
		var l listing
		if err := u.call(r.Context(), s, http.MethodGet, "/api/v1/assets", v, nil, &l); err != nil {
			return nil, "", false, err
		}
		return l.Assets, l.NextCursor, false, nil
	}
	v.Set("limit", strconv.Itoa(sortCap))
	var l listing
	if err := u.call(r.Context(), s, http.MethodGet, "/api/v1/assets", v, nil, &l); err != nil {
		return nil, "", false, err
	}
	sortAssets(l.Assets, q.sort, q.desc)
	lo := min(q.offset, len(l.Assets))
	hi := min(lo+u.opts.PageSize, len(l.Assets))
	if hi < len(l.Assets) {
		next = strconv.Itoa(hi)
	}
	return l.Assets[lo:hi], next, l.NextCursor != "", nil
}

func sortAssets(as []record.Asset, key string, desc bool) {
	c, _ := columnByKey(key)
	less := func(a, b *record.Asset) int {
		var x int
		switch key {
		case "ip":
			x = a.IP.Compare(b.IP)
		case "first_seen":
			x = a.FirstSeen.Compare(b.FirstSeen)
		case "last_seen":
			x = a.LastSeen.Compare(b.LastSeen)
		default:
			x = strings.Compare(strings.ToLower(c.get(a)), strings.ToLower(c.get(b)))
		}
		if x == 0 {
			x = strings.Compare(a.AssetID, b.AssetID)
		}
		if desc {
			return -x
		}
		return x
	}
	slices.SortStableFunc(as, func(a, b record.Asset) int { return less(&a, &b) })
}

// export writes the current view (filters and order) as CSV or XLSX
// through the exporters, every match rather than one page: the API's
// listing is streamed, record by record, into the writer.
func (u *UI) export(w http.ResponseWriter, r *http.Request, s *session) {
	q := parseInv(r.URL.Query())
	format := r.URL.Query().Get("format")
	if format != "csv" && format != "xlsx" {
		u.render(w, r, http.StatusBadRequest, "error", s, pageData{Title: "Bad request", Message: "format: want csv or xlsx"})
		return
	}
	v := url.Values{}
	for k, x := range q.filters {
		v[k] = x
	}
	limit := 200_000
	if q.sort != "" {
		limit = sortCap
	}
	v.Set("limit", strconv.Itoa(limit))
	name := "netcensus-inventory-" + u.opts.Now().UTC().Format("20060102-150405") + "." + format
	var out interface {
		Write(*record.Asset) error
		Close() error
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	started := false
	begin := func() error {
		if started {
			return nil
		}
		started = true
		if format == "csv" {
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			out = exporters.NewCSV(bw, exporters.AssetSheet().Rows())
		} else {
			w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			x, err := exporters.NewXLSX(bw)
			if err != nil {
				return err
			}
			sh := exporters.AssetSheet()
			if err := x.Begin(sh.Name, sh.Header()); err != nil {
				return err
			}
			out = &xlsxAssets{x: x, sh: sh}
		}
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		return nil
	}
	var sorted []record.Asset
	err := u.stream(r.Context(), s, http.MethodGet, "/api/v1/assets", v, func(body io.Reader) error {
		if err := begin(); err != nil {
			return err
		}
		return eachListed(body, func(a *record.Asset) error {
			if q.sort != "" {
				sorted = append(sorted, *a)
				return nil
			}
			return out.Write(a)
		})
	})
	if err == nil && q.sort != "" {
		sortAssets(sorted, q.sort, q.desc)
		for i := range sorted {
			if err = out.Write(&sorted[i]); err != nil {
				break
			}
		}
	}
	if err != nil {
		if !started || out == nil {
			u.fail(w, r, s, err)
			return
		}
		u.log.Error("export", "err", err)
		return
	}
	if err := out.Close(); err != nil {
		u.log.Error("export", "err", err)
		return
	}
	bw.Flush()
}

// xlsxAssets adapts the XLSX workbook to the writer the export uses.
type xlsxAssets struct {
	x  *exporters.XLSX
	sh exporters.Sheet[record.Asset]
}

func (x *xlsxAssets) Write(a *record.Asset) error { return x.x.Row(x.sh.Cells(a)) }
func (x *xlsxAssets) Close() error                { return x.x.Close() }

// eachListed decodes a {"assets":[...]} listing one record at a time.
func eachListed(body io.Reader, fn func(*record.Asset) error) error {
	dec := json.NewDecoder(body)
	for {
		t, err := dec.Token()
		if err != nil {
			return fmt.Errorf("listing: %w", err)
		}
		if k, ok := t.(string); ok && k == "assets" {
			break
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return fmt.Errorf("listing: want an array of assets")
	}
	for dec.More() {
		var a record.Asset
		if err := dec.Decode(&a); err != nil {
			return fmt.Errorf("listing: %w", err)
		}
		if err := fn(&a); err != nil {
			return err
		}
	}
	return nil
}
