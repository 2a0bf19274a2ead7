// Package maker names the makers of devices as records show them: one
// display name per company whatever spelling a registry, an SNMP agent or
// an mDNS announcement uses ("ciscoSystems", "Cisco Systems, Inc." →
// "Cisco"), and a model without its maker's name in front, the maker
// being the vendor field. The SNMP engine (fingerprints) and the mDNS
// rules (fingerprints/mdns) both name makers through it.
package maker

import (
	"regexp"
	"strings"
)

// vendorNames maps the start of a lower-cased registry or device-supplied
// manufacturer name to the display name used in records. Longer keys are
// tried first, so "hewlett packard enterprise" beats "hewlett".
var vendorNames = []struct{ prefix, name string }{
	{"ciscosystems", "Cisco"}, {"cisco", "Cisco"}, {"airespace", "Cisco"},
	{"juniper", "Juniper Networks"}, {"netscreen", "Juniper Networks"},
	{"arista", "Arista Networks"},
	{"hewlett packard enterprise", "HPE"}, {"hewlett-packard enterprise", "HPE"}, {"hpe", "HPE"},
	{"hewlett-packard", "HP"}, {"hewlett packard", "HP"}, {"hp inc", "HP"}, {"compaq", "HP"}, {"hp", "HP"},
	{"aruba", "Aruba"},
	{"huawei", "Huawei"}, {"mikrotik", "MikroTik"}, {"fortinet", "Fortinet"},
	{"palo alto", "Palo Alto Networks"}, {"check point", "Check Point"}, {"checkpoint", "Check Point"},
	{"sonicwall", "SonicWall"}, {"ubiquiti", "Ubiquiti"},
	{"dell", "Dell"}, {"force10", "Dell"},
	{"extreme", "Extreme Networks"},
	{"brocade", "Brocade"}, {"foundry", "Brocade"}, {"ruckus", "Ruckus"},
	{"netgear", "Netgear"}, {"tp-link", "TP-Link"}, {"tplink", "TP-Link"}, {"d-link", "D-Link"},
	{"zyxel", "Zyxel"}, {"new h3c", "H3C"}, {"h3c", "H3C"}, {"hangzhou h3c", "H3C"},
	{"zhongxing", "ZTE"}, {"zte", "ZTE"},
	{"ruijie", "Ruijie Networks"}, {"allied telesis", "Allied Telesis"}, {"allied telesyn", "Allied Telesis"},
	{"microsoft", "Microsoft"}, {"vmware", "VMware"},
	{"synology", "Synology"}, {"qnap", "QNAP"},
	{"network appliance", "NetApp"}, {"netapp", "NetApp"},
	{"american power conversion", "APC"}, {"apc", "APC"}, {"schneider electric", "Schneider Electric"},
	{"eaton", "Eaton"}, {"merlin gerin", "Eaton"}, {"mge ups", "Eaton"},
	{"vertiv", "Vertiv"}, {"liebert", "Vertiv"}, {"emerson network power", "Vertiv"},
	{"canon", "Canon"}, {"brother", "Brother"}, {"xerox", "Xerox"}, {"ricoh", "Ricoh"},
	{"lexmark", "Lexmark"}, {"kyocera", "Kyocera"}, {"konica minolta", "Konica Minolta"},
	{"seiko epson", "Epson"}, {"epson", "Epson"}, {"sharp", "Sharp"}, {"oki data", "OKI"},
	{"hikvision", "Hikvision"}, {"axis communications", "Axis"}, {"axis", "Axis"},
	{"hanwha", "Hanwha Vision"}, {"samsung", "Samsung"}, {"dahua", "Dahua"},
	{"ibm", "IBM"}, {"isilon", "Isilon"}, {"emc", "Dell EMC"}, {"dell emc", "Dell EMC"},
	{"tripp lite", "Tripp Lite"}, {"phoenixtec", "Phoenixtec"}, {"cyber power", "CyberPower"},
	{"f5", "F5"}, {"3com", "3Com"}, {"sangfor", "Sangfor"}, {"maipu", "Maipu"},
	{"shanghai baud data", "BDCOM"}, {"bdcom", "BDCOM"}, {"hangzhou dptech", "DPtech"}, {"dptech", "DPtech"},
	{"digital china", "Digital China Networks"}, {"meru", "Meru Networks"},
	{"alcatel-lucent", "Alcatel-Lucent Enterprise"}, {"nokia", "Nokia"},
	{"moxa", "Moxa"}, {"riverbed", "Riverbed"}, {"infoblox", "Infoblox"},
	{"beijing topsec", "Topsec"}, {"topsec", "Topsec"}, {"venus", "Venustech"},
	{"nsfocus", "NSFOCUS"}, {"clavister", "Clavister"}, {"vyatta", "Vyatta"},
	{"supermicro", "Supermicro"}, {"super micro", "Supermicro"}, {"lenovo", "Lenovo"},
	{"intel", "Intel"}, {"geist", "Vertiv"}, {"santak", "Santak"}, {"delta electronics", "Delta Electronics"},
}

var (
	parenRE   = regexp.MustCompile(`\s*\([^)]*\)?`)
	legalRE   = regexp.MustCompile(`(?i)[,.]?\s*\b(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|gmbh|ag|ab|s\.?a|s\.r\.o|srl|b\.?v|plc|pty)\.?\s*$`)
	spaceRE   = regexp.MustCompile(`\s+`)
	urlLikeRE = regexp.MustCompile(`(?i)https?://\S*`)
)

// Normalize turns a registry or device-supplied organisation name into
// a clean display name: "ciscoSystems" → "Cisco", "Juniper Networks, Inc." →
// "Juniper Networks". Names outside the table lose legal suffixes and
// parenthesised notes.
func Normalize(s string) string {
	s = strings.TrimSpace(urlLikeRE.ReplaceAllString(s, ""))
	s = strings.TrimSpace(parenRE.ReplaceAllString(s, ""))
	s = spaceRE.ReplaceAllString(s, " ")
	if s == "" {
		return ""
	}
	low := strings.ToLower(s)
	best, bestLen := "", 0
	for _, v := range vendorNames {
		if len(v.prefix) > bestLen && strings.HasPrefix(low, v.prefix) {
			// The key must end at a word boundary ("hp" must not take "hpc ...").
			if len(low) > len(v.prefix) {
				c := low[len(v.prefix)]
				last := v.prefix[len(v.prefix)-1]
				if isWordByte(c) && isWordByte(last) && v.prefix != "ciscosystems" {
					continue
				}
			}
			best, bestLen = v.name, len(v.prefix)
		}
	}
	if best != "" {
		return best
	}
	for {
		t := strings.TrimSpace(legalRE.ReplaceAllString(s, ""))
		t = strings.TrimRight(t, ",. ")
		if t == s || t == "" {
			break
		}
		s = t
	}
	return s
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// makerAliases are other spellings of a maker's name that devices write
// before a model (HOST-RESOURCES, Printer-MIB, sysDescr): the company, not
// a brand of its products (Liebert, Compaq, Force10 name product lines and
// stay in the model).
var makerAliases = map[string]string{
	"hewlett-packard": "HP", "hewlett packard": "HP",
	"hewlett packard enterprise": "HPE", "hewlett-packard enterprise": "HPE",
	"seiko epson": "Epson", "american power conversion": "APC",
	"cisco systems": "Cisco", "ciscosystems": "Cisco",
	"konica minolta": "Konica Minolta", "fuji xerox": "Fuji Xerox", "fujixerox": "Fuji Xerox",
	"oki data": "OKI", "axis communications": "Axis", "juniper": "Juniper Networks",
	"arista": "Arista Networks", "palo alto": "Palo Alto Networks", "palo alto networks": "Palo Alto Networks",
	"extreme": "Extreme Networks", "extreme networks": "Extreme Networks",
	"allied telesyn": "Allied Telesis", "ruijie": "Ruijie Networks",
}

// DropName gives the model without the maker's name in front of it:
// the model is the product as its maker names it, and the maker is the
// vendor field ("HP LaserJet Pro M404dn" from HP -> "LaserJet Pro
// M404dn", "FUJI XEROX DocuCentre-VI C3370" -> "DocuCentre-VI C3370").
// It reports false when the model does not start with the vendor's name
// followed by a space, or when nothing would be left.
func DropName(model, vendor string) (string, bool) {
	if vendor == "" {
		return model, false
	}
	words := strings.Fields(model)
	for n := min(3, len(words)-1); n >= 1; n-- {
		prefix := strings.Join(words[:n], " ")
		if !strings.EqualFold(prefix, vendor) && makerAliases[strings.ToLower(prefix)] != vendor {
			continue
		}
		// The rest of the model as written, from its n+1th word.
		rest := model
		for range n {
			rest = strings.TrimLeft(rest, " \t")
			rest = rest[strings.IndexAny(rest, " \t"):]
		}
		rest = strings.TrimSpace(rest)
		if rest == "" {
			return model, false
		}
		return rest, true
	}
	return model, false
}

// ModelWithout gives a model written with its maker's name in front
// ("HP LaserJet Pro M404dn", vendor HP) in the registry's format, without
// it ("LaserJet Pro M404dn"); other models are returned as they are.
func ModelWithout(model, vendor string) string {
	m, _ := DropName(model, Normalize(vendor))
	return m
}

// Leading gives the maker a model starts with ("Brother" in "Brother
// HL-L2350DW series"), when the start of the model is one of the names
// the table knows, whole words of it: a model that begins with any other
// word ("Lab Printer 3000") has no maker this can tell.
func Leading(model string) (string, bool) {
	words := strings.Fields(model)
	for n := min(3, len(words)-1); n >= 1; n-- {
		prefix := strings.ToLower(strings.Join(words[:n], " "))
		if v, ok := makerAliases[prefix]; ok {
			return v, true
		}
		for _, v := range vendorNames {
			if v.prefix == prefix {
				return v.name, true
			}
		}
	}
	return "", false
}
