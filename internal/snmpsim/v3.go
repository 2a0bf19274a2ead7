package snmpsim

import (
	"bytes"
	"encoding/binary"
	"sync/atomic"

	"github.com/netcensus/netcensus/internal/snmprec"
)

// Report OIDs (RFC 3414 usmStats, RFC 3413 snmpUnknownContexts).
const (
	oidUnsupportedSecLevels = "1.3.6.1.6.3.15.1.1.1.0"
	oidNotInTimeWindows     = "1.3.6.1.6.3.15.1.1.2.0"
	oidUnknownUserNames     = "1.3.6.1.6.3.15.1.1.3.0"
	oidUnknownEngineIDs     = "1.3.6.1.6.3.15.1.1.4.0"
	oidWrongDigests         = "1.3.6.1.6.3.15.1.1.5.0"
	oidDecryptionErrors     = "1.3.6.1.6.3.15.1.1.6.0"
	oidUnknownContexts      = "1.3.6.1.6.3.12.1.5.0"
)

// timeWindow is RFC 3414's 150 seconds.
const timeWindow = 150

// handleV3 runs the USM checks of RFC 3414 section 3.2 and answers.
func (a *Agent) handleV3(m *message, pkt []byte) []byte {
	if m.secModel != securityModelUSM {
		a.c.malformed.Add(1)
		return nil
	}
	reportable := m.flags&flagReportable != 0
	var reqID int64
	if m.hasPDU {
		reqID = m.pdu.requestID
	}
	report := func(c *atomic.Uint64, oid string, uk *userKeys, flags byte) []byte {
		n := c.Add(1)
		if !reportable {
			return nil
		}
		a.c.reports.Add(1)
		vb := appendVarbind(nil, oid, snmprec.Value{Type: snmprec.TypeCounter32, Uint: n & 0xffffffff})
		body := encodePDU(pduReport, reqID, errNoError, 0, vb)
		return a.encodeV3(m, uk, flags, m.ctxName, body)
	}

	if !bytes.Equal(m.usm.engineID, a.engineID) {
		// Engine discovery, or a request meant for another engine.
		return report(&a.c.unknownEngineIDs, oidUnknownEngineIDs, nil, 0)
	}
	uk, ok := a.users[string(m.usm.user)]
	if !ok {
		return report(&a.c.unknownUserNames, oidUnknownUserNames, nil, 0)
	}
	level := m.flags & (flagAuth | flagPriv)
	if level != uk.user.flags() {
		return report(&a.c.unsupportedLevel, oidUnsupportedSecLevels, nil, 0)
	}
	if level&flagAuth != 0 {
		if !uk.verify(pkt, m.usm.authOffset, m.usm.authParams) {
			return report(&a.c.wrongDigests, oidWrongDigests, nil, 0)
		}
		now := int64(a.engineTime())
		if m.usm.boots != int64(a.boots) || m.usm.time < now-timeWindow || m.usm.time > now+timeWindow {
			return report(&a.c.notInTimeWindow, oidNotInTimeWindows, uk, flagAuth)
		}
	}
	if level&flagPriv != 0 {
		pt, err := uk.decrypt(m.encrypted, m.usm.privParams, uint32(m.usm.boots), uint32(m.usm.time))
		if err == nil {
			err = decodeScoped(pt, m)
		}
		if err != nil {
			return report(&a.c.decryptionErrors, oidDecryptionErrors, nil, 0)
		}
		reqID = m.pdu.requestID
	}
	if !m.hasPDU {
		a.c.malformed.Add(1)
		return nil
	}
	if !a.acceptPDU(versionV3, m.pdu.typ) {
		return nil
	}
	d := a.defCtx
	if len(m.ctxName) > 0 {
		d = a.devices[string(m.ctxName)]
	}
	if d == nil {
		return report(&a.c.unknownContext, oidUnknownContexts, uk, level)
	}
	if a.faultDrop() {
		return nil
	}
	w, err := d.load(a.log)
	if err != nil {
		return nil
	}
	maxSize := min(int(m.maxSize), a.opts.MaxMessageSize)
	budget := maxSize - v3Overhead(len(a.engineID), len(m.usm.user), len(m.ctxName), uk.user.Auth.macLen())
	body := a.answer(versionV3, a.view(w), &m.pdu, budget)
	return a.encodeV3(m, uk, level, m.ctxName, body)
}

// v3Overhead bounds the bytes a v3 response adds around its varbind list.
func v3Overhead(engineID, user, ctxName, macLen int) int {
	return 6 + 3 + // message, version
		6 + 3*6 + 3 + // msgGlobalData
		6 + 6 + engineID + 2*6 + 2 + user + 2 + macLen + 2 + 8 + // security parameters
		6 + 6 + // encrypted octet string, DES padding
		6 + 2 + engineID + 2 + ctxName + // scoped PDU
		6 + 3*6 + 6 // PDU header and varbind list header
}

// encodeV3 builds a response or report. uk is nil for unauthenticated
// reports; flags holds the auth and priv bits to use.
func (a *Agent) encodeV3(m *message, uk *userKeys, flags byte, ctxName, pduBytes []byte) []byte {
	boots, now := a.boots, a.engineTime()

	scoped := make([]byte, 0, len(pduBytes)+len(a.engineID)+len(ctxName)+16)
	scoped = appendTLV(scoped, tagOctetString, a.engineID)
	scoped = appendTLV(scoped, tagOctetString, ctxName)
	scoped = append(scoped, pduBytes...)
	scoped = appendTLV(make([]byte, 0, len(scoped)+6), tagSequence, scoped)

	var salt []byte
	if flags&flagPriv != 0 {
		salt = make([]byte, 8)
		s := a.salt.Add(1)
		if uk.user.Priv == PrivDES {
			binary.BigEndian.PutUint32(salt, boots)
			binary.BigEndian.PutUint32(salt[4:], uint32(s))
		} else {
			binary.BigEndian.PutUint64(salt, s)
		}
		ct, err := uk.encrypt(scoped, salt, boots, now)
		if err != nil {
			a.log.Error("snmpsim: encrypt response", "user", uk.user.Name, "err", err)
			return nil
		}
		scoped = appendTLV(make([]byte, 0, len(ct)+6), tagOctetString, ct)
	}

	macLen := 0
	user := m.usm.user
	if flags&flagAuth != 0 {
		macLen = uk.user.Auth.macLen()
		user = []byte(uk.user.Name)
	}
	usm := make([]byte, 0, 64+len(a.engineID)+len(user)+macLen)
	usm = appendTLV(usm, tagOctetString, a.engineID)
	usm = appendInt(usm, tagInteger, int64(boots))
	usm = appendInt(usm, tagInteger, int64(now))
	usm = appendTLV(usm, tagOctetString, user)
	usm = append(usm, tagOctetString)
	usm = appendLength(usm, macLen)
	macAt := len(usm) // within the usm SEQUENCE content
	usm = append(usm, make([]byte, macLen)...)
	usm = appendTLV(usm, tagOctetString, salt)

	global := make([]byte, 0, 24)
	global = appendInt(global, tagInteger, m.msgID)
	global = appendInt(global, tagInteger, int64(a.opts.MaxMessageSize))
	global = appendTLV(global, tagOctetString, []byte{flags})
	global = appendInt(global, tagInteger, securityModelUSM)

	usmSeqLen := 1 + lengthLen(len(usm)) + len(usm)
	secHdr := 1 + lengthLen(usmSeqLen)
	bodyLen := 3 + 1 + lengthLen(len(global)) + len(global) + secHdr + usmSeqLen + len(scoped)

	msg := make([]byte, 0, 1+lengthLen(bodyLen)+bodyLen)
	msg = append(msg, tagSequence)
	msg = appendLength(msg, bodyLen)
	msg = appendInt(msg, tagInteger, versionV3)
	msg = appendTLV(msg, tagSequence, global)
	msg = append(msg, tagOctetString)
	msg = appendLength(msg, usmSeqLen)
	msg = append(msg, tagSequence)
	msg = appendLength(msg, len(usm))
	macOff := len(msg) + macAt
	msg = append(msg, usm...)
	msg = append(msg, scoped...)

	if macLen > 0 {
		copy(msg[macOff:], uk.mac(msg))
	}
	return msg
}
