// Package mdns turns what a host announces over mDNS / DNS-SD (service
// types, TXT records, instance names, HINFO) into device facts: vendor,
// model, OS, device type, MAC, serial. It is a pure library: data and
// rules, no network code.
//
// Each fact comes from the highest-priority rule that produced it, and
// carries evidence naming the rule, the TXT key and the value. Rapid7
// Recog fingerprints, when loaded, fill the facts the project's own rules
// left empty.
package mdns

import (
	"fmt"
	"github.com/netcensus/netcensus/fingerprints/maker"
	"net"
	"sort"
	"strconv"
	"strings"

	"github.com/netcensus/netcensus/fingerprints/recog"
	"github.com/netcensus/netcensus/record"
)

// Host is what one host announced.
type Host struct {
	// Hostname is the host's mDNS name without ".local" ("lab-printer").
	Hostname string
	Services []record.Service
	HINFO    HINFO
}

// HINFO is a host-information record.
type HINFO struct {
	CPU string
	OS  string
}

// Facts are what the rules concluded. Empty fields are unknown.
type Facts struct {
	Hostname   string
	Vendor     string
	Model      string
	OS         string
	OSVersion  string
	DeviceType string
	Serial     string
	// UUID is a device UUID (printers' UUID, Cast id): stable identity,
	// with no field of its own in the asset record.
	UUID string
	MAC  record.MAC
	// Evidence is keyed by asset field name ("model", "mac", "uuid").
	Evidence map[string]record.Evidence
}

// Rules holds the embedded data and an optional Recog database.
type Rules struct {
	apple map[string]AppleModel
	recog *recog.DB
}

// New parses the embedded tables. db may be nil (no Recog files).
func New(db *recog.DB) (*Rules, error) {
	m, err := parseAppleModels(appleModelsTSV)
	if err != nil {
		return nil, err
	}
	return &Rules{apple: m, recog: db}, nil
}

// Priorities: lower wins.
const (
	prioDeviceInfo = 10
	prioPrinterUSB = 10
	prioAirPlay    = 12
	prioPrinterTy  = 14
	prioRAOP       = 16
	prioCast       = 20
	prioHomeKit    = 20
	prioPrinterPrd = 22
	prioSonos      = 30
	prioWorkstn    = 30
	prioHINFO      = 40
	prioSpotify    = 50
	prioGenericTXT = 60
	prioService    = 70
)

type candidate struct {
	prio int
	val  string
	ev   record.Evidence
	// product marks a model from the Apple table: a product name as its
	// maker writes it ("Apple TV 4K"), kept whole.
	product bool
}

type collector struct {
	c map[string]candidate
}

func (c *collector) put(field string, prio int, rule string, svc record.Service, key, val string) {
	val = strings.TrimSpace(record.Sanitize(val))
	if val == "" {
		return
	}
	if old, ok := c.c[field]; ok && old.prio <= prio {
		return
	}
	ev := record.Evidence{Rule: rule, Source: record.SourceMDNS, Value: val}
	switch {
	case key != "" && svc.Type != "":
		ev.TXT = svc.Type + " " + key
	case key != "":
		ev.TXT = key
	}
	c.c[field] = candidate{prio: prio, val: val, ev: ev}
}

// txt looks a TXT key up case-insensitively (DNS-SD keys are).
func txt(s record.Service, key string) string {
	if v, ok := s.TXT[key]; ok {
		return v
	}
	for k, v := range s.TXT {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return ""
}

// Identify applies every rule to h.
func (r *Rules) Identify(h Host) Facts {
	c := &collector{c: map[string]candidate{}}
	if h.Hostname != "" {
		c.put("hostname", 0, "mdns-hostname", record.Service{}, "", h.Hostname)
	}
	svcs := append([]record.Service(nil), h.Services...)
	sort.SliceStable(svcs, func(i, j int) bool {
		if svcs[i].Type != svcs[j].Type {
			return svcs[i].Type < svcs[j].Type
		}
		return svcs[i].Name < svcs[j].Name
	})
	for _, s := range svcs {
		switch strings.ToLower(s.Type) {
		case "_device-info._tcp":
			r.deviceInfo(c, s)
		case "_ipp._tcp", "_ipps._tcp", "_pdl-datastream._tcp", "_printer._tcp":
			printer(c, s)
		case "_airplay._tcp":
			r.airplay(c, s)
		case "_raop._tcp":
			r.raop(c, s)
		case "_googlecast._tcp":
			cast(c, s)
		case "_hap._tcp", "_hap._udp":
			homekit(c, s)
		case "_sonos._tcp":
			sonos(c, s)
		case "_spotify-connect._tcp":
			c.put("device_type", prioSpotify, "mdns-spotify-connect", s, "", "media_player")
		case "_workstation._tcp":
			workstation(c, s)
		case "_ssh._tcp", "_sftp-ssh._tcp", "_smb._tcp", "_afpovertcp._tcp", "_rfb._tcp":
			c.put("device_type", prioService, "mdns-service-"+strings.TrimPrefix(strings.SplitN(s.Type, ".", 2)[0], "_"), s, "", "computer")
		case "_http._tcp", "_https._tcp":
			// A web UI says nothing of what the device is, but some put
			// model and vendor in its TXT; the generic rule below reads those.
		}
		genericTXT(c, s)
	}
	hinfo(c, h.HINFO)
	f := c.facts()
	r.recogFill(&f, svcs)
	return f
}

func (c *collector) facts() Facts {
	f := Facts{Evidence: map[string]record.Evidence{}}
	for field, cand := range c.c {
		switch field {
		case "hostname":
			f.Hostname = cand.val
		case "vendor":
			f.Vendor = cand.val
		case "model":
			f.Model = cand.val
		case "os":
			f.OS = cand.val
		case "os_version":
			f.OSVersion = cand.val
		case "device_type":
			f.DeviceType = cand.val
		case "serial":
			f.Serial = cand.val
		case "uuid":
			f.UUID = cand.val
		case "mac":
			mac, err := record.ParseMAC(cand.val)
			if err != nil {
				continue
			}
			f.MAC = mac
			cand.ev.Value = mac.String()
		}
		f.Evidence[field] = cand.ev
	}
	nameMaker(&f, c.c["model"].product)
	return f
}

// nameMaker names the maker as the SNMP engine does (fingerprints/maker:
// "EPSON" is Epson) and gives the model without the maker's name in
// front, the maker being the vendor field, as every model is written.
// A model that starts with a maker the table knows names the vendor when
// no announcement did ("Brother HL-L2350DW series" in a printer's
// product key). product keeps a model from the Apple table whole.
func nameMaker(f *Facts, product bool) {
	if v := maker.Normalize(f.Vendor); v != f.Vendor {
		f.Vendor = v
		ev := f.Evidence["vendor"]
		ev.Value = v
		f.Evidence["vendor"] = ev
	}
	if f.Model == "" || product {
		return
	}
	ev := f.Evidence["model"]
	if f.Vendor == "" {
		v, ok := maker.Leading(f.Model)
		if !ok {
			return
		}
		f.Vendor = v
		f.Evidence["vendor"] = record.Evidence{Rule: ev.Rule + " (maker's name)", Source: ev.Source, TXT: ev.TXT, Value: v}
	}
	if m, ok := maker.DropName(f.Model, f.Vendor); ok {
		f.Model = m
		ev.Rule += " (maker's name dropped)"
		ev.Value = m
		f.Evidence["model"] = ev
	}
}

// apple records what an Apple model identifier says.
func (r *Rules) appleFacts(c *collector, prio int, rule string, s record.Service, key, id string) bool {
	am, ok := r.LookupAppleModel(id)
	if !ok {
		return false
	}
	c.put("vendor", prio, rule, s, key, "Apple")
	c.put("model", prio, rule, s, key, am.Product)
	if m := c.c["model"]; m.prio == prio && m.val == am.Product {
		m.product = true
		c.c["model"] = m
	}
	c.put("device_type", prio, rule, s, key, am.DeviceType)
	switch am.DeviceType {
	case "laptop", "desktop", "computer", "server":
		c.put("os", prio+5, rule, s, key, "macOS")
	case "phone":
		c.put("os", prio+5, rule, s, key, "iOS")
	case "tablet":
		c.put("os", prio+5, rule, s, key, "iPadOS")
	case "media_player":
		if strings.HasPrefix(id, "AppleTV") {
			c.put("os", prio+5, rule, s, key, "tvOS")
		}
	case "speaker":
		c.put("os", prio+5, rule, s, key, "audioOS")
	}
	return true
}

func (r *Rules) deviceInfo(c *collector, s record.Service) {
	if m := txt(s, "model"); m != "" {
		if !r.appleFacts(c, prioDeviceInfo, "mdns-device-info-model", s, "model", m) {
			c.put("model", prioDeviceInfo, "mdns-device-info-model", s, "model", m)
		}
	}
	if v := txt(s, "osxvers"); v != "" {
		if name, ver, ok := darwinToMacOS(v); ok {
			c.put("os", prioDeviceInfo, "mdns-device-info-osxvers", s, "osxvers", name)
			c.put("os_version", prioDeviceInfo, "mdns-device-info-osxvers", s, "osxvers", ver)
		}
	}
}

// darwinToMacOS maps osxvers (the Darwin major version) to the macOS
// release: Darwin 5..19 are 10.1..10.15, 20..24 are 11..15, 25 is 26.
func darwinToMacOS(v string) (name, version string, ok bool) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return "", "", false
	}
	switch {
	case n >= 5 && n <= 15:
		return "Mac OS X", fmt.Sprintf("10.%d", n-4), true
	case n >= 16 && n <= 19:
		return "macOS", fmt.Sprintf("10.%d", n-4), true
	case n >= 20 && n <= 24:
		return "macOS", fmt.Sprintf("%d", n-9), true
	case n == 25:
		return "macOS", "26", true
	}
	return "", "", false
}

func printer(c *collector, s record.Service) {
	rule := "mdns-printer"
	c.put("device_type", prioPrinterTy, rule, s, "", "printer")
	if v := txt(s, "usb_MFG"); v != "" {
		c.put("vendor", prioPrinterUSB, rule+"-usb_MFG", s, "usb_MFG", v)
	}
	if v := txt(s, "usb_MDL"); v != "" {
		c.put("model", prioPrinterUSB, rule+"-usb_MDL", s, "usb_MDL", v)
	}
	if v := txt(s, "ty"); v != "" {
		c.put("model", prioPrinterTy, rule+"-ty", s, "ty", v)
	}
	if v := txt(s, "product"); v != "" {
		v = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(v), "("), ")")
		c.put("model", prioPrinterPrd, rule+"-product", s, "product", v)
	}
	if v := txt(s, "UUID"); v != "" {
		c.put("uuid", prioPrinterUSB, rule+"-uuid", s, "UUID", strings.ToLower(v))
	}
}

// macFromID reads "AA:BB:CC:DD:EE:FF" or "AABBCCDDEEFF".
func macFromID(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 12 {
		var b strings.Builder
		for i := 0; i < 12; i += 2 {
			if i > 0 {
				b.WriteByte(':')
			}
			b.WriteString(s[i : i+2])
		}
		s = b.String()
	}
	hw, err := net.ParseMAC(s)
	if err != nil || len(hw) != 6 {
		return "", false
	}
	return hw.String(), true
}

func (r *Rules) airplay(c *collector, s record.Service) {
	rule := "mdns-airplay"
	if m := txt(s, "model"); m != "" {
		if !r.appleFacts(c, prioAirPlay, rule+"-model", s, "model", m) {
			c.put("model", prioAirPlay, rule+"-model", s, "model", m)
		}
	}
	if mac, ok := macFromID(txt(s, "deviceid")); ok {
		c.put("mac", prioAirPlay, rule+"-deviceid", s, "deviceid", mac)
	}
	if v := txt(s, "osvers"); v != "" {
		c.put("os_version", prioAirPlay, rule+"-osvers", s, "osvers", v)
	}
	if v := txt(s, "manufacturer"); v != "" {
		c.put("vendor", prioAirPlay, rule+"-manufacturer", s, "manufacturer", v)
	}
	c.put("device_type", prioSpotify, rule, s, "", "media_player")
}

func (r *Rules) raop(c *collector, s record.Service) {
	rule := "mdns-raop"
	if m := txt(s, "am"); m != "" {
		if !r.appleFacts(c, prioRAOP, rule+"-am", s, "am", m) {
			c.put("model", prioRAOP, rule+"-am", s, "am", m)
		}
	}
	if v := txt(s, "ov"); v != "" {
		c.put("os_version", prioRAOP, rule+"-ov", s, "ov", v)
	}
	// The instance name is "<MAC hex>@<name>".
	if id, _, ok := strings.Cut(s.Name, "@"); ok {
		if mac, ok := macFromID(id); ok {
			c.put("mac", prioRAOP, rule+"-instance", s, "instance", mac)
		}
	}
	c.put("device_type", prioSpotify+1, rule, s, "", "media_player")
}

func cast(c *collector, s record.Service) {
	rule := "mdns-googlecast"
	md := txt(s, "md")
	if md != "" {
		c.put("model", prioCast, rule+"-md", s, "md", md)
		l := strings.ToLower(md)
		if strings.HasPrefix(l, "chromecast") || strings.HasPrefix(l, "google ") || strings.HasPrefix(l, "nest ") {
			c.put("vendor", prioCast, rule+"-md", s, "md", "Google")
		}
		switch {
		case strings.Contains(l, "home") || strings.Contains(l, "audio") || strings.Contains(l, "speaker") || strings.Contains(l, "mini"):
			c.put("device_type", prioCast, rule+"-md", s, "md", "speaker")
		case strings.Contains(l, "hub"):
			c.put("device_type", prioCast, rule+"-md", s, "md", "smart_display")
		default:
			c.put("device_type", prioCast, rule+"-md", s, "md", "media_player")
		}
	} else {
		c.put("device_type", prioCast+1, rule, s, "", "media_player")
	}
	if v := txt(s, "fn"); v != "" {
		c.put("hostname", prioCast, rule+"-fn", s, "fn", v)
	}
	if v := txt(s, "id"); v != "" {
		c.put("uuid", prioCast, rule+"-id", s, "id", strings.ToLower(v))
	}
}

// homeKitCategories are the HomeKit Accessory Protocol category numbers.
var homeKitCategories = map[int]string{
	1: "smart_home", 2: "bridge", 3: "fan", 4: "garage_door_opener", 5: "lightbulb",
	6: "door_lock", 7: "outlet", 8: "switch", 9: "thermostat", 10: "sensor",
	11: "security_system", 12: "door", 13: "window", 14: "window_covering",
	15: "programmable_switch", 16: "range_extender", 17: "camera", 18: "video_doorbell",
	19: "air_purifier", 20: "heater", 21: "air_conditioner", 22: "humidifier",
	23: "dehumidifier", 24: "media_player", 25: "speaker", 26: "speaker", 27: "access_point",
	28: "sprinkler", 29: "faucet", 30: "shower", 31: "television", 32: "remote",
	33: "router", 34: "audio_receiver", 35: "media_player", 36: "media_player",
}

func homekit(c *collector, s record.Service) {
	rule := "mdns-homekit"
	if v := txt(s, "md"); v != "" {
		c.put("model", prioHomeKit, rule+"-md", s, "md", v)
	}
	if n, err := strconv.Atoi(strings.TrimSpace(txt(s, "ci"))); err == nil {
		if dt, ok := homeKitCategories[n]; ok {
			c.put("device_type", prioHomeKit, rule+"-ci", s, "ci", dt)
		}
	}
	if mac, ok := macFromID(txt(s, "id")); ok {
		// HAP's id is a random device id shaped like a MAC; kept as
		// identity, never as the MAC.
		c.put("uuid", prioHomeKit+5, rule+"-id", s, "id", strings.ToLower(mac))
	}
}

func sonos(c *collector, s record.Service) {
	rule := "mdns-sonos"
	c.put("vendor", prioSonos, rule, s, "", "Sonos")
	c.put("device_type", prioSonos, rule, s, "", "speaker")
	if v := txt(s, "vers"); v != "" {
		c.put("os_version", prioSonos, rule+"-vers", s, "vers", v)
	}
}

// workstation reads "<host> [aa:bb:cc:dd:ee:ff]", the instance name avahi
// and others give _workstation._tcp.
func workstation(c *collector, s record.Service) {
	rule := "mdns-workstation"
	c.put("device_type", prioWorkstn, rule, s, "", "computer")
	name := strings.TrimSpace(s.Name)
	i := strings.LastIndexByte(name, '[')
	if i < 0 || !strings.HasSuffix(name, "]") {
		return
	}
	if mac, ok := macFromID(name[i+1 : len(name)-1]); ok {
		c.put("mac", prioWorkstn, rule+"-instance", s, "instance", mac)
	}
	if host := strings.TrimSpace(name[:i]); host != "" {
		c.put("hostname", prioWorkstn, rule+"-instance", s, "instance", host)
	}
}

func genericTXT(c *collector, s record.Service) {
	for _, k := range []string{"manufacturer", "vendor", "mfg"} {
		if v := txt(s, k); v != "" {
			c.put("vendor", prioGenericTXT, "mdns-txt-"+k, s, k, v)
		}
	}
	for _, k := range []string{"model", "md"} {
		if v := txt(s, k); v != "" {
			c.put("model", prioGenericTXT, "mdns-txt-"+k, s, k, v)
		}
	}
	for _, k := range []string{"serial", "serialNumber", "sn"} {
		if v := txt(s, k); v != "" {
			c.put("serial", prioGenericTXT, "mdns-txt-"+k, s, k, v)
		}
	}
}

// hinfoOS names the OS strings HINFO carries (avahi: "LINUX").
var hinfoOS = map[string]string{"LINUX": "Linux", "FREEBSD": "FreeBSD", "NETBSD": "NetBSD", "OPENBSD": "OpenBSD", "WINDOWS": "Windows", "MACOS": "macOS", "DARWIN": "Darwin"}

func hinfo(c *collector, h HINFO) {
	os := strings.TrimSpace(h.OS)
	if os == "" {
		return
	}
	if n, ok := hinfoOS[strings.ToUpper(os)]; ok {
		os = n
	}
	ev := record.Service{}
	c.put("os", prioHINFO, "mdns-hinfo", ev, "HINFO", os)
}

// recogFill matches _device-info and _workstation TXT strings against the
// Recog sets and fills the facts still empty.
func (r *Rules) recogFill(f *Facts, svcs []record.Service) {
	if r.recog == nil {
		return
	}
	for _, s := range svcs {
		var key string
		switch strings.ToLower(s.Type) {
		case "_device-info._tcp":
			key = recog.MDNSDeviceInfo
		case "_workstation._tcp":
			key = recog.MDNSWorkstation
		default:
			continue
		}
		keys := make([]string, 0, len(s.TXT))
		for k := range s.TXT {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			line := k + "=" + s.TXT[k]
			m, ok := r.recog.Match(key, line)
			if !ok {
				continue
			}
			var a record.Asset
			a.Vendor, a.Model, a.OS, a.OSVersion, a.DeviceType, a.Serial, a.Hostname, a.MAC =
				f.Vendor, f.Model, f.OS, f.OSVersion, f.DeviceType, f.Serial, f.Hostname, f.MAC
			a.Evidence = f.Evidence
			recog.Fill(&a, m, record.Evidence{Source: record.SourceMDNS, TXT: s.Type + " " + k, Value: line})
			f.Vendor, f.Model, f.OS, f.OSVersion, f.DeviceType, f.Serial, f.Hostname, f.MAC =
				a.Vendor, a.Model, a.OS, a.OSVersion, a.DeviceType, a.Serial, a.Hostname, a.MAC
			f.Evidence = a.Evidence
		}
	}
}

// Apply copies facts into the fields of a that are still empty, with
// their evidence. It returns the fields it set.
func (f Facts) Apply(a *record.Asset) []string {
	var set []string
	put := func(field string, dst *string, v string) {
		if v == "" || *dst != "" {
			return
		}
		*dst = v
		if ev, ok := f.Evidence[field]; ok {
			if a.Evidence == nil {
				a.Evidence = map[string]record.Evidence{}
			}
			a.Evidence[field] = ev
		}
		set = append(set, field)
	}
	put("hostname", &a.Hostname, f.Hostname)
	put("vendor", &a.Vendor, f.Vendor)
	put("model", &a.Model, f.Model)
	put("os", &a.OS, f.OS)
	put("os_version", &a.OSVersion, f.OSVersion)
	put("device_type", &a.DeviceType, f.DeviceType)
	put("serial", &a.Serial, f.Serial)
	if len(a.MAC) == 0 && len(f.MAC) > 0 {
		a.MAC = f.MAC
		if ev, ok := f.Evidence["mac"]; ok {
			if a.Evidence == nil {
				a.Evidence = map[string]record.Evidence{}
			}
			a.Evidence["mac"] = ev
		}
		set = append(set, "mac")
	}
	if f.UUID != "" {
		if ev, ok := f.Evidence["uuid"]; ok {
			if a.Evidence == nil {
				a.Evidence = map[string]record.Evidence{}
			}
			if _, exists := a.Evidence["uuid"]; !exists {
				a.Evidence["uuid"] = ev
			}
		}
	}
	return set
}
