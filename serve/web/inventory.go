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
	// noSort: the store has no order by it.
	noSort bool
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
	{Key: "ip", Label: "IP", get: ipText},
	{Key: "mac", Label: "MAC", get: func(a *record.Asset) string { return a.MAC.String() }},
	{Key: "hostname", Label: "Hostname", get: func(a *record.Asset) string { return a.Name() }},
	{Key: "vendor", Label: "Vendor", get: func(a *record.Asset) string { return cmp.Or(a.Vendor, a.MACVendor) }},
	{Key: "model", Label: "Model", get: func(a *record.Asset) string { return a.Model }},
	{Key: "serial", Label: "Serial", get: func(a *record.Asset) string { return a.Serial }},
	{Key: "os", Label: "OS / version", get: func(a *record.Asset) string { return strings.TrimSpace(a.OS + " " + a.OSVersion) }},
	{Key: "type", Label: "Type", get: func(a *record.Asset) string { return a.DeviceType }},
	{Key: "site", Label: "Site", get: func(a *record.Asset) string { return a.Site }},
	{Key: "state", Label: "State", get: func(a *record.Asset) string { return a.State }},
	{Key: "approved", Label: "Approved", get: approvedText},
	{Key: "first_seen", Label: "First seen", get: func(a *record.Asset) string { return timeText(a.FirstSeen) }},
	{Key: "last_seen", Label: "Last seen", get: func(a *record.Asset) string { return timeText(a.LastSeen) }},
	{Key: "location", Label: "Location", get: func(a *record.Asset) string { return a.Location.String() }, noSort: true},
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

// invQuery is the inventory page's parsed query.
type invQuery struct {
	filters url.Values // API parameters
	cols    []column
	sort    string
	desc    bool
	cursor  string
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
	if c, ok := columnByKey(v.Get("sort")); ok && !c.noSort {
		q.sort = v.Get("sort")
		q.desc = v.Get("dir") == "desc"
	}
	q.cursor = v.Get("cursor")
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
	ID  string
	URL string
	// First is the linked first cell ("(none)" when empty), Cells the
	// others: worked out here, not by template calls per cell (half the
	// page's CPU went to "eq" and "if" on every cell).
	First string
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
	FirstURL    string // "" on the first page
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
		if !c.noSort {
			h.SortURL = link("/inventory", v)
		}
		d.Header = append(d.Header, h)
	}
	if q.cursor != "" {
		d.FirstURL = link("/inventory", base)
	}
	ev := url.Values{}
	for k, x := range base {
		ev[k] = x
	}
	ev.Set("format", "csv")
	d.CSVURL = link("/inventory/export", ev)
	ev.Set("format", "xlsx")
	d.XLSXURL = link("/inventory/export", ev)

	assets, next, err := u.page(r, s, q)
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
		rw := row{ID: a.AssetID, URL: "/assets/" + url.PathEscape(a.AssetID), Cells: make([]string, 0, len(q.cols)-1)}
		for i, c := range q.cols {
			if i == 0 {
				rw.First = cmp.Or(c.get(a), "(none)")
				continue
			}
			rw.Cells = append(rw.Cells, c.get(a))
		}
		d.Rows = append(d.Rows, rw)
	}
	d.Shown = len(d.Rows)
	if next != "" {
		v := q.values()
		v.Set("cursor", next)
		d.NextURL = link("/inventory", v)
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

// page reads one page of the inventory through the API, in the order
// chosen (the store sorts, by an index) from the cursor on.
func (u *UI) page(r *http.Request, s *session, q invQuery) (page []record.Asset, next string, err error) {
	v := q.apiValues()
	v.Set("limit", strconv.Itoa(u.opts.PageSize))
	if q.cursor != "" {
		v.Set("cursor", q.cursor)
	}
	var l listing
	if err := u.call(r.Context(), s, http.MethodGet, "/api/v1/assets", v, nil, &l); err != nil {
		return nil, "", err
	}
	return l.Assets, l.NextCursor, nil
}

// apiValues are the API parameters of the query: filters and order.
func (q invQuery) apiValues() url.Values {
	v := url.Values{}
	for k, x := range q.filters {
		v[k] = x
	}
	if q.sort != "" {
		v.Set("sort", q.sort)
		if q.desc {
			v.Set("dir", "desc")
		}
	}
	return v
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
	v := q.apiValues()
	v.Set("limit", "200000")
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
	err := u.stream(r.Context(), s, http.MethodGet, "/api/v1/assets", v, func(body io.Reader) error {
		if err := begin(); err != nil {
			return err
		}
		return eachListed(body, out.Write)
	})
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
