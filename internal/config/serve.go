package config

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// Schedule is one recurring sweep of `netcensus serve`.
type Schedule struct {
	// Name names the schedule in the API, metrics and the store
	// ([a-z0-9][a-z0-9_-]*, at most 64).
	Name    string   `yaml:"name"`
	Targets []string `yaml:"targets"`
	// Exclude adds to sweep.exclude for this schedule.
	Exclude []string `yaml:"exclude"`
	// Every or Cron (one of the two): a fixed interval, or a five-field
	// cron expression ("0 */4 * * *", or @hourly and friends).
	Every Duration `yaml:"every"`
	Cron  string   `yaml:"cron"`
	// Jitter delays each run by up to this much (less than the interval).
	Jitter  Duration        `yaml:"jitter"`
	Options ScheduleOptions `yaml:"options"`
}

// ScheduleOptions are a scheduled sweep's options; unset ones follow the
// sweep, snmp and mdns sections. Every schedule spends serve.rate, the one
// packet budget they share: split evenly among the sweeps running at once.
type ScheduleOptions struct {
	// Rate caps this schedule's share of serve.rate, in packets per second
	// (0: no cap; what a capped schedule leaves goes to the others).
	Rate int   `yaml:"rate"`
	SNMP *bool `yaml:"snmp"`
	MDNS *bool `yaml:"mdns"`
	// Names turns the names stage (reverse DNS, NetBIOS, LLMNR; the names
	// section) on or off for this schedule.
	Names *bool `yaml:"names"`
	// NDP turns IPv6 neighbour discovery (an echo to ff02::1 and
	// solicitations on the swept links) on or off for this schedule; on
	// when unset, as in a CLI sweep without --no-ndp.
	NDP *bool `yaml:"ndp"`
	// Credentials names the snmp.credentials sets to try, in order; empty:
	// all of them.
	Credentials []string `yaml:"credentials"`
}

// Serve is `netcensus serve`'s settings: the HTTP API, its tokens and the
// alert sinks.
type Serve struct {
	// Listen is the API's address. Beyond loopback it needs tokens.
	Listen  string  `yaml:"listen"`
	TLSCert string  `yaml:"tls_cert"`
	TLSKey  string  `yaml:"tls_key"`
	Tokens  []Token `yaml:"tokens"`
	// MaxBodyBytes bounds a request body.
	MaxBodyBytes int64 `yaml:"max_body_bytes"`
	// ShutdownGrace is how long a running sweep may go on after SIGTERM
	// before it is cancelled and stored as partial; the HTTP server drains
	// within it too.
	ShutdownGrace Duration `yaml:"shutdown_grace"`
	// Rate is the packets per second all schedules share (0: sweep.rate).
	Rate int `yaml:"rate"`
	// Baselines are drift baseline files evaluated after each sweep.
	Baselines []string `yaml:"baselines"`
	// Alerts are the sinks that get events.
	Alerts []Sink `yaml:"alerts"`
}

// Token is one API bearer token.
type Token struct {
	Name string `yaml:"name"`
	// Token inline, or TokenFile holding it (one of the two).
	Token     Secret `yaml:"token"`
	TokenFile string `yaml:"token_file"`
	// Scope is read or write (write includes read).
	Scope string `yaml:"scope"`
}

// Sink kinds.
const (
	SinkWebhook = "webhook"
	SinkSlack   = "slack"
	SinkExec    = "exec"
)

// Sink is one alert destination.
type Sink struct {
	Name string `yaml:"name"`
	Type string `yaml:"type"` // webhook, slack or exec
	URL  Secret `yaml:"url"`  // webhook, slack (Slack's URLs are secrets)
	// HMACSecret (or HMACSecretFile) signs a webhook's body:
	// X-Netcensus-Signature: sha256=<hex>.
	HMACSecret     Secret `yaml:"hmac_secret"`
	HMACSecretFile string `yaml:"hmac_secret_file"`
	// Command runs for each alert (exec), the payload on its stdin.
	Command []string `yaml:"command"`
	// Filters: event types, sites and subnets (empty: all).
	Types   []string `yaml:"types"`
	Sites   []string `yaml:"sites"`
	Subnets []string `yaml:"subnets"`
	// MaxAttempts before an alert is given up (kept in the outbox as
	// dead); Timeout bounds one attempt.
	MaxAttempts int      `yaml:"max_attempts"`
	Timeout     Duration `yaml:"timeout"`
}

// AlertTypes are the event types a sink can get.
var AlertTypes = []string{"new_unapproved", "missing", "returned", "drift", "capacity", "sweep_failed"}

// DefaultServe: loopback only, 1 MiB bodies, 30 s to finish a sweep.
func DefaultServe() Serve {
	return Serve{Listen: "127.0.0.1:8470", MaxBodyBytes: 1 << 20, ShutdownGrace: Duration(30 * time.Second)}
}

var scheduleName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// CronParser is the schedules' cron syntax: five fields or a descriptor.
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseCron parses a schedule's cron expression.
func ParseCron(s string) (cron.Schedule, error) { return cronParser.Parse(s) }

// ValidateSchedules reports the first bad schedule, naming its key.
func ValidateSchedules(ss []Schedule) error {
	seen := map[string]bool{}
	for i, s := range ss {
		key := fmt.Sprintf("schedules[%d]", i)
		if !scheduleName.MatchString(s.Name) {
			return fmt.Errorf("%s.name %q: want [a-z0-9][a-z0-9_-]*, at most 64 characters", key, s.Name)
		}
		key = fmt.Sprintf("schedules[%d] (%s)", i, s.Name)
		if seen[s.Name] {
			return fmt.Errorf("%s.name: used twice", key)
		}
		seen[s.Name] = true
		if len(s.Targets) == 0 {
			return fmt.Errorf("%s.targets: empty", key)
		}
		var interval time.Duration
		switch {
		case s.Every != 0 && s.Cron != "":
			return fmt.Errorf("%s: every and cron both set; want one", key)
		case s.Every != 0:
			if s.Every.D() < time.Second {
				return fmt.Errorf("%s.every %s: must be at least 1s", key, s.Every)
			}
			interval = s.Every.D()
		case s.Cron != "":
			c, err := ParseCron(s.Cron)
			if err != nil {
				return fmt.Errorf("%s.cron %q: %w", key, s.Cron, err)
			}
			t := c.Next(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
			interval = c.Next(t).Sub(t)
		default:
			return fmt.Errorf("%s: want every or cron", key)
		}
		if s.Options.Rate < 0 || s.Options.Rate > 10_000_000 {
			return fmt.Errorf("%s.options.rate %d: must be between 0 and 10000000 packets/s", key, s.Options.Rate)
		}
		if o := s.Options; o.NDP != nil && !*o.NDP && o.SNMP != nil && !*o.SNMP {
			// IPv6 targets are asked by NDP on attached links and by
			// SNMP (routers' neighbour tables) beyond: with both off,
			// the schedule would skip every one of them each run.
			for _, t := range s.Targets {
				if strings.Contains(t, ":") {
					return fmt.Errorf("%s.options.ndp false: target %q is IPv6, and only NDP and SNMP (off here too) ask IPv6 targets", key, t)
				}
			}
		}
		if s.Jitter < 0 || s.Jitter.D() >= interval {
			return fmt.Errorf("%s.jitter %s: must be 0 or more and less than the interval (%s)", key, s.Jitter, interval)
		}
	}
	return nil
}

// IsLoopbackListen reports whether addr (host:port) listens on loopback
// only.
func IsLoopbackListen(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

// Validate reports the first bad serve value, naming its key.
func (s *Serve) Validate() error {
	if s.Listen == "" {
		return nil // a Config built in code without a serve section
	}
	if _, _, err := net.SplitHostPort(s.Listen); err != nil {
		return fmt.Errorf("serve.listen %q: want host:port", s.Listen)
	}
	if len(s.Tokens) == 0 && !IsLoopbackListen(s.Listen) {
		return fmt.Errorf("serve.listen %q: listening beyond loopback needs serve.tokens", s.Listen)
	}
	if (s.TLSCert == "") != (s.TLSKey == "") {
		return errors.New("serve.tls_cert and serve.tls_key: give both or neither")
	}
	if s.MaxBodyBytes < 1024 || s.MaxBodyBytes > 64<<20 {
		return fmt.Errorf("serve.max_body_bytes %d: must be between 1024 and 67108864", s.MaxBodyBytes)
	}
	if s.ShutdownGrace.D() <= 0 || s.ShutdownGrace.D() > time.Hour {
		return fmt.Errorf("serve.shutdown_grace %s: must be more than 0 and at most 1h", s.ShutdownGrace)
	}
	if s.Rate < 0 || s.Rate > 10_000_000 {
		return fmt.Errorf("serve.rate %d: must be between 0 and 10000000", s.Rate)
	}
	names := map[string]bool{}
	for i, t := range s.Tokens {
		key := fmt.Sprintf("serve.tokens[%d]", i)
		if t.Name == "" || names[t.Name] {
			return fmt.Errorf("%s.name %q: empty or used twice", key, t.Name)
		}
		names[t.Name] = true
		if (t.Token == "") == (t.TokenFile == "") {
			return fmt.Errorf("%s (%s): want token or token_file", key, t.Name)
		}
		if t.Token != "" && len(t.Token) < 16 {
			return fmt.Errorf("%s (%s).token: at least 16 characters", key, t.Name)
		}
		if t.Scope != "read" && t.Scope != "write" {
			return fmt.Errorf("%s (%s).scope %q: want read or write", key, t.Name, t.Scope)
		}
	}
	sinks := map[string]bool{}
	for i, k := range s.Alerts {
		key := fmt.Sprintf("serve.alerts[%d]", i)
		if !scheduleName.MatchString(k.Name) || sinks[k.Name] {
			return fmt.Errorf("%s.name %q: want [a-z0-9][a-z0-9_-]*, unique", key, k.Name)
		}
		sinks[k.Name] = true
		key += " (" + k.Name + ")"
		switch k.Type {
		case SinkWebhook, SinkSlack:
			u, err := url.Parse(k.URL.Reveal())
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return fmt.Errorf("%s.url: want an http or https URL", key)
			}
		case SinkExec:
			if len(k.Command) == 0 {
				return fmt.Errorf("%s.command: empty", key)
			}
		default:
			return fmt.Errorf("%s.type %q: want webhook, slack or exec", key, k.Type)
		}
		if k.HMACSecret != "" && k.HMACSecretFile != "" {
			return fmt.Errorf("%s: hmac_secret and hmac_secret_file both set", key)
		}
		for _, t := range k.Types {
			if !oneOf(t, AlertTypes) {
				return fmt.Errorf("%s.types: %q: want one of %s", key, t, strings.Join(AlertTypes, ", "))
			}
		}
		for _, p := range k.Subnets {
			if _, err := netip.ParsePrefix(p); err != nil {
				return fmt.Errorf("%s.subnets: %q: want a CIDR", key, p)
			}
		}
		if k.MaxAttempts < 0 || k.MaxAttempts > 1000 {
			return fmt.Errorf("%s.max_attempts %d: must be between 0 and 1000", key, k.MaxAttempts)
		}
		if k.Timeout < 0 || k.Timeout.D() > 5*time.Minute {
			return fmt.Errorf("%s.timeout %s: must be between 0 and 5m", key, k.Timeout)
		}
	}
	return nil
}
