// Package cpuprofile writes a Go CPU profile of a whole command, named on
// its command line by --cpu-profile FILE, which is read before the
// command's flags are parsed so that the parsing is profiled too.
package cpuprofile

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"
)

// Flag is the command line's flag naming the profile's file.
const Flag = "--cpu-profile"

// Path is the FILE of --cpu-profile FILE or --cpu-profile=FILE among args
// (the last one given), "" when there is none.
func Path(args []string) string {
	path := ""
	for i, arg := range args {
		if v, ok := strings.CutPrefix(arg, Flag+"="); ok {
			path = v
		} else if arg == Flag && i+1 < len(args) {
			path = args[i+1]
		}
	}
	return path
}

// Start profiles the process into a new file at path until the returned
// func is called, which stops the profile and closes the file.
func Start(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// StartArgs starts a profile when args hold --cpu-profile FILE (Path), so
// that a whole command is profiled: a profile that cannot start is said
// on warn and the command goes on without it. The returned func stops it.
func StartArgs(args []string, warn io.Writer) (stop func()) {
	path := Path(args)
	if path == "" {
		return func() {}
	}
	stop, err := Start(path)
	if err != nil {
		fmt.Fprintf(warn, "netcensus: cpu profile: %v\n", err)
		return func() {}
	}
	return stop
}
