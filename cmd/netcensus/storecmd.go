package main

import "github.com/spf13/cobra"

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
			return a.storeSettings().Init(cmd.Context(), cluster, replicas, a.stderr)
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
			return a.storeSettings().CheckStore(cmd.Context(), a.stderr)
		},
	})
	return cmd
}
