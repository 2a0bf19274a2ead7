package web

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/serve"
)

// safeNext keeps a sign-in's return path on this site.
func safeNext(s string) string {
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "/\\") || strings.HasPrefix(s, "/signin") {
		return "/inventory"
	}
	return s
}

type signinData struct {
	Next  string
	Error string
}

func (u *UI) signinPage(w http.ResponseWriter, r *http.Request) {
	if s := u.current(w, r); s != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	u.render(w, r, http.StatusOK, "signin", nil, pageData{Title: "Sign in", Data: signinData{Next: safeNext(r.URL.Query().Get("next"))}})
}

// signin trades an API token for a session: the token is checked by the
// API's own Authorize (read, then write scope).
func (u *UI) signin(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
	next := safeNext(r.PostFormValue("next"))
	if o := r.Header.Get("Origin"); o != "" {
		if ou, err := url.Parse(o); err != nil || ou.Host != r.Host {
			u.render(w, r, http.StatusForbidden, "error", nil, pageData{Title: "Refused", Message: "Sign-in from another site."})
			return
		}
	}
	token := strings.TrimSpace(r.PostFormValue("token"))
	probe, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "/", nil)
	probe.Header.Set("Authorization", "Bearer "+token)
	actor, code, _ := u.api.Authorize(probe, "read")
	if token == "" || code != 0 {
		if !u.signins.Allow() {
			// A guesser's pace is bounded: the answer waits for the limiter.
			_ = u.signins.Wait(r.Context())
		}
		u.render(w, r, http.StatusUnauthorized, "signin", nil, pageData{Title: "Sign in", Data: signinData{Next: next, Error: "That token is not valid here."}})
		return
	}
	_, wcode, _ := u.api.Authorize(probe, "write")
	s := u.sessions.add(actor, token, wcode == 0)
	u.setCookie(w, r, s)
	u.log.Info("ui sign-in", "actor", actor, "write", s.write)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (u *UI) signout(w http.ResponseWriter, r *http.Request, s *session) {
	u.sessions.remove(s.id)
	u.setCookie(w, r, nil)
	http.Redirect(w, r, "/signin", http.StatusSeeOther)
}

// needWrite refuses a change from a read-only session before the API
// would (it refuses too: the UI holds no power of its own).
func (u *UI) needWrite(w http.ResponseWriter, r *http.Request, s *session) bool {
	if s.write {
		return true
	}
	u.render(w, r, http.StatusForbidden, "error", s, pageData{Title: "Refused", Message: "This session has read scope: changes need a token with write scope."})
	return false
}

// unknownRow is an unapproved asset as the Unknown page shows it.
type unknownRow struct {
	ID, URL, IP, MAC, Vendor, Name, Type, Seen string
	FirstSeen                                  time.Time
	Sources                                    []string
	Site, Role, Owner                          string
	Tags                                       []string
}

type unknownData struct {
	S       *sessionView
	Rows    []unknownRow
	Since   string
	Message string
	// NextURL is the next (older) page; Paged when this is not the first.
	NextURL string
	Paged   bool
}

// maxUnknown bounds the devices one change names.
const maxUnknown = 1000

// unknownPage is the Unknown list's rows per page.
const unknownPage = 200

// unknownList reads one page of the Unknown list: unapproved current
// assets, newest first (sorted by the store, first seen then ID, both
// descending), from the cursor on.
func (u *UI) unknownList(r *http.Request, s *session, cursor string) (unknownData, error) {
	v := url.Values{"approved": {"false"}, "state": {"new,active,missing,returned"}, "sort": {"first_seen"}, "dir": {"desc"},
		"limit": {strconv.Itoa(unknownPage)}}
	if cursor != "" {
		v.Set("cursor", cursor)
	}
	var l listing
	if err := u.call(r.Context(), s, http.MethodGet, "/api/v1/assets", v, nil, &l); err != nil {
		return unknownData{}, err
	}
	d := unknownData{S: view(s), Since: u.opts.Now().UTC().Format(time.RFC3339), Paged: cursor != ""}
	if l.NextCursor != "" {
		d.NextURL = "/unknown?cursor=" + url.QueryEscape(l.NextCursor)
	}
	for i := range l.Assets {
		a := &l.Assets[i]
		row := unknownRow{ID: a.AssetID, URL: "/assets/" + url.PathEscape(a.AssetID), IP: ipText(a), MAC: a.MAC.String(),
			Vendor: cmp.Or(a.Vendor, a.MACVendor), Name: a.Name(), Type: a.DeviceType, FirstSeen: a.FirstSeen,
			Site: a.Site, Role: a.Role, Owner: a.Owner, Tags: a.Tags}
		for _, src := range a.Sources {
			row.Sources = append(row.Sources, string(src))
		}
		d.Rows = append(d.Rows, row)
	}
	return d, nil
}

func (u *UI) unknown(w http.ResponseWriter, r *http.Request, s *session) {
	d, err := u.unknownList(r, s, r.URL.Query().Get("cursor"))
	if err != nil {
		u.fail(w, r, s, err)
		return
	}
	d.Message = r.URL.Query().Get("done")
	if len(d.Message) > 200 {
		d.Message = ""
	}
	if r.Header.Get("HX-Request") != "" && r.Header.Get("HX-Target") == "unknown-list" {
		u.fragment(w, "unknown", "list", d)
		return
	}
	u.render(w, r, http.StatusOK, "unknown", s, pageData{Title: "Unknown devices", Nav: "unknown", Data: d})
}

// unknownChange approves the chosen assets, or sets their site, role,
// owner and tags, through the API (one call per asset).
func (u *UI) unknownChange(w http.ResponseWriter, r *http.Request, s *session) {
	if !u.needWrite(w, r, s) {
		return
	}
	ids := r.PostForm["id"]
	action := r.PostFormValue("action")
	if one := r.PostFormValue("approve_one"); one != "" {
		ids, action = []string{one}, "approve"
	}
	if len(ids) == 0 || len(ids) > maxUnknown {
		u.render(w, r, http.StatusBadRequest, "error", s, pageData{Title: "Bad request", Message: "Choose at least one device (and at most 1000)."})
		return
	}
	var msg string
	switch action {
	case "approve":
		for _, id := range ids {
			if err := u.call(r.Context(), s, http.MethodPost, "/api/v1/assets/"+url.PathEscape(id)+"/approve", nil, nil, nil); err != nil {
				u.fail(w, r, s, err)
				return
			}
		}
		msg = fmt.Sprintf("Approved %d device(s).", len(ids))
	case "set":
		body, err := changesFrom(r)
		if err != nil {
			u.render(w, r, http.StatusBadRequest, "error", s, pageData{Title: "Bad request", Message: err.Error()})
			return
		}
		for _, id := range ids {
			if err := u.call(r.Context(), s, http.MethodPatch, "/api/v1/assets/"+url.PathEscape(id), nil, body, nil); err != nil {
				u.fail(w, r, s, err)
				return
			}
		}
		msg = fmt.Sprintf("Updated %d device(s).", len(ids))
	default:
		u.render(w, r, http.StatusBadRequest, "error", s, pageData{Title: "Bad request", Message: "action: want approve or set"})
		return
	}
	if r.Header.Get("HX-Request") != "" {
		d, err := u.unknownList(r, s, "")
		if err != nil {
			u.fail(w, r, s, err)
			return
		}
		d.Message = msg
		u.fragment(w, "unknown", "list", d)
		return
	}
	http.Redirect(w, r, "/unknown?done="+url.QueryEscape(msg), http.StatusSeeOther)
}

// changesFrom reads site, role, owner and tags fields: an empty field is
// left as it is; tags are comma-separated and "-" clears them.
func changesFrom(r *http.Request) (map[string]any, error) {
	body := map[string]any{}
	for _, k := range []string{"site", "role", "owner"} {
		if v := strings.TrimSpace(r.PostFormValue(k)); v != "" {
			if v == "-" {
				v = ""
			}
			body[k] = v
		}
	}
	if v := strings.TrimSpace(r.PostFormValue("tags")); v != "" {
		tags := []string{}
		if v != "-" {
			for _, t := range strings.Split(v, ",") {
				if t = strings.TrimSpace(t); t != "" {
					tags = append(tags, t)
				}
			}
		}
		body["tags"] = tags
	}
	if len(body) == 0 {
		return nil, errors.New("Fill in at least one of site, role, owner, tags (\"-\" clears one).")
	}
	return body, nil
}

// events relays the API's event stream (server-sent events) to the
// browser, for the live Unknown list and sweep pages.
func (u *UI) events(w http.ResponseWriter, r *http.Request, s *session) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	v := url.Values{}
	if t := r.URL.Query().Get("type"); t != "" {
		v.Set("type", t)
	}
	err := u.streamSSE(r, s, v, func(body io.Reader) error {
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(http.StatusOK)
		fl.Flush()
		buf := make([]byte, 4096)
		for {
			n, err := body.Read(buf)
			if n > 0 {
				if _, werr := w.Write(buf[:n]); werr != nil {
					return werr
				}
				fl.Flush()
			}
			if err != nil {
				return nil
			}
		}
	})
	if err != nil && r.Context().Err() == nil {
		var ae *apiError
		if errors.As(err, &ae) {
			http.Error(w, ae.Msg, ae.Code)
			return
		}
		u.log.Error("ui events", "err", err)
	}
}

// streamSSE is stream with Accept: text/event-stream.
func (u *UI) streamSSE(r *http.Request, s *session, v url.Values, read func(io.Reader) error) error {
	return u.streamWith(r.Context(), s, "/api/v1/events", v, http.Header{"Accept": {"text/event-stream"}}, read)
}

// assetData is the asset page.
type assetData struct {
	S          *sessionView
	D          serve.AssetDetails
	Name       string
	Identity   []identityRow
	Events     []serve.EventView
	Addresses  []serve.KeyView
	AddrEvents []serve.EventView
	SwEvents   []serve.EventView
	Drift      []driftState
	Charts     []chart
	Message    string
	// Where is the switch port it is plugged into and has been (nil:
	// never located).
	Where *inventory.Whereabouts
}

type identityRow struct {
	Field, Value string
	Evidence     *record.Evidence
}

type driftState struct {
	Baseline, State string
	Since           time.Time
	Findings        []string
}

func (u *UI) asset(w http.ResponseWriter, r *http.Request, s *session) {
	id := r.PathValue("id")
	var d serve.AssetDetails
	if err := u.call(r.Context(), s, http.MethodGet, "/api/v1/assets/"+url.PathEscape(id), nil, nil, &d); err != nil {
		u.fail(w, r, s, err)
		return
	}
	a := &d.Asset
	ad := assetData{S: view(s), D: d, Name: cmp.Or(a.Name(), ipText(a), a.AssetID), Message: r.URL.Query().Get("done")}
	if len(ad.Message) > 200 {
		ad.Message = ""
	}
	add := func(field, value string) {
		if value == "" {
			return
		}
		row := identityRow{Field: field, Value: value}
		if e, ok := a.Evidence[field]; ok {
			row.Evidence = &e
		}
		ad.Identity = append(ad.Identity, row)
	}
	add("ip", ipText(a))
	add("mac", a.MAC.String())
	add("hostname", a.Hostname)
	add("mac_vendor", a.MACVendor)
	add("vendor", a.Vendor)
	add("model", a.Model)
	add("serial", a.Serial)
	add("os", a.OS)
	add("os_version", a.OSVersion)
	add("device_type", a.DeviceType)
	add("sys_name", a.SysName)
	add("sys_descr", a.SysDescr)
	add("sys_object_id", a.SysObjectID)
	add("sys_location", a.SysLocation)
	add("sys_contact", a.SysContact)
	if a.SysUptimeS > 0 {
		add("sys_uptime_s", (time.Duration(a.SysUptimeS) * time.Second).String())
	}
	var srcs []string
	for _, x := range a.Sources {
		srcs = append(srcs, string(x))
	}
	add("sources", strings.Join(srcs, ", "))
	add("state", a.State)
	for i := len(d.History) - 1; i >= 0; i-- {
		e := d.History[i]
		ad.Events = append(ad.Events, e)
		switch {
		case e.Type == "change" && (e.Field == "ip" || e.Field == "mac" || e.Field == "ips" || e.Field == "macs"):
			ad.AddrEvents = append(ad.AddrEvents, e)
		case strings.HasPrefix(e.Type, "software_"):
			ad.SwEvents = append(ad.SwEvents, e)
		}
	}
	ad.Events = ad.Events[:min(len(ad.Events), 500)]
	for _, k := range d.Keys {
		if k.Kind == "ip" || k.Kind == "mac" {
			ad.Addresses = append(ad.Addresses, k)
		}
	}
	slices.SortStableFunc(ad.Addresses, func(x, y serve.KeyView) int { return y.FirstSeen.Compare(x.FirstSeen) })
	ad.Drift = driftOf(d.History)
	ad.Charts = charts(d.Capacity)
	if a.Location != nil {
		var wh inventory.Whereabouts
		if err := u.call(r.Context(), s, http.MethodGet, "/api/v1/assets/"+url.PathEscape(a.AssetID)+"/location", nil, nil, &wh); err != nil {
			u.log.Warn("ui asset location", "asset", a.AssetID, "err", err)
			wh = inventory.Whereabouts{Current: a.Location}
		}
		slices.Reverse(wh.History) // newest first
		ad.Where = &wh
	}
	u.render(w, r, http.StatusOK, "asset", s, pageData{Title: ad.Name, Nav: "inventory", Data: ad})
}

// driftOf reads the asset's compliance against each baseline from the
// compliance events drift records after every sweep: the latest state per
// baseline, with the findings still open.
func driftOf(es []serve.EventView) []driftState {
	by := map[string]*driftState{}
	open := map[string]map[string]string{}
	var order []string
	for _, e := range es {
		if e.Type != drift.EventCompliance {
			continue
		}
		base, rest, finding := strings.Cut(e.Field, "/")
		st := by[base]
		if st == nil {
			st = &driftState{Baseline: base}
			by[base] = st
			order = append(order, base)
			open[base] = map[string]string{}
		}
		if !finding {
			st.State, st.Since = e.New, e.Time
			continue
		}
		if strings.HasPrefix(e.New, "violation") {
			open[base][rest] = e.New
		} else {
			delete(open[base], rest)
		}
	}
	var out []driftState
	for _, b := range order {
		st := by[b]
		for k, v := range open[b] {
			st.Findings = append(st.Findings, k+": "+v)
		}
		slices.Sort(st.Findings)
		out = append(out, *st)
	}
	return out
}

func (u *UI) assetChange(w http.ResponseWriter, r *http.Request, s *session) {
	if !u.needWrite(w, r, s) {
		return
	}
	id := r.PathValue("id")
	path := "/api/v1/assets/" + url.PathEscape(id)
	var msg string
	switch r.PostFormValue("action") {
	case "approve":
		if err := u.call(r.Context(), s, http.MethodPost, path+"/approve", nil, nil, nil); err != nil {
			u.fail(w, r, s, err)
			return
		}
		msg = "Approved."
	case "set":
		body, err := changesFrom(r)
		if err != nil {
			u.render(w, r, http.StatusBadRequest, "error", s, pageData{Title: "Bad request", Message: err.Error()})
			return
		}
		if err := u.call(r.Context(), s, http.MethodPatch, path, nil, body, nil); err != nil {
			u.fail(w, r, s, err)
			return
		}
		msg = "Saved."
	default:
		u.render(w, r, http.StatusBadRequest, "error", s, pageData{Title: "Bad request", Message: "action: want approve or set"})
		return
	}
	http.Redirect(w, r, "/assets/"+url.PathEscape(id)+"?done="+url.QueryEscape(msg), http.StatusSeeOther)
}

// sweepsData is the Sweeps page.
type sweepsData struct {
	S         *sessionView
	Sweeps    []serve.SweepView
	Schedules []serve.ScheduleView
	Runs      []serve.Run
	Error     string
}

func (u *UI) sweeps(w http.ResponseWriter, r *http.Request, s *session) {
	var d sweepsData
	d.S = view(s)
	var sw struct {
		Sweeps []serve.SweepView `json:"sweeps"`
	}
	var sc struct {
		Schedules []serve.ScheduleView `json:"schedules"`
	}
	var rn struct {
		Runs []serve.Run `json:"runs"`
	}
	for _, c := range []struct {
		path string
		q    url.Values
		out  any
	}{{"/api/v1/sweeps", url.Values{"limit": {"50"}}, &sw}, {"/api/v1/schedules", nil, &sc}, {"/api/v1/runs", nil, &rn}} {
		if err := u.call(r.Context(), s, http.MethodGet, c.path, c.q, nil, c.out); err != nil {
			u.fail(w, r, s, err)
			return
		}
	}
	d.Sweeps, d.Schedules, d.Runs = sw.Sweeps, sc.Schedules, rn.Runs[:min(len(rn.Runs), 20)]
	if r.Header.Get("HX-Request") != "" && r.Header.Get("HX-Target") == "runs" {
		u.fragment(w, "sweeps", "runs", d)
		return
	}
	u.render(w, r, http.StatusOK, "sweeps", s, pageData{Title: "Sweeps and schedules", Nav: "sweeps", Data: d})
}

// sweepRun triggers a sweep (a schedule's, or of targets) and shows its
// progress.
func (u *UI) sweepRun(w http.ResponseWriter, r *http.Request, s *session) {
	if !u.needWrite(w, r, s) {
		return
	}
	body := map[string]any{}
	if sc := strings.TrimSpace(r.PostFormValue("schedule")); sc != "" {
		body["schedule"] = sc
	} else {
		var ts []string
		for _, t := range strings.FieldsFunc(r.PostFormValue("targets"), func(c rune) bool { return c == ',' || c == ' ' || c == '\n' || c == '\r' }) {
			ts = append(ts, t)
		}
		body["targets"] = ts
	}
	var run serve.Run
	if err := u.call(r.Context(), s, http.MethodPost, "/api/v1/runs", nil, body, &run); err != nil {
		u.fail(w, r, s, err)
		return
	}
	http.Redirect(w, r, "/runs/"+url.PathEscape(run.ID), http.StatusSeeOther)
}

type runData struct {
	Run     serve.Run
	Pct     int
	Running bool
}

func runDataOf(run serve.Run) runData {
	d := runData{Run: run, Running: run.State == serve.RunRunning}
	if run.Total > 0 {
		d.Pct = int(min(100, run.Sent*100/run.Total))
	}
	if !d.Running {
		d.Pct = 100
	}
	return d
}

// Running is whether one of the recent runs is running.
func (d sweepsData) Running() bool {
	for _, r := range d.Runs {
		if r.State == serve.RunRunning {
			return true
		}
	}
	return false
}

func (u *UI) run(w http.ResponseWriter, r *http.Request, s *session) {
	var run serve.Run
	if err := u.call(r.Context(), s, http.MethodGet, "/api/v1/runs/"+url.PathEscape(r.PathValue("id")), nil, nil, &run); err != nil {
		u.fail(w, r, s, err)
		return
	}
	d := runDataOf(run)
	if r.Header.Get("HX-Request") != "" && r.Header.Get("HX-Target") == "run" {
		u.fragment(w, "run", "progress", d)
		return
	}
	u.render(w, r, http.StatusOK, "run", s, pageData{Title: "Sweep " + run.State, Nav: "sweeps", Data: d})
}
