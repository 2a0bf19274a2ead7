package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/buildinfo"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/internal/cpuprofile"
	"github.com/netcensus/netcensus/internal/logging"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/nmap"
	"github.com/netcensus/netcensus/scanner/passive"
)

// Exit codes (documented in the README and in netcensus --help).
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
	// exitDeviates: drift found an asset out of compliance.
	exitDeviates = 3
	// exitNoRawSocket: the process may not open raw sockets (CAP_NET_RAW).
	exitNoRawSocket = 4
	exitInterrupted = 130
)

// errDeviates is drift's result when some asset deviates: exit 3.
type errDeviates struct{ n int }

func (e errDeviates) Error() string {
	return fmt.Sprintf("%d assets deviate from the baselines", e.n)
}

// usageError marks a bad flag, target or config: exit 2, nothing sent.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// app is everything a command needs from the outside world; tests build
// one with buffers.
type app struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	// isTTY reports whether a writer is a terminal.
	isTTY func(io.Writer) bool

	// newEnv builds the scanner's view of the machine; tests swap it.
	newEnv func(*oui.Registry, *slog.Logger) scanner.Env

	configPath string
	verbose    int
	cpuProfile string
	cfg        config.Config
	log        *slog.Logger

	// storeFlag is --store, laid over the config's inventory.store.
	storeFlag string
	// existingStore: the command reads the CMDB or acts on stored assets,
	// so it opens an existing SQLite file only, never creating one.
	existingStore bool

	// wrapStore, when set, wraps every store opened; tests use it to stop
	// a process at a chosen write.
	wrapStore func(store.Store) store.Store
}

func newApp(stdout, stderr io.Writer, getenv func(string) string) *app {
	return &app{stdout: stdout, stderr: stderr, getenv: getenv, isTTY: isTerminal, newEnv: scanner.SystemEnv}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// version is set by -ldflags "-X main.version=..." in release builds.
var version = ""

func readBuildInfo() buildinfo.Info { return buildinfo.Read(version) }

func buildVersion() string { return readBuildInfo().Release }

// helpWidth is the width every --help fits in.
const helpWidth = 80

// annotExistingStore marks a command that opens only an existing CMDB.
const annotExistingStore = "netcensus/existing-store"

// existingStoreOnly marks cmds as reading the CMDB (or acting on stored
// assets): they never create an empty database as a side effect.
func existingStoreOnly(cmds ...*cobra.Command) {
	for _, c := range cmds {
		if c.Annotations == nil {
			c.Annotations = map[string]string{}
		}
		c.Annotations[annotExistingStore] = "true"
	}
}

// needsNoConfig reports whether cmd runs without reading the config file,
// so that a broken one does not stop version, completion or help.
func needsNoConfig(cmd *cobra.Command) bool {
	for c := cmd; c != nil; c = c.Parent() {
		switch c.Name() {
		case "version", "completion", "help", "config", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
			return true
		}
	}
	return false
}

func newRoot(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "netcensus",
		Short: "Find every device on your networks and say what it is",
		Long: `netcensus finds every device on the networks it is pointed at, says what
each one is, and keeps a history of it in a CMDB (SQLite or ClickHouse).

Exit status: 0 success, 1 failure, 2 a bad flag, target or config, 3 drift
found an asset that deviates, 4 no CAP_NET_RAW for a sweep, 130 interrupted.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			a.log, _ = logging.New(a.stderr, "text", logging.Level(a.verbose, slog.LevelWarn))
			a.existingStore = cmd.Annotations[annotExistingStore] == "true"
			// --store is laid over inventory.store as any flag over its key.
			store := config.Flag(cmd.Flags(), "store", &a.cfg.Inventory.Store, &a.storeFlag)
			return assemble.CommandConfig(&a.cfg, a.configPath, a.getenv, needsNoConfig(cmd), a.stderr, a.log, store)
		},
	}
	root.Version = buildVersion()
	root.SetVersionTemplate(readBuildInfo().String())
	// Help fits 80 columns: flag descriptions wrap under their column.
	root.SetUsageTemplate(strings.NewReplacer(
		".LocalFlags.FlagUsages", fmt.Sprintf("(.LocalFlags.FlagUsagesWrapped %d)", helpWidth),
		".InheritedFlags.FlagUsages", fmt.Sprintf("(.InheritedFlags.FlagUsagesWrapped %d)", helpWidth),
		`Use "{{.CommandPath}} [command] --help" for more information about a command.`,
		`Run "{{.CommandPath}} COMMAND --help" for a command's help.`,
	).Replace(root.UsageTemplate()))
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.PersistentFlags().StringVar(&a.configPath, "config", "", "config file (default $XDG_CONFIG_HOME/netcensus/config.yaml, then /etc/netcensus/config.yaml)")
	root.PersistentFlags().CountVarP(&a.verbose, "verbose", "v", "log more to stderr (-v info, -vv debug)")
	root.PersistentFlags().StringVar(&a.cpuProfile, "cpu-profile", "", "write a Go CPU profile of the command to this file")
	_ = root.PersistentFlags().MarkHidden("cpu-profile")
	root.PersistentFlags().StringVar(&a.storeFlag, "store", "", "the CMDB: sqlite:PATH or clickhouse://HOST:9000/DB (default sqlite at $XDG_DATA_HOME/netcensus/netcensus.db, /var/lib/netcensus/netcensus.db as root)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newVersionCmd(a), newSweepCmd(a), newProbeCmd(a), newMDNSCmd(a), newImportCmd(a), newFingerprintsCmd(a))
	root.AddCommand(newCMDBCmds(a)...)
	root.AddCommand(newDriftCmd(a), newExportCmd(a))
	root.AddCommand(newCapacityCmd(a))
	root.AddCommand(newConfigCmd(a))
	root.AddCommand(newServeCmd(a))
	root.AddCommand(newStoreCmd(a))
	root.AddCommand(newPortsCmd(a))
	for _, c := range root.Commands() {
		switch c.Name() {
		case "assets", "asset", "events", "sweeps", "capacity", "drift", "export":
			existingStoreOnly(c)
			existingStoreOnly(c.Commands()...)
		}
	}
	return root
}

// run executes the command line and maps errors to exit codes. It is the
// only place that decides an exit code.
func run(ctx context.Context, a *app, args []string) int {
	root := newRoot(a)
	root.SetArgs(args)
	// The profile flag is read before cobra runs, so the whole command is
	// profiled.
	stopProfile := cpuprofile.StartArgs(args, a.stderr)
	err := root.ExecuteContext(ctx)
	stopProfile()
	if err == nil {
		return exitOK
	}
	code := exitCode(err)
	if code == exitInterrupted {
		fmt.Fprintln(a.stderr, "netcensus: interrupted")
	} else {
		fmt.Fprintf(a.stderr, "netcensus: %v\n", err)
	}
	return code
}

// exitCode is the one mapping of a command's error to its exit status:
// interrupted 130; no raw socket 4; a bad flag, target, config
// (config.Error) or setting (assemble.SettingsError), a missing capture
// file or a bad Nmap report, an unknown
// format, and an asset ID that names none, several or one in the wrong
// state 2; deviations 3; anything else 1.
func exitCode(err error) int {
	var ue usageError
	var se *assemble.SettingsError
	var ce *config.Error
	var dev errDeviates
	var fe *passive.FileError
	var ne *nmap.FileError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.Is(err, assemble.ErrNeedRaw):
		return exitNoRawSocket
	case errors.As(err, &ue), errors.As(err, &se), errors.As(err, &ce), errors.As(err, &fe), errors.As(err, &ne), isCobraUsage(err), errors.Is(err, exporters.ErrFormat),
		errors.Is(err, store.ErrNotFound), errors.Is(err, inventory.ErrState), errors.Is(err, inventory.ErrAmbiguous):
		return exitUsage
	case errors.As(err, &dev):
		return exitDeviates
	}
	return exitFailure
}

// isCobraUsage recognises cobra's own argument errors (unknown command,
// wrong number of args), which it does not type.
func isCobraUsage(err error) bool {
	s := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires at least", "invalid argument"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func newVersionCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the release, commit, build date and Go version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprint(a.stdout, readBuildInfo())
			return nil
		},
	}
}
