package build

import (
	"strings"
	"testing"
)

func TestParseLine(t *testing.T) {
	tests := []struct {
		line    string
		want    Entry
		wantOK  bool
		wantErr bool
	}{
		{"9\tciscoSystems", Entry{9, "ciscoSystems"}, true, false},
		{"9 ciscoSystems\r\n", Entry{9, "ciscoSystems"}, true, false},
		{"2636 \t Juniper Networks, Inc.", Entry{2636, "Juniper Networks, Inc."}, true, false},
		{"78\tLogMatrix Inc\t# formerly 'OpenService Inc.'", Entry{78, "LogMatrix Inc"}, true, false},
		{"8606\tVancouver School District # 37", Entry{8606, "Vancouver School District # 37"}, true, false},
		{"9230\t#B4mad Research Lab Organization", Entry{9230, "#B4mad Research Lab Organization"}, true, false},
		{"25457\tSchweizerische Bibliothek f&#252;r Blinde", Entry{25457, "Schweizerische Bibliothek für Blinde"}, true, false},
		{"1\tA&#x41;&#xe9;", Entry{1, "AAé"}, true, false},
		{"1\tAT&T  Labs ", Entry{1, "AT&T Labs"}, true, false},
		{"1\tbad &#; &#xZZ; &#0; &#55296; &#99999999; ok", Entry{1, "bad &#; &#xZZ; &#0; &#55296; &#99999999; ok"}, true, false},
		{"2\tIBM (https://w3.ibm.com/standards )", Entry{2, "IBM (https://w3.ibm.com/standards )"}, true, false},
		{"4294967295\tMax", Entry{1<<32 - 1, "Max"}, true, false},
		{"", Entry{}, false, false},
		{"   ", Entry{}, false, false},
		{"# comment", Entry{}, false, false},
		{"4294967296\tTooBig", Entry{}, false, true},
		{"x\tName", Entry{}, false, true},
		{"12Name", Entry{}, false, true},
		{"12\t", Entry{}, false, true},
		{"12 \t ", Entry{}, false, true},
		{"12\t\xff", Entry{}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got, ok, err := ParseLine(tt.line)
			if (err != nil) != tt.wantErr || ok != tt.wantOK || got != tt.want {
				t.Fatalf("ParseLine(%q) = %+v, %v, %v; want %+v, %v, err %v", tt.line, got, ok, err, tt.want, tt.wantOK, tt.wantErr)
			}
		})
	}
}

func TestParse(t *testing.T) {
	in := "#\n# header\n\n11\tHewlett-Packard\n9\tciscoSystems\n"
	got, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != (Entry{9, "ciscoSystems"}) || got[1] != (Entry{11, "Hewlett-Packard"}) {
		t.Fatalf("Parse = %+v", got)
	}
	if _, err := Parse(strings.NewReader("9\tA\n9\tB\n")); err == nil {
		t.Fatal("Parse accepted a number listed twice")
	}
	if _, err := Parse(strings.NewReader("9\tA\nnonsense\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("Parse error %v does not name line 2", err)
	}
}

func TestEncode(t *testing.T) {
	raw, err := Encode([]Entry{{0, "Reserved"}, {1, "A"}, {5, "B"}})
	if err != nil {
		t.Fatal(err)
	}
	want := Magic + "\x03\x00\x00\x03Reserved\nA\nB\n"
	if string(raw) != want {
		t.Fatalf("Encode = %q, want %q", raw, want)
	}
	for name, es := range map[string][]Entry{
		"unsorted":   {{5, "B"}, {1, "A"}},
		"duplicate":  {{1, "A"}, {1, "B"}},
		"empty name": {{1, ""}},
		"newline":    {{1, "A\nB"}},
	} {
		if _, err := Encode(es); err == nil {
			t.Errorf("Encode(%s) succeeded", name)
		}
	}
}

func FuzzParseLine(f *testing.F) {
	for _, s := range []string{"9\tciscoSystems", "78\tLogMatrix Inc\t# formerly 'X'", "1\tf&#252;r", "# c", "", "4294967296\tx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		e, ok, err := ParseLine(line)
		if err != nil || !ok {
			return
		}
		if e.Name == "" || e.Name != strings.Join(strings.Fields(e.Name), " ") {
			t.Fatalf("ParseLine(%q) name %q not clean", line, e.Name)
		}
		if _, err := Encode([]Entry{e}); err != nil {
			t.Fatalf("Encode(%+v): %v", e, err)
		}
	})
}
