package recog

import (
	"strings"

	"github.com/netcensus/netcensus/record"
)

// deviceTypes maps Recog's hw.device / os.device words to netcensus's
// device_type values; others are lower-cased with spaces as underscores.
var deviceTypes = map[string]string{
	"wap":          "access_point",
	"voip":         "phone",
	"mobile phone": "phone",
	"ip camera":    "camera",
	"nas":          "storage",
	"general":      "",
}

// DeviceType normalises a Recog device word.
func DeviceType(s string) string {
	k := strings.ToLower(strings.TrimSpace(s))
	if v, ok := deviceTypes[k]; ok {
		return v
	}
	return strings.ReplaceAll(k, " ", "_")
}

// Fill copies what m says into the fields of a that are still empty (own
// rules come first; Recog fills gaps) and records evidence for each field
// it sets. ev carries the source and the key and value matched; Fill sets
// its Rule. It returns the names of the fields it set.
func Fill(a *record.Asset, m Match, ev record.Evidence) []string {
	p := m.Params
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := strings.TrimSpace(p[k]); v != "" {
				return record.Sanitize(v)
			}
		}
		return ""
	}
	ev.Rule = m.Rule()
	var set []string
	put := func(field string, dst *string, v string) {
		if v == "" || *dst != "" {
			return
		}
		*dst = v
		if a.Evidence == nil {
			a.Evidence = map[string]record.Evidence{}
		}
		a.Evidence[field] = ev
		set = append(set, field)
	}
	put("vendor", &a.Vendor, first("hw.vendor", "os.vendor"))
	put("model", &a.Model, first("hw.product", "hw.model"))
	put("os", &a.OS, first("os.product", "os.family"))
	put("os_version", &a.OSVersion, first("os.version"))
	put("device_type", &a.DeviceType, DeviceType(first("hw.device", "os.device")))
	put("serial", &a.Serial, first("hw.serial_number"))
	put("hostname", &a.Hostname, first("host.name"))
	if len(a.MAC) == 0 {
		if mac, err := record.ParseMAC(first("host.mac")); err == nil {
			a.MAC = mac
			if a.Evidence == nil {
				a.Evidence = map[string]record.Evidence{}
			}
			a.Evidence["mac"] = ev
			set = append(set, "mac")
		}
	}
	return set
}
