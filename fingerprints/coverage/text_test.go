package coverage

import (
	"bytes"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/record"
)

func TestWriteText(t *testing.T) {
	rep := Report{
		Walks:      5,
		Unreadable: []Unreadable{{File: "broken.snmprec.bz2"}},
		Coverage: []Coverage{
			{Field: "vendor", Found: 4, Walks: 5, Lacking: []Enterprise{{Number: 311, Name: "Microsoft", Walks: []string{"a", "b", "c", "d"}}, {Walks: []string{"e\x1b[2J"}}}},
			{Field: "model", Found: 0, Walks: 0},
		},
		Accuracy: []Accuracy{{Field: "serial", Expected: 2, Right: 1, Wrong: 1}},
		Misses: []Miss{
			{Walk: "x", Field: "serial", Want: "A", Got: "B", Evidence: &record.Evidence{Rule: "profile p: s", OID: "1.3.6"}},
			{Walk: "y", Field: "model", Want: "M", Exposes: "sysObjectID=1.3"},
		},
	}
	var b bytes.Buffer
	rep.WriteText(&b)
	s := b.String()
	for _, want := range []string{
		"walks: 5 (1 unreadable files left out)\n",
		"vendor              4/5     80.0%\n",
		"model               0/0         -\n",
		"     4  311 Microsoft: a, b, c, and 1 more\n",
		"     1  no sysObjectID: e",
		"serial              2      1      1        0     50.0%\n",
		`  x serial: want "A", got "B" <- profile p: s (1.3.6)` + "\n",
		`  y model: want "M", got nothing; the walk has sysObjectID=1.3` + "\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "\x1b") {
		t.Errorf("a walk name's control characters reached the output:\n%q", s)
	}
	// Without expectations: coverage only.
	b.Reset()
	Report{Walks: 1, Coverage: []Coverage{{Field: "os", Found: 1, Walks: 1}}}.WriteText(&b)
	if s := b.String(); strings.Contains(s, "accuracy") || strings.Contains(s, "misses") {
		t.Errorf("no expectations, yet:\n%s", s)
	}
}
