// Package logging builds the command's loggers: a level from -v flags and
// a handler in the chosen format.
package logging

import (
	"fmt"
	"io"
	"log/slog"
)

// Level is the level of verbose -v flags over base: info at -v (base if
// lower), debug at -vv and more, base without any.
func Level(verbose int, base slog.Level) slog.Level {
	switch {
	case verbose >= 2:
		return slog.LevelDebug
	case verbose == 1:
		return min(base, slog.LevelInfo)
	}
	return base
}

// New is a logger to w at level, in format: text or json.
func New(w io.Writer, format string, level slog.Level) (*slog.Logger, error) {
	o := &slog.HandlerOptions{Level: level}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, o)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, o)), nil
	}
	return nil, fmt.Errorf("%q: want text or json", format)
}
