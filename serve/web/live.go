package web

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/netcensus/netcensus/serve"
)

// Live progress: a running sweep's progress pushed to the browser as
// server-sent events. The API reports a run's counters when asked, so
// the stream reads them every liveEvery and sends the fragment again
// when it changed; the last one (the run ended) is a "done" event and the
// stream ends. Without JavaScript the pages refresh themselves.
const (
	liveEvery = 500 * time.Millisecond
	// liveMax bounds one stream (the browser reconnects after it).
	liveMax = 30 * time.Minute
)

// liveFragment streams render's HTML as "update" events while it
// changes, and a "done" event (then the end) when render says so.
func (u *UI) liveFragment(w http.ResponseWriter, r *http.Request, render func(ctx context.Context) (html string, done bool, err error)) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), liveMax)
	defer cancel()
	html, done, err := render(ctx)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(event, html string) bool {
		var b bytes.Buffer
		b.WriteString("event: " + event + "\n")
		for _, line := range strings.Split(html, "\n") {
			b.WriteString("data: " + line + "\n")
		}
		b.WriteString("\n")
		if _, err := w.Write(b.Bytes()); err != nil {
			return false
		}
		fl.Flush()
		return true
	}
	tick := time.NewTicker(liveEvery)
	defer tick.Stop()
	last := ""
	for {
		if done {
			send("done", html)
			return
		}
		if html != last {
			if !send("update", html) {
				return
			}
			last = html
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if html, done, err = render(ctx); err != nil {
			if ctx.Err() == nil {
				u.log.Warn("ui live", "path", r.URL.Path, "err", err)
			}
			return
		}
	}
}

// runEvents streams a run's progress fragment until it ends.
func (u *UI) runEvents(w http.ResponseWriter, r *http.Request, s *session) {
	id := r.PathValue("id")
	u.liveFragment(w, r, func(ctx context.Context) (string, bool, error) {
		var run serve.Run
		if err := u.call(ctx, s, http.MethodGet, "/api/v1/runs/"+url.PathEscape(id), nil, nil, &run); err != nil {
			return "", false, err
		}
		d := runDataOf(run)
		var b bytes.Buffer
		if err := u.pages["run"].ExecuteTemplate(&b, "progress", d); err != nil {
			return "", false, err
		}
		return b.String(), !d.Running, nil
	})
}

// sweepsEvents streams the Sweeps page's recent runs while one runs.
func (u *UI) sweepsEvents(w http.ResponseWriter, r *http.Request, s *session) {
	u.liveFragment(w, r, func(ctx context.Context) (string, bool, error) {
		var rn struct {
			Runs []serve.Run `json:"runs"`
		}
		if err := u.call(ctx, s, http.MethodGet, "/api/v1/runs", nil, nil, &rn); err != nil {
			return "", false, err
		}
		d := sweepsData{S: view(s), Runs: rn.Runs[:min(len(rn.Runs), 20)]}
		var b bytes.Buffer
		if err := u.pages["sweeps"].ExecuteTemplate(&b, "runs", d); err != nil {
			return "", false, err
		}
		return b.String(), !d.Running(), nil
	})
}
