package versions

import (
	"testing"
)

func TestCompare(t *testing.T) {
	// Each case is a < b under the scheme; the test checks both directions
	// and that each equals itself.
	tests := []struct {
		s    Scheme
		a, b string
	}{
		{Dpkg, "3.0.11-1~deb12u2", "3.0.13-1~deb12u1"},
		{Dpkg, "3.0.13-1~deb12u1", "3.0.13-1"},
		{Dpkg, "1.0~rc1", "1.0"},
		{Dpkg, "1.0~~", "1.0~"},
		{Dpkg, "9.9", "1:0.1"},
		{Dpkg, "1:2.0", "2:1.0"},
		{Dpkg, "3.0.2-0ubuntu1.10", "3.0.2-0ubuntu1.15"},
		{Dpkg, "1.2.3-1ubuntu2", "1.2.3-1ubuntu10"},
		{Dpkg, "1.0-1", "1.0-1+b1"},
		{Dpkg, "1.0a", "1.0b"},
		{Dpkg, "1.0", "1.0a"},
		{Dpkg, "1.0+dfsg", "1.0.1"},
		{Dpkg, "2.36-9+deb12u3", "2.36-9+deb12u10"},
		{RPM, "3.0.7-25.el9_3", "3.0.7-27.el9"},
		{RPM, "1:1.0-1", "2:0.1-1"},
		{RPM, "1.0~rc1-1", "1.0-1"},
		{RPM, "1.0-1", "1.0^git1-1"},
		{RPM, "1.0^git1", "1.0.1"},
		{RPM, "1.0a", "1.0.1"},
		{RPM, "2.9", "2.10"},
		{RPM, "1.0", "1.0.1"},
		{RPM, "abc", "1"},
		{Semver, "1.0.0-alpha", "1.0.0-alpha.1"},
		{Semver, "1.0.0-alpha.1", "1.0.0-alpha.beta"},
		{Semver, "1.0.0-alpha.beta", "1.0.0-beta"},
		{Semver, "1.0.0-beta.2", "1.0.0-beta.11"},
		{Semver, "1.0.0-rc.1", "1.0.0"},
		{Semver, "v1.9.0", "v1.10.0"},
		{Semver, "1.2.3+build.9", "1.2.4"},
		{Semver, "99999999999999999999.0.0", "100000000000000000000.0.0"},
		{CiscoIOS, "15.2(4)E10", "15.2(7)E"},
		{CiscoIOS, "15.2(7)E", "15.2(7)E3"},
		{CiscoIOS, "15.2(7)E3", "15.2(7)E3a"},
		{CiscoIOS, "12.2(55)SE12", "15.0(2)SE11"},
		{CiscoIOS, "12.2(18)SXF17", "12.2(18)SXF17b"},
		{CiscoIOS, "12.2(25)SEE", "12.2(25a)SEE"},
		{CiscoIOS, "15.1(4)M", "15.1(4)M10"},
		{Junos, "21.4R3-S4", "21.4R3-S5"},
		{Junos, "21.4R3", "21.4R3-S1"},
		{Junos, "21.4R2-S3", "21.4R3"},
		{Junos, "20.4R3-S9", "21.2R1"},
		{Junos, "22.4R1", "22.4R1.10"},
		{Junos, "21.4R3-S5", "21.4R3-S5.4"},
		{Junos, "22.4B1", "22.4R1"},
		{Junos, "15.1X49-D190", "15.1X49-D200"},
		{FortiOS, "7.2.7", "7.2.8"},
		{FortiOS, "v7.0.15,build0632", "v7.2.8,build1639"},
		{FortiOS, "7.2.8", "v7.2.8,build1639"},
		{FortiOS, "v6.4.15 build2095 (GA)", "7.0.0"},
		{FortiOS, "v5.4.5,build1138,170531 (GA)", "v5.6.3,build1547,171204 (GA)"},
		{FortiOS, "v5.4.5,build1138,170531 (GA)", "v5.4.5,build1139,170601 (GA)"},
		{FortiOS, "7.2.10", "7.4.0"},
		{Arista, "4.28.3M", "4.28.10M"},
		{Arista, "4.28.3F", "4.28.3M"},
		{Arista, "4.29.2F", "4.30.1F"},
		{Arista, "4.27.2.1F", "4.27.3F"},
		{PANOS, "10.2.4", "10.2.4-h3"},
		{PANOS, "10.2.4-h3", "10.2.4-h10"},
		{PANOS, "10.2.4-h10", "10.2.5"},
		{PANOS, "9.1.17", "10.1.0"},
		{Generic, "1.2", "1.10"},
		{Generic, "r9", "r10"},
		// Auto detects from the strings.
		{Auto, "15.2(4)E10", "15.2(7)E"},
		{Auto, "21.4R3-S4", "21.4R3-S5"},
		{Auto, "v7.2.7,build1577", "v7.2.8,build1639"},
		{Auto, "10.2.4-h3", "10.2.4-h10"},
		{Auto, "4.28.3F", "4.28.3M"},
		{Auto, "1:1.2-1", "1:1.2-2"},
		{Auto, "1.0.0-rc.1", "1.0.0"},
		// a vendor scheme on a string it cannot parse falls back to generic
		{CiscoIOS, "15.2.1", "15.2.10"},
	}
	for _, tt := range tests {
		if got := Compare(tt.s, tt.a, tt.b); got != -1 {
			t.Errorf("Compare(%q, %q, %q) = %d, want -1", tt.s, tt.a, tt.b, got)
		}
		if got := Compare(tt.s, tt.b, tt.a); got != 1 {
			t.Errorf("Compare(%q, %q, %q) = %d, want 1", tt.s, tt.b, tt.a, got)
		}
		for _, v := range []string{tt.a, tt.b} {
			if got := Compare(tt.s, v, v); got != 0 {
				t.Errorf("Compare(%q, %q, %q) = %d, want 0", tt.s, v, v, got)
			}
		}
	}
}

func TestCompareEqual(t *testing.T) {
	tests := []struct {
		s    Scheme
		a, b string
	}{
		{Dpkg, "0:1.0", "1.0"},
		{Dpkg, "1.0-0", "1.0-00"},
		{RPM, "1.0", "1.0-5"}, // a missing release matches any
		{RPM, "1..0", "1.0"},
		{Semver, "1.0.0+a", "1.0.0+b"},
		{Semver, "1.0", "1.0.0"},
		{FortiOS, "v7.2.8", "7.2.8"},
		{FortiOS, "v7.2.8,build1639,240313 (GA.F)", "v7.2.8,build1639"},
		{PANOS, "10.2.4-h0", "10.2.4"},
	}
	for _, tt := range tests {
		if got := Compare(tt.s, tt.a, tt.b); got != 0 {
			t.Errorf("Compare(%q, %q, %q) = %d, want 0", tt.s, tt.a, tt.b, got)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		v    string
		want Scheme
	}{
		{"15.2(4)E10", CiscoIOS},
		{"12.2(55)SE12", CiscoIOS},
		{"21.4R3-S5", Junos},
		{"15.1X49-D200", Junos},
		{"v7.2.8,build1639", FortiOS},
		{"v5.4.5,build1138,170531 (GA)", FortiOS},
		{"4.28.3M", Arista},
		{"10.2.4-h3", PANOS},
		{"3.0.13-1~deb12u1", Dpkg},
		{"1:9.6p1-3", Dpkg},
		{"3.0.7-27.el9", RPM},
		{"1.2.3-rc.1", Semver},
		{"2024b", Generic},
		{"", Generic},
	}
	for _, tt := range tests {
		if got := Detect(tt.v); got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestDetectFor(t *testing.T) {
	tests := []struct {
		os, vendor, v string
		want          Scheme
	}{
		{"IOS", "Cisco", "15.2(7)E", CiscoIOS},
		{"IOS-XE", "Cisco", "17.9.4a", Detect("17.9.4a")},
		{"Junos", "Juniper", "21.4R3-S5", Junos},
		{"FortiOS", "Fortinet", "7.2.8", FortiOS},
		{"EOS", "Arista Networks", "4.28.3M", Arista},
		{"PAN-OS", "Palo Alto Networks", "10.2.4", PANOS},
		{"Debian", "", "3.0.13-1~deb12u1", Dpkg},
		{"Ubuntu", "", "3.0.2-0ubuntu1.15", Dpkg},
		{"Rocky Linux", "", "3.0.7-27.el9", RPM},
		{"", "", "21.4R3", Junos},
	}
	for _, tt := range tests {
		if got := DetectFor(tt.os, tt.vendor, tt.v); got != tt.want {
			t.Errorf("DetectFor(%q, %q, %q) = %q, want %q", tt.os, tt.vendor, tt.v, got, tt.want)
		}
	}
}

func FuzzCompare(f *testing.F) {
	seeds := []string{"15.2(4)E10", "21.4R3-S5", "v7.2.8,build1639", "4.28.3M", "10.2.4-h3",
		"1:3.0.13-1~deb12u1", "3.0.7-27.el9", "1.0.0-rc.1+b", "1.0^git1~", "", "~", "^", "-", ":", "0:"}
	for i, a := range seeds {
		f.Add(a, seeds[(i+1)%len(seeds)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, s := range append(Schemes(), Auto) {
			x, y := Compare(s, a, b), Compare(s, b, a)
			if x != -y || x < -1 || x > 1 {
				t.Fatalf("scheme %q: Compare(%q, %q) = %d, reverse %d", s, a, b, x, y)
			}
			if c := Compare(s, a, a); c != 0 {
				t.Fatalf("scheme %q: Compare(%q, itself) = %d", s, a, c)
			}
		}
	})
}
