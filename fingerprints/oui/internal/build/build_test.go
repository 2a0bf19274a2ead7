package build

import (
	"strings"
	"testing"
)

func TestParseCSV(t *testing.T) {
	src := Source{File: "oui.csv", Registry: "MA-L", Bits: 24}
	in := "Registry,Assignment,Organization Name,Organization Address\n" +
		"MA-L,00000C,\"Cisco Systems, Inc\",170 WEST TASMAN DRIVE SAN JOSE CA US 95134-1706 \n" +
		"MA-L,00B4F5,\"DongGuan Siyoto Electronics Co., Ltd       \",\"Hecheng, QiaoTou\"\n" +
		"MA-L,4428a3,\"Jiangsu fulian  Communication\tTechnology\",\n"
	got, err := ParseCSV(strings.NewReader(in), src)
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{0x00000c, 24, "Cisco Systems, Inc"},
		{0x00b4f5, 24, "DongGuan Siyoto Electronics Co., Ltd"},
		{0x4428a3, 24, "Jiangsu fulian Communication Technology"},
	}
	if len(got) != len(want) {
		t.Fatalf("ParseCSV = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, got[i], want[i])
		}
	}

	for name, in := range map[string]string{
		"wrong registry": "MA-M,00000C,Cisco,\n",
		"short prefix":   "MA-L,00000,Cisco,\n",
		"long prefix":    "MA-L,00000C0,Cisco,\n",
		"not hex":        "MA-L,00000G,Cisco,\n",
		"empty name":     "MA-L,00000C,   ,\n",
		"two fields":     "MA-L,00000C\n",
		"bad quotes":     "MA-L,00000C,\"Cisco,\n",
		"not UTF-8":      "MA-L,00000C,Cisco\xff,\n",
	} {
		if _, err := ParseCSV(strings.NewReader(in), src); err == nil {
			t.Errorf("%s: ParseCSV accepted %q", name, in)
		}
	}
}

func TestMerge(t *testing.T) {
	got := Merge([]Entry{
		{0x080030, 24, "ROYAL MELBOURNE INST OF TECH"},
		{0x70b3d5f2f, 36, "TELEPLATFORMS"},
		{0x080030, 24, "NETWORK RESEARCH CORPORATION"},
		{0x000001, 24, "A"},
		{0x080030, 24, "CERN"},
		{0x741ae05, 28, "Fujian"},
		{0x000001, 24, "A"},
	})
	want := []Entry{
		{0x70b3d5f2f, 36, "TELEPLATFORMS"},
		{0x741ae05, 28, "Fujian"},
		{0x000001, 24, "A"},
		{0x080030, 24, "CERN / NETWORK RESEARCH CORPORATION / ROYAL MELBOURNE INST OF TECH"},
	}
	if len(got) != len(want) {
		t.Fatalf("Merge = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestEncodeRejects(t *testing.T) {
	for name, es := range map[string][]Entry{
		"bits 0":          {{0, 0, "A"}},
		"bits 49":         {{0, 49, "A"}},
		"prefix too wide": {{0x1000000, 24, "A"}},
		"empty name":      {{1, 24, ""}},
		"unsorted":        {{2, 24, "A"}, {1, 24, "B"}},
		"split group":     {{1, 24, "A"}, {1, 36, "B"}, {2, 24, "C"}},
	} {
		if _, err := Encode(es); err == nil {
			t.Errorf("Encode(%s) succeeded", name)
		}
	}
}

func FuzzParseCSV(f *testing.F) {
	f.Add("MA-L,00000C,\"Cisco Systems, Inc\",addr\n")
	f.Add("Registry,Assignment,Organization Name,Organization Address\nMA-L,B827EB,Raspberry Pi Foundation,x\n")
	f.Fuzz(func(t *testing.T, in string) {
		es, err := ParseCSV(strings.NewReader(in), Source{File: "f", Registry: "MA-L", Bits: 24})
		if err != nil {
			return
		}
		for _, e := range es {
			if e.Prefix>>24 != 0 || e.Org == "" || e.Org != CleanName(e.Org) {
				t.Fatalf("bad entry %+v", e)
			}
		}
		if _, err := Encode(Merge(es)); err != nil {
			t.Fatalf("Encode: %v", err)
		}
	})
}
