package config

import "github.com/spf13/pflag"

// A Layer is one value laid over one config key by Overlay, when it was
// given: a flag the user set (Flag), or a scheduled sweep's option that
// is present (Option).
type Layer struct {
	given bool
	lay   func()
}

// Flag lays the variable v of flag name over the key dst when the user
// set the flag (pflag's Changed), even to its default or to the empty
// value; a flag left alone keeps the config's value, even where the
// flag's default differs.
func Flag[T any](fs *pflag.FlagSet, name string, dst, v *T) Layer {
	return Layer{fs.Changed(name), func() { *dst = *v }}
}

// Option lays *v over the key dst when v is not nil: a scheduled sweep's
// option that is set.
func Option[T any](dst, v *T) Layer {
	return Layer{v != nil, func() { *dst = *v }}
}

// Overlay is the one way a command's flags, or a scheduled sweep's
// options, override the config: it lays each layer given over c (the
// layers point into c) and, when any was, validates c again, so that a
// value out of range is refused naming its key as the file's would be
// (an *Error).
func (c *Config) Overlay(ls ...Layer) error {
	laid := false
	for _, l := range ls {
		if l.given {
			l.lay()
			laid = true
		}
	}
	if !laid {
		return nil
	}
	if err := c.Validate(); err != nil {
		return &Error{err}
	}
	return nil
}

// Error is a bad config: a file Load cannot read or decode, or a value
// out of range (the file's, or one laid over it by Overlay). Its message
// is its cause's, which names the key.
type Error struct{ Err error }

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }
