package names

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// NetBIOS node status (RFC 1002 4.2.17-18): one UDP request to port 137
// asks a host for every name it has registered and its adapter's MAC.

// ErrNBSTAT: a reply that is not a well-formed node status response.
var ErrNBSTAT = errors.New("malformed NetBIOS node status reply")

// NodeStatus is what a node status reply says.
type NodeStatus struct {
	// Name is the host's unique workstation name (suffix 0x00), and
	// Workgroup its workgroup or domain (the group name with suffix 0x00).
	Name      string
	Workgroup string
	// MAC is the unit ID; nil when the host reports none (Samba sends
	// zeros).
	MAC []byte
}

// nbstatQuestion is the wildcard name "*" in first-level encoding (RFC 1001
// 14.1): 16 bytes ("*" then 15 NULs), each nibble plus 'A'.
var nbstatQuestion = func() []byte {
	q := []byte{0x20}
	raw := [16]byte{'*'}
	for _, b := range raw {
		q = append(q, 'A'+b>>4, 'A'+b&0x0f)
	}
	q = append(q, 0)
	return append(q, 0x00, 0x21, 0x00, 0x01) // type NBSTAT, class IN
}()

// nbstatRequest is a node status request with transaction id.
func nbstatRequest(id uint16) []byte {
	b := make([]byte, 12, 12+len(nbstatQuestion))
	binary.BigEndian.PutUint16(b[0:], id)
	// flags 0: a unicast query; one question.
	binary.BigEndian.PutUint16(b[4:], 1)
	return append(b, nbstatQuestion...)
}

// parseNodeStatus decodes a node status response to request id.
func parseNodeStatus(b []byte, id uint16) (NodeStatus, error) {
	var ns NodeStatus
	if len(b) < 12 {
		return ns, fmt.Errorf("%w: %d bytes", ErrNBSTAT, len(b))
	}
	if binary.BigEndian.Uint16(b) != id {
		return ns, fmt.Errorf("%w: transaction id %#x, want %#x", ErrNBSTAT, binary.BigEndian.Uint16(b), id)
	}
	flags := binary.BigEndian.Uint16(b[2:])
	if flags&0x8000 == 0 {
		return ns, fmt.Errorf("%w: not a response", ErrNBSTAT)
	}
	if rcode := flags & 0x000f; rcode != 0 {
		return ns, fmt.Errorf("%w: error code %d", ErrNBSTAT, rcode)
	}
	if binary.BigEndian.Uint16(b[6:]) == 0 {
		return ns, fmt.Errorf("%w: no answer", ErrNBSTAT)
	}
	p := 12
	// The answer's name: labels, or a compression pointer.
	for {
		if p >= len(b) {
			return ns, fmt.Errorf("%w: name runs past the end", ErrNBSTAT)
		}
		l := int(b[p])
		if l == 0 {
			p++
			break
		}
		if l&0xc0 == 0xc0 {
			p += 2
			break
		}
		p += 1 + l
	}
	// type, class, TTL, RDLENGTH
	if p+10 > len(b) {
		return ns, fmt.Errorf("%w: answer header cut", ErrNBSTAT)
	}
	if t := binary.BigEndian.Uint16(b[p:]); t != 0x21 {
		return ns, fmt.Errorf("%w: answer type %#x", ErrNBSTAT, t)
	}
	rdlen := int(binary.BigEndian.Uint16(b[p+8:]))
	p += 10
	if p+rdlen > len(b) {
		return ns, fmt.Errorf("%w: rdata of %d bytes, %d left", ErrNBSTAT, rdlen, len(b)-p)
	}
	rd := b[p : p+rdlen]
	if len(rd) < 1 {
		return ns, fmt.Errorf("%w: empty rdata", ErrNBSTAT)
	}
	n := int(rd[0])
	if 1+18*n > len(rd) {
		return ns, fmt.Errorf("%w: %d names in %d bytes", ErrNBSTAT, n, len(rd))
	}
	for i := range n {
		e := rd[1+18*i : 1+18*(i+1)]
		name := strings.TrimRight(string(e[:15]), " \x00")
		suffix := e[15]
		group := binary.BigEndian.Uint16(e[16:])&0x8000 != 0
		if suffix != 0x00 || name == "" || !printable(name) {
			continue
		}
		switch {
		case !group && ns.Name == "":
			ns.Name = name
		case group && ns.Workgroup == "":
			ns.Workgroup = name
		}
	}
	if stats := rd[1+18*n:]; len(stats) >= 6 {
		mac := stats[:6]
		for _, x := range mac {
			if x != 0 {
				ns.MAC = append([]byte(nil), mac...)
				break
			}
		}
	}
	return ns, nil
}

func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
