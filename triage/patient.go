package triage

import (
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxNameLength is the most characters a given or family name may have. The longest
// names on NHS records fit well inside it; anything longer is a paste by mistake.
const MaxNameLength = 100

// MaxAge is the oldest a patient can be, in years. A date of birth further back is a
// typing mistake (1882 for 1982), and would make the engine treat an adult as very old.
const MaxAge = 120

// ParseName checks a given or family name a patient typed and returns it without
// surrounding spaces: present, at most MaxNameLength characters, and free of control
// characters (a newline in a name breaks every list it is shown in). what names the
// field ("given name", "family name") in the message.
func ParseName(what, s string) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", Errorf(EINVALID, "the %s is missing", what).ForPatient("Please enter your %s.", what)
	case !utf8.ValidString(s):
		return "", Errorf(EINVALID, "the %s is not valid text (UTF-8)", what).ForPatient("Please type your %s again: it has characters we cannot read.", what)
	case utf8.RuneCountInString(s) > MaxNameLength:
		return "", Errorf(EINVALID, "the %s is %d characters long; the most is %d", what, utf8.RuneCountInString(s), MaxNameLength).
			ForPatient("Your %s is longer than %d characters. Please enter it as it appears on letters from your GP.", what, MaxNameLength)
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return "", Errorf(EINVALID, "the %s has a control character (a line break or tab)", what).ForPatient("Please enter your %s on one line.", what)
	}
	return s, nil
}

// ParseBirthDate reads a date of birth like 1980-04-21 and checks it is a possible
// one at now: not in the future and not more than MaxAge years ago.
func ParseBirthDate(s string, now time.Time) (time.Time, error) {
	b, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, Errorf(EINVALID, "date of birth %q is not a date like 1980-04-21", s).
			ForPatient("Please enter your date of birth as year, month and day, like 1980-04-21.")
	}
	return b, CheckBirthDate(b, now)
}

// CheckBirthDate checks a date of birth is a possible one at now: not after today
// (by the calendar, so a baby born today in any time zone is accepted) and not more
// than MaxAge years ago.
func CheckBirthDate(b, now time.Time) error {
	by, bm, bd := b.Date()
	ny, nm, nd := now.Date()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	birth, today := day(by, bm, bd), day(ny, nm, nd)
	switch {
	case birth.After(today):
		return Errorf(EINVALID, "date of birth %s is in the future", b.Format(time.DateOnly)).
			ForPatient("The date of birth %s is in the future. Please check the year.", b.Format(time.DateOnly))
	case birth.Before(today.AddDate(-MaxAge, 0, 0)):
		return Errorf(EINVALID, "date of birth %s is more than %d years ago", b.Format(time.DateOnly), MaxAge).
			ForPatient("The date of birth %s is more than %d years ago. Please check the year.", b.Format(time.DateOnly), MaxAge)
	}
	return nil
}

// Site is one surgery building of the practice.
type Site struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// GPTeam is a continuity team of clinicians; every patient belongs to one.
type GPTeam struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	SiteID string `json:"siteId"`
}

// Patient is a person registered with the practice. A patient with an account acts for
// themself; a dependant (a child, or an adult someone cares for) has no account of their
// own and is linked to the accounts that may act for them.
type Patient struct {
	ID         int64     `json:"id"`
	Version    int       `json:"version"`
	NHSNumber  NHSNumber `json:"nhsNumber"`
	GivenName  string    `json:"givenName"`
	FamilyName string    `json:"familyName"`
	BirthDate  time.Time `json:"birthDate"` // a date; the time of day is ignored
	Sex        Sex       `json:"sex"`
	SiteID     string    `json:"siteId"`
	GPTeamID   string    `json:"gpTeamId"`
	// ActedForBy lists the accounts that may submit and see requests for this patient:
	// the patient's own account, or for a dependant each linked carer's account.
	ActedForBy []int64 `json:"actedForBy,omitempty"`
	// Dependant is true when the patient has no account of their own.
	Dependant bool `json:"dependant"`
	// Unverified is true for a provisional record: what a new account claimed, which
	// the practice has not yet checked against its list. Its requests are shown as
	// "identity not verified", and the account sees no replies that could hold records.
	Unverified bool `json:"unverified,omitempty"`
	// Phone and Email are how the practice reaches the patient, as its records hold
	// them: "call the patient now" needs the number. Either may be empty.
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
}

// Name is the patient's name as staff read it.
func (p *Patient) Name() string {
	return strings.TrimSpace(p.GivenName + " " + p.FamilyName)
}

// AgeAt returns the patient's age in whole years at t.
func (p *Patient) AgeAt(t time.Time) int {
	return AgeAt(p.BirthDate, t)
}

// AgeAt returns the age in whole years at t of someone born on birth.
func AgeAt(birth, t time.Time) int {
	by, bm, bd := birth.Date()
	ty, tm, td := t.Date()
	age := ty - by
	if tm < bm || (tm == bm && td < bd) {
		age--
	}
	if age < 0 {
		return 0
	}
	return age
}

// AgeMonthsAt returns the age in whole months at t, which matters for babies (a
// fever under three months is an emergency).
func AgeMonthsAt(birth, t time.Time) int {
	by, bm, bd := birth.Date()
	ty, tm, td := t.Date()
	months := (ty-by)*12 + int(tm-bm)
	if td < bd {
		months--
	}
	if months < 0 {
		return 0
	}
	return months
}

// Validate checks what a patient record must hold before it is stored.
func (p *Patient) Validate() error {
	if _, err := ParseNHSNumber(string(p.NHSNumber)); err != nil {
		return err
	}
	if strings.TrimSpace(p.GivenName) == "" || strings.TrimSpace(p.FamilyName) == "" {
		return Errorf(EINVALID, "a patient needs a given name and a family name")
	}
	if p.BirthDate.IsZero() {
		return Errorf(EINVALID, "a patient needs a date of birth")
	}
	if p.BirthDate.After(time.Now().Add(24 * time.Hour)) {
		return Errorf(EINVALID, "date of birth %s is in the future", p.BirthDate.Format(time.DateOnly))
	}
	if _, err := ParseSex(string(p.Sex)); err != nil {
		return err
	}
	if p.Phone != "" && !phoneLike(p.Phone) {
		return Errorf(EINVALID, "patient %d's phone number %q is not a phone number", p.ID, p.Phone)
	}
	if p.Email != "" && ValidateEmail(p.Email) != nil {
		return Errorf(EINVALID, "patient %d's email address %q is not an email address", p.ID, p.Email)
	}
	return nil
}

// Account is a patient's sign-in to the online service: an email address and a
// password. It acts for one patient (0 until it has told the practice who it is), and
// for dependants; until staff verify its claim, the patient is a provisional record.
type Account struct {
	ID         int64   `json:"id"`
	Email      string  `json:"email"`
	PatientID  int64   `json:"patientId"`
	Dependants []int64 `json:"dependants,omitempty"`
	// Verified is true once staff have matched the account to a patient on the list.
	Verified bool `json:"verified"`
}

// ValidateEmail checks an account's email address.
func ValidateEmail(s string) error {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != strings.TrimSpace(s) {
		return Errorf(EINVALID, "%q is not an email address like name@example.com", s).
			ForPatient("Please check your email address: it should look like name@example.com.")
	}
	return nil
}
