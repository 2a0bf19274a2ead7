package serve

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

// receiver is a webhook endpoint the test runs; down makes it answer 503.
type receiver struct {
	mu       sync.Mutex
	down     bool
	got      []Payload
	sigOK    bool
	attempts int
	srv      *httptest.Server
}

func newReceiver(t *testing.T) *receiver {
	r := &receiver{sigOK: true}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.attempts++
		if r.down {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		m := hmac.New(sha256.New, []byte(hmacSecret))
		m.Write(b)
		if req.Header.Get("X-Netcensus-Signature") != "sha256="+hex.EncodeToString(m.Sum(nil)) {
			r.sigOK = false
		}
		var p Payload
		if err := json.Unmarshal(b, &p); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		r.got = append(r.got, p)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) setDown(d bool) {
	r.mu.Lock()
	r.down = d
	r.mu.Unlock()
}

func (r *receiver) payloads(typ string) []Payload {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Payload
	for _, p := range r.got {
		if typ == "" || p.Type == typ {
			out = append(out, p)
		}
	}
	return out
}

func TestAlertsMissingAndNewUnapproved(t *testing.T) {
	rcv := newReceiver(t)
	opts := testOptions()
	opts.Sinks = []Sink{{Name: "hook", Kind: SinkWebhook, URL: rcv.srv.URL, HMAC: hmacSecret}}
	nw := newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10", "192.0.2.11": "00:1b:54:00:00:11"})
	h := newHarness(t, "", opts, nw)
	h.start()
	trigger := func() {
		t.Helper()
		if code, body := h.do("POST", "/api/v1/runs", writeToken, `{"targets":["192.0.2.0/24"]}`); code != 202 {
			t.Fatalf("trigger: %d %s", code, body)
		}
		<-nw.calls
		until(t, "the run to end", 10*time.Second, func() bool { return h.srv.runs.list()[0].State != RunRunning })
	}
	trigger()
	until(t, "two new_unapproved alerts", 10*time.Second, func() bool { return len(rcv.payloads(AlertNewUnapproved)) == 2 })
	// A host goes down: missing (MissingAfterSweeps is 1).
	nw.set("192.0.2.11", "")
	trigger()
	until(t, "a missing alert", 10*time.Second, func() bool { return len(rcv.payloads(AlertMissing)) == 1 })
	p := rcv.payloads(AlertMissing)[0]
	if p.IP != "192.0.2.11" || p.MAC != "00:1b:54:00:00:11" || p.IdempotencyKey == "" || p.EventID == "" || p.Summary == "" {
		t.Errorf("missing payload %+v", p)
	}
	// It returns.
	nw.set("192.0.2.11", "00:1b:54:00:00:11")
	trigger()
	until(t, "a returned alert", 10*time.Second, func() bool { return len(rcv.payloads(AlertReturned)) == 1 })
	if len(rcv.payloads(AlertNewUnapproved)) != 2 {
		t.Errorf("new_unapproved sent %d times, want once per asset", len(rcv.payloads(AlertNewUnapproved)))
	}
	rcv.mu.Lock()
	defer rcv.mu.Unlock()
	if !rcv.sigOK {
		t.Error("a webhook's HMAC signature did not verify")
	}
}

// An alert queued while the receiver is down survives a restart of the
// service and is delivered once the receiver is back, with the same
// idempotency key.
func TestAlertSurvivesRestartAndOutage(t *testing.T) {
	rcv := newReceiver(t)
	rcv.setDown(true)
	opts := testOptions()
	opts.Sinks = []Sink{{Name: "hook", Kind: SinkWebhook, URL: rcv.srv.URL, HMAC: hmacSecret}}
	nw := newNetwork(map[string]string{})
	h := newHarness(t, "", opts, nw)
	h.start()
	nw.set("192.0.2.50", "00:1b:54:00:00:50")
	if code, body := h.do("POST", "/api/v1/runs", writeToken, `{"targets":["192.0.2.0/24"]}`); code != 202 {
		t.Fatalf("trigger: %d %s", code, body)
	}
	until(t, "a failed attempt", 10*time.Second, func() bool {
		as, _ := h.st.Alerts(t.Context(), store.AlertFilter{})
		return len(as) == 1 && as[0].Attempts >= 1 && as[0].LastError != ""
	})
	h.stop()

	// Restart on the same store; the receiver comes back.
	rcv.setDown(false)
	h2 := newHarness(t, h.path, opts, nw)
	// The backoff says later: make it due now, as time would.
	as, _ := h2.st.Alerts(t.Context(), store.AlertFilter{})
	as[0].NextAttempt = time.Now().Add(-time.Second)
	if err := h2.st.UpdateAlert(t.Context(), as[0]); err != nil {
		t.Fatal(err)
	}
	h2.start()
	until(t, "delivery after the restart", 10*time.Second, func() bool { return len(rcv.payloads(AlertNewUnapproved)) == 1 })
	until(t, "the outbox row delivered", 10*time.Second, func() bool {
		as, _ := h2.st.Alerts(t.Context(), store.AlertFilter{Pending: true})
		return len(as) == 0
	})
	got := rcv.payloads("")
	if len(got) != 1 || got[0].IdempotencyKey != as[0].ID || got[0].IP != "192.0.2.50" {
		t.Errorf("delivered %+v, want the one alert with key %s", got, as[0].ID)
	}
}

func TestSinkFiltersAndKinds(t *testing.T) {
	type call struct {
		argv  []string
		stdin string
	}
	var mu sync.Mutex
	var execs []call
	slack := newReceiver(t)
	var slackBodies []string
	slack.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		slackBodies = append(slackBodies, string(b))
		mu.Unlock()
	})
	opts := testOptions()
	opts.Sinks = []Sink{
		{Name: "lab-only", Kind: SinkExec, Command: []string{"/usr/local/bin/notify", "--json"}, Subnets: []netip.Prefix{netip.MustParsePrefix("198.51.100.0/24")}},
		{Name: "chat", Kind: SinkSlack, URL: slack.srv.URL, Types: []string{AlertMissing}},
	}
	nw := newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10", "198.51.100.7": "00:1b:54:00:00:07"})
	h := newHarness(t, "", opts, nw)
	h.srv.deps.Exec = func(_ context.Context, argv []string, stdin []byte) error {
		mu.Lock()
		execs = append(execs, call{argv, string(stdin)})
		mu.Unlock()
		return nil
	}
	h.start()
	if code, body := h.do("POST", "/api/v1/runs", writeToken, `{"targets":["192.0.2.0/24"]}`); code != 202 {
		t.Fatalf("trigger: %d %s", code, body)
	}
	until(t, "the exec sink's alert", 10*time.Second, func() bool { mu.Lock(); defer mu.Unlock(); return len(execs) == 1 })
	until(t, "the outbox drained", 10*time.Second, func() bool {
		as, _ := h.st.Alerts(t.Context(), store.AlertFilter{Pending: true})
		return len(as) == 0
	})
	mu.Lock()
	defer mu.Unlock()
	var p Payload
	if err := json.Unmarshal([]byte(execs[0].stdin), &p); err != nil || p.IP != "198.51.100.7" || p.Type != AlertNewUnapproved || execs[0].argv[1] != "--json" {
		t.Errorf("exec call %+v (%v): want the 198.51.100.0/24 host only", execs[0], err)
	}
	if len(slackBodies) != 0 {
		t.Errorf("the missing-only Slack sink got %v", slackBodies)
	}
}

func TestBackoff(t *testing.T) {
	want := []time.Duration{5 * time.Second, 10 * time.Second, 20 * time.Second, 40 * time.Second}
	for i, w := range want {
		if got := backoff(i + 1); got != w {
			t.Errorf("backoff(%d) = %v, want %v", i+1, got, w)
		}
	}
	if got := backoff(50); got != time.Hour {
		t.Errorf("backoff(50) = %v, want the 1h cap", got)
	}
}

// A Slack-compatible sink gets {"text": ...} with the summary and the
// idempotency key; its type filter lets missing through only.
func TestSlackSink(t *testing.T) {
	var mu sync.Mutex
	var bodies []map[string]string
	slack := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m map[string]string
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		mu.Lock()
		bodies = append(bodies, m)
		mu.Unlock()
	}))
	defer slack.Close()
	opts := testOptions()
	opts.Sinks = []Sink{{Name: "chat", Kind: SinkSlack, URL: slack.URL, Types: []string{AlertMissing}}}
	nw := newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10", "192.0.2.11": "00:1b:54:00:00:11"})
	h := newHarness(t, "", opts, nw)
	h.start()
	for _, down := range []string{"", "192.0.2.11"} {
		if down != "" {
			nw.set(down, "")
		}
		if code, body := h.do("POST", "/api/v1/runs", writeToken, `{"targets":["192.0.2.0/24"]}`); code != 202 {
			t.Fatalf("trigger: %d %s", code, body)
		}
		until(t, "the run to end", 10*time.Second, func() bool { return h.srv.runs.list()[0].State != RunRunning })
	}
	until(t, "the Slack message", 10*time.Second, func() bool { mu.Lock(); defer mu.Unlock(); return len(bodies) == 1 })
	mu.Lock()
	defer mu.Unlock()
	if text := bodies[0]["text"]; len(bodies[0]) != 1 || !strings.Contains(text, "192.0.2.11 is missing") || !strings.Contains(text, "[") {
		t.Errorf("slack body %v", bodies[0])
	}
}

// The alert sender's state is in the schedules listing: the cursor, each
// configured sink's pending alerts, failures with the last error, and
// deliveries; never a sink's URL or secret.
func TestSenderStatusShown(t *testing.T) {
	rcv := newReceiver(t)
	rcv.setDown(true)
	opts := testOptions()
	opts.Sinks = []Sink{{Name: "hook", Kind: SinkWebhook, URL: rcv.srv.URL + "/secret-path", HMAC: hmacSecret},
		{Name: "pager", Kind: SinkExec, Command: []string{"true"}, Types: []string{AlertSweepFailed}}}
	nw := newNetwork(map[string]string{"192.0.2.60": "00:1b:54:00:00:60"})
	h := newHarness(t, "", opts, nw)
	h.start()
	type listing struct {
		Schedules []ScheduleView
		Alerts    SenderView
	}
	read := func() (listing, string) {
		t.Helper()
		code, body := h.do("GET", "/api/v1/schedules", readToken, "")
		if code != 200 {
			t.Fatalf("schedules: %d %s", code, body)
		}
		var l listing
		if err := json.Unmarshal([]byte(body), &l); err != nil {
			t.Fatal(err)
		}
		return l, body
	}
	if l, _ := read(); len(l.Alerts.Sinks) != 2 || l.Alerts.Sinks[0].Name != "hook" || l.Alerts.Sinks[1].Kind != SinkExec {
		t.Fatalf("before any alert: %+v", l.Alerts)
	}
	if code, body := h.do("POST", "/api/v1/runs", writeToken, `{"targets":["192.0.2.0/24"]}`); code != 202 {
		t.Fatalf("trigger: %d %s", code, body)
	}
	var body string
	until(t, "the failed delivery shown", 10*time.Second, func() bool {
		var l listing
		l, body = read()
		k := l.Alerts.Sinks[0]
		return l.Alerts.Pending == 1 && k.Pending == 1 && k.Failed >= 1 && strings.Contains(k.LastError, "503") &&
			!k.LastFailed.IsZero() && k.Delivered == 0 && !l.Alerts.Cursor.IsZero() && !l.Alerts.LastRound.IsZero()
	})
	for _, secret := range []string{"secret-path", rcv.srv.URL, hmacSecret} {
		if strings.Contains(body, secret) {
			t.Errorf("the listing shows %q: %s", secret, body)
		}
	}
	rcv.setDown(false)
	as, _ := h.st.Alerts(t.Context(), store.AlertFilter{Pending: true})
	as[0].NextAttempt = time.Now().Add(-time.Second) // the backoff, passed
	if err := h.st.UpdateAlert(t.Context(), as[0]); err != nil {
		t.Fatal(err)
	}
	until(t, "the delivery shown", 10*time.Second, func() bool {
		l, _ := read()
		k := l.Alerts.Sinks[0]
		return l.Alerts.Pending == 0 && k.Pending == 0 && k.Delivered == 1 && !k.LastDelivered.IsZero()
	})
}
