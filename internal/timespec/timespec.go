// Package timespec reads the durations and window starts people write in
// config files, flags and API query parameters: Go's durations with d
// (days) and w (weeks), and a window's start, a duration back from now or
// an RFC 3339 time. The CLI and serve's API read them with the same code.
package timespec

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ParseDuration parses Go's duration syntax extended with d (days) and w
// (weeks): "300ms", "90s", "1h30m", "7d", "2w", "1w2d3h". Errors name the
// value.
func ParseDuration(s string) (time.Duration, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return 0, fmt.Errorf("duration %q: empty", s)
	}
	var total time.Duration
	rest := in
	neg := false
	if rest[0] == '-' || rest[0] == '+' {
		neg = rest[0] == '-'
		rest = rest[1:]
	}
	tooLong := fmt.Errorf("duration %q: too long", s)
	// Peel leading "<n>w" and "<n>d" terms; hand the remainder to Go.
	for rest != "" {
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.') {
			i++
		}
		if i == 0 || i == len(rest) {
			break
		}
		unit := rest[i]
		if unit != 'd' && unit != 'w' {
			break
		}
		n, err := strconv.ParseFloat(rest[:i], 64)
		if err != nil {
			return 0, fmt.Errorf("duration %q: %w", s, err)
		}
		day := 24 * time.Hour
		if unit == 'w' {
			day *= 7
		}
		v := n * float64(day)
		if v >= math.MaxInt64 || time.Duration(v) > math.MaxInt64-total {
			return 0, tooLong
		}
		total += time.Duration(v)
		rest = rest[i+1:]
	}
	if rest != "" {
		d, err := time.ParseDuration(rest)
		if err != nil {
			return 0, fmt.Errorf("duration %q: want a number with a unit (ms, s, m, h, d, w)", s)
		}
		if d > math.MaxInt64-total {
			return 0, tooLong
		}
		total += d
	}
	if neg {
		total = -total
	}
	return total, nil
}

// MaxSince is the farthest back a window's start may be given as a
// duration: 100,000 days.
const MaxSince = 100_000 * 24 * time.Hour

// ParseSince reads the start of a window, in UTC: a duration back from
// now (24h, 7d, 1w2d; ParseDuration) or an RFC 3339 time; "" is no start
// (the zero time). Errors say what is wrong, not the value: the caller
// names the flag or parameter and the value.
func ParseSince(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if d, err := ParseDuration(s); err == nil {
		switch {
		case d < 0:
			return time.Time{}, errors.New("a duration back from now must be positive")
		case d > MaxSince:
			return time.Time{}, errors.New("too far back (at most 100000d)")
		}
		return now.Add(-d).UTC(), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, errors.New("want a duration (24h, 7d) or an RFC 3339 time")
	}
	return t.UTC(), nil
}

// Since is a window's start given as a flag (a pflag.Value): Set checks
// the value with ParseSince, so a bad one is refused as the flags are
// parsed, naming the flag; At reads it against the clock when the
// command runs.
type Since string

// Set implements pflag.Value.
func (s *Since) Set(v string) error {
	if _, err := ParseSince(v, time.Now()); err != nil {
		return err
	}
	*s = Since(v)
	return nil
}

// String implements pflag.Value.
func (s *Since) String() string { return string(*s) }

// Type implements pflag.Value: a string, as help shows it.
func (s *Since) Type() string { return "string" }

// At is the window's start as of now (ParseSince), the zero time when
// the value is "" (or was never checked by Set and is bad).
func (s Since) At(now time.Time) time.Time {
	t, _ := ParseSince(string(s), now)
	return t
}
