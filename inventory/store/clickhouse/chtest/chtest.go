// Package chtest runs a private clickhouse-server for tests: its own
// config in a temporary directory, its own loopback ports (native and
// HTTP; interserver off), its own data, tmp, user_files and log paths.
// It is started once per test binary from TestMain and stopped at the end.
package chtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// Binaries looked for, in order.
var binaries = []string{"/usr/bin/clickhouse", "/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server"}

// ErrNoBinary: no clickhouse-server is installed.
var ErrNoBinary = errors.New("clickhouse-server is not installed (Debian: apt-get install clickhouse-server)")

// Server is a running private server.
type Server struct {
	// Addr is the native protocol's host:port.
	Addr string
	dir  string
	bin  []string
	cmd  *exec.Cmd
	done chan error
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Start starts a server under dir (a fresh temporary directory) and
// returns once its native port answers.
func Start(ctx context.Context, dir string) (*Server, error) {
	tcp, err := freePort()
	if err != nil {
		return nil, fmt.Errorf("clickhouse test server port: %w", err)
	}
	return start(ctx, dir, tcp, "", "", "")
}

// start starts a server under dir on native port tcp, with more clusters
// in its remote_servers, extra XML in its config and profile in its
// default profile (users.xml).
func start(ctx context.Context, dir string, tcp int, clusters, extra, profile string) (*Server, error) {
	var bin []string
	for _, b := range binaries {
		if _, err := os.Stat(b); err == nil {
			bin = []string{b}
			if filepath.Base(b) == "clickhouse" {
				bin = append(bin, "server")
			}
			break
		}
	}
	if bin == nil {
		return nil, ErrNoBinary
	}
	http, err := freePort()
	if err != nil {
		return nil, fmt.Errorf("clickhouse test server port: %w", err)
	}
	for _, sub := range []string{"data", "tmp", "user_files", "format_schemas", "log"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o750); err != nil {
			return nil, fmt.Errorf("clickhouse test server dir: %w", err)
		}
	}
	config := `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>` + dir + `/log/server.log</log><errorlog>` + dir + `/log/err.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>` + strconv.Itoa(tcp) + `</tcp_port>
  <http_port>` + strconv.Itoa(http) + `</http_port>
  <path>` + dir + `/data/</path>
  <tmp_path>` + dir + `/tmp/</tmp_path>
  <user_files_path>` + dir + `/user_files/</user_files_path>
  <format_schema_path>` + dir + `/format_schemas/</format_schema_path>
  <users_config>` + dir + `/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>536870912</mark_cache_size>
  <max_concurrent_queries>100</max_concurrent_queries>
  <remote_servers>
    <!-- Two shards on this one server, in databases shard1 and shard2:
         a cluster's Distributed tables, for the tests. -->
    <netcensus_two_shards>
      <shard><replica><host>127.0.0.1</host><port>` + strconv.Itoa(tcp) + `</port><default_database>shard1</default_database></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>` + strconv.Itoa(tcp) + `</port><default_database>shard2</default_database></replica></shard>
    </netcensus_two_shards>
    ` + clusters + `
  </remote_servers>
` + extra + `
</yandex>
`
	// poll_interval: an idle connection notices a shutdown within 1 s,
	// not 10 (a Stop with a client's connections open took 10 s).
	users := `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><insert_distributed_sync>1</insert_distributed_sync><poll_interval>1</poll_interval>` + profile + `</default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
`
	if err := os.WriteFile(filepath.Join(dir, "config.xml"), []byte(config), 0o640); err != nil {
		return nil, fmt.Errorf("clickhouse test server config: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "users.xml"), []byte(users), 0o640); err != nil {
		return nil, fmt.Errorf("clickhouse test server config: %w", err)
	}
	s := &Server{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(tcp)), dir: dir, bin: bin}
	return s, s.start(ctx)
}

func (s *Server) start(ctx context.Context) error {
	args := append(append([]string(nil), s.bin[1:]...), "--config-file="+filepath.Join(s.dir, "config.xml"))
	cmd := exec.Command(s.bin[0], args...)
	cmd.Dir = s.dir
	out, err := os.OpenFile(filepath.Join(s.dir, "log", "stdout.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640)
	if err != nil {
		return fmt.Errorf("clickhouse test server log: %w", err)
	}
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		out.Close()
		return fmt.Errorf("start clickhouse test server: %w", err)
	}
	s.cmd, s.done = cmd, make(chan error, 1)
	go func() { s.done <- cmd.Wait(); out.Close() }()
	return s.wait(ctx)
}

// wait polls the native port until it answers, the server exits, or 60 s
// pass.
func (s *Server) wait(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var d net.Dialer
	for {
		c, err := d.DialContext(ctx, "tcp", s.Addr)
		if err == nil {
			c.Close()
			return nil
		}
		select {
		case err := <-s.done:
			s.done <- err
			log, _ := os.ReadFile(filepath.Join(s.dir, "log", "err.log"))
			return fmt.Errorf("clickhouse test server exited (%v): %s", err, tail(log))
		case <-ctx.Done():
			s.Stop()
			return fmt.Errorf("clickhouse test server on %s not ready: %w", s.Addr, ctx.Err())
		case <-tick.C:
		}
	}
}

func tail(b []byte) []byte {
	if len(b) > 2000 {
		return b[len(b)-2000:]
	}
	return b
}

// Stop stops the server (SIGTERM, then SIGKILL after 20 s) and waits.
func (s *Server) Stop() error {
	if s.cmd == nil {
		return nil
	}
	cmd := s.cmd
	s.cmd = nil
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		<-s.done
	}
	return nil
}

// Kill kills the server with SIGKILL, a crash with no chance to flush or
// finish anything, and waits for it to exit. Restart starts it again.
func (s *Server) Kill() error {
	if s.cmd == nil {
		return errors.New("clickhouse test server is not running")
	}
	cmd := s.cmd
	s.cmd = nil
	if err := cmd.Process.Kill(); err != nil {
		return fmt.Errorf("kill clickhouse test server: %w", err)
	}
	<-s.done
	return nil
}

// Restart starts a stopped server again on the same ports and data.
func (s *Server) Restart(ctx context.Context) error {
	if s.cmd != nil {
		return errors.New("clickhouse test server is running")
	}
	return s.start(ctx)
}

// Lab is the test binary's server, or why there is none.
type Lab struct {
	Server *Server
	Err    error
	dir    string
}

// Setup starts the test binary's server: call it from TestMain and Close
// the Lab after m.Run.
func Setup() *Lab {
	dir, err := os.MkdirTemp("", "netcensus-clickhouse-")
	if err != nil {
		return &Lab{Err: err}
	}
	s, err := Start(context.Background(), dir)
	return &Lab{Server: s, Err: err, dir: dir}
}

// Close kills the server and removes its directory: the data goes with
// it, and a shutdown took 15-40 s at the end of a package's tests.
func (l *Lab) Close() {
	if l.Server != nil {
		l.Server.Kill()
	}
	if l.dir != "" {
		os.RemoveAll(l.dir)
	}
}

// Need returns the server, or skips the test with the reason (a failure
// when NETCENSUS_LAB=1).
func (l *Lab) Need(t testing.TB) *Server {
	t.Helper()
	if l.Err != nil || l.Server == nil {
		msg := fmt.Sprintf("no ClickHouse server for this test: %v", l.Err)
		if os.Getenv("NETCENSUS_LAB") == "1" {
			t.Fatal(msg + " (NETCENSUS_LAB=1: required)")
		}
		t.Skip(msg)
	}
	return l.Server
}
