package main

import (
	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/internal/assemble"
)

func newConfigCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Check the configuration and show the effective settings",
	}
	check := &cobra.Command{
		Use:   "check [FILE]",
		Short: "Validate a config; print the effective settings, secrets redacted",
		Long: `config check reads FILE (default: --config, else the first of
$XDG_CONFIG_HOME/netcensus/config.yaml and /etc/netcensus/config.yaml),
validates it, and prints the effective settings (the file over the defaults)
as YAML on stdout, with every secret redacted. A bad file exits 2 naming the
key and line.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := a.configPath
			if len(args) == 1 {
				path = args[0]
			}
			cfg, used, err := assemble.CheckConfig(path, a.getenv)
			if err != nil {
				return err
			}
			return assemble.WriteCheckedConfig(a.stdout, a.stderr, cfg, used)
		},
	}
	cmd.AddCommand(check)
	return cmd
}
