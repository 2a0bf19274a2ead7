package assemble

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// Export refuses a bad request naming the flag before it opens the store
// (the store here does not exist: opening it would be another error), and
// writes an export to stdout or to a file.
func TestExport(t *testing.T) {
	dir := t.TempDir()
	none := sqliteSettings(t, filepath.Join(dir, "none.db"))
	none.Existing = true
	for _, tc := range []struct {
		name     string
		r        ExportRequest
		terminal bool
		says     string
	}{
		{"netbox-url without netbox", ExportRequest{Format: "csv", What: []string{"assets"}, NetBoxURL: "http://127.0.0.1:1"}, false, "--netbox-url goes with --format netbox"},
		{"an unknown kind", ExportRequest{Format: "csv", What: []string{"things"}}, false, "--what"},
		{"two kinds in csv", ExportRequest{Format: "csv", What: []string{"assets,events"}}, false, "--format csv holds one kind"},
		{"xlsx to a terminal", ExportRequest{Format: "xlsx", What: []string{"assets"}}, true, "--format xlsx is a binary file: refusing to write it to a terminal; give -O FILE"},
		{"drift without baselines", ExportRequest{Format: "csv", What: []string{"drift"}}, false, "give --baseline FILE or DIR"},
		{"a push without a token", ExportRequest{Format: "netbox", What: []string{"assets"}, NetBoxURL: "http://127.0.0.1:1"}, false, "--netbox-url needs a token: set NETCENSUS_NETBOX_TOKEN or give --netbox-token-file"},
		{"an unreadable token file", ExportRequest{Format: "netbox", What: []string{"assets"}, NetBoxURL: "http://127.0.0.1:1", NetBoxTokenFile: filepath.Join(dir, "none")}, false, "--netbox-token-file: "},
	} {
		var out bytes.Buffer
		err := none.Export(t.Context(), tc.r, &out, &out, tc.terminal)
		var se *SettingsError
		if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), tc.says) || out.Len() != 0 {
			t.Errorf("%s: %v, wrote %q; want a *SettingsError %q", tc.name, err, out.String(), tc.says)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused export opened the store: %v", err)
	}

	s := sqliteSettings(t, filepath.Join(dir, "cmdb.db"))
	inv, done, err := s.OpenInventory(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	err = inv.Store().PutAssets(t.Context(), []store.Asset{{Record: record.Asset{AssetID: "a1", Hostname: "web1", State: store.StateActive, FirstSeen: t0, LastSeen: t0}}})
	done()
	if err != nil {
		t.Fatal(err)
	}
	var out, said bytes.Buffer
	if err := s.Export(t.Context(), ExportRequest{Format: "jsonl", What: []string{"assets"}}, &out, &said, true); err != nil || !strings.Contains(out.String(), `"web1"`) {
		t.Fatalf("to stdout: %v, %q", err, out.String())
	}
	file := filepath.Join(dir, "assets.xlsx")
	out.Reset()
	if err := s.Export(t.Context(), ExportRequest{Format: "xlsx", What: []string{"assets"}, Out: file}, &out, &said, true); err != nil || out.Len() != 0 {
		t.Fatalf("xlsx to a file from a terminal: %v, wrote %q", err, out.String())
	}
	if b, err := os.ReadFile(file); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("the xlsx file: %v, %d bytes", err, len(b))
	}
}

// NetBoxClient takes the token of the file over the environment's.
func TestExportNetBoxClient(t *testing.T) {
	file := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(file, []byte("from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := envOf(map[string]string{exporters.NetBoxTokenEnv: "from-env"})
	r := ExportRequest{NetBoxURL: "http://127.0.0.1:1"}
	if c, err := r.NetBoxClient(env); err != nil || c.Token != "from-env" || c.BaseURL != r.NetBoxURL {
		t.Errorf("environment: %+v, %v", c, err)
	}
	r.NetBoxTokenFile = file
	if c, err := r.NetBoxClient(env); err != nil || c.Token != "from-file" {
		t.Errorf("file: %+v, %v", c, err)
	}
}
