package serve

import (
	"bufio"
	"context"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/netcensus/netcensus/internal/timespec"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

//go:embed openapi.json
var openAPI []byte

// Scopes.
const (
	scopeNone  = ""      // no token needed (health)
	scopeRead  = "read"  // any token
	scopeWrite = "write" // a write token
)

// route is one API route; the OpenAPI document lists the same.
type route struct {
	method, path, scope string
	h                   func(w http.ResponseWriter, r *http.Request, actor string)
}

func (s *Server) routeTable() []route {
	return append([]route{
		{"GET", "/healthz", scopeNone, s.health},
		{"GET", "/metrics", scopeRead, s.metricsHandler},
		{"GET", "/api/v1/openapi.json", scopeRead, s.openapi},
		{"GET", "/api/v1/assets", scopeRead, s.listAssets},
		{"GET", "/api/v1/assets/{id}", scopeRead, s.getAsset},
		{"PATCH", "/api/v1/assets/{id}", scopeWrite, s.setAsset},
		{"POST", "/api/v1/assets/{id}/approve", scopeWrite, s.approveAsset},
		{"POST", "/api/v1/assets/{id}/merge", scopeWrite, s.mergeAsset},
		{"POST", "/api/v1/assets/{id}/split", scopeWrite, s.splitAsset},
		{"POST", "/api/v1/assets/{id}/retire", scopeWrite, s.retireAsset},
		{"GET", "/api/v1/events", scopeRead, s.listEvents},
		{"GET", "/api/v1/sweeps", scopeRead, s.listSweeps},
		{"GET", "/api/v1/sweeps/{id}", scopeRead, s.getSweep},
		{"GET", "/api/v1/schedules", scopeRead, s.listSchedules},
		{"GET", "/api/v1/runs", scopeRead, s.listRuns},
		{"POST", "/api/v1/runs", scopeWrite, s.startRunAPI},
		{"GET", "/api/v1/runs/{id}", scopeRead, s.getRun},
		{"GET", "/api/v1/drift", scopeRead, s.getDrift},
		{"GET", "/api/v1/capacity", scopeRead, s.getCapacity},
		{"GET", "/api/v1/alerts", scopeRead, s.listAlerts},
	}, s.locateRoutes()...)
}

// Mux is the service's mux: the API's routes are on it; a web UI adds
// its own (same tokens through Authorize).
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routeTable() {
		mux.Handle(rt.method+" "+rt.path, s.wrap(rt))
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if s.ui != nil && !strings.HasPrefix(r.URL.Path, "/api/") {
			sw := &statusWriter{ResponseWriter: w}
			defer func() { s.metrics.requests.WithLabelValues("ui", strconv.Itoa(max(sw.code, 200))).Inc() }()
			s.ui.ServeHTTP(sw, r)
			return
		}
		s.metrics.requests.WithLabelValues("unmatched", "404").Inc()
		writeError(w, http.StatusNotFound, "no such route: see /api/v1/openapi.json")
	})
	return mux
}

// statusWriter remembers the status code for the metrics.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(c int) {
	if w.code == 0 {
		w.code = c
	}
	w.ResponseWriter.WriteHeader(c)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *Server) wrap(rt route) http.Handler {
	label := rt.method + " " + rt.path
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w}
		defer func() { s.metrics.requests.WithLabelValues(label, strconv.Itoa(max(sw.code, 200))).Inc() }()
		sw.Header().Set("X-Content-Type-Options", "nosniff")
		sw.Header().Set("Cache-Control", "no-store")
		actor, code, msg := s.Authorize(r, rt.scope)
		if code != 0 {
			if code == http.StatusUnauthorized {
				sw.Header().Set("WWW-Authenticate", `Bearer realm="netcensus"`)
			}
			writeError(sw, code, msg)
			return
		}
		r.Body = http.MaxBytesReader(sw, r.Body, s.options().MaxBodyBytes)
		rt.h(sw, r, actor)
	})
}

// Authorize checks the request's bearer token against scope: the token's
// name (the actor of its changes), or an HTTP status and message. With no
// token configured (loopback only) everyone is "local" with every scope.
func (s *Server) Authorize(r *http.Request, scope string) (actor string, code int, msg string) {
	if scope == scopeNone {
		return "", 0, ""
	}
	toks := s.options().Tokens
	if len(toks) == 0 {
		return "local", 0, ""
	}
	h := r.Header.Get("Authorization")
	bearer, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || bearer == "" {
		return "", http.StatusUnauthorized, "missing bearer token (Authorization: Bearer <token>)"
	}
	var found *Token
	for i := range toks {
		// Every token is compared, in constant time each.
		if subtle.ConstantTimeCompare([]byte(bearer), []byte(toks[i].Secret)) == 1 {
			found = &toks[i]
		}
	}
	if found == nil {
		return "", http.StatusUnauthorized, "invalid token"
	}
	if scope == scopeWrite && !found.Write {
		return found.Name, http.StatusForbidden, "token " + found.Name + " has read scope; this needs write"
	}
	return found.Name, 0, ""
}

type apiError struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(apiError{Error: msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// fail maps an error to a status: bad requests 400, unknown IDs 404,
// inventory state conflicts 409, a busy store 503 with Retry-After, the
// rest 500 (logged, not shown).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var br badRequest
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &br):
		writeError(w, http.StatusBadRequest, br.msg)
	case errors.As(err, &mb):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", mb.Limit))
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found")
	case errors.Is(err, inventory.ErrState):
		writeError(w, http.StatusConflict, err.Error())
	case errors.Is(err, context.Canceled):
		// the client went away
	case errors.Is(err, store.ErrBusy):
		// The store is held by another writer or out of connections: the
		// client may try again; nothing was changed.
		s.storeError("api "+r.Method+" "+r.URL.Path, err)
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, "store busy: try again")
	default:
		s.storeError("api "+r.Method+" "+r.URL.Path, err)
		writeError(w, http.StatusInternalServerError, "internal error (logged)")
	}
}

// decode reads a JSON body strictly: one object, known fields only,
// within the size limit.
func decode(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return badf("Content-Type %s: want application/json", clip(ct))
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return badf("empty body: want a JSON object")
		}
		return badf("body: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return err
		}
		return badf("body: one JSON object only")
	}
	return nil
}

func (s *Server) health(w http.ResponseWriter, r *http.Request, _ string) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) metricsHandler(w http.ResponseWriter, r *http.Request, _ string) {
	promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}).ServeHTTP(w, r)
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request, _ string) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
}

// listAssets streams the listing as {"assets":[...],"next_cursor":"..."}:
// records are written as they are read, never built as one list.
func (s *Server) listAssets(w http.ResponseWriter, r *http.Request, _ string) {
	q, err := parseAssetQuery(r.URL.Query(), s.deps.Now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	// A long listing goes out in fewer, larger chunks (64 KB chunks cost
	// 4 % more CPU on 100,000 assets, BenchmarkListAssetsServeSide); a
	// page or a search keeps a small buffer.
	size := 64 << 10
	if q.limit > 1000 {
		size = 512 << 10
	}
	bw := bufio.NewWriterSize(w, size)
	var buf []byte // a record's JSON, as json.Encoder writes it
	n, last, lastKey, more := 0, "", "", false
	errStop := errors.New("stop")
	started := false
	f := q.filter
	if q.site == "" {
		f.Limit = q.limit + 1 // one more: is there a next page
	}
	err = s.eachAsset(r.Context(), f, func(a *store.Asset) error {
		if !q.match(a) {
			return nil
		}
		if n == q.limit {
			more = true
			return errStop
		}
		if !started {
			started = true
			bw.WriteString(`{"assets":[`)
		} else {
			bw.WriteByte(',')
		}
		n++
		last = a.Record.AssetID
		if f.Sort != "" {
			lastKey = store.SortValue(f.Sort, a)
		}
		var err error
		if buf, err = a.Record.AppendJSON(buf[:0]); err != nil {
			return err
		}
		_, err = bw.Write(append(buf, '\n'))
		return err
	})
	if err != nil && !errors.Is(err, errStop) {
		if !started {
			s.fail(w, r, err)
			return
		}
		// Mid-stream: the JSON is cut, the client sees a broken document.
		s.storeError("list assets", err)
		bw.Flush()
		return
	}
	if !started {
		bw.WriteString(`{"assets":[`)
	}
	bw.WriteString(`],"count":` + strconv.Itoa(n))
	switch {
	case more && f.Sort != "":
		bw.WriteString(`,"next_cursor":"` + sortedCursorFor(f.Sort, lastKey, last) + `"`)
	case more:
		bw.WriteString(`,"next_cursor":"` + cursorFor(last) + `"`)
	}
	bw.WriteString("}\n")
	bw.Flush()
}

// EventView is an event in the API.
type EventView struct {
	ID      string    `json:"id"`
	Time    time.Time `json:"time"`
	Seq     int64     `json:"seq"`
	SweepID string    `json:"sweep_id,omitempty"`
	AssetID string    `json:"asset_id"`
	Type    string    `json:"type"`
	Field   string    `json:"field,omitempty"`
	Old     string    `json:"old,omitempty"`
	New     string    `json:"new,omitempty"`
	Actor   string    `json:"actor,omitempty"`
}

func eventView(e store.Event) EventView {
	return EventView{ID: e.ID, Time: e.Time, Seq: e.Seq, SweepID: e.SweepID, AssetID: e.AssetID, Type: e.Type, Field: e.Field, Old: e.Old, New: e.New, Actor: e.Actor}
}

func eventViews(es []store.Event) []EventView {
	out := make([]EventView, len(es))
	for i, e := range es {
		out[i] = eventView(e)
	}
	return out
}

// AssetDetails is one asset with its history and tables.
type AssetDetails struct {
	Asset        record.Asset       `json:"asset"`
	StateSince   time.Time          `json:"state_since,omitzero"`
	MissedSweeps int                `json:"missed_sweeps"`
	LastSweepID  string             `json:"last_sweep_id,omitempty"`
	MergedInto   string             `json:"merged_into,omitempty"`
	Keys         []KeyView          `json:"keys"`
	History      []EventView        `json:"history"`
	Software     []record.Software  `json:"software"`
	Interfaces   []record.Interface `json:"interfaces"`
	Neighbors    []record.Neighbor  `json:"neighbors"`
	Capacity     []CapacityRow      `json:"capacity"`
}

// KeyView is an identity key.
type KeyView struct {
	Kind      string    `json:"kind"`
	Value     string    `json:"value"`
	FirstSeen time.Time `json:"first_seen,omitzero"`
}

func validID(id string) error {
	if id == "" || len(id) > 64 || !idChars(id) {
		return badf("asset ID %s: want a UUID", clip(id))
	}
	return nil
}

func (s *Server) getAsset(w http.ResponseWriter, r *http.Request, _ string) {
	id := r.PathValue("id")
	if err := checkParams(r.URL.Query(), []string{"since"}); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := validID(id); err != nil {
		s.fail(w, r, err)
		return
	}
	var since time.Time
	if v := r.URL.Query().Get("since"); v != "" {
		t, err := timespec.ParseSince(v, s.deps.Now())
		if err != nil {
			s.fail(w, r, badf("since %s: %v", clip(v), err))
			return
		}
		since = t
	}
	d, err := s.deps.Inventory.Details(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	caps, err := s.capacityRows(r.Context(), capacityQuery{AssetID: id, Since: since, Points: true})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := AssetDetails{Asset: d.Asset.Record, StateSince: d.Asset.StateSince, MissedSweeps: d.Asset.MissedSweeps,
		LastSweepID: d.Asset.LastSweepID, MergedInto: d.Asset.MergedInto, History: eventViews(d.Events),
		Keys: []KeyView{}, Software: []record.Software{}, Interfaces: []record.Interface{}, Neighbors: []record.Neighbor{}, Capacity: caps}
	if out.Capacity == nil {
		out.Capacity = []CapacityRow{}
	}
	for _, k := range d.Keys {
		out.Keys = append(out.Keys, KeyView{Kind: string(k.Key.Kind), Value: k.Key.Value, FirstSeen: k.FirstSeen})
	}
	for _, x := range d.Software {
		out.Software = append(out.Software, x.Software)
	}
	for _, x := range d.Interfaces {
		out.Interfaces = append(out.Interfaces, x.Interface)
	}
	for _, x := range d.Neighbors {
		out.Neighbors = append(out.Neighbors, x.Neighbor)
	}
	writeJSON(w, http.StatusOK, out)
}

// setBody is PATCH /api/v1/assets/{id}.
type setBody struct {
	Site  *string  `json:"site"`
	Role  *string  `json:"role"`
	Owner *string  `json:"owner"`
	Tags  []string `json:"tags"`
}

func (s *Server) setAsset(w http.ResponseWriter, r *http.Request, actor string) {
	id := r.PathValue("id")
	var b setBody
	if err := validID(id); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := decode(r, &b); err != nil {
		s.fail(w, r, err)
		return
	}
	for name, v := range map[string]*string{"site": b.Site, "role": b.Role, "owner": b.Owner} {
		if v != nil {
			if err := plainText(name, *v); err != nil {
				s.fail(w, r, err)
				return
			}
		}
	}
	if len(b.Tags) > 64 {
		s.fail(w, r, badf("tags: at most 64"))
		return
	}
	for _, t := range b.Tags {
		if err := plainText("tags", t); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if b.Site == nil && b.Role == nil && b.Owner == nil && b.Tags == nil {
		s.fail(w, r, badf("body: set at least one of site, role, owner, tags"))
		return
	}
	if err := s.deps.Inventory.Set(r.Context(), actor, id, inventory.Changes{Site: b.Site, Role: b.Role, Owner: b.Owner, Tags: b.Tags}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.changed()
	s.assetAfter(w, r, id)
}

func (s *Server) assetAfter(w http.ResponseWriter, r *http.Request, id string) {
	a, err := s.deps.Inventory.Store().Asset(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a.Record)
}

// changed wakes the event watchers after a person's change.
func (s *Server) changed() { s.notify.broadcast() }

// emptyBody allows no body or "{}".
type emptyBody struct{}

func optionalBody(r *http.Request, v any) error {
	if r.ContentLength == 0 {
		return nil
	}
	return decode(r, v)
}

func (s *Server) approveAsset(w http.ResponseWriter, r *http.Request, actor string) {
	id := r.PathValue("id")
	if err := validID(id); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := optionalBody(r, &emptyBody{}); err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.deps.Inventory.Approve(r.Context(), actor, false, id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.changed()
	s.assetAfter(w, r, id)
}

type mergeBody struct {
	// From is the asset folded into the one in the path.
	From string `json:"from"`
}

func (s *Server) mergeAsset(w http.ResponseWriter, r *http.Request, actor string) {
	id := r.PathValue("id")
	var b mergeBody
	if err := validID(id); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := decode(r, &b); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := validID(b.From); err != nil {
		s.fail(w, r, badf("from: %v", err))
		return
	}
	if b.From == id {
		s.fail(w, r, badf("from: an asset cannot merge into itself"))
		return
	}
	if err := s.deps.Inventory.Merge(r.Context(), actor, id, b.From); err != nil {
		s.fail(w, r, err)
		return
	}
	s.changed()
	s.assetAfter(w, r, id)
}

type splitBody struct {
	MACs []string `json:"macs"`
}

func (s *Server) splitAsset(w http.ResponseWriter, r *http.Request, actor string) {
	id := r.PathValue("id")
	var b splitBody
	if err := validID(id); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := decode(r, &b); err != nil {
		s.fail(w, r, err)
		return
	}
	if len(b.MACs) == 0 || len(b.MACs) > 256 {
		s.fail(w, r, badf("macs: want 1 to 256 MAC addresses"))
		return
	}
	for _, m := range b.MACs {
		if _, err := record.ParseMAC(m); err != nil {
			s.fail(w, r, badf("macs: %s is not a MAC address", clip(m)))
			return
		}
	}
	if err := s.deps.Inventory.Split(r.Context(), actor, id, b.MACs); err != nil {
		s.fail(w, r, err)
		return
	}
	s.changed()
	s.assetAfter(w, r, id)
}

func (s *Server) retireAsset(w http.ResponseWriter, r *http.Request, actor string) {
	id := r.PathValue("id")
	if err := validID(id); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := optionalBody(r, &emptyBody{}); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.deps.Inventory.Retire(r.Context(), actor, id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.changed()
	s.assetAfter(w, r, id)
}

// listEvents lists events since a time, or stored after a position
// (after=, the next of an earlier answer: read on so, a client also gets
// an event stamped behind what it read, a sweep replayed late); wait=30s
// long-polls for the first new one, and Accept: text/event-stream
// streams them as server-sent events.
func (s *Server) listEvents(w http.ResponseWriter, r *http.Request, _ string) {
	v := r.URL.Query()
	if err := checkParams(v, []string{"since", "after", "type", "asset", "limit", "wait"}); err != nil {
		s.fail(w, r, err)
		return
	}
	f := store.EventFilter{Limit: 1000}
	if x := v.Get("since"); x != "" {
		t, err := timespec.ParseSince(x, s.deps.Now())
		if err != nil {
			s.fail(w, r, badf("since %s: %v", clip(x), err))
			return
		}
		f.Since = t
	}
	if x := v.Get("type"); x != "" {
		// The CLI's events --type: known types only, software for every
		// software_* one (inventory.ParseEventTypes).
		err := plainText("type", x)
		var types []string
		if err == nil {
			types, err = inventory.ParseEventTypes([]string{x})
		}
		if err != nil {
			s.fail(w, r, badf("%v", err))
			return
		}
		f.Types = types
	}
	if x := v.Get("asset"); x != "" {
		if err := validID(x); err != nil {
			s.fail(w, r, err)
			return
		}
		f.AssetID = x
	}
	if x := v.Get("limit"); x != "" {
		n, err := strconv.Atoi(x)
		if err != nil || n < 1 || n > 10000 {
			s.fail(w, r, badf("limit %s: want 1 to 10000", clip(x)))
			return
		}
		f.Limit = n
	}
	var wait time.Duration
	if x := v.Get("wait"); x != "" {
		d, err := time.ParseDuration(x)
		if err != nil || d < 0 || d > 5*time.Minute {
			s.fail(w, r, badf("wait %s: want a duration up to 5m", clip(x)))
			return
		}
		wait = d
	}
	after := v.Get("after")
	if after != "" {
		if v.Get("since") != "" {
			s.fail(w, r, badf("after and since: give one"))
			return
		}
		if err := plainText("after", after); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
		s.streamEvents(w, r, f, after)
		return
	}
	ctx := r.Context()
	var deadline <-chan time.Time
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		deadline = t.C
	}
	st := s.deps.Inventory.Store()
	for {
		wake := s.notify.wait()
		var (
			es   []store.Event
			next string
			err  error
		)
		if after != "" {
			es, next, err = s.eventsAfter(ctx, after, f)
			if errors.Is(err, store.ErrInvalid) {
				err = badf("after %s: not a position this service gave", clip(after))
			}
			after = next
		} else if next, err = st.EventLogFrom(ctx, s.deps.Now()); err == nil {
			// Taken before the read: what is stored meanwhile is listed
			// again from it, never missed.
			es, err = st.Events(ctx, f)
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if len(es) > 0 || deadline == nil {
			writeJSON(w, http.StatusOK, map[string]any{"events": eventViews(es), "next": next})
			return
		}
		poll := time.NewTimer(s.options().PollInterval)
		select {
		case <-ctx.Done():
			poll.Stop()
			return
		case <-deadline:
			poll.Stop()
			writeJSON(w, http.StatusOK, map[string]any{"events": []EventView{}, "next": after})
			return
		case <-wake:
		case <-poll.C:
		}
		poll.Stop()
	}
}

// eventsAfter lists up to f.Limit events of f's types and asset stored
// after pos, in the order stored, and the position to read on from. The
// log may list an event again (ClickHouse reads an overlap): a client
// drops it by ID.
func (s *Server) eventsAfter(ctx context.Context, pos string, f store.EventFilter) ([]store.Event, string, error) {
	es, next, err := s.deps.Inventory.Store().EventsStored(ctx, pos, f.Types, f.Limit)
	if err != nil || f.AssetID == "" {
		return es, next, err
	}
	out := es[:0]
	for _, e := range es {
		if e.AssetID == f.AssetID {
			out = append(out, e)
		}
	}
	return out, next, nil
}

// streamEvents writes server-sent events until the client goes or the
// server stops: the events of time since or later, then every event
// stored afterwards, whatever its time (read in the order stored,
// store.EventLog: a sweep replayed late, a drift finding stamped with
// when it began, came behind the stream's place by time and were never
// sent). Each is sent once: the log may list some again (ClickHouse
// reads an overlap), dropped by ID. A position (after, a listing's next)
// streams what was stored after it instead.
func (s *Server) streamEvents(w http.ResponseWriter, r *http.Request, f store.EventFilter, after string) {
	fl, ok := w.(http.Flusher)
	if !ok {
		writeError(w, http.StatusInternalServerError, "streaming unsupported")
		return
	}
	ctx := r.Context()
	if f.Since.IsZero() {
		f.Since = store.Second(s.deps.Now())
	}
	st := s.deps.Inventory.Store()
	pos := after
	var err error
	if pos == "" {
		pos, err = st.EventLogFrom(ctx, f.Since)
	} else {
		// Read once before the stream starts, so a bad position is a 400.
		_, _, err = st.EventsStored(ctx, pos, f.Types, 1)
		if errors.Is(err, store.ErrInvalid) {
			err = badf("after %s: not a position this service gave", clip(after))
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	fl.Flush()
	backlog := after == "" // the first read: events of time since or later
	var sent map[string]bool
	for {
		wake := s.notify.wait()
		listed := map[string]bool{}
		for {
			es, next, err := st.EventsStored(ctx, pos, f.Types, streamPage)
			if err != nil {
				if ctx.Err() == nil {
					s.storeError("event stream", err)
				}
				return
			}
			for _, e := range es {
				dup := sent[e.ID] || listed[e.ID]
				listed[e.ID] = true
				if dup || (f.AssetID != "" && e.AssetID != f.AssetID) || (backlog && e.Time.Before(f.Since)) {
					continue
				}
				b, _ := json.Marshal(eventView(e))
				fmt.Fprintf(w, "id: %s\nevent: %s\ndata: %s\n\n", e.ID, e.Type, b)
			}
			pos = next
			if len(es) < streamPage {
				break
			}
		}
		sent, backlog = listed, false
		fl.Flush()
		poll := time.NewTimer(s.options().PollInterval)
		select {
		case <-ctx.Done():
			poll.Stop()
			return
		case <-wake:
		case <-poll.C:
		}
		poll.Stop()
	}
}

// streamPage is how many events one read of an event stream takes.
const streamPage = 1000

// SweepView is a stored sweep in the API.
type SweepView struct {
	ID           string    `json:"id"`
	Scanner      string    `json:"scanner"`
	Start        time.Time `json:"start"`
	End          time.Time `json:"end,omitzero"`
	Partial      bool      `json:"partial"`
	Segments     []string  `json:"segments"`
	Observations int       `json:"observations"`
	Assets       int       `json:"assets"`
	New          int       `json:"new"`
	Missing      int       `json:"missing"`
}

func sweepView(x store.Sweep) SweepView {
	v := SweepView{ID: x.ID, Scanner: x.Scanner, Start: x.Start, End: x.End, Partial: x.Partial, Segments: []string{},
		Observations: x.Observations, Assets: x.Assets, New: x.New, Missing: x.Missing}
	for _, p := range x.Segments {
		v.Segments = append(v.Segments, p.String())
	}
	return v
}

func (s *Server) listSweeps(w http.ResponseWriter, r *http.Request, _ string) {
	v := r.URL.Query()
	if err := checkParams(v, []string{"limit"}); err != nil {
		s.fail(w, r, err)
		return
	}
	limit := 100
	if x := v.Get("limit"); x != "" {
		n, err := strconv.Atoi(x)
		if err != nil || n < 1 || n > 10000 {
			s.fail(w, r, badf("limit %s: want 1 to 10000", clip(x)))
			return
		}
		limit = n
	}
	ss, err := s.deps.Inventory.Store().Sweeps(r.Context(), limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]SweepView, len(ss))
	for i, x := range ss {
		out[i] = sweepView(x)
	}
	writeJSON(w, http.StatusOK, map[string]any{"sweeps": out})
}

func (s *Server) getSweep(w http.ResponseWriter, r *http.Request, _ string) {
	id := r.PathValue("id")
	if err := validID(id); err != nil {
		s.fail(w, r, err)
		return
	}
	x, err := s.deps.Inventory.Store().Sweep(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sweepView(x))
}

func (s *Server) listSchedules(w http.ResponseWriter, r *http.Request, _ string) {
	vs := s.sched.views()
	if vs == nil {
		vs = []ScheduleView{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"schedules": vs, "alerts": s.sender.view(s.options().Sinks)})
}

func (s *Server) listRuns(w http.ResponseWriter, r *http.Request, _ string) {
	writeJSON(w, http.StatusOK, map[string]any{"runs": s.runs.list()})
}

// runBody is POST /api/v1/runs: a schedule, or targets.
type runBody struct {
	Schedule string   `json:"schedule"`
	Targets  []string `json:"targets"`
	Exclude  []string `json:"exclude"`
	SNMP     *bool    `json:"snmp"`
	MDNS     *bool    `json:"mdns"`
	Names    *bool    `json:"names"`
	NDP      *bool    `json:"ndp"`
}

func (s *Server) startRunAPI(w http.ResponseWriter, r *http.Request, actor string) {
	var b runBody
	if err := decode(r, &b); err != nil {
		s.fail(w, r, err)
		return
	}
	if (b.Schedule == "") == (len(b.Targets) == 0) {
		s.fail(w, r, badf("body: want schedule or targets"))
		return
	}
	if len(b.Targets) > 256 || len(b.Exclude) > 256 {
		s.fail(w, r, badf("targets, exclude: at most 256 each"))
		return
	}
	for _, t := range append(append([]string(nil), b.Targets...), b.Exclude...) {
		if err := targetText(t); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	var run Run
	if b.Schedule != "" {
		if b.SNMP != nil || b.MDNS != nil || b.Names != nil || b.NDP != nil || len(b.Exclude) > 0 {
			s.fail(w, r, badf("body: a schedule's run takes the schedule's options"))
			return
		}
		sc, ok, err := s.sched.claim(b.Schedule)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if !ok {
			writeError(w, http.StatusConflict, "schedule "+b.Schedule+" is running; a schedule never runs twice at once")
			return
		}
		run = s.startRun(s.sweepCtx(), sc.Name, requestFor(sc))
	} else {
		if s.deps.CheckTargets != nil {
			if err := s.deps.CheckTargets(b.Targets, b.Exclude); err != nil {
				s.fail(w, r, badf("targets: %v", err))
				return
			}
		}
		run = s.startRun(s.sweepCtx(), "", SweepRequest{Targets: b.Targets, Exclude: b.Exclude, SNMP: b.SNMP, MDNS: b.MDNS, Names: b.Names, NDP: b.NDP})
	}
	s.log.Info("sweep triggered", "actor", actor, "run", run.ID, "schedule", b.Schedule)
	w.Header().Set("Location", "/api/v1/runs/"+run.ID)
	writeJSON(w, http.StatusAccepted, run)
}

// targetText allows what a CIDR, an address or a range is made of; the
// sweep itself checks the rest.
func targetText(t string) error {
	if t == "" || len(t) > 100 {
		return badf("target %s: want a CIDR, an address or a range", clip(t))
	}
	for _, c := range t {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || strings.ContainsRune(".:/-", c)) {
			return badf("target %s: want a CIDR, an address or a range", clip(t))
		}
	}
	if p, err := netip.ParsePrefix(t); err == nil && p.Bits() < 8 && p.Addr().Is4() {
		return badf("target %s: wider than a /8", clip(t))
	}
	return nil
}

func (s *Server) getRun(w http.ResponseWriter, r *http.Request, _ string) {
	id := r.PathValue("id")
	if err := validID(id); err != nil {
		s.fail(w, r, err)
		return
	}
	run, ok := s.runs.get(id)
	if !ok {
		writeError(w, http.StatusNotFound, "no such run (the service keeps the last 100)")
		return
	}
	writeJSON(w, http.StatusOK, run)
}

func (s *Server) getDrift(w http.ResponseWriter, r *http.Request, _ string) {
	if err := checkParams(r.URL.Query(), nil); err != nil {
		s.fail(w, r, err)
		return
	}
	bs := s.options().Baselines
	if len(bs) == 0 {
		writeError(w, http.StatusNotFound, "no drift baselines configured (serve.baselines)")
		return
	}
	res, err := evaluateDrift(r.Context(), s.deps.Inventory.Store(), bs, s.deps.Now(), false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	findings := res.Findings
	if findings == nil {
		findings = []drift.Finding{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"time": store.Second(res.Time), "assets": res.Assets, "compliant": res.Compliant,
		"noncompliant": res.NonCompliant, "unknown": res.Unknown, "findings": findings})
}

func (s *Server) getCapacity(w http.ResponseWriter, r *http.Request, _ string) {
	v := r.URL.Query()
	if err := checkParams(v, []string{"asset", "since", "flagged"}); err != nil {
		s.fail(w, r, err)
		return
	}
	var q capacityQuery
	if x := v.Get("asset"); x != "" {
		if err := validID(x); err != nil {
			s.fail(w, r, err)
			return
		}
		q.AssetID = x
	}
	if x := v.Get("since"); x != "" {
		t, err := timespec.ParseSince(x, s.deps.Now())
		if err != nil {
			s.fail(w, r, badf("since %s: %v", clip(x), err))
			return
		}
		q.Since = t
	}
	flagged := false
	if x := v.Get("flagged"); x != "" {
		b, err := strconv.ParseBool(x)
		if err != nil {
			s.fail(w, r, badf("flagged %s: want true or false", clip(x)))
			return
		}
		flagged = b
	}
	rows, err := s.capacityRows(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := []CapacityRow{}
	for _, x := range rows {
		if !flagged || x.Flag != "" {
			out = append(out, x)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"capacity": out})
}

// AlertView is an outbox row in the API (its payload as JSON).
type AlertView struct {
	ID          string          `json:"id"`
	Sink        string          `json:"sink"`
	Type        string          `json:"type"`
	Created     time.Time       `json:"created"`
	Attempts    int             `json:"attempts"`
	NextAttempt time.Time       `json:"next_attempt,omitzero"`
	Delivered   time.Time       `json:"delivered,omitzero"`
	Dead        bool            `json:"dead"`
	LastError   string          `json:"last_error,omitempty"`
	Payload     json.RawMessage `json:"payload"`
}

func (s *Server) listAlerts(w http.ResponseWriter, r *http.Request, _ string) {
	v := r.URL.Query()
	if err := checkParams(v, []string{"pending"}); err != nil {
		s.fail(w, r, err)
		return
	}
	f := store.AlertFilter{Limit: 1000}
	if x := v.Get("pending"); x != "" {
		b, err := strconv.ParseBool(x)
		if err != nil {
			s.fail(w, r, badf("pending %s: want true or false", clip(x)))
			return
		}
		f.Pending = b
	}
	as, err := s.deps.State.Alerts(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]AlertView, len(as))
	for i, a := range as {
		out[i] = AlertView{ID: a.ID, Sink: a.Sink, Type: a.Type, Created: a.Created, Attempts: a.Attempts, NextAttempt: a.NextAttempt,
			Delivered: a.Delivered, Dead: a.Dead, LastError: a.LastError, Payload: json.RawMessage(a.Payload)}
	}
	writeJSON(w, http.StatusOK, map[string]any{"alerts": out})
}
