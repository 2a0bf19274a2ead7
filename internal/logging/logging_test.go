package logging

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
)

func TestLevel(t *testing.T) {
	for _, c := range []struct {
		verbose    int
		base, want slog.Level
	}{
		{0, slog.LevelWarn, slog.LevelWarn},
		{1, slog.LevelWarn, slog.LevelInfo},
		{2, slog.LevelWarn, slog.LevelDebug},
		{3, slog.LevelWarn, slog.LevelDebug},
		{0, slog.LevelInfo, slog.LevelInfo},
		{1, slog.LevelInfo, slog.LevelInfo}, // serve: -v is its default
		{2, slog.LevelInfo, slog.LevelDebug},
	} {
		if got := Level(c.verbose, c.base); got != c.want {
			t.Errorf("Level(%d, %v) = %v, want %v", c.verbose, c.base, got, c.want)
		}
	}
}

func TestNew(t *testing.T) {
	var b bytes.Buffer
	log, err := New(&b, "json", slog.LevelInfo)
	if err != nil {
		t.Fatal(err)
	}
	log.Debug("hidden")
	log.Info("shown", "target", "198.51.100.7")
	var rec map[string]any
	if err := json.Unmarshal(b.Bytes(), &rec); err != nil || rec["msg"] != "shown" || rec["target"] != "198.51.100.7" {
		t.Errorf("json: %q, %v", b.String(), err)
	}
	b.Reset()
	if log, err = New(&b, "text", slog.LevelWarn); err != nil {
		t.Fatal(err)
	}
	log.Info("hidden")
	log.Warn("shown")
	if s := b.String(); !strings.Contains(s, "level=WARN msg=shown") || strings.Contains(s, "hidden") {
		t.Errorf("text: %q", s)
	}
	if _, err := New(&b, "xml", slog.LevelInfo); err == nil || !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("an unknown format: %v", err)
	}
}
