package usm

import (
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	n := Names{User: "user", AuthProtocol: "auth", AuthPass: "authpass", PrivProtocol: "priv", PrivPass: "privpass"}
	for _, tc := range []struct {
		s    Settings
		want string // "" valid
	}{
		{Settings{User: "u"}, ""},
		{Settings{User: "u", AuthProtocol: "sha256", AuthPass: true}, ""},
		{Settings{User: "u", AuthProtocol: "SHA512", AuthPass: true, PrivProtocol: "aes256c", PrivPass: true}, ""},
		{Settings{}, "user: empty"},
		{Settings{User: "u", AuthProtocol: "sha1", AuthPass: true}, `auth "sha1": must be one of md5, sha,`},
		{Settings{User: "u", AuthProtocol: "sha", AuthPass: true, PrivProtocol: "rot13", PrivPass: true}, `priv "rot13"`},
		{Settings{User: "u", AuthProtocol: "sha"}, "auth and authpass go together"},
		{Settings{User: "u", AuthPass: true}, "auth and authpass go together"},
		{Settings{User: "u", AuthProtocol: "sha", AuthPass: true, PrivPass: true}, "priv and privpass go together"},
		{Settings{User: "u", PrivProtocol: "aes", PrivPass: true}, "privacy needs authentication: priv needs auth"},
	} {
		err := Validate(tc.s, n)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%+v: %v, want %q", tc.s, err, tc.want)
		}
	}
	if ValidPassphrase("1234567") == nil || ValidPassphrase("12345678") != nil {
		t.Error("passphrases of 8 characters at least")
	}
	if err := ValidPassphrase("secret!"); strings.Contains(err.Error(), "secret!") {
		t.Error("passphrase in the error")
	}
}
