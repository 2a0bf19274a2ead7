package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// API is what the UI uses of the service: its HTTP API (called in
// process, with the session's token, so every read and change is
// authorised by the API itself) and its token check.
type API interface {
	Handler() http.Handler
	Authorize(r *http.Request, scope string) (actor string, code int, msg string)
}

// apiError is a refusal or failure the API answered with.
type apiError struct {
	Code int
	Msg  string
}

func (e *apiError) Error() string { return fmt.Sprintf("API %d: %s", e.Code, e.Msg) }

// bufWriter is a ResponseWriter that keeps the response in memory.
type bufWriter struct {
	h    http.Header
	code int
	buf  bytes.Buffer
	max  int
}

func (b *bufWriter) Header() http.Header { return b.h }

func (b *bufWriter) WriteHeader(c int) {
	if b.code == 0 {
		b.code = c
	}
}

func (b *bufWriter) Write(p []byte) (int, error) {
	if b.code == 0 {
		b.code = http.StatusOK
	}
	if b.buf.Len()+len(p) > b.max {
		return 0, errTooLarge
	}
	return b.buf.Write(p)
}

// Flush makes the writer an http.Flusher (the API's long polls ask).
func (b *bufWriter) Flush() {}

var errTooLarge = errors.New("API response over the UI's limit")

// maxResponse bounds one buffered API answer (a page, an asset's details).
const maxResponse = 64 << 20

// request builds an in-process API request carrying the session's token.
func (u *UI) request(ctx context.Context, s *session, method, path string, q url.Values, body any) (*http.Request, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(b)
	}
	target := path
	if len(q) > 0 {
		target += "?" + q.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, target, rd)
	if err != nil {
		return nil, err
	}
	req.RemoteAddr = "ui"
	if s.secret != "" {
		req.Header.Set("Authorization", "Bearer "+s.secret)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// call runs one API request in process and decodes its JSON into out.
func (u *UI) call(ctx context.Context, s *session, method, path string, q url.Values, body, out any) error {
	req, err := u.request(ctx, s, method, path, q, body)
	if err != nil {
		return err
	}
	w := &bufWriter{h: http.Header{}, max: maxResponse}
	u.api.Handler().ServeHTTP(w, req)
	if w.code == 0 {
		w.code = http.StatusOK
	}
	if w.code >= 400 {
		var e struct {
			Error string `json:"error"`
		}
		_ = json.Unmarshal(w.buf.Bytes(), &e)
		if e.Error == "" {
			e.Error = strings.TrimSpace(w.buf.String())
		}
		return &apiError{Code: w.code, Msg: e.Error}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(w.buf.Bytes(), out); err != nil {
		return fmt.Errorf("%s %s: decode: %w", method, path, err)
	}
	return nil
}

// pipeWriter is a ResponseWriter that streams the API's body to a reader
// (an export of every asset, the event stream) instead of holding it.
type pipeWriter struct {
	h      http.Header
	pw     *io.PipeWriter
	status chan int
	sent   bool
}

func (p *pipeWriter) Header() http.Header { return p.h }

func (p *pipeWriter) WriteHeader(c int) {
	if !p.sent {
		p.sent = true
		p.status <- c
	}
}

func (p *pipeWriter) Write(b []byte) (int, error) {
	p.WriteHeader(http.StatusOK)
	return p.pw.Write(b)
}

func (p *pipeWriter) Flush() {}

// stream runs one API request in process and hands its body to read as
// the API writes it; an API error status becomes an *apiError.
func (u *UI) stream(ctx context.Context, s *session, method, path string, q url.Values, read func(io.Reader) error) error {
	return u.streamWith(ctx, s, path, q, nil, read)
}

// streamWith is stream of a GET with extra request headers.
func (u *UI) streamWith(ctx context.Context, s *session, path string, q url.Values, hdr http.Header, read func(io.Reader) error) error {
	req, err := u.request(ctx, s, http.MethodGet, path, q, nil)
	if err != nil {
		return err
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	req = req.WithContext(ctx)
	pr, pw := io.Pipe()
	w := &pipeWriter{h: http.Header{}, pw: pw, status: make(chan int, 1)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		u.api.Handler().ServeHTTP(w, req)
		w.WriteHeader(http.StatusOK)
		pw.Close()
	}()
	defer func() {
		cancel()
		pr.CloseWithError(context.Canceled)
		<-done
	}()
	var code int
	select {
	case code = <-w.status:
	case <-ctx.Done():
		return ctx.Err()
	}
	if code >= 400 {
		b, _ := io.ReadAll(io.LimitReader(pr, 4096))
		var e struct {
			Error string `json:"error"`
		}
		_ = json.Unmarshal(b, &e)
		return &apiError{Code: code, Msg: e.Error}
	}
	return read(pr)
}
