package serve

import (
	"bufio"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// onceEach fails unless every alert delivered came once, and returns how
// many there were.
func onceEach(t *testing.T, rcv *receiver) int {
	t.Helper()
	keys := map[string]int{}
	for _, p := range rcv.payloads("") {
		keys[p.IdempotencyKey]++
	}
	for k, n := range keys {
		if n != 1 {
			t.Errorf("alert %s delivered %d times", k, n)
		}
	}
	return len(keys)
}

// A spooled sweep replayed while the service was down, which ended 20
// minutes behind the alerts' position, is alerted once, and nothing
// delivered before the restart is delivered again: the loop read by the
// events' time and, on a restart, looked back 10 minutes for sweeps that
// ended behind it.
func TestAlertLoopReadsASpoolReplayedLate(t *testing.T) {
	rcv, h, cs, restart := alertHarness(t)
	until(t, "the first new_unapproved alert", 10*time.Second, func() bool { return len(rcv.payloads(AlertNewUnapproved)) == 1 })
	idle(t, cs, 2) // the position is stored
	h.stop()

	// The replay, while the service is down: a sweep of two hosts nobody
	// saw yet, which ended 20 minutes ago, ingested now
	db, inv := openInv(t, h.path)
	end := time.Now().UTC().Add(-20 * time.Minute)
	var obs []record.Observation
	for _, x := range [][2]string{{"192.0.2.20", "00:1b:54:00:00:20"}, {"192.0.2.21", "00:1b:54:00:00:21"}} {
		m, _ := record.ParseMAC(x[1])
		obs = append(obs, record.Observation{Time: end.Add(-30 * time.Second), Source: record.SourceARP, Scanner: "test",
			Asset: record.Asset{IP: netip.MustParseAddr(x[0]), MAC: m, Sources: []record.Source{record.SourceARP}}})
	}
	// (Of a segment without the first host: that sweep did not ask it.)
	replayed := netip.MustParsePrefix("192.0.2.16/28")
	if _, err := inv.Ingest(t.Context(), inventory.Sweep{Start: end.Add(-time.Minute), End: end, Segments: []netip.Prefix{replayed}, Observations: obs}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	_, cs2 := restart()
	until(t, "the replayed sweep's two alerts", 10*time.Second, func() bool { return len(rcv.payloads(AlertNewUnapproved)) == 3 })
	idle(t, cs2, 5)
	if n := onceEach(t, rcv); n != 3 {
		for _, p := range rcv.payloads("") {
			t.Logf("%s %s %s", p.Type, p.IP, p.Time)
		}
		t.Errorf("%d alerts delivered, want 3", n)
	}
}

// drift --record stamps a finding's event with when it began, behind
// events the alerts read already: it is alerted once, and not again
// after a restart.
func TestAlertLoopReadsADriftEventStampedBehind(t *testing.T) {
	rcv, h, cs, restart := alertHarness(t)
	until(t, "the new_unapproved alert", 10*time.Second, func() bool { return len(rcv.payloads(AlertNewUnapproved)) == 1 })
	idle(t, cs, 2)

	// The host has run an old release for an hour (since it was first
	// seen, as far as the store knows): drift --record stamps its
	// violation with that.
	as := h.assets(store.AssetFilter{})
	if len(as) != 1 {
		t.Fatalf("%d assets, want 1", len(as))
	}
	at := store.Second(time.Now().Add(-time.Hour))
	as[0].Record.OS, as[0].Record.OSVersion, as[0].Record.FirstSeen = "Debian", "9", at
	if err := h.st.PutAssets(t.Context(), as); err != nil {
		t.Fatal(err)
	}
	b, err := drift.Parse(strings.NewReader("name: servers\nrules:\n- id: release\n  select: {os: debian}\n  min_os_version: \"12\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := drift.Evaluate(t.Context(), h.st, []drift.Baseline{b}, drift.Options{Record: true})
	if err != nil {
		t.Fatal(err)
	}
	behind := 0
	for _, e := range res.Events {
		if alertType(e) == AlertDrift && e.Time.Equal(at) {
			behind++
		}
	}
	if behind != 1 {
		t.Fatalf("drift recorded %+v, want one violation stamped %s", res.Events, at)
	}
	h.srv.notify.broadcast()
	until(t, "the drift alert", 10*time.Second, func() bool { return len(rcv.payloads(AlertDrift)) == 1 })
	idle(t, cs, 3)
	h.stop()

	_, cs2 := restart()
	idle(t, cs2, 5)
	if n := onceEach(t, rcv); n != 2 {
		t.Errorf("%d alerts delivered, want 2", n)
	}
}

// The event stream sends an event stored after it began though stamped
// behind the events it sent (a sweep replayed 20 minutes late): it read
// by time from the last event sent.
func TestEventStreamSendsALateEvent(t *testing.T) {
	h := newHarness(t, "", testOptions(), nil)
	h.start()
	next := streamIDs(t, h, "type=new_unapproved")
	now := store.Second(time.Now())
	a := store.Event{ID: store.NewUUID(now), Time: now, AssetID: "0193a1b2-0000-7000-8000-000000000001", Type: store.EventNewUnapproved}
	if err := h.st.AppendEvents(t.Context(), []store.Event{a}); err != nil {
		t.Fatal(err)
	}
	if id := next("first event"); id != a.ID {
		t.Fatalf("stream sent %s, want %s", id, a.ID)
	}
	late := store.Event{ID: store.NewUUID(now), Time: now.Add(-20 * time.Minute), SweepID: "replayed", AssetID: "0193a1b2-0000-7000-8000-000000000002",
		Type: store.EventNewUnapproved}
	other := store.Event{ID: store.NewUUID(now), Time: now, AssetID: "0193a1b2-0000-7000-8000-000000000003", Type: store.EventChange}
	if err := h.st.AppendEvents(t.Context(), []store.Event{late, other}); err != nil {
		t.Fatal(err)
	}
	if id := next("late event"); id != late.ID {
		t.Fatalf("stream sent %s, want the late event %s", id, late.ID)
	}
}

// A client polling the listing reads on from the position each answer
// gives (after=next), and so gets an event stamped behind what it read
// (a sweep replayed late), which a poll by time (since=) never lists; a
// long-poll on the position waits for it.
func TestEventsAfterCursorListsALateEvent(t *testing.T) {
	h := newHarness(t, "", testOptions(), nil)
	h.start()
	type page struct {
		Events []EventView
		Next   string
	}
	var first page
	h.getJSON("/api/v1/events?type=new_unapproved", readToken, &first)
	if first.Next == "" {
		t.Fatalf("no next position in %+v", first)
	}
	now := store.Second(time.Now())
	late := store.Event{ID: store.NewUUID(now), Time: now.Add(-20 * time.Minute), SweepID: "replayed",
		AssetID: "0193a1b2-0000-7000-8000-000000000002", Type: store.EventNewUnapproved}
	got := make(chan page, 1)
	go func() {
		var p page
		h.getJSON("/api/v1/events?type=new_unapproved&wait=20s&after="+first.Next, readToken, &p)
		got <- p
	}()
	time.Sleep(200 * time.Millisecond) // the long-poll is waiting (or reads the event at once: either way)
	if err := h.st.AppendEvents(t.Context(), []store.Event{late}); err != nil {
		t.Fatal(err)
	}
	var second page
	select {
	case second = <-got:
	case <-time.After(15 * time.Second):
		t.Fatal("the long-poll on the position did not return the late event")
	}
	if len(second.Events) != 1 || second.Events[0].ID != late.ID || second.Next == "" {
		t.Fatalf("after=%s: %+v, want the late event and a position", first.Next, second)
	}
	var third page
	h.getJSON("/api/v1/events?type=new_unapproved&after="+second.Next, readToken, &third)
	for _, e := range third.Events {
		if e.ID == late.ID {
			t.Errorf("read again from the position after it: %+v", third)
		}
	}
	for _, q := range []string{"after=x%27%20OR%201", "after=" + first.Next + "&since=1h"} {
		if code, body := h.do("GET", "/api/v1/events?"+q, readToken, ""); code != 400 {
			t.Errorf("%s: %d %s, want 400", q, code, body)
		}
	}
}

// A stream opened at a listing's position sends what was stored after
// it, whatever its time.
func TestEventStreamFromAPosition(t *testing.T) {
	h := newHarness(t, "", testOptions(), nil)
	h.start()
	var first struct{ Next string }
	h.getJSON("/api/v1/events?type=new_unapproved", readToken, &first)
	now := store.Second(time.Now())
	late := store.Event{ID: store.NewUUID(now), Time: now.Add(-time.Hour), AssetID: "0193a1b2-0000-7000-8000-000000000004", Type: store.EventNewUnapproved}
	if err := h.st.AppendEvents(t.Context(), []store.Event{late}); err != nil {
		t.Fatal(err)
	}
	if id := streamIDs(t, h, "type=new_unapproved&after="+first.Next)("the late event"); id != late.ID {
		t.Errorf("stream sent %s, want %s", id, late.ID)
	}
}

// streamIDs opens the event stream with query and returns a function
// that gives the next event ID it sends, failing after 10 s without one.
func streamIDs(t *testing.T, h *harness, query string) func(what string) string {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), "GET", h.url+"/api/v1/events?"+query, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+readToken)
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	ids := make(chan string, 10)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if id, ok := strings.CutPrefix(sc.Text(), "id: "); ok {
				ids <- id
			}
		}
		close(ids)
	}()
	return func(what string) string {
		t.Helper()
		select {
		case id := <-ids:
			return id
		case <-time.After(10 * time.Second):
			t.Fatalf("no %s on the stream within 10s", what)
			return ""
		}
	}
}

// alertHarness starts serve with a webhook sink to a receiver, on a store
// that counts its reads, and sweeps once: one host, 192.0.2.10. restart
// starts serve again on that store, as configured.
func alertHarness(t *testing.T) (rcv *receiver, h *harness, cs *countingStore, restart func() (*harness, *countingStore)) {
	t.Helper()
	rcv = newReceiver(t)
	opts := testOptions()
	opts.Sinks = []Sink{{Name: "hook", Kind: SinkWebhook, URL: rcv.srv.URL, HMAC: hmacSecret}}
	nw := newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10"})
	h, cs = newCountingHarness(t, "", opts, nw)
	h.start()
	h.sweepNow()
	return rcv, h, cs, func() (*harness, *countingStore) {
		h2, cs2 := newCountingHarness(t, h.path, opts, nw)
		h2.start()
		return h2, cs2
	}
}
