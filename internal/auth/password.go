// Package auth holds what signing in needs: password hashing and checks,
// and the roles.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost settings; they are stored in each hash.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
	KeyLen  uint32
}

// DefaultParams follow the RFC 9106 second recommendation (64 MiB, t=3).
var DefaultParams = Params{Memory: 64 * 1024, Time: 3, Threads: 2, KeyLen: 32}

// MinPasswordRunes is the shortest password accepted.
const MinPasswordRunes = 10

// Errors a password can be refused with; callers translate them.
var (
	ErrPasswordShort  = errors.New("password too short")
	ErrPasswordCommon = errors.New("password too common")
	ErrPasswordLong   = errors.New("password too long")
	errMalformed      = errors.New("auth: malformed password hash")
)

//go:embed common-passwords.txt
var commonList string

// CheckPassword refuses passwords that are short or on the list of common
// ones (compared without case).
func CheckPassword(pw string) error {
	n := utf8.RuneCountInString(pw)
	switch {
	case n < MinPasswordRunes:
		return ErrPasswordShort
	case len(pw) > 1024:
		return ErrPasswordLong
	}
	lower := strings.ToLower(pw)
	for _, c := range strings.Split(commonList, "\n") {
		if c = strings.TrimSpace(c); c != "" && lower == c {
			return ErrPasswordCommon
		}
	}
	return nil
}

// Hash returns the PHC-formatted argon2id hash of pw with p.
func Hash(pw string, p Params) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether pw matches hash, and whether the hash was made
// with weaker parameters than want (so the caller may rehash it).
func Verify(pw, hash string, want Params) (ok, stale bool, err error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, false, errMalformed
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, false, errMalformed
	}
	var p Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return false, false, errMalformed
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false, false, errMalformed
	}
	key, err := b64.DecodeString(parts[5])
	if err != nil || len(key) == 0 {
		return false, false, errMalformed
	}
	got := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	ok = subtle.ConstantTimeCompare(got, key) == 1
	stale = p.Memory < want.Memory || p.Time < want.Time || p.Threads < want.Threads
	return ok, stale, nil
}

// GeneratePassword makes a strong random password: 20 characters from an
// alphabet without look-alikes.
func GeneratePassword() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 20)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// Role is what a staff account may do: a misspelt role is a compile error,
// and one read from outside (a form, a flag) goes through ParseRole.
type Role string

// The roles, from most to least powerful.
const (
	RoleAdmin     Role = "admin"
	RoleEditor    Role = "editor"
	RoleOrganiser Role = "organiser"
)

// Roles are every role, in that order.
var Roles = []Role{RoleAdmin, RoleEditor, RoleOrganiser}

// ParseRole is the role named s; false when s names none.
func ParseRole(s string) (Role, bool) {
	r := Role(s)
	return r, slices.Contains(Roles, r)
}
