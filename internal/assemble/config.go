package assemble

import (
	"fmt"
	"io"
	"log/slog"

	"gopkg.in/yaml.v3"

	"github.com/netcensus/netcensus/internal/config"
)

// CommandConfig sets *c to a command's config: config.Load's of path (""
// for the default places), or the defaults for a command that reads no
// config (readNone: version, completion, help, so a broken file does not
// stop them); then it lays ls over *c (config.Overlay; the layers point
// into *c). A bad layer over the defaults is not an error: such a command
// opens no store. The file read is logged, and when it holds secrets
// others may read (Config.SecretsWarning) that is said on w.
func CommandConfig(c *config.Config, path string, getenv func(string) string, readNone bool, w io.Writer, log *slog.Logger, ls ...config.Layer) error {
	if readNone {
		*c = config.Default()
		_ = c.Overlay(ls...)
		return nil
	}
	cfg, used, err := config.Load(path, getenv)
	if err != nil {
		return err
	}
	*c = cfg
	if err := c.Overlay(ls...); err != nil {
		return err
	}
	if used != "" {
		log.Info("config loaded", "path", used)
		if warn := cfg.SecretsWarning(used); warn != "" {
			fmt.Fprintln(w, warn)
		}
	}
	return nil
}

// WriteCheckedConfig says on w which config CheckConfig read (used; ""
// for the built-in defaults) and writes cfg's effective settings on out
// as YAML, every secret redacted.
func WriteCheckedConfig(out, w io.Writer, cfg config.Config, used string) error {
	if used == "" {
		fmt.Fprintln(w, "config: no file found: the built-in defaults")
	} else {
		fmt.Fprintf(w, "config %s: valid\n", used)
	}
	b, err := yaml.Marshal(cfg)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	_, err = out.Write(b)
	return err
}
