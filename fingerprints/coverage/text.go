package coverage

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/netcensus/netcensus/record"
)

// pct is n of d as a percentage, "-" of nothing.
func pct(n, d int) string {
	if d == 0 {
		return "-"
	}
	return strconv.FormatFloat(100*float64(n)/float64(d), 'f', 1, 64) + "%"
}

// WriteText prints the report for people: coverage per field, the
// enterprises lacking each, and with expectations the accuracy and every
// miss. Values from walks are sanitised.
func (rep Report) WriteText(w io.Writer) {
	fmt.Fprintf(w, "walks: %d", rep.Walks)
	if len(rep.Unreadable) > 0 {
		fmt.Fprintf(w, " (%d unreadable files left out)", len(rep.Unreadable))
	}
	fmt.Fprintf(w, "\n\n%-12s %10s %9s\n", "field", "found", "coverage")
	for _, c := range rep.Coverage {
		fmt.Fprintf(w, "%-12s %10s %9s\n", c.Field, fmt.Sprintf("%d/%d", c.Found, c.Walks), pct(c.Found, c.Walks))
	}
	for _, c := range rep.Coverage {
		if len(c.Lacking) == 0 {
			continue
		}
		fmt.Fprintf(w, "\nwithout %s, by enterprise:\n", c.Field)
		for _, e := range c.Lacking {
			name := "no sysObjectID"
			if e.Number != 0 {
				name = strconv.FormatUint(uint64(e.Number), 10)
				if e.Name != "" {
					name += " " + e.Name
				}
			}
			walks := e.Walks
			more := ""
			if len(walks) > 3 {
				walks, more = walks[:3], fmt.Sprintf(", and %d more", len(e.Walks)-3)
			}
			fmt.Fprintf(w, "  %4d  %s: %s%s\n", len(e.Walks), record.Sanitize(name), record.Sanitize(strings.Join(walks, ", ")), more)
		}
	}
	if rep.Accuracy == nil {
		return
	}
	fmt.Fprintf(w, "\n%-12s %8s %6s %6s %8s %9s\n", "field", "expected", "right", "wrong", "missing", "accuracy")
	for _, a := range rep.Accuracy {
		fmt.Fprintf(w, "%-12s %8d %6d %6d %8d %9s\n", a.Field, a.Expected, a.Right, a.Wrong, a.Missing, pct(a.Right, a.Expected))
	}
	if len(rep.Misses) == 0 {
		return
	}
	fmt.Fprintf(w, "\nmisses:\n")
	for _, m := range rep.Misses {
		if m.Got == "" {
			fmt.Fprintf(w, "  %s %s: want %q, got nothing; the walk has %s\n", record.Sanitize(m.Walk), m.Field, record.Sanitize(m.Want), m.Exposes)
			continue
		}
		from := ""
		if m.Evidence != nil {
			from = " <- " + m.Evidence.Rule
			if m.Evidence.OID != "" {
				from += " (" + m.Evidence.OID + ")"
			}
		}
		fmt.Fprintf(w, "  %s %s: want %q, got %q%s\n", record.Sanitize(m.Walk), m.Field, record.Sanitize(m.Want), record.Sanitize(m.Got), record.Sanitize(from))
	}
}
