package mdns

import (
	"strings"
	"testing"

	"github.com/netcensus/netcensus/fingerprints/recog"
	"github.com/netcensus/netcensus/record"
)

func newRules(t *testing.T, db *recog.DB) *Rules {
	t.Helper()
	r, err := New(db)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func svc(typ, name string, kv ...string) record.Service {
	s := record.Service{Type: typ, Name: name, TXT: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		s.TXT[kv[i]] = kv[i+1]
	}
	return s
}

// Each announcement source has a case; want lists the facts expected
// and the rule expected as evidence for the first of them.
func TestIdentify(t *testing.T) {
	r := newRules(t, nil)
	tests := []struct {
		name string
		host Host
		want Facts
		rule map[string]string // field -> evidence rule
	}{
		{
			name: "device-info apple model and osxvers",
			host: Host{Hostname: "Johns-MBP", Services: []record.Service{svc("_device-info._tcp", "Johns-MBP", "model", "MacBookPro18,3", "osxvers", "22")}},
			want: Facts{Hostname: "Johns-MBP", Vendor: "Apple", Model: "MacBook Pro (14-inch, 2021)", DeviceType: "laptop", OS: "macOS", OSVersion: "13"},
			rule: map[string]string{"model": "mdns-device-info-model", "os_version": "mdns-device-info-osxvers"},
		},
		{
			name: "device-info family fallback",
			host: Host{Services: []record.Service{svc("_device-info._tcp", "x", "model", "MacBookAir99,7")}},
			want: Facts{Vendor: "Apple", Model: "MacBook Air", DeviceType: "laptop", OS: "macOS"},
		},
		{
			name: "device-info non-apple model kept raw",
			host: Host{Services: []record.Service{svc("_device-info._tcp", "x", "model", "Xserve-ish thing")}},
			want: Facts{Model: "Xserve-ish thing"},
		},
		{
			name: "ipp printer",
			host: Host{Services: []record.Service{svc("_ipp._tcp", "Lab Printer", "ty", "HP LaserJet Pro M404dn", "product", "(HP LaserJet Pro M404dn)", "usb_MFG", "HP", "usb_MDL", "LaserJet Pro M404dn", "UUID", "564E4333-4D30-3739-3133-A0CE64E1E9A8")}},
			want: Facts{Vendor: "HP", Model: "LaserJet Pro M404dn", DeviceType: "printer", UUID: "564e4333-4d30-3739-3133-a0ce64e1e9a8"},
			rule: map[string]string{"vendor": "mdns-printer-usb_MFG", "model": "mdns-printer-usb_MDL"},
		},
		{
			name: "pdl-datastream printer with product only",
			host: Host{Services: []record.Service{svc("_pdl-datastream._tcp", "P", "product", "(Brother HL-L2350DW series)")}},
			want: Facts{Vendor: "Brother", Model: "HL-L2350DW series", DeviceType: "printer"},
			rule: map[string]string{"model": "mdns-printer-product (maker's name dropped)", "vendor": "mdns-printer-product (maker's name)"},
		},
		{
			name: "ipps and printer types, ty beats product",
			host: Host{Services: []record.Service{svc("_ipps._tcp", "P", "product", "(X)"), svc("_printer._tcp", "P", "ty", "Canon MF743C")}},
			want: Facts{Vendor: "Canon", Model: "MF743C", DeviceType: "printer"},
			rule: map[string]string{"model": "mdns-printer-ty (maker's name dropped)"},
		},
		{
			// The vendor as the SNMP engine names it, and the model
			// without it (fingerprints/maker), whatever case the
			// announcement uses.
			name: "printer maker named as records name it",
			host: Host{Services: []record.Service{svc("_ipp._tcp", "P", "usb_MFG", "EPSON", "ty", "EPSON ET-4750 Series")}},
			want: Facts{Vendor: "Epson", Model: "ET-4750 Series", DeviceType: "printer"},
			rule: map[string]string{"vendor": "mdns-printer-usb_MFG", "model": "mdns-printer-ty (maker's name dropped)"},
		},
		{
			// Only a maker the table knows is split off a model.
			name: "unknown first word kept in the model",
			host: Host{Services: []record.Service{svc("_ipp._tcp", "P", "ty", "Lab Printer 3000")}},
			want: Facts{Model: "Lab Printer 3000", DeviceType: "printer"},
		},
		{
			name: "airplay",
			host: Host{Services: []record.Service{svc("_airplay._tcp", "Living Room", "model", "AppleTV11,1", "deviceid", "AA:BB:CC:11:22:33", "srcvers", "670.6.2", "osvers", "16.5")}},
			want: Facts{Vendor: "Apple", Model: "Apple TV 4K (2nd generation)", DeviceType: "media_player", OS: "tvOS", OSVersion: "16.5", MAC: mustMAC("aa:bb:cc:11:22:33")},
			rule: map[string]string{"mac": "mdns-airplay-deviceid"},
		},
		{
			name: "raop mac from instance",
			host: Host{Services: []record.Service{svc("_raop._tcp", "AABBCC112233@Kitchen", "am", "AudioAccessory5,1", "vs", "670.6.2", "ov", "16.5")}},
			want: Facts{Vendor: "Apple", Model: "HomePod mini", DeviceType: "speaker", OS: "audioOS", OSVersion: "16.5", MAC: mustMAC("aa:bb:cc:11:22:33")},
			rule: map[string]string{"mac": "mdns-raop-instance"},
		},
		{
			name: "google cast",
			host: Host{Services: []record.Service{svc("_googlecast._tcp", "Chromecast-abc", "md", "Chromecast Ultra", "fn", "Den TV", "id", "ABCDEF0123456789")}},
			want: Facts{Hostname: "Den TV", Vendor: "Google", Model: "Chromecast Ultra", DeviceType: "media_player", UUID: "abcdef0123456789"},
		},
		{
			name: "cast-like third party",
			host: Host{Services: []record.Service{svc("_googlecast._tcp", "x", "md", "Lab Home Speaker")}},
			want: Facts{Model: "Lab Home Speaker", DeviceType: "speaker"},
		},
		{
			name: "homekit",
			host: Host{Services: []record.Service{svc("_hap._tcp", "Porch Cam", "md", "Eve Cam", "ci", "17", "id", "3C:E1:A1:00:11:22")}},
			want: Facts{Model: "Eve Cam", DeviceType: "camera", UUID: "3c:e1:a1:00:11:22"},
			rule: map[string]string{"device_type": "mdns-homekit-ci"},
		},
		{
			name: "sonos",
			host: Host{Services: []record.Service{svc("_sonos._tcp", "RINCON_X", "vers", "3", "info", "/api/v1/players/RINCON_X/info")}},
			want: Facts{Vendor: "Sonos", DeviceType: "speaker", OSVersion: "3"},
		},
		{
			name: "spotify connect",
			host: Host{Services: []record.Service{svc("_spotify-connect._tcp", "Speaker", "CPath", "/zc", "VERSION", "1.0")}},
			want: Facts{DeviceType: "media_player"},
			rule: map[string]string{"device_type": "mdns-spotify-connect"},
		},
		{
			name: "workstation mac and name",
			host: Host{Services: []record.Service{svc("_workstation._tcp", "lab-ws [02:00:5e:10:00:01]")}},
			want: Facts{Hostname: "lab-ws", DeviceType: "computer", MAC: mustMAC("02:00:5e:10:00:01")},
			rule: map[string]string{"mac": "mdns-workstation-instance"},
		},
		{
			name: "ssh smb sftp http",
			host: Host{Hostname: "nas", Services: []record.Service{svc("_ssh._tcp", "nas"), svc("_smb._tcp", "nas"), svc("_sftp-ssh._tcp", "nas"), svc("_http._tcp", "nas", "path", "/", "model", "DS920+", "vendor", "Synology")}},
			want: Facts{Hostname: "nas", DeviceType: "computer", Model: "DS920+", Vendor: "Synology"},
			rule: map[string]string{"device_type": "mdns-service-sftp-ssh", "model": "mdns-txt-model"},
		},
		{
			name: "hinfo",
			host: Host{Hostname: "h", HINFO: HINFO{CPU: "X86_64", OS: "LINUX"}},
			want: Facts{Hostname: "h", OS: "Linux"},
			rule: map[string]string{"os": "mdns-hinfo"},
		},
		{
			name: "device-info beats hinfo; escapes stripped",
			host: Host{HINFO: HINFO{OS: "LINUX"}, Services: []record.Service{svc("_device-info._tcp", "x", "model", "Mac14,2", "osxvers", "23\x1b[31m")}},
			want: Facts{Vendor: "Apple", Model: "MacBook Air (M2, 2022)", DeviceType: "laptop", OS: "macOS"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.Identify(tt.host)
			checkFacts(t, got, tt.want)
			for field, rule := range tt.rule {
				if ev := got.Evidence[field]; ev.Rule != rule || ev.Source != record.SourceMDNS || ev.Value == "" {
					t.Errorf("evidence[%s] = %+v, want rule %s", field, ev, rule)
				}
			}
			for field := range got.Evidence {
				if field != "uuid" && fieldOf(got, field) == "" {
					t.Errorf("evidence for empty field %s", field)
				}
			}
		})
	}
}

func mustMAC(s string) record.MAC {
	m, err := record.ParseMAC(s)
	if err != nil {
		panic(err)
	}
	return m
}

func fieldOf(f Facts, field string) string {
	switch field {
	case "hostname":
		return f.Hostname
	case "vendor":
		return f.Vendor
	case "model":
		return f.Model
	case "os":
		return f.OS
	case "os_version":
		return f.OSVersion
	case "device_type":
		return f.DeviceType
	case "serial":
		return f.Serial
	case "mac":
		return f.MAC.String()
	}
	return "?"
}

func checkFacts(t *testing.T, got, want Facts) {
	t.Helper()
	for _, field := range []string{"hostname", "vendor", "model", "os", "os_version", "device_type", "serial", "mac"} {
		if g, w := fieldOf(got, field), fieldOf(want, field); g != w {
			t.Errorf("%s = %q, want %q", field, g, w)
		}
	}
	if got.UUID != want.UUID {
		t.Errorf("uuid = %q, want %q", got.UUID, want.UUID)
	}
}

func TestDarwin(t *testing.T) {
	tests := map[string]string{"8": "Mac OS X 10.4", "16": "macOS 10.12", "19": "macOS 10.15", "20": "macOS 11", "24": "macOS 15", "25": "macOS 26"}
	for in, want := range tests {
		n, v, ok := darwinToMacOS(in)
		if !ok || n+" "+v != want {
			t.Errorf("%s: %s %s %v, want %s", in, n, v, ok, want)
		}
	}
	for _, bad := range []string{"", "x", "4", "99"} {
		if _, _, ok := darwinToMacOS(bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestAppleModels(t *testing.T) {
	r := newRules(t, nil)
	if len(r.apple) < 90 {
		t.Fatalf("table has %d rows", len(r.apple))
	}
	for id, am := range r.apple {
		if !strings.HasPrefix(am.Product, "Mac") && !strings.HasPrefix(am.Product, "i") && !strings.HasPrefix(am.Product, "Apple") && !strings.HasPrefix(am.Product, "Home") {
			t.Errorf("%s: odd product %q", id, am.Product)
		}
		if am.DeviceType == "" {
			t.Errorf("%s: no device type", id)
		}
	}
	for _, bad := range []string{"", "MacBookProX", "iPhone1,x", "Nope3,1", "iPhone12345,1"} {
		if am, ok := r.LookupAppleModel(bad); ok {
			t.Errorf("%q -> %+v", bad, am)
		}
	}
	if _, err := parseAppleModels("a\tb\n"); err == nil {
		t.Error("short row accepted")
	}
	if _, err := parseAppleModels("a\tb\tc\na\tb\tc\n"); err == nil {
		t.Error("duplicate accepted")
	}
}

// Recog fills what the project's rules left empty, with evidence naming it.
func TestRecogFillsGaps(t *testing.T) {
	db, err := recog.LoadDir("../../testdata/recog")
	if err != nil {
		t.Fatal(err)
	}
	r := newRules(t, db)
	// AirPort identifiers: own rules give vendor/model; Recog adds the OS.
	f := r.Identify(Host{Services: []record.Service{svc("_device-info._tcp", "x", "model", "AirPort4,107")}})
	if f.Model != "AirPort" || f.Evidence["model"].Rule != "mdns-device-info-model" {
		t.Errorf("own rule did not win: %+v", f)
	}
	if f.OS != "AirPort Base Station Firmware" || !strings.HasPrefix(f.Evidence["os"].Rule, "recog:mdns_device-info_txt.xml:") {
		t.Errorf("recog did not fill os: %q %+v", f.OS, f.Evidence["os"])
	}
	w := r.Identify(Host{Services: []record.Service{svc("_workstation._tcp", "ws [02:00:5e:10:00:02]", "org.freedesktop.Avahi.cookie", "123")}})
	if w.DeviceType != "computer" || w.MAC.String() != "02:00:5e:10:00:02" {
		t.Errorf("workstation = %+v", w)
	}
}

func TestApply(t *testing.T) {
	r := newRules(t, nil)
	f := r.Identify(Host{Hostname: "p", Services: []record.Service{svc("_ipp._tcp", "P", "ty", "Acme P1", "UUID", "u-1")}})
	a := record.Asset{Hostname: "from-snmp", Vendor: "Acme"}
	set := f.Apply(&a)
	if a.Hostname != "from-snmp" || a.Model != "Acme P1" || a.DeviceType != "printer" {
		t.Errorf("asset %+v", a)
	}
	if strings.Join(set, ",") != "model,device_type" {
		t.Errorf("set %v", set)
	}
	if a.Evidence["uuid"].Value != "u-1" || a.Evidence["model"].TXT != "_ipp._tcp ty" {
		t.Errorf("evidence %+v", a.Evidence)
	}
}

func FuzzIdentify(f *testing.F) {
	r, err := New(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add("_raop._tcp", "AABBCC112233@x", "am", "AppleTV5,3")
	f.Add("_workstation._tcp", "h [00:11:22:33:44:55]", "", "")
	f.Add("_device-info._tcp", "x", "osxvers", "22")
	f.Fuzz(func(t *testing.T, typ, name, k, v string) {
		fa := r.Identify(Host{Hostname: name, HINFO: HINFO{OS: v}, Services: []record.Service{svc(typ, name, k, v)}})
		var a record.Asset
		fa.Apply(&a)
	})
}
