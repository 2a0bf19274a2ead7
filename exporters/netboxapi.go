package exporters

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/netcensus/netcensus/record"
)

// NetBoxClient pushes assets to NetBox's REST API (dcim/devices) with an
// API token. The token is sent only in the Authorization header and never
// appears in an error.
type NetBoxClient struct {
	// BaseURL is NetBox's address, e.g. https://netbox.example.net.
	BaseURL string
	Token   string
	HTTP    *http.Client
}

// PushResult counts what Push did.
type PushResult struct {
	Created, Updated int
	// Failed names the devices NetBox refused, with its reason.
	Failed map[string]string
}

// netboxDevice is the writable device body. Related objects are looked up
// by attributes (NetBox accepts a dict for a related object).
type netboxDevice struct {
	Name       string         `json:"name"`
	Role       map[string]any `json:"role"`
	DeviceType map[string]any `json:"device_type"`
	Site       map[string]any `json:"site"`
	Serial     string         `json:"serial"`
	Status     string         `json:"status"`
}

// Push creates each asset's device in NetBox, or updates the device of
// the same name. One device failing is reported in the result; a
// transport error or a rejected token stops the push.
func (c *NetBoxClient) Push(ctx context.Context, assets []record.Asset, d NetBoxDefaults) (PushResult, error) {
	res := PushResult{Failed: map[string]string{}}
	base, err := url.Parse(strings.TrimRight(c.BaseURL, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return res, fmt.Errorf("netbox url %q: want http(s)://host", c.BaseURL)
	}
	rows := NetBoxRows(d)
	for i := range assets {
		r := rows.Row(&assets[i])
		dev := netboxDevice{Name: record.Sanitize(r[0]), Role: map[string]any{"name": r[1]},
			DeviceType: map[string]any{"model": r[3], "manufacturer": map[string]any{"name": r[2]}},
			Site:       map[string]any{"name": r[5]}, Serial: record.Sanitize(r[4]), Status: r[6]}
		id, err := c.find(ctx, base, dev.Name)
		if err != nil {
			return res, err
		}
		method, path := http.MethodPost, "/api/dcim/devices/"
		if id != 0 {
			method, path = http.MethodPatch, fmt.Sprintf("/api/dcim/devices/%d/", id)
		}
		body, _ := json.Marshal(dev)
		status, msg, err := c.do(ctx, method, base.JoinPath(path).String(), body, nil)
		if err != nil {
			return res, err
		}
		switch {
		case status/100 == 2 && id == 0:
			res.Created++
		case status/100 == 2:
			res.Updated++
		default:
			res.Failed[dev.Name] = fmt.Sprintf("HTTP %d: %s", status, msg)
		}
	}
	return res, nil
}

// ErrNetBoxAuth: NetBox refused the token.
var ErrNetBoxAuth = errors.New("netbox refused the API token")

func (c *NetBoxClient) find(ctx context.Context, base *url.URL, name string) (int, error) {
	u := base.JoinPath("/api/dcim/devices/")
	u.RawQuery = url.Values{"name": {name}, "limit": {"1"}}.Encode()
	var list struct {
		Results []struct {
			ID int `json:"id"`
		} `json:"results"`
	}
	status, msg, err := c.do(ctx, http.MethodGet, u.String(), nil, &list)
	if err != nil {
		return 0, err
	}
	if status != http.StatusOK {
		return 0, fmt.Errorf("netbox: look up device %q: HTTP %d: %s", name, status, msg)
	}
	if len(list.Results) == 0 {
		return 0, nil
	}
	return list.Results[0].ID, nil
}

// do sends one request; a 2xx body is decoded into out when given, any
// other body is returned (shortened) as msg.
func (c *NetBoxClient) do(ctx context.Context, method, u string, body []byte, out any) (status int, msg string, err error) {
	req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(body))
	if err != nil {
		return 0, "", fmt.Errorf("netbox %s: %w", method, err)
	}
	req.Header.Set("Authorization", "Token "+c.Token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		// url.Error carries the URL only (the token is in a header).
		return 0, "", fmt.Errorf("netbox %s: %w", method, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return 0, "", fmt.Errorf("netbox %s %s: read: %w", method, req.URL.Path, err)
	}
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
		return 0, "", fmt.Errorf("%s %s: %w (HTTP %d)", method, req.URL.Path, ErrNetBoxAuth, resp.StatusCode)
	}
	if resp.StatusCode/100 == 2 && out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return 0, "", fmt.Errorf("netbox %s %s: decode: %w", method, req.URL.Path, err)
		}
	}
	msg = record.Sanitize(strings.TrimSpace(string(data)))
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	msg = strings.ReplaceAll(msg, c.Token, "[redacted]")
	return resp.StatusCode, msg, nil
}
