// Package web is netcensus serve's web UI: server-rendered pages
// (html/template) over the service's own HTTP API, with every asset
// embedded in the binary. The pages work without JavaScript; htmx
// (search as you type, live lists) and uPlot (capacity charts) are
// vendored, pinned, with their licences, in static/ (see static/VERSIONS).
//
// A browser signs in once with an API token; the UI keeps the token on
// the server and gives the browser an HttpOnly, SameSite=Strict session
// cookie. Each page reads, and each change writes, through the API in
// process with the session's token, so the API's scopes decide: a
// read-only session sees no change buttons, and a change it posts anyway
// is refused by the API. Every change carries the session's CSRF token.
package web

import (
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"golang.org/x/time/rate"
)

//go:embed static templates
var files embed.FS

// Options tune the UI.
type Options struct {
	Log *slog.Logger
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// SessionTTL is a session's life (12 h when 0); MaxSessions bounds
	// the table (1000 when 0).
	SessionTTL  time.Duration
	MaxSessions int
	// PageSize is the inventory's rows per page (50 when 0).
	PageSize int
}

// UI is the web UI's handler.
type UI struct {
	api      API
	opts     Options
	log      *slog.Logger
	sessions *sessions
	pages    map[string]*template.Template
	static   http.Handler
	// signins bounds failed sign-ins (a token guesser's pace).
	signins *rate.Limiter
	mux     *http.ServeMux
}

// New builds the UI over api (a *serve.Server).
func New(api API, opts Options) (*UI, error) {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.SessionTTL <= 0 {
		opts.SessionTTL = 12 * time.Hour
	}
	if opts.MaxSessions <= 0 {
		opts.MaxSessions = 1000
	}
	if opts.PageSize <= 0 {
		opts.PageSize = 50
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	st, err := fs.Sub(files, "static")
	if err != nil {
		return nil, err
	}
	u := &UI{api: api, opts: opts, log: opts.Log, pages: pages, sessions: newSessions(opts.MaxSessions, opts.SessionTTL, opts.Now),
		static: http.StripPrefix("/static/", http.FileServerFS(st)), signins: rate.NewLimiter(rate.Limit(2), 10)}
	u.mux = u.routes()
	return u, nil
}

// Handler serves the UI; mount it where the API owns no path.
func (u *UI) Handler() http.Handler { return http.HandlerFunc(u.serveHTTP) }

// csp allows only the UI's own files: no inline script or style, no
// framing, forms posting only here.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

func (u *UI) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	if strings.HasPrefix(r.URL.Path, "/static/") {
		h.Set("Cache-Control", "public, max-age=3600")
		u.static.ServeHTTP(w, r)
		return
	}
	h.Set("Cache-Control", "no-store")
	u.mux.ServeHTTP(w, r)
}

// handler is a page handler with its session (nil on public pages).
type handler func(w http.ResponseWriter, r *http.Request, s *session)

func (u *UI) routes() *http.ServeMux {
	mux := http.NewServeMux()
	page := func(pattern string, h handler) { mux.Handle(pattern, u.signedIn(h, false)) }
	change := func(pattern string, h handler) { mux.Handle(pattern, u.signedIn(h, true)) }
	mux.HandleFunc("GET /signin", u.signinPage)
	mux.HandleFunc("POST /signin", u.signin)
	change("POST /signout", u.signout)
	page("GET /{$}", func(w http.ResponseWriter, r *http.Request, _ *session) {
		http.Redirect(w, r, "/inventory", http.StatusSeeOther)
	})
	page("GET /inventory", u.inventory)
	page("GET /inventory/export", u.export)
	page("GET /unknown", u.unknown)
	change("POST /unknown", u.unknownChange)
	page("GET /assets/{id}", u.asset)
	change("POST /assets/{id}", u.assetChange)
	page("GET /events", u.events)
	page("GET /sweeps", u.sweeps)
	change("POST /sweeps", u.sweepRun)
	page("GET /runs/{id}", u.run)
	page("GET /runs/{id}/events", u.runEvents)
	page("GET /sweeps/events", u.sweepsEvents)
	page("GET /drift", u.drift)
	page("GET /capacity", u.capacityPage)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		u.render(w, r, http.StatusNotFound, "error", nil, pageData{Title: "Not found", Message: "There is no page at this address."})
	})
	return mux
}

// signedIn runs h with the request's session, sending a browser without
// one to sign in. A change (POST) also needs the session's CSRF token
// and write scope; the API checks the scope again on its own.
func (u *UI) signedIn(h handler, change bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s := u.current(w, r)
		if s == nil {
			if change || r.Header.Get("HX-Request") != "" {
				u.render(w, r, http.StatusUnauthorized, "error", nil, pageData{Title: "Signed out", Message: "Your session ended: sign in again."})
				return
			}
			http.Redirect(w, r, "/signin?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if change {
			r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
			if !checkCSRF(r, s) {
				u.render(w, r, http.StatusForbidden, "error", s, pageData{Title: "Refused", Message: "The form was stale or came from another site (CSRF token missing or wrong): reload the page and try again."})
				return
			}
		}
		h(w, r, s)
	})
}

// fail shows an API refusal or an internal error as a page.
func (u *UI) fail(w http.ResponseWriter, r *http.Request, s *session, err error) {
	var ae *apiError
	if errors.As(err, &ae) {
		title := "Refused"
		switch ae.Code {
		case http.StatusUnauthorized:
			u.sessions.remove(s.id)
			u.setCookie(w, r, nil)
			title = "Signed out"
		case http.StatusNotFound:
			title = "Not found"
		case http.StatusBadRequest:
			title = "Bad request"
		}
		u.render(w, r, ae.Code, "error", s, pageData{Title: title, Message: ae.Msg})
		return
	}
	if r.Context().Err() != nil {
		return
	}
	u.log.Error("ui", "path", r.URL.Path, "err", err)
	u.render(w, r, http.StatusInternalServerError, "error", s, pageData{Title: "Error", Message: "Internal error (logged)."})
}
