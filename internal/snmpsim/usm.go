package snmpsim

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/des" //nolint:gosec // DES is what SNMPv3 devices speak; simulated here on purpose
	"crypto/hmac"
	_ "crypto/md5" //nolint:gosec // registers MD5 for HMAC-MD5-96 (RFC 3414)
	_ "crypto/sha1"
	_ "crypto/sha256"
	_ "crypto/sha512"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// AuthProtocol is an SNMPv3 USM authentication protocol.
type AuthProtocol int

// Authentication protocols: RFC 3414 (MD5, SHA) and RFC 7860 (SHA-2).
const (
	AuthNone AuthProtocol = iota
	AuthMD5
	AuthSHA
	AuthSHA224
	AuthSHA256
	AuthSHA384
	AuthSHA512
)

// PrivProtocol is an SNMPv3 USM privacy protocol.
type PrivProtocol int

// Privacy protocols. AES192 and AES256 extend short localized keys as in
// draft-blumenthal-aes-usm-04; AES192C and AES256C as in
// draft-reeder-snmpv3-usm-3desede (the "Cisco" variant), matching gosnmp's
// AES192/AES256 and AES192C/AES256C.
const (
	PrivNone PrivProtocol = iota
	PrivDES
	PrivAES
	PrivAES192
	PrivAES256
	PrivAES192C
	PrivAES256C
)

func (p AuthProtocol) name() (string, bool) {
	switch p {
	case AuthNone:
		return "none", true
	case AuthMD5:
		return "MD5", true
	case AuthSHA:
		return "SHA", true
	case AuthSHA224:
		return "SHA-224", true
	case AuthSHA256:
		return "SHA-256", true
	case AuthSHA384:
		return "SHA-384", true
	case AuthSHA512:
		return "SHA-512", true
	}
	return "", false
}

func (p PrivProtocol) name() (string, bool) {
	switch p {
	case PrivNone:
		return "none", true
	case PrivDES:
		return "DES", true
	case PrivAES:
		return "AES", true
	case PrivAES192:
		return "AES-192", true
	case PrivAES256:
		return "AES-256", true
	case PrivAES192C:
		return "AES-192-C", true
	case PrivAES256C:
		return "AES-256-C", true
	}
	return "", false
}

func (p AuthProtocol) String() string {
	if s, ok := p.name(); ok {
		return s
	}
	return fmt.Sprintf("AuthProtocol(%d)", int(p))
}

func (p PrivProtocol) String() string {
	if s, ok := p.name(); ok {
		return s
	}
	return fmt.Sprintf("PrivProtocol(%d)", int(p))
}

func normProto(s string) string {
	return strings.NewReplacer("-", "", "_", "").Replace(strings.ToUpper(strings.TrimSpace(s)))
}

// ParseAuthProtocol accepts net-snmp and gosnmp spellings: "MD5", "SHA",
// "SHA-224", "SHA256", "none", "".
func ParseAuthProtocol(s string) (AuthProtocol, error) {
	n := normProto(s)
	if n == "" || n == "NONE" || n == "NOAUTH" {
		return AuthNone, nil
	}
	if n == "SHA1" {
		return AuthSHA, nil
	}
	for p := AuthNone; p <= AuthSHA512; p++ {
		if name, _ := p.name(); normProto(name) == n {
			return p, nil
		}
	}
	return 0, fmt.Errorf("unknown auth protocol %q", s)
}

// ParsePrivProtocol accepts net-snmp and gosnmp spellings: "DES", "AES",
// "AES128", "AES-192", "AES256C", "AES-256-C", "none", "".
func ParsePrivProtocol(s string) (PrivProtocol, error) {
	n := normProto(s)
	switch n {
	case "", "NONE", "NOPRIV":
		return PrivNone, nil
	case "AES128":
		return PrivAES, nil
	}
	for p := PrivNone; p <= PrivAES256C; p++ {
		if name, _ := p.name(); normProto(name) == n {
			return p, nil
		}
	}
	return 0, fmt.Errorf("unknown priv protocol %q", s)
}

// User is an SNMPv3 USM user the agent accepts. A request must use exactly
// the user's security level: noAuthNoPriv, authNoPriv (Auth set) or
// authPriv (Auth and Priv set).
type User struct {
	Name     string
	Auth     AuthProtocol
	AuthPass string
	Priv     PrivProtocol
	PrivPass string
}

// ParseUser parses "name", "name:authproto:authpass" or
// "name:authproto:authpass:privproto:privpass".
func ParseUser(s string) (User, error) {
	parts := strings.Split(s, ":")
	var u User
	switch len(parts) {
	case 1, 3, 5:
	default:
		return u, fmt.Errorf("v3 user %q: want name[:authproto:authpass[:privproto:privpass]]", redactUser(s))
	}
	u.Name = parts[0]
	var err error
	if len(parts) >= 3 {
		if u.Auth, err = ParseAuthProtocol(parts[1]); err != nil {
			return u, fmt.Errorf("v3 user %q: %w", u.Name, err)
		}
		u.AuthPass = parts[2]
	}
	if len(parts) == 5 {
		if u.Priv, err = ParsePrivProtocol(parts[3]); err != nil {
			return u, fmt.Errorf("v3 user %q: %w", u.Name, err)
		}
		u.PrivPass = parts[4]
	}
	return u, u.validate()
}

func redactUser(s string) string {
	name, _, _ := strings.Cut(s, ":")
	return name + ":…"
}

// String names the user and protocols, never the passphrases.
func (u User) String() string {
	return fmt.Sprintf("%s(%v/%v)", u.Name, u.Auth, u.Priv)
}

func (u User) validate() error {
	if u.Name == "" || len(u.Name) > 32 {
		return fmt.Errorf("v3 user name %q: must be 1-32 bytes", u.Name)
	}
	if _, ok := u.Auth.name(); !ok {
		return fmt.Errorf("v3 user %q: bad auth protocol %d", u.Name, int(u.Auth))
	}
	if _, ok := u.Priv.name(); !ok {
		return fmt.Errorf("v3 user %q: bad priv protocol %d", u.Name, int(u.Priv))
	}
	if u.Auth != AuthNone && len(u.AuthPass) < 8 {
		return fmt.Errorf("v3 user %q: auth passphrase shorter than 8 characters", u.Name)
	}
	if u.Priv != PrivNone {
		if u.Auth == AuthNone {
			return fmt.Errorf("v3 user %q: privacy needs authentication", u.Name)
		}
		if len(u.PrivPass) < 8 {
			return fmt.Errorf("v3 user %q: priv passphrase shorter than 8 characters", u.Name)
		}
	}
	return nil
}

func (u User) flags() byte {
	var f byte
	if u.Auth != AuthNone {
		f |= flagAuth
	}
	if u.Priv != PrivNone {
		f |= flagPriv
	}
	return f
}

func (p AuthProtocol) hash() crypto.Hash {
	switch p {
	case AuthMD5:
		return crypto.MD5
	case AuthSHA:
		return crypto.SHA1
	case AuthSHA224:
		return crypto.SHA224
	case AuthSHA256:
		return crypto.SHA256
	case AuthSHA384:
		return crypto.SHA384
	case AuthSHA512:
		return crypto.SHA512
	}
	return 0
}

// macLen is the length of the truncated HMAC in msgAuthenticationParameters.
func (p AuthProtocol) macLen() int {
	switch p {
	case AuthMD5, AuthSHA:
		return 12
	case AuthSHA224:
		return 16
	case AuthSHA256:
		return 24
	case AuthSHA384:
		return 32
	case AuthSHA512:
		return 48
	}
	return 0
}

func (p PrivProtocol) keyLen() int {
	switch p {
	case PrivDES, PrivAES:
		return 16 // DES: 8 key + 8 pre-IV
	case PrivAES192, PrivAES192C:
		return 24
	case PrivAES256, PrivAES256C:
		return 32
	}
	return 0
}

// passwordToKey is RFC 3414 A.2: hash 1 MiB of the repeated passphrase.
func passwordToKey(h crypto.Hash, pass []byte) []byte {
	d := h.New()
	const total = 1 << 20
	var chunk [64]byte
	pi := 0
	for n := 0; n < total; n += len(chunk) {
		for i := range chunk {
			chunk[i] = pass[pi%len(pass)]
			pi++
		}
		d.Write(chunk[:])
	}
	return d.Sum(nil)
}

// localize is RFC 3414 A.2 step 2: H(Ku || engineID || Ku).
func localize(h crypto.Hash, ku, engineID []byte) []byte {
	d := h.New()
	d.Write(ku)
	d.Write(engineID)
	d.Write(ku)
	return d.Sum(nil)
}

// userKeys are a user's keys localized to the agent's engine ID.
type userKeys struct {
	user    User
	authKey []byte
	privKey []byte
}

func localizeUser(u User, engineID []byte) (*userKeys, error) {
	k := &userKeys{user: u}
	if u.Auth == AuthNone {
		return k, nil
	}
	h := u.Auth.hash()
	k.authKey = localize(h, passwordToKey(h, []byte(u.AuthPass)), engineID)
	if u.Priv == PrivNone {
		return k, nil
	}
	key := localize(h, passwordToKey(h, []byte(u.PrivPass)), engineID)
	want := u.Priv.keyLen()
	for len(key) < want {
		switch u.Priv {
		case PrivAES192, PrivAES256:
			// Blumenthal: Kul' = Kul || H(Kul).
			d := h.New()
			d.Write(key)
			key = append(key, d.Sum(nil)...)
		case PrivAES192C, PrivAES256C:
			// Reeder: the next block is the key localized from the
			// previous block used as a passphrase.
			key = append(key, localize(h, passwordToKey(h, key), engineID)...)
		default:
			return nil, fmt.Errorf("v3 user %q: %v key too short", u.Name, u.Priv)
		}
	}
	k.privKey = key[:want]
	return k, nil
}

// mac computes the truncated HMAC of msg (with the auth field zeroed).
func (k *userKeys) mac(msg []byte) []byte {
	m := hmac.New(k.user.Auth.hash().New, k.authKey)
	m.Write(msg)
	return m.Sum(nil)[:k.user.Auth.macLen()]
}

// verify checks msg's MAC at off; it zeroes the field in msg while hashing
// and restores it.
func (k *userKeys) verify(msg []byte, off int, got []byte) bool {
	if len(got) != k.user.Auth.macLen() || off < 0 || off+len(got) > len(msg) {
		return false
	}
	saved := append([]byte(nil), got...)
	clear(msg[off : off+len(got)])
	want := k.mac(msg)
	copy(msg[off:], saved)
	return subtle.ConstantTimeCompare(want, saved) == 1
}

// errDecrypt is wrapped by decryption failures.
var errDecrypt = errors.New("decryption failed")

// decrypt a scoped PDU (RFC 3414 8.1.1.3 for DES, RFC 3826 3.1.4 for AES).
func (k *userKeys) decrypt(ct, privParams []byte, boots, engineTime uint32) ([]byte, error) {
	if len(privParams) != 8 {
		return nil, fmt.Errorf("%w: privacy parameters of %d bytes", errDecrypt, len(privParams))
	}
	switch k.user.Priv {
	case PrivDES:
		if len(ct) == 0 || len(ct)%des.BlockSize != 0 {
			return nil, fmt.Errorf("%w: DES ciphertext of %d bytes", errDecrypt, len(ct))
		}
		block, err := des.NewCipher(k.privKey[:8]) //nolint:gosec
		if err != nil {
			return nil, err
		}
		var iv [8]byte
		for i := range iv {
			iv[i] = k.privKey[8+i] ^ privParams[i]
		}
		pt := make([]byte, len(ct))
		cipher.NewCBCDecrypter(block, iv[:]).CryptBlocks(pt, ct)
		return pt, nil
	default:
		block, err := aes.NewCipher(k.privKey)
		if err != nil {
			return nil, err
		}
		iv := aesIV(boots, engineTime, privParams)
		pt := make([]byte, len(ct))
		//nolint:staticcheck // RFC 3826 specifies CFB-128.
		cipher.NewCFBDecrypter(block, iv[:]).XORKeyStream(pt, ct)
		return pt, nil
	}
}

// encrypt a scoped PDU with the given 8-byte salt.
func (k *userKeys) encrypt(pt, salt []byte, boots, engineTime uint32) ([]byte, error) {
	switch k.user.Priv {
	case PrivDES:
		block, err := des.NewCipher(k.privKey[:8]) //nolint:gosec
		if err != nil {
			return nil, err
		}
		var iv [8]byte
		for i := range iv {
			iv[i] = k.privKey[8+i] ^ salt[i]
		}
		padded := make([]byte, (len(pt)+7)/8*8)
		copy(padded, pt)
		cipher.NewCBCEncrypter(block, iv[:]).CryptBlocks(padded, padded)
		return padded, nil
	default:
		block, err := aes.NewCipher(k.privKey)
		if err != nil {
			return nil, err
		}
		iv := aesIV(boots, engineTime, salt)
		ct := make([]byte, len(pt))
		//nolint:staticcheck // RFC 3826 specifies CFB-128.
		cipher.NewCFBEncrypter(block, iv[:]).XORKeyStream(ct, pt)
		return ct, nil
	}
}

func aesIV(boots, engineTime uint32, salt []byte) [16]byte {
	var iv [16]byte
	binary.BigEndian.PutUint32(iv[0:], boots)
	binary.BigEndian.PutUint32(iv[4:], engineTime)
	copy(iv[8:], salt)
	return iv
}
