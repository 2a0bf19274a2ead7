package snmpsim

import (
	"fmt"
)

// SNMP versions as they appear on the wire.
const (
	versionV1  = 0
	versionV2c = 1
	versionV3  = 3
)

// v3 message flags.
const (
	flagAuth       = 0x01
	flagPriv       = 0x02
	flagReportable = 0x04
)

const securityModelUSM = 3

// varbind is one request variable: the OID and the raw value TLV.
type varbind struct {
	oid string
	raw []byte
}

type pdu struct {
	typ       byte
	requestID int64
	// errStatus and errIndex are non-repeaters and max-repetitions in a
	// GETBULK.
	errStatus int64
	errIndex  int64
	varbinds  []varbind
}

type usmParams struct {
	engineID   []byte
	boots      int64
	time       int64
	user       []byte
	authParams []byte
	privParams []byte
	// authOffset is where authParams' content starts in the message.
	authOffset int
}

type message struct {
	version   int64
	community []byte

	// SNMPv3 only.
	msgID     int64
	maxSize   int64
	flags     byte
	secModel  int64
	usm       usmParams
	encrypted []byte // ciphertext of the scoped PDU when flagPriv is set
	ctxEngine []byte
	ctxName   []byte

	pdu    pdu
	hasPDU bool // false while the v3 scoped PDU is still encrypted
}

// decodeMessage parses an SNMP message. For an encrypted v3 message the
// scoped PDU is left in encrypted for the USM to decrypt.
func decodeMessage(pkt []byte) (*message, error) {
	body, _, err := expect(pkt, tagSequence, "message")
	if err != nil {
		return nil, err
	}
	m := &message{}
	m.version, body, err = readInt(body, "version")
	if err != nil {
		return nil, err
	}
	switch m.version {
	case versionV1, versionV2c:
		m.community, body, err = expect(body, tagOctetString, "community")
		if err != nil {
			return nil, err
		}
		m.pdu, err = decodePDU(body)
		if err != nil {
			return nil, err
		}
		m.hasPDU = true
		return m, nil
	case versionV3:
		return m, decodeV3(pkt, body, m)
	}
	return nil, berErr("unsupported version %d", m.version)
}

func decodeV3(pkt, body []byte, m *message) error {
	global, body, err := expect(body, tagSequence, "msgGlobalData")
	if err != nil {
		return err
	}
	if m.msgID, global, err = readInt(global, "msgID"); err != nil {
		return err
	}
	if m.maxSize, global, err = readInt(global, "msgMaxSize"); err != nil {
		return err
	}
	flags, global, err := expect(global, tagOctetString, "msgFlags")
	if err != nil {
		return err
	}
	if len(flags) != 1 {
		return berErr("msgFlags of %d bytes", len(flags))
	}
	m.flags = flags[0]
	if m.secModel, _, err = readInt(global, "msgSecurityModel"); err != nil {
		return err
	}
	if m.msgID < 0 || m.msgID > 0x7fffffff || m.maxSize < 484 || m.maxSize > 0x7fffffff {
		return berErr("msgID %d or msgMaxSize %d out of range", m.msgID, m.maxSize)
	}
	if m.flags&flagPriv != 0 && m.flags&flagAuth == 0 {
		return berErr("privacy without authentication")
	}
	sec, body, err := expect(body, tagOctetString, "msgSecurityParameters")
	if err != nil {
		return err
	}
	if m.secModel == securityModelUSM {
		if err := decodeUSM(pkt, sec, &m.usm); err != nil {
			return err
		}
	}
	if m.flags&flagPriv != 0 {
		m.encrypted, _, err = expect(body, tagOctetString, "encryptedPDU")
		return err
	}
	return decodeScoped(body, m)
}

func decodeUSM(pkt, sec []byte, u *usmParams) error {
	seq, _, err := expect(sec, tagSequence, "UsmSecurityParameters")
	if err != nil {
		return err
	}
	if u.engineID, seq, err = expect(seq, tagOctetString, "msgAuthoritativeEngineID"); err != nil {
		return err
	}
	if u.boots, seq, err = readInt(seq, "msgAuthoritativeEngineBoots"); err != nil {
		return err
	}
	if u.time, seq, err = readInt(seq, "msgAuthoritativeEngineTime"); err != nil {
		return err
	}
	if u.user, seq, err = expect(seq, tagOctetString, "msgUserName"); err != nil {
		return err
	}
	if u.authParams, seq, err = expect(seq, tagOctetString, "msgAuthenticationParameters"); err != nil {
		return err
	}
	// authParams is a sub-slice of pkt: its capacity gives its offset.
	u.authOffset = cap(pkt) - cap(u.authParams)
	if u.authOffset < 0 || u.authOffset+len(u.authParams) > len(pkt) ||
		(len(u.authParams) > 0 && &pkt[u.authOffset] != &u.authParams[0]) {
		return berErr("cannot locate msgAuthenticationParameters")
	}
	if u.privParams, _, err = expect(seq, tagOctetString, "msgPrivacyParameters"); err != nil {
		return err
	}
	if len(u.engineID) > 32 || len(u.user) > 32 {
		return berErr("engine ID or user name too long")
	}
	return nil
}

// decodeScoped parses a plaintext scoped PDU.
func decodeScoped(b []byte, m *message) error {
	seq, _, err := expect(b, tagSequence, "scopedPDU")
	if err != nil {
		return err
	}
	if m.ctxEngine, seq, err = expect(seq, tagOctetString, "contextEngineID"); err != nil {
		return err
	}
	if m.ctxName, seq, err = expect(seq, tagOctetString, "contextName"); err != nil {
		return err
	}
	if m.pdu, err = decodePDU(seq); err != nil {
		return err
	}
	m.hasPDU = true
	return nil
}

func decodePDU(b []byte) (pdu, error) {
	var p pdu
	tag, c, _, err := readTLV(b)
	if err != nil {
		return p, fmt.Errorf("PDU: %w", err)
	}
	if tag < pduGet || tag > pduReport {
		return p, berErr("PDU tag 0x%02x", tag)
	}
	p.typ = tag
	if tag == pduTrapV1 {
		return p, nil // never answered; the caller drops it
	}
	if p.requestID, c, err = readInt(c, "request-id"); err != nil {
		return p, err
	}
	if p.errStatus, c, err = readInt(c, "error-status"); err != nil {
		return p, err
	}
	if p.errIndex, c, err = readInt(c, "error-index"); err != nil {
		return p, err
	}
	if p.requestID < -0x80000000 || p.requestID > 0x7fffffff {
		return p, berErr("request-id %d", p.requestID)
	}
	vbl, _, err := expect(c, tagSequence, "varbind list")
	if err != nil {
		return p, err
	}
	for len(vbl) > 0 {
		var vb []byte
		vb, vbl, err = expect(vbl, tagSequence, "varbind")
		if err != nil {
			return p, err
		}
		oidc, rest, err := expect(vb, tagOID, "varbind name")
		if err != nil {
			return p, err
		}
		oid, err := decodeOID(oidc)
		if err != nil {
			return p, err
		}
		if _, _, _, err := readTLV(rest); err != nil {
			return p, fmt.Errorf("varbind value: %w", err)
		}
		p.varbinds = append(p.varbinds, varbind{oid: oid, raw: rest})
		if len(p.varbinds) > maxRequestVarbinds {
			return p, berErr("more than %d varbinds", maxRequestVarbinds)
		}
	}
	return p, nil
}

// maxRequestVarbinds bounds the work one request can ask for.
const maxRequestVarbinds = 256

// encodePDU wraps encoded varbinds in a PDU.
func encodePDU(typ byte, requestID, errStatus, errIndex int64, varbinds []byte) []byte {
	inner := make([]byte, 0, len(varbinds)+32)
	inner = appendInt(inner, tagInteger, requestID)
	inner = appendInt(inner, tagInteger, errStatus)
	inner = appendInt(inner, tagInteger, errIndex)
	inner = appendTLV(inner, tagSequence, varbinds)
	out := make([]byte, 0, len(inner)+6)
	return appendTLV(out, typ, inner)
}

// encodeCommunity builds a v1/v2c message around an encoded PDU.
func encodeCommunity(version int64, community, pduBytes []byte) []byte {
	inner := make([]byte, 0, len(pduBytes)+len(community)+16)
	inner = appendInt(inner, tagInteger, version)
	inner = appendTLV(inner, tagOctetString, community)
	inner = append(inner, pduBytes...)
	out := make([]byte, 0, len(inner)+6)
	return appendTLV(out, tagSequence, inner)
}

// communityOverhead is the size of a v1/v2c message minus its PDU's
// varbind list content, used to budget a response.
func communityOverhead(community []byte) int {
	// message SEQ(6) + version(3) + community TLV + PDU header (6) + 3
	// INTEGERs (3*6) + varbind list header (6)
	return 6 + 3 + 2 + len(community) + 6 + 18 + 6
}
