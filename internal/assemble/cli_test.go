package assemble

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/serve"
)

// AssetFields' changes hold the fields whose flag was given, even to ""
// (a field cleared), and none other; no flag given is a *SettingsError.
func TestAssetFields(t *testing.T) {
	f := AssetFields{Site: "", Role: "core", Owner: "net-team", Tags: []string{"a", "b"}}
	given := func(names ...string) func(string) bool {
		return func(n string) bool { return slices.Contains(names, n) }
	}
	c, err := f.Changes(given("site", "tag"))
	if err != nil || c.Site == nil || *c.Site != "" || c.Role != nil || c.Owner != nil || !slices.Equal(c.Tags, f.Tags) {
		t.Errorf("site and tag: %+v, %v", c, err)
	}
	c, err = f.Changes(given("role", "owner"))
	if err != nil || c.Role == nil || *c.Role != "core" || *c.Owner != "net-team" || c.Site != nil || c.Tags != nil {
		t.Errorf("role and owner: %+v, %v", c, err)
	}
	var se *SettingsError
	if _, err := f.Changes(given()); !errors.As(err, &se) || err.Error() != "nothing to set: give --site, --role, --owner or --tag" {
		t.Errorf("none given: %v", err)
	}
}

// SplitMACs takes MACs and refuses none or a bad one, naming it.
func TestSplitMACs(t *testing.T) {
	if err := SplitMACs([]string{"02:00:5e:00:00:07", "02-00-5e-00-00-08"}); err != nil {
		t.Errorf("two MACs: %v", err)
	}
	var se *SettingsError
	for macs, says := range map[string]string{"": "give at least one --mac", "02:00:5e:00:00:07,nope": `--mac "nope": `} {
		var list []string
		if macs != "" {
			list = strings.Split(macs, ",")
		}
		if err := SplitMACs(list); !errors.As(err, &se) || !strings.HasPrefix(err.Error(), says) {
			t.Errorf("%q: %v, want a *SettingsError %q", macs, err, says)
		}
	}
}

// store init: --replicas needs --cluster and at least 1; without a
// cluster it initialises the one store.
func TestStoreInit(t *testing.T) {
	s := sqliteSettings(t, filepath.Join(t.TempDir(), "cmdb.db"))
	var w bytes.Buffer
	var se *SettingsError
	for _, tc := range []struct {
		cluster  string
		replicas int
		says     string
	}{{"", 2, "--replicas needs --cluster"}, {"nc", -1, "--replicas -1: want at least 1"}} {
		if err := s.Init(t.Context(), tc.cluster, tc.replicas, &w); !errors.As(err, &se) || err.Error() != tc.says {
			t.Errorf("%q %d: %v, want %q", tc.cluster, tc.replicas, err, tc.says)
		}
	}
	if w.Len() != 0 {
		t.Errorf("said %q before refusing", w.String())
	}
	if err := s.Init(t.Context(), "", 0, &w); err != nil || !strings.HasPrefix(w.String(), "store: schema version ") {
		t.Errorf("init: %v, said %q", err, w.String())
	}
}

// serve --check says the counts, the store with its password redacted
// and the address.
func TestServeCheck(t *testing.T) {
	s := StoreSettings{Inventory: config.Inventory{Store: "clickhouse://netcensus:s3cret@192.0.2.9:9000/cmdb"}, Getenv: envOf(nil)}
	opts := serve.Options{Schedules: make([]serve.Schedule, 2), Listen: "127.0.0.1:8080"}
	var w bytes.Buffer
	if err := s.ServeCheck(opts, &w); err != nil {
		t.Fatal(err)
	}
	if got := w.String(); !strings.HasPrefix(got, "config ok: 2 schedules, 0 tokens, 0 alert sinks, 0 baselines; store clickhouse://") ||
		strings.Contains(got, "s3cret") || !strings.HasSuffix(got, "; listen 127.0.0.1:8080\n") {
		t.Errorf("said %q", got)
	}
	var se *SettingsError
	if err := (StoreSettings{Getenv: envOf(nil), UID: 1000}).ServeCheck(opts, &w); !errors.As(err, &se) {
		t.Errorf("no place for the default store: %v", err)
	}
}

// fingerprints explain refuses a device given neither way or both ways,
// and a format but table and json; it writes JSON or text.
func TestExplainRequest(t *testing.T) {
	var se *SettingsError
	for _, tc := range []struct {
		r    ExplainRequest
		says string
	}{
		{ExplainRequest{}, "give --sys-object-id and/or --sys-descr, or --walk FILE"},
		{ExplainRequest{Walk: "w.snmprec", SysDescr: "Linux"}, "--walk replaces --sys-object-id and --sys-descr"},
		{ExplainRequest{SysDescr: "Linux", Format: "csv"}, `--format "csv": want table or json`},
	} {
		var out bytes.Buffer
		if err := tc.r.Run(config.Fingerprints{}, &out, &out); !errors.As(err, &se) || !strings.HasPrefix(err.Error(), tc.says) || out.Len() != 0 {
			t.Errorf("%+v: %v, wrote %q; want %q", tc.r, err, out.String(), tc.says)
		}
	}
	r := ExplainRequest{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux probe-host 6.1.0 x86_64", Format: "json"}
	var js, text bytes.Buffer
	if err := r.Run(config.Fingerprints{}, &js, &js); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(js.Bytes(), &got); err != nil || !strings.Contains(js.String(), "\n  ") {
		t.Errorf("json %q: %v", js.String(), err)
	}
	r.Format = ""
	if err := r.Run(config.Fingerprints{}, &text, &text); err != nil || !strings.Contains(text.String(), "Linux") || json.Valid(text.Bytes()) {
		t.Errorf("table: %v\n%s", err, text.String())
	}
}

// fingerprints coverage refuses another format before reading the walks
// and writes the report as a table or JSON.
func TestCoverageIn(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "host.snmprec"), []byte(probeWalk), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, said bytes.Buffer
	var se *SettingsError
	if err := CoverageIn(t.Context(), "", config.Fingerprints{}, filepath.Join(dir, "none"), "", &out, &said); !errors.As(err, &se) || err.Error() != `--format "": want table or json` {
		t.Errorf("no format: %v", err)
	}
	if err := CoverageIn(t.Context(), "json", config.Fingerprints{}, dir, "", &out, &said); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil || got["walks"] == nil {
		t.Errorf("json %q: %v", out.String(), err)
	}
	out.Reset()
	if err := CoverageIn(t.Context(), "table", config.Fingerprints{}, dir, "", &out, &said); err != nil || json.Valid(out.Bytes()) || out.Len() == 0 {
		t.Errorf("table: %v\n%s", err, out.String())
	}
}
