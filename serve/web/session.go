package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// session is one signed-in browser. The token stays on the server: the
// cookie carries only a random session ID, and every API call the UI
// makes for the session is authorised again with the token, so a token
// removed by a reload ends its sessions at their next request.
type session struct {
	id      string
	csrf    string
	actor   string
	secret  string
	write   bool
	expires time.Time
}

// sessions is the UI's session table, bounded in size and age.
type sessions struct {
	mu  sync.Mutex
	m   map[string]*session
	max int
	ttl time.Duration
	now func() time.Time
}

func newSessions(max int, ttl time.Duration, now func() time.Time) *sessions {
	return &sessions{m: map[string]*session{}, max: max, ttl: ttl, now: now}
}

func randomID() string {
	var b [32]byte
	_, _ = rand.Read(b[:]) // never fails (Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// add starts a session; at the bound the session expiring first goes.
func (ss *sessions) add(actor, secret string, write bool) *session {
	s := &session{id: randomID(), csrf: randomID(), actor: actor, secret: secret, write: write, expires: ss.now().Add(ss.ttl)}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	now := ss.now()
	for id, x := range ss.m {
		if now.After(x.expires) {
			delete(ss.m, id)
		}
	}
	for len(ss.m) >= ss.max {
		var oldest *session
		for _, x := range ss.m {
			if oldest == nil || x.expires.Before(oldest.expires) {
				oldest = x
			}
		}
		delete(ss.m, oldest.id)
	}
	ss.m[s.id] = s
	return s
}

func (ss *sessions) get(id string) *session {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s := ss.m[id]
	if s == nil {
		return nil
	}
	if ss.now().After(s.expires) {
		delete(ss.m, id)
		return nil
	}
	return s
}

func (ss *sessions) remove(id string) {
	ss.mu.Lock()
	delete(ss.m, id)
	ss.mu.Unlock()
}

const cookieName = "netcensus_session"

func (u *UI) setCookie(w http.ResponseWriter, r *http.Request, s *session) {
	c := &http.Cookie{Name: cookieName, Value: "", Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil, MaxAge: -1}
	if s != nil {
		c.Value, c.MaxAge = s.id, int(u.opts.SessionTTL/time.Second)
	}
	http.SetCookie(w, c)
}

// current is the request's session. With no tokens configured (a
// loopback-only service) the API lets everyone in as "local": so does the
// UI, with a session of its own for the CSRF token.
func (u *UI) current(w http.ResponseWriter, r *http.Request) *session {
	if c, err := r.Cookie(cookieName); err == nil {
		if s := u.sessions.get(c.Value); s != nil {
			return s
		}
	}
	bare, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "/", nil)
	if actor, code, _ := u.api.Authorize(bare, "write"); code == 0 {
		s := u.sessions.add(actor, "", true)
		u.setCookie(w, r, s)
		return s
	}
	return nil
}

// checkCSRF: a change carries the session's CSRF token (form field or
// X-CSRF-Token header), and a browser's Origin, when sent, is this host.
func checkCSRF(r *http.Request, s *session) bool {
	if o := r.Header.Get("Origin"); o != "" {
		ou, err := url.Parse(o)
		if err != nil || ou.Host != r.Host {
			return false
		}
	}
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		return false
	}
	tok := r.Header.Get("X-CSRF-Token")
	if tok == "" {
		tok = r.PostFormValue("csrf")
	}
	return tok != "" && subtle.ConstantTimeCompare([]byte(tok), []byte(s.csrf)) == 1
}
