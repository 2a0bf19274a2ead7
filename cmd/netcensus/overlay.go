package main

import "github.com/spf13/pflag"

// flagOver ties a flag to the config field it overrides.
type flagOver struct {
	name string
	set  func()
}

// over binds the variable src of flag name to the config field dst.
func over[T any](name string, dst, src *T) flagOver {
	return flagOver{name, func() { *dst = *src }}
}

// overlay lays the flags the user set (pflag's Changed) over the config
// fields they are bound to; a flag left alone keeps the config's value,
// even where the flag's default differs.
func overlay(fs *pflag.FlagSet, fos ...flagOver) {
	for _, o := range fos {
		if fs.Changed(o.name) {
			o.set()
		}
	}
}

// given is v when the user set flag name (pflag's Changed), else nil.
func given[T any](fs *pflag.FlagSet, name string, v *T) *T {
	if fs.Changed(name) {
		return v
	}
	return nil
}
