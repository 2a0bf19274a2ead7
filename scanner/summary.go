package scanner

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/netcensus/netcensus/record"
)

// WriteSummary prints, for people, the counts of the stages that ran, then
// one summary line: probed, found, sent, skipped, SNMP's counts when it
// ran (the reasons of partial collections among them), the duration, and
// whether the sweep was interrupted.
func (rep *Report) WriteSummary(w io.Writer) {
	status := ""
	if rep.Partial {
		status = " (interrupted: partial)"
	}
	snmpSummary := ""
	if rep.SNMP.Probed > 0 {
		snmpSummary = fmt.Sprintf(" snmp_probed=%d snmp_answered=%d snmp_collected=%d snmp_partial=%d%s snmp_failed=%d router_arp=%d",
			rep.SNMP.Probed, rep.SNMP.Responders, rep.SNMP.Collected, rep.SNMP.Partial, partialReasons(rep.SNMP.Reasons), rep.SNMP.Failed, rep.SNMP.RouterARP)
		if rep.SNMP.RouterND > 0 {
			snmpSummary += fmt.Sprintf(" router_nd=%d", rep.SNMP.RouterND)
		}
	}
	rep.writeStages(w)
	fmt.Fprintf(w, "summary: probed=%d found=%d sent=%d skipped=%d%s duration=%s%s\n",
		rep.Probed, rep.Found, rep.Sent, len(rep.Skipped), snmpSummary, rep.Duration.Round(time.Millisecond), status)
}

// writeStages prints the counts of the stages that ran: mDNS, names,
// NDP, passive.
func (rep *Report) writeStages(w io.Writer) {
	if m := rep.MDNS; m.Segments > 0 {
		fmt.Fprintf(w, "mdns: segments=%d hosts=%d services=%d merged=%d dropped=%d last_new=%s\n",
			m.Segments, m.Hosts, m.Services, m.Merged, m.Dropped, m.LastNew.Round(time.Millisecond))
	}
	if n := rep.Names; n.Asked > 0 {
		fmt.Fprintf(w, "names: asked=%d dns=%d netbios=%d llmnr=%d refused=%d servers_given_up=%d\n",
			n.Asked, n.DNS, n.NetBIOS, n.LLMNR, n.Refused, n.DNSSilent)
	}
	if n := rep.NDP; n.Links > 0 {
		fmt.Fprintf(w, "ndp: links=%d echoes=%d solicitations=%d neighbors=%d unresolved=%d joined=%d ipv6_only=%d malformed=%d\n",
			n.Links, n.Echoes, n.Solicitations, n.Neighbors, n.Unresolved, n.Joined, n.Hosts, n.Malformed)
	}
	if p := rep.Passive; p.Frames > 0 || p.Heard > 0 {
		fmt.Fprintf(w, "passive: heard=%d %s\n", p.Heard, p.Stats)
	}
}

// partialReasons prints the reasons of partial collections for the
// summary: " (max_rows=2 target_timeout=1)", or "" for none.
func partialReasons(m map[string]int) string {
	if len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s=%d", k, m[k])
	}
	return " (" + strings.Join(parts, " ") + ")"
}

// HostWriter takes host records: an output format's writer.
type HostWriter interface {
	Write(*record.Asset) error
	Close() error
}

// WriteHosts writes every host record to out, then closes it, and prints
// for people on w the skipped targets (with the reason) and the
// anomalies: one line per shared MAC, then the others host by host. A
// failing out (closed, full) stops the records, not the report: its
// first error is returned once the anomalies are written.
func (rep *Report) WriteHosts(out HostWriter, w io.Writer) error {
	for _, s := range rep.Skipped {
		fmt.Fprintf(w, "skipped %s: %s\n", s.Target, s.Reason)
	}
	var anomalies []string
	var werr error
	rep.Each(func(h *record.Asset) error {
		for _, an := range h.Anomalies {
			if an.Kind != record.AnomalySharedMAC { // summarised per MAC below
				anomalies = append(anomalies, fmt.Sprintf("anomaly: %s %s: %s", h.IP, an.Kind, an.Detail))
			}
		}
		if werr == nil {
			werr = out.Write(h)
		}
		return nil
	})
	if cerr := out.Close(); werr == nil {
		werr = cerr
	}
	for _, m := range rep.SharedMACs {
		fmt.Fprintf(w, "anomaly: %s answers for %d addresses (proxy ARP, virtual router or secondary addresses)\n", m.MAC, m.Count)
	}
	for _, l := range anomalies {
		fmt.Fprintln(w, l)
	}
	return werr
}
