// Package snmp inventories devices over SNMP v1, v2c and v3: a discovery
// phase that asks every address for its system group from one socket, and
// a collection phase that walks the responders with a bounded worker pool.
// What is walked becomes a *snmprec.Walk, so the same decoders serve live
// agents and recorded walks.
package snmp

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/gosnmp/gosnmp"
)

// Client is the SNMP session with one agent, the seam between the
// collector and the network (after prometheus/snmp_exporter's scraper).
// Each returns the response's variable bindings; an agent's error status
// comes back as an *AgentError.
type Client interface {
	Get(ctx context.Context, oids []string) ([]gosnmp.SnmpPDU, error)
	GetNext(ctx context.Context, oids []string) ([]gosnmp.SnmpPDU, error)
	GetBulk(ctx context.Context, oids []string, maxRepetitions int) ([]gosnmp.SnmpPDU, error)
	// EngineID is the agent's authoritative engine ID (v3), hex, or "".
	EngineID() string
	Close() error
}

// DialFunc opens a Client to target with cred.
type DialFunc func(ctx context.Context, target netip.AddrPort, cred Credential) (Client, error)

// ErrTimeout: the agent did not answer in time, retries included.
var ErrTimeout = errors.New("snmp: no response")

// AgentError is an error-status in an agent's response.
type AgentError struct {
	Status gosnmp.SNMPError
	// Index is the 1-based error-index (the variable binding at fault).
	Index int
}

func (e *AgentError) Error() string {
	return fmt.Sprintf("snmp: agent error %s (index %d)", e.Status, e.Index)
}

// IsStatus reports whether err is an AgentError with status s.
func IsStatus(err error, s gosnmp.SNMPError) bool {
	var ae *AgentError
	return errors.As(err, &ae) && ae.Status == s
}

// GoSNMPDialer returns the real dialer: one gosnmp session per call,
// timeout per request and retries as given.
func GoSNMPDialer(timeout time.Duration, retries int) DialFunc {
	return func(ctx context.Context, target netip.AddrPort, cred Credential) (Client, error) {
		g := &gosnmp.GoSNMP{
			Target:    target.Addr().String(),
			Port:      target.Port(),
			Transport: "udp",
			Timeout:   timeout,
			Retries:   retries,
			MaxOids:   gosnmp.MaxOids,
			Context:   ctx,
			Version:   cred.Version,
		}
		switch cred.Version {
		case gosnmp.Version1, gosnmp.Version2c:
			g.Community = cred.Community.Reveal()
		case gosnmp.Version3:
			g.SecurityModel = gosnmp.UserSecurityModel
			g.ContextName = cred.Context
			usm := &gosnmp.UsmSecurityParameters{
				UserName:               cred.User,
				AuthenticationProtocol: gosnmp.NoAuth,
				PrivacyProtocol:        gosnmp.NoPriv,
			}
			g.MsgFlags = gosnmp.NoAuthNoPriv
			if cred.AuthProto != 0 && cred.AuthProto != gosnmp.NoAuth {
				usm.AuthenticationProtocol = cred.AuthProto
				usm.AuthenticationPassphrase = cred.AuthPass.Reveal()
				g.MsgFlags = gosnmp.AuthNoPriv
				if cred.PrivProto != 0 && cred.PrivProto != gosnmp.NoPriv {
					usm.PrivacyProtocol = cred.PrivProto
					usm.PrivacyPassphrase = cred.PrivPass.Reveal()
					g.MsgFlags = gosnmp.AuthPriv
				}
			}
			g.SecurityParameters = usm
		default:
			return nil, fmt.Errorf("dial %s: unknown SNMP version %d", target, cred.Version)
		}
		if err := g.Connect(); err != nil {
			return nil, fmt.Errorf("dial %s: %w", target, err)
		}
		return &goSNMPClient{g: g}, nil
	}
}

type goSNMPClient struct{ g *gosnmp.GoSNMP }

// do runs one request with ctx: its deadline bounds the wait, and its
// cancellation closes the socket so a blocked read returns at once.
func (c *goSNMPClient) do(ctx context.Context, f func() (*gosnmp.SnmpPacket, error)) (pdus []gosnmp.SnmpPDU, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.g.Context = ctx
	stop := context.AfterFunc(ctx, func() { c.g.Conn.Close() })
	defer stop()
	defer func() {
		// gosnmp has panicked on hostile packets before; one device must
		// not take the run down.
		if r := recover(); r != nil {
			pdus, err = nil, fmt.Errorf("snmp: decoding response: %v", r)
		}
	}()
	pkt, err := f()
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return nil, cerr
		}
		if errors.Is(err, gosnmp.ErrMaxRetriesExceeded) || errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "timeout") {
			return nil, fmt.Errorf("%w: %w", ErrTimeout, err)
		}
		return nil, err
	}
	if pkt.Error != gosnmp.NoError {
		return pkt.Variables, &AgentError{Status: pkt.Error, Index: int(pkt.ErrorIndex)}
	}
	if pkt.PDUType == gosnmp.Report {
		return nil, fmt.Errorf("snmp: report %s (v3 credentials refused)", reportOID(pkt))
	}
	return pkt.Variables, nil
}

func reportOID(p *gosnmp.SnmpPacket) string {
	if len(p.Variables) > 0 {
		return normOID(p.Variables[0].Name)
	}
	return "(empty)"
}

func (c *goSNMPClient) Get(ctx context.Context, oids []string) ([]gosnmp.SnmpPDU, error) {
	return c.do(ctx, func() (*gosnmp.SnmpPacket, error) { return c.g.Get(oids) })
}

func (c *goSNMPClient) GetNext(ctx context.Context, oids []string) ([]gosnmp.SnmpPDU, error) {
	return c.do(ctx, func() (*gosnmp.SnmpPacket, error) { return c.g.GetNext(oids) })
}

func (c *goSNMPClient) GetBulk(ctx context.Context, oids []string, maxRep int) ([]gosnmp.SnmpPDU, error) {
	return c.do(ctx, func() (*gosnmp.SnmpPacket, error) { return c.g.GetBulk(oids, 0, uint32(maxRep)) })
}

func (c *goSNMPClient) EngineID() string {
	if usm, ok := c.g.SecurityParameters.(*gosnmp.UsmSecurityParameters); ok && usm.AuthoritativeEngineID != "" {
		return fmt.Sprintf("%x", usm.AuthoritativeEngineID)
	}
	return ""
}

func (c *goSNMPClient) Close() error {
	if c.g.Conn == nil {
		return nil
	}
	return c.g.Conn.Close()
}

// normOID drops the leading dot gosnmp puts on names.
func normOID(s string) string { return strings.TrimPrefix(s, ".") }

// parseOID splits a dotted OID into arcs; ok is false on anything else.
func parseOID(s string) ([]uint32, bool) {
	s = normOID(s)
	if s == "" {
		return nil, false
	}
	parts := strings.Split(s, ".")
	out := make([]uint32, len(parts))
	for i, p := range parts {
		v, err := strconv.ParseUint(p, 10, 32)
		if err != nil {
			return nil, false
		}
		out[i] = uint32(v)
	}
	return out, true
}

// compareArcs orders OIDs lexicographically by arc.
func compareArcs(a, b []uint32) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}
