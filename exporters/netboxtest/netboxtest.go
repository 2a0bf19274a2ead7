// Package netboxtest is a fake NetBox for tests: the part of its REST API
// (4.2 and later) that netcensus's push relies on, in memory, with
// NetBox's rules where the push depends on them: token authentication,
// list filters (an unknown filter is refused, as NetBox's strict
// filtering does), pagination, required and related fields, unique
// names, addresses that need a mask, and a primary IP that must belong to
// the device. It can refuse requests with 503 to exercise retries.
package netboxtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Kinds of object, by API path under /api/.
const (
	Sites         = "dcim/sites"
	Roles         = "dcim/device-roles"
	Manufacturers = "dcim/manufacturers"
	DeviceTypes   = "dcim/device-types"
	Devices       = "dcim/devices"
	Interfaces    = "dcim/interfaces"
	MACAddresses  = "dcim/mac-addresses"
	IPAddresses   = "ipam/ip-addresses"
)

// filters are the list filters each kind takes (beyond limit and offset).
var filters = map[string][]string{
	Sites:         {"name", "slug"},
	Roles:         {"name", "slug"},
	Manufacturers: {"name", "slug"},
	DeviceTypes:   {"model", "manufacturer_id"},
	Devices:       {"name", "site_id"},
	Interfaces:    {"device_id", "name"},
	MACAddresses:  {"mac_address", "assigned_object_id"},
	IPAddresses:   {"address"},
}

// filterFields are the filters that test a field of another name.
var filterFields = map[string]string{"manufacturer_id": "manufacturer", "device_id": "device", "site_id": "site"}

// interfaceTypes are the interface type values the push may send.
var interfaceTypes = []string{"other", "virtual", "lag", "100base-tx", "1000base-t", "10gbase-x-sfpp",
	"25gbase-x-sfp28", "40gbase-x-qsfpp", "100gbase-x-qsfp28", "ieee802.11ac", "other-wireless"}

// Object is one stored object: its fields as NetBox returns them, with
// related objects as their IDs.
type Object map[string]any

// Server is the fake. Its exported fields are read by tests after the
// requests they make.
type Server struct {
	Token   string
	Version string

	mu      sync.Mutex
	objects map[string]map[int]Object
	next    int
	// requests lists "METHOD /api/path" of every authenticated request.
	requests []string
	// fail is how many more requests to answer 503 (Retry-After: 0).
	fail int
}

// New returns an empty NetBox that takes token.
func New(token string) *Server {
	return &Server{Token: token, Version: "4.2.9", objects: map[string]map[int]Object{}, next: 1}
}

// Add stores an object of kind and returns its ID.
func (s *Server) Add(kind string, o Object) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.add(kind, o)
}

func (s *Server) add(kind string, o Object) int {
	if s.objects[kind] == nil {
		s.objects[kind] = map[int]Object{}
	}
	id := s.next
	s.next++
	o["id"] = id
	s.objects[kind][id] = o
	return id
}

// Objects returns the objects of kind, by ID order.
func (s *Server) Objects(kind string) []Object {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Object
	for _, id := range s.ids(kind) {
		out = append(out, s.objects[kind][id])
	}
	return out
}

func (s *Server) ids(kind string) []int {
	ids := make([]int, 0, len(s.objects[kind]))
	for id := range s.objects[kind] {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	return ids
}

// Requests returns "METHOD /api/path" of every authenticated request.
func (s *Server) Requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// Writes counts the requests that were not GETs.
func (s *Server) Writes() int {
	n := 0
	for _, r := range s.Requests() {
		if !strings.HasPrefix(r, "GET ") {
			n++
		}
	}
	return n
}

// FailNext has the next n requests answered 503 Service Unavailable.
func (s *Server) FailNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail = n
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// fieldErr is NetBox's validation error shape: {"field": ["message"]}.
func fieldErr(w http.ResponseWriter, field, msg string) {
	writeJSON(w, http.StatusBadRequest, map[string][]string{field: {msg}})
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Token "+s.Token {
		writeJSON(w, http.StatusForbidden, map[string]string{"detail": "Invalid token"})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r.Method+" "+r.URL.Path)
	if s.fail > 0 {
		s.fail--
		w.Header().Set("Retry-After", "0")
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"detail": "maintenance"})
		return
	}
	path := strings.Trim(strings.TrimPrefix(r.URL.Path, "/api/"), "/")
	if path == "status" && r.Method == http.MethodGet {
		writeJSON(w, http.StatusOK, map[string]any{"netbox-version": s.Version})
		return
	}
	parts := strings.Split(path, "/")
	kind := strings.Join(parts[:min(2, len(parts))], "/")
	hasID := len(parts) == 3
	idText := parts[len(parts)-1]
	if _, ok := filters[kind]; !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"detail": "Not found."})
		return
	}
	switch {
	case r.Method == http.MethodGet && !hasID:
		s.list(w, r, kind)
	case r.Method == http.MethodPost && !hasID:
		s.write(w, r, kind, 0)
	case r.Method == http.MethodPatch && hasID:
		id, err := strconv.Atoi(idText)
		if err != nil || s.objects[kind][id] == nil {
			writeJSON(w, http.StatusNotFound, map[string]string{"detail": "No " + kind + " matches the given query."})
			return
		}
		s.write(w, r, kind, id)
	default:
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"detail": "Method not allowed"})
	}
}

func (s *Server) list(w http.ResponseWriter, r *http.Request, kind string) {
	q := r.URL.Query()
	limit, offset := 50, 0
	for k, vs := range q {
		switch {
		case k == "limit":
			limit, _ = strconv.Atoi(vs[0])
		case k == "offset":
			offset, _ = strconv.Atoi(vs[0])
		case !slices.Contains(filters[kind], k):
			fieldErr(w, k, "Unknown filter field")
			return
		}
	}
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	var match []Object
	for _, id := range s.ids(kind) {
		o := s.objects[kind][id]
		ok := true
		for k, vs := range q {
			if k == "limit" || k == "offset" {
				continue
			}
			field := k
			if f, ok := filterFields[k]; ok {
				field = f
			}
			ok = ok && matches(k, o[field], vs[0])
		}
		if ok {
			match = append(match, o)
		}
	}
	page := match[min(offset, len(match)):min(offset+limit, len(match))]
	res := map[string]any{"count": len(match), "results": page, "next": nil}
	if offset+limit < len(match) {
		u := *r.URL
		v := u.Query()
		v.Set("offset", strconv.Itoa(offset+limit))
		v.Set("limit", strconv.Itoa(limit))
		u.RawQuery = v.Encode()
		res["next"] = "http://" + r.Host + u.String()
	}
	writeJSON(w, http.StatusOK, res)
}

// matches applies a filter: names exactly, IDs as numbers, an address by
// its host part whatever the mask (as NetBox's address filter does).
func matches(filter string, have any, want string) bool {
	switch filter {
	case "address":
		p, err := netip.ParsePrefix(fmt.Sprint(have))
		return err == nil && p.Addr().String() == want
	case "mac_address":
		return strings.EqualFold(fmt.Sprint(have), want)
	}
	return have != nil && fmt.Sprint(have) == want
}

// related are the fields that name another object, and its kind.
var related = map[string]map[string]string{
	DeviceTypes: {"manufacturer": Manufacturers},
	Devices:     {"site": Sites, "role": Roles, "device_type": DeviceTypes, "primary_ip4": IPAddresses, "primary_ip6": IPAddresses},
	Interfaces:  {"device": Devices, "primary_mac_address": MACAddresses},
}

// required are the fields a new object must have.
var required = map[string][]string{
	Sites: {"name", "slug"}, Roles: {"name", "slug"}, Manufacturers: {"name", "slug"},
	DeviceTypes:  {"model", "slug", "manufacturer"},
	Devices:      {"site", "role", "device_type", "status"},
	Interfaces:   {"device", "name", "type"},
	MACAddresses: {"mac_address"},
	IPAddresses:  {"address"},
}

func (s *Server) write(w http.ResponseWriter, r *http.Request, kind string, id int) {
	b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var in Object
	if err == nil {
		d := json.NewDecoder(strings.NewReader(string(b)))
		d.UseNumber()
		err = d.Decode(&in)
	}
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"detail": "JSON parse error"})
		return
	}
	o := Object{}
	if id != 0 {
		for k, v := range s.objects[kind][id] {
			o[k] = v
		}
	}
	for k, v := range in {
		if n, ok := v.(json.Number); ok {
			i, _ := n.Int64()
			v = int(i)
		}
		if rk, ok := related[kind][k]; ok && v != nil {
			rid, ok := v.(int)
			if !ok || s.objects[rk][rid] == nil {
				fieldErr(w, k, fmt.Sprintf("Invalid pk \"%v\" - object does not exist.", v))
				return
			}
		}
		o[k] = v
	}
	for _, k := range required[kind] {
		if o[k] == nil || o[k] == "" {
			fieldErr(w, k, "This field is required.")
			return
		}
	}
	if msg := s.check(kind, id, o); msg != "" {
		f, m, _ := strings.Cut(msg, ": ")
		fieldErr(w, f, m)
		return
	}
	status := http.StatusOK
	if id == 0 {
		id = s.add(kind, o)
		status = http.StatusCreated
	} else {
		s.objects[kind][id] = o
	}
	writeJSON(w, status, o)
}

// check applies the rules of a kind; "" when o may be stored.
func (s *Server) check(kind string, id int, o Object) string {
	switch kind {
	case Devices:
		if len(fmt.Sprint(o["serial"])) > 50 {
			return "serial: Ensure this field has no more than 50 characters."
		}
		for oid, x := range s.objects[Devices] {
			if oid != id && o["name"] != nil && x["name"] == o["name"] && x["site"] == o["site"] {
				return "name: Device name must be unique per site."
			}
		}
		for _, f := range []string{"primary_ip4", "primary_ip6"} {
			ipID, _ := o[f].(int)
			if ipID == 0 {
				continue
			}
			ip := s.objects[IPAddresses][ipID]
			ifc := s.objects[Interfaces][intOf(ip["assigned_object_id"])]
			if ip["assigned_object_type"] != "dcim.interface" || ifc == nil || intOf(ifc["device"]) != id {
				return f + ": The specified IP address is not assigned to this device."
			}
		}
	case Interfaces:
		if !slices.Contains(interfaceTypes, fmt.Sprint(o["type"])) {
			return fmt.Sprintf("type: \"%v\" is not a valid choice.", o["type"])
		}
		for oid, x := range s.objects[Interfaces] {
			if oid != id && x["device"] == o["device"] && x["name"] == o["name"] {
				return "name: Interface with this Device and Name already exists."
			}
		}
		if _, ok := o["mac_address"]; ok {
			return "mac_address: Unknown field (MAC addresses are objects of their own since NetBox 4.2)."
		}
	case MACAddresses, IPAddresses:
		if kind == MACAddresses {
			if _, err := parseMAC(fmt.Sprint(o["mac_address"])); err != nil {
				return "mac_address: Enter a valid MAC address."
			}
		} else if p, err := netip.ParsePrefix(fmt.Sprint(o["address"])); err != nil || !p.IsValid() {
			return "address: Please specify the mask for " + fmt.Sprint(o["address"]) + " (e.g. /24)."
		}
		if o["assigned_object_id"] != nil {
			if o["assigned_object_type"] != "dcim.interface" || s.objects[Interfaces][intOf(o["assigned_object_id"])] == nil {
				return "assigned_object_id: Related object not found."
			}
		}
	}
	return ""
}

func intOf(v any) int {
	i, _ := v.(int)
	return i
}

func parseMAC(s string) ([]byte, error) {
	parts := strings.Split(s, ":")
	if len(parts) != 6 {
		return nil, fmt.Errorf("bad MAC %q", s)
	}
	out := make([]byte, 6)
	for i, p := range parts {
		v, err := strconv.ParseUint(p, 16, 8)
		if err != nil || len(p) != 2 {
			return nil, fmt.Errorf("bad MAC %q", s)
		}
		out[i] = byte(v)
	}
	return out, nil
}
