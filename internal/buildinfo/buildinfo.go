// Package buildinfo says what a binary knows of its own build.
package buildinfo

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// Info is what a binary knows of its own build: the release, the commit
// and its date from the Go toolchain's VCS stamping, and the Go version.
type Info struct {
	Release, Commit, Date, GoVersion string
	// Modified: built from a tree with uncommitted changes.
	Modified bool
}

// Read reads the running binary's build information; release is the one
// the build stamped (-ldflags -X), else the module's version, else "dev".
func Read(release string) Info {
	b := Info{Release: release, Commit: "unknown", Date: "unknown", GoVersion: runtime.Version()}
	bi, ok := debug.ReadBuildInfo()
	if ok {
		b.GoVersion = bi.GoVersion
		if b.Release == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			b.Release = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				b.Commit = s.Value
			case "vcs.time":
				b.Date = s.Value
			case "vcs.modified":
				b.Modified = s.Value == "true"
			}
		}
	}
	if b.Release == "" {
		b.Release = "dev"
	}
	return b
}

// String is what version and --version print.
func (b Info) String() string {
	commit := b.Commit
	if b.Modified {
		commit += " (modified)"
	}
	return fmt.Sprintf("netcensus %s\ncommit: %s\nbuilt:  %s\ngo:     %s\n", b.Release, commit, b.Date, b.GoVersion)
}
