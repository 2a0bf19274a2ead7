package timespec

import (
	"strings"
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"300ms":   300 * time.Millisecond,
		"90s":     90 * time.Second,
		"1h30m":   90 * time.Minute,
		"7d":      7 * 24 * time.Hour,
		"2w":      14 * 24 * time.Hour,
		"1w2d3h":  (9*24 + 3) * time.Hour,
		"1.5d":    36 * time.Hour,
		" 1d ":    24 * time.Hour,
		"-1d":     -24 * time.Hour,
		"1d500ms": 24*time.Hour + 500*time.Millisecond,
		"0s":      0,
	} {
		got, err := ParseDuration(in)
		if err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "d", "5", "5y", "1dd", "w1", "abc", "1d5",
		"99999999999999999999d", "106751d1w", "106751d99999h"} {
		if _, err := ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) accepted", bad)
		} else if !strings.Contains(err.Error(), bad) {
			t.Errorf("ParseDuration(%q) error %q does not name the value", bad, err)
		}
	}
}

func TestParseSince(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.FixedZone("CET", 3600))
	for in, want := range map[string]time.Time{
		"":                          {},
		"24h":                       now.Add(-24 * time.Hour),
		"7d":                        time.Date(2026, 11, 27, 11, 0, 0, 0, time.UTC),
		"1w1d":                      time.Date(2026, 11, 26, 11, 0, 0, 0, time.UTC),
		"100000d":                   now.Add(-MaxSince),
		"2026-11-01T08:00:00Z":      time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC),
		"2026-11-01T08:00:00+02:00": time.Date(2026, 11, 1, 6, 0, 0, 0, time.UTC),
	} {
		got, err := ParseSince(in, now)
		if err != nil || !got.Equal(want) || (in != "" && got.Location() != time.UTC) {
			t.Errorf("ParseSince(%q) = %v, %v; want %v in UTC", in, got, err, want)
		}
	}
	for bad, says := range map[string]string{"-1d": "must be positive", "-5h": "must be positive", "100001d": "too far back",
		"99999999999999999999d": "RFC 3339", "yesterday": "RFC 3339", "2026-11-01": "RFC 3339"} {
		if _, err := ParseSince(bad, now); err == nil || !strings.Contains(err.Error(), says) {
			t.Errorf("ParseSince(%q) error %v: want it to say %q", bad, err, says)
		}
	}
}

// A Since flag refuses a bad value when set, keeping the one it had, and
// reads a good one against the clock it is given.
func TestSinceFlag(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	s := Since("24h")
	if got := s.At(now); !got.Equal(now.Add(-24*time.Hour)) || s.String() != "24h" || s.Type() != "string" {
		t.Errorf("default: %v, %q, %q", got, s.String(), s.Type())
	}
	if err := s.Set("yesterday"); err == nil || !strings.Contains(err.Error(), "RFC 3339") || s != "24h" {
		t.Errorf("Set(yesterday): %v, kept %q", err, s)
	}
	if err := s.Set("2w"); err != nil || !s.At(now).Equal(now.Add(-14*24*time.Hour)) {
		t.Errorf("Set(2w): %v, %v", err, s.At(now))
	}
	if err := s.Set(""); err != nil || !s.At(now).IsZero() {
		t.Errorf("Set(\"\"): %v, %v; want no start", err, s.At(now))
	}
}
