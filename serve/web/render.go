package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/capacity"
)

// pageData is what every page's template gets.
type pageData struct {
	Title   string
	Nav     string
	Message string
	S       *sessionView
	Data    any
}

// sessionView is the session as templates see it (never the token).
type sessionView struct {
	Actor string
	Write bool
	CSRF  string
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

var funcs = template.FuncMap{
	"time": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02 15:04:05Z")
	},
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02")
	},
	"iso": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	},
	"bytes": humanBytes,
	"num": func(f float64) string {
		if math.Abs(f) >= 100 || f == math.Trunc(f) {
			return fmt.Sprintf("%.0f", f)
		}
		return fmt.Sprintf("%.1f", f)
	},
	"days": func(p *float64) string {
		if p == nil {
			return "—"
		}
		if *p < 1 {
			return "< 1"
		}
		return fmt.Sprintf("%.0f", *p)
	},
	"join": func(xs []string) string { return strings.Join(xs, ", ") },
	// capacityWindow is the window capacity is read over (the API's and
	// the CLI's default), as a person reads it: "90 days".
	"capacityWindow": func() string { return strings.Replace(capacity.DefaultSince, "d", " days", 1) },
	"metric":         metricTitle,
	"deref": func(p any) any {
		switch v := p.(type) {
		case *bool:
			return v != nil && *v
		case *float64:
			if v == nil {
				return 0.0
			}
			return *v
		}
		return p
	},
	"bps": func(n uint64) string {
		switch {
		case n == 0:
			return ""
		case n >= 1e9:
			return fmt.Sprintf("%g Gbit/s", float64(n)/1e9)
		case n >= 1e6:
			return fmt.Sprintf("%g Mbit/s", float64(n)/1e6)
		}
		return fmt.Sprintf("%d bit/s", n)
	},
}

func humanBytes(f float64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB", "PiB"}
	i := 0
	for math.Abs(f) >= 1024 && i < len(units)-1 {
		f /= 1024
		i++
	}
	if i == 0 {
		return fmt.Sprintf("%.0f B", f)
	}
	return fmt.Sprintf("%.1f %s", f, units[i])
}

// parsePages parses each page with the layout.
func parsePages() (map[string]*template.Template, error) {
	names, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		name := strings.TrimSuffix(path.Base(n), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(files, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

func view(s *session) *sessionView {
	if s == nil {
		return nil
	}
	return &sessionView{Actor: s.actor, Write: s.write, CSRF: s.csrf}
}

// render writes a whole page; it is built in memory first, so a template
// error is a 500, never half a page.
func (u *UI) render(w http.ResponseWriter, r *http.Request, code int, name string, s *session, d pageData) {
	d.S = view(s)
	t := u.pages[name]
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout", d); err != nil {
		u.log.Error("ui template", "page", name, "err", err)
		http.Error(w, "internal error (logged)", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(b.Bytes())
}

// fragment writes one named template of a page (an htmx swap).
func (u *UI) fragment(w http.ResponseWriter, page, name string, data any) {
	var b bytes.Buffer
	if err := u.pages[page].ExecuteTemplate(&b, name, data); err != nil {
		u.log.Error("ui template", "page", page, "fragment", name, "err", err)
		http.Error(w, "internal error (logged)", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}
