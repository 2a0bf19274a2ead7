package maker

import "testing"

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"ciscoSystems":                        "Cisco",
		"Cisco Systems, Inc.":                 "Cisco",
		"Juniper Networks, Inc.":              "Juniper Networks",
		"HUAWEI Technology Co.,Ltd":           "Huawei",
		"Hewlett Packard Enterprise":          "HPE",
		"Hewlett-Packard":                     "HP",
		"IBM (https://w3.ibm.com/standards )": "IBM",
		"American Power Conversion Corp.":     "APC",
		"Some Maker GmbH":                     "Some Maker",
		"Acme Widgets Co., Ltd.":              "Acme Widgets",
		"HPC Systems Inc.":                    "HPC Systems",
		"":                                    "",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDropName(t *testing.T) {
	for _, c := range []struct {
		model, vendor, want string
		dropped             bool
	}{
		{"HP LaserJet Pro M404dn", "HP", "LaserJet Pro M404dn", true},
		{"Hewlett-Packard LaserJet 4250", "HP", "LaserJet 4250", true},
		{"FUJI XEROX DocuCentre-VI C3370", "Fuji Xerox", "DocuCentre-VI C3370", true},
		{"KONICA MINOLTA bizhub C300i", "Konica Minolta", "bizhub C300i", true},
		{"Check Point 6200", "Check Point", "6200", true},
		{"EPSON  ET-4750", "Epson", "ET-4750", true},
		// A model glued to the maker's name is a part number: kept.
		{"ICT200DB-12IRC", "ICT", "ICT200DB-12IRC", false},
		// A brand of the maker's products names a product line: kept.
		{"Liebert GXT4", "Vertiv", "Liebert GXT4", false},
		// Nothing would be left, or another maker's name.
		{"Kentix", "Kentix", "Kentix", false},
		{"SAVIN MP C4504", "Ricoh", "SAVIN MP C4504", false},
		{"LaserJet M507", "", "LaserJet M507", false},
	} {
		got, ok := DropName(c.model, c.vendor)
		if got != c.want || ok != c.dropped {
			t.Errorf("DropName(%q, %q) = %q, %v; want %q, %v", c.model, c.vendor, got, ok, c.want, c.dropped)
		}
	}
}

func TestLeading(t *testing.T) {
	for _, c := range []struct {
		model, want string
		ok          bool
	}{
		{"Brother HL-L2350DW series", "Brother", true},
		{"EPSON ET-4750 Series", "Epson", true},
		{"KONICA MINOLTA bizhub C300i", "Konica Minolta", true},
		{"Hewlett-Packard LaserJet 4250", "HP", true},
		{"Extreme Networks X440-G2", "Extreme Networks", true},
		// A word the table does not hold, a maker's name glued to a part
		// number, a maker's name alone: none tells the maker.
		{"Lab Printer 3000", "", false},
		{"HPC-2000 controller", "", false},
		{"Brother", "", false},
		{"", "", false},
	} {
		got, ok := Leading(c.model)
		if got != c.want || ok != c.ok {
			t.Errorf("Leading(%q) = %q, %v; want %q, %v", c.model, got, ok, c.want, c.ok)
		}
	}
}
