package assemble

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/netcensus/netcensus/inventory/store/clickhouse"
	"github.com/netcensus/netcensus/inventory/stores"
)

// The store command's work: store init, on one server or a cluster, and
// store check. Each says what it found on w, one line each, and fails
// naming what is wrong.

// Init is store init: InitStore, or with a cluster named, InitCluster.
// --replicas without a cluster, or below 0, is a *SettingsError.
func (s StoreSettings) Init(ctx context.Context, cluster string, replicas int, w io.Writer) error {
	if cluster == "" {
		if replicas != 0 {
			return &SettingsError{errors.New("--replicas needs --cluster")}
		}
		return s.InitStore(ctx, w)
	}
	if replicas < 0 {
		return &SettingsError{fmt.Errorf("--replicas %d: want at least 1", replicas)}
	}
	return s.InitCluster(ctx, cluster, replicas, w)
}

// InitStore opens the store, creating its schema or migrating it to this
// netcensus's version (what every command does on its own first), and
// says its schema version on w.
func (s StoreSettings) InitStore(ctx context.Context, w io.Writer) error {
	inv, done, err := s.OpenInventory(ctx)
	if err != nil {
		return err
	}
	defer done()
	v, err := inv.Store().SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "store: schema version %d\n", v)
	return nil
}

// InitCluster creates the whole schema on the ClickHouse cluster of the
// store's server (clickhouse.DB.InitCluster; replicas > 0: every shard
// must have that many) and says each shard's replicas and the schema
// version on w. A store that is not ClickHouse is a *SettingsError.
func (s StoreSettings) InitCluster(ctx context.Context, cluster string, replicas int, w io.Writer) error {
	db, err := s.openClickHouseFor(ctx, "store init --cluster")
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.InitCluster(ctx, cluster, replicas); err != nil {
		return err
	}
	shards, err := db.ClusterShards(ctx, cluster)
	if err != nil {
		return err
	}
	for _, sh := range shards {
		fmt.Fprintf(w, "store: cluster %s shard %d: %s\n", cluster, sh.Num, strings.Join(sh.Replicas, ", "))
	}
	fmt.Fprintf(w, "store: schema version %d on cluster %s\n", clickhouse.Latest(), cluster)
	return nil
}

// CheckStore checks the store's schema without changing anything: a
// ClickHouse server, or every node of its cluster, one line a node on w
// (clickhouse.DB.CheckSchema), failing when one is behind, lacks
// something or does not answer (clickhouse.Behind); an SQLite file's
// version and every page read for damage (stores.CheckSQLite).
func (s StoreSettings) CheckStore(ctx context.Context, w io.Writer) error {
	dsn, err := s.DSN()
	if err != nil {
		return err
	}
	if !strings.HasPrefix(dsn, "clickhouse://") {
		path, v, err := stores.CheckSQLite(ctx, dsn)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "store: %s: schema version %d, current; no damage found\n", path, v)
		return nil
	}
	db, err := s.openClickHouseFor(ctx, "store check")
	if err != nil {
		return err
	}
	defer db.Close()
	cluster, nodes, err := db.CheckSchema(ctx)
	if err != nil {
		return err
	}
	for _, n := range nodes {
		fmt.Fprintf(w, "store: %s\n", n)
	}
	if err := clickhouse.Behind(cluster, nodes); err != nil {
		return fmt.Errorf("store check: %w", err)
	}
	return nil
}

// openClickHouseFor is OpenClickHouse with what (the command) named in a
// bad setting's error.
func (s StoreSettings) openClickHouseFor(ctx context.Context, what string) (*clickhouse.DB, error) {
	db, err := s.OpenClickHouse(ctx)
	var se *SettingsError
	if errors.As(err, &se) {
		return nil, &SettingsError{fmt.Errorf("%s: %w", what, se.Err)}
	}
	return db, err
}
