package server

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"triagedesk/triage"
)

// argon2id settings: OWASP's first recommendation (19 MiB, two passes, one lane),
// which costs tens of milliseconds on an ordinary server, so guessing is slow but a
// sign-in is not.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// Password lengths: NCSC advice is length over rules; the upper bound keeps hashing
// cheap to refuse.
const (
	minPassword = 10
	maxPassword = 200
)

// checkPassword refuses a password too short or too long to be used, saying why.
func checkPassword(pw string) error {
	n := utf8.RuneCountInString(pw)
	if n < minPassword {
		return triage.Errorf(triage.EINVALID, "please choose a password of at least %d characters; three random words work well", minPassword)
	}
	if n > maxPassword {
		return triage.Errorf(triage.EINVALID, "please choose a password of at most %d characters", maxPassword)
	}
	return nil
}

// hashPassword returns pw's argon2id hash as a PHC string, with its salt and settings.
func hashPassword(pw string) string {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// dummyHash is checked against when an address has no account, so that a wrong
// address takes as long to refuse as a wrong password.
var dummyHash = hashPassword("not a password anyone has")

// passwordMatches reports whether pw matches a PHC string made by hashPassword (with
// any settings), comparing in constant time. An empty or unreadable hash never matches.
func passwordMatches(hash, pw string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		passwordMatches(dummyHash, pw) // same cost either way
		return false
	}
	var version int
	var mem uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &t, &p); err != nil || t == 0 || p == 0 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, t, mem, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}
