// Package config is netcensus's configuration file: strict YAML (unknown keys
// are errors), a Default for every setting, and Validate. A command's flags
// and a scheduled sweep's options override it through Overlay.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/netcensus/netcensus/internal/readlimit"
	"github.com/netcensus/netcensus/internal/timespec"
)

// Duration is a time.Duration that reads Go's units plus d (days) and
// w (weeks): "300ms", "90s", "1h30m", "7d", "2w", "1w2d3h".
type Duration time.Duration

// UnmarshalYAML implements yaml.Unmarshaler.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return err
	}
	v, err := timespec.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*d = Duration(v)
	return nil
}

// MarshalYAML implements yaml.Marshaler.
func (d Duration) MarshalYAML() (any, error) { return time.Duration(d).String(), nil }

// String implements pflag.Value (so a flag can be a Duration).
func (d Duration) String() string { return time.Duration(d).String() }

// Set implements pflag.Value.
func (d *Duration) Set(s string) error {
	v, err := timespec.ParseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// Type implements pflag.Value.
func (d *Duration) Type() string { return "duration" }

// D returns the value as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// ByteSize is a size in bytes that reads a plain number or one with a
// unit: "268435456", "256MiB", "1GiB", "500MB", "64KiB".
type ByteSize int64

var byteUnits = []struct {
	suffix string
	mult   int64
}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"B", 1}}

// ParseByteSize parses a ByteSize.
func ParseByteSize(s string) (ByteSize, error) {
	in := strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range byteUnits {
		if num, ok := strings.CutSuffix(in, u.suffix); ok {
			in, mult = strings.TrimSpace(num), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(in, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("size %q: want a number of bytes, optionally with a unit (KiB, MiB, GiB, KB, MB, GB)", s)
	}
	return ByteSize(n * mult), nil
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (b *ByteSize) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return err
	}
	v, err := ParseByteSize(s)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*b = v
	return nil
}

// String prints the size in the largest binary unit that divides it.
func (b ByteSize) String() string {
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if b != 0 && int64(b)%u.mult == 0 {
			return strconv.FormatInt(int64(b)/u.mult, 10) + u.suffix
		}
	}
	return strconv.FormatInt(int64(b), 10) + "B"
}

// MarshalYAML implements yaml.Marshaler.
func (b ByteSize) MarshalYAML() (any, error) { return b.String(), nil }

// Config is the whole file.
type Config struct {
	Sweep Sweep `yaml:"sweep"`
	SNMP  SNMP  `yaml:"snmp"`
	MDNS  MDNS  `yaml:"mdns"`
	Names Names `yaml:"names"`
	// RecogDir is a directory of Rapid7 Recog XML fingerprint files
	// (--recog-dir), applied after netcensus's own rules; empty: none.
	RecogDir string `yaml:"recog_dir"`
	// Fingerprints holds the device fingerprint settings.
	Fingerprints Fingerprints `yaml:"fingerprints"`
	// Inventory is the CMDB: where it is stored and its lifecycle rules.
	Inventory Inventory `yaml:"inventory"`
	// Schedules are netcensus serve's recurring sweeps (serve.go).
	Schedules []Schedule `yaml:"schedules"`
	// Serve is netcensus serve's API, tokens and alerts.
	Serve Serve `yaml:"serve"`
	// Locate is switch-port location (locate.go).
	Locate Locate `yaml:"locate"`
}

// Fingerprints holds the device fingerprint engine's settings.
type Fingerprints struct {
	// ProfilesDir is a directory of the user's own device profiles
	// (*.yaml, *.yml; the built-in profiles' schema, decoded strictly),
	// loaded after the built-in ones: a profile with a built-in id
	// replaces it. Empty: the built-in profiles alone.
	ProfilesDir string `yaml:"profiles_dir"`
}

// Names holds the settings of a sweep's names stage: what every found
// host is called, from reverse DNS, NetBIOS and LLMNR.
type Names struct {
	// DNS asks for every host's PTR records, from Servers (address or
	// address:port), else from the nameservers of /etc/resolv.conf.
	DNS     bool     `yaml:"dns"`
	Servers []string `yaml:"servers"`
	// NetBIOS sends every IPv4 host a node status request (UDP 137).
	NetBIOS bool `yaml:"netbios"`
	// LLMNR sends every host a reverse query (UDP 5355).
	LLMNR bool `yaml:"llmnr"`
	// Timeout is how long replies are awaited after the last request.
	Timeout Duration `yaml:"timeout"`
}

// DefaultNames is every protocol on, replies awaited one second.
func DefaultNames() Names {
	return Names{DNS: true, NetBIOS: true, LLMNR: true, Timeout: Duration(time.Second)}
}

// Validate reports the first bad names value. The zero Names (a Config
// built in code around one section only) is valid.
func (n *Names) Validate() error {
	if n.Timeout == 0 && !n.DNS && !n.NetBIOS && !n.LLMNR && len(n.Servers) == 0 {
		return nil
	}
	if n.Timeout.D() <= 0 || n.Timeout.D() > 30*time.Second {
		return fmt.Errorf("names.timeout %s: must be more than 0 and at most 30s", n.Timeout)
	}
	if len(n.Servers) > 16 {
		return fmt.Errorf("names.servers: %d servers, at most 16", len(n.Servers))
	}
	for _, s := range n.Servers {
		if _, err := ParseDNSServer(s); err != nil {
			return fmt.Errorf("names.servers %q: %w", s, err)
		}
	}
	return nil
}

// ParseDNSServer reads a DNS server: an address, or address:port.
func ParseDNSServer(s string) (netip.AddrPort, error) {
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap, nil
	}
	a, err := netip.ParseAddr(strings.Trim(s, "[]"))
	if err != nil {
		return netip.AddrPort{}, errors.New("want an address or address:port")
	}
	return netip.AddrPortFrom(a, 53), nil
}

// MDNS holds the settings of mDNS browsing (netcensus mdns, and sweep's
// mDNS stage) and passive listening.
type MDNS struct {
	// Enabled runs mDNS on each attached segment during a sweep.
	Enabled bool `yaml:"enabled"`
	// Duration is how long a browse listens.
	Duration Duration `yaml:"duration"`
	// MaxTypes is how many service types are browsed.
	MaxTypes int `yaml:"max_types"`
	// MaxInstances is how many service instances are kept.
	MaxInstances int `yaml:"max_instances"`
	// MaxTXTBytes caps one TXT record's length; longer ones are cut.
	MaxTXTBytes int `yaml:"max_txt_bytes"`
	// PassiveMaxHosts is how many hosts passive listening keeps.
	PassiveMaxHosts int `yaml:"passive_max_hosts"`
}

// Validate reports the first bad mDNS value. The zero MDNS (a Config
// built in code around one section only) is valid.
func (m *MDNS) Validate() error {
	if *m == (MDNS{}) {
		return nil
	}
	switch {
	case m.Duration.D() <= 0 || m.Duration.D() > time.Hour:
		return fmt.Errorf("mdns.duration %s: must be more than 0 and at most 1h", m.Duration)
	case m.MaxTypes < 1 || m.MaxTypes > 1024:
		return fmt.Errorf("mdns.max_types %d: must be between 1 and 1024", m.MaxTypes)
	case m.MaxInstances < 1 || m.MaxInstances > 1_000_000:
		return fmt.Errorf("mdns.max_instances %d: must be between 1 and 1000000", m.MaxInstances)
	case m.MaxTXTBytes < 64 || m.MaxTXTBytes > 65535:
		return fmt.Errorf("mdns.max_txt_bytes %d: must be between 64 and 65535", m.MaxTXTBytes)
	case m.PassiveMaxHosts < 1 || m.PassiveMaxHosts > 1_000_000:
		return fmt.Errorf("mdns.passive_max_hosts %d: must be between 1 and 1000000", m.PassiveMaxHosts)
	}
	return nil
}

// Sweep holds the settings of `netcensus sweep`; each has a flag of the
// same name (underscores become dashes).
type Sweep struct {
	// Interface forces every target onto one interface; empty means the
	// routing table decides.
	Interface string `yaml:"interface"`
	// Rate is the packets per second sent, all protocols together.
	Rate int `yaml:"rate"`
	// ARPRetries is how many times an unanswered address is asked again.
	ARPRetries int `yaml:"arp_retries"`
	// ARPWait is how long to wait for a reply before retrying, and after
	// the last request.
	ARPWait Duration `yaml:"arp_wait"`
	// Exclude lists addresses, CIDRs or ranges never sent anything.
	Exclude []string `yaml:"exclude"`
	// MaxHosts refuses sweeps larger than this many addresses.
	MaxHosts uint64 `yaml:"max_hosts"`
	// AllowPublic permits public (globally routed) targets.
	AllowPublic bool `yaml:"allow_public"`
	// Format is the output format: table, json, jsonl or csv; empty means
	// table on a terminal, jsonl otherwise.
	Format string `yaml:"format"`
}

// Default returns the built-in settings.
func Default() Config {
	return Config{
		Sweep: Sweep{
			Rate:       1000,
			ARPRetries: 1,
			ARPWait:    Duration(250 * time.Millisecond),
			MaxHosts:   65536,
		},
		SNMP:      DefaultSNMP(),
		Inventory: DefaultInventory(),
		Names:     DefaultNames(),
		Serve:     DefaultServe(),
		Locate:    DefaultLocate(),
		MDNS: MDNS{
			Enabled:         true,
			Duration:        Duration(3 * time.Second),
			MaxTypes:        64,
			MaxInstances:    2048,
			MaxTXTBytes:     2048,
			PassiveMaxHosts: 4096,
		},
	}
}

// InlineSecrets names the keys that hold a secret in the file itself
// (not a *_file or *_env reference), for a warning when the file is
// readable by others.
func (c *Config) InlineSecrets() []string {
	var keys []string
	for i, cr := range c.SNMP.Credentials {
		if cr.Community != "" {
			keys = append(keys, fmt.Sprintf("snmp.credentials[%d].community", i))
		}
		if cr.V3 != nil && cr.V3.AuthPassword != "" {
			keys = append(keys, fmt.Sprintf("snmp.credentials[%d].v3.auth_password", i))
		}
		if cr.V3 != nil && cr.V3.PrivPassword != "" {
			keys = append(keys, fmt.Sprintf("snmp.credentials[%d].v3.priv_password", i))
		}
	}
	if c.Inventory.ClickHousePassword != "" {
		keys = append(keys, "inventory.clickhouse_password")
	}
	return keys
}

// SecretsWarning warns when the config file at path holds secrets
// inline (InlineSecrets) and its group or others may read it, naming the
// file, the keys and the fix; "" when it need not.
func (c *Config) SecretsWarning(path string) string {
	keys := c.InlineSecrets()
	if len(keys) == 0 {
		return ""
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm()&0o077 == 0 {
		return ""
	}
	return fmt.Sprintf("warning: config %s holds secrets (%s) and is readable by its group or others (mode %04o): run chmod 600 %s, or move the secrets to *_file or *_env keys",
		path, strings.Join(keys, ", "), st.Mode().Perm(), path)
}

// Formats are the output formats every listing command takes.
var Formats = []string{"table", "json", "jsonl", "csv"}

// Validate reports the first bad value, naming it.
func (c *Config) Validate() error {
	s := c.Sweep
	switch {
	case s.Rate <= 0 || s.Rate > 10_000_000:
		return fmt.Errorf("sweep.rate %d: must be between 1 and 10000000 packets/s", s.Rate)
	case s.ARPRetries < 0 || s.ARPRetries > 10:
		return fmt.Errorf("sweep.arp_retries %d: must be between 0 and 10", s.ARPRetries)
	case s.ARPWait.D() <= 0 || s.ARPWait.D() > time.Minute:
		return fmt.Errorf("sweep.arp_wait %s: must be more than 0 and at most 1m", s.ARPWait)
	case s.MaxHosts == 0:
		return errors.New("sweep.max_hosts 0: must be at least 1")
	}
	if s.Format != "" && !oneOf(s.Format, Formats) {
		return fmt.Errorf("sweep.format %q: must be one of %s", s.Format, strings.Join(Formats, ", "))
	}
	if err := c.Names.Validate(); err != nil {
		return err
	}
	if err := c.MDNS.Validate(); err != nil {
		return err
	}
	if err := c.Inventory.Validate(); err != nil {
		return err
	}
	if err := ValidateSchedules(c.Schedules); err != nil {
		return err
	}
	if err := c.Serve.Validate(); err != nil {
		return err
	}
	if err := c.Locate.Validate(); err != nil {
		return err
	}
	return c.SNMP.Validate()
}

func oneOf(s string, set []string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

// MaxFileBytes bounds a config file (the example, every key commented,
// is 9 KB), and MaxSecretFileBytes a file holding one secret.
const (
	MaxFileBytes       = 1 << 20
	MaxSecretFileBytes = 64 << 10
)

// Decode reads a config strictly over the defaults.
func Decode(r io.Reader) (Config, error) {
	c := Default()
	b, err := readlimit.ReadAll(r, MaxFileBytes, "config file")
	if err != nil {
		return c, err
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return c, nil
	}
	// Errors name the key path and line (sweep.ratee: unknown key (line
	// 3)): the document is read as nodes first and walked against Config.
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return c, err
	}
	k := keyPaths{byLine: map[int]string{}, line: map[string]int{}}
	k.walk(&doc, reflect.TypeFor[Config](), "")
	if len(k.unknown) > 0 {
		return c, errors.New(strings.Join(k.unknown, "; "))
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return c, k.explain(err)
	}
	if err := c.Validate(); err != nil {
		return c, k.withLine(err)
	}
	return c, nil
}

// Paths returns where a config file is looked for, in order: the explicit
// path, $XDG_CONFIG_HOME/netcensus/config.yaml (or ~/.config/...), then
// /etc/netcensus/config.yaml.
func Paths(getenv func(string) string) []string {
	var ps []string
	if x := getenv("XDG_CONFIG_HOME"); x != "" {
		ps = append(ps, filepath.Join(x, "netcensus", "config.yaml"))
	} else if h := getenv("HOME"); h != "" {
		ps = append(ps, filepath.Join(h, ".config", "netcensus", "config.yaml"))
	}
	return append(ps, "/etc/netcensus/config.yaml")
}

// Load reads the config at explicit (which must exist) or the first of
// Paths that exists; with none, the defaults. It returns the path used.
func Load(explicit string, getenv func(string) string) (Config, string, error) {
	candidates := Paths(getenv)
	if explicit != "" {
		candidates = []string{explicit}
	}
	for _, p := range candidates {
		f, err := os.Open(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && explicit == "" {
				continue
			}
			return Default(), p, &Error{fmt.Errorf("config %s: %w", p, err)}
		}
		c, err := Decode(f)
		f.Close()
		if err != nil {
			return c, p, &Error{fmt.Errorf("config %s: %w", p, err)}
		}
		return c, p, nil
	}
	return Default(), "", nil
}

// Inventory holds the CMDB's settings.
type Inventory struct {
	// Store is where the CMDB lives: sqlite:PATH or
	// clickhouse://host:9000/db. Empty: the default SQLite file. The
	// --store flag overrides it.
	Store string `yaml:"store"`
	// ClickHouseUser is the ClickHouse user (env NETCENSUS_CLICKHOUSE_USER
	// when empty; "default" when both are).
	ClickHouseUser string `yaml:"clickhouse_user"`
	// ClickHousePassword is the ClickHouse password, inline, from a file,
	// or from the named environment variable (NETCENSUS_CLICKHOUSE_PASSWORD
	// when none is given). Never printed.
	ClickHousePassword     Secret `yaml:"clickhouse_password"`
	ClickHousePasswordFile string `yaml:"clickhouse_password_file"`
	ClickHousePasswordEnv  string `yaml:"clickhouse_password_env"`
	// Scanner names this scanner (site) on every observation it stores.
	// Empty: the host name.
	Scanner string `yaml:"scanner"`
	// Site is the layer-2 domain (site) this scanner sweeps: a MAC address
	// identifies a device only within its site, so the same MAC behind
	// two sites' scanners (a locally administered or cloned VM MAC) is two
	// assets; scanners on one L2 domain give the same site. Empty: one
	// site for all. A device both sites see is still one asset by its
	// serial or engine ID.
	Site string `yaml:"site"`
	// MissingAfter: an asset is missing after this many complete sweeps
	// of its subnet missed it ("3"), or when one has not seen it for this
	// long ("6h").
	MissingAfter MissingAfter `yaml:"missing_after"`
	// RetireAfter retires a missing asset not seen for this long. 0: only
	// by command.
	RetireAfter Duration `yaml:"retire_after"`
	// Retention: observations and capacity samples older than this are
	// pruned after each sweep and by netcensus prune. 0: kept forever.
	Retention Duration `yaml:"retention"`
	// Identity ranks the identity keys and extends the ignore lists.
	Identity Identity `yaml:"identity"`
	// SpoolMaxBytes caps the spool, where sweeps wait while the store
	// cannot be reached: a sweep that would pass it is refused, not kept.
	SpoolMaxBytes ByteSize `yaml:"spool_max_bytes"`
}

// Bounds of inventory.spool_max_bytes.
const (
	MinSpoolBytes = 64 << 10
	MaxSpoolBytes = 1 << 40
)

// Identity is the identity resolver's settings.
type Identity struct {
	// Order ranks key kinds, strongest first: serial, engine_id, mac,
	// mdns_name, sys_name. Empty: that order.
	Order []string `yaml:"order"`
	// Ignore adds values that identify nothing to the built-in lists.
	Ignore IdentityIgnore `yaml:"ignore"`
}

// IdentityKinds are the identity key kinds inventory.identity.order may
// rank, strongest first by default.
func IdentityKinds() []string {
	return []string{"serial", "engine_id", "mac", "mdns_name", "sys_name"}
}

// IdentityIgnore lists values that identify nothing, added to the
// resolver's built-in lists (the wiring hands them to the resolver).
type IdentityIgnore struct {
	// Serials are placeholder serial numbers.
	Serials []string `yaml:"serials"`
	// SerialPatterns are regular expressions of placeholder serials.
	SerialPatterns []string `yaml:"serial_patterns"`
	// Names are default host and system names.
	Names []string `yaml:"names"`
	// MACPrefixes are hardware address prefixes never one device's.
	MACPrefixes []string `yaml:"mac_prefixes"`
	// MACs are single addresses to ignore.
	MACs []string `yaml:"macs"`
	// EngineIDs are SNMP engine IDs to ignore, in hex.
	EngineIDs []string `yaml:"engine_ids"`
	// SharedEngineIDMin: an engine ID on this many devices in one sweep
	// is a cloned default.
	SharedEngineIDMin int `yaml:"shared_engine_id_min"`
	// SharedMACMin: a MAC answering for this many addresses in one sweep
	// identifies nothing.
	SharedMACMin int `yaml:"shared_mac_min"`
}

// Validate checks the ranking and the ignore lists.
func (v *Identity) Validate() error {
	seen := map[string]bool{}
	for _, k := range v.Order {
		if !oneOf(k, IdentityKinds()) {
			return fmt.Errorf("order: kind %q: want one of %s", k, strings.Join(IdentityKinds(), ", "))
		}
		if seen[k] {
			return fmt.Errorf("order: kind %q listed twice", k)
		}
		seen[k] = true
	}
	for _, p := range v.Ignore.SerialPatterns {
		if _, err := regexp.Compile(p); err != nil {
			return fmt.Errorf("ignore.serial_patterns %q: %w", p, err)
		}
	}
	for _, m := range v.Ignore.MACs {
		if _, err := net.ParseMAC(strings.TrimSpace(m)); err != nil {
			return fmt.Errorf("ignore.macs %q: %w", m, err)
		}
	}
	if v.Ignore.SharedEngineIDMin < 0 || v.Ignore.SharedMACMin < 0 {
		return errors.New("ignore: shared_engine_id_min and shared_mac_min must be 0 or more")
	}
	return nil
}

// MissingAfter is a count of sweeps or a duration.
type MissingAfter struct {
	Sweeps int
	Time   Duration
}

// UnmarshalYAML reads "3" (sweeps) or "6h" (a duration).
func (m *MissingAfter) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return err
	}
	if v, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		*m = MissingAfter{Sweeps: v}
		return nil
	}
	d, err := timespec.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("line %d: missing_after %q: want a number of sweeps (3) or a duration (6h)", n.Line, s)
	}
	*m = MissingAfter{Time: Duration(d)}
	return nil
}

// MarshalYAML implements yaml.Marshaler.
func (m MissingAfter) MarshalYAML() (any, error) {
	if m.Time != 0 {
		return m.Time.String(), nil
	}
	return strconv.Itoa(m.Sweeps), nil
}

// DefaultInventory: missing after 3 sweeps, retired by command only, 90
// days of observations and samples.
func DefaultInventory() Inventory {
	return Inventory{MissingAfter: MissingAfter{Sweeps: 3}, Retention: Duration(90 * 24 * time.Hour), SpoolMaxBytes: 256 << 20}
}

// Validate reports the first bad inventory value. The zero Inventory (a
// Config built in code around one section only) is valid.
func (v *Inventory) Validate() error {
	if v.Store != "" && !strings.HasPrefix(v.Store, "sqlite:") && !strings.HasPrefix(v.Store, "clickhouse://") {
		return fmt.Errorf("inventory.store %q: want sqlite:PATH or clickhouse://host:9000/db", v.Store)
	}
	switch {
	case v.MissingAfter.Sweeps < 0 || v.MissingAfter.Sweeps > 1000:
		return fmt.Errorf("inventory.missing_after %d: must be between 1 and 1000 sweeps", v.MissingAfter.Sweeps)
	case v.MissingAfter.Time < 0:
		return fmt.Errorf("inventory.missing_after %s: must be positive", v.MissingAfter.Time)
	case v.RetireAfter < 0:
		return fmt.Errorf("inventory.retire_after %s: must be positive or 0", v.RetireAfter)
	case v.Retention < 0:
		return fmt.Errorf("inventory.retention %s: must be positive or 0", v.Retention)
	case v.SpoolMaxBytes != 0 && (v.SpoolMaxBytes < MinSpoolBytes || v.SpoolMaxBytes > MaxSpoolBytes):
		return fmt.Errorf("inventory.spool_max_bytes %s: must be between %s and %s", v.SpoolMaxBytes, ByteSize(MinSpoolBytes), ByteSize(MaxSpoolBytes))
	}
	if err := v.Identity.Validate(); err != nil {
		return fmt.Errorf("inventory.identity: %w", err)
	}
	return nil
}

// ClickHouseAuth is the ClickHouse user and password: from the config,
// else the environment's NETCENSUS_CLICKHOUSE_USER and
// NETCENSUS_CLICKHOUSE_PASSWORD. Errors name the key, never the value.
func (v *Inventory) ClickHouseAuth(getenv func(string) string) (user, password string, err error) {
	user = v.ClickHouseUser
	if user == "" {
		user = getenv("NETCENSUS_CLICKHOUSE_USER")
	}
	env := v.ClickHousePasswordEnv
	explicit := v.ClickHousePassword != "" || v.ClickHousePasswordFile != "" || env != ""
	if !explicit {
		env = "NETCENSUS_CLICKHOUSE_PASSWORD"
	}
	pw, err := ResolveSecret(v.ClickHousePassword, v.ClickHousePasswordFile, env, getenv)
	if err != nil && explicit {
		return "", "", fmt.Errorf("inventory.clickhouse_password: %w", err)
	}
	return user, pw.Reveal(), nil
}
