package serve

import (
	"cmp"
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

// TestREADMECurlExamples sends the README's curl examples of the API as
// curl sends them (-d without a Content-Type header is posted as
// application/x-www-form-urlencoded) and wants each one answered with
// success. The trigger example lacked the JSON Content-Type and got
// 400 "Content-Type \"application/x-www-form-urlencoded\": want
// application/json", as a user who copied it did.
func TestREADMECurlExamples(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatalf("the README: %v", err)
	}
	opts := testOptions()
	opts.Schedules = []Schedule{{Name: "core", Targets: []string{"192.0.2.0/24"}, Every: 24 * time.Hour}}
	h := newHarness(t, "", opts, newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10"}))
	h.sweepNow()
	h.start()
	id := h.assets(store.AssetFilter{})[0].Record.AssetID
	subst := strings.NewReplacer("$(cat read.token)", readToken, "$(cat write.token)", writeToken,
		"https://host:8470", h.url, "/assets/ID/", "/assets/"+id+"/")
	n := 0
	for line := range strings.Lines(string(readme)) {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "curl ") || !strings.Contains(line, "host:8470/api/") {
			continue
		}
		n++
		words := shellWords(t, line[len("curl "):])
		method, url, body := "", "", ""
		header := http.Header{}
		for i := 0; i < len(words); i++ {
			w := subst.Replace(words[i])
			switch w {
			case "-H", "-X", "-d":
				if i+1 == len(words) {
					t.Fatalf("%s: %s without a value", line, w)
				}
				i++
				v := subst.Replace(words[i])
				switch w {
				case "-H":
					k, val, _ := strings.Cut(v, ":")
					header.Add(k, strings.TrimSpace(val))
				case "-X":
					method = v
				case "-d":
					body = v
				}
			default:
				url = w
			}
		}
		if body != "" {
			method = cmp.Or(method, "POST")
			if header.Get("Content-Type") == "" {
				header.Set("Content-Type", "application/x-www-form-urlencoded") // as curl does
			}
		}
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		req, err := http.NewRequestWithContext(ctx, cmp.Or(method, "GET"), url, strings.NewReader(body))
		if err != nil {
			cancel()
			t.Fatalf("%s: %v", line, err)
		}
		req.Header = header
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			cancel()
			t.Fatalf("%s: %v", line, err)
		}
		var msg []byte
		if resp.StatusCode >= 300 {
			msg, _ = io.ReadAll(resp.Body)
		}
		resp.Body.Close() // an event stream is left once it answered
		cancel()
		if resp.StatusCode >= 300 {
			t.Errorf("README: %s\nanswered %d %s", line, resp.StatusCode, msg)
		}
	}
	if n < 3 {
		t.Fatalf("found %d curl examples of the API in the README, want the listing, the approval and the trigger at least", n)
	}
}

// shellWords splits a command line as sh does for words in plain,
// single and double quotes (no escapes inside them: the README has none).
func shellWords(t *testing.T, s string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	in, quote := false, rune(0)
	for _, c := range s {
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(c)
		case c == '\'' || c == '"':
			quote, in = c, true
		case c == ' ' || c == '\t':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(c)
			in = true
		}
	}
	if quote != 0 {
		t.Fatalf("unclosed quote in %q", s)
	}
	if in {
		words = append(words, cur.String())
	}
	return words
}
