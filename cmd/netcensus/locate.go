package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/locate"
	"github.com/netcensus/netcensus/scanner/snmp"
)

func newLocateCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "locate MAC|IP|ID",
		Short: "Where a device is plugged in, and where it has been",
		Long: `asset locate finds the asset a MAC, an IP address or an asset ID (or a
unique prefix of one) names, and prints the switch port it was last seen on
(from the switches' forwarding tables, uplinks and trunks left out by the
location rules), the evidence for it, and every place it has been, oldest
first.

  table  the current place and its evidence, then the places
  json   {asset_id, location, evidence, history: [{switch, port, vlan,
         first, last, sweeps}]}
  jsonl  the same on one line
  csv    the places only`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
				w, err := inv.Locate(ctx, args[0])
				if errors.Is(err, inventory.ErrAmbiguous) {
					return usageError{err}
				}
				if err != nil {
					return err
				}
				return a.writeWhereabouts(format, w)
			})
		},
	}
	formatFlag(cmd, &format)
	return cmd
}

var placeRows = exporters.Rows[inventory.Place]{
	Header: func() []string {
		return []string{"switch", "switch_id", "port", "vlan", "first", "last", "sweeps", "mac"}
	},
	Row: func(p *inventory.Place) []string {
		return []string{switchText(p.Switch), p.Switch.AssetID, p.Port, vlanText(p.VLAN), timeText(p.First), timeText(p.Last),
			strconv.Itoa(p.Sweeps), p.MAC.String()}
	},
}

func switchText(s record.SwitchRef) string {
	switch {
	case s.Name != "":
		return s.Name
	case s.IP.IsValid():
		return s.IP.String()
	}
	return s.AssetID
}

func vlanText(v int) string {
	if v == 0 {
		return ""
	}
	return strconv.Itoa(v)
}

func (a *app) writeWhereabouts(format string, w inventory.Whereabouts) error {
	switch format {
	case "json", "jsonl":
		var b []byte
		var err error
		if format == "json" {
			b, err = json.MarshalIndent(&w, "", "  ")
		} else {
			b, err = json.Marshal(&w)
		}
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(a.stdout, "%s\n", b)
		return err
	case "csv":
		wr, err := newRowWriter(format, a, placeRows)
		if err != nil {
			return err
		}
		return writeAll(wr, w.History)
	}
	name := w.Name
	if name == "" {
		name = w.AssetID
	}
	fmt.Fprintf(a.stdout, "asset     %s (%s)\n", record.Sanitize(name), w.AssetID)
	if w.Current == nil {
		fmt.Fprintln(a.stdout, "location  unknown: no switch's forwarding table placed it on an access port")
	} else {
		l := w.Current
		fmt.Fprintf(a.stdout, "location  %s port %s", record.Sanitize(switchText(l.Switch)), record.Sanitize(l.Port))
		if l.VLAN > 0 {
			fmt.Fprintf(a.stdout, " vlan %d", l.VLAN)
		}
		fmt.Fprintf(a.stdout, " (seen %s)\n", timeText(l.Seen))
		if w.Evidence != nil {
			fmt.Fprintf(a.stdout, "evidence  %s: %s\n", w.Evidence.Rule, record.Sanitize(w.Evidence.Value))
		}
	}
	fmt.Fprintln(a.stdout, "\nwhere it has been:")
	return writeAll(exporters.NewTable(a.stdout, placeRows), w.History)
}

// portRow is one line of `ports`: a port and one host on it (a port with
// several hosts has several lines, one without any has one).
type portRow struct {
	Port     string `json:"port"`
	IfIndex  int    `json:"if_index,omitempty"`
	Status   string `json:"status,omitempty"`
	Neighbor string `json:"neighbor,omitempty"`
	AssetID  string `json:"asset_id,omitempty"`
	Host     string `json:"host,omitempty"`
	IP       string `json:"ip,omitempty"`
	MAC      string `json:"mac,omitempty"`
	VLAN     int    `json:"vlan,omitempty"`
	Seen     string `json:"seen,omitempty"`
}

var portRows = exporters.Rows[portRow]{
	Header: func() []string {
		return []string{"port", "if_index", "status", "neighbor", "asset_id", "host", "ip", "mac", "vlan", "seen"}
	},
	Row: func(p *portRow) []string {
		ix := ""
		if p.IfIndex != 0 {
			ix = strconv.Itoa(p.IfIndex)
		}
		return []string{p.Port, ix, p.Status, p.Neighbor, p.AssetID, p.Host, p.IP, p.MAC, vlanText(p.VLAN), p.Seen}
	},
}

func newPortsCmd(a *app) *cobra.Command {
	var format string
	var occupied bool
	cmd := &cobra.Command{
		Use:   "ports SWITCH",
		Short: "A switch's ports and what is on each",
		Long: `ports lists the ports of the switch SWITCH names (its IP address, MAC,
asset ID or a unique prefix of one): each interface as last read, its LLDP/CDP
neighbours, and the assets located on it (one line per asset).

  json               {switch, ports: [{port, if_index, oper_up, neighbors,
                     hosts: [...]}]}
  table, csv, jsonl  one row per port and host`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withInventory(cmd, format, func(ctx context.Context, inv *inventory.Inventory, format string) error {
				ps, err := inv.Ports(ctx, args[0])
				if errors.Is(err, inventory.ErrAmbiguous) {
					return usageError{err}
				}
				if err != nil {
					return err
				}
				if occupied {
					kept := ps.Ports[:0]
					for _, p := range ps.Ports {
						if len(p.Hosts)+len(p.Neighbors) > 0 {
							kept = append(kept, p)
						}
					}
					ps.Ports = kept
				}
				if format == "json" {
					b, err := json.MarshalIndent(&ps, "", "  ")
					if err != nil {
						return err
					}
					_, err = fmt.Fprintf(a.stdout, "%s\n", b)
					return err
				}
				w, err := newRowWriter(format, a, portRows)
				if err != nil {
					return err
				}
				return writeAll(w, flattenPorts(ps))
			})
		},
	}
	formatFlag(cmd, &format)
	cmd.Flags().BoolVar(&occupied, "occupied", false, "only ports with a host or a neighbour")
	return cmd
}

func flattenPorts(ps inventory.SwitchPorts) []portRow {
	var out []portRow
	for _, p := range ps.Ports {
		base := portRow{Port: p.Port, IfIndex: p.IfIndex}
		if p.OperUp != nil {
			base.Status = "down"
			if *p.OperUp {
				base.Status = "up"
			}
		}
		var ns []string
		for _, n := range p.Neighbors {
			s := n.SysName
			if s == "" {
				s = n.ChassisID
			}
			if n.Protocol != "" {
				s += " (" + n.Protocol + ")"
			}
			ns = append(ns, s)
		}
		base.Neighbor = strings.Join(ns, ", ")
		if len(p.Hosts) == 0 {
			out = append(out, base)
			continue
		}
		for _, h := range p.Hosts {
			r := base
			r.AssetID, r.Host, r.MAC, r.VLAN, r.Seen = h.AssetID, h.Name, h.MAC.String(), h.VLAN, timeText(h.Seen)
			if h.IP.IsValid() {
				r.IP = h.IP.String()
			}
			out = append(out, r)
		}
	}
	return out
}

// maxRulesFile bounds a location rules file.
const maxRulesFile = 1 << 20

// locateOptions sets a sweep's forwarding-table collection and location
// rules from the config's locate section (a rules file replacing the
// built-in rules).
func locateOptions(o *scanner.SNMPOptions, lc config.Locate) error {
	if err := lc.Validate(); err != nil {
		return err
	}
	o.FDB = snmp.FDBOptions{Off: !lc.Enabled, VLANContexts: lc.VLANContexts, MaxVLANs: lc.MaxVLANs}
	if lc.RulesFile == "" {
		return nil
	}
	f, err := os.Open(lc.RulesFile)
	if err != nil {
		return fmt.Errorf("locate.rules_file: %w", err)
	}
	defer f.Close()
	r, err := locate.Parse(io.LimitReader(f, maxRulesFile+1))
	if err != nil {
		return fmt.Errorf("locate.rules_file %s: %w", lc.RulesFile, err)
	}
	o.Locate = &r
	return nil
}

// usageErr makes a non-nil err a usage error.
func usageErr(err error) error {
	if err == nil {
		return nil
	}
	return usageError{err}
}
