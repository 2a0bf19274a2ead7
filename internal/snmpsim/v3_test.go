package snmpsim

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/snmprec"
)

func gosnmpAuth(p AuthProtocol) gosnmp.SnmpV3AuthProtocol { return gosnmp.SnmpV3AuthProtocol(p + 1) }
func gosnmpPriv(p PrivProtocol) gosnmp.SnmpV3PrivProtocol { return gosnmp.SnmpV3PrivProtocol(p + 1) }

func v3Client(t testing.TB, addr *net.UDPAddr, u User, contextName string) *gosnmp.GoSNMP {
	t.Helper()
	flags := gosnmp.NoAuthNoPriv
	switch {
	case u.Priv != PrivNone:
		flags = gosnmp.AuthPriv
	case u.Auth != AuthNone:
		flags = gosnmp.AuthNoPriv
	}
	g := &gosnmp.GoSNMP{
		Target:         addr.IP.String(),
		Port:           uint16(addr.Port),
		Version:        gosnmp.Version3,
		Timeout:        3 * time.Second,
		Retries:        1,
		MaxOids:        gosnmp.MaxOids,
		MaxRepetitions: 10,
		SecurityModel:  gosnmp.UserSecurityModel,
		MsgFlags:       flags,
		ContextName:    contextName,
		SecurityParameters: &gosnmp.UsmSecurityParameters{
			UserName:                 u.Name,
			AuthenticationProtocol:   gosnmpAuth(u.Auth),
			AuthenticationPassphrase: u.AuthPass,
			PrivacyProtocol:          gosnmpPriv(u.Priv),
			PrivacyPassphrase:        u.PrivPass,
		},
		Logger: gosnmp.NewLogger(log.New(io.Discard, "", 0)),
	}
	if err := g.Connect(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Conn.Close() })
	return g
}

// matrixUsers is one user per auth/priv combination gosnmp offers.
func matrixUsers() []User {
	users := []User{{Name: "noauth"}}
	for auth := AuthMD5; auth <= AuthSHA512; auth++ {
		for priv := PrivNone; priv <= PrivAES256C; priv++ {
			u := User{
				Name:     strings.ToLower(fmt.Sprintf("u-%v-%v", auth, priv)),
				Auth:     auth,
				AuthPass: "auth-pass-" + auth.String(),
			}
			if priv != PrivNone {
				u.Priv, u.PrivPass = priv, "priv-pass-"+priv.String()
			}
			users = append(users, u)
		}
	}
	return users
}

func TestV3Matrix(t *testing.T) {
	tiny := smallWalk(t, tinyWalk)
	users := matrixUsers()
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"tiny": tiny}, Users: users})
	for _, u := range users {
		t.Run(u.Name, func(t *testing.T) {
			g := v3Client(t, r.addr, u, "")
			res, err := g.Get([]string{".1.3.6.1.2.1.1.1.0"})
			if err != nil {
				t.Fatalf("GET: %v", err)
			}
			if got := string(res.Variables[0].Value.([]byte)); got != "tiny device" {
				t.Fatalf("sysDescr %q", got)
			}
			usp := res.SecurityParameters.(*gosnmp.UsmSecurityParameters)
			if usp.AuthoritativeEngineID != DefaultEngineID {
				t.Errorf("engine ID %x, want %x", usp.AuthoritativeEngineID, DefaultEngineID)
			}
			pdus, err := g.BulkWalkAll(".1.3.6.1.2.1")
			if err != nil {
				t.Fatalf("bulk walk: %v", err)
			}
			sameAsWalk(t, pdus, tiny.Subtree("1.3.6.1.2.1"))
			pdus, err = g.WalkAll(".1.3.6.1.4")
			if err != nil {
				t.Fatalf("walk: %v", err)
			}
			sameAsWalk(t, pdus, tiny.Subtree("1.3.6.1.4"))
		})
	}
	s := r.agent.Stats()
	if s.UnknownEngineIDs < uint64(len(users)) || s.WrongDigests != 0 || s.DecryptionErrors != 0 {
		t.Errorf("stats after the matrix: %+v", s)
	}
}

func TestV3Failures(t *testing.T) {
	good := User{Name: "ops", Auth: AuthSHA256, AuthPass: "correct-auth", Priv: PrivAES, PrivPass: "correct-priv"}
	authOnly := User{Name: "mon", Auth: AuthSHA, AuthPass: "correct-auth"}
	walks := map[string]*snmprec.Walk{"tiny": smallWalk(t, tinyWalk), "other": smallWalk(t, "1.3.6.1.2.1.1.1.0|4|other device\n")}
	r := serve(t, Options{Walks: walks, Users: []User{good, authOnly}})

	// Reports about authentication failures go out unauthenticated
	// (noAuthNoPriv, RFC 3412 7.1 and as net-snmp does), and a client that
	// already knows the engine discards them as not authentic: gosnmp then
	// fails without naming the cause. want is nil for those; the agent's
	// counters tell the cause.
	tests := []struct {
		name    string
		user    User
		context string
		want    error
		stat    func(Stats) uint64
	}{
		{"wrong auth pass", User{Name: "ops", Auth: AuthSHA256, AuthPass: "wrong-auth!", Priv: PrivAES, PrivPass: "correct-priv"}, "tiny", nil, func(s Stats) uint64 { return s.WrongDigests }},
		{"wrong auth protocol", User{Name: "ops", Auth: AuthSHA512, AuthPass: "correct-auth", Priv: PrivAES, PrivPass: "correct-priv"}, "tiny", nil, func(s Stats) uint64 { return s.WrongDigests }},
		{"wrong priv pass", User{Name: "ops", Auth: AuthSHA256, AuthPass: "correct-auth", Priv: PrivAES, PrivPass: "wrong-priv!"}, "tiny", nil, func(s Stats) uint64 { return s.DecryptionErrors }},
		{"unknown user", User{Name: "nobody", Auth: AuthSHA, AuthPass: "whatever1"}, "tiny", nil, func(s Stats) uint64 { return s.UnknownUserNames }},
		{"level too low", User{Name: "ops", Auth: AuthSHA256, AuthPass: "correct-auth"}, "tiny", nil, func(s Stats) uint64 { return s.UnsupportedLevel }},
		{"level too high", User{Name: "mon", Auth: AuthSHA, AuthPass: "correct-auth", Priv: PrivDES, PrivPass: "whatever1"}, "tiny", nil, func(s Stats) uint64 { return s.UnsupportedLevel }},
		{"unknown context", good, "nowhere", gosnmp.ErrUnknownReportPDU, func(s Stats) uint64 { return s.UnknownContext }},
		{"empty context, two devices", good, "", gosnmp.ErrUnknownReportPDU, func(s Stats) uint64 { return s.UnknownContext }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.stat(r.agent.Stats())
			g := v3Client(t, r.addr, tt.user, tt.context)
			g.Retries = 0
			_, err := g.Get([]string{".1.3.6.1.2.1.1.1.0"})
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			if after := tt.stat(r.agent.Stats()); after <= before {
				t.Errorf("counter did not move: %d -> %d", before, after)
			}
		})
	}

	// The context name selects the device.
	for ctxName, want := range map[string]string{"tiny": "tiny device", "other": "other device"} {
		g := v3Client(t, r.addr, good, ctxName)
		res, err := g.Get([]string{".1.3.6.1.2.1.1.1.0"})
		if err != nil {
			t.Fatalf("context %s: %v", ctxName, err)
		}
		if got := string(res.Variables[0].Value.([]byte)); got != want {
			t.Errorf("context %s: %q, want %q", ctxName, got, want)
		}
	}
}

func TestV3DefaultContextAndEngine(t *testing.T) {
	u := User{Name: "ops", Auth: AuthMD5, AuthPass: "correct-auth", Priv: PrivDES, PrivPass: "correct-priv"}
	engine := []byte("\x80\x00\x1f\x88\x04lab-engine")
	walks := map[string]*snmprec.Walk{"tiny": smallWalk(t, tinyWalk), "other": smallWalk(t, "1.3.6.1.2.1.1.1.0|4|other device\n")}
	r := serve(t, Options{Walks: walks, Users: []User{u}, EngineID: engine, EngineBoots: 7, DefaultContext: "other"})
	g := v3Client(t, r.addr, u, "")
	res, err := g.Get([]string{".1.3.6.1.2.1.1.1.0"})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(res.Variables[0].Value.([]byte)); got != "other device" {
		t.Errorf("default context served %q", got)
	}
	usp := res.SecurityParameters.(*gosnmp.UsmSecurityParameters)
	if usp.AuthoritativeEngineID != string(engine) || usp.AuthoritativeEngineBoots != 7 {
		t.Errorf("engine %x boots %d", usp.AuthoritativeEngineID, usp.AuthoritativeEngineBoots)
	}
}

func TestV3NotInTimeWindow(t *testing.T) {
	u := User{Name: "ops", Auth: AuthSHA, AuthPass: "correct-auth"}
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"tiny": smallWalk(t, tinyWalk)}, Users: []User{u}, EngineBoots: 3})
	g := v3Client(t, r.addr, u, "")
	// Pretend an earlier discovery: right engine, stale boots and time.
	usp := g.SecurityParameters.(*gosnmp.UsmSecurityParameters)
	usp.AuthoritativeEngineID = DefaultEngineID
	usp.AuthoritativeEngineBoots = 2
	usp.AuthoritativeEngineTime = 100000
	res, err := g.Get([]string{".1.3.6.1.2.1.1.5.0"})
	if err != nil {
		t.Fatalf("gosnmp should recover from notInTimeWindow: %v", err)
	}
	if got := string(res.Variables[0].Value.([]byte)); got != "tiny" {
		t.Errorf("sysName %q", got)
	}
	if s := r.agent.Stats(); s.NotInTimeWindow != 1 {
		t.Errorf("NotInTimeWindow = %d, want 1", s.NotInTimeWindow)
	}
}
