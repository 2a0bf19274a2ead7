package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/inventory/store/clickhouse"
	"github.com/netcensus/netcensus/inventory/stores"
)

func newStoreCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "store",
		Short: "Set up the CMDB's store",
	}
	var cluster string
	var replicas int
	initCmd := &cobra.Command{
		Use:   "init",
		Short: "Create the schema, on one server or a ClickHouse cluster",
		Long: `store init creates the store's schema, or migrates it to this netcensus's
version (what every command does on its own first).

With --cluster NAME (ClickHouse only), it creates the whole schema on the
cluster NAME of the server's remote_servers, ON CLUSTER (ZooKeeper and
distributed_ddl configured, macros {shard} and {replica} on every node):
a Replicated*MergeTree table NAME_local for each table, a Distributed table
in front of it under the table's name, sharded by asset, and the schema
version, change sets and serve's state replicated to every node. Point
every netcensus at any node's database afterwards. --replicas N checks
that every shard has N replicas. Run again, it creates nothing that exists.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cluster == "" {
				if replicas != 0 {
					return usagef("--replicas needs --cluster")
				}
				inv, done, err := a.openInventory(cmd.Context())
				if err != nil {
					return err
				}
				defer done()
				v, err := inv.Store().SchemaVersion(cmd.Context())
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stderr, "store: schema version %d\n", v)
				return nil
			}
			if replicas < 0 {
				return usagef("--replicas %d: want at least 1", replicas)
			}
			db, err := a.openClickHouse(cmd.Context(), "store init --cluster")
			if err != nil {
				return err
			}
			defer db.Close()
			if err := db.InitCluster(cmd.Context(), cluster, replicas); err != nil {
				return err
			}
			shards, err := db.ClusterShards(cmd.Context(), cluster)
			if err != nil {
				return err
			}
			for _, s := range shards {
				fmt.Fprintf(a.stderr, "store: cluster %s shard %d: %s\n", cluster, s.Num, strings.Join(s.Replicas, ", "))
			}
			fmt.Fprintf(a.stderr, "store: schema version %d on cluster %s\n", clickhouse.Latest(), cluster)
			return nil
		},
	}
	initCmd.Flags().StringVar(&cluster, "cluster", "", "create the schema on this ClickHouse cluster (remote_servers), replicated and distributed")
	initCmd.Flags().IntVar(&replicas, "replicas", 0, "with --cluster: require this many replicas in every shard")
	cmd.AddCommand(initCmd)
	cmd.AddCommand(&cobra.Command{
		Use:   "check",
		Short: "Check the schema (each ClickHouse node), an SQLite file's pages",
		Long: `store check asks the ClickHouse store's server, or on a cluster (store init
--cluster) every node of it directly, for its schema version and the tables
and columns of this netcensus's schema it lacks, one line a node on stderr.
On an SQLite store it says the schema version and reads every page of the
file for damage (SQLite's quick_check: seconds on a large store, which is
why other commands do not). It changes nothing. It exits 1 when a node is
behind, lacks something or does not answer, naming it, or when the SQLite
file is damaged or behind.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dsn, err := a.storeDSN()
			if err != nil {
				return err
			}
			if !strings.HasPrefix(dsn, "clickhouse://") {
				return a.checkSQLite(cmd.Context(), dsn)
			}
			db, err := a.openClickHouse(cmd.Context(), "store check")
			if err != nil {
				return err
			}
			defer db.Close()
			cluster, nodes, err := db.CheckSchema(cmd.Context())
			if err != nil {
				return err
			}
			for _, n := range nodes {
				fmt.Fprintf(a.stderr, "store: %s\n", n)
			}
			if err := clickhouse.Behind(cluster, nodes); err != nil {
				return fmt.Errorf("store check: %w", err)
			}
			return nil
		},
	})
	return cmd
}

// openClickHouse opens the --store's ClickHouse server without migrating
// anything; what is for the error when the store is not ClickHouse.
func (a *app) openClickHouse(ctx context.Context, what string) (*clickhouse.DB, error) {
	db, err := a.storeSettings().OpenClickHouse(ctx)
	var se *assemble.SettingsError
	if errors.As(err, &se) {
		return nil, usagef("%s: %w", what, err)
	}
	return db, err
}

// checkSQLite is store check of an SQLite store (stores.CheckSQLite).
func (a *app) checkSQLite(ctx context.Context, dsn string) error {
	path, v, err := stores.CheckSQLite(ctx, dsn)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "store: %s: schema version %d, current; no damage found\n", path, v)
	return nil
}
