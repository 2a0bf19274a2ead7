package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/internal/logging"
	"github.com/netcensus/netcensus/serve"
)

type serveFlags struct {
	check     bool
	logFormat string
	listen    string
}

func newServeCmd(a *app) *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the service: scheduled sweeps, HTTP API, alerts, metrics",
		Long: `Serve runs the schedules of the config file's schedules section, serves the
HTTP API under /api/v1 (with /metrics for Prometheus) and the web UI on the
same port (open http://<listen>/ and sign in with an API token), and sends
alerts to the sinks of serve.alerts through an outbox kept in the store.

SIGTERM or SIGINT stops it: the HTTP server drains, and a running sweep gets
serve.shutdown_grace to finish before it is cancelled and stored as partial.
SIGHUP reloads the config file; a bad one is refused (the log names the bad
key) and the running config is kept. --check validates the config and exits.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.serve(cmd.Context(), cmd, &f)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&f.check, "check", false, "validate the config (schedules, tokens, TLS files, sinks, baselines, store) and exit")
	fl.StringVar(&f.logFormat, "log-format", "text", "log format: text or json")
	fl.StringVar(&f.listen, "listen", "", "the API's address (overrides serve.listen)")
	return cmd
}

func (a *app) serve(ctx context.Context, cmd *cobra.Command, f *serveFlags) error {
	// The service logs at info (debug with -vv) in the chosen format.
	log, err := logging.New(a.stderr, f.logFormat, logging.Level(a.verbose, slog.LevelInfo))
	if err != nil {
		return usagef("--log-format %v", err)
	}
	a.log = log
	opts, err := a.serveOptions(cmd, f, a.cfg)
	if err != nil {
		return err
	}
	if f.check {
		return a.storeSettings().ServeCheck(opts, a.stdout)
	}
	inv, done, err := a.storeSettings().OpenInventory(ctx)
	if err != nil {
		return err
	}
	defer done()
	cur := assemble.NewLive(a.cfg)
	srv, err := assemble.NewServer(opts, assemble.ServeSweepDeps{Inventory: inv, Stored: a.cfg.Inventory, Config: cur.Get,
		Env: a.newEnv, Getenv: a.getenv, Hostname: os.Hostname, Log: log})
	if err != nil {
		return err
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go cur.Watch(ctx, hup, srv, a.configPath, a.getenv, func(cfg config.Config) (serve.Options, error) { return a.serveOptions(cmd, f, cfg) }, log)
	if err := srv.Run(ctx); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

// serveOptions are the service's options of cfg with --listen laid over
// serve.listen.
func (a *app) serveOptions(cmd *cobra.Command, f *serveFlags, cfg config.Config) (serve.Options, error) {
	if err := cfg.Overlay(config.Flag(cmd.Flags(), "listen", &cfg.Serve.Listen, &f.listen)); err != nil {
		return serve.Options{}, err
	}
	return assemble.ServeOptions(cfg, a.getenv)
}
