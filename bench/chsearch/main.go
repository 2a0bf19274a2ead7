// Command chsearch times searches through a ClickHouse store as serve
// makes them (store.Assets with AssetFilter.Search), one after another,
// and prints each: the term, the assets found and the call's time. The
// server's side of each is in its system.query_log (log_queries).
//
//	go run ./bench/chsearch -addr 127.0.0.1:9000 -db servebench -n 60 \
//	    $(clickhouse-client -q "SELECT mac FROM servebench.assets ORDER BY rand() LIMIT 20")
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/clickhouse"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:9000", "the server's native protocol address")
	db := flag.String("db", "servebench", "the database")
	n := flag.Int("n", 30, "searches, the terms taken in turns")
	flag.Parse()
	terms := flag.Args()
	if len(terms) == 0 {
		fmt.Fprintln(os.Stderr, "chsearch: give the terms to search for")
		os.Exit(2)
	}
	ctx := context.Background()
	d, err := clickhouse.Open(ctx, clickhouse.Options{Addr: *addr, Database: *db})
	if err != nil {
		fmt.Fprintln(os.Stderr, "chsearch:", err)
		os.Exit(1)
	}
	defer d.Close()
	for i := range *n {
		term := terms[i%len(terms)]
		start := time.Now()
		as, err := d.Assets(ctx, store.AssetFilter{Search: term})
		if err != nil {
			fmt.Fprintln(os.Stderr, "chsearch:", err)
			os.Exit(1)
		}
		fmt.Println(term, len(as), time.Since(start))
	}
}
