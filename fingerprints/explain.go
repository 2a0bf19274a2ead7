package fingerprints

import (
	"fmt"
	"io"
	"slices"
	"sort"

	"github.com/netcensus/netcensus/record"
)

// Explanation is what the engine says of one input, as fingerprints
// explain prints it in JSON: the result, the profiles that matched (with
// all, every profile), and the OIDs of the input and the evidence named
// from the vendor MIBs.
type Explanation struct {
	Result   Result            `json:"result"`
	Matches  []Match           `json:"matches"`
	OIDNames map[string]string `json:"oid_names,omitempty"`
}

// Explanation runs the engine on in and explains it: Identify's result,
// Explain's profiles (only those that matched unless all), OIDNames.
func (eng *Engine) Explanation(in Input, all bool) Explanation {
	res := eng.Identify(in)
	matches := eng.Explain(in)
	if !all {
		matches = slices.DeleteFunc(matches, func(m Match) bool { return !m.Matched })
	}
	return Explanation{Result: res, Matches: matches, OIDNames: eng.OIDNames(in, res)}
}

// OIDNames names the OIDs of in and of res's evidence through the product
// registry of the vendor MIBs; OIDs without a name are left out.
func (eng *Engine) OIDNames(in Input, res Result) map[string]string {
	names := map[string]string{}
	for _, o := range []string{in.SysObjectID} {
		if n := eng.NameOID(o); n != "" {
			names[o] = n
		}
	}
	for _, ev := range res.Evidence {
		if n := eng.NameOID(ev.OID); n != "" {
			names[ev.OID] = n
		}
	}
	return names
}

// WriteExplain prints, for people, what the engine concluded from in
// (res, each field with the rule and OID it came from) and the profiles
// of matches with their reasons, the winner starred. OIDs are named from
// the vendor MIBs; values from the device are sanitised.
func (eng *Engine) WriteExplain(w io.Writer, in Input, res Result, matches []Match) {
	// oidName is oid with its registered name from the vendor MIBs.
	oidName := func(oid string) string {
		if n := eng.NameOID(oid); n != "" {
			return oid + " = " + n
		}
		return oid
	}
	if in.SysObjectID != "" {
		fmt.Fprintf(w, "sysObjectID: %s\n", record.Sanitize(oidName(in.SysObjectID)))
	}
	fields := []struct{ key, val string }{
		{"vendor", res.Vendor}, {"model", res.Model}, {"serial", res.Serial},
		{"os", res.OS}, {"os_version", res.OSVersion}, {"device_type", res.DeviceType},
	}
	profile := res.Profile
	if profile == "" {
		profile = "(generic rules only)"
	}
	fmt.Fprintf(w, "profile: %s\n", record.Sanitize(profile))
	for _, f := range fields {
		if f.val == "" {
			fmt.Fprintf(w, "%-12s -\n", f.key+":")
			continue
		}
		ev := res.Evidence[f.key]
		from := ev.Rule
		if ev.OID != "" {
			from += " (" + oidName(ev.OID) + ")"
		}
		fmt.Fprintf(w, "%-12s %s   <- %s\n", f.key+":", record.Sanitize(f.val), record.Sanitize(from))
	}
	fmt.Fprintf(w, "\n%d profile(s):\n", len(matches))
	for _, m := range matches {
		mark := " "
		if m.Winner {
			mark = "*"
		}
		state := "no match"
		if m.Matched {
			state = fmt.Sprintf("match, score %d", m.Score)
		}
		kind := ""
		if m.Generic {
			kind = " generic"
		}
		fmt.Fprintf(w, "%s %s (%s%s) %s\n", mark, m.Profile, m.File, kind, state)
		for _, r := range m.Reasons {
			fmt.Fprintf(w, "    %s\n", record.Sanitize(r))
		}
		keys := make([]string, 0, len(m.Fields))
		for k := range m.Fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(w, "    -> %s = %s\n", k, record.Sanitize(m.Fields[k]))
		}
	}
}
