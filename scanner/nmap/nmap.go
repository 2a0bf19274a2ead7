// Package nmap reads Nmap's XML reports (nmap -oX) into host records of
// source nmap: addresses, MAC, host names, the best OS match with its
// accuracy (as evidence), and the open ports with service and version.
//
// Reports are untrusted files. They are decoded host by host as a stream,
// so memory is bounded by one host, not the file; the file's size, the
// number of hosts and each host's lists are capped, and every cap names
// itself in its error. encoding/xml expands no entity a document defines
// (only XML's five), so an entity bomb is an error, not a blow-up.
package nmap

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/netcensus/netcensus/record"
)

// Limits bound what one report may hold.
type Limits struct {
	// MaxBytes caps the file (default 1 GiB); MaxHosts the hosts (default
	// 1,048,576); MaxPorts the open ports kept per host (default 1,024).
	MaxBytes int64
	MaxHosts int
	MaxPorts int
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = 1 << 30
	}
	if l.MaxHosts <= 0 {
		l.MaxHosts = 1 << 20
	}
	if l.MaxPorts <= 0 {
		l.MaxPorts = 1024
	}
	return l
}

// ErrLimit: the report exceeds one of Limits.
var ErrLimit = errors.New("nmap report over a limit")

// ErrNotNmap: the document is not an Nmap XML report.
var ErrNotNmap = errors.New("not an nmap XML report (want the output of nmap -oX)")

// Report is what a report says.
type Report struct {
	// Args and Version are the nmap command line and release; Start its
	// start time.
	Args, Version string
	Start         time.Time
	// Hosts are the hosts that were up, with at least an address.
	Hosts []record.Asset
	// Down counts hosts reported down; Skipped hosts with no usable
	// address.
	Down, Skipped int
}

// FileError is a report ReadFiles cannot open or read (missing, over a
// limit, malformed, not Nmap's): nothing of the reports is returned. Its
// message is its cause's, which names the file.
type FileError struct{ Err error }

func (e *FileError) Error() string { return e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// ReadFiles reads the reports at paths, each as Read does, into one: the
// hosts of all in order, Down and Skipped summed, Start the earliest
// known, Args and Version the first report's. The first file that cannot
// be opened or read is the error, a *FileError naming it.
func ReadFiles(ctx context.Context, paths []string, lim Limits) (*Report, error) {
	all := &Report{}
	for i, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, &FileError{fmt.Errorf("nmap report: %w", err)}
		}
		rep, err := Read(ctx, f, lim)
		f.Close()
		if err != nil {
			return nil, &FileError{fmt.Errorf("%s: %w", p, err)}
		}
		if i == 0 {
			all.Args, all.Version = rep.Args, rep.Version
		}
		if all.Start.IsZero() || (!rep.Start.IsZero() && rep.Start.Before(all.Start)) {
			all.Start = rep.Start
		}
		all.Hosts = append(all.Hosts, rep.Hosts...)
		all.Down += rep.Down
		all.Skipped += rep.Skipped
	}
	return all, nil
}

// Read decodes one report from r.
func Read(ctx context.Context, r io.Reader, lim Limits) (*Report, error) {
	lim = lim.withDefaults()
	lr := &limitedReader{r: r, left: lim.MaxBytes}
	d := xml.NewDecoder(lr)
	d.Strict = true
	rep := &Report{}
	sawRun := false
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if lr.over {
				return nil, fmt.Errorf("%w: file larger than %d bytes", ErrLimit, lim.MaxBytes)
			}
			return nil, fmt.Errorf("nmap report, after %d hosts: %w", len(rep.Hosts), err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "nmaprun":
			sawRun = true
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "args":
					rep.Args = a.Value
				case "version":
					rep.Version = a.Value
				case "start":
					rep.Start = unix(a.Value)
				}
			}
		case "host":
			if !sawRun {
				return nil, ErrNotNmap
			}
			var h xmlHost
			if err := d.DecodeElement(&h, &se); err != nil {
				if lr.over {
					return nil, fmt.Errorf("%w: file larger than %d bytes", ErrLimit, lim.MaxBytes)
				}
				return nil, fmt.Errorf("nmap report, host %d: %w", len(rep.Hosts)+rep.Down+rep.Skipped+1, err)
			}
			if h.Status.State != "" && h.Status.State != "up" {
				rep.Down++
				continue
			}
			a, ok := h.asset(rep.Start, lim)
			if !ok {
				rep.Skipped++
				continue
			}
			if len(rep.Hosts) >= lim.MaxHosts {
				return nil, fmt.Errorf("%w: more than %d hosts", ErrLimit, lim.MaxHosts)
			}
			rep.Hosts = append(rep.Hosts, a)
		default:
			if !sawRun {
				return nil, ErrNotNmap
			}
		}
	}
	if !sawRun {
		return nil, ErrNotNmap
	}
	return rep, nil
}

// limitedReader fails once more than left bytes are read.
type limitedReader struct {
	r    io.Reader
	left int64
	over bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		l.over = true
		return 0, ErrLimit
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

type xmlHost struct {
	StartTime string `xml:"starttime,attr"`
	EndTime   string `xml:"endtime,attr"`
	Status    struct {
		State string `xml:"state,attr"`
	} `xml:"status"`
	Addresses []struct {
		Addr     string `xml:"addr,attr"`
		AddrType string `xml:"addrtype,attr"`
		Vendor   string `xml:"vendor,attr"`
	} `xml:"address"`
	Hostnames []struct {
		Name string `xml:"name,attr"`
		Type string `xml:"type,attr"`
	} `xml:"hostnames>hostname"`
	Ports []struct {
		Protocol string `xml:"protocol,attr"`
		PortID   string `xml:"portid,attr"`
		State    struct {
			State string `xml:"state,attr"`
		} `xml:"state"`
		Service struct {
			Name    string `xml:"name,attr"`
			Product string `xml:"product,attr"`
			Version string `xml:"version,attr"`
			Tunnel  string `xml:"tunnel,attr"`
		} `xml:"service"`
	} `xml:"ports>port"`
	OSMatches []struct {
		Name     string `xml:"name,attr"`
		Accuracy string `xml:"accuracy,attr"`
		Classes  []struct {
			Type     string `xml:"type,attr"`
			Vendor   string `xml:"vendor,attr"`
			OSFamily string `xml:"osfamily,attr"`
			OSGen    string `xml:"osgen,attr"`
			Accuracy string `xml:"accuracy,attr"`
		} `xml:"osclass"`
	} `xml:"os>osmatch"`
}

// MinOSAccuracy is the least accuracy of an OS match that fills os and
// os_version: below it Nmap's guess is a guess.
const MinOSAccuracy = 90

// deviceTypes maps Nmap's osclass types to the record's device types.
var deviceTypes = map[string]string{
	"router": "router", "switch": "switch", "firewall": "firewall", "WAP": "access_point",
	"printer": "printer", "print server": "printer", "webcam": "camera", "phone": "phone",
	"VoIP phone": "phone", "storage-misc": "storage", "load balancer": "load_balancer",
	"power-device": "ups", "media device": "media", "game console": "game_console",
	"broadband router": "router", "specialized": "", "general purpose": "",
}

// asset turns a host into a record; false when it has no usable address.
func (h *xmlHost) asset(start time.Time, lim Limits) (record.Asset, bool) {
	var a record.Asset
	for _, ad := range h.Addresses {
		switch ad.AddrType {
		case "ipv4", "ipv6":
			ip, err := netip.ParseAddr(ad.Addr)
			if err != nil {
				continue
			}
			if !a.IP.IsValid() {
				a.IP = ip.Unmap()
			} else if !slices.Contains(a.IPs, ip) {
				a.IPs = append(a.IPs, ip.Unmap())
			}
		case "mac":
			if m, err := record.ParseMAC(ad.Addr); err == nil && len(a.MAC) == 0 {
				a.MAC = m
			}
		}
	}
	if !a.IP.IsValid() {
		return a, false
	}
	if len(a.IPs) > 0 {
		a.IPs = append([]netip.Addr{a.IP}, a.IPs...)
	}
	a.AddSource(record.SourceNmap)
	for _, hn := range h.Hostnames {
		n := record.Sanitize(strings.TrimSuffix(strings.TrimSpace(hn.Name), "."))
		if n == "" || len(a.Names) >= 16 {
			continue
		}
		hnm := record.HostName{Name: n, Source: record.SourceNmap}
		if !slices.Contains(a.Names, hnm) {
			a.Names = append(a.Names, hnm)
		}
	}
	if len(a.Names) > 0 {
		a.Hostname = a.Names[0].Name
	}
	for _, p := range h.Ports {
		if p.State.State != "open" {
			continue
		}
		n, err := strconv.Atoi(p.PortID)
		if err != nil || n < 0 || n > 65535 {
			continue
		}
		if len(a.Ports) >= lim.MaxPorts {
			break
		}
		svc := p.Service.Name
		if p.Service.Tunnel == "ssl" && svc != "" && !strings.HasPrefix(svc, "ssl") {
			svc = "ssl/" + svc
		}
		a.Ports = append(a.Ports, record.Port{
			Port: n, Protocol: record.Sanitize(p.Protocol), Service: record.Sanitize(svc),
			Product: record.Sanitize(p.Service.Product), Version: record.Sanitize(p.Service.Version),
		})
	}
	slices.SortFunc(a.Ports, func(x, y record.Port) int {
		if c := strings.Compare(x.Protocol, y.Protocol); c != 0 {
			return c
		}
		return x.Port - y.Port
	})
	h.applyOS(&a)
	at := unix(h.EndTime)
	if at.IsZero() {
		at = unix(h.StartTime)
	}
	if at.IsZero() {
		at = start
	}
	a.FirstSeen, a.LastSeen = at, at
	return a, true
}

// applyOS fills os, os_version, device_type and (for devices that are not
// general-purpose computers) vendor from the most accurate OS match, each
// with evidence naming the match and its accuracy.
func (h *xmlHost) applyOS(a *record.Asset) {
	best, bestAcc := -1, 0
	for i, m := range h.OSMatches {
		if acc, err := strconv.Atoi(m.Accuracy); err == nil && acc > bestAcc {
			best, bestAcc = i, acc
		}
	}
	if best < 0 || bestAcc < MinOSAccuracy {
		return
	}
	m := h.OSMatches[best]
	if len(m.Classes) == 0 {
		return
	}
	c := m.Classes[0]
	ev := func(value string) record.Evidence {
		return record.Evidence{Rule: fmt.Sprintf("nmap osmatch (accuracy %d%%)", bestAcc), Source: record.SourceNmap,
			Value: record.Sanitize(value)}
	}
	set := func(field string, dst *string, v string) {
		v = record.Sanitize(strings.TrimSpace(v))
		if v == "" {
			return
		}
		*dst = v
		if a.Evidence == nil {
			a.Evidence = map[string]record.Evidence{}
		}
		a.Evidence[field] = ev(m.Name)
	}
	set("os", &a.OS, c.OSFamily)
	set("os_version", &a.OSVersion, c.OSGen)
	set("device_type", &a.DeviceType, deviceTypes[c.Type])
	if c.Type != "general purpose" && c.Vendor != c.OSFamily {
		set("vendor", &a.Vendor, c.Vendor)
	}
}

func unix(s string) time.Time {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return time.Time{}
	}
	return time.Unix(n, 0).UTC()
}
