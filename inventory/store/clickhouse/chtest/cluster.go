package chtest

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// zookeeperJar is Debian's (zookeeperd) ZooKeeper.
const zookeeperJar = "/usr/share/java/zookeeper.jar"

// ErrNoZooKeeper: ZooKeeper or Java is not installed.
var ErrNoZooKeeper = errors.New("ZooKeeper is not installed (Debian: apt-get install zookeeperd)")

// Cluster is a private replicated ClickHouse cluster: one standalone
// ZooKeeper and shards × replicas clickhouse-server processes, every one
// on its own loopback ports and directories, in remote_servers as
// cluster Name with internal replication, macros {shard} and {replica},
// and distributed DDL (ON CLUSTER).
type Cluster struct {
	Name string
	// Nodes are the servers, shard by shard: Nodes[s*replicas+r].
	Nodes []*Server
	zk    *exec.Cmd
	zkEnd chan error
	dir   string
}

// ReadsFollowWrites is the default profile docs/clickhouse.md asks of a
// replicated cluster's nodes: a Distributed table's INSERT and SELECT
// go to the same replica of each shard, the first that answers.
const ReadsFollowWrites = `<load_balancing>in_order</load_balancing><prefer_localhost_replica>0</prefer_localhost_replica>`

// StartCluster starts a cluster under dir (a fresh temporary directory)
// and returns once ZooKeeper and every server answer. Close stops it.
// profile(i) is the XML of node i's default profile (users.xml).
func StartCluster(ctx context.Context, dir, name string, shards, replicas int, profile func(node int) string) (*Cluster, error) {
	if _, err := os.Stat(zookeeperJar); err != nil {
		return nil, ErrNoZooKeeper
	}
	java, err := exec.LookPath("java")
	if err != nil {
		return nil, ErrNoZooKeeper
	}
	c := &Cluster{Name: name, dir: dir}
	zkPort, err := freePort()
	if err != nil {
		return nil, err
	}
	zkDir := filepath.Join(dir, "zookeeper")
	if err := os.MkdirAll(filepath.Join(zkDir, "data"), 0o750); err != nil {
		return nil, err
	}
	cfg := fmt.Sprintf("tickTime=500\ndataDir=%s/data\nclientPort=%d\nclientPortAddress=127.0.0.1\nadmin.enableServer=false\nmaxClientCnxns=200\n", zkDir, zkPort)
	if err := os.WriteFile(filepath.Join(zkDir, "zoo.cfg"), []byte(cfg), 0o640); err != nil {
		return nil, err
	}
	out, err := os.Create(filepath.Join(zkDir, "zookeeper.log"))
	if err != nil {
		return nil, err
	}
	c.zk = exec.Command(java, "-Xmx256m", "-cp", zookeeperJar, "org.apache.zookeeper.server.ZooKeeperServerMain", filepath.Join(zkDir, "zoo.cfg"))
	c.zk.Stdout, c.zk.Stderr = out, out
	c.zk.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := c.zk.Start(); err != nil {
		out.Close()
		return nil, fmt.Errorf("start zookeeper: %w", err)
	}
	c.zkEnd = make(chan error, 1)
	go func() { c.zkEnd <- c.zk.Wait(); out.Close() }()
	if err := waitZooKeeper(ctx, net.JoinHostPort("127.0.0.1", strconv.Itoa(zkPort)), c.zkEnd); err != nil {
		c.Close()
		return nil, fmt.Errorf("zookeeper: %w", err)
	}

	ports := make([]int, shards*replicas)
	for i := range ports {
		if ports[i], err = freePort(); err != nil {
			c.Close()
			return nil, err
		}
	}
	var remote strings.Builder
	fmt.Fprintf(&remote, "<%s>", name)
	for s := range shards {
		remote.WriteString("<shard><internal_replication>true</internal_replication>")
		for r := range replicas {
			fmt.Fprintf(&remote, "<replica><host>127.0.0.1</host><port>%d</port></replica>", ports[s*replicas+r])
		}
		remote.WriteString("</shard>")
	}
	fmt.Fprintf(&remote, "</%s>", name)
	for s := range shards {
		for r := range replicas {
			i := s*replicas + r
			inter, err := freePort()
			if err != nil {
				c.Close()
				return nil, err
			}
			extra := fmt.Sprintf(`
  <interserver_http_host>127.0.0.1</interserver_http_host><interserver_http_port>%d</interserver_http_port>
  <zookeeper><node><host>127.0.0.1</host><port>%d</port></node><session_timeout_ms>30000</session_timeout_ms></zookeeper>
  <macros><shard>%02d</shard><replica>s%dr%d</replica></macros>
  <distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>`, inter, zkPort, s+1, s+1, r+1)
			nodeDir := filepath.Join(dir, fmt.Sprintf("s%dr%d", s+1, r+1))
			srv, err := start(ctx, nodeDir, ports[i], remote.String(), extra, profile(i))
			if srv != nil {
				c.Nodes = append(c.Nodes, srv)
			}
			if err != nil {
				c.Close()
				return nil, fmt.Errorf("cluster node %s: %w", nodeDir, err)
			}
		}
	}
	return c, nil
}

// waitZooKeeper polls the ZooKeeper at addr until it opens a session,
// the process ends (end), or 60 s pass. Its port accepts before it
// serves, and ClickHouse 18.16 keeps a session that failed that way: a
// server started then crashes on its first ON CLUSTER statement (a
// null session in zkutil::ZooKeeper::createImpl).
func waitZooKeeper(ctx context.Context, addr string, end chan error) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var d net.Dialer
	for {
		if conn, err := d.DialContext(ctx, "tcp", addr); err == nil {
			ok := zkSession(conn)
			conn.Close()
			if ok {
				return nil
			}
		}
		select {
		case err := <-end:
			end <- err
			return fmt.Errorf("exited before %s answered: %v", addr, err)
		case <-ctx.Done():
			return fmt.Errorf("%s not ready: %w", addr, ctx.Err())
		case <-tick.C:
		}
	}
}

// Close kills every server (their data is the test's, removed with its
// directory: a shutdown took 20-35 s) and then ZooKeeper. A server
// killed already is left as it is.
func (c *Cluster) Close() {
	for _, n := range c.Nodes {
		n.Kill()
	}
	if c.zk != nil && c.zk.Process != nil {
		_ = c.zk.Process.Kill()
		<-c.zkEnd
		c.zk = nil
	}
}

// zkSession asks the ZooKeeper conn talks to for a session, as a client
// connects (ConnectRequest: protocol 0, no zxid seen, a 2 s timeout, no
// session, an empty password), and says whether it gave one.
func zkSession(conn net.Conn) bool {
	conn.SetDeadline(time.Now().Add(2 * time.Second))
	req := binary.BigEndian.AppendUint32(nil, 44)
	req = binary.BigEndian.AppendUint32(req, 0)    // protocolVersion
	req = binary.BigEndian.AppendUint64(req, 0)    // lastZxidSeen
	req = binary.BigEndian.AppendUint32(req, 2000) // timeOut (ms)
	req = binary.BigEndian.AppendUint64(req, 0)    // sessionId
	req = binary.BigEndian.AppendUint32(req, 16)   // passwd
	req = append(req, make([]byte, 16)...)
	if _, err := conn.Write(req); err != nil {
		return false
	}
	// ConnectResponse: length, protocolVersion, timeOut, sessionId, ...
	resp := make([]byte, 4+4+4+8)
	if _, err := io.ReadFull(conn, resp); err != nil {
		return false
	}
	return binary.BigEndian.Uint64(resp[12:]) != 0
}
