package auth

import (
	"errors"
	"strings"
	"testing"
)

// cheap keeps the tests fast; the format and checks are the same.
var cheap = Params{Memory: 1024, Time: 1, Threads: 1, KeyLen: 32}

func TestHashAndVerify(t *testing.T) {
	h, err := Hash("correct horse battery", cheap)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Fatalf("hash %q does not carry its parameters", h)
	}
	if h2, _ := Hash("correct horse battery", cheap); h2 == h {
		t.Error("two hashes of one password are equal: no salt")
	}
	for pw, want := range map[string]bool{"correct horse battery": true, "correct horse batter": false, "": false, "Correct horse battery": false} {
		ok, stale, err := Verify(pw, h, cheap)
		if err != nil || ok != want || stale {
			t.Errorf("Verify(%q) = %v, %v, %v", pw, ok, stale, err)
		}
	}
	if _, stale, _ := Verify("correct horse battery", h, DefaultParams); !stale {
		t.Error("a hash weaker than the defaults is not reported stale")
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x$AA$AA", "plain"} {
		if _, _, err := Verify("x", bad, cheap); err == nil {
			t.Errorf("Verify accepted malformed hash %q", bad)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	for pw, want := range map[string]error{
		"short":                   ErrPasswordShort,
		"密码太短了":                   ErrPasswordShort,
		"Password123":             ErrPasswordCommon,
		"woaini1314":              ErrPasswordCommon,
		"Zh4ngxue-Shenyang":       nil,
		"展会后台的一个很长的密码":            nil,
		strings.Repeat("a", 2000): ErrPasswordLong,
	} {
		if err := CheckPassword(pw); !errors.Is(err, want) {
			t.Errorf("CheckPassword(%.20q) = %v, want %v", pw, err, want)
		}
	}
	g := GeneratePassword()
	if len(g) != 20 || CheckPassword(g) != nil {
		t.Errorf("generated %q", g)
	}
}
