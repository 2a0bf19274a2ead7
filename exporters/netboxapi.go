package exporters

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// NetBox push defaults: one request's time, tries of one request.
const (
	NetBoxTimeout  = 30 * time.Second
	NetBoxAttempts = 3
)

// NetBoxClient pushes assets to NetBox's REST API (4.2 and later): each
// device with its interfaces, their MAC addresses and the device's IP
// addresses. The token is sent only in the Authorization header and never
// appears in an error.
type NetBoxClient struct {
	// BaseURL is NetBox's address, e.g. https://netbox.example.net.
	BaseURL string
	Token   string
	// HTTP sends the requests; nil: a client with a NetBoxTimeout
	// timeout.
	HTTP *http.Client
	// Attempts bounds the tries of one request (NetBoxAttempts when 0):
	// a request is tried again after a transport error (a read only) or
	// a 429, 502, 503 or 504.
	Attempts int
	// Backoff is the wait before try n+1 (n from 1); nil: 1 s doubling,
	// at most 10 s. A Retry-After of up to 30 s is honoured instead.
	Backoff func(n int) time.Duration
}

// PushResult counts what Push did.
type PushResult struct {
	Created, Updated int
	// Interfaces, MACs and IPs count the objects created or updated.
	Interfaces, MACs, IPs int
	// Failed names the devices NetBox refused, with its reason.
	Failed map[string]string
}

// WriteCounts says on w, for people, what a push created and updated.
func (r PushResult) WriteCounts(w io.Writer) {
	fmt.Fprintf(w, "netbox: %d created, %d updated, %d refused; %d interfaces, %d MAC addresses, %d IP addresses\n",
		r.Created, r.Updated, len(r.Failed), r.Interfaces, r.MACs, r.IPs)
}

// Refusals says on w each device NetBox refused, by name, with its
// reason; any makes an error counting them among the total pushed.
func (r PushResult) Refusals(w io.Writer, total int) error {
	names := make([]string, 0, len(r.Failed))
	for n := range r.Failed {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "netbox: %s: %s\n", n, r.Failed[n])
	}
	if len(names) > 0 {
		return fmt.Errorf("netbox refused %d of %d devices", len(names), total)
	}
	return nil
}

// NetBoxTokenEnv is the environment variable that holds NetBox's API
// token when no token file is given.
const NetBoxTokenEnv = "NETCENSUS_NETBOX_TOKEN"

// ErrNoNetBoxToken: neither a token file nor $NETCENSUS_NETBOX_TOKEN
// gives a token.
var ErrNoNetBoxToken = errors.New("no NetBox API token")

// NetBoxToken is NetBox's API token: the content of file when it is
// given, else $NETCENSUS_NETBOX_TOKEN, spaces trimmed. An error names
// the file, never the token.
func NetBoxToken(file string, getenv func(string) string) (string, error) {
	token := strings.TrimSpace(getenv(NetBoxTokenEnv))
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", err
		}
		token = strings.TrimSpace(string(b))
	}
	if token == "" {
		return "", ErrNoNetBoxToken
	}
	return token, nil
}

// PushStore pushes every asset st keeps (Push) and says on w what was
// created and updated, then each device NetBox refused; any refused
// device makes an error.
func (c *NetBoxClient) PushStore(ctx context.Context, st store.Store, d NetBoxDefaults, w io.Writer) error {
	recs, err := AssetRecords(ctx, st)
	if err != nil {
		return err
	}
	res, err := c.Push(ctx, recs, d)
	res.WriteCounts(w)
	if err != nil {
		return err
	}
	return res.Refusals(w, len(recs))
}

// ErrNetBoxAuth: NetBox refused the token.
var ErrNetBoxAuth = errors.New("netbox refused the API token")

// NetBoxMissingError: objects the devices refer to are not in NetBox.
// Nothing was written.
type NetBoxMissingError struct {
	// Missing names each object to create, e.g. `site "hq"`.
	Missing []string
}

func (e *NetBoxMissingError) Error() string {
	return "netbox: nothing written: create these in NetBox first: " + strings.Join(e.Missing, ", ")
}

// netboxRefs is what Push looks up before it writes: the IDs of the
// sites, roles and device types the devices name.
type netboxRefs struct {
	sites, roles  map[string]int
	manufacturers map[string]int
	// types is keyed by manufacturer + "\x00" + model.
	types map[string]int
}

// Push creates each asset's device in NetBox, or updates the device of
// the same name, then its interfaces, MAC addresses and IP addresses.
// Sites, roles, manufacturers and device types are looked up first: if
// any is missing, Push returns a *NetBoxMissingError naming them all and
// writes nothing. One device failing is reported in the result; a
// transport error or a rejected token stops the push.
func (c *NetBoxClient) Push(ctx context.Context, assets []record.Asset, d NetBoxDefaults) (PushResult, error) {
	res := PushResult{Failed: map[string]string{}}
	base, err := url.Parse(strings.TrimRight(c.BaseURL, "/"))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return res, fmt.Errorf("netbox url %q: want http(s)://host", c.BaseURL)
	}
	api := &netboxAPI{c: c, base: base}
	rows := NetBoxRows(d)
	refs, err := api.lookupRefs(ctx, assets, rows)
	if err != nil {
		return res, err
	}
	for i := range assets {
		a := &assets[i]
		r := rows.Row(a)
		name := record.Sanitize(r[0])
		dev := map[string]any{"name": name, "role": refs.roles[r[1]],
			"device_type": refs.types[r[2]+"\x00"+r[3]], "site": refs.sites[r[5]],
			"serial": record.Sanitize(r[4]), "status": r[6]}
		id, created, err := api.upsert(ctx, "dcim/devices", url.Values{"name": {name}}, dev)
		var nf *netboxRefused
		if errors.As(err, &nf) {
			res.Failed[name] = nf.msg
			continue
		} else if err != nil {
			return res, err
		}
		if created {
			res.Created++
		} else {
			res.Updated++
		}
		if err := api.pushParts(ctx, id, a, &res); errors.As(err, &nf) {
			res.Failed[name] = nf.msg
		} else if err != nil {
			return res, err
		}
	}
	return res, nil
}

// lookupRefs finds every site, role, manufacturer and device type the
// assets name; what is missing is returned together, before any write.
func (api *netboxAPI) lookupRefs(ctx context.Context, assets []record.Asset, rows Rows[record.Asset]) (netboxRefs, error) {
	refs := netboxRefs{sites: map[string]int{}, roles: map[string]int{}, manufacturers: map[string]int{}, types: map[string]int{}}
	var missing []string
	for i := range assets {
		r := rows.Row(&assets[i])
		role, mfr, model, site := r[1], r[2], r[3], r[5]
		for _, x := range []struct {
			m          map[string]int
			path, what string
			v          string
		}{{refs.sites, "dcim/sites", "site", site}, {refs.roles, "dcim/device-roles", "device role", role}, {refs.manufacturers, "dcim/manufacturers", "manufacturer", mfr}} {
			if _, done := x.m[x.v]; done {
				continue
			}
			id, err := api.find(ctx, x.path, url.Values{"name": {x.v}})
			if err != nil {
				return refs, err
			}
			x.m[x.v] = id
			if id == 0 {
				missing = append(missing, fmt.Sprintf("%s %q", x.what, x.v))
			}
		}
		key := mfr + "\x00" + model
		if _, done := refs.types[key]; done {
			continue
		}
		refs.types[key] = 0
		if refs.manufacturers[mfr] == 0 {
			missing = append(missing, fmt.Sprintf("device type %q of manufacturer %q", model, mfr))
			continue
		}
		id, err := api.find(ctx, "dcim/device-types", url.Values{"model": {model}, "manufacturer_id": {strconv.Itoa(refs.manufacturers[mfr])}})
		if err != nil {
			return refs, err
		}
		refs.types[key] = id
		if id == 0 {
			missing = append(missing, fmt.Sprintf("device type %q of manufacturer %q", model, mfr))
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return refs, &NetBoxMissingError{Missing: missing}
	}
	return refs, nil
}

// pushParts writes a device's interfaces, their MAC addresses, its IP
// addresses (on the interface whose MAC answered for them) and its
// primary IPs.
func (api *netboxAPI) pushParts(ctx context.Context, devID int, a *record.Asset, res *PushResult) error {
	ifs := netboxInterfaces(a)
	ifIDs := make([]int, len(ifs))
	ipIface := 0 // the interface the asset's addresses are on
	for i, it := range ifs {
		body := map[string]any{"device": devID, "name": it.Name, "type": netboxIfType(it), "enabled": it.AdminUp,
			"description": record.Sanitize(it.Alias)}
		if it.SpeedBps > 0 {
			body["speed"] = it.SpeedBps / 1000
		}
		id, _, err := api.upsert(ctx, "dcim/interfaces", url.Values{"device_id": {strconv.Itoa(devID)}, "name": {it.Name}}, body)
		if err != nil {
			return err
		}
		res.Interfaces++
		ifIDs[i] = id
		if len(it.MAC) == 6 {
			mac := strings.ToUpper(it.MAC.String())
			macID, _, err := api.upsert(ctx, "dcim/mac-addresses", url.Values{"mac_address": {mac}, "assigned_object_id": {strconv.Itoa(id)}},
				map[string]any{"mac_address": mac, "assigned_object_type": "dcim.interface", "assigned_object_id": id})
			if err != nil {
				return err
			}
			res.MACs++
			if _, err := api.send(ctx, http.MethodPatch, fmt.Sprintf("dcim/interfaces/%d", id), map[string]any{"primary_mac_address": macID}, nil); err != nil {
				return err
			}
			if ipIface == 0 && a.MAC.String() == it.MAC.String() {
				ipIface = id
			}
		}
	}
	if ipIface == 0 && len(ifIDs) > 0 {
		ipIface = ifIDs[0]
	}
	if ipIface == 0 {
		return nil
	}
	ips := append([]netip.Addr{a.IP}, a.IPs...)
	seen := map[netip.Addr]bool{}
	primary := map[string]any{}
	for _, ip := range ips {
		if !ip.IsValid() || seen[ip] {
			continue
		}
		seen[ip] = true
		bits := 32
		if ip.Is6() {
			bits = 128
		}
		body := map[string]any{"address": netip.PrefixFrom(ip, bits).String(), "status": "active",
			"assigned_object_type": "dcim.interface", "assigned_object_id": ipIface}
		id, _, err := api.upsert(ctx, "ipam/ip-addresses", url.Values{"address": {ip.String()}}, body)
		if err != nil {
			return err
		}
		res.IPs++
		if ip == a.IP && ip.Is4() {
			primary["primary_ip4"] = id
		} else if ip == a.IP {
			primary["primary_ip6"] = id
		}
	}
	if len(primary) > 0 {
		if _, err := api.send(ctx, http.MethodPatch, fmt.Sprintf("dcim/devices/%d", devID), primary, nil); err != nil {
			return err
		}
	}
	return nil
}

// netboxInterfaces are the interfaces pushed: the asset's, or, when it
// has none (a host ARP alone saw), one named after the MAC that answered.
func netboxInterfaces(a *record.Asset) []record.Interface {
	var out []record.Interface
	for _, it := range a.Interfaces {
		if it.Name = record.Sanitize(strings.TrimSpace(it.Name)); it.Name == "" {
			it.Name = "ifIndex " + strconv.Itoa(it.Index)
		}
		out = append(out, it)
	}
	if len(out) == 0 && len(a.MAC) == 6 {
		out = append(out, record.Interface{Name: "nic-" + strings.ReplaceAll(a.MAC.String(), ":", ""), MAC: a.MAC, AdminUp: true})
	}
	return out
}

// netboxIfType maps an IANAifType name and speed to NetBox's interface
// type; what it cannot tell is "other".
func netboxIfType(it record.Interface) string {
	switch it.Type {
	case "softwareLoopback", "propVirtual", "l2vlan", "l3ipvlan", "tunnel", "bridge", "mplsTunnel":
		return "virtual"
	case "ieee8023adLag":
		return "lag"
	case "ieee80211":
		return "other-wireless"
	case "ethernetCsmacd", "fastEther", "gigabitEthernet", "fastEtherFX":
		switch it.SpeedBps {
		case 100_000_000:
			return "100base-tx"
		case 1_000_000_000:
			return "1000base-t"
		case 10_000_000_000:
			return "10gbase-x-sfpp"
		case 25_000_000_000:
			return "25gbase-x-sfp28"
		case 40_000_000_000:
			return "40gbase-x-qsfpp"
		case 100_000_000_000:
			return "100gbase-x-qsfp28"
		}
	}
	return "other"
}

// netboxAPI sends the requests of one push.
type netboxAPI struct {
	c    *NetBoxClient
	base *url.URL
}

// netboxRefused: NetBox answered a write with a 4xx; the device it
// belongs to failed, the push goes on.
type netboxRefused struct{ msg string }

func (e *netboxRefused) Error() string { return e.msg }

// find returns the ID of the one object of path that q selects, 0 if none.
func (api *netboxAPI) find(ctx context.Context, path string, q url.Values) (int, error) {
	var list struct {
		Count   int `json:"count"`
		Results []struct {
			ID int `json:"id"`
		} `json:"results"`
	}
	q.Set("limit", "2")
	status, err := api.send(ctx, http.MethodGet, path+"?"+q.Encode(), nil, &list)
	if err != nil {
		return 0, err
	}
	if status != http.StatusOK {
		return 0, fmt.Errorf("netbox: look up %s %s: HTTP %d", path, q.Encode(), status)
	}
	if len(list.Results) == 0 {
		return 0, nil
	}
	return list.Results[0].ID, nil
}

// upsert updates the object q finds with body, or creates it.
func (api *netboxAPI) upsert(ctx context.Context, path string, q url.Values, body map[string]any) (id int, created bool, err error) {
	if id, err = api.find(ctx, path, q); err != nil {
		return 0, false, err
	}
	method, p := http.MethodPost, path
	if id != 0 {
		method, p = http.MethodPatch, fmt.Sprintf("%s/%d", path, id)
	}
	var out struct {
		ID int `json:"id"`
	}
	if _, err := api.send(ctx, method, p, body, &out); err != nil {
		return 0, false, err
	}
	if out.ID == 0 {
		return 0, false, fmt.Errorf("netbox %s /api/%s/: no id in the answer", method, p)
	}
	return out.ID, id == 0, nil
}

// send makes one API call, tried again (bounded) on a transport error of
// a read and on 429/502/503/504. A 2xx body is decoded into out; a 4xx
// answer to a write is a *netboxRefused; a rejected token ErrNetBoxAuth.
func (api *netboxAPI) send(ctx context.Context, method, path string, body map[string]any, out any) (int, error) {
	var data []byte
	if body != nil {
		var err error
		if data, err = json.Marshal(body); err != nil {
			return 0, fmt.Errorf("netbox %s: %w", method, err)
		}
	}
	rel, query, _ := strings.Cut(path, "?")
	u := api.base.JoinPath("/api/", rel+"/")
	u.RawQuery = query
	attempts := api.c.Attempts
	if attempts <= 0 {
		attempts = NetBoxAttempts
	}
	for n := 1; ; n++ {
		status, msg, wait, err := api.once(ctx, method, u.String(), data, out)
		// A write that may have reached NetBox is not sent again; an
		// answer that says it was not (429, 50x) is.
		retry := wait >= 0 && (err == nil || method == http.MethodGet) && ctx.Err() == nil
		if !retry || n >= attempts {
			switch {
			case err != nil:
				return status, err
			case status/100 == 2:
				return status, nil
			case status/100 == 4 && method != http.MethodGet:
				return status, &netboxRefused{msg: fmt.Sprintf("%s /api/%s/: HTTP %d: %s", method, rel, status, msg)}
			}
			return status, fmt.Errorf("netbox %s /api/%s/: HTTP %d: %s", method, rel, status, msg)
		}
		if wait == 0 {
			wait = api.backoff(n)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return 0, fmt.Errorf("netbox %s /api/%s/: %w", method, rel, ctx.Err())
		case <-t.C:
		}
	}
}

func (api *netboxAPI) backoff(n int) time.Duration {
	if api.c.Backoff != nil {
		return api.c.Backoff(n)
	}
	return min(time.Second<<(n-1), 10*time.Second)
}

// once sends one request. wait is -1 when the answer is final, else how
// long to wait before trying again (0: the backoff's choice).
func (api *netboxAPI) once(ctx context.Context, method, u string, body []byte, out any) (status int, msg string, wait time.Duration, err error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return 0, "", -1, fmt.Errorf("netbox %s: %w", method, err)
	}
	req.Header.Set("Authorization", "Token "+api.c.Token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	hc := api.c.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: NetBoxTimeout}
	}
	resp, err := hc.Do(req)
	if err != nil {
		// url.Error carries the URL only (the token is in a header).
		return 0, "", 0, fmt.Errorf("netbox %s: %w", method, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return 0, "", 0, fmt.Errorf("netbox %s %s: read: %w", method, req.URL.Path, err)
	}
	switch resp.StatusCode {
	case http.StatusUnauthorized, http.StatusForbidden:
		return 0, "", -1, fmt.Errorf("%s %s: %w (HTTP %d)", method, req.URL.Path, ErrNetBoxAuth, resp.StatusCode)
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		wait = 0
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s >= 0 {
			wait = min(time.Duration(s)*time.Second, 30*time.Second)
			if wait == 0 {
				wait = time.Nanosecond
			}
		}
	default:
		wait = -1
	}
	if resp.StatusCode/100 == 2 && out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return 0, "", -1, fmt.Errorf("netbox %s %s: decode: %w", method, req.URL.Path, err)
		}
	}
	msg = record.Sanitize(strings.TrimSpace(string(data)))
	if len(msg) > 300 {
		msg = msg[:300] + "…"
	}
	if api.c.Token != "" {
		msg = strings.ReplaceAll(msg, api.c.Token, "[redacted]")
	}
	return resp.StatusCode, msg, wait, nil
}
