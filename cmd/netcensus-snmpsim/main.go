// Command netcensus-snmpsim serves recorded SNMP walks (snmpsim's .snmprec
// files) as SNMP v1/v2c/v3 agents on UDP, one simulated device per file:
//
//	netcensus-snmpsim --data-dir DIR --listen 127.0.0.1:1161 \
//	    [--listen ADDR ...] [--v3-user name:authproto:authpass:privproto:privpass ...]
//
// The community (v1/v2c) or context name (v3) selecting a device is the
// file's path under DIR without .snmprec or .snmprec.bz2, as with snmpsim.
// Bound addresses are printed on stderr; SIGINT or SIGTERM stops it.
package main

import (
	"context"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/netcensus/netcensus/internal/snmpsim"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stderr, nil)
	stop()
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "netcensus-snmpsim:", err)
		os.Exit(1)
	}
}

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// userFlag collects --v3-user values, parsed as they come; its String never
// shows passphrases.
type userFlag []snmpsim.User

func (u *userFlag) String() string {
	names := make([]string, len(*u))
	for i, x := range *u {
		names[i] = x.String()
	}
	return strings.Join(names, ",")
}

func (u *userFlag) Set(v string) error {
	user, err := snmpsim.ParseUser(v)
	if err != nil {
		return err
	}
	*u = append(*u, user)
	return nil
}

type config struct {
	opts    snmpsim.Options
	listen  []string
	verbose bool
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var (
		c          config
		listen     listFlag
		users      userFlag
		engineHex  string
		bulkFault  string
		boots      uint
		dropEveryN int
	)
	fs := flag.NewFlagSet("netcensus-snmpsim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.opts.DataDir, "data-dir", "", "directory searched recursively for .snmprec and .snmprec.bz2 walks (required)")
	fs.Var(&listen, "listen", "UDP address to serve on, repeatable (default 127.0.0.1:1161)")
	fs.Var(&users, "v3-user", "SNMPv3 user name[:authproto:authpass[:privproto:privpass]], repeatable;\nauth MD5|SHA|SHA-224|SHA-256|SHA-384|SHA-512, priv DES|AES|AES-192|AES-256|AES-192-C|AES-256-C")
	fs.StringVar(&engineHex, "engine-id", "", "SNMP engine ID in hex (default "+hex.EncodeToString([]byte(snmpsim.DefaultEngineID))+")")
	fs.UintVar(&boots, "engine-boots", 1, "snmpEngineBoots to report")
	fs.StringVar(&c.opts.DefaultContext, "default-context", "", "device served to v3 requests with an empty context name")
	fs.BoolVar(&c.opts.Preload, "preload", false, "parse every walk at start instead of on first use")
	fs.IntVar(&c.opts.MaxMessageSize, "max-message-size", 65507, "largest response in bytes")
	fs.DurationVar(&c.opts.Faults.Delay, "delay", 0, "fault: hold back every response this long")
	fs.IntVar(&dropEveryN, "drop-every", 0, "fault: leave every Nth request unanswered")
	fs.StringVar(&bulkFault, "bulk-fault", "none", "fault: none, ignore-max-repetitions or non-increasing")
	fs.StringVar(&c.opts.Faults.EndlessTable, "endless-table", "", "fault: OID of a table whose rows never end")
	fs.BoolVar(&c.verbose, "verbose", false, "log requests that are dropped")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if c.opts.DataDir == "" {
		return c, errors.New("--data-dir is required")
	}
	if engineHex != "" {
		id, err := hex.DecodeString(strings.TrimPrefix(strings.ReplaceAll(engineHex, ":", ""), "0x"))
		if err != nil {
			return c, fmt.Errorf("--engine-id: %w", err)
		}
		c.opts.EngineID = id
	}
	if boots == 0 || boots > 0x7fffffff {
		return c, fmt.Errorf("--engine-boots %d out of range", boots)
	}
	c.opts.EngineBoots = uint32(boots)
	c.opts.Faults.DropEveryN = dropEveryN
	switch bulkFault {
	case "none", "":
		c.opts.Faults.Bulk = snmpsim.BulkNormal
	case "ignore-max-repetitions":
		c.opts.Faults.Bulk = snmpsim.BulkIgnoreMaxRepetitions
	case "non-increasing":
		c.opts.Faults.Bulk = snmpsim.BulkNonIncreasing
	default:
		return c, fmt.Errorf("--bulk-fault %q: want none, ignore-max-repetitions or non-increasing", bulkFault)
	}
	c.opts.Users = users
	c.listen = listen
	if len(c.listen) == 0 {
		c.listen = []string{"127.0.0.1:1161"}
	}
	return c, nil
}

// run serves until ctx is done. ready, when set, receives the bound
// addresses once every listener is up.
func run(ctx context.Context, args []string, stderr io.Writer, ready func([]net.Addr)) error {
	c, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	level := slog.LevelWarn
	if c.verbose {
		level = slog.LevelDebug
	}
	c.opts.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	start := time.Now()
	agent, err := snmpsim.New(c.opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "netcensus-snmpsim: %d devices from %s, %d v3 users, engine ID %x (%v)\n",
		len(agent.Communities()), c.opts.DataDir, len(c.opts.Users), agent.EngineID(), time.Since(start).Round(time.Millisecond))

	g, gctx := errgroup.WithContext(ctx)
	var (
		mu    sync.Mutex
		bound = make([]net.Addr, len(c.listen))
		up    int
	)
	for i, addr := range c.listen {
		g.Go(func() error {
			return agent.ListenAndServe(gctx, addr, func(a net.Addr) {
				fmt.Fprintf(stderr, "netcensus-snmpsim: listening on udp %s\n", a)
				mu.Lock()
				defer mu.Unlock()
				bound[i] = a
				up++
				if up == len(c.listen) && ready != nil {
					ready(append([]net.Addr(nil), bound...))
				}
			})
		})
	}
	err = g.Wait()
	s := agent.Stats()
	fmt.Fprintf(stderr, "netcensus-snmpsim: stopped: %d received, %d answered, %d malformed, %d unknown community\n",
		s.Received, s.Responses, s.Malformed, s.UnknownCommunity)
	return err
}
