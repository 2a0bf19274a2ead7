package assemble

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/serve"
	"github.com/netcensus/netcensus/serve/web"
)

// NewServer builds the service over d.Inventory: the API with the
// store's service state, scheduled sweeps (ServeSweep), and the web UI
// on the API's port (webUI). Options serve refuses are a *SettingsError.
func NewServer(opts serve.Options, d ServeSweepDeps) (*serve.Server, error) {
	state, ok := d.Inventory.Store().(store.ServeState)
	if !ok {
		return nil, errors.New("the store keeps no service state")
	}
	srv, err := serve.New(opts, serve.Deps{Inventory: d.Inventory, State: state, Sweep: ServeSweep(d), Log: d.Log, UI: webUI(d.Log),
		CheckTargets: CheckTargets(d.Config)})
	if err != nil {
		return nil, &SettingsError{err}
	}
	return srv, nil
}

// CheckTargets refuses given targets (an API-triggered sweep's) as a
// sweep under the config cfg gives at the time would: public space
// unless sweep.allow_public, more addresses than sweep.max_hosts, and
// what does not parse.
func CheckTargets(cfg func() config.Config) func(targets, exclude []string) error {
	return func(targets, exclude []string) error {
		_, err := SweepOptions(cfg().Sweep, exclude, targets)
		return err
	}
}

// webUI builds the web UI that serve mounts beside the API. A UI that
// cannot be built (its embedded templates) is a bug: it is logged and
// the API runs without it.
func webUI(log *slog.Logger) func(*serve.Server) http.Handler {
	return func(s *serve.Server) http.Handler {
		ui, err := web.New(s, web.Options{Log: log})
		if err != nil {
			log.Error("web UI unavailable", "err", err)
			return nil
		}
		return ui.Handler()
	}
}

// Reload re-reads the config file (config.Load of path: "" for the
// default places) and swaps it, with the service options options makes
// of it (ServeOptions, with the command's flags laid over), into srv and
// l. A bad one is refused, its error naming the key, and the running
// config kept. It returns the file read.
func (l *Live) Reload(srv *serve.Server, path string, getenv func(string) string, options func(config.Config) (serve.Options, error)) (string, error) {
	cfg, read, err := config.Load(path, getenv)
	if err != nil {
		return read, err
	}
	opts, err := options(cfg)
	if err != nil {
		return read, err
	}
	if err := srv.Reload(opts); err != nil {
		return read, err
	}
	l.Set(cfg)
	return read, nil
}

// Watch reloads the config file (Reload) at each signal hup gives until
// ctx ends, and logs each reload done, or refused with the running
// config kept.
func (l *Live) Watch(ctx context.Context, hup <-chan os.Signal, srv *serve.Server, path string, getenv func(string) string,
	options func(config.Config) (serve.Options, error), log *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			read, err := l.Reload(srv, path, getenv, options)
			if err != nil {
				log.Error("reload refused; the running config is kept", "config", read, "err", err)
				continue
			}
			log.Info("reloaded", "config", read)
		}
	}
}
